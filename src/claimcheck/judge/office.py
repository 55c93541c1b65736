"""Who held an office on the claim's date, by the recorded tenures.

The claim is refuted only when someone else held the office for certain; a tenure of the
named holder that may cover the date leaves it open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.core.verdicts import Problem
from claimcheck.judge.shared import NEI, REFUTED, SUPPORTED, Outcome, Scope, human
from claimcheck.kb.store import Tri

if TYPE_CHECKING:
    from claimcheck.core.dates import PartialDate
    from claimcheck.formats.records import OfficeClaim


def judge(s: Scope, claim: OfficeClaim, on: PartialDate) -> Outcome:
    kb = s.kb
    out = Outcome()
    found = s.resolve_all(out, claim.office, claim.holder)
    if found is None:
        return out
    office, holder = found
    when = human(on)
    if office not in kb.tenures:
        out.aspect(NEI, f"the knowledge base records no holders of {kb.name(office)}")
        return out
    tenures = kb.holders_on(office, on)
    mine = [(f, t) for f, t in tenures if f.holder == holder]
    others = [f for f, t in tenures if f.holder != holder and t is Tri.YES]
    others = [f for f in others if f.status == "accepted"]
    sure = [f for f, t in mine if t is Tri.YES and f.status == "accepted"]
    if sure:
        out.aspect(SUPPORTED, f"{kb.name(holder)} is {kb.name(office)} on {when}", sure[0])
    elif mine:
        out.unsettled(mine[0][0], f"{kb.name(holder)}'s tenure on {when}", "holder")
    elif others:
        own = kb.offices_of.get(holder, [])
        named = s.names([f.holder for f in others])
        out.aspect(REFUTED, f"{named} is {kb.name(office)} on {when}", *others)
        out.facts.update((f.id, f) for f in own if f.office == office)
        out.issue(
            Problem.OTHER_HOLDER,
            f"{kb.name(office)} on {when} is {named}, not {kb.name(holder)}",
            "holder",
        )
    else:
        out.aspect(NEI, f"the knowledge base records no holder of {kb.name(office)} on {when}")
    return out
