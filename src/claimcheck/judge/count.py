"""Counts of a group's members, or of a series' events, on the claim's date.

Facts that may hold on the date (disputed, or dated loosely) widen the recorded count to a
range: a claimed count inside the range is left open, never refuted. The KB is an open
world: it proves a group has at least the members it is sure of, so a smaller count is
refuted (naming the members it counts); any other count is decided only by a sourced
`count` fact, or inside a `complete` window (the KB says its list is whole), else left open.
"""

from __future__ import annotations

from collections.abc import Container
from itertools import islice
from typing import TYPE_CHECKING

from claimcheck.core.verdicts import Problem
from claimcheck.core.wording import NAMED_LIMIT, enumeration
from claimcheck.formats.records import MembershipFact
from claimcheck.judge.shared import NEI, REFUTED, SUPPORTED, Outcome, Scope, human
from claimcheck.judge.timing import dated, open_fact
from claimcheck.kb.store import EventTally, Roster

if TYPE_CHECKING:
    from claimcheck.core.dates import PartialDate
    from claimcheck.formats.records import CountClaim, CountFact, Fact
    from claimcheck.kb.store import KnowledgeBase


def judge(s: Scope, claim: CountClaim, on: PartialDate) -> Outcome:
    kb = s.kb
    out = Outcome()
    key = s.resolve(claim.group)
    when = human(on)
    if key is None:
        out.aspect(NEI, f"{s.name(claim.group)} is not in the knowledge base")
        return out
    sourced = kb.sourced_count(key, claim.of, on)
    if sourced is not None:
        _against_sourced(s, out, claim, key, sourced, when)
        return out
    if claim.of == "members":
        if key not in kb.memberships:
            out.aspect(NEI, f"the knowledge base records no members of {kb.name(key)}")
            return out
        # One entry per member, whatever the number of its intervals; worked out once per
        # group and date, so that a claim costs the five names it shows, not the group.
        found: Roster[MembershipFact] | EventTally = kb.roster(key, on)
    else:
        if key not in kb.series:
            out.aspect(NEI, f"the knowledge base records no events of {kb.name(key)}")
            return out
        found = kb.event_tally(key, on)
    low, high = len(found.sure), len(found.sure) + len(found.open)
    sure: list[Fact] = list(islice(found.sure.values(), NAMED_LIMIT))
    open_: list[Fact] = list(islice(found.open.values(), NAMED_LIMIT))
    what = f"{claim.count} {claim.of} of {kb.name(key)} on {when}"
    window = kb.window(key, claim.of, on)
    named = [s.name(x) for x in islice(found.sure, NAMED_LIMIT)]
    if claim.count < low:
        # The KB proves at least `low`: a smaller count is wrong whatever the KB leaves out.
        out.aspect(REFUTED, f"the knowledge base records at least {low}, not {claim.count}", *sure)
        out.issue(
            Problem.WRONG_COUNT,
            f"says {claim.count} {claim.of} of {kb.name(key)}; the knowledge base records at "
            f"least {low} on {when}: {enumeration(named, low)}",
            "count",
        )
    elif claim.count <= high and open_:
        for pending in open_:
            if isinstance(pending, MembershipFact):
                open_fact(out, kb, pending, f"the count {what}", on, "count")
            else:
                out.unsettled(pending, f"the count {what}", "count")
        if high - low > NAMED_LIMIT:
            out.aspect(NEI, f"{high - low - NAMED_LIMIT} more {claim.of} on {when} are open")
    elif window is None:
        # The KB may know only some of them (an open world): neither more nor as many is
        # decided by a list it does not say is whole.
        out.aspect(NEI, incomplete_list(kb.name(key), claim.of, low))
    elif claim.count == low:
        out.aspect(SUPPORTED, f"{kb.name(key)} has {low} {claim.of} on {when}", window, *sure)
    else:
        whole = f"the knowledge base lists all {low} ({kb.cite(window)}): {enumeration(named, low)}"
        if claim.of == "members":
            whole += _departures(kb, key, on, found.sure, out)
        out.aspect(REFUTED, whole, window, *sure)
        out.issue(
            Problem.WRONG_COUNT,
            f"says {claim.count} {claim.of} of {kb.name(key)}; on {when} {whole}",
            "count",
        )
    return out


def incomplete_list(group: str, of: str, low: int) -> str:
    """Why a count above what the KB records is left open rather than refuted."""
    return f"the knowledge base lists {low} of {group}'s {of} and does not say its list is complete"


def _against_sourced(
    s: Scope, out: Outcome, claim: CountClaim, key: str, sourced: CountFact, when: str
) -> None:
    """A sourced number ("NATO had 32 members from 7 March 2024") decides the count."""
    kb = s.kb
    said = f"{kb.name(key)} has {sourced.count} {claim.of} on {when} ({kb.cite(sourced)})"
    if sourced.count == claim.count:
        out.aspect(SUPPORTED, said, sourced)
        return
    out.aspect(REFUTED, said, sourced)
    out.issue(
        Problem.WRONG_COUNT,
        f"says {claim.count} {claim.of} of {kb.name(key)}; the knowledge base records "
        f"{sourced.count} on {when} ({kb.cite(sourced)})",
        "count",
    )


def _departures(
    kb: KnowledgeBase, group: str, on: PartialDate, sure: Container[str], out: Outcome
) -> str:
    """What changed: the latest members to leave before the date, with when and the source
    ("; the United Kingdom left on 31 January 2020 (fact uk-eu, source ...)")."""
    gone = [
        f
        for f in kb.memberships.get(group, ())
        if f.end is not None and f.end.end < on.start and f.member not in sure
    ]
    gone.sort(key=lambda f: (f.end.start if f.end is not None else on.start, f.id), reverse=True)
    said = []
    for fact in gone[:NAMED_LIMIT]:
        assert fact.end is not None
        said.append(f"{kb.name(fact.member)} left {dated(fact.end)} ({kb.cite(fact)})")
        out.facts.setdefault(fact.id, fact)
    if len(gone) > NAMED_LIMIT:
        said.append(f"and {len(gone) - NAMED_LIMIT} more left before")
    return "; " + "; ".join(said) if said else ""
