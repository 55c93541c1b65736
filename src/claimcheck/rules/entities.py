"""Rules about the entities claims refer to: defined, and spelled with honest characters."""

from __future__ import annotations

from collections.abc import Iterator
from difflib import get_close_matches

from claimcheck.context import ArticleContext
from claimcheck.findings import Finding, Severity
from claimcheck.loader.document import Pointer
from claimcheck.models import Claim
from claimcheck.rules.base import Rule
from claimcheck.textnorm import lookalike_problems, skeleton

_REF_FIELDS = ("group", "event", "place", "series", "office", "holder", "subject", "object")
_REF_LISTS = ("members", "participants")


def references(claim: Claim) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every entity id a claim refers to, with its path inside the claim."""
    for name in _REF_FIELDS:
        value = getattr(claim, name, None)
        if isinstance(value, str):
            yield (name,), value
    for name in _REF_LISTS:
        for k, value in enumerate(getattr(claim, name, ())):
            yield (name, k), value


class UndefinedEntity(Rule):
    """A claim refers to an entity id that nobody defined.

    Ids are how claims about one thing find each other: a typo ("indai") silently makes
    a new entity, and every rule that compares claims about India misses this one. An id
    must be defined under the file's `entities` or in the knowledge base. The finding
    suggests the closest defined id; an id that differs from one only by look-alike
    characters is suggested too, but never accepted (CC116 names the characters).

    Triggers: `members: [brazil, indai]` with `india` defined and `indai` not.

    Passes: `members: [brazil, india]`.
    """

    id = "CC115"
    name = "undefined-entity"
    severity = Severity.ERROR

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        known: list[str] | None = None
        shapes: dict[str, str] = {}
        for i, claim in ctx.index.claims:
            for path, entity_id in references(claim):
                if ctx.lookup_entity(entity_id) is not None:
                    continue
                if known is None:
                    known = sorted(ctx.entity_ids())
                    for k in known:
                        shapes.setdefault(skeleton(k), k)
                guess = shapes.get(skeleton(entity_id))
                if guess is not None:
                    hint = f"; did you mean '{guess}'? this id only looks like it"
                else:
                    close = get_close_matches(entity_id, known, n=1, cutoff=0.75)
                    hint = f"; did you mean '{close[0]}'?" if close else ""
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
            yield from self._text(ctx, "entity id", key, ("entities", key), None, key=True)
            yield from self._text(ctx, "name", entity.name, ("entities", key, "name"), None)
            for k, alias in enumerate(entity.aliases):
                yield from self._text(ctx, "alias", alias, ("entities", key, "aliases", k), None)
        for i, claim in ctx.index.claims:
            yield from self._text(ctx, "claim id", claim.id, ("claims", i, "id"), claim.id)
            for path, entity_id in references(claim):
                yield from self._text(ctx, "entity id", entity_id, ("claims", i, *path), claim.id)
            for field in ("what", "name"):
                value = getattr(claim, field, None)
                if isinstance(value, str):
                    yield from self._text(ctx, field, value, ("claims", i, field), claim.id)

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
        if text.isascii():
            return
        problems = lookalike_problems(text)
        if problems:
            yield self.report(
                ctx,
                f"{what} {text!r} has {'; '.join(problems)}: retype it in plain, composed "
                "characters",
                pointer,
                claim_id,
                key=key,
            )
