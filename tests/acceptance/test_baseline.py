"""Baselines: today's findings stop failing the run; new ones still do, wherever lines move."""

import json

from tests.helpers import BAD_BODY, BRICS_LIST, write_claims


def _verify(run_cli, project, *args):
    return run_cli("verify", ".", *args, cwd=project)


def test_a_baseline_survives_an_unrelated_edit_and_catches_a_new_finding(run_cli, project):
    path = write_claims(project, BAD_BODY)
    first = _verify(run_cli, project, "--write-baseline", "baseline.json")
    assert first.returncode == 0, first.stdout
    assert "1 suppressed" in first.stdout
    assert _verify(run_cli, project).returncode == 1  # without the baseline it still fails

    # An edit elsewhere in the file: three comment lines on top move every line down.
    text = path.read_text(encoding="utf-8")
    moved = text.replace("claims:\n", "# edited\n# elsewhere\n# in the file\nclaims:\n")
    path.write_text(moved, encoding="utf-8")
    edited = _verify(run_cli, project, "--baseline", "baseline.json")
    assert edited.returncode == 0, edited.stdout
    assert "a.claims.yaml:30:14: error CC101" in edited.stdout  # three lines further down
    assert "(suppressed: listed in the baseline baseline.json)" in edited.stdout

    # A new finding: a second complete list that omits India is not in the baseline.
    second = BRICS_LIST.replace("brics-members", "brics-again")
    path.write_text(moved + second, encoding="utf-8")
    new = _verify(run_cli, project, "--baseline", "baseline.json", "--format", "json")
    assert new.returncode == 1
    active = [f for f in json.loads(new.stdout)["findings"] if f["suppressed"] is None]
    assert [f["claim"] for f in active] == ["brics-again"]


def test_baseline_paths_are_relative_to_the_baseline_file(run_cli, project):
    (project / "claims").mkdir()
    p = write_claims(project / "claims", BAD_BODY)
    p.write_text(p.read_text().replace("text: articles/a.txt", "text: ../articles/a.txt"))
    assert _verify(run_cli, project, "--write-baseline", "baseline.json").returncode == 0
    doc = json.loads((project / "baseline.json").read_text(encoding="utf-8"))
    assert doc["format"] == "claimcheck-baseline" and doc["version"] == 1
    assert [(e["rule"], e["path"], e["claim"]) for e in doc["findings"]] == [
        ("CC101", "claims/a.claims.yaml", "brics-members")
    ]
    # From inside claims/, naming the baseline by another path, the finding still matches.
    inside = run_cli("verify", ".", "--baseline", "../baseline.json", cwd=project / "claims")
    assert inside.returncode == 0, inside.stdout


def test_written_baselines_are_sorted_and_byte_identical(run_cli, project):
    write_claims(project, BAD_BODY)
    write_claims(project, BAD_BODY, "b.claims.yaml")
    _verify(run_cli, project, "--write-baseline", "one.json")
    run_cli("verify", "b.claims.yaml", "a.claims.yaml", "--write-baseline", "two.json", cwd=project)
    one = (project / "one.json").read_bytes()
    assert one == (project / "two.json").read_bytes()
    paths = [e["path"] for e in json.loads(one)["findings"]]
    assert paths == ["a.claims.yaml", "b.claims.yaml"]


def test_unreadable_files_are_never_baselined(run_cli, project):
    (project / "bad.claims.yaml").write_text("a: 1\na: 2\n", encoding="utf-8")
    result = _verify(run_cli, project, "--write-baseline", "baseline.json")
    assert result.returncode == 2
    assert json.loads((project / "baseline.json").read_text())["findings"] == []


def test_a_bad_baseline_file_is_a_usage_error(run_cli, project):
    write_claims(project, BAD_BODY)
    missing = _verify(run_cli, project, "--baseline", "nope.json")
    assert missing.returncode == 2 and "cannot read baseline nope.json" in missing.stderr
    (project / "b.json").write_text('{"format": "other"}', encoding="utf-8")
    wrong = _verify(run_cli, project, "--baseline", "b.json")
    assert wrong.returncode == 2 and "not a claimcheck baseline" in wrong.stderr
    (project / "c.json").write_text("{", encoding="utf-8")
    broken = _verify(run_cli, project, "--baseline", "c.json")
    assert broken.returncode == 2 and "not JSON" in broken.stderr
    assert "Traceback" not in missing.stderr + wrong.stderr + broken.stderr
