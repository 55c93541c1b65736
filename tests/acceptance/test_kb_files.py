"""Finding and loading KB files: `--kb`, discovery, bad files, the project root, verdicts."""

import json

from tests.helpers import write_claims

KB = """claimcheck-kb: 1
entities:
  pm: {name: Prime Minister of Japan, kind: office}
  kishida: {name: Fumio Kishida, kind: person}
  ishiba: {name: Shigeru Ishiba, kind: person, wikidata: Q5}
facts:
  - {id: kishida-pm, kind: tenure, office: pm, holder: kishida, start: 2021-10, end: 2024-10-01, $S}
  - {id: ishiba-pm, kind: tenure, office: pm, holder: ishiba, start: 2024-10-01, $H}
""".replace("$H", "verified: 2025-10-21, $S").replace("$S", "sources: [{title: S}]")

OFFICE = """entities:
  shigeru: {name: Ishiba Shigeru, kind: person, wikidata: Q5}
claims:
  - {id: pm, kind: office, office: pm, holder: HOLDER, quote: the talks}
"""


def _verdicts(run_cli, *args, cwd):
    # Only the knowledge-base rules: these claims are minimal, not sourced or quoted.
    result = run_cli("verify", *args, "--select", "CC2", "--format", "json", cwd=cwd)
    return result.returncode, json.loads(result.stdout)


def test_kb_files_below_the_verified_folder_are_found(run_cli, project):
    (project / "kb").mkdir()
    (project / "kb" / "jp.kb.yaml").write_text(KB)
    write_claims(project, OFFICE.replace("HOLDER", "kishida"))
    code, data = _verdicts(run_cli, ".", cwd=project)
    assert code == 0
    assert data["knowledge_base"]["files"] == ["kb/jp.kb.yaml"]
    assert data["verdicts"][0]["verdict"] == "supported"


def test_a_file_argument_searches_its_own_folder(run_cli, project):
    (project / "jp.kb.yaml").write_text(KB)
    write_claims(project, OFFICE.replace("HOLDER", "kishida"))
    _, data = _verdicts(run_cli, "a.claims.yaml", cwd=project)
    assert data["verdicts"][0]["verdict"] == "supported"


def test_without_a_kb_every_claim_has_not_enough_info(run_cli, project):
    write_claims(project, OFFICE.replace("HOLDER", "kishida"))
    code, data = _verdicts(run_cli, ".", cwd=project)
    assert code == 0
    assert [v["verdict"] for v in data["verdicts"]] == ["not_enough_info"]
    assert data["verdicts"][0]["explanation"] == "no knowledge base was loaded"


def test_named_kb_and_wikidata_resolution(run_cli, project):
    (project / "ref").mkdir()
    (project / "ref" / "x.kb.yaml").write_text(KB)
    (project / "claims").mkdir()
    write_claims(project / "claims", OFFICE.replace("HOLDER", "shigeru"))
    text = (project / "claims" / "a.claims.yaml").read_text().replace("articles/", "../articles/")
    (project / "claims" / "a.claims.yaml").write_text(text.replace("2024-08-20", "2024-12-01"))
    code, data = _verdicts(run_cli, "claims", "--kb", "ref/x.kb.yaml", cwd=project)
    assert code == 0, data["findings"]
    # The file's own entity "shigeru" is the KB's "ishiba" by its Wikidata id.
    assert data["verdicts"][0]["verdict"] == "supported"
    assert data["verdicts"][0]["evidence"][0]["fact"] == "ishiba-pm"


