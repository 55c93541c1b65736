"""Rules against the reference knowledge base (CC2xx).

The judge (`claimcheck.judge`) gives every claim its verdict, its issues (each naming the
problem it found) and the disputed facts it rests on, before any rule runs. A rule here
decides which of those it reports, and at what severity: a report never shows a refutation
without its finding, or a finding without its verdict.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from claimcheck.context import ArticleContext
from claimcheck.core.findings import Finding, Severity
from claimcheck.core.verdicts import Problem, Verdict
from claimcheck.rules.base import Rule


class KBRule(Rule):
    """A rule that reports some of the problems the judge found, at the claim field named."""

    problems: ClassVar[frozenset[Problem]]

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        for judgement, issue in ctx.judgements.issues:
            if issue.problem in self.problems:
                claim_id = judgement.verdict.claim_id
                pointer = ("claims", judgement.index, *issue.field)
                yield self.report(ctx, issue.message, pointer, claim_id)


class MemberListVsKB(KBRule):
    """A membership list disagrees with the members the knowledge base records on the date.

    A list presented as complete ("comprising") must name every member on the date; any
    list must name only members. Both the missing and the extra members are named, and the
    membership facts that decided it are shown with their sources.

    Triggers: `members: [brazil, russia, china, south-africa]`, `complete: true`, on
    2024-08-20, when the knowledge base has India (since 2009) and Egypt (since 2024) too.

    Passes: the same list with `complete: false` ("including"), or the full list.
    """

    id = "CC201"
    name = "member-list-vs-kb"
    severity = Severity.ERROR
    problems = frozenset({Problem.NOT_A_MEMBER, Problem.MEMBER_LEFT_OUT})


class MemberCountVsKB(KBRule):
    """A count of members (or of events in a series) disagrees with the knowledge base.

    "The five BRICS countries" in August 2024 counts a group that had nine accepted
    members; counts are checked on the claim's date, and a disputed member widens the range
    instead of deciding it.

    Triggers: `kind: count, of: members, group: brics, count: 5` on 2024-08-20.

    Passes: `count: 4` for the Quad, whose four members the knowledge base records.
    """

    id = "CC202"
    name = "count-vs-kb"
    severity = Severity.ERROR
    problems = frozenset({Problem.WRONG_COUNT})


class OrdinalVsSeries(KBRule):
    """An event's place in its series ("the third meeting") disagrees with the series.

    Triggers: `ordinal: 2` for the 2024 Japan-India 2+2, the third of its series.

    Passes: `ordinal: 3`.
    """

    id = "CC203"
    name = "ordinal-vs-series"
    severity = Severity.ERROR
    problems = frozenset({Problem.WRONG_ORDINAL})


class EventDateVsKB(KBRule):
    """An event's date does not overlap the date the knowledge base records.

    Partial dates are intervals: "in 2015" agrees with 12 December 2015, "in November
    2015" does not.

    Triggers: `date: 2015-11` for an agreement signed on 2015-12-12.

    Passes: `date: "2015"` or `date: 2015-12`.
    """

    id = "CC204"
    name = "event-date-vs-kb"
    severity = Severity.ERROR
    problems = frozenset({Problem.WRONG_DATE})


class EventWeekdayVsKB(KBRule):
    """The weekday an article gives ("on Tuesday") is not the weekday of the recorded date.

    Triggers: `weekday: Monday` for a meeting recorded on 2024-08-20, a Tuesday.

    Passes: `weekday: Tuesday`.
    """

    id = "CC205"
    name = "event-weekday-vs-kb"
    severity = Severity.ERROR
    problems = frozenset({Problem.WRONG_WEEKDAY})


class EventPlaceVsKB(KBRule):
    """An event's place is neither the recorded place nor a place that contains it.

    A meeting at Hyderabad House took place in New Delhi too, when the knowledge base
    records that Hyderabad House lies in New Delhi.

    Triggers: `place: tokyo` for a meeting recorded in New Delhi.

    Passes: `place: new-delhi`.
    """

    id = "CC206"
    name = "event-place-vs-kb"
    severity = Severity.ERROR
    problems = frozenset({Problem.WRONG_PLACE})


class OfficeHolderVsTenures(KBRule):
    """Someone else held the office on the claim's date, by the recorded tenures.

    Triggers: `office: jp-prime-minister, holder: fumio-kishida, at: 2024-10-01` (Shigeru
    Ishiba took office that day).

    Passes: the same claim `at: 2024-08-20`.
    """

    id = "CC207"
    name = "office-holder-vs-kb"
    severity = Severity.ERROR
    problems = frozenset({Problem.OTHER_HOLDER, Problem.WRONG_TENURE})


class RelationVsKB(KBRule):
    """A relation disagrees with the recorded relation: another administrator, another name.

    Triggers: `subject: united-states, predicate: administers, object: senkaku-islands` in
    2024 (the US administered the islands until 1972), or China `calls` them "Diaoyutai"
    when the knowledge base records that China calls them "Diaoyu".

    Passes: `subject: japan, predicate: administers, object: senkaku-islands`.
    """

    id = "CC208"
    name = "relation-vs-kb"
    severity = Severity.ERROR
    problems = frozenset(
        {Problem.RELATION_AT_OTHER_TIMES, Problem.OTHER_ADMINISTRATOR, Problem.OTHER_NAME}
    )


class PropertyVsKB(KBRule):
    """A property the article gives an entity is one a source says it lacked on the date.

    Only an accepted fact with `holds: false` that covers the date refutes; a knowledge base
    that says nothing about the property leaves the claim "not enough info".

    Triggers: `subject: crimea, property: uninhabited` when the knowledge base records,
    with a source, that Crimea is not uninhabited.

    Passes: `subject: senkaku-islands, property: uninhabited` when the knowledge base
    records that the islands are uninhabited.
    """

    id = "CC211"
    name = "property-vs-kb"
    severity = Severity.ERROR
    problems = frozenset({Problem.PROPERTY_NOT_HELD})


class DisputedFact(Rule):
    """A claim rests on a fact the knowledge base records as disputed.

    A disputed fact never refutes a claim: claimcheck warns, shows the note, and leaves
    the verdict at "not enough info" for the part it decides.

    Triggers: a complete BRICS list in 2024 that leaves out Saudi Arabia, whose membership
    is recorded as disputed.

    Passes: a partial list (`complete: false`) of accepted members.
    """

    id = "CC209"
    name = "disputed-fact"
    severity = Severity.WARNING

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        """Every disputed fact a verdict rests on, at the claim field that rests on it."""
        for judgement, d in ctx.judgements.disputes:
            message = f"{d.what} is disputed (fact '{d.fact_id}'): {d.note}"
            pointer = ("claims", judgement.index, *d.field)
            yield self.report(ctx, message, pointer, judgement.verdict.claim_id)


class StaleClaim(KBRule):
    """A claim true when the article was published is no longer true at `--as-of`.

    Only claims about the present (no `at` of their own) are judged again; a claim that was
    wrong when published is reported by its own rule, not as stale.

    Triggers: `office: jp-prime-minister, holder: fumio-kishida` in an article of
    2024-08-20, checked with `--as-of 2025-01-01`.

    Passes: the same claim without `--as-of`, or with `at: 2024-08-20`.
    """

    id = "CC210"
    name = "stale-claim"
    severity = Severity.WARNING
    problems = frozenset({Problem.STALE})


class UnsourcedFacts(Rule):
    """A verdict rests only on facts whose own source cites nothing.

    A Wikidata statement without a reference is imported as a fact marked `unsourced`: it
    is what Wikidata says, but nothing says where Wikidata had it from. A supported or
    refuted verdict built only on such facts is reported, so that an editor finds a source
    before relying on it. To refuse them instead, make the rule an error:
    `[tool.claimcheck.rules.CC212]` `severity = "error"`.

    Triggers: `office: finance-minister, holder: christophersen, at: 1983` when the only
    tenure fact is an unreferenced Wikidata statement.

    Passes: the same claim when the fact has a reference (a URL or a work it was stated in).
    """

    id = "CC212"
    name = "unsourced-facts"
    severity = Severity.WARNING

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        """Each decided verdict whose knowledge-base evidence is all unsourced."""
        kb = ctx.kb
        if kb is None:
            return
        for judgement in ctx.judgements.claims:
            verdict = judgement.verdict
            if verdict.verdict not in _DECIDED:
                continue
            facts = [kb.facts.get(e.fact_id) for e in verdict.evidence if e.fact_id]
            if facts and all(f is not None and f.unsourced for f in facts):
                ids = ", ".join(f"'{e.fact_id}'" for e in verdict.evidence if e.fact_id)
                said = verdict.verdict.value.replace("_", " ")
                message = (
                    f"{said} only by unsourced facts ({ids}): where they were taken from (a "
                    "Wikidata statement, say) gives no reference for them; find a source "
                    "before relying on them"
                )
                yield self.report(ctx, message, ("claims", judgement.index), verdict.claim_id)


_DECIDED = frozenset({Verdict.SUPPORTED, Verdict.REFUTED, Verdict.STALE, Verdict.INCOMPLETE})
