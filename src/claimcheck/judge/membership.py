"""Membership lists against the members the knowledge base records on the claim's date.

Any list must name only members; a list presented as complete ("comprising") must name them
all. A member whose membership is disputed or loosely dated leaves the list open. The KB is
an open world: a member it records only at other times is refuted (it says when the member
joined or left), but a member it never records leaves the claim open, since the KB may list
only some of the group's members.
"""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING

from claimcheck.core.verdicts import Problem
from claimcheck.core.wording import NAMED_LIMIT, enumeration
from claimcheck.judge.count import incomplete_list
from claimcheck.judge.shared import NEI, REFUTED, SUPPORTED, Outcome, Scope, human, plural
from claimcheck.judge.timing import changes_around, open_fact
from claimcheck.kb.store import Tri

if TYPE_CHECKING:
    from claimcheck.core.dates import PartialDate
    from claimcheck.formats.records import MembershipClaim, MembershipFact
    from claimcheck.kb.store import KnowledgeBase


def judge(s: Scope, claim: MembershipClaim, on: PartialDate) -> Outcome:
    kb = s.kb
    out = Outcome()
    group = s.resolve(claim.group)
    if group is None or group not in kb.memberships:
        out.aspect(NEI, f"the knowledge base records no members of {s.name(claim.group)}")
        return out
    when = human(on)
    roster = kb.roster(group, on)
    sure, open_ = roster.sure, roster.open
    window = kb.window(group, "members", on)
    listed: list[str] = []
    extra: list[str] = []
    changes: list[str] = []
    for ref in claim.members:
        member = s.resolve(ref)
        if member is None:
            out.aspect(NEI, f"{s.name(ref)} is not in the knowledge base")
            continue
        listed.append(member)
        held = sure.get(member) or _some_day(kb, member, group, on)
        if held is not None:
            out.aspect(SUPPORTED, f"{kb.name(member)} is a member on {when}", held)
        elif member in open_:
            open_fact(
                out, kb, open_[member], f"{kb.name(member)}'s membership on {when}", on, "members"
            )
        else:
            history = [f for f in kb.groups_of.get(member, ()) if f.group == group]
            if history:
                change = changes_around(kb, member, history, on, "joined", "left")
                out.facts.update((f.id, f) for f in history[:NAMED_LIMIT])
            elif window is not None:
                # The KB says its list is whole on that date: not on it, not a member.
                change = f"the knowledge base lists all its members ({kb.cite(window)})"
                out.facts.setdefault(window.id, window)
            else:
                out.aspect(NEI, unrecorded(kb, member, group))
                continue
            extra.append(member)
            changes.append(change)
            out.aspect(REFUTED, f"{kb.name(member)} is not a member on {when}: {change}")
    if extra:
        message = not_a_member_message(s, group, extra, when, changes)
        out.issue(Problem.NOT_A_MEMBER, message, "members")
    if claim.complete:
        named = set(listed)
        # Bounded: a claim costs its own length and the five members a message names, not
        # the group's size, and a group with thousands of loosely dated members gives five
        # disputes and a count, not one finding per member per claim.
        missing = _first_absent(sure, named)
        total = len(sure) - sum(1 for m in named if m in sure)  # the claim's length, not the KB's
        for m in missing:
            out.facts.setdefault(sure[m].id, sure[m])
        if missing:
            out.aspect(REFUTED, f"the list leaves out {_names(s, missing, total)}")
            message = left_out_message(s, group, missing, when, total)
            out.issue(Problem.MEMBER_LEFT_OUT, message, "members")
        pending = _first_absent(open_, named)
        for m in pending:
            open_fact(out, kb, open_[m], f"{kb.name(m)}'s membership on {when}", on, "members")
        more = len(open_) - sum(1 for m in named if m in open_) - len(pending)
        if more > 0:
            out.aspect(NEI, f"{more} more members' memberships on {when} are open")
        if window is None:
            # Whole as far as the KB knows; but it does not say it knows them all.
            out.aspect(NEI, incomplete_list(kb.name(group), "members", len(sure)))
        else:
            out.aspect(SUPPORTED, f"the knowledge base lists all its members on {when}", window)
    return out


def _some_day(kb: KnowledgeBase, member: str, group: str, on: PartialDate) -> MembershipFact | None:
    """An accepted membership that held for certain on some day of a partial date."""
    for fact in kb.groups_of.get(member, ()):
        accepted = fact.group == group and fact.status == "accepted"
        if accepted and kb.truth_some_day(fact, on) is Tri.YES:
            return fact
    return None


def _first_absent(members: dict[str, MembershipFact], named: set[str]) -> list[str]:
    """The first members (up to the limit a message names) that a list leaves out."""
    return list(islice((m for m in members if m not in named), NAMED_LIMIT))


def _names(s: Scope, ids: list[str], total: int) -> str:
    return enumeration([s.name(x) for x in ids], total)


def unrecorded(kb: KnowledgeBase, member: str, group: str) -> str:
    """Why a member the KB never records leaves a claim open rather than refuting it."""
    return (
        f"the knowledge base does not record {kb.name(member)} as a member of "
        f"{kb.name(group)} and does not say its list of members is complete"
    )


# The words of the member-list finding (CC201), kept together so that they change in one place.


def not_a_member_message(
    s: Scope, group: str, extra: list[str], when: str, changes: list[str] | None = None
) -> str:
    """CC201 for a list that names someone who was not a member on the date, saying when
    each joined or left."""
    text = (
        f"names {s.names(extra)} as {plural(extra, 'a member')} of {s.kb.name(group)}, "
        f"which the knowledge base does not record on {when}"
    )
    if changes:
        text += ": " + "; ".join(changes[:NAMED_LIMIT])
        if len(changes) > NAMED_LIMIT:
            text += f"; and {len(changes) - NAMED_LIMIT} more"
    return text


def left_out_message(
    s: Scope, group: str, missing: list[str], when: str, total: int | None = None
) -> str:
    """CC201 for a list presented as complete that leaves members out (``total`` of them,
    of which ``missing`` holds the first few)."""
    total = len(missing) if total is None else total
    return (
        f"the list of {s.kb.name(group)} presented as complete leaves out "
        f"{_names(s, missing, total)}, {'a member' if total == 1 else 'members'} on {when}"
    )
