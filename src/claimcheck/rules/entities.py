"""Rules about the entities claims refer to: defined, and spelled with honest characters."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from difflib import SequenceMatcher

from claimcheck.context import ArticleContext
from claimcheck.core.findings import Finding, Severity
from claimcheck.core.textnorm import lookalike_problems, skeleton
from claimcheck.formats.records import Claim
from claimcheck.loader.document import Pointer
from claimcheck.rules.base import Rule

# Per claim kind: the fields holding one entity id, the fields holding a list of them, and
# the free-text names. Looked up by kind: a missing attribute is slow on pydantic models.
_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "membership": (("group",), ("members",), ()),
    "event": (("event", "place", "series"), ("participants",), ("what",)),
    "count": (("group",), (), ()),
    "office": (("office", "holder"), (), ()),
    "relation": (("subject", "object"), (), ("name",)),
}


def references(claim: Claim) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every entity id a claim refers to, with its path inside the claim."""
    single, lists, _ = _FIELDS[claim.kind]
    for name in single:
        value = getattr(claim, name)
        if value is not None:
            yield (name,), value
    for name in lists:
        for k, value in enumerate(getattr(claim, name)):
            yield (name, k), value


def referenced_ids(claim: Claim) -> list[str]:
    """The entity ids a claim refers to, without their paths: enough to see all is well."""
    single, lists, _ = _FIELDS[claim.kind]
    ids = [value for name in single if (value := getattr(claim, name)) is not None]
    for name in lists:
        ids += getattr(claim, name)
    return ids


_CUTOFF = 0.75  # how alike an id must be to a defined one to be suggested
# Work (characters compared) the did-you-mean hints of one file may spend: an ordinary typo
# against a knowledge base of 10,000 ids costs about 400,000 (0.15 s).
_SUGGEST_BUDGET = 5_000_000


class _BudgetSpentError(Exception):
    """The file's did-you-mean budget is spent: no defined id is suggested."""


class _Suggestions:
    """The defined id closest to an undefined one: what ``get_close_matches(id, known, n=1,
    cutoff=0.75)`` answers, without comparing the id with every defined one.

    Only an id whose length is within the ratio the cutoff allows can reach it, so the
    defined ids are indexed by length; answers are kept per id, and the characters
    compared are charged to a budget per file.
    """

    def __init__(self, known: list[str]):
        self.by_length: defaultdict[int, list[str]] = defaultdict(list)
        for k in known:
            self.by_length[len(k)].append(k)
        self.budget = _SUGGEST_BUDGET
        self.answers: dict[str, str | None] = {}

    def closest(self, word: str) -> str | None:
        """The best (ratio, id) at or above the cutoff, as difflib ranks them.

        Raises `_BudgetSpentError` when the file's budget runs out on the way.
        """
        if word in self.answers:
            return self.answers[word]
        n = len(word)
        # 2 * min / (min + max) >= 0.75 needs min >= 0.6 * max: a bound, not the test.
        lengths = range(int(n * 0.6), int(n / 0.6) + 2)
        best: tuple[float, str] | None = None
        s = SequenceMatcher()
        s.set_seq2(word)
        for length in lengths:
            for x in self.by_length.get(length, ()):
                self.budget -= n + length
                if self.budget < 0:
                    raise _BudgetSpentError
                s.set_seq1(x)
                if s.real_quick_ratio() < _CUTOFF or s.quick_ratio() < _CUTOFF:
                    continue
                self.budget -= n * length
                if self.budget < 0:
                    raise _BudgetSpentError
                ratio = s.ratio()
                if ratio >= _CUTOFF and (best is None or (ratio, x) > best):
                    best = (ratio, x)
        found = self.answers[word] = best[1] if best is not None else None
        return found


