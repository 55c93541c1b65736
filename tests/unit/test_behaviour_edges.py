"""The edges that decide an outcome, one behaviour per test (issue 21).

Each test is named for what a user would notice if it broke, and each kills a mutant that
survived the whole suite before (docs/testing.md maps them). Everything goes through public
entry points (`verify`, the baseline functions, `PartialDate.parse`) so that refactoring the
judge, the KB or the rules inside does not break these tests, only a changed behaviour does.
Where issue 14 will rename a verdict (a disputed fact becomes "conflicting"), the test asserts
what survives it: a disputed or uncertain fact never supports and never refutes.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from claimcheck.app import Options, verify
from claimcheck.baseline import apply_baseline, write_baseline
from claimcheck.core.dates import PartialDate
from claimcheck.core.findings import Finding, Location, Severity
from claimcheck.core.limits import DEFAULT_LIMITS
from claimcheck.loader import yamlload
from claimcheck.loader.document import LoadError
from tests.helpers import write_claims

S = "sources: [{title: S}]"
DISPUTED = "status: disputed, note: contested"

KB = f"""claimcheck-kb: 1
verified: 2025-10-21
entities:
  s: {{name: Summits, kind: series}}
  e1: {{name: first summit, kind: event}}
  e2: {{name: second summit, kind: event}}
  club: {{name: Club, kind: organisation}}
  pm: {{name: Prime Minister, kind: office}}
  p1: {{name: Pat, kind: person}}
  a: {{name: Alpha, kind: country}}
  b: {{name: Beta, kind: country}}
  c: {{name: Gamma, kind: country}}
facts:
  - {{id: f1, kind: event, event: e1, series: s, date: 2019-11-30, participants: [a], {S}}}
  - {{id: f2, kind: event, event: e2, series: s, date: 2022-09-08, {DISPUTED}, {S}}}
  - {{id: m1, kind: membership, group: club, member: a, start: 2024-06, {S}}}
  - {{id: t1, kind: tenure, office: pm, holder: p1, start: "2024", {S}}}
  - {{id: r1, kind: relation, subject: a, predicate: borders, object: c, {DISPUTED}, {S}}}
