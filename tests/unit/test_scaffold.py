"""`claimcheck init`: whatever the article's file name holds, the claim file says only it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.core.options import UsageError
from claimcheck.loader import load_document
from claimcheck.scaffold import init_claims
from tests.hostile import make_project


@pytest.mark.parametrize(
    "name",
    [
        "a\nclaims: [injected]\n#.txt",  # a line break would end the comment and start YAML
        "a\rb.txt",
        "a\u2028claims: x.txt",  # a line break to YAML 1.1 readers and some editors
        "a\u202eb.txt",  # a bidi override
    ],
)
def test_a_file_name_cannot_write_yaml_into_the_comment(tmp_path: Path, monkeypatch, name: str):
    make_project(tmp_path)
    (tmp_path / name).write_text("Title\n\nBody.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    target, _ = init_claims(name, "x.claims.yaml", today=dt.date(2026, 11, 30))
    raw = target.read_bytes()
    data = load_document(str(target), raw).data
    assert data["claims"] == [] and data["article"]["text"] == name
    text = raw.decode("utf-8")
    assert text.isascii()
    comment = next(line for line in text.splitlines() if line.startswith("# Claims of"))
    assert comment.startswith('# Claims of the article in "a')


def test_a_file_name_no_claim_file_may_hold_is_refused(tmp_path: Path, monkeypatch):
    make_project(tmp_path)
    (tmp_path / "a\x1b[31mred.txt").write_text("Title\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError, match=r'"a\\u001b\[31mred.txt" holds a control character'):
        init_claims("a\x1b[31mred.txt", "x.claims.yaml")
    assert not (tmp_path / "x.claims.yaml").exists()


def test_a_plain_file_name_is_written_as_it_is(tmp_path: Path, monkeypatch):
    make_project(tmp_path)
    (tmp_path / "my article.txt").write_text("Title\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    target, schemas = init_claims("my article.txt", today=dt.date(2026, 11, 30))
    assert target == tmp_path / "claims" / "my article.claims.yaml"  # where verify looks
    assert [p.name for p in schemas] == ["claims-v1.json", "report-v2.json", "kb-v1.json"]
    text = target.read_text()
    assert "# Claims of the article in ../my article.txt. Replace" in text
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/claims-v1.json"
    # The schema is written once: a second article's init leaves the project's copy alone.
    (tmp_path / "schema" / "claims-v1.json").write_text("{}", encoding="utf-8")
    (tmp_path / "b.txt").write_text("B\n", encoding="utf-8")
    assert init_claims("b.txt")[1] == []
    assert (tmp_path / "schema" / "claims-v1.json").read_text() == "{}"


def test_init_writes_into_the_configured_claim_folder(tmp_path: Path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\nclaims = ["fact-checks"]\n')
    (tmp_path / "fact-checks").mkdir()
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("Title\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "articles")
    target, _ = init_claims("a.txt")
    assert target == tmp_path / "fact-checks" / "a.claims.yaml"


def test_init_writes_beside_a_configured_claim_file(tmp_path: Path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.claimcheck]\nclaims = ["desk/one.claims.yaml"]\n'
    )
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "one.claims.yaml").write_text("", encoding="utf-8")
    (tmp_path / "b.txt").write_text("B\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert init_claims("b.txt")[0] == tmp_path / "desk" / "b.claims.yaml"
