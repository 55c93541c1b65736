"""Rules about the order of events in a series: "the third meeting", "since 2019"."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator

from claimcheck.context import ArticleContext
from claimcheck.core.dates import PartialDate
from claimcheck.core.findings import Finding, Severity
from claimcheck.core.verdicts import Verdict
from claimcheck.rules.base import RELATED_LIMIT, Rule


def nth(n: int) -> str:
    """3 -> "3rd": ordinals as an editor writes them."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class SeriesEvent:
    """One event of a series: its first claim, its ordinal and its date, from any claim.

    A plain record: a dataclass costs every cold start half a millisecond."""

    __slots__ = ("date", "date_index", "event", "index", "ordinal", "ordinal_index")

    def __init__(
        self,
        event: str,
        index: int,
        ordinal: int | None,
        ordinal_index: int | None,
        date: PartialDate | None,
        date_index: int | None,
    ) -> None:
        self.event = event
        self.index = index  # the claim that places it in the series
        self.ordinal = ordinal
        self.ordinal_index = ordinal_index  # the claim that gives the ordinal
        self.date = date
        self.date_index = date_index  # the claim that gives the date


def series_events(ctx: ArticleContext, series: str) -> list[SeriesEvent]:
    """The distinct events of a series, in the order the file first mentions them."""
    first: dict[str, int] = {}
    ordinals: dict[str, tuple[int, int]] = {}
    for j, claim in ctx.index.series.get(series, ()):
        event = ctx.key(claim.event)  # one event however claims spell it
        first.setdefault(event, j)
        if claim.ordinal is not None:
            ordinals.setdefault(event, (claim.ordinal, j))
    out = []
    for event, j in first.items():
        ordinal, oi = ordinals.get(event, (None, None))
        dated = ctx.event_date(event)
        date, di = (dated[1], dated[0]) if dated else (None, None)
        out.append(SeriesEvent(event, j, ordinal, oi, date, di))
    return out


class OrdinalMismatch(Rule):
    """An ordinal disagrees with the events of its series that the article dates.

    When an article calls a meeting "the third" but dates three earlier meetings of the
    same series, one of the two is wrong. The article need not date every earlier event,
    so only too many earlier events is a contradiction, never too few; two different
    events given the same ordinal are one too. An event dated before the series began is
    reported by CC110 instead.

    Triggers:

        - {id: a, kind: event, event: m2019, series: talks, date: "2019-11", ...}
        - {id: b, kind: event, event: m2022, series: talks, date: "2022-09", ...}
        - {id: c, kind: event, event: m2024, series: talks, date: 2024-08-20,
           ordinal: 2, ...}

    Passes: the 2024 meeting as ordinal 3, or as ordinal 5 when the article dates only
    two earlier ones.
    """

    id = "CC103"
    name = "ordinal-mismatch"
    severity = Severity.ERROR
    proves = Verdict.REFUTED

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        for series in ctx.index.series:
            events = series_events(ctx, series)
            yield from self._duplicates(ctx, series, events)
            dated = sorted(
                ((e.date.end, e) for e in events if e.date is not None), key=lambda r: r[0]
            )
            ends = [end for end, _ in dated]
            top: list[int] = []  # prefix maximum of the ordinals, in order of end date
            for _, e in dated:
                top.append(max(top[-1] if top else 0, e.ordinal or 0))
            # Events dated before the first one are CC110's: they do not count here.
            firsts = [e.date for e in events if e.ordinal == 1 and e.date is not None]
            skip = bisect.bisect_left(ends, firsts[0].start) if firsts else 0
            for e in events:
                if e.ordinal is None or e.ordinal < 2 or e.date is None:
                    continue
                assert e.ordinal_index is not None
                upto = bisect.bisect_left(ends, e.date.start)
                before = upto - skip
                if before < e.ordinal or top[upto - 1] >= e.ordinal:
                    continue  # consistent, or an order inversion (CC110)
                earlier = [row[1] for row in dated[skip : min(upto, skip + RELATED_LIMIT)]]
                yield self.report(
                    ctx,
                    f"the article calls {ctx.name(e.event)} the {nth(e.ordinal)} of "
                    f"{ctx.name(series)}, but dates {before} earlier ones "
                    f"({_dates(ctx, earlier, before)}): it is at least the {nth(before + 1)}",
                    ("claims", e.ordinal_index, "ordinal"),
                    ctx.model.claims[e.ordinal_index].id,
                    related=tuple(("claims", _dated_by(x), "date") for x in earlier),
                )

    def _duplicates(
        self, ctx: ArticleContext, series: str, events: list[SeriesEvent]
    ) -> Iterator[Finding]:
        holder: dict[int, SeriesEvent] = {}
        for e in events:
            if e.ordinal is None:
                continue
            assert e.ordinal_index is not None
            other = holder.setdefault(e.ordinal, e)
            if other is e:
                continue
            assert other.ordinal_index is not None
            yield self.report(
                ctx,
                f"the article calls both {ctx.name(other.event)} (claim "
                f"'{ctx.model.claims[other.ordinal_index].id}') and {ctx.name(e.event)} the "
                f"{nth(e.ordinal)} of {ctx.name(series)}: one of the ordinals is wrong, or "
                "both claims are about one event and should share its id",
                ("claims", e.ordinal_index, "ordinal"),
                ctx.model.claims[e.ordinal_index].id,
                related=(("claims", other.ordinal_index, "ordinal"),),
            )