"""


def _claims(project: Path, claims: str, entities: str = "", kb: str | None = KB) -> None:
    if kb is not None:
        (project / "k.kb.yaml").write_text(kb, encoding="utf-8")
    body = "claims:\n" + textwrap.indent(textwrap.dedent(claims).strip("\n"), "  ") + "\n"
    write_claims(project, textwrap.dedent(entities) + body)


def _verdicts(project: Path, claims: str) -> dict[str, str]:
    """Each claim's verdict against KB, judged on the article's date (2024-08-20)."""
    _claims(project, claims)
    result = verify(Options(paths=(str(project),), select=("CC2",)))
    assert not [f for f in result.findings if f.rule_id.startswith("CC00")], result.findings
    return {v.claim_id: v.verdict.value for v in result.verdicts}


def _rules(project: Path, rule: str, claims: str, entities: str = "") -> list[Finding]:
    """The findings of one rule on a claim file without a knowledge base."""
    _claims(project, claims, entities, kb=None)
    result = verify(Options(paths=(str(project),), select=(rule,)))
    assert not [f for f in result.findings if f.rule_id.startswith("CC00")], result.findings
    return [f for f in result.findings if f.rule_id == rule]


# -- verdicts against the knowledge base -----------------------------------------------------


def test_disputed_events_do_not_count_as_certain_in_a_count(project):
    """One of the two recorded summits is disputed: neither 1 nor 2 can be decided by it."""
    got = _verdicts(
        project,
        """
        - {id: two, kind: count, of: events, group: s, count: 2, quote: q}
        - {id: one, kind: count, of: events, group: s, count: 1, quote: q}
        """,
    )
    assert got["two"] not in ("supported", "refuted")
    assert got["one"] not in ("supported", "refuted")


def test_an_office_is_not_supported_by_a_tenure_that_only_may_cover_the_date(project):
    """A tenure that starts in "2024" may or may not have begun by 1 March 2024."""
    got = _verdicts(
        project,
        """
        - {id: march, kind: office, office: pm, holder: p1, at: 2024-03-01, quote: q}
        - {id: later, kind: office, office: pm, holder: p1, at: 2025-03-01, quote: q}
        """,
    )
    assert got["march"] != "supported"
    assert got["later"] == "supported"


def test_a_disputed_relation_fact_neither_supports_nor_refutes(project):
    got = _verdicts(
        project, "- {id: r, kind: relation, subject: a, predicate: borders, object: c, quote: q}"
    )
    assert got["r"] not in ("supported", "refuted")


def test_participants_the_kb_does_not_list_are_not_accepted_as_taking_part(project):
    got = _verdicts(
        project,
        """
        - {id: listed, kind: event, event: e1, what: w, participants: [a], quote: q}
        - {id: unlisted, kind: event, event: e1, what: w, participants: [a, b], quote: q}
        """,
    )
    assert got["listed"] == "supported"
    assert got["unlisted"] != "supported"


def test_a_membership_starting_in_a_month_has_not_surely_begun_mid_month(project):
    """Alpha joined in "2024-06": a member on 1 July, but on 15 June it cannot be told."""
    got = _verdicts(
        project,
        """
        - {id: mid, kind: membership, group: club, members: [a], complete: false,
           at: 2024-06-15, quote: q}
        - {id: after, kind: membership, group: club, members: [a], complete: false,
           at: 2024-07-01, quote: q}
        """,
    )
    assert got["mid"] != "supported"
    assert got["after"] == "supported"


def test_a_second_fact_for_the_same_event_is_kept_not_overwritten(project):
    """Issue 14: two sources may date one meeting differently; both facts are kept, and an
    aspect they disagree on is conflicting, naming both (it used to be a CC002 error)."""
    kb = KB + f"  - {{id: f1bis, kind: event, event: e1, date: 2019-12-01, {S}}}\n"
    claim = "- {id: d, kind: event, event: e1, what: w, date: 2019-11-30, quote: q}"
    _claims(project, claim, kb=kb)
    result = verify(Options(paths=(str(project),), select=("CC2",)))
    assert not [f for f in result.findings if f.rule_id.startswith("CC00")]
    (verdict,) = result.verdicts
    assert verdict.verdict.value == "conflicting"
    assert "fact f1," in verdict.explanation and "fact f1bis," in verdict.explanation


# -- in-article rules --------------------------------------------------------------------------

ENTITIES = """\
entities:
  club: {name: Club, kind: organisation}
  a: {name: Alpha, kind: country}
  b: {name: Beta, kind: country}
  c: {name: Gamma, kind: country}
  s: {name: Summits, kind: series}
  e1: {name: first summit, kind: event}
  e2: {name: second summit, kind: event}
