"""Rules about the entities claims refer to: defined, and spelled with honest characters."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.context import ArticleContext
from claimcheck.core.findings import Finding, Severity
from claimcheck.core.textnorm import lookalike_problems, skeleton
from claimcheck.core.wording import NAMED_LIMIT, enumeration
from claimcheck.formats.records import Claim
from claimcheck.kb.resolve import Resolved, Resolver, name_key
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
    "property": (("subject",), (), ()),
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
_SHORTEST_PART = 3  # a name inside a reference must be this long to be suggested


class _BudgetSpentError(Exception):
    """The file's did-you-mean budget is spent: no defined id is suggested."""


class _Suggestions:
    """The defined id, name or alias closest to an undefined reference, three ways.

    1. one that looks the same (`textnorm.skeleton`): suggested, never accepted;
    2. one as alike as ``get_close_matches(ref, known, n=1, cutoff=0.75)`` finds, without
       comparing the reference with every one: only keys whose length is within the ratio
       the cutoff allows can reach it, so keys are indexed by length;
    3. a name or alias that is a run of the reference's words: "Diaoyu Islands" holds the
       alias "Diaoyu".

    Keys are compared as the resolver compares them (`kb.resolve.name_key`). Answers are
    kept per reference, and the characters compared are charged to a budget per file.
    """

    def __init__(self, resolver: Resolver):
        self.resolver = resolver
        self.lengths = resolver.lengths()
        self.shapes = resolver.shapes()
        self.budget = _SUGGEST_BUDGET
        self.answers: dict[str, str | None] = {}

    def hint(self, ref: str) -> str:
        """The did-you-mean part of a message, or why there is none."""
        shape = skeleton(ref)
        for shapes in self.shapes:
            guess = shapes.get(shape)
            if guess is not None:
                return f"; did you mean {self._spelled(guess)}? this id only looks like it"
        key = name_key(ref)
        if key is None:
            return ""
        try:
            close = self.closest(key)
        except _BudgetSpentError:
            return "; no similar id was searched for (too many to compare)"
        return f"; did you mean {self._spelled(close)}?" if close else ""

    def _spelled(self, key: str) -> str:
        nodes = self.resolver.nodes_named(key)
        return " or ".join(self.resolver.spelled(n, key) for n in nodes) or f"'{key}'"

    def _charge(self, work: int) -> None:
        self.budget -= work
        if self.budget < 0:
            raise _BudgetSpentError

    def closest(self, word: str) -> str | None:
        """The best key at or above the cutoff, as difflib ranks them; else a key among
        the reference's words, the longest (then the first) of them.

        Raises `_BudgetSpentError` when the file's budget runs out on the way.
        """
        if word in self.answers:
            return self.answers[word]
        n = len(word)
        # 2 * min / (min + max) >= 0.75 needs min >= 0.6 * max: a bound, not the test.
        lengths = range(int(n * 0.6), int(n / 0.6) + 2)
        # lazy: start-up (difflib: only a name the knowledge base lacks needs a near miss)
        from difflib import SequenceMatcher

        best: tuple[float, str] | None = None
        s = SequenceMatcher()
        s.set_seq2(word)
        for length in lengths:
            for by_length in self.lengths:
                for x in by_length.get(length, ()):
                    self._charge(n + length)
                    s.set_seq1(x)
                    if s.real_quick_ratio() < _CUTOFF or s.quick_ratio() < _CUTOFF:
                        continue
                    self._charge(n * length)
                    ratio = s.ratio()
                    if ratio >= _CUTOFF and (best is None or (ratio, x) > best):
                        best = (ratio, x)
        found = best[1] if best is not None else self._inside(word)
        self.answers[word] = found
        return found

    def _inside(self, word: str) -> str | None:
        """The longest run of the reference's words that is a key, the first if several."""
        words = word.split(" ")
        for size in range(len(words) - 1, 0, -1):
            for start in range(len(words) - size + 1):
                part = " ".join(words[start : start + size])
                self._charge(len(part))
                if len(part) >= _SHORTEST_PART and self.resolver.known(part):
                    return part
        return None


def _ambiguous(ref: str, found: Resolved, resolver: Resolver) -> str:
    """The message for a name several entities share: which they are, never a choice."""
    shown = []
    for node in found.ambiguous[:NAMED_LIMIT]:
        entity = resolver.entity(node)
        what = f" ({entity.name}, {entity.kind})" if entity is not None else ""
        shown.append(f"'{node.key}'{what}")
    others = enumeration(shown, len(found.ambiguous))
    return (
        f"ambiguous: '{ref}' is the id, name or alias of {len(found.ambiguous)} entities, "
        f"{others}: write the id of the one meant"
    )


class UndefinedEntity(Rule):
    """A claim refers to an entity that nobody defined, or by a name several entities share.

    Ids are how claims about one thing find each other: a typo ("indai") silently makes
    a new entity, and every rule that compares claims about India misses this one. A
    reference is an id, a name or an alias (in any case) of an entity under the file's
    `entities` or in the knowledge base (`claimcheck.kb.resolve`). A name two entities
    share is reported as ambiguous, and resolves to neither. The finding suggests the
    closest id, name or alias, or one the reference contains ("Diaoyu Islands": the alias
    Diaoyu of the Senkaku Islands); one that differs only by look-alike characters is
    suggested too, but never accepted (CC116 names the characters).

    Cost: linear in the file, after the knowledge base's names are indexed once, plus the
    did-you-mean search, which compares an undefined reference only with keys of a similar
    length, once per distinct reference, within a budget per file; past it, findings
    suggest nothing and say so.

    Triggers: `members: [brazil, indai]` with `india` defined and `indai` not.

    Passes: `members: [brazil, india]`, or `members: [Brazil, INDIA]`.
    """

    id = "CC115"
    name = "undefined-entity"
    severity = Severity.ERROR

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        suggestions: _Suggestions | None = None
        own = ctx.model.entities.keys()
        resolver = ctx.resolver
        for i, claim in ctx.index.claims:
            if own >= set(referenced_ids(claim)):
                continue  # defined in this file: the usual case
            for path, entity_id in references(claim):
                found = resolver.resolve(entity_id)
                if found.node is not None:
                    continue
                if found.ambiguous:
                    message = _ambiguous(entity_id, found, resolver)
                else:
                    if suggestions is None:
                        suggestions = _Suggestions(resolver)
                    message = (
                        f"no entity '{entity_id}' is defined in this file's entities or the "
                        f"knowledge base{suggestions.hint(entity_id)}{_unloaded(ctx)}"
                    )
                yield self.report(ctx, message, ("claims", i, *path), claim.id)


def _unloaded(ctx: ArticleContext) -> str:
    """The KB files left out for their errors, which may be where the entity is defined."""
    names = ctx.kb.unloaded if ctx.kb is not None else []
    if not names:
        return ""
    files = enumeration(names[:NAMED_LIMIT], len(names))
    if len(names) == 1:
        return f" ({files} may define it, but was left out for its errors: fix them first)"
    return f" ({files} may define it, but were left out for their errors: fix them first)"


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
