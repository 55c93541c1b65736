"""The baseline file as users meet it: its exact bytes, its errors, and what it matches.

Written to kill the survivors mutation testing found in `claimcheck.baseline` (issue 21).
"""

from __future__ import annotations

import json

import pytest

from claimcheck.app import Options, UsageError, verify, verify_stream
from claimcheck.baseline import (
    accept_stream,
    apply_baseline,
    fingerprint,
    read_baseline,
    write_baseline,
)
from claimcheck.core.findings import Finding, Location, Severity
from tests.helpers import BAD_BODY, write_claims


def _f(message="omits India", claim="Alpha", pointer="/claims/0/members", **kw) -> Finding:
    path = kw.pop("path", "a.claims.yaml")
    return Finding("CC101", Severity.ERROR, message, Location(path, 3, 5), pointer, claim, **kw)


def test_the_baseline_file_is_sorted_indented_ascii_json_relative_to_its_folder(
    tmp_path, monkeypatch
):
    """Sorted by path, rule, claim (none first), pointer; paths from the baseline's folder,
    wherever the run started; suppressed and fatal findings are not listed."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    findings = [
        _f("omits Brazil ✓"),
        _f("bad date", claim=None, pointer="/article/published"),
        _f("switched off", suppressed="by a note"),
        _f("unreadable", fatal=True),
    ]
    write_baseline(findings, "sub/b.json")
    text = (tmp_path / "sub" / "b.json").read_bytes().decode("ascii")
    expected = {
        "format": "claimcheck-baseline",
        "version": 1,
        "findings": [
            {
                "rule": "CC101",
                "path": "../a.claims.yaml",
                "claim": None,
                "pointer": "/article/published",
                "message": "bad date",
            },
            {
                "rule": "CC101",
                "path": "../a.claims.yaml",
                "claim": "Alpha",
                "pointer": "/claims/0/members",
                "message": "omits Brazil ✓",
            },
        ],
    }
    assert text == json.dumps(expected, indent=2, ensure_ascii=True) + "\n"


def test_a_fingerprint_is_stable_and_ignores_the_line_and_message():
    """SARIF's partialFingerprints: a changed value makes every known result look new."""
    assert fingerprint(_f()) == "d585f860af0faa5ebbd257a773658578"
    assert fingerprint(_f(claim=None)) == "7f4a43e35e8218ced1a0dc4d362f4cb4"
    moved = Finding("CC101", Severity.ERROR, "x", Location("a.claims.yaml", 90, 1), "/claims/7")
    assert fingerprint(moved) == fingerprint(
        Finding("CC101", Severity.ERROR, "y", Location("a.claims.yaml", 2, 9), "/claims/7")
    )


def test_without_a_claim_id_another_pointer_is_a_new_finding(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_baseline([_f("bad date", claim=None, pointer="/article/published")], "b.json")
    [other] = apply_baseline([_f("bad date", claim=None, pointer="/article/title")], "b.json")
    assert other.suppressed is None


def test_a_baseline_in_another_folder_matches_by_the_path_from_that_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    write_baseline([_f()], "sub/b.json")
    found = apply_baseline([_f(), _f(path="sub/a.claims.yaml")], "sub/b.json")
    assert [f.suppressed for f in found] == ["listed in the baseline sub/b.json", None]
    assert found[0].baselined


def test_suppressed_and_fatal_findings_are_left_as_they_are(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_baseline([_f()], "b.json")
    fatal, noted = _f(fatal=True), _f(suppressed="by a note")
    assert apply_baseline([fatal, noted], "b.json") == [fatal, noted]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "is not JSON"),
        ('{"format": "claimcheck-baseline", "version": 2, "findings": []}', "not a claimcheck"),
        ('{"format": "other", "version": 1, "findings": []}', "not a claimcheck baseline"),
        ("[]", "not a claimcheck baseline (format 'claimcheck-baseline', version 1)"),
        ('{"format": "claimcheck-baseline", "version": 1}', "b.json: 'findings' is a list"),
        ("[1]", "not a claimcheck"),
        ('$H"findings": [1]}', "b.json: findings[0]: each baseline entry is an object"),
        ('$H"findings": [{"rule": "CC101"}]}', "b.json: findings[0]: baseline entry lacks 'path'"),
        (
            '$H"findings": [{"rule": 1, "path": "a", "pointer": "", "message": "m"}]}',
            "b.json: findings[0]: baseline entry fields are text",
        ),
        (
            (
                '$H"findings": [{"rule": "R", "path": "a", "pointer": "", "message": "m", '
                '"claim": 2}]}'
            ),
            "b.json: findings[0]: baseline entry fields are text",
        ),
    ],
)
def test_a_bad_baseline_file_is_a_usage_error_that_says_what_is_wrong(
    tmp_path, monkeypatch, content, message
):
    monkeypatch.chdir(tmp_path)
    head = '{"format": "claimcheck-baseline", "version": 1, '
    (tmp_path / "b.json").write_text(content.replace("$H", head), encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        read_baseline("b.json")
    assert message in str(caught.value)


def test_a_missing_baseline_file_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError, match=r"(?i)cannot read baseline nope\.json: no such file"):
        read_baseline("nope.json")
    with pytest.raises(UsageError, match=r"cannot write baseline no/b\.json: No such file"):
        write_baseline([_f()], "no/b.json")


def test_accepting_a_streamed_run_writes_what_write_baseline_would(project, monkeypatch):
    """`--write-baseline` streams: every finding comes out accepted (the knowledge base's
    too), except those already suppressed or fatal, and the file written once the last file
    is through is the one the collected run would write."""
    monkeypatch.chdir(project)
    write_claims(project, BAD_BODY)
    write_claims(project, BAD_BODY, name="b.claims.yaml")
    (project / "c.claims.yaml").write_text("claimcheck: [\n", encoding="utf-8")
    (project / "k.kb.yaml").write_text(KB_WITH_A_PROBLEM, encoding="utf-8")
    collected = verify(Options(paths=(".",)))
    assert any(f.fatal for f in collected.findings)
    write_baseline(collected.findings, "expected.json")
    stream = accept_stream(verify_stream(Options(paths=(".",))), "streamed.json")
    assert [f.baselined for f in stream.info.kb_findings] == [True]
    assert not (project / "streamed.json").exists()  # written after the last file
    accepted = [f for r in stream.files for f in r.findings]
    assert len(accepted) == len(collected.findings) - 1  # the KB's finding is in info
    reason = "listed in the baseline streamed.json"
    assert [f.fatal for f in accepted if not f.baselined] == [True]
    assert all(f.suppressed == reason for f in accepted if not f.fatal)
    assert (project / "streamed.json").read_text() == (project / "expected.json").read_text()
    (project / "c.claims.yaml").unlink()
    rerun = verify(Options(paths=(".",), baseline="streamed.json"))
    assert rerun.exit_code == 0
    assert len(rerun.findings) == len(collected.findings) - 1
    assert all(f.baselined and f.suppressed == reason for f in rerun.findings)


KB_WITH_A_PROBLEM = """claimcheck-kb: 1
entities:
  e: {name: E, kind: event}
facts:
  - {id: f1, kind: event, event: e, date: 2019-11-30, sources: [{title: S}]}
  - {id: f1, kind: event, event: e, date: 2019-12-01, sources: [{title: S}]}
"""
