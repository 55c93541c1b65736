"""Who held an office on the claim's date, by the recorded tenures.

The claim is refuted only when someone else held the office for certain; a tenure of the
named holder that may cover the date leaves it open.
"""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING

from claimcheck.core.verdicts import Problem
from claimcheck.core.wording import NAMED_LIMIT, enumeration
from claimcheck.judge.shared import NEI, REFUTED, SUPPORTED, Outcome, Scope, human
from claimcheck.judge.timing import changes_around, dated, open_fact
from claimcheck.kb.store import Tri

if TYPE_CHECKING:
    from claimcheck.core.dates import PartialDate
    from claimcheck.formats.records import OfficeClaim, TenureFact
    from claimcheck.kb.store import KnowledgeBase


def judge(s: Scope, claim: OfficeClaim, on: PartialDate) -> Outcome:
    kb = s.kb
    out = Outcome()
    found = s.resolve_all(out, claim.office, claim.holder)
    if found is None:
        return out
    office, holder = found
    when = human(on)
    if claim.former:
        return _former(kb, out, office, holder, on)
    if claim.since is not None:
        _since(kb, out, office, holder, claim.since)
    if office not in kb.tenures:
        out.aspect(NEI, f"the knowledge base records no holders of {kb.name(office)}")
        return out
    # Worked out once per office and date: a claim costs the five holders a message names.
    roster = kb.office_roster(office, on)
    others = list(islice((f for h, f in roster.sure.items() if h != holder), NAMED_LIMIT))
    held = roster.sure.get(holder) or _some_day(kb, holder, office, on)
    if held is not None:
        out.aspect(SUPPORTED, f"{kb.name(holder)} is {kb.name(office)} on {when}", held)
    elif holder in roster.open:
        open_fact(
            out, kb, roster.open[holder], f"{kb.name(holder)}'s tenure on {when}", on, "holder"
        )
    elif others:
        total = len(roster.sure)
        own = [f for f in kb.offices_of.get(holder, []) if f.office == office]
        named = enumeration([kb.name(f.holder) for f in others], total)
        took = "; ".join(_took_office(kb, f) for f in others)
        if own:
            took += "; " + changes_around(kb, holder, own, on, "took office", "left office")
        out.aspect(REFUTED, f"{named} is {kb.name(office)} on {when}: {took}", *others)
        out.facts.update((f.id, f) for f in own[:NAMED_LIMIT])
        out.issue(
            Problem.OTHER_HOLDER,
            f"{kb.name(office)} on {when} is {named}, not {kb.name(holder)}: {took}",
            "holder",
        )
    elif roster.open:
        # Someone else may hold it: past the date the KB was verified, or loosely dated.
        first = next(iter(roster.open.values()))
        open_fact(out, kb, first, f"who is {kb.name(office)} on {when}", on, "holder")
    else:
        out.aspect(NEI, f"the knowledge base records no holder of {kb.name(office)} on {when}")
    return out


def _some_day(kb: KnowledgeBase, holder: str, office: str, on: PartialDate) -> TenureFact | None:
    """An accepted tenure that held for certain on some day of a partial date."""
    for fact in kb.offices_of.get(holder, ()):
        accepted = fact.office == office and fact.status == "accepted"
        if accepted and kb.truth_some_day(fact, on) is Tri.YES:
            return fact
    return None


def _took_office(kb: KnowledgeBase, tenure: TenureFact) -> str:
    """The deciding tenure as a message says it: who took office, when, and the source."""
    start = f" {dated(tenure.start)}" if tenure.start is not None else ""
    return f"{kb.name(tenure.holder)} took office{start} ({kb.cite(tenure)})"


def _tenures(kb: KnowledgeBase, holder: str, office: str) -> list[TenureFact]:
    return [
        f for f in kb.offices_of.get(holder, ()) if f.office == office and f.status == "accepted"
    ]


def _since(kb: KnowledgeBase, out: Outcome, office: str, holder: str, since: PartialDate) -> None:
    """ "Who became X in October 2024": a tenure of the holder starts within that date.

    Refuted only by what the KB knows: someone else held the office on every day of that
    date. A tenure the KB lacks (an earlier term) may have begun then: "not enough info".
    """
    began = [
        f for f in _tenures(kb, holder, office) if f.start is not None and f.start.overlaps(since)
    ]
    if began:
        out.aspect(SUPPORTED, _took_office(kb, began[0]), began[0])
        return
    others = [f for h, f in kb.office_roster(office, since).sure.items() if h != holder]
    if others:
        took = "; ".join(_took_office(kb, f) for f in others[:NAMED_LIMIT])
        held = enumeration([kb.name(f.holder) for f in others], len(others))
        out.aspect(REFUTED, f"{held} held {kb.name(office)} throughout {human(since)}", *others)
        out.issue(
            Problem.WRONG_TENURE,
            f"{kb.name(holder)} did not become {kb.name(office)} {dated(since)}: {held} held "
            f"it throughout ({took})",
            "since",
        )
        return
    out.aspect(
        NEI, f"the knowledge base records no tenure of {kb.name(holder)} beginning {dated(since)}"
    )


def _former(kb: KnowledgeBase, out: Outcome, office: str, holder: str, on: PartialDate) -> Outcome:
    """ "Former X": a tenure of the holder ended on or before the date, none holds on it."""
    when = human(on)
    own = _tenures(kb, holder, office)
    holding = [f for f in own if kb.truth(f, on) is Tri.YES]
    if holding:
        out.aspect(REFUTED, f"{kb.name(holder)} is still {kb.name(office)} on {when}", holding[0])
        out.issue(
            Problem.WRONG_TENURE,
            f"{kb.name(holder)} is {kb.name(office)} on {when}, not a former one",
            "former",
        )
        return out
    ended = [f for f in own if f.end is not None and f.end.end <= on.start]
    if ended and not any(kb.truth(f, on) is Tri.MAYBE for f in own):
        out.aspect(SUPPORTED, f"{kb.name(holder)} left {kb.name(office)} before {when}", ended[0])
    else:
        out.aspect(
            NEI,
            f"the knowledge base does not record {kb.name(holder)} leaving "
            f"{kb.name(office)} before {when}",
        )
    return out
