"""What every kind of claim is judged with: entity lookups, the outcome being built, dates.

A verdict is made of aspects (the members, the date, the place...), each with its own
verdict; the claim's is the most serious of them (`core.verdicts.combine`): refuted if any
aspect is; else conflicting (a deciding fact disputed, or accepted facts that disagree);
else not enough info; else incomplete; else supported, only when every aspect is.
The same fact may decide several aspects: it is shown once, as evidence.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from claimcheck.core.verdicts import Dispute, Evidence, Issue, Problem, Verdict, combine
from claimcheck.core.wording import NAMED_LIMIT, enumeration
from claimcheck.judge.memo import FOUND_BY_NAME

if TYPE_CHECKING:
    from claimcheck.context import ArticleContext
    from claimcheck.core.dates import PartialDate
    from claimcheck.formats.records import Entity, Fact
    from claimcheck.kb.resolve import Resolved
    from claimcheck.kb.store import KnowledgeBase

SUPPORTED, REFUTED, NEI = Verdict.SUPPORTED, Verdict.REFUTED, Verdict.NOT_ENOUGH_INFO
STALE, INCOMPLETE, CONFLICTING = Verdict.STALE, Verdict.INCOMPLETE, Verdict.CONFLICTING


class Scope:
    """One claim being judged: the article, the knowledge base, and what was looked up.

    The file's own entities the judge reads are noted in `seen`: a verdict is reused for
    another file's claim only when that file defines those entities alike.
    """

    __slots__ = ("ctx", "kb", "seen")

    def __init__(self, ctx: ArticleContext, kb: KnowledgeBase) -> None:
        self.ctx = ctx
        self.kb = kb
        self.seen: dict[str, Entity | None] = {}

    def own(self, ref: str) -> Entity | None:
        """An entity the file defines, else None; noted either way."""
        entity = self.ctx.model.entities.get(ref)
        self.seen.setdefault(ref, entity)  # never over a mark of a name found in the file
        return entity

    def found(self, ref: str) -> Resolved:
        """What a reference stands for (`kb.resolve`), noted as the memo must compare it.

        By its id, the answer depends on the file's entity of that id alone; by a name, on
        every entity of the file (another may share the name), so it is never reused.
        """
        found = self.ctx.resolver.resolve(ref)
        if found.exact:
            self.own(ref)
        else:
            self.seen[ref] = FOUND_BY_NAME
        return found

    def resolve(self, ref: str) -> str | None:
        """A reference as a KB id, by the one resolver of every rule (`kb.resolve`): by id,
        the file's entity linked by its Wikidata id, id or name, or a unique name or alias.
        """
        node = self.found(ref).node
        return node.kb if node is not None else None

    def resolve_all(self, out: Outcome, *refs: str) -> list[str] | None:
        """Every reference resolved, or None after noting the first the KB does not know."""
        found = []
        for ref in refs:
            entity = self.resolve(ref)
            if entity is None:
                out.aspect(NEI, f"{self.name(ref)} is not in the knowledge base")
                return None
            found.append(entity)
        return found

    def name(self, ref: str) -> str:
        """An entity's readable name, the file's own first; the reference when unresolved,
        with the entities that share it when it is ambiguous (never one of them)."""
        entity = self.own(ref)
        if entity is not None:
            return entity.name
        found = self.found(ref)
        node = found.node
        if node is None and found.ambiguous:  # say so wherever the name is shown
            shared = [f"'{n.key}'" for n in found.ambiguous[:NAMED_LIMIT]]
            return f"{ref} (ambiguous: {enumeration(shared, len(found.ambiguous))})"
        if node is None:
            return ref
        if found.exact:  # a KB id: its name, whatever the file links to it
            return self.kb.name(ref)
        return self.ctx.resolver.name(ref)

    def names(self, ids: list[str]) -> str:
        """Names as a sentence lists them, "A, B and C"; past five, "A, ..., E and 38 more",
        so that a message stays bounded whatever the size of the list or the KB."""
        return enumeration([self.name(x) for x in ids[:NAMED_LIMIT]], len(ids))


class Outcome:
    """A judgement being built: one verdict per aspect, their facts and their issues.

    A plain record: a dataclass costs every cold start half a millisecond."""

    __slots__ = ("aliases", "aspects", "disputes", "facts", "issues")

    def __init__(self, facts: dict[str, Fact] | None = None) -> None:
        self.aspects: list[tuple[Verdict, str]] = []
        self.facts: dict[str, Fact] = {} if facts is None else facts
        self.issues: list[Issue] = []
        self.disputes: list[Dispute] = []  # shown whatever the verdict
        self.aliases: list[Evidence] = []  # names, which are not facts

    def aspect(self, verdict: Verdict, why: str, *facts: Fact) -> None:
        self.aspects.append((verdict, why))
        for f in facts:
            self.facts.setdefault(f.id, f)

    def issue(self, problem: Problem, message: str, *fld: str | int) -> None:
        self.issues.append(Issue(problem, message, fld))

    def unsettled(self, fact: Fact, what: str, *fld: str | int) -> None:
        """An aspect resting on a fact that may hold: disputed, or dated too loosely to tell.

        A disputed fact never refutes: it makes the aspect conflicting, and the judgement
        keeps it for the disputed-fact rule to report.
        """
        if fact.status == "disputed":
            self.aspect(CONFLICTING, f"{what} is disputed: {fact.note}", fact)
            self.disputes.append(Dispute(fact.id, fact.note, what, fld))
        else:
            self.aspect(NEI, f"{what} depends on dates the knowledge base gives too loosely", fact)

    @property
    def verdict(self) -> Verdict:
        return combine(v for v, _ in self.aspects)

    def explanation(self, verdict: Verdict | None = None) -> str:
        verdict = verdict or self.verdict
        chosen = [why for v, why in self.aspects if v is verdict] or ["nothing to check"]
        # A conflicting verdict already says what is disputed; another names it too.
        disputed = (
            [] if verdict is CONFLICTING else [f"{d.what} is disputed" for d in self.disputes]
        )
        return "; ".join(dict.fromkeys([*chosen, *disputed]))


@lru_cache(maxsize=4096)
def human(date: PartialDate) -> str:
    """A date as an editor writes it, for messages: an archive's claims share a few dates."""
    return date.human()


def plural(items: list[str], one: str) -> str:
    """ "a member" for one item, "members" for more."""
    return one if len(items) == 1 else one.removeprefix("a ").removeprefix("an ") + "s"
