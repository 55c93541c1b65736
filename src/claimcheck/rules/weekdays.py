"""Rules about weekdays: "on Tuesday, 20 August" and a bare "on Tuesday"."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.context import ArticleContext
from claimcheck.core.dates import PartialDate, last_weekday_on_or_before
from claimcheck.core.findings import Finding, Severity
from claimcheck.core.verdicts import Verdict
from claimcheck.formats.records import EventClaim
from claimcheck.rules.base import Rule


def _with_weekday(ctx: ArticleContext) -> Iterator[tuple[int, EventClaim, PartialDate, int]]:
    """Claims with a weekday, and the date to check it against with the claim giving it.

    The claim's own date, else the most precise date another claim gives its event.
    """
    for claims in ctx.index.events.values():
        for i, claim in claims:
            if claim.weekday is None:
                continue
            if claim.date is not None:
                yield i, claim, claim.date, i
                continue
            dated = ctx.event_date(claim.event)
            if dated is not None:
                yield i, claim, dated[1], dated[0]


def _from(ctx: ArticleContext, i: int, source: int) -> str:
    return "" if source == i else f" (the date claim '{ctx.model.claims[source].id}' gives)"


class WrongWeekday(Rule):
    """A weekday is not the weekday of the date it goes with.

    "On Tuesday, 20 August 2024" is checkable arithmetic, and a wrong weekday is the kind
    of slip readers notice first. The date may come from another claim about the same
    event; a month or a year has no single weekday and is not checked here.

    Triggers:

        - {id: a, kind: event, event: e, date: 2024-08-20, weekday: Monday, ...}

    Passes: `weekday: Tuesday` with `date: 2024-08-20`.
    """

    id = "CC104"
    name = "wrong-weekday"
    severity = Severity.ERROR
    proves = Verdict.REFUTED

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        for i, claim, date, source in _with_weekday(ctx):
            actual = date.weekday()
            if actual is None or actual == claim.weekday:
                continue
            yield self.report(
                ctx,
                f"{date.human()}{_from(ctx, i, source)} was a {actual}, not a "
                f"{claim.weekday}: write {actual}, or correct the date",
                ("claims", i, "weekday"),
                claim.id,
                related=() if source == i else (("claims", source, "date"),),
            )


class RelativeDayMismatch(Rule):
    """A relative day ("on Tuesday") does not resolve to the event's date.

    A news article's bare weekday means the latest such day on or before its publication
    date. When that day is not the event's date, the article tells readers the wrong day:
    "on Tuesday" in a story published on Tuesday 20 August is 20 August, not the 13th.
    A weekday that is not the date's weekday at all is reported by CC104 instead.

    Triggers: published 2024-08-20, `{weekday: Tuesday, relative: true,
    date: 2024-08-13}` (a week earlier: "last Tuesday" or the date is needed).

    Passes: the same claim with `date: 2024-08-20`, or `date: 2024-08` (the resolved day
    lies inside the month).
    """

    id = "CC105"
    name = "relative-day-mismatch"
    severity = Severity.ERROR
    proves = Verdict.REFUTED

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        published = ctx.model.article.published
        if published.precision != "day":
            return
        for i, claim, date, source in _with_weekday(ctx):
            assert claim.weekday is not None
            if not claim.relative or date.weekday() not in (None, claim.weekday):
                continue
            resolved = PartialDate.of(last_weekday_on_or_before(published.start, claim.weekday))
            if date.contains(resolved):
                continue
            yield self.report(
                ctx,
                f"'{claim.weekday}' read from the publication date, {published.human()}, is "
                f"{resolved.human()}, but the event is dated {date.human()}"
                f"{_from(ctx, i, source)}: give the date, or correct it",
                ("claims", i, "relative"),
                claim.id,
                related=() if source == i else (("claims", source, "date"),),
            )
