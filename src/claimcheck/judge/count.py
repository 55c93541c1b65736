"""Counts of a group's members, or of a series' events, on the claim's date.

Facts that may hold on the date (disputed, or dated loosely) widen the recorded count to a
range: a claimed count inside the range is left open, never refuted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.core.verdicts import Problem
from claimcheck.judge.shared import NEI, REFUTED, SUPPORTED, Outcome, Scope, human
from claimcheck.kb.store import Tri

if TYPE_CHECKING:
    from claimcheck.core.dates import PartialDate
    from claimcheck.formats.records import CountClaim, Fact


def judge(s: Scope, claim: CountClaim, on: PartialDate) -> Outcome:
    kb = s.kb
    out = Outcome()
    key = s.resolve(claim.group)
    when = human(on)
    if key is None:
        out.aspect(NEI, f"{s.name(claim.group)} is not in the knowledge base")
        return out
    sure: list[Fact] = []
    open_: list[Fact] = []
    if claim.of == "members":
        if key not in kb.memberships:
            out.aspect(NEI, f"the knowledge base records no members of {kb.name(key)}")
            return out
        for fact, truth in kb.members_on(key, on):
            yes = truth is Tri.YES and fact.status == "accepted"
            (sure if yes else open_).append(fact)
    else:
        if key not in kb.series:
            out.aspect(NEI, f"the knowledge base records no events of {kb.name(key)}")
            return out
        for event, truth in kb.events_until(key, on):
            yes = truth is Tri.YES and event.status == "accepted"
            (sure if yes else open_).append(event)
    low, high = len(sure), len(sure) + len(open_)
    what = f"{claim.count} {claim.of} of {kb.name(key)} on {when}"
    if low <= claim.count <= high and open_:
        for pending in open_:
            out.unsettled(pending, f"the count {what}", "count")
    elif claim.count == low:
        out.aspect(SUPPORTED, f"{kb.name(key)} has {low} {claim.of} on {when}", *sure)
    else:
        counted = f"{low}" if low == high else f"{low} to {high}"
        out.aspect(REFUTED, f"the knowledge base records {counted}, not {claim.count}", *sure)
        out.issue(
            Problem.WRONG_COUNT,
            f"says {claim.count} {claim.of} of {kb.name(key)}; the knowledge base records "
            f"{counted} on {when}",
            "count",
        )
    return out