def test_kb_outside_the_project_root_is_a_usage_error(run_cli, project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "x.kb.yaml"
    outside.write_text(KB)
    write_claims(project, OFFICE.replace("HOLDER", "kishida"))
    result = run_cli("verify", ".", "--kb", str(outside), cwd=project)
    assert result.returncode == 2
    assert "outside the project root" in result.stderr
    assert run_cli("verify", ".", "--kb", "missing.kb.yaml", cwd=project).returncode == 2


def test_unreadable_kb_exits_2_with_its_position(run_cli, project):
    (project / "bad.kb.yaml").write_text("claimcheck-kb: 1\nentities: {}\nentities: {}\n")
    write_claims(project, OFFICE.replace("HOLDER", "kishida"))
    result = run_cli("verify", ".", cwd=project)
    assert result.returncode == 2
    assert "bad.kb.yaml:3:1: error CC001 duplicate key 'entities' (first at 2:1)" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_kb_schema_violations_are_cc002_at_line_and_column(run_cli, project):
    bad = KB.replace("sources: [{title: S}]}\n  - {id: ishiba", "sourcez: []}\n  - {id: ishiba")
    bad += "  - {id: kishida-pm, kind: tenure, office: pm, holder: nobody, sources: [{title: S}]}\n"
    (project / "jp.kb.yaml").write_text(bad)
    write_claims(project, OFFICE.replace("HOLDER", "kishida"))
    result = run_cli("verify", ".", cwd=project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    # The misspelt field says what it misspells; the field it misses is not said twice.
    assert "jp.kb.yaml:7:98: error CC002 unknown field 'sourcez': did you mean 'sources'?" in lines
    assert not any("missing required field" in line for line in lines)


def test_kb_reference_problems_are_cc002(run_cli, project):
    bad = (
        KB
        + "  - {id: kishida-pm, kind: tenure, office: pm, holder: nobody, sources: [{title: S}]}\n"
    )
    bad += "  - {id: other, kind: tenure, office: pm, holder: nobody, sources: [{title: S}]}\n"
    (project / "jp.kb.yaml").write_text(bad)
    write_claims(project, OFFICE.replace("HOLDER", "kishida"))
    lines = run_cli("verify", ".", cwd=project).stdout.splitlines()
    assert (
        "jp.kb.yaml:9:10: error CC002 fact id 'kishida-pm' is already used at jp.kb.yaml:7:5"
        in lines
    )
    unknown = "unknown entity 'nobody': define it under `entities` in a KB file"
    assert f"jp.kb.yaml:10:51: error CC002 {unknown}" in lines


def test_wrong_when_published_is_refuted_not_stale(run_cli, project):
    (project / "jp.kb.yaml").write_text(KB)
    write_claims(project, OFFICE.replace("HOLDER", "kishida"))
    path = project / "a.claims.yaml"
    path.write_text(path.read_text().replace("2024-08-20", "2024-11-01"))
    _, data = _verdicts(run_cli, ".", "--as-of", "2025-01-01", cwd=project)
    [verdict] = data["verdicts"]
    assert (verdict["verdict"], verdict["stale"]) == ("refuted", False)
    assert [f["rule"] for f in data["findings"]] == ["CC207"]


def test_a_claim_with_its_own_date_is_not_judged_again(run_cli, project):
    (project / "jp.kb.yaml").write_text(KB)
    write_claims(
        project, OFFICE.replace("HOLDER", "kishida").replace("quote:", "at: 2024-08, quote:")
    )
    code, data = _verdicts(run_cli, ".", "--as-of", "2025-01-01", cwd=project)
    assert code == 0
    assert data["verdicts"][0]["verdict"] == "supported" and not data["verdicts"][0]["stale"]


def test_bad_as_of_is_a_usage_error(run_cli, project):
    result = run_cli("verify", ".", "--as-of", "2025-13", cwd=project)
    assert result.returncode == 2 and "--as-of" in result.stderr


def test_a_missing_path_loads_no_knowledge_base(run_cli, project):
    """A mistyped path is one error, not the findings of every KB file below the cwd."""
    (project / "broken.kb.yaml").write_text("claimcheck-kb: 1\nfacts: [{id: x}]\n", "utf-8")
    (project / "claims").mkdir()
    (project / "sub").mkdir()
    for cwd, name in ((project, "nosuch.claims.yaml"), (project / "sub", "../claim")):
        result = run_cli("verify", name, cwd=cwd)
        assert result.returncode == 2
        assert result.stdout == ""
        hint = " (did you mean ../claims/?)" if name.endswith("claim") else ""
        assert result.stderr == f"Error: {name}: no such file or folder{hint}\n"