class UndefinedEntity(Rule):
    """A claim refers to an entity id that nobody defined.

    Ids are how claims about one thing find each other: a typo ("indai") silently makes
    a new entity, and every rule that compares claims about India misses this one. An id
    must be defined under the file's `entities` or in the knowledge base. The finding
    suggests the closest defined id; an id that differs from one only by look-alike
    characters is suggested too, but never accepted (CC116 names the characters).

    Cost: linear in the file and the knowledge base, plus the did-you-mean search, which
    compares an undefined id only with defined ids of a similar length, once per distinct
    id, within a budget per file; past it, findings suggest nothing and say so.

    Triggers: `members: [brazil, indai]` with `india` defined and `indai` not.

    Passes: `members: [brazil, india]`.
    """

    id = "CC115"
    name = "undefined-entity"
    severity = Severity.ERROR

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        known: list[str] | None = None
        shapes: dict[str, str] = {}
        suggestions: _Suggestions | None = None
        own = ctx.model.entities.keys()
        for i, claim in ctx.index.claims:
            if own >= set(referenced_ids(claim)):
                continue  # defined in this file: the usual case
            for path, entity_id in references(claim):
                if ctx.lookup_entity(entity_id) is not None:
                    continue
                if known is None or suggestions is None:
                    known = sorted(ctx.entity_ids())
                    for k in known:
                        shapes.setdefault(skeleton(k), k)
                    suggestions = _Suggestions(known)
                guess = shapes.get(skeleton(entity_id))
                if guess is not None:
                    hint = f"; did you mean '{guess}'? this id only looks like it"
                else:
                    try:
                        close = suggestions.closest(entity_id)
                        hint = f"; did you mean '{close}'?" if close else ""
                    except _BudgetSpentError:
                        hint = "; no similar id was searched for (too many to compare)"
                yield self.report(
                    ctx,
                    f"no entity '{entity_id}' is defined in this file's entities or the "
                    f"knowledge base{hint}",
                    ("claims", i, *path),
                    claim.id,
                )


class LookalikeCharacters(Rule):
    """An id or a name contains characters that look like others.

    A Cyrillic "і" in "Indіa", a zero-width space or a bidi control is invisible on the
    page, so two ids that look the same are different to every program, and a name that
    looks right searches wrong. They are reported, with the character, never matched
    silently. Decomposed accents (not Unicode NFC) and full-width letters are reported too.

    Triggers: an entity `Indіa` (its і is Cyrillic), a name ending in a zero-width space
    (U+200B), or an id typed with a right-to-left mark (U+200F).

    Passes: `india: {name: India, kind: country}`, `Curaçao` typed composed.
    """

    id = "CC116"
    name = "lookalike-characters"
    severity = Severity.ERROR

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        for key, entity in ctx.model.entities.items():
            if "".join([key, entity.name, *entity.aliases]).isascii():
                continue
            yield from self._text(ctx, "entity id", key, ("entities", key), None, key=True)
            yield from self._text(ctx, "name", entity.name, ("entities", key, "name"), None)
            for k, alias in enumerate(entity.aliases):
                yield from self._text(ctx, "alias", alias, ("entities", key, "aliases", k), None)
        for i, claim in ctx.index.claims:
            free = [value for f in _FIELDS[claim.kind][2] if (value := getattr(claim, f))]
            if "".join([claim.id, *referenced_ids(claim), *free]).isascii():
                continue  # nothing but ASCII: nothing can look like something else
            texts: list[tuple[str, str | None, Pointer]] = [("claim id", claim.id, ("id",))]
            texts += [("entity id", value, path) for path, value in references(claim)]
            texts += [(f, getattr(claim, f), (f,)) for f in _FIELDS[claim.kind][2]]
            for what, text, path in texts:
                if text is not None and not text.isascii():
                    yield from self._text(ctx, what, text, ("claims", i, *path), claim.id)

    def _text(
        self,
        ctx: ArticleContext,
        what: str,
        text: str,
        pointer: Pointer,
        claim_id: str | None,
        *,
        key: bool = False,
    ) -> Iterator[Finding]:
        problems = [] if text.isascii() else lookalike_problems(text)
        if problems:
            yield self.report(
                ctx,
                f"{what} {text!r} has {'; '.join(problems)}: retype it in plain, composed "
                "characters",
                pointer,
                claim_id,
                key=key,
            )
