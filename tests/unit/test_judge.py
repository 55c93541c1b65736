"""Verdicts for each kind of fact, judged in-process on small knowledge bases."""

import dataclasses
import textwrap

import pytest

from claimcheck.app import Options, verify
from claimcheck.check import engine
from claimcheck.core.dates import PartialDate
from claimcheck.rules.knowledge import EventDateVsKB
from tests.helpers import write_claims

KB = """claimcheck-kb: 1
verified: 2025-10-21
entities:
  s: {name: Summits, kind: series}
  e1: {name: first summit, kind: event}
  e2: {name: second summit, kind: event}
  e3: {name: third summit, kind: event}
  hall: {name: Hall, kind: place}
  city: {name: City, kind: place}
  town: {name: Town, kind: place}
  a: {name: Alpha, kind: country}
  b: {name: Beta, kind: country}
  c: {name: Gamma, kind: country}
  isle: {name: Isle, kind: place}
  club: {name: Club, kind: organisation}
facts:
  - {id: f1, kind: event, event: e1, series: s, date: 2019-11-30, place: city, $S}
  - {id: f2, kind: event, event: e2, series: s, date: 2022-09-08, place: hall, $S}
  - {id: f3, kind: event, event: e3, series: s, date: "2024", $S}
  - {id: hall-city, kind: relation, subject: hall, predicate: lies_in, object: city, $S}
  - {id: ab, kind: relation, subject: a, predicate: borders, object: b, start: "1990", $S}
  - {id: admin, kind: relation, subject: a, predicate: administers, object: isle, start: "1990", $S}
  - {id: m1, kind: membership, group: club, member: a, start: 2024-06, $S}
  - {id: m-b1, kind: membership, group: club, member: b, start: "2007", end: "2008", $S}
  - {id: m-b2, kind: membership, group: club, member: b, start: "2025", $S}
""".replace("$S", "sources: [{title: S}]")


def _judge(project, claims: str, as_of: str | None = None):
    (project / "k.kb.yaml").write_text(KB, encoding="utf-8")
    body = "claims:\n" + textwrap.indent(textwrap.dedent(claims).strip("\n"), "  ") + "\n"
    write_claims(project, body)
    when = PartialDate.parse(as_of) if as_of else None
    result = verify(Options(paths=(str(project),), as_of=when, select=("CC2",)))
    assert not [f for f in result.findings if f.rule_id.startswith("CC00")], result.findings
    verdicts = {v.claim_id: v for v in result.verdicts}
    rules = {(f.claim_id, f.rule_id) for f in result.findings}
    return verdicts, rules


@pytest.mark.parametrize(
    ("claim", "verdict", "rule"),
    [
        # The ordinal comes from the series order when the fact has none: too low is
        # refuted; as many as the KB lists is open, since it does not say it lists them all.
        ("{event: e2, series: s, ordinal: 2}", "not_enough_info", None),
        ("{event: e2, series: s, ordinal: 1}", "refuted", "CC203"),
        # A place that contains the recorded place agrees; a place inside it cannot tell.
        ("{event: e2, place: city}", "supported", None),
        ("{event: e1, place: hall}", "not_enough_info", None),
        ("{event: e1, place: town}", "refuted", "CC206"),
        # A day-precision claim against a year-precision fact cannot be decided.
        ("{event: e3, date: 2024-08-20}", "not_enough_info", None),
        ("{event: e3, weekday: Tuesday}", "not_enough_info", None),
        ("{event: e1, date: 2019-11}", "supported", None),
        ("{event: e1, date: 2019-12}", "refuted", "CC204"),
        ("{event: nothing, date: 2019-12}", "not_enough_info", None),
    ],
)
def test_event_aspects(project, claim, verdict, rule):
    line = "- {id: c, kind: event, what: w, quote: the talks, " + claim[1:]
    verdicts, rules = _judge(project, line)
    assert verdicts["c"].verdict.value == verdict, verdicts["c"].explanation
    assert {r for _, r in rules} == ({rule} if rule else set())