def _dates(ctx: ArticleContext, events: list[SeriesEvent], total: int, limit: int = 4) -> str:
    shown = [f"{ctx.name(e.event)} in {e.date.human()}" for e in events[:limit] if e.date]
    more = f" and {total - limit} more" if total > limit else ""
    return ", ".join(shown) + more


class SeriesOutOfOrder(Rule):
    """Events of a series are dated out of the order their ordinals or the series give.

    The first event of a series is when the series began: another event of it dated
    before that, or "the second" dated before "the first", means a date or an ordinal is
    wrong ("talks initiated in November 2019" and a meeting of the same talks in 2018).
    Partial dates count as their whole interval, so a month and a day in it never
    conflict.

    Triggers:

        - {id: a, kind: event, event: first, series: talks, ordinal: 1, date: "2019-11", ...}
        - {id: b, kind: event, event: other, series: talks, date: "2018-05", ...}

    Passes: the other meeting dated 2022-09, or in November 2019 (the same month).
    """

    id = "CC110"
    name = "series-out-of-order"
    severity = Severity.ERROR
    proves = Verdict.CONFLICTING

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        for series in ctx.index.series:
            events = [e for e in series_events(ctx, series) if e.date is not None]
            ranked = sorted((e for e in events if e.ordinal is not None), key=_rank)
            latest: SeriesEvent | None = None  # the latest-starting event of lower rank
            for e in ranked:
                assert e.date is not None and e.ordinal is not None
                if (
                    latest is not None
                    and e.date.end < _start(latest)
                    and latest.ordinal != e.ordinal
                ):
                    yield self._report(ctx, series, e, latest)
                    continue
                if latest is None or _start(e) > _start(latest):
                    latest = e
            first = ranked[0] if ranked and ranked[0].ordinal == 1 else None
            if first is None or first.date is None:
                continue
            for e in events:
                if e.ordinal is None and e.date is not None and e.date.end < first.date.start:
                    yield self._report(ctx, series, e, first)

    def _report(
        self, ctx: ArticleContext, series: str, e: SeriesEvent, later: SeriesEvent
    ) -> Finding:
        assert e.date is not None and later.date is not None and later.date_index is not None
        what = f" (the {nth(e.ordinal)})" if e.ordinal else ""
        if later.ordinal == 1:
            why = f"before {ctx.name(series)} began with {ctx.name(later.event)}"
        else:
            why = f"before the {nth(later.ordinal or 0)}, {ctx.name(later.event)}"
        index = _dated_by(e)
        return self.report(
            ctx,
            f"{ctx.name(e.event)}{what} is dated {e.date.human()}, {why} in "
            f"{later.date.human()} (claim '{ctx.model.claims[later.date_index].id}'): "
            "a date or an ordinal is wrong",
            ("claims", index, "date"),
            ctx.model.claims[index].id,
            related=(("claims", later.date_index, "date"),),
        )


def _dated_by(e: SeriesEvent) -> int:
    """The claim that dates a dated event."""
    assert e.date_index is not None
    return e.date_index


def _rank(e: SeriesEvent) -> tuple[int, dt.date]:
    return (e.ordinal or 0, _start(e))


def _start(e: SeriesEvent) -> dt.date:
    assert e.date is not None
    return e.date.start
