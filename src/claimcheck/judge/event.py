"""Events against the recorded event: date, weekday, place, participants, place in a series.

Each is an aspect of its own, so one claim can be right about the date and wrong about the
place. Partial dates are intervals: "in 2015" agrees with 12 December 2015, "in November
2015" does not, and "on 20 August 2024" cannot be told from a fact dated only "2024".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.core.dates import PartialDate, last_weekday_on_or_before
from claimcheck.core.verdicts import Problem
from claimcheck.judge.shared import NEI, REFUTED, SUPPORTED, Outcome, Scope, human
from claimcheck.kb.store import Tri

if TYPE_CHECKING:
    from claimcheck.formats.records import EventClaim, EventFact


def judge(s: Scope, claim: EventClaim) -> Outcome:
    out = Outcome()
    fact = match_event(s, claim, out)
    if fact is None:
        out.aspect(NEI, f"the knowledge base does not record {s.name(claim.event)}")
        return out
    date = claim.date
    if date is None and claim.relative and claim.weekday is not None:
        day = last_weekday_on_or_before(s.ctx.model.article.published.start, claim.weekday)
        date = PartialDate.of(day)
    if date is not None:
        _date(out, fact, date)
    if claim.weekday is not None:
        _weekday(out, fact, claim.weekday)
    if claim.place is not None:
        _place(s, out, fact, claim.place)
    if claim.participants:
        _participants(s, out, fact, claim.participants)
    if claim.ordinal is not None:
        _ordinal(s, out, fact, claim)
    return out


def match_event(s: Scope, claim: EventClaim, out: Outcome) -> EventFact | None:
    """The event of the knowledge base the claim is about, matched in this order:

    1. by id: the claim's `event` resolves (`kb.resolve`) to an event the KB records;
    2. else by series and date: the claim's series resolves to a series of which the KB
       records exactly one event on the claim's day;
    3. else by date, place and participants, all three agreeing: exactly one event the
       KB records on the claim's day, in the claim's place (or a place the KB says lies
       in it), with every participant the claim names among those the KB lists.

    A date agrees only when both it and the KB's are the same day: "August 2024" or a
    day alone never picks an event, and neither does a day with two candidates. A match
    not by id is said in the explanation, so an editor sees which event was judged.
    """
    kb = s.kb
    key = s.resolve(claim.event)
    fact = kb.events.get(key) if key is not None else None
    if fact is not None or claim.date is None or claim.date.precision != "day":
        return fact
    day = claim.date
    how = "by its series and date"
    series = s.resolve(claim.series) if claim.series is not None else None
    found = [f for f in kb.series.get(series, ()) if f.date == day] if series else []
    if len(found) != 1 and claim.place is not None and claim.participants:
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
    if len(found) != 1:
        return None
    fact = found[0]
    out.aspect(SUPPORTED, f"the knowledge base records it as {kb.name(fact.event)}, {how}", fact)
    return fact


def _date(out: Outcome, fact: EventFact, date: PartialDate) -> None:
    if date.contains(fact.date):
        out.aspect(SUPPORTED, f"it took place on {human(fact.date)}", fact)
    elif not date.overlaps(fact.date):
        out.aspect(REFUTED, f"it took place on {human(fact.date)}", fact)
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
    """The recorded ordinal, else the count of the series' events up to this one."""
    kb = s.kb
    series = s.resolve(claim.series) if claim.series else fact.series
    if series is None or fact.series != series:
        out.aspect(NEI, "the knowledge base does not place it in that series", fact)
        return
    ordinal = fact.ordinal
    if ordinal is None:
        earlier = kb.events_until(series, fact.date)
        if all(t is Tri.YES for _, t in earlier):
            ordinal = len(earlier)
    if ordinal is None:
        out.aspect(NEI, "the knowledge base cannot order the series", fact)
    elif ordinal == claim.ordinal:
        out.aspect(SUPPORTED, f"it is number {ordinal} of {kb.name(series)}", fact)
    else:
        out.aspect(REFUTED, f"it is number {ordinal} of {kb.name(series)}", fact)
        out.issue(
            Problem.WRONG_ORDINAL,
            f"calls it number {claim.ordinal} of {kb.name(series)}; the knowledge base "
            f"records number {ordinal}",
            "ordinal",
        )
