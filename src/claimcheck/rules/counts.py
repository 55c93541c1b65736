"""Rules about how many members a group has, or events a series has, inside one article."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Iterator

from claimcheck.context import ArticleContext
from claimcheck.core.dates import PartialDate
from claimcheck.core.findings import Finding, Severity
from claimcheck.core.verdicts import Verdict
from claimcheck.formats.records import CountClaim, MembershipClaim
from claimcheck.loader.document import Pointer
from claimcheck.rules.base import RELATED_LIMIT, Rule


def _time(ctx: ArticleContext, claim: CountClaim | MembershipClaim) -> PartialDate | str:
    """The time a claim about members speaks of: the founding, or its date."""
    return "founding" if claim.founding else ctx.when(claim.at)


def listing(ctx: ArticleContext, ids: list[str], total: int, limit: int = 6) -> str:
    """Readable names for a message, cut short after ``limit`` of ``total``."""
    names = [ctx.name(i) for i in ids[:limit]]
    return ", ".join(names) + (f" and {total - limit} more" if total > limit else "")


class _Roster:
    """What the article says about a group's members at one time.

    Plain records, these three: a dataclass costs every cold start half a millisecond."""

    __slots__ = ("complete", "named")

    def __init__(self) -> None:
        self.complete: tuple[int, MembershipClaim] | None = None
        self.named: dict[str, int] = {}


class _Slice:
    """The first ``n`` dated events of a timeline plus its undated ones, without copying."""

    __slots__ = ("n", "timeline")

    def __init__(self, timeline: _Timeline, n: int) -> None:
        self.timeline = timeline
        self.n = n

    def __len__(self) -> int:
        return len(self.timeline.undated) + self.n

    def rows(self, limit: int = RELATED_LIMIT) -> list[tuple[str, int]]:
        """The first ``limit`` events: enough for a message, without copying them all."""
        undated = self.timeline.undated[:limit]
        dated = self.timeline.dated[: min(self.n, limit - len(undated))]
        return undated + [(e, j) for _, e, j in dated]


class _Timeline:
    """A series' events sorted by start, so "how many by then" is one bisection."""

    __slots__ = ("dated", "top_ordinal", "undated", "undated_top")

    def __init__(self) -> None:
        self.undated: list[tuple[str, int]] = []
        self.dated: list[tuple[dt.date, str, int]] = []
        self.top_ordinal: list[tuple[int, int]] = []  # prefix maximum
        self.undated_top: tuple[int, int] = (0, -1)

    def upto(self, when: PartialDate | None) -> tuple[_Slice, tuple[int, int]]:
        """The events (id, claim index) not dated after ``when``, and their top ordinal."""
        n = len(self.dated)
        if when is not None:
            n = bisect.bisect_right(self.dated, when.end, key=lambda row: row[0])
        top = max(self.undated_top, self.top_ordinal[n - 1] if n else (0, -1))
        return _Slice(self, n), top


