"""Two claims of one article that cannot both be true."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

from claimcheck.context import ArticleContext
from claimcheck.core.dates import PartialDate
from claimcheck.core.findings import Finding, Severity
from claimcheck.core.verdicts import Verdict
from claimcheck.formats.records import CountClaim
from claimcheck.rules.base import Rule


class _Timed(Protocol):
    @property
    def at(self) -> PartialDate | None: ...


T = TypeVar("T", bound=_Timed)


class EventDateConflict(Rule):
    """One event is given two dates that cannot both be right.

    Claims about one `event` id describe one happening; when their dates cannot overlap
    ("November 2019" and "2018", or two different days), readers get two answers.
    Partial dates are intervals: "2019" and "2019-11-30" agree.

    Triggers:

        - {id: a, kind: event, event: summit, date: "2019-11", ...}
        - {id: b, kind: event, event: summit, date: 2019-12-01, ...}

    Passes: `date: 2019-11-30` in the second claim, or a second claim with no date.
    """

    id = "CC106"
    name = "event-date-conflict"
    severity = Severity.ERROR
    proves = Verdict.CONFLICTING

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        for event, claims in ctx.index.events.items():
            # Intervals that overlap pairwise share a common part (Helly, in one
            # dimension), so one running intersection finds every claim that conflicts.
            lo: tuple[PartialDate, int] | None = None  # the latest start so far
            hi: tuple[PartialDate, int] | None = None  # the earliest end so far
            for i, claim in claims:
                date = claim.date
                if date is None:
                    continue
                clash = None
                if lo is not None and date.end < lo[0].start:
                    clash = lo
                elif hi is not None and date.start > hi[0].end:
                    clash = hi
                if clash is not None:
                    other, j = clash
                    yield self.report(
                        ctx,
                        f"this claim dates {ctx.name(event)} {date.human()}, but claim "
                        f"'{ctx.model.claims[j].id}' dates it {other.human()}: the dates "
                        "cannot both be right; correct one, or give the two events "
                        "different ids",
                        ("claims", i, "date"),
                        claim.id,
                        related=(("claims", j, "date"),),
                    )
                    continue
                if lo is None or date.start > lo[0].start:
                    lo = (date, i)
                if hi is None or date.end < hi[0].end:
                    hi = (date, i)


class EventPlaceConflict(Rule):
    """One event is given two places.

    A meeting cannot be held in New Delhi and Tokyo. A place the article itself says
    lies in the other (a `located_in` or `lies_in` relation claim) is not a conflict:
    "Hyderabad House" and "New Delhi" can both be right.

    Triggers:

        - {id: a, kind: event, event: summit, place: new-delhi, ...}
        - {id: b, kind: event, event: summit, place: tokyo, ...}

    Passes: the same place twice, or a relation claim `hyderabad-house located_in
    new-delhi` with the places `hyderabad-house` and `new-delhi`.
    """

    id = "CC107"
    name = "event-place-conflict"
    severity = Severity.ERROR
    proves = Verdict.CONFLICTING

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        def inside(a: str, b: str) -> bool:
            rel = ctx.index.relations
            return any(rel.get((a, p, b)) for p in ("located_in", "lies_in"))

        for event, claims in ctx.index.events.items():
            first: tuple[str, int] | None = None
            for i, claim in claims:
                if claim.place is None:
                    continue
                place = ctx.key(claim.place)
                if first is None:
                    first = (place, i)
                    continue
                other, j = first
                if place == other or inside(place, other) or inside(other, place):
                    continue
                yield self.report(
                    ctx,
                    f"this claim places {ctx.name(event)} in {ctx.name(place)}, but claim "
                    f"'{ctx.model.claims[j].id}' places it in {ctx.name(other)}: correct "
                    "one, or say how the places relate with a located_in claim",
                    ("claims", i, "place"),
                    claim.id,
                    related=(("claims", j, "place"),),
                )


def _disagreements(
    ctx: ArticleContext, claims: Iterable[tuple[int, T]], value: Callable[[T], object]
) -> Iterator[tuple[int, T, int, T]]:
    """Claims whose ``value`` differs from the first claim about the same single day.

    The day is the claim's `at`, else the publication date. Only a whole day is "one
    time": a month can hold two office holders in turn. Yields (i, claim, j, first).
    """
    days: dict[PartialDate, tuple[int, T]] = {}
    for i, claim in claims:
        day = ctx.when(claim.at)
        if day.precision != "day":
            continue
        j, first = days.setdefault(day, (i, claim))
        if j != i and value(claim) != value(first):
            yield i, claim, j, first


class CountConflict(Rule):
    """One group is given two different counts at one time.

    "The four nations" and "the five members" of one group on one day cannot both be
    right. Counts at different times (`at`) may differ; so may counts of members and of
    events.

    Triggers:

        - {id: a, kind: count, of: members, group: quad, count: 4, ...}
        - {id: b, kind: count, of: members, group: quad, count: 5, ...}

    Passes: the second count with `at: "2007"`, or `founding: true` ("the twelve founding
    members" beside "its 32 members"), or both counts 4.
    """

    id = "CC108"
    name = "count-conflict"
    severity = Severity.ERROR
    proves = Verdict.CONFLICTING

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        for group, claims in ctx.index.counts.items():
            # The founders ("the twelve founding members") are counted apart from today's.
            for kind, founding in itertools.product(("members", "events"), (False, True)):
                of: list[tuple[int, CountClaim]] = [
                    (i, c) for i, c in claims if c.of == kind and c.founding is founding
                ]
                for i, claim, j, first in _disagreements(ctx, of, lambda c: c.count):
                    yield self.report(
                        ctx,
                        f"this claim counts {claim.count} {kind} of {ctx.name(group)}, but "
                        f"claim '{first.id}' counts {first.count} at the same time: correct "
                        "one, or give them different `at` dates",
                        ("claims", i, "count"),
                        claim.id,
                        related=(("claims", j, "count"),),
                    )


class OfficeHolderConflict(Rule):
    """One office is given two holders at one time.

    "Prime Minister Kishida" and "Prime Minister Ishiba" on one day cannot both be
    right for an office with one holder. Holders on different days (`at`) may differ,
    and a month or a year is not one time: a new holder may take over within it.

    Triggers:

        - {id: a, kind: office, office: jp-pm, holder: kishida, ...}
        - {id: b, kind: office, office: jp-pm, holder: ishiba, ...}

    Passes: the second claim with `at: 2024-10-01`, or `at: 2024-10` (a month), or with
    `former: true` ("former Prime Minister Kishida").
    """

    id = "CC109"
    name = "office-holder-conflict"
    severity = Severity.ERROR
    proves = Verdict.CONFLICTING

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        for office, all_claims in ctx.index.offices.items():
            # A former holder is not said to hold it then: "former Prime Minister X".
            claims = [(i, c) for i, c in all_claims if not c.former]
            for i, claim, j, first in _disagreements(ctx, claims, lambda c: ctx.key(c.holder)):
                yield self.report(
                    ctx,
                    f"this claim names {ctx.name(claim.holder)} as {ctx.name(office)}, but "
                    f"claim '{first.id}' names {ctx.name(first.holder)} at the same time: "
                    "correct one, or give them different `at` dates",
                    ("claims", i, "holder"),
                    claim.id,
                    related=(("claims", j, "holder"),),
                )