"""


@pytest.mark.parametrize("count", [2, 4])
def test_a_complete_list_of_another_length_than_its_count_is_reported(project, count):
    """The list of three presented as complete contradicts a count of 2 and of 4."""
    found = _rules(
        project,
        "CC102",
        f"""
        - {{id: list, kind: membership, group: club, members: [a, b, c], complete: true, quote: q}}
        - {{id: n, kind: count, of: members, group: club, count: {count}, quote: q}}
        """,
        ENTITIES,
    )
    assert [f.claim_id for f in found] == ["n"]


def test_an_event_two_claims_mention_is_counted_once(project):
    found = _rules(
        project,
        "CC102",
        """
        - {id: x1, kind: event, event: e1, what: w, series: s, date: 2019-11-30, quote: q}
        - {id: x2, kind: event, event: e1, what: w, series: s, date: 2019-11-30, quote: q}
        - {id: y, kind: event, event: e2, what: w, series: s, date: 2022-09-08, quote: q}
        - {id: n, kind: count, of: events, group: s, count: 2, quote: q}
        """,
        ENTITIES,
    )
    assert found == []


def test_two_claims_giving_the_same_day_for_an_event_do_not_conflict(project):
    found = _rules(
        project,
        "CC106",
        """
        - {id: x1, kind: event, event: e1, what: w, date: 2019-11-30, quote: q}
        - {id: x2, kind: event, event: e1, what: w, date: 2019-11-30, quote: q}
        - {id: x3, kind: event, event: e1, what: w, date: 2019-11, quote: q}
        """,
        ENTITIES,
    )
    assert found == []


def test_conflicting_counts_of_events_are_reported(project):
    found = _rules(
        project,
        "CC108",
        """
        - {id: n1, kind: count, of: events, group: s, count: 2, quote: q}
        - {id: n2, kind: count, of: events, group: s, count: 3, quote: q}
        """,
        ENTITIES,
    )
    assert [f.claim_id for f in found] == ["n2"]


def test_the_lowest_ordinal_is_not_taken_as_the_start_of_the_series(project):
    """Only a first (ordinal 1) starts a series: an earlier unnumbered event may precede a
    second, and is reported only before a first."""
    claims = """
        - {id: early, kind: event, event: e1, what: w, series: s, date: 2019-11-30, quote: q}
        - {id: late, kind: event, event: e2, what: w, series: s, date: 2022-09-08,
           ordinal: ORD, quote: q}
        """
    assert _rules(project, "CC110", claims.replace("ORD", "2"), ENTITIES) == []
    found = _rules(project, "CC110", claims.replace("ORD", "1"), ENTITIES)
    assert [f.claim_id for f in found] == ["early"]


@pytest.mark.parametrize(
    ("url", "why"),
    [("https:///about", "has no host"), ("https://example.org/a b", "contains white space")],
)
def test_an_http_url_without_a_host_or_with_white_space_is_reported(project, url, why):
    found = _rules(
        project,
        "CC113",
        f"""
        - id: m
          kind: membership
          group: club
          members: [a]
          complete: false
          quote: q
          sources: [{{url: "{url}", title: T}}]
        """,
        ENTITIES,
    )
    assert [f.message for f in found] == [
        f"URL {url!r} {why}: give the full https:// address of the page"
    ]


def test_a_relation_name_is_checked_for_lookalike_characters(project):
    # "Sеnkaku" with a Cyrillic "е".
    found = _rules(
        project,
        "CC116",
        """
        - {id: r, kind: relation, subject: a, predicate: calls, object: c, name: "S\\u0435nkaku",
           quote: q}
        """,
        ENTITIES,
    )
    assert [f.pointer for f in found] == ["/claims/0/name"]


def test_elided_parts_of_a_quote_may_not_overlap(project):
    """ "India ... India" needs the word twice: one "India" in the article is not enough."""
    (project / "articles" / "a.txt").write_text("India and Japan met.\n", encoding="utf-8")
    claims = """
        - {{id: m, kind: membership, group: club, members: [a], complete: false,
           quote: "{quote}"}}
        """
    found = _rules(project, "CC114", claims.format(quote="India ... India"), ENTITIES)
    assert [f.claim_id for f in found] == ["m"]
    assert _rules(project, "CC114", claims.format(quote="India ... Japan"), ENTITIES) == []


# -- dates, loader, baseline -------------------------------------------------------------------


@pytest.mark.parametrize("text", ["0000", "0000-06"])
def test_the_year_0000_is_not_a_date(text):
    with pytest.raises(ValueError, match="year must be 1 or later"):
        PartialDate.parse(text)
    assert PartialDate.parse("0001").year == 1


def test_a_claim_dated_in_the_year_0000_is_reported_where_it_is(project):
    _claims(project, '- {id: d, kind: event, event: e1, what: w, date: "0000", quote: q}', ENTITIES)
    result = verify(Options(paths=(str(project),), select=("CC0",)))
    found = [(f.rule_id, f.location.line) for f in result.findings if "year must be" in f.message]
    assert found == [("CC002", 17)]


def test_moving_a_claim_inside_its_file_keeps_its_findings_baselined(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def finding(line: int, index: int) -> Finding:
        return Finding(
            "CC101",
            Severity.ERROR,
            "omits India",
            Location("a.claims.yaml", line, 5),
            f"/claims/{index}/members",
            "brics",
        )

    write_baseline([finding(3, 0)], "b.json")
    moved = apply_baseline([finding(40, 5)], "b.json")
    assert moved[0].suppressed is not None and moved[0].baselined


@pytest.mark.parametrize("parser", ["libyaml", "pure Python"])
def test_a_lone_surrogate_escape_is_not_accepted_as_text(monkeypatch, parser):
    """LibYAML refuses a lone surrogate itself; PyYAML's pure-Python parser (used where
    PyYAML is built without LibYAML) decodes it, and only the loader's own check stands."""
    if parser == "pure Python":
        monkeypatch.setattr(yamlload, "_Parser", yaml.SafeLoader)
    text = 'a: "ok"\nname: "Al\\ud800pha"\n'
    with pytest.raises(LoadError) as caught:
        yamlload.load_yaml_events("a.claims.yaml", text, DEFAULT_LIMITS)
    [problem] = caught.value.problems
    assert problem.line == 2
    if parser == "pure Python":
        assert "lone surrogate" in problem.message
