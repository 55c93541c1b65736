"""Membership lists against the members the knowledge base records on the claim's date.

Any list must name only members; a list presented as complete ("comprising") must name them
all. A member whose membership is disputed or loosely dated leaves the list open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.core.verdicts import Problem
from claimcheck.judge.shared import NEI, REFUTED, SUPPORTED, Outcome, Scope, human, plural
from claimcheck.kb.store import Tri

if TYPE_CHECKING:
    from claimcheck.core.dates import PartialDate
    from claimcheck.formats.records import Fact, MembershipClaim


def judge(s: Scope, claim: MembershipClaim, on: PartialDate) -> Outcome:
    kb = s.kb
    out = Outcome()
    group = s.resolve(claim.group)
    if group is None or group not in kb.memberships:
        out.aspect(NEI, f"the knowledge base records no members of {s.name(claim.group)}")
        return out
    when = human(on)
    sure: dict[str, Fact] = {}
    open_: dict[str, Fact] = {}
    for fact, truth in kb.members_on(group, on):
        if truth is Tri.YES and fact.status == "accepted":
            sure.setdefault(fact.member, fact)
        else:
            open_.setdefault(fact.member, fact)
    listed: list[str] = []
    extra: list[str] = []
    for ref in claim.members:
        member = s.resolve(ref)
        if member is None:
            out.aspect(NEI, f"{s.name(ref)} is not in the knowledge base")
            continue
        listed.append(member)
        if member in sure:
            out.aspect(SUPPORTED, f"{kb.name(member)} is a member on {when}", sure[member])
        elif member in open_:
            out.unsettled(open_[member], f"{kb.name(member)}'s membership on {when}", "members")
        else:
            extra.append(member)
            out.aspect(REFUTED, f"{kb.name(member)} is not a member on {when}")
            out.facts.update((f.id, f) for f in kb.groups_of.get(member, ()) if f.group == group)
    if extra:
        out.issue(Problem.NOT_A_MEMBER, not_a_member_message(s, group, extra, when), "members")
    if claim.complete:
        missing = [m for m in sure if m not in listed]
        for m in missing:
            out.facts.setdefault(sure[m].id, sure[m])
        if missing:
            out.aspect(REFUTED, f"the list leaves out {s.names(missing)}")
            message = left_out_message(s, group, missing, when)
            out.issue(Problem.MEMBER_LEFT_OUT, message, "members")
        for m, pending in open_.items():
            if m not in listed:
                out.unsettled(pending, f"{kb.name(m)}'s membership on {when}", "members")
    return out


# The words of the member-list finding (CC201), kept together so that they change in one place.


def not_a_member_message(s: Scope, group: str, extra: list[str], when: str) -> str:
    """CC201 for a list that names someone who was not a member on the date."""
    return (
        f"names {s.names(extra)} as {plural(extra, 'a member')} of {s.kb.name(group)}, "
        f"which the knowledge base does not record on {when}"
    )


def left_out_message(s: Scope, group: str, missing: list[str], when: str) -> str:
    """CC201 for a list presented as complete that leaves members out."""
    return (
        f"the list of {s.kb.name(group)} presented as complete leaves out "
        f"{s.names(missing)}, {plural(missing, 'a member')} on {when}"
    )
