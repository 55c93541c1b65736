"""What a rule sees: one loaded article, its claims, their verdicts, and indexes built once.

The context is built whole before any rule runs (load, validate, read the article, judge)
and never changes after: a rule reads it, so rules cannot depend on each other's order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimcheck.core.findings import Finding, Location, Severity
from claimcheck.core.verdicts import Judgements
from claimcheck.formats.records import (
    ClaimFile,
    CountClaim,
    EventClaim,
    MembershipClaim,
    OfficeClaim,
    RelationClaim,
)
from claimcheck.kb.resolve import Resolver
from claimcheck.loader.document import Document, Pointer, pointer_str

if TYPE_CHECKING:
    from collections.abc import Callable

    from claimcheck.core.dates import PartialDate
    from claimcheck.formats.records import Claim, Entity
    from claimcheck.kb.store import KnowledgeBase


@dataclass
class ClaimIndex:
    """Claims grouped by what they are about, so that no rule compares all pairs.

    Grouped by entity, not by spelling: "Quad" and `quad` are one group when they resolve to
    one entity (`kb.resolve`); a reference that resolves to nothing is its own group.
    """

    claims: list[tuple[int, Claim]] = field(default_factory=list)
    memberships: dict[str, list[tuple[int, MembershipClaim]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    counts: dict[str, list[tuple[int, CountClaim]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    events: dict[str, list[tuple[int, EventClaim]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    series: dict[str, list[tuple[int, EventClaim]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    offices: dict[str, list[tuple[int, OfficeClaim]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    relations: dict[tuple[str, str, str], list[tuple[int, RelationClaim]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    ids: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    resolver: Resolver | None = None  # the references of this file, resolved once each

    @classmethod
    def build(cls, model: ClaimFile, kb: KnowledgeBase | None = None) -> ClaimIndex:
        resolver = Resolver(model.entities, kb)
        key = resolver.key
        index = cls(resolver=resolver)
        for i, claim in enumerate(model.claims):
            index.claims.append((i, claim))
            index.ids[claim.id].append(i)
            if isinstance(claim, MembershipClaim):
                index.memberships[key(claim.group)].append((i, claim))
            elif isinstance(claim, CountClaim):
                index.counts[key(claim.group)].append((i, claim))
            elif isinstance(claim, EventClaim):
                index.events[key(claim.event)].append((i, claim))
                if claim.series is not None:
                    index.series[key(claim.series)].append((i, claim))
            elif isinstance(claim, OfficeClaim):
                index.offices[key(claim.office)].append((i, claim))
            elif isinstance(claim, RelationClaim):
                triple = (key(claim.subject), claim.predicate, key(claim.object))
                index.relations[triple].append((i, claim))
        return index


# Where a quote's parts (split at its elisions) stand in the normalised article text.
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class QuotePlaces:
    """Where each claim's quote stands in the article, searched for once per article (by the
    search CC114 owns) for the rule and for the review page.

    Places are offsets in ``text``, the normalised article (``core.textnorm.normalise``).
    """

    source: str  # the article text as read, which ``text`` normalises
    text: str
    spans: tuple[Spans | None, ...]  # per claim in file order; None: not in the text
    unsearched: frozenset[int]  # claims whose quote was not looked for (the budget was spent)


@dataclass(frozen=True, eq=False)
class ArticleContext:
    """One claim file, loaded and validated, with everything the rules need to judge it.

    Frozen: the engine builds it with `dataclasses.replace` as it learns more (the article's
    text, then the judgements), and a rule only reads it. The two caches below are filled on
    first use; what they hold follows from the fields, so filling them changes nothing.
    """

    path: str
    document: Document
    model: ClaimFile
    index: ClaimIndex
    article_text: str | None = None
    article_path: str | None = None
    kb: KnowledgeBase | None = None
    as_of: PartialDate | None = None  # --as-of: judge claims about the present at this date
    # Every claim's verdict and issues, judged once before the rules run (check.engine).
    judgements: Judgements = field(default_factory=Judgements)
    _event_dates: dict[str, tuple[int, PartialDate] | None] = field(
        default_factory=dict, repr=False
    )
    # Where pointers stand, once each: rules often report at the same field (a weekday
    # against the calendar and against the knowledge base).
    _locations: dict[tuple[Pointer, bool], Location] = field(default_factory=dict, repr=False)
    _resolvers: list[Resolver] = field(default_factory=list, repr=False)
    _quote_places: list[QuotePlaces] = field(default_factory=list, repr=False)

    @property
    def resolver(self) -> Resolver:
        """The one entity resolver of this file and knowledge base (`kb.resolve`)."""
        built = self.index.resolver
        if built is not None and built.kb is self.kb and built.own is self.model.entities:
            return built
        if not self._resolvers or self._resolvers[0].kb is not self.kb:
            self._resolvers[:] = [Resolver(self.model.entities, self.kb)]
        return self._resolvers[0]

    def quote_places(
        self, locate: Callable[[str, list[str]], QuotePlaces] | None = None
    ) -> QuotePlaces | None:
        """Where the quotes stand in the article text (None: it was not read), found by
        ``locate`` on first use and kept; without ``locate``, only what was found already."""
        text = self.article_text
        if text is None:
            return None
        kept = self._quote_places
        if kept and kept[0].source is text:
            return kept[0]
        if locate is None:
            return None
        kept[:] = [locate(text, [claim.quote for claim in self.model.claims])]
        return kept[0]

    def key(self, ref: str) -> str:
        """What claims about one entity share, however each spells it: see `ClaimIndex`."""
        return self.resolver.key(ref)

    def own_entity(self, entity_id: str) -> Entity | None:
        """An entity this file defines, else None."""
        return self.model.entities.get(entity_id)

    def lookup_entity(self, entity_id: str) -> Entity | None:
        """The entity a reference stands for, the file's definition first, else None."""
        resolver = self.resolver
        node = resolver.resolve(entity_id).node
        return resolver.entity(node) if node is not None else None

    def when(self, at: PartialDate | None) -> PartialDate:
        """The time a claim speaks of: its own `at`, else the publication date."""
        return at if at is not None else self.model.article.published

    def event_date(self, event_id: str) -> tuple[int, PartialDate] | None:
        """The most precise date any claim gives the event, with that claim's index."""
        if event_id in self._event_dates:
            return self._event_dates[event_id]
        best: tuple[int, PartialDate] | None = None
        for i, claim in self.index.events.get(self.key(event_id), ()):
            if claim.date is None:
                continue
            if best is None or claim.date.end - claim.date.start < best[1].end - best[1].start:
                best = (i, claim.date)
        self._event_dates[event_id] = best
        return best

    def location(self, pointer: Pointer, *, key: bool = False) -> Location:
        found = self._locations.get((pointer, key))
        if found is None:
            line, col = self.document.position(pointer, key=key)
            found = self._locations[(pointer, key)] = Location(self.path, line, col)
        return found

    def finding(
        self,
        rule_id: str,
        severity: Severity,
        message: str,
        pointer: Pointer,
        claim_id: str | None = None,
        *,
        key: bool = False,
        related: tuple[Pointer, ...] = (),
    ) -> Finding:
        return Finding(
            rule_id=rule_id,
            severity=severity,
            message=message,
            location=self.location(pointer, key=key),
            pointer=pointer_str(pointer),
            claim_id=claim_id,
            related=tuple(self.location(p) for p in related),
        )

    def name(self, entity_id: str) -> str:
        """The readable name of an entity, for messages; the id when nobody defined it."""
        return self.resolver.name(entity_id)
