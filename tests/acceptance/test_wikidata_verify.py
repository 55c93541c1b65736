"""Verifying against imported Wikidata: the verdicts, the unsourced warning, every format."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.app import VerifyRequest, run_verify
from claimcheck.cli import cli
from claimcheck.core.dates import PartialDate
from claimcheck.kb.wikidata import Selection, import_wikidata
from claimcheck.reporters import REPORTERS
from tests.helpers import write_claims

DATA = Path(__file__).parent.parent / "fixtures" / "wikidata"

HENNING = """entities:
  henning: {name: Henning Christophersen, kind: person, wikidata: Q646148}
claims:
  - {id: inside, kind: office, office: Q5449541, holder: henning, at: "1983", quote: the talks}
  - {id: outside, kind: office, office: Q5449541, holder: Q646148, at: "1990", quote: the talks}
"""
# A newsroom's own file beside the import: who held the office in 1990.
SUCCESSOR = """claimcheck-kb: 1
entities:
  palle: {name: Palle Simonsen, kind: person}
facts:
  - id: palle-finance
    kind: tenure
    office: Q5449541
    holder: palle
    start: 1989-06-03
    end: 1993-01-25
    sources: [{url: https://example.org/ministers, title: Danish ministers of finance}]
"""
# Bielefeld joined the AGFS in 1998: the membership refutes a claim about 1990, and every
# format shows the finding with the reference's address and the day it was retrieved.
BIELEFELD = """claims:
  - id: agfs
    kind: membership
    group: Q627637
    members: [Leineweberstadt]
    complete: false
    at: "1990"
    quote: the talks
"""


def _import(project: Path, source: Path, name: str, languages: tuple[str, ...] = ("en",)) -> None:
    with (project / name).open("w", encoding="utf-8") as out:
        import_wikidata([source], out, Selection(languages=languages), PartialDate(2026, 1, 2))


def _verify(project: Path, fmt: str, *kb: str) -> tuple[int, str]:
    out = io.StringIO()
    request = VerifyRequest(
        paths=(str(project / "a.claims.yaml"),),
        select=("CC2",),
        root=str(project),
        kb=tuple(str(project / k) for k in kb),
        no_cache=True,
        fmt=fmt,
        verbosity=1,
    )
    return run_verify(request, out), out.getvalue()


def test_inside_the_interval_supported_with_the_unsourced_warning(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    _import(project, DATA / "Q646148.json", "henning.kb.json")
    write_claims(project, HENNING)
    code, text = _verify(project, "json", "henning.kb.json")
    report = json.loads(text)
    verdicts = {v["claim"]: v["verdict"] for v in report["verdicts"]}
    # Outside his tenure, with nobody else known to hold the office: the KB lacks it.
    assert verdicts == {"inside": "supported", "outside": "not_enough_info"}
    findings = [(f["claim"], f["rule"]) for f in report["findings"]]
    assert findings == [("inside", "CC212")]
    assert code == 1  # a warning fails at the default --fail-on


def test_outside_the_interval_refuted_once_the_holder_then_is_known(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    _import(project, DATA / "Q646148.json", "henning.kb.json")
    (project / "ministers.kb.yaml").write_text(SUCCESSOR, encoding="utf-8")
    write_claims(project, HENNING)
    _, text = _verify(project, "json", "henning.kb.json", "ministers.kb.yaml")
    report = json.loads(text)
    verdicts = {v["claim"]: v["verdict"] for v in report["verdicts"]}
    assert verdicts == {"inside": "supported", "outside": "refuted"}
    outside = next(v for v in report["verdicts"] if v["claim"] == "outside")
    assert next(e["fact"] for e in outside["evidence"]) == "palle-finance"
    # Refuted on a sourced fact: no unsourced warning for it.
    assert ("outside", "CC212") not in [(f["claim"], f["rule"]) for f in report["findings"]]


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_memberships_carry_their_references_in_every_format(
    project: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.chdir(project)
    _import(project, DATA / "Q2112.json", "bielefeld.kb.json", ("en", "de"))
    write_claims(project, BIELEFELD)
    _, text = _verify(project, fmt, "bielefeld.kb.json")
    assert "http://www.agfs-nrw.de/mitglieder/bielefeld.html" in text
    assert "retrieved 2018-04-18" in text  # the date the reference was retrieved (P813)
    assert "CC201" in text


def test_the_import_command_writes_a_kb_the_kb_command_reads(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    (project / "ids.txt").write_text("Q2112\n", encoding="utf-8")
    source = str(DATA / "Q2112.json")
    args = ["kb", "import", "wikidata", source, "-o", "wd.kb.json", "--entities", "@ids.txt"]
    result = CliRunner().invoke(cli, [*args, "--languages", "en,de"])
    assert result.exit_code == 0, result.output
    assert "wd.kb.json: 1 entities, 15 facts" in result.stderr
    shown = CliRunner().invoke(cli, ["kb", "entity", "Leineweberstadt", "--kb", "wd.kb.json"])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.startswith("Bielefeld (Q2112): place, Q2112\n")
    assert "also called Leineweberstadt" in shown.stdout


def test_the_import_says_when_verify_will_not_read_what_it_wrote(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A KB file named or placed where the project's KB is not looked for would change no
    verdict, silently: the import says so (and still writes it, exit 0)."""
    monkeypatch.chdir(project)
    (project / "kb").mkdir()  # the project's KB is now kb/ alone
    source = str(DATA / "Q2112.json")
    notes = {}
    for out in ("kb/wd.kb.json", "kb/wd.json", "wd.kb.json"):
        result = CliRunner().invoke(cli, ["kb", "import", "wikidata", source, "-o", out])
        assert result.exit_code == 0, result.output
        notes[out] = [x for x in result.stderr.splitlines() if x.startswith("claimcheck: note")]
    assert notes["kb/wd.kb.json"] == []
    renamed = (
        "claimcheck: note: verify reads knowledge-base files named *.kb.json, *.kb.yaml or "
        "*.kb.yml only: rename it to kb/wd.kb.json"
    )
    outside = (
        "claimcheck: note: wd.kb.json is not in the project's knowledge base (kb): verify reads "
        "it only with --kb; move it there, or add it to `kb` in [tool.claimcheck]"
    )
    assert (notes["kb/wd.json"], notes["wd.kb.json"]) == ([renamed], [outside])


def test_the_import_command_refuses_bad_input_with_its_place(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    (project / "broken.json").write_text('{"entities": {', encoding="utf-8")
    result = CliRunner().invoke(cli, ["kb", "import", "wikidata", "broken.json", "-o", "x.kb.json"])
    assert result.exit_code == 2
    assert "broken.json:1:15: not JSON" in result.stderr
    bad = CliRunner().invoke(
        cli, ["kb", "import", "wikidata", "broken.json", "-o", "x", "--properties", "P1,Q2"]
    )
    assert bad.exit_code == 2 and "not a P-id: 'Q2'" in bad.stderr


def test_unsourced_verdicts_refused_when_the_rule_is_an_error(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    config = project / "pyproject.toml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + '\n[tool.claimcheck.rules.CC212]\nseverity = "error"\n',
        encoding="utf-8",
    )
    _import(project, DATA / "Q646148.json", "henning.kb.json")
    write_claims(project, HENNING)
    code, text = _verify(project, "json", "henning.kb.json")
    (finding,) = json.loads(text)["findings"]
    assert (finding["rule"], finding["severity"], code) == ("CC212", "error", 1)
    assert finding["message"].startswith("supported only by unsourced facts ('Q646148$")
    assert finding["message"].endswith(
        "where they were taken from (a Wikidata statement, say) gives no reference for them; "
        "find a source before relying on them"
    )


def test_what_the_kb_believes_shows_which_facts_are_unsourced(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'n'\n", encoding="utf-8")
    _import(tmp_path, DATA / "Q646148.json", "henning.kb.json")  # no statement has a reference
    _import(tmp_path, DATA / "Q2112.json", "bielefeld.kb.json")  # some memberships have one
    monkeypatch.chdir(tmp_path)
    args = ["kb", "entity", "--kb", "henning.kb.json", "--kb", "bielefeld.kb.json"]
    henning = CliRunner().invoke(cli, [*args, "Q646148"])
    facts = [line for line in henning.output.splitlines() if line.startswith("- ")]
    assert len(facts) == 13
    assert all("[unsourced]" in line for line in facts)
    bielefeld = CliRunner().invoke(cli, [*args, "--format", "json", "Q2112"])
    flags = {row["unsourced"] for row in json.loads(bielefeld.output)["results"]}
    assert flags == {True, False}  # referenced memberships are sourced, the rest are not


def test_the_import_writes_any_letters_whatever_the_locale(run_cli, tmp_path: Path) -> None:
    """An ASCII locale (as a C locale without UTF-8 mode, or a Windows code page for other
    scripts) must not stop an import whose names and titles are in other letters."""
    entity = json.loads((DATA / "Q2112.json").read_text(encoding="utf-8"))
    entity["labels"] = {"en": {"language": "en", "value": "Билефельд — Bielefeld"}}
    agfs = entity["claims"]["P463"][0]
    title = {"snaktype": "value", "datavalue": {"value": {"text": "Städte — Mitglieder"}}}
    agfs["references"][0]["snaks"]["P1476"] = [title]
    entity["claims"] = {"P463": [agfs]}
    (tmp_path / "b.json").write_text(json.dumps(entity), encoding="utf-8")
    ascii_locale = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    args = ("kb", "import", "wikidata", "b.json", "-o", "wd.kb.json")
    result = run_cli(*args, cwd=tmp_path, env=ascii_locale)
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "wd.kb.json").read_text(encoding="utf-8"))
    assert data["entities"]["Q2112"]["name"] == "Билефельд — Bielefeld"
    assert data["facts"][0]["group"] == "Q627637"
    assert data["facts"][0]["sources"][0]["title"] == "Städte — Mitglieder"
