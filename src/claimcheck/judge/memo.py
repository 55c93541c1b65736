"""Verdicts reused across files: an archive repeats its claims, published the same day.

A verdict depends on the claim, the dates, the knowledge base and the file's own entities
the judge looked up. The key is the claim's whole content but for the fields listed in
`UNJUDGED`, which no verdict reads: a field added to a claim is in the key by default, so
forgetting it here costs a judgement made twice, never a verdict handed to a claim it does
not fit.
"""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from claimcheck.core.verdicts import Judgement
    from claimcheck.formats.records import Claim, Entity
    from claimcheck.kb.store import KnowledgeBase

# Claim fields no verdict depends on: a claim's name for itself, its words, its paper trail.
UNJUDGED = frozenset({"id", "quote", "sources", "notes", "suppress", "what"})

_MAX_ENTRIES = 1 << 14  # verdicts kept at once: a bounded store, never an archive's

# A judgement made once, and the file's own entities it looked up on the way (id, entity).
Judged = tuple["Judgement", tuple[tuple[str, "Entity | None"], ...]]


def judged_fields(kind: type) -> tuple[str, ...]:
    """The fields of a kind of claim a verdict may depend on: all but the unjudged ones."""
    slots: list[str] = []
    for cls in reversed(kind.__mro__):
        slots.extend(getattr(cls, "__slots__", ()))
    return tuple(sorted(n for n in dict.fromkeys(slots) if n not in UNJUDGED))


_GETTERS: dict[type, Callable[[Any], Any]] = {}


def _content(claim: Claim) -> tuple[object, ...]:
    """The claim's judged fields as a hashable tuple (lists taken as tuples)."""
    kind = type(claim)
    getter = _GETTERS.get(kind)
    if getter is None:
        names = judged_fields(kind)
        get = attrgetter(*names)
        getter = _GETTERS[kind] = (lambda c: (get(c),)) if len(names) == 1 else get
    return tuple(tuple(v) if type(v) is list else v for v in getter(claim))


class VerdictMemo:
    """Judgements by what a claim says, for one knowledge base at a time.

    Owned by the engine that judges with it; a different knowledge base starts it afresh,
    since only that knowledge base's facts decided what it holds.
    """

    def __init__(self) -> None:
        self._kb: KnowledgeBase | None = None
        self._store: dict[tuple[object, ...], Judged] = {}

    def key(self, claim: Claim, dates: tuple[str, str | None]) -> tuple[object, ...] | None:
        """What a verdict depends on besides the entities; None for content that cannot key."""
        key = (type(claim), _content(claim), dates)
        try:
            hash(key)
        except TypeError:  # a field holding something unhashable: judge it afresh
            return None
        return key

    def get(self, kb: KnowledgeBase, key: tuple[object, ...]) -> Judged | None:
        if kb is not self._kb:
            self._kb, self._store = kb, {}
        return self._store.get(key)

    def put(self, kb: KnowledgeBase, key: tuple[object, ...], judged: Judged) -> None:
        if kb is not self._kb:
            self._kb, self._store = kb, {}
        if len(self._store) >= _MAX_ENTRIES:
            self._store.clear()
        self._store[key] = judged
