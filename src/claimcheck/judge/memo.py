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

from claimcheck.formats.records import Entity

if TYPE_CHECKING:
    from collections.abc import Callable

    from claimcheck.core.verdicts import Judgement
    from claimcheck.formats.records import Claim
    from claimcheck.kb.store import KnowledgeBase

# Claim fields no verdict depends on: a claim's name for itself, its words, its paper trail.
UNJUDGED = frozenset({"id", "quote", "sources", "notes", "suppress", "what", "draft"})

_MAX_ENTRIES = 1 << 14  # verdicts kept at once: a bounded store, never an archive's

# A judgement made once, and the file's own entities it looked up on the way (id, entity).
Judged = tuple["Judgement", tuple[tuple[str, "Entity | None"], ...]]


def judged_fields(kind: type) -> tuple[str, ...]:
    """The fields of a kind of claim a verdict may depend on: all but the unjudged ones."""
    slots: list[str] = []
    for cls in reversed(kind.__mro__):
        slots.extend(getattr(cls, "__slots__", ()))
    return tuple(sorted(n for n in dict.fromkeys(slots) if n not in UNJUDGED))


_ENTITY = attrgetter(*Entity.__slots__)  # every field of an entity, a new one included
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

    @staticmethod
    def key(claim: Claim, dates: tuple[str, str | None]) -> tuple[object, ...]:
        """What a verdict depends on besides the file's own entities."""
        return (type(claim), _content(claim), dates)

    def get(self, kb: KnowledgeBase, key: tuple[object, ...]) -> Judged | None:
        """The judgement kept for the key; None, too, for a key that cannot hash."""
        if kb is not self._kb:
            self._kb, self._store = kb, {}
        try:
            return self._store.get(key)
        except TypeError:  # a field holding something unhashable: judged afresh
            return None

    def put(self, kb: KnowledgeBase, key: tuple[object, ...], judged: Judged) -> None:
        if kb is not self._kb:
            self._kb, self._store = kb, {}
        if len(self._store) >= _MAX_ENTRIES:
            self._store.clear()
        try:
            self._store[key] = judged
        except TypeError:
            return


# Noted for a reference found by a name rather than an id: which entity a name stands for
# depends on every entity of the file (another may share it), so no other file is alike.
FOUND_BY_NAME = Entity(name="(found by a name among the file's entities)", kind="other")


def defined_alike(own: dict[str, Entity], looked: tuple[tuple[str, Entity | None], ...]) -> bool:
    """Whether a file defines the entities an earlier judgement looked up as that file did.

    Every field of an entity counts, so a field added to entities is compared by default.
    """
    for ref, entity in looked:
        if entity is FOUND_BY_NAME:
            return False
        mine = own.get(ref)
        if mine is entity:
            continue
        if mine is None or entity is None or _ENTITY(mine) != _ENTITY(entity):
            return False
    return True