def test_counts_of_events_and_members_on_a_date(project):
    verdicts, rules = _judge(
        project,
        """
        - {id: two, kind: count, of: events, group: s, count: 2, at: "2023", quote: q}
        - {id: three, kind: count, of: events, group: s, count: 3, at: "2023", quote: q}
        - {id: one, kind: count, of: events, group: s, count: 1, at: "2023", quote: q}
        - {id: open, kind: count, of: events, group: s, count: 3, at: 2024-06, quote: the talks}
        - {id: members, kind: count, of: members, group: club, count: 1, at: "2024", quote: q}
        """,
    )
    # As many as the KB records, but it does not say it records them all.
    assert verdicts["two"].verdict.value == "not_enough_info"
    # The KB may not list every summit: more than it records is open, fewer is refuted.
    assert verdicts["three"].verdict.value == "not_enough_info"
    assert "does not say its list is complete" in verdicts["three"].explanation
    assert verdicts["one"].verdict.value == "refuted" and ("one", "CC202") in rules
    # The third summit is dated only "2024": by June 2024 there were 2 or 3.
    assert verdicts["open"].verdict.value == "not_enough_info"
    # Alpha joined in June 2024: a member for part of 2024 only.
    assert verdicts["members"].verdict.value == "not_enough_info"


def test_relations_symmetric_and_exclusive(project):
    verdicts, rules = _judge(
        project,
        """
        - {id: sym, kind: relation, subject: b, predicate: borders, object: a, quote: the talks}
        - {id: rival, kind: relation, subject: c, predicate: administers, object: isle, quote: q}
        - {id: unknown, kind: relation, subject: c, predicate: claims, object: isle, quote: q}
        """,
    )
    assert verdicts["sym"].verdict.value == "supported"
    assert verdicts["rival"].verdict.value == "refuted" and ("rival", "CC208") in rules
    assert [e.fact_id for e in verdicts["rival"].evidence] == ["admin"]
    assert verdicts["unknown"].verdict.value == "not_enough_info"


def test_membership_names_a_non_member(project):
    verdicts, rules = _judge(
        project,
        """
        - {id: m, kind: membership, group: club, members: [a, b], complete: false, quote: the talks}
        """,
    )
    assert verdicts["m"].verdict.value == "refuted"
    why = verdicts["m"].explanation
    assert "Beta is not a member on 20 August 2024: Beta left in 2008 (fact m-b1" in why
    assert "and joined again in 2025 (fact m-b2, source S)" in why
    assert ("m", "CC201") in rules


def test_a_member_the_kb_never_records_is_not_enough_info(project):
    """An open world: the KB may list only some of a group's members."""
    verdicts, rules = _judge(
        project,
        """
        - {id: m, kind: membership, group: club, members: [a, c], complete: false, quote: q}
        - {id: all, kind: membership, group: club, members: [a, c], complete: true, quote: q}
        """,
    )
    for claim in ("m", "all"):
        assert verdicts[claim].verdict.value == "not_enough_info"
        assert "does not say its list of members is complete" in verdicts[claim].explanation
    assert not rules


def test_rules_read_judgements_made_once_before_them_in_a_frozen_context(project, monkeypatch):
    """The engine judges a file once, before any rule; a rule reads, and cannot write."""
    judged: list[str] = []
    real_judge = engine.judge_file

    def counted(ctx, memo=None):
        judged.append(ctx.path)
        return real_judge(ctx, memo)

    seen = []
    real_check = EventDateVsKB.check

    def spy(self, ctx):
        seen.append(ctx)
        return real_check(self, ctx)

    monkeypatch.setattr(engine, "judge_file", counted)
    monkeypatch.setattr(EventDateVsKB, "check", spy)
    verdicts, rules = _judge(
        project, "- {id: c, kind: event, what: w, quote: q, event: e1, date: 2019-12}"
    )
    assert rules == {("c", "CC204")}
    assert len(judged) == 1 and len(seen) == 1
    ctx = seen[0]
    assert [j.verdict for j in ctx.judgements.claims] == [verdicts["c"]]
    with pytest.raises(dataclasses.FrozenInstanceError):
        ctx.as_of = PartialDate.parse("2025")
