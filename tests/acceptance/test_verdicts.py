"""The six verdicts (SPEC14 A, B): what the article proves, stale, conflicting, report v2."""

import json

import jsonschema_rs

from claimcheck.app import verify
from claimcheck.core.options import Options
from claimcheck.export.claimreview import ReviewSettings, export
from tests.conftest import SCHEMA_DIR
from tests.helpers import write_claims

WRONG_WEEKDAY = """entities:
  talks: {name: The talks, kind: event}
claims:
  - {id: talks, kind: event, event: talks, what: the talks, date: 2024-08-20, weekday: Monday,
     quote: the talks}
"""

COUNT_VS_LIST = """entities:
  quad: {name: Quad, kind: organisation}
  japan: {name: Japan, kind: country}
  india: {name: India, kind: country}
  united-states: {name: United States, kind: country}
  australia: {name: Australia, kind: country}
  france: {name: France, kind: country}
claims:
  - {id: quad, kind: membership, group: quad, complete: false,
     members: [japan, india, united-states, australia, france], quote: the talks}
  - {id: quad-count, kind: count, of: members, group: quad, count: 4, quote: the talks}
"""

TWO_DATES = """entities:
  summit: {name: The summit, kind: event}
claims:
  - {id: a, kind: event, event: summit, what: a summit, date: "2019-11", quote: the talks}
  - {id: b, kind: event, event: summit, what: a summit, date: 2019-12-01, quote: the talks}
"""

KB = """claimcheck-kb: 1
verified: 2025-10-21
entities:
  pm: {name: Prime Minister of Japan, kind: office}
  kishida: {name: Fumio Kishida, kind: person}
  ishiba: {name: Shigeru Ishiba, kind: person}
  brics: {name: BRICS, kind: organisation}
  saudi-arabia: {name: Saudi Arabia, kind: country}
facts:
  - {id: kishida-pm, kind: tenure, office: pm, holder: kishida, start: 2021-10-04,
     end: 2024-10-01, $S}
  - {id: ishiba-pm, kind: tenure, office: pm, holder: ishiba, start: 2024-10-01, $S}
  - {id: brics-saudi, kind: membership, group: brics, member: saudi-arabia, start: 2024-01-01,
     status: disputed, note: the invitation is still under consideration, $S}
""".replace("$S", "sources: [{title: S}]")

OFFICE = """claims:
  - {id: pm, kind: office, office: pm, holder: kishida, quote: the talks}
"""

SAUDI = """claims:
  - {id: saudi, kind: membership, group: brics, members: [saudi-arabia], complete: false,
     quote: the talks}
"""


def _run(project, *, select=(), as_of=None, baseline=None):
    from claimcheck.core.dates import PartialDate

    when = PartialDate.parse(as_of) if as_of else None
    return verify(
        Options(
            paths=(str(project),),
            root=str(project),
            select=select,
            as_of=when,
            baseline=baseline,
        )
    )


def _by_claim(result):
    return {v.claim_id: v for v in result.verdicts}


def test_a_wrong_weekday_is_refuted_without_a_knowledge_base_and_exported_false(project):
    write_claims(project, WRONG_WEEKDAY)
    [verdict] = _run(project, select=("CC104",)).verdicts
    assert verdict.verdict.value == "refuted"
    assert verdict.explanation.startswith("CC104 wrong-weekday: 20 August 2024 was a Tuesday")
    [evidence] = verdict.evidence
    assert (evidence.fact_id, evidence.rule, evidence.claims) == ("", "CC104", ())
    options = Options(paths=(str(project),), root=str(project), select=("CC104",))
    text, _, left_out = export(options, ReviewSettings("Desk", url="https://facts.example/r"))
    [review] = json.loads(text)
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["reviewRating"]["ratingValue"] == 1
    assert left_out == (0, 0)


def test_a_count_its_own_list_denies_is_refuted_without_a_knowledge_base(project):
    write_claims(project, COUNT_VS_LIST)
    verdicts = _by_claim(_run(project, select=("CC102",)))
    count = verdicts["quad-count"]
    assert count.verdict.value == "refuted"
    assert "CC102 count-mismatch" in count.explanation
    assert [(e.rule, e.claims) for e in count.evidence] == [("CC102", ("quad",))]
    # The list that proves the count wrong is not refuted by it.
    assert verdicts["quad"].verdict.value == "not_enough_info"