class CountMismatch(Rule):
    """A count disagrees with the members or events the article itself enumerates.

    "The four nations" after a list of five members, or "the two meetings" of a series
    whose third meeting the article mentions, cannot both be right. A partial list
    ("including") only gives a lower bound, so the count may be larger than the members
    it names; a complete list ("comprising") gives the exact number. Lists and counts are
    compared at the same time (their `at`, else the publication date); a count of events
    at a time ignores the events the article dates after it. Members and events are
    entities, however a claim spells them (see `claimcheck.kb.resolve`).

    Triggers:

        - {id: quad, kind: membership, group: quad, complete: false,
           members: [japan, india, united-states, australia, france], quote: "..."}
        - {id: quad-count, kind: count, of: members, group: quad, count: 4, quote: "..."}

    Passes: the same count of 4 after a partial list naming Japan and India only, or a
    complete list of exactly four members.
    """

    id = "CC102"
    name = "count-mismatch"
    severity = Severity.ERROR
    proves = Verdict.REFUTED

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        rosters = self._rosters(ctx)
        timelines: dict[str, _Timeline] = {}
        for group, counts in ctx.index.counts.items():
            for i, claim in counts:
                if claim.of == "members":
                    roster = rosters.get((group, _time(ctx, claim)))
                    if roster is not None:
                        yield from self._members(ctx, i, claim, roster)
                    continue
                if group not in timelines:
                    timelines[group] = self._timeline(ctx, group)
                yield from self._events(ctx, i, claim, timelines[group])

    def _members(
        self, ctx: ArticleContext, i: int, claim: CountClaim, roster: _Roster
    ) -> Iterator[Finding]:
        what = f"the article counts {claim.count} members of {ctx.name(claim.group)}"
        if roster.complete is not None:
            j, full = roster.complete
            listed = len({ctx.key(m) for m in full.members})
            if listed != claim.count:
                yield self.report(
                    ctx,
                    f"{what}, but claim '{full.id}' presents its list of {listed} as complete: "
                    f"the count should be {listed}, or the list is wrong",
                    ("claims", i, "count"),
                    claim.id,
                    related=(("claims", j, "members"),),
                )
        elif len(roster.named) > claim.count:
            n = len(roster.named)
            first = list(itertools.islice(roster.named.items(), RELATED_LIMIT))
            yield self.report(
                ctx,
                f"{what}, but names {n} ({listing(ctx, [m for m, _ in first], n)}): the count "
                f"should be at least {n}",
                ("claims", i, "count"),
                claim.id,
                related=tuple(("claims", j) for j in sorted({j for _, j in first})),
            )

    def _events(
        self, ctx: ArticleContext, i: int, claim: CountClaim, timeline: _Timeline
    ) -> Iterator[Finding]:
        events, (top, where) = timeline.upto(claim.at)
        related: tuple[Pointer, ...]
        if top > max(len(events), claim.count):
            why = f"calls one of them number {top} (claim '{ctx.model.claims[where].id}')"
            floor, related = top, (("claims", where, "ordinal"),)
        elif len(events) > claim.count:
            rows = events.rows()
            why = f"names {len(events)} ({listing(ctx, [e for e, _ in rows], len(events))})"
            floor, related = len(events), tuple(("claims", j) for j in sorted(j for _, j in rows))
        else:
            return
        yield self.report(
            ctx,
            f"the article counts {claim.count} events of {ctx.name(claim.group)}, but {why}: "
            f"the count should be at least {floor}",
            ("claims", i, "count"),
            claim.id,
            related=related,
        )

    @staticmethod
    def _rosters(ctx: ArticleContext) -> dict[tuple[str, PartialDate | str], _Roster]:
        rosters: dict[tuple[str, PartialDate | str], _Roster] = {}
        for group in ctx.index.counts:
            for j, claim in ctx.index.memberships.get(group, ()):
                roster = rosters.setdefault((group, _time(ctx, claim)), _Roster())
                if claim.complete and roster.complete is None:
                    roster.complete = (j, claim)
                for member in claim.members:
                    roster.named.setdefault(ctx.key(member), j)
        return rosters

    @staticmethod
    def _timeline(ctx: ArticleContext, series: str) -> _Timeline:
        timeline = _Timeline()
        seen: set[str] = set()
        ordinals: dict[str, tuple[int, int]] = {}
        for j, event in ctx.index.series.get(series, ()):
            event_id = ctx.key(event.event)
            if event.ordinal is not None:
                ordinals.setdefault(event_id, (event.ordinal, j))
            if event_id in seen:
                continue
            seen.add(event_id)
            dated = ctx.event_date(event_id)
            if dated is None:
                timeline.undated.append((event_id, j))
            else:
                timeline.dated.append((dated[1].start, event_id, j))
        timeline.dated.sort()
        top = (0, -1)
        for _, event_id, _ in timeline.dated:
            top = max(top, ordinals.get(event_id, (0, -1)))
            timeline.top_ordinal.append(top)
        for event_id, _ in timeline.undated:
            timeline.undated_top = max(timeline.undated_top, ordinals.get(event_id, (0, -1)))
        return timeline
