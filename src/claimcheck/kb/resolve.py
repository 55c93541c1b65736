"""One entity resolver for every rule and the judge: ids, names and aliases, in any case.

A claim names an entity by its id (`quad`), its name ("Quad") or an alias ("Quadrilateral
Security Dialogue"), defined under the file's `entities` or in the knowledge base. Every
reference is resolved the same way, in this order:

1. the id as written, among the file's entities, then the knowledge base's;
2. an id, name or alias compared case-insensitively (casefold, runs of white space as one
   space, typographic quotes and dashes as plain ones), over the file's entities and the
   knowledge base's together.

A name two entities share resolves to nothing and says which entities share it: never a
guess. Text with look-alike characters (CC116: a Cyrillic "а" in "Quаd", a zero-width
space, a compatibility form) is matched only as written, never by name, so "Quаd" is not
the Quad.

A file's entity is the knowledge base's entity with its Wikidata id; else the one with its
id; else the one of its kind whose id, name or alias it shares, when only one has it. Never
one whose Wikidata id differs from its own. An entity and the one it links to are one
entity: the key the article's rules group claims by is the file's id (the first, in file
order, when several link to one entity of the knowledge base), else the knowledge base's.

Cost: the knowledge base's names are indexed once per knowledge base, the file's once per
file; a reference is then one or two dictionary look-ups, and its answer is kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimcheck.core.textnorm import lookalike_problems, normalise, skeleton
from claimcheck.formats.records import EventFact

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from claimcheck.core.dates import PartialDate
    from claimcheck.formats.records import Entity
    from claimcheck.kb.store import KnowledgeBase


def name_key(text: str) -> str | None:
    """What two spellings of one name share; None for text with look-alike characters."""
    if not text.isascii() and lookalike_problems(text):
        return None
    return normalise(text).casefold()


@dataclass(frozen=True, slots=True)
class Node:
    """One entity as the article's rules and the judge see it."""

    key: str  # what rules group by: the file's id, else the knowledge base's
    own: str | None  # the file's entity, when the file defines one
    kb: str | None  # the knowledge base's entity, when it has one


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a reference stands for: one entity, several (ambiguous), or none."""

    node: Node | None
    exact: bool = False  # found by its id as written, not by a name
    ambiguous: tuple[Node, ...] = ()  # the entities a shared name stands for


_UNKNOWN = Resolved(None)


class KBIndex:
    """The knowledge base's ids, names and aliases by `name_key`, and its events by day:
    each built once per knowledge base, on first use (a file whose references are all ids
    as written, linked by id, needs neither)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._by_key: dict[str, set[str]] | None = None
        self._events_by_day: dict[PartialDate, list[EventFact]] | None = None
        # For did-you-mean hints: keys by length, keys by their look.
        self._lengths: dict[int, list[str]] | None = None
        self._shapes: dict[str, str] | None = None

    @property
    def by_key(self) -> dict[str, set[str]]:
        if self._by_key is None:
            self._by_key = _name_index(self.kb.entities.items())
        return self._by_key

    @property
    def events_by_day(self) -> dict[PartialDate, list[EventFact]]:
        """The events dated to a day, by day, in the order the KB gives them."""
        if self._events_by_day is None:
            found: defaultdict[PartialDate, list[EventFact]] = defaultdict(list)
            for fact in self.kb.facts.values():
                if isinstance(fact, EventFact) and fact.date.precision == "day":
                    found[fact.date].append(fact)
            self._events_by_day = dict(found)
        return self._events_by_day

    def lengths(self) -> dict[int, list[str]]:
        """The keys by length: only keys of a similar length can be alike."""
        if self._lengths is None:
            self._lengths = by_length(self.by_key)
        return self._lengths

    def shapes(self) -> dict[str, str]:
        """The first key (in sorted order) of each look (`textnorm.skeleton`)."""
        if self._shapes is None:
            self._shapes = by_shape(self.by_key)
        return self._shapes


def by_length(keys: Iterable[str]) -> dict[int, list[str]]:
    found: defaultdict[int, list[str]] = defaultdict(list)
    for k in sorted(keys):
        found[len(k)].append(k)
    return dict(found)