def test_a_suppressed_finding_proves_nothing(project):
    body = WRONG_WEEKDAY.replace(
        "quote: the talks}",
        "quote: the talks, suppress: [{rule: CC104, reason: 'the printed weekday, kept as is'}]}",
    )
    write_claims(project, body)
    [verdict] = _run(project, select=("CC104",)).verdicts
    assert verdict.verdict.value == "not_enough_info"


def test_two_dates_for_one_event_make_both_claims_conflicting(project):
    write_claims(project, TWO_DATES)
    verdicts = _by_claim(_run(project, select=("CC106",)))
    assert {c: v.verdict.value for c, v in verdicts.items()} == {
        "a": "conflicting",
        "b": "conflicting",
    }
    assert [(e.rule, e.claims) for e in verdicts["b"].evidence] == [("CC106", ("a",))]
    assert [(e.rule, e.claims) for e in verdicts["a"].evidence] == [("CC106", ("b",))]


def test_a_disputed_deciding_fact_makes_the_claim_conflicting(project):
    (project / "w.kb.yaml").write_text(KB)
    write_claims(project, SAUDI)
    result = _run(project, select=("CC2",))
    [verdict] = result.verdicts
    assert verdict.verdict.value == "conflicting"
    assert "Saudi Arabia's membership on 20 August 2024 is disputed" in verdict.explanation
    assert [f.rule_id for f in result.findings] == ["CC209"]  # the warning stays


def test_a_stale_claim_is_counted_as_stale_not_refuted(run_cli, project):
    (project / "w.kb.yaml").write_text(KB)
    write_claims(project, OFFICE)
    args = ("verify", ".", "--select", "CC2", "--as-of", "2025-01-01")
    text = run_cli(*args, cwd=project)
    assert text.returncode == 1  # CC210 stays a finding, and fails the run as before
    assert "verdicts: 1 stale\n" in text.stdout
    data = json.loads(run_cli(*args, "--format", "json", cwd=project).stdout)
    [verdict] = data["verdicts"]
    assert (verdict["verdict"], verdict["stale"]) == ("stale", True)
    assert data["summary"]["verdicts"] == {
        "supported": 0,
        "refuted": 0,
        "stale": 1,
        "incomplete": 0,
        "conflicting": 0,
        "not_enough_info": 0,
    }
    assert [f["rule"] for f in data["findings"]] == ["CC210"]


def test_the_text_summary_lists_non_zero_counts_in_a_fixed_order(run_cli, project):
    (project / "w.kb.yaml").write_text(KB)
    write_claims(project, WRONG_WEEKDAY)
    write_claims(project, OFFICE, "b.claims.yaml")
    write_claims(project, SAUDI, "c.claims.yaml")
    out = run_cli("verify", ".", "--select", "CC104", cwd=project).stdout
    assert "verdicts: 1 supported, 1 refuted, 1 conflicting\n" in out


def test_report_version_2_validates_against_its_schema(run_cli, project):
    (project / "w.kb.yaml").write_text(KB)
    write_claims(project, COUNT_VS_LIST)
    write_claims(project, OFFICE, "b.claims.yaml")
    out = run_cli("verify", ".", "--format", "json", "--as-of", "2025-01-01", cwd=project)
    data = json.loads(out.stdout)
    schema = json.loads((SCHEMA_DIR / "report-v2.json").read_text(encoding="utf-8"))
    jsonschema_rs.Draft202012Validator(schema).validate(data)
    assert data["version"] == 2
    verdicts = {v["claim"]: v["verdict"] for v in data["verdicts"]}
    assert verdicts == {"quad": "not_enough_info", "quad-count": "refuted", "pm": "stale"}
    evidence = next(v for v in data["verdicts"] if v["claim"] == "quad-count")["evidence"]
    assert {"fact": None, "rule": "CC102", "claims": ["quad"]}.items() <= evidence[0].items()
    assert (SCHEMA_DIR / "report-v1.json").is_file()  # kept for old readers


# A baseline as claimcheck 0.1 wrote it: the format is the findings', not the report's.
OLD_BASELINE = """{
  "format": "claimcheck-baseline",
  "version": 1,
  "findings": [
    {
      "rule": "CC104",
      "path": "a.claims.yaml",
      "claim": "talks",
      "pointer": "/claims/0/weekday",
      "message": "20 August 2024 was a Tuesday, not a Monday: write Tuesday, or correct the date"
    }
  ]
}
"""


