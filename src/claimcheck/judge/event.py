"""Events against the recorded event: date, weekday, place, participants, place in a series.

Each is an aspect of its own, so one claim can be right about the date and wrong about the
place. Partial dates are intervals: "in 2015" agrees with 12 December 2015, "in November
2015" does not, and "on 20 August 2024" cannot be told from a fact dated only "2024".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.core.dates import PartialDate, last_weekday_on_or_before
from claimcheck.core.verdicts import Problem
from claimcheck.core.wording import NAMED_LIMIT
from claimcheck.judge.shared import CONFLICTING, NEI, REFUTED, SUPPORTED, Outcome, Scope, human
from claimcheck.judge.timing import dated
from claimcheck.kb.store import Tri

if TYPE_CHECKING:
    from claimcheck.formats.records import EventClaim, EventFact


def judge(s: Scope, claim: EventClaim) -> Outcome:
    out = Outcome()
    facts = match_event(s, claim, out)
    date = claim.date
    if date is None and claim.relative and claim.weekday is not None:
        day = last_weekday_on_or_before(s.ctx.model.article.published.start, claim.weekday)
        date = PartialDate.of(day)
    if not facts:
        out.aspect(NEI, f"the knowledge base does not record {s.name(claim.event)}")
        if claim.ordinal is not None and claim.series is not None and date is not None:
            _ordinal_by_date(s, out, claim, date)
        return out
    accepted = [f for f in facts if f.status == "accepted"] or facts
    fact = accepted[0]
    if date is not None or claim.weekday is not None:
        if _dates_disagree(accepted):
            disagree(s, out, "the date", accepted, "date")
        else:
            # The most precise date; the others contain it.
            dated = min(accepted, key=lambda f: (f.date.end - f.date.start, f.id))
            if date is not None:
                _date(out, dated, date)
            if claim.weekday is not None:
                _weekday(out, dated, claim.weekday)
    if claim.place is not None:
        placed = [f for f in accepted if f.place is not None]
        inner = _innermost(s, placed) if placed else fact
        if inner is None:
            disagree(s, out, "the place", placed, "place")
        else:
            _place(s, out, inner, claim.place)
    # Hosts took part: "co-hosted by A and B" is checked as A and B among the participants.
    taking_part = [*claim.participants, *(h for h in claim.hosts if h not in claim.participants)]
    if taking_part:
        _participants(s, out, fact, taking_part)
    if claim.ordinal is not None:
        _ordinal(s, out, fact, claim)
    return out


def match_event(s: Scope, claim: EventClaim, out: Outcome) -> list[EventFact]:
    """The event of the knowledge base the claim is about, matched in this order:

    1. by id: the claim's `event` resolves (`kb.resolve`) to an event the KB records;
    2. else by series and date: the claim's series resolves to a series of which the KB
       records exactly one event on the claim's day;
    3. else by date, place and participants, all three agreeing: exactly one event the
       KB records on the claim's day, in the claim's place (or a place the KB says lies
       in it), with every participant the claim names among those the KB lists.

    A date agrees only when both it and the KB's are the same day: "August 2024" or a
    day alone never picks an event, and neither does a day with two candidates. A match
    not by id is said in the explanation, so an editor sees which event was judged. Every
    fact the KB records about the matched event is returned (sources may disagree).
    """
    kb = s.kb
    key = s.resolve(claim.event)
    facts = kb.events.get(key, []) if key is not None else []
    if facts or claim.date is None or claim.date.precision != "day":
        return facts
    day = claim.date
    how = "by its series and date"
    series = s.resolve(claim.series) if claim.series is not None else None
    found = [f for f in kb.series.get(series, ()) if f.date == day] if series else []
    if len({f.event for f in found}) != 1 and claim.place is not None and claim.participants:
        how = "by its date, place and participants"
        place = s.resolve(claim.place)
        who = [s.resolve(p) for p in claim.participants]
        index = s.ctx.resolver.kb_index
        on_day = index.events_by_day.get(day, []) if index is not None else []
        found = [
            f
            for f in on_day
            if place is not None
            and f.place is not None
            and (f.place == place or any(c == place for c, _ in kb.containers(f.place)))
            and all(w is not None and w in f.participants for w in who)
        ]
    if len({f.event for f in found}) != 1:
        return []
    fact = found[0]
    out.aspect(SUPPORTED, f"the knowledge base records it as {kb.name(fact.event)}, {how}", fact)
    return kb.events.get(fact.event, [fact])


def _dates_disagree(facts: list[EventFact]) -> bool:
    """Some two dates cannot both be right: intervals on a line all overlap exactly when the
    latest start is no later than the earliest end."""
    return max(f.date.start for f in facts) > min(f.date.end for f in facts)


def _innermost(s: Scope, facts: list[EventFact]) -> EventFact | None:
    """The fact with the most precise place, when every other place contains it ("a hall in
    the city"); None when two places cannot both be right."""
    places = {f.place for f in facts}
    for f in facts:
        assert f.place is not None
        around = {c for c, _ in s.kb.containers(f.place)} | {f.place}
        if places <= around:
            return f
    return None


def disagree(s: Scope, out: Outcome, what: str, facts: list[EventFact], *fld: str) -> None:
    """Accepted facts that disagree about one event: the aspect is conflicting, naming them.

    The one place that says which verdict a disagreement gets.
    """
    kb = s.kb
    shown = facts[:NAMED_LIMIT]
    said = "; ".join(f"{kb.statement(f)} ({kb.cite(f)})" for f in shown)
    if len(facts) > NAMED_LIMIT:
        said += f"; and {len(facts) - NAMED_LIMIT} more"
    out.aspect(CONFLICTING, f"the knowledge base's sources disagree on {what}: {said}", *shown)


def _date(out: Outcome, fact: EventFact, date: PartialDate) -> None:
    if date.contains(fact.date):
        out.aspect(SUPPORTED, f"it took place {dated(fact.date)}", fact)
    elif not date.overlaps(fact.date):
        out.aspect(REFUTED, f"it took place {dated(fact.date)}", fact)
        out.issue(
            Problem.WRONG_DATE,
            f"dates it {human(date)}; the knowledge base records {human(fact.date)}",
            "date",
        )
    else:
        out.aspect(NEI, f"the knowledge base dates it only to {human(fact.date)}", fact)


def _weekday(out: Outcome, fact: EventFact, weekday: str) -> None:
    recorded = fact.date.weekday()
    if recorded is None:
        out.aspect(NEI, f"the knowledge base dates it only to {human(fact.date)}", fact)
    elif recorded == weekday:
        out.aspect(SUPPORTED, f"{human(fact.date)} was a {recorded}", fact)
    else:
        out.aspect(REFUTED, f"{human(fact.date)} was a {recorded}", fact)
        out.issue(
            Problem.WRONG_WEEKDAY,
            f"says {weekday}; the knowledge base dates it {human(fact.date)}, a {recorded}",
            "weekday",
        )


def _place(s: Scope, out: Outcome, fact: EventFact, ref: str) -> None:
    """The recorded place, or a place that contains it, agrees; a place inside it cannot tell."""
    kb = s.kb
    place = s.resolve(ref)
    if fact.place is None or place is None:
        out.aspect(NEI, f"the knowledge base does not place it in {s.name(ref)}")
        return
    if fact.place == place:
        out.aspect(SUPPORTED, f"it took place in {kb.name(place)}", fact)
        return
    for container, link in kb.containers(fact.place):
        if container == place:
            out.aspect(SUPPORTED, f"it took place in {kb.name(fact.place)}", fact, link)
            return
    if any(c == fact.place for c, _ in kb.containers(place)):
        out.aspect(NEI, f"the knowledge base places it only in {kb.name(fact.place)}", fact)
        return
    out.aspect(REFUTED, f"it took place in {kb.name(fact.place)}", fact)
    out.issue(
        Problem.WRONG_PLACE,
        f"places it in {kb.name(place)}; the knowledge base records {kb.name(fact.place)}",
        "place",
    )


def _participants(s: Scope, out: Outcome, fact: EventFact, refs: list[str]) -> None:
    """Participants the record does not list leave it open: records list only some."""
    recorded = set(fact.participants)
    absent = []
    for ref in refs:
        who = s.resolve(ref)
        if who is None or who not in recorded:
            absent.append(ref)
    if absent:
        out.aspect(NEI, f"the knowledge base does not list {s.names(absent)} as taking part")
    else:
        out.aspect(SUPPORTED, f"{s.names(list(refs))} took part", fact)


def _ordinal(s: Scope, out: Outcome, fact: EventFact, claim: EventClaim) -> None:
    """The recorded ordinal, else what the series' earlier events make of it."""
    kb = s.kb
    series = s.resolve(claim.series) if claim.series else fact.series
    if series is None or fact.series != series:
        out.aspect(NEI, "the knowledge base does not place it in that series", fact)
        return
    if fact.ordinal is not None:
        if fact.ordinal == claim.ordinal:
            out.aspect(SUPPORTED, f"it is number {fact.ordinal} of {kb.name(series)}", fact)
        else:
            out.aspect(REFUTED, f"it is number {fact.ordinal} of {kb.name(series)}", fact)
            out.issue(
                Problem.WRONG_ORDINAL,
                f"calls it number {claim.ordinal} of {kb.name(series)}; the knowledge base "
                f"records number {fact.ordinal} ({kb.cite(fact)})",
                "ordinal",
            )
        return
    _from_earlier(s, out, claim, series, fact.date, fact)


def _ordinal_by_date(s: Scope, out: Outcome, claim: EventClaim, date: PartialDate) -> None:
    """An event the KB does not record, placed in its series by its date: the earlier
    meetings the KB dates can still show that "the second" came later."""
    series = s.resolve(claim.series) if claim.series else None
    if series is None or series not in s.kb.series:
        return
    _from_earlier(s, out, claim, series, date, None)


def _from_earlier(
    s: Scope,
    out: Outcome,
    claim: EventClaim,
    series: str,
    date: PartialDate,
    fact: EventFact | None,
) -> None:
    """Number N is refuted when the KB dates N or more earlier events of the series (it is
    at least number N+1); with fewer, it may not list them all (an open world)."""
    kb = s.kb
    earlier: list[EventFact] = []
    unsure = False
    for event, truth in kb.events_until(series):
        if fact is not None and event.event == fact.event:
            continue
        if event.date.end < date.start:
            if truth is Tri.YES and event.status == "accepted":
                earlier.append(event)
            else:
                unsure = True
        elif event.date.start <= date.end:
            unsure = True  # dated too loosely to tell whether it came before
    ordinal = claim.ordinal
    assert ordinal is not None
    named = "; ".join(
        f"{kb.name(e.event)} on {human(e.date)} ({kb.cite(e)})" for e in earlier[:NAMED_LIMIT]
    )
    if len(earlier) > NAMED_LIMIT:
        named += f"; and {len(earlier) - NAMED_LIMIT} more"
    mine = (fact,) if fact is not None else ()
    if len(earlier) >= ordinal:
        out.aspect(
            REFUTED,
            f"the knowledge base records {len(earlier)} earlier meetings of {kb.name(series)}: "
            f"{named}",
            *mine,
            *earlier[:NAMED_LIMIT],
        )
        out.issue(
            Problem.WRONG_ORDINAL,
            f"calls it number {ordinal} of {kb.name(series)}; the knowledge base records "
            f"{len(earlier)} before it: {named}",
            "ordinal",
        )
    elif unsure:
        out.aspect(NEI, "the knowledge base cannot order the series", *mine)
    elif (window := kb.window(series, "events", date)) is None:
        # The KB may not list every meeting before it: as many as it lists, or fewer, is
        # not enough to say which number this one is.
        out.aspect(
            NEI,
            f"the knowledge base records {len(earlier)} earlier meetings of "
            f"{kb.name(series)} and does not say its list is complete",
            *mine,
        )
    elif len(earlier) == ordinal - 1 and fact is not None:
        said = f"it is number {ordinal} of {kb.name(series)}"
        out.aspect(SUPPORTED, said, fact, window, *earlier[:NAMED_LIMIT])
    elif len(earlier) < ordinal - 1:
        whole = (
            f"the knowledge base lists every meeting of {kb.name(series)} "
            f"({kb.cite(window)}) and records {len(earlier)} before it"
        )
        if earlier:
            whole += f": {named}"
        out.aspect(REFUTED, whole, *mine, window, *earlier[:NAMED_LIMIT])
        out.issue(
            Problem.WRONG_ORDINAL,
            f"calls it number {ordinal} of {kb.name(series)}; {whole}",
            "ordinal",
        )