def by_shape(keys: Iterable[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for k in sorted(keys):
        found.setdefault(skeleton(k), k)
    return found


def _differ(one: str | None, other: str | None) -> bool:
    """Whether two Wikidata ids show two different entities (both given, not equal)."""
    return bool(one and other and one != other)


# The index of the last knowledge base seen: a run loads one and checks every file with it.
_LAST: list[tuple[KnowledgeBase, KBIndex]] = []


def kb_index(kb: KnowledgeBase) -> KBIndex:
    """The knowledge base's index, built on first use and kept for that KB."""
    if not _LAST or _LAST[0][0] is not kb:
        _LAST[:] = [(kb, KBIndex(kb))]
    return _LAST[0][1]


class Resolver:
    """References resolved over one file's entities and the knowledge base's."""

    def __init__(self, own: Mapping[str, Entity], kb: KnowledgeBase | None) -> None:
        self.own = own
        self.kb = kb
        self.kb_index = kb_index(kb) if kb is not None else None
        self.own_nodes: dict[str, Node] = {}
        self.linked: dict[str, Node] = {}  # KB id -> the node of the file's entity it links
        for entity_id, entity in own.items():
            target = self._link(entity_id, entity)
            node = self.linked.get(target) if target is not None else None
            if node is None:
                node = Node(entity_id, entity_id, target)
                if target is not None:
                    self.linked[target] = node
            self.own_nodes[entity_id] = node
        self._by_key: dict[str, set[str]] | None = None
        self._kb_nodes: dict[str, Node] = {}
        self._answers: dict[str, Resolved] = {}

    @property
    def by_key(self) -> dict[str, set[str]]:
        """The file's ids, names and aliases by `name_key`, built on the first reference
        that is not an id as written: most files never need it."""
        if self._by_key is None:
            self._by_key = _name_index(self.own.items())
        return self._by_key

    def _link(self, entity_id: str, entity: Entity) -> str | None:
        """The knowledge base's entity that the file's entity is, if any (see the module)."""
        kb, index = self.kb, self.kb_index
        if kb is None or index is None:
            return None
        wikidata = entity.wikidata
        if wikidata and wikidata in kb.wikidata:
            return kb.wikidata[wikidata]
        same = kb.entities.get(entity_id)
        if same is not None and not _differ(wikidata, same.wikidata):
            return entity_id
        for text in (entity_id, entity.name, *entity.aliases):
            key = name_key(text)
            ids = index.by_key.get(key) if key is not None else None
            if ids is not None and len(ids) == 1:
                (kb_id,) = ids
                other = kb.entities[kb_id]
                if other.kind == entity.kind and not _differ(wikidata, other.wikidata):
                    return kb_id
        return None

    def kb_node(self, kb_id: str) -> Node:
        node = self.linked.get(kb_id) or self._kb_nodes.get(kb_id)
        if node is None:
            # The file defines this id as another entity (their Wikidata ids differ): the
            # knowledge base's gets a key of its own, so that rules never mix the two.
            key = f"{kb_id} (knowledge base)" if kb_id in self.own else kb_id
            node = self._kb_nodes[kb_id] = Node(key, None, kb_id)
        return node

    def resolve(self, ref: str) -> Resolved:
        """What ``ref`` stands for, by the order in the module's docstring."""
        found = self._answers.get(ref)
        if found is None:
            found = self._answers[ref] = self._resolve(ref)
        return found

    def _resolve(self, ref: str) -> Resolved:
        node = self.own_nodes.get(ref)
        if node is not None:
            return Resolved(node, exact=True)
        if self.kb is not None and ref in self.kb.entities:
            return Resolved(self.kb_node(ref), exact=True)
        key = name_key(ref)
        if key is None:
            return _UNKNOWN
        nodes = self.nodes_named(key)
        if len(nodes) == 1:
            return Resolved(nodes[0])
        return Resolved(None, ambiguous=tuple(nodes)) if nodes else _UNKNOWN

    def nodes_named(self, key: str) -> list[Node]:
        """The entities an id, name or alias with this key stands for, by key."""
        nodes = {self.own_nodes[e] for e in self.by_key.get(key, ())}
        if self.kb_index is not None:
            nodes.update(self.kb_node(k) for k in self.kb_index.by_key.get(key, ()))
        return sorted(nodes, key=lambda n: n.key)

    def key(self, ref: str) -> str:
        """What the article's rules group ``ref`` by: its entity's key, else ``ref`` itself."""
        node = self.resolve(ref).node
        return node.key if node is not None else ref

    def entity(self, node: Node) -> Entity | None:
        """The entity's definition: the file's own first."""
        if node.own is not None:
            return self.own[node.own]
        if node.kb is not None and self.kb is not None:
            return self.kb.entities.get(node.kb)
        return None

    def name(self, ref: str) -> str:
        """The readable name of what ``ref`` stands for; ``ref`` itself when unresolved."""
        node = self.resolve(ref).node
        entity = self.entity(node) if node is not None else None
        return entity.name if entity is not None else ref

    def spelled(self, node: Node, key: str) -> str:
        """How the entity answers to ``key``, for a did-you-mean: its id, name or alias."""
        entity = self.entity(node)
        if entity is None or name_key(node.key) == key:
            return f"'{node.key}'"
        if name_key(entity.name) == key:
            return f"'{node.key}' ({entity.name})"
        for alias in entity.aliases:
            if name_key(alias) == key:
                return f"'{node.key}' (alias {alias})"
        # A name of the linked entity of the knowledge base.
        other = self.kb.entities.get(node.kb) if self.kb is not None and node.kb else None
        if other is not None:
            for text in (other.name, *other.aliases):
                if name_key(text) == key:
                    what = "" if text == other.name else "alias "
                    return f"'{node.key}' ({what}{text})"
        return f"'{node.key}'"

    def lengths(self) -> list[dict[int, list[str]]]:
        """Every id, name and alias as a key, by length: the file's, then the KB's."""
        found = [by_length(self.by_key)]
        if self.kb_index is not None:
            found.append(self.kb_index.lengths())
        return found

    def shapes(self) -> list[dict[str, str]]:
        """Every id, name and alias as a key, by its look: the file's, then the KB's."""
        found = [by_shape(self.by_key)]
        if self.kb_index is not None:
            found.append(self.kb_index.shapes())
        return found

    def known(self, key: str) -> bool:
        """Whether some entity has an id, name or alias with this key."""
        return key in self.by_key or (self.kb_index is not None and key in self.kb_index.by_key)


def _name_index(entities: Iterable[tuple[str, Any]]) -> dict[str, set[str]]:
    """Each id's, name's and alias's key, and the entities it may mean (one or, if shared, more)."""
    found: defaultdict[str, set[str]] = defaultdict(set)
    for entity_id, entity in entities:
        for text in (entity_id, entity.name, *entity.aliases):
            key = name_key(text)
            if key is not None:
                found[key].add(entity_id)
    return dict(found)
