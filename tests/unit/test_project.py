"""One notion of a project: its root, its claim files and its knowledge base, for every command.

In process (`config.load_project`, `Project.apply`): the same answers whichever path is
named and from whichever folder, the documented defaults, and nothing outside the root.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.config import ConfigError, apply_config, load_project
from claimcheck.core.options import Options, PathNotFoundError
from claimcheck.kb.files import run_kb_files
from tests.helpers import HEADER


def _newsroom(root: Path, config: str = "") -> Path:
    (root / "pyproject.toml").write_text("[project]\nname = 'n'\n" + config, encoding="utf-8")
    for folder in ("articles", "claims", "kb"):
        (root / folder).mkdir()
    (root / "articles" / "a.txt").write_text("A\n\nText.\n", encoding="utf-8")
    (root / "articles" / "b.txt").write_text("B\n\nText.\n", encoding="utf-8")
    for name in ("a", "b"):
        body = HEADER.replace("articles/a.txt", f"../articles/{name}.txt") + "claims: []\n"
        (root / "claims" / f"{name}.claims.yaml").write_text(body, encoding="utf-8")
    (root / "kb" / "topic.kb.yaml").write_text("claimcheck-kb: 1\n", encoding="utf-8")
    return root


def _kb_files(options: Options) -> list[str]:
    return [p.name for p in run_kb_files(options, None, Path.cwd())]


def test_the_defaults_claims_and_kb_from_the_root_or_a_subfolder(tmp_path, monkeypatch):
    root = _newsroom(tmp_path)
    for cwd in (root, root / "articles"):
        monkeypatch.chdir(cwd)
        project = load_project()
        assert project.root == root
        assert project.claims == (str(root / "claims"),)
        assert project.kb == (str(root / "kb"), str(root / "claims"))
        # Naming one claim file never changes the knowledge base.
        named = apply_config(Options(paths=(str(root / "claims" / "a.claims.yaml"),)))
        assert _kb_files(named) == ["topic.kb.yaml"]
        assert apply_config(Options(), named=False).paths == (str(root / "claims"),)


def test_a_flat_project_uses_the_kb_files_at_its_top_only(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'n'\n", encoding="utf-8")
    (tmp_path / "top.kb.yaml").write_text("claimcheck-kb: 1\n", encoding="utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "deep.kb.yaml").write_text("claimcheck-kb: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert load_project().kb == (str(tmp_path / "top.kb.yaml"),)


def test_configured_claims_kb_and_export(tmp_path, monkeypatch):
    config = (
        '[tool.claimcheck]\nclaims = ["claims"]\nkb = ["kb/topic.kb.yaml"]\n'
        '[tool.claimcheck.export]\nreviewer = "Desk"\nurl = "https://d.example/r"\n'
    )
    root = _newsroom(tmp_path, config)
    monkeypatch.chdir(root / "kb")
    project = load_project()
    assert project.kb == (str(root / "kb" / "topic.kb.yaml"),)
    assert project.export == {"reviewer": "Desk", "url": "https://d.example/r"}
    assert "export" not in project.settings  # not an Options field


@pytest.mark.parametrize(
    ("config", "error", "words"),
    [
        ('claims = ["../elsewhere"]', ConfigError, "claims: .* is outside the project root"),
        ('kb = ["missing"]', PathNotFoundError, r"^missing: no such file or folder \(`kb` in"),
        ('[tool.claimcheck.export]\nauthor = "x"', ConfigError, "unknown key: the keys are"),
        ('[tool.claimcheck.export]\nreviewer = ""', ConfigError, "reviewer: expected text"),
    ],
)
def test_a_bad_project_setting_is_one_clear_error(tmp_path, monkeypatch, config, error, words):
    (tmp_path / "elsewhere").mkdir()
    root = tmp_path / "p"
    root.mkdir()
    table = config if config.startswith("[") else f"[tool.claimcheck]\n{config}"
    _newsroom(root, "\n" + table + "\n")
    monkeypatch.chdir(root)
    with pytest.raises(error, match=words):
        load_project()


def test_a_missing_path_or_claim_folder_is_said_in_one_line(tmp_path, monkeypatch):
    root = _newsroom(tmp_path)
    monkeypatch.chdir(root / "articles")
    with pytest.raises(PathNotFoundError, match=r"^\.\./claim: no such file or folder"):
        load_project(("../claim",))
    with pytest.raises(PathNotFoundError, match=r"did you mean \.\./claims/\?\)$"):
        load_project(("../claim",))  # said from where it was typed: ../claims/, not claims/
    with pytest.raises(PathNotFoundError, match=r"did you mean \.\./claims/a\.claims\.yaml\?"):
        load_project(("../claims/aa.claims.yaml",))  # the folder kept, so it can be pasted
    (root / "claims" / "a.claims.yaml").unlink()
    (root / "claims" / "b.claims.yaml").unlink()
    (root / "claims").rmdir()
    with pytest.raises(PathNotFoundError, match="where the claim files are expected"):
        load_project().claim_paths()


def test_an_article_or_a_kb_file_stands_for_the_claim_files_that_depend_on_it(
    tmp_path, monkeypatch
):
    root = _newsroom(tmp_path)
    monkeypatch.chdir(root)
    project = load_project()
    claims = root / "claims"
    assert project.expand_paths(["articles/b.txt"]) == (str(claims / "b.claims.yaml"),)
    assert project.expand_paths(["kb/topic.kb.yaml"]) == (str(claims),)
    (root / "NOTES.md").write_text("notes\n", encoding="utf-8")
    assert project.expand_paths(["NOTES.md"]) == ()  # nothing depends on it
    # A claim file, a folder or a YAML file named directly stands for itself.
    named = ["claims/a.claims.yaml", "claims", "x.yaml"]
    assert project.expand_paths(named) == tuple(named)


def test_a_run_with_no_claim_files_says_so(tmp_path, monkeypatch, capsys):
    from claimcheck.app import VerifyRequest, run_verify

    root = _newsroom(tmp_path)
    (root / "empty").mkdir()
    monkeypatch.chdir(root)
    stdout = root / "report.txt"
    with stdout.open("w", encoding="utf-8") as out:
        code = run_verify(VerifyRequest(paths=("empty",), no_cache=True), out)
    assert code == 0
    assert "0 files" in stdout.read_text(encoding="utf-8")
    assert capsys.readouterr().err == (
        "claimcheck: no claim files to check in empty (files named *.claims.yaml, "
        "*.claims.yml or *.claims.json, or the claim files of a named article)\n"
    )
    with stdout.open("w", encoding="utf-8") as out:
        assert run_verify(VerifyRequest(paths=("claims",), no_cache=True), out) == 0
    assert capsys.readouterr().err == ""


def test_a_flat_project_s_article_stands_for_the_claim_files_at_its_top(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'n'\n", encoding="utf-8")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("A\n", encoding="utf-8")
    (tmp_path / "x.claims.yaml").write_text(HEADER + "claims: []\n", encoding="utf-8")
    (tmp_path / "k.kb.yaml").write_text("claimcheck-kb: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    project = load_project()
    top = (str(tmp_path / "x.claims.yaml"),)
    assert project.expand_paths(["articles/a.txt"]) == top
    assert project.expand_paths(["k.kb.yaml"]) == top
    with pytest.raises(PathNotFoundError):
        project.claim_paths()  # a bare `verify` still names the folder it expected


def test_a_path_is_shown_with_dot_dot_only_inside_the_project(tmp_path: Path):
    from claimcheck.core.project import display_path

    project = tmp_path / "newsroom"
    (project / "articles").mkdir(parents=True)
    (project / "claims").mkdir()
    (project / "pyproject.toml").write_text("[project]\nname = 'n'\n", encoding="utf-8")
    other = tmp_path / "elsewhere"
    other.mkdir()
    base = (project / "articles").resolve()
    # From the articles/ folder, the claim files beside it are `../claims/...`.
    assert display_path(project / "claims" / "a.claims.yaml", base) == "../claims/a.claims.yaml"
    # A folder beside the project (pytest's, beside a checkout in /tmp) is named as it is.
    outside = other / "b.claims.yaml"
    assert display_path(outside, base) == outside.as_posix()
