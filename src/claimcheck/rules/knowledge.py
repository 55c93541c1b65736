"""Rules against the reference knowledge base (CC2xx).

The verdicts and the reasons are computed once, in `claimcheck.judge.judge`; each rule here only
reports the issues that carry its ID, so findings and verdicts always agree.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.context import ArticleContext
from claimcheck.core.findings import Finding, Severity
from claimcheck.judge import judge
from claimcheck.rules.base import Rule


class _KBRule(Rule):
    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        for judgement, issue in judge.issues_for(ctx, self.id):
            claim_id = judgement.verdict.claim_id
            yield self.report(
                ctx, issue.message, ("claims", judgement.index, *issue.field), claim_id
            )


class MemberListVsKB(_KBRule):
    """A membership list disagrees with the members the knowledge base records on the date.

    A list presented as complete ("comprising") must name every member on the date; any
    list must name only members. Both the missing and the extra members are named, and the
    membership facts that decided it are shown with their sources.

    Triggers: `members: [brazil, russia, china, south-africa]`, `complete: true`, on
    2024-08-20, when the knowledge base has India (since 2009) and Egypt (since 2024) too.

    Passes: the same list with `complete: false` ("including"), or the full list.
    """

    id = judge.MEMBER_LIST
    name = "member-list-vs-kb"
    severity = Severity.ERROR


class MemberCountVsKB(_KBRule):
    """A count of members (or of events in a series) disagrees with the knowledge base.

    "The five BRICS countries" in August 2024 counts a group that had nine accepted
    members; counts are checked on the claim's date, and a disputed member widens the range
    instead of deciding it.

    Triggers: `kind: count, of: members, group: brics, count: 5` on 2024-08-20.

    Passes: `count: 4` for the Quad, whose four members the knowledge base records.
    """

    id = judge.MEMBER_COUNT
    name = "count-vs-kb"
    severity = Severity.ERROR


class OrdinalVsSeries(_KBRule):
    """An event's place in its series ("the third meeting") disagrees with the series.

    Triggers: `ordinal: 2` for the 2024 Japan-India 2+2, the third of its series.

    Passes: `ordinal: 3`.
    """

    id = judge.EVENT_ORDINAL
    name = "ordinal-vs-series"
    severity = Severity.ERROR


class EventDateVsKB(_KBRule):
    """An event's date does not overlap the date the knowledge base records.

    Partial dates are intervals: "in 2015" agrees with 12 December 2015, "in November
    2015" does not.

    Triggers: `date: 2015-11` for an agreement signed on 2015-12-12.

    Passes: `date: "2015"` or `date: 2015-12`.
    """

    id = judge.EVENT_DATE
    name = "event-date-vs-kb"
    severity = Severity.ERROR


class EventWeekdayVsKB(_KBRule):
    """The weekday an article gives ("on Tuesday") is not the weekday of the recorded date.

    Triggers: `weekday: Monday` for a meeting recorded on 2024-08-20, a Tuesday.

    Passes: `weekday: Tuesday`.
    """

    id = judge.EVENT_WEEKDAY
    name = "event-weekday-vs-kb"
    severity = Severity.ERROR


class EventPlaceVsKB(_KBRule):
    """An event's place is neither the recorded place nor a place that contains it.

    A meeting at Hyderabad House took place in New Delhi too, when the knowledge base
    records that Hyderabad House lies in New Delhi.

    Triggers: `place: tokyo` for a meeting recorded in New Delhi.

    Passes: `place: new-delhi`.
    """

    id = judge.EVENT_PLACE
    name = "event-place-vs-kb"
    severity = Severity.ERROR


class OfficeHolderVsTenures(_KBRule):
    """Someone else held the office on the claim's date, by the recorded tenures.

    Triggers: `office: jp-prime-minister, holder: fumio-kishida, at: 2024-10-01` (Shigeru
    Ishiba took office that day).

    Passes: the same claim `at: 2024-08-20`.
    """

    id = judge.OFFICE_HOLDER
    name = "office-holder-vs-kb"
    severity = Severity.ERROR


class RelationVsKB(_KBRule):
    """A relation disagrees with the recorded relation: another administrator, another name.

    Triggers: `subject: united-states, predicate: administers, object: senkaku-islands` in
    2024 (the US administered the islands until 1972), or China `calls` them "Diaoyutai"
    when the knowledge base records that China calls them "Diaoyu".

    Passes: `subject: japan, predicate: administers, object: senkaku-islands`.
    """

    id = judge.RELATION
    name = "relation-vs-kb"
    severity = Severity.ERROR


class DisputedFact(_KBRule):
    """A claim rests on a fact the knowledge base records as disputed.

    A disputed fact never refutes a claim: claimcheck warns, shows the note, and leaves
    the verdict at "not enough info" for the part it decides.

    Triggers: a complete BRICS list in 2024 that leaves out Saudi Arabia, whose membership
    is recorded as disputed.

    Passes: a partial list (`complete: false`) of accepted members.
    """

    id = judge.DISPUTED
    name = "disputed-fact"
    severity = Severity.WARNING


class StaleClaim(_KBRule):
    """A claim true when the article was published is no longer true at `--as-of`.

    Only claims about the present (no `at` of their own) are judged again; a claim that was
    wrong when published is reported by its own rule, not as stale.

    Triggers: `office: jp-prime-minister, holder: fumio-kishida` in an article of
    2024-08-20, checked with `--as-of 2025-01-01`.

    Passes: the same claim without `--as-of`, or with `at: 2024-08-20`.
    """

    id = judge.STALE
    name = "stale-claim"
    severity = Severity.WARNING
