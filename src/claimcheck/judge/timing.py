"""What the judge says about time: when a fact began or ended, and why a fact is left open.

Messages name the deciding fact and its source ("the United Kingdom left on 31 January 2020
(fact uk-eu, source ...)"), so that an editor sees what changed, not only that it did.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from claimcheck.judge.shared import NEI, Outcome, human

if TYPE_CHECKING:
    from claimcheck.core.dates import PartialDate
    from claimcheck.formats.records import (
        MembershipFact,
        PropertyFact,
        RelationFact,
        TenureFact,
    )
    from claimcheck.kb.store import KnowledgeBase


def changes_around(
    kb: KnowledgeBase,
    who: str,
    history: Sequence[MembershipFact | TenureFact],
    on: PartialDate,
    began: str,
    ended: str,
) -> str:
    """What the KB records around a date on which a membership or tenure does not hold: the
    last end before it and the next start after it, each with its fact and source."""
    before = [f for f in history if f.end is not None and f.end.end < on.start]
    after = [f for f in history if f.start is not None and on.end < f.start.start]
    said = []
    if before:
        last = before[-1]
        for f in before:
            if f.end is not None and last.end is not None and f.end.start > last.end.start:
                last = f
        assert last.end is not None
        said.append(f"{kb.name(who)} {ended} {dated(last.end)} ({kb.cite(last)})")
    if after:
        first = after[0]
        assert first.start is not None
        subject = "and" if before else kb.name(who)
        again = " again" if before else ""
        said.append(f"{subject} {began}{again} {dated(first.start)} ({kb.cite(first)})")
    if not said:
        return f"the knowledge base records {kb.statement(history[0])} ({kb.cite(history[0])})"
    return " ".join(said)


def dated(date: PartialDate) -> str:
    """ "on 31 January 2020" for a day, "in 2008" or "in June 2024" for a partial date."""
    return f"{'on' if date.precision == 'day' else 'in'} {human(date)}"


def open_fact(
    out: Outcome,
    kb: KnowledgeBase,
    fact: MembershipFact | TenureFact | RelationFact | PropertyFact,
    what: str,
    on: PartialDate,
    *fld: str | int,
) -> None:
    """An aspect resting on a fact that may hold: disputed, of unknown start, past the date
    the KB was verified, or dated too loosely to tell; it is left open, saying which."""
    why = kb.why_open(fact, on) if fact.status != "disputed" else None
    if why is not None:
        out.aspect(NEI, f"{what}: {why}", fact)
    else:
        out.unsettled(fact, what, *fld)