def test_an_old_baseline_still_loads_and_a_baselined_finding_still_refutes(run_cli, project):
    write_claims(project, WRONG_WEEKDAY)
    (project / "claimcheck-baseline.json").write_text(OLD_BASELINE)
    args = ("verify", ".", "--select", "CC104", "--baseline", "claimcheck-baseline.json")
    out = run_cli(*args, "--format", "json", cwd=project)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["summary"]["suppressed"] == 1
    [verdict] = data["verdicts"]
    # Accepting a finding does not make the claim true.
    assert verdict["verdict"] == "refuted"


EVENT_KB = """claimcheck-kb: 1
entities:
  talks: {name: The talks, kind: event}
facts:
  - {id: the-talks, kind: event, event: talks, date: 2024-08-20, sources: [{title: S}]}
"""

WEEKDAY_FROM_ANOTHER_CLAIM = """claims:
  - {id: dated, kind: event, event: talks, what: the talks, date: 2024-08-19, quote: the talks}
  - {id: weekday, kind: event, event: talks, what: the talks, weekday: Tuesday,
     quote: the talks}
"""


def test_a_claim_the_kb_supports_is_conflicting_not_refuted_by_another_claim(project):
    (project / "w.kb.yaml").write_text(EVENT_KB)
    write_claims(project, WEEKDAY_FROM_ANOTHER_CLAIM)
    verdicts = _by_claim(_run(project, select=("CC104", "CC2")))
    # CC104 reads the weekday against the other claim's date: one of the two is wrong, and
    # the knowledge base says it is the date.
    assert verdicts["dated"].verdict.value == "refuted"
    weekday = verdicts["weekday"]
    assert weekday.verdict.value == "conflicting"
    assert "(the knowledge base supports it)" in weekday.explanation
    assert [(e.rule, e.claims) for e in weekday.evidence if e.rule] == [("CC104", ("dated",))]


SOURCED_KB = """claimcheck-kb: 1
entities:
  talks: {name: The talks, kind: event}
facts:
  - id: the-talks
    kind: event
    event: talks
    date: 2024-08-20
    sources:
      - url: https://example.org/readout
        title: Readout
        publisher: Foreign ministry
        published: 2024-08-20
        accessed: 2026-11-01
        quote: the third meeting was held today
        archive: https://archive.example/readout
      - {citation: "Lok Sabha unstarred question 1234, 2016"}
"""

CHECKED = """claims:
  - {id: talks, kind: event, event: talks, what: the talks, date: 2024-08-20, quote: the talks,
     checked_by: A. Editor, checked_on: 2026-11-30}
"""


def test_verbose_and_json_give_sources_in_full_and_who_checked(run_cli, project):
    (project / "w.kb.yaml").write_text(SOURCED_KB)
    write_claims(project, CHECKED)
    args = ("verify", ".", "--select", "CC2")
    out = run_cli(*args, "-v", cwd=project).stdout
    assert (
        "a.claims.yaml: [talks] supported: it took place on 20 August 2024\n"
        "    checked by A. Editor on 2026-11-30\n"
        "    the-talks: The talks: 20 August 2024\n"
        "      https://example.org/readout\n"
        "        title: Readout\n"
        "        publisher: Foreign ministry\n"
        "        published: 2024-08-20\n"
        "        accessed: 2026-11-01\n"
        "        quote: the third meeting was held today\n"
        "        archive: https://archive.example/readout\n"
        "      Lok Sabha unstarred question 1234, 2016\n"
    ) in out
    data = json.loads(run_cli(*args, "--format", "json", cwd=project).stdout)
    [verdict] = data["verdicts"]
    assert verdict["checked"] == {"by": "A. Editor", "on": "2026-11-30"}
    [evidence] = verdict["evidence"]
    assert evidence["sources"] == [
        {
            "url": "https://example.org/readout",
            "title": "Readout",
            "publisher": "Foreign ministry",
            "published": "2024-08-20",
            "accessed": "2026-11-01",
            "quote": "the third meeting was held today",
            "archive": "https://archive.example/readout",
        },
        {"citation": "Lok Sabha unstarred question 1234, 2016"},
    ]
