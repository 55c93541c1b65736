"""Relations between two entities on the claim's date, and the names one uses for another.

A relation recorded only at other times refutes; so does another administrator of a place,
since a place has one. A name someone uses ("calls") comes from `calls` facts, else from the
object's aliases and who uses them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.core.verdicts import Evidence, Problem
from claimcheck.core.wording import NAMED_LIMIT, enumeration
from claimcheck.judge.shared import INCOMPLETE, NEI, REFUTED, SUPPORTED, Outcome, Scope, human
from claimcheck.judge.timing import open_fact
from claimcheck.kb.store import SYMMETRIC, Tri, source_refs

if TYPE_CHECKING:
    from claimcheck.core.dates import PartialDate
    from claimcheck.formats.records import RelationClaim, RelationFact
    from claimcheck.kb.store import KnowledgeBase


def judge(s: Scope, claim: RelationClaim, on: PartialDate) -> Outcome:
    kb = s.kb
    out = Outcome()
    found = s.resolve_all(out, claim.subject, claim.object)
    if found is None:
        return out
    subject, obj = found
    if claim.predicate == "calls":
        return _calls(s, claim, subject, obj, out)
    said = f"{kb.name(subject)} {claim.predicate.replace('_', ' ')} {kb.name(obj)}"
    facts = kb.relation_facts(subject, claim.predicate, obj)
    when = human(on)
    held = [(f, kb.truth_some_day(f, on)) for f in facts]
    yes = [f for f, t in held if t is Tri.YES and f.status == "accepted"]
    # A fact that held on every day of the date first: the strongest evidence.
    yes.sort(key=lambda f: kb.truth(f, on) is not Tri.YES)
    maybe = [f for f, t in held if t is not Tri.NO and f not in yes]
    if yes:
        out.aspect(SUPPORTED, f"{said} on {when}", yes[0])
        if claim.predicate in SHARED and not claim.partial:
            others = _others(kb, claim.predicate, subject, obj, on)
            if others:
                incomplete(s, out, claim.predicate, obj, others)
    elif maybe:
        open_fact(out, kb, maybe[0], f"that {said} on {when}", on, "predicate")
    elif facts:
        out.aspect(
            REFUTED,
            f"the knowledge base records that {said} only at other times",
            *facts[:NAMED_LIMIT],
        )
        out.issue(
            Problem.RELATION_AT_OTHER_TIMES,
            f"{said} is not true on {when}: {kb.statement(facts[0])} ({kb.cite(facts[0])})",
            "predicate",
        )
    elif claim.predicate == "administers":
        rivals = kb.subjects_on("administers", obj, on)
        if rivals:
            shown = rivals[:NAMED_LIMIT]
            named = enumeration([kb.name(f.subject) for f in shown], len(rivals))
            out.aspect(REFUTED, f"{named} administers {kb.name(obj)} on {when}", *shown)
            out.issue(
                Problem.OTHER_ADMINISTRATOR,
                f"{kb.name(obj)} is administered by {named} on {when}",
                "subject",
            )
        else:
            out.aspect(NEI, f"the knowledge base does not record that {said}")
    else:
        out.aspect(NEI, f"the knowledge base does not record that {said}")
    return out


# Predicates several subjects may hold on one object at once: naming one of them alone
# leaves out the others ("claimed by Beijing": Taiwan claims the islands too).
SHARED = frozenset({"claims", "administers", "disputes_territory_with"})


def _others(
    kb: KnowledgeBase, predicate: str, subject: str, obj: str, on: PartialDate
) -> list[tuple[str, RelationFact]]:
    """Other subjects the KB records, for certain and accepted, with the predicate on the
    object on the date (either side of a symmetric predicate)."""
    found = [(f.subject, f) for f in kb.subjects_on(predicate, obj, on)]
    if predicate in SYMMETRIC:
        found += [
            (f.object, f)
            for f in kb.by_subject.get(obj, ())
            if f.predicate == predicate and f.status == "accepted" and kb.truth(f, on) is Tri.YES
        ]
    return [(who, f) for who, f in found if who not in (subject, obj)]


def incomplete(
    s: Scope, out: Outcome, predicate: str, obj: str, others: list[tuple[str, RelationFact]]
) -> None:
    """A true relation claim that leaves out others the KB records: the "incomplete" aspect,
    naming them with their facts and sources.

    The one place that says which verdict that aspect gets.
    """
    kb = s.kb
    verb = predicate.replace("_", " ")
    named = "; ".join(
        f"{kb.name(who)} also {verb} {kb.name(obj)} ({kb.cite(f)})"
        for who, f in others[:NAMED_LIMIT]
    )
    if len(others) > NAMED_LIMIT:
        named += f"; and {len(others) - NAMED_LIMIT} more"
    out.aspect(INCOMPLETE, named, *(f for _, f in others[:NAMED_LIMIT]))


def _calls(s: Scope, claim: RelationClaim, subject: str, obj: str, out: Outcome) -> Outcome:
    """A name someone uses: from `calls` facts, else from the object's aliases and users."""
    kb = s.kb
    name = claim.name or ""
    said = f"{kb.name(subject)} calls {kb.name(obj)} {name!r}"
    facts = kb.relation_facts(subject, "calls", obj)
    for fact in facts:
        if fact.name is not None and fact.name.casefold() == name.casefold():
            out.aspect(SUPPORTED, said, fact)
            return out
    record = kb.records[obj]
    theirs = [a for a in record.aliases if subject in a.used_by]
    for alias in theirs:
        if alias.name.casefold() == name.casefold():
            out.aspect(SUPPORTED, f"{said}: a name of {record.name} that it uses")
            users = ", ".join(kb.name(x) for x in alias.used_by)
            out.aliases.append(
                Evidence(
                    f"{obj}:alias:{alias.name}",
                    f"{record.name} is called {alias.name!r} by " + users,
                    source_refs(alias.sources),
                )
            )
            return out
    used = [f.name for f in facts if f.name] + [a.name for a in theirs]
    if used:
        out.aspect(REFUTED, f"{kb.name(subject)} calls {kb.name(obj)} {' or '.join(used)}")
        out.issue(
            Problem.OTHER_NAME,
            f"{kb.name(subject)} calls {kb.name(obj)} {' or '.join(map(repr, used))}, not {name!r}",
            "name",
        )
    else:
        out.aspect(NEI, f"the knowledge base does not record what {kb.name(subject)} calls it")
    return out
