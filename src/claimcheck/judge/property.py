"""Properties of an entity on the claim's date: "a group of uninhabited islets".

A fact says the entity has the property (`holds: true`) or lacks it (`holds: false`), over
an interval like a relation's. Only a sourced, accepted fact that the entity lacked the
property on the date refutes; a property recorded only at other times, or not at all, is
"not enough info", since the KB's silence is not a source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.core.verdicts import Problem
from claimcheck.judge.shared import CONFLICTING, NEI, REFUTED, SUPPORTED, Outcome, Scope, human
from claimcheck.judge.timing import open_fact
from claimcheck.kb.store import Tri

if TYPE_CHECKING:
    from claimcheck.core.dates import PartialDate
    from claimcheck.formats.records import PropertyClaim


def judge(s: Scope, claim: PropertyClaim, on: PartialDate) -> Outcome:
    kb = s.kb
    out = Outcome()
    found = s.resolve_all(out, claim.subject)
    if found is None:
        return out
    (subject,) = found
    said = f"{kb.name(subject)} is {claim.property}"
    unsaid = f"{kb.name(subject)} is not {claim.property}"
    when = human(on)
    facts = kb.property_facts(subject, claim.property)
    accepted = [f for f in facts if f.status == "accepted"]
    # Held on some day of the date supports; lacked on every day of it refutes.
    yes = [f for f in accepted if f.holds and kb.truth_some_day(f, on) is Tri.YES]
    no = [f for f in accepted if not f.holds and kb.truth(f, on) is Tri.YES]
    if yes and no:
        out.aspect(
            CONFLICTING,
            f"the knowledge base's sources disagree on whether {said} on {when}",
            yes[0],
            no[0],
        )
    elif yes:
        out.aspect(SUPPORTED, f"{said} on {when}", yes[0])
    elif no:
        out.aspect(REFUTED, f"{unsaid} on {when}", no[0])
        out.issue(
            Problem.PROPERTY_NOT_HELD,
            f"{said} is not true on {when}: {kb.statement(no[0])} ({kb.cite(no[0])})",
            "property",
        )
    else:
        maybe = [f for f in facts if kb.truth_some_day(f, on) is not Tri.NO]
        if maybe:
            first = maybe[0]
            what = f"that {said if first.holds else unsaid} on {when}"
            open_fact(out, kb, first, what, on, "property")
        elif facts:
            out.aspect(
                NEI,
                f"the knowledge base records whether {said} only at other times "
                f"({kb.statement(facts[0])})",
                facts[0],
            )
        else:
            out.aspect(
                NEI,
                f"the knowledge base does not record whether {kb.name(subject)} is "
                f"{claim.property}",
            )
    return out
