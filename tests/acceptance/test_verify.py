"""`claimcheck verify` end to end: the seed article, reports, and exit codes 0, 1 and 2."""

import json
import os

import jsonschema

from tests.conftest import OUTPUT_SETTINGS, SCHEMA_DIR, SEED
from tests.helpers import CLEAN_BODY, write_claims


def _line_of(path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


def test_seed_article_reports_the_brics_omission(run_cli):
    result = run_cli("verify", "claims/")
    assert result.returncode == 1, result.stdout + result.stderr
    line = _line_of(SEED, "members: [brazil, russia, china, south-africa]")
    expected = (
        f"claims/japan-india-2plus2.claims.yaml:{line}:14: error CC101 the list of BRICS "
        "presented as complete omits India, which claim 'india-in-brics' names as a member "
        "[brics-members]"
    )
    assert expected in result.stdout.splitlines()
    assert result.stderr == ""


def test_json_report_validates_against_its_schema(run_cli):
    result = run_cli("verify", "claims/", "--format", "json")
    report = json.loads(result.stdout)
    schema = json.loads((SCHEMA_DIR / "report-v2.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(report)
    assert report["summary"]["exit_code"] == result.returncode == 1
    assert report["summary"]["claims"] == 29


def test_output_file_and_determinism(run_cli, tmp_path):
    out1, out2 = tmp_path / "1.json", tmp_path / "2.json"
    run_cli("verify", "claims/", "--format", "json", "-o", str(out1), env={"PYTHONHASHSEED": "1"})
    run_cli("verify", "claims/", "--format", "json", "-o", str(out2), env={"PYTHONHASHSEED": "2"})
    assert out1.read_bytes() == out2.read_bytes()
    assert out1.read_bytes().endswith(b"}\n")


def test_clean_file_exits_0(run_cli, project):
    write_claims(project, CLEAN_BODY)
    result = run_cli("verify", ".", cwd=project)
    assert result.returncode == 0, result.stdout
    assert result.stdout.endswith("1 file, 1 claim: 0 errors, 0 warnings, 0 info\n")


def test_schema_violation_exits_1_with_position(run_cli, project):
    write_claims(
        project,
        """claims:
  - id: c
    kind: membership
    group: brics
    members: [india]
    complete: yes
    colour: red
    quote: q
""",
    )
    result = run_cli("verify", ".", cwd=project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    said = "complete: write true or false (yes, no, on and off are text in a claim file)"
    assert f"a.claims.yaml:13:15: error CC002 {said} [c]" in lines
    assert any(
        line.startswith("a.claims.yaml:14:5: error CC002 unknown field 'colour'") for line in lines
    )


def test_unreadable_file_exits_2_without_traceback(run_cli, project):
    (project / "bad.claims.yaml").write_text("a: 1\na: 2\n", encoding="utf-8")
    result = run_cli("verify", ".", cwd=project)
    assert result.returncode == 2
    assert "bad.claims.yaml:2:1: error CC001 duplicate key 'a' (first at 1:1)" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_missing_path_and_bad_option_exit_2(run_cli, project):
    assert run_cli("verify", "nope.claims.yaml", cwd=project).returncode == 2
    result = run_cli("verify", "--format", "xml", cwd=project)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert run_cli("verify", "--select", "ZZ9", cwd=project).returncode == 2


def test_article_path_may_not_leave_the_project(run_cli, project):
    path = write_claims(project, "claims: []\n")
    path.write_text(path.read_text().replace("articles/a.txt", "../../etc/passwd"))
    result = run_cli("verify", ".", cwd=project)
    assert result.returncode == 2
    assert "leaves the project root" in result.stdout
    assert "root:" not in result.stdout.replace("project root:", "")


def test_python_dash_m_and_console_script_agree(run_cli):
    import subprocess
    import sys
    from pathlib import Path

    exe = Path(sys.executable).with_name("claimcheck")
    assert exe.exists(), "console script not installed"
    direct = subprocess.run(
        [str(exe), "verify", "claims/"],
        capture_output=True,
        text=True,
        check=False,
        cwd=SEED.parent.parent,
        env={k: v for k, v in os.environ.items() if k not in OUTPUT_SETTINGS},
    )
    assert direct.stdout == run_cli("verify", "claims/").stdout


def test_rules_and_explain(run_cli):
    listing = run_cli("rules").stdout
    assert "CC101  incomplete-member-list" in listing
    explained = run_cli("explain", "CC101")
    assert explained.returncode == 0 and "Triggers:" in explained.stdout
    assert run_cli("explain", "CC999").returncode == 2
