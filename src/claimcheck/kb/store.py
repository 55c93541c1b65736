"""The reference knowledge base: sourced, time-scoped facts, indexed for queries on a date.

Every query looks facts up by the key a claim names (a group, an office, a series, a
subject-predicate-object triple), never by scanning all facts, so that checking stays linear
in the number of claims. Dates are intervals: a fact holds on a date only when it held on
every day of it; when that depends on days a partial date does not pin down, the answer is
"maybe", and a verdict built on a maybe is "not enough info".

What a fact's dates mean (one meaning, everywhere: `holds_on`):

- `start` is the first day it held; on that day it holds. A partial start ("2024-06") holds
  for certain only after the whole month: "maybe" during June, "yes" from 1 July.
- `end` is the first day it no longer held (a successor's first day). On the `end` day itself
  the answer is "maybe": "the UK left the EU on 31 January 2020" means it was a member for
  part of that day, so a claim about a handover or departure day is never refuted by the
  convention alone. A partial end ("2024-06") is "maybe" during June and "no" after it.
- No `start` means the start is unknown, not "long ago": the fact is "maybe" at every date
  before its end, never "yes" (semantics change, issue 14: an absent start used to mean "since
  forever" for facts with no end). Give a start to a fact that should support claims.
- A fact with `permanent: true` (geography) holds at every date.
- A fact with `end_unknown: true` ended on a date the source does not give (Wikidata's
  "some value"): it is "maybe" at every date after its start, and held for certain on some
  day of a claim's date only when its whole start lies inside that date.
- An open end holds for certain only up to the fact's horizon: its own `verified`, else its
  file's, else the newest date its sources were read or published; after it the answer is
  "maybe" ("the knowledge base was last verified on 21 October 2025"), and with no horizon at
  all an open end is "maybe" at every date after its start (`KnowledgeBase.truth`).
- A claim's partial date ("in 2024"): one member, holder or relation is supported when it
  held for certain on some day of it (`truth_some_day`: "Australia was in the Quad in 2008",
  until February); a count or a list presented as complete counts only the members that
  held on every day of it (`truth`), since one that joined in June would make "10 members
  in 2025" wrong for January. "No" only when no day of it can be inside.
- Several facts for one (group, member), (office, holder) or event are kept side by side:
  a membership with a gap is two facts, and each query reads all of them.
"""

from __future__ import annotations

import datetime
import enum
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

from claimcheck.core.dates import PartialDate
from claimcheck.core.verdicts import Evidence, SourceRef
from claimcheck.formats.records import (
    CompleteFact,
    CountFact,
    Entity,
    EventFact,
    Fact,
    KBEntity,
    KBFile,
    MembershipFact,
    PropertyFact,
    RelationFact,
    Source,
    StatementFact,
    TenureFact,
)

if TYPE_CHECKING:
    from claimcheck.loader.document import Document, Pointer

_F = TypeVar("_F", MembershipFact, TenureFact)
Lasting = MembershipFact | TenureFact | RelationFact | PropertyFact  # facts that may be `permanent`

SYMMETRIC = frozenset({"borders", "disputes_territory_with"})
CONTAINMENT = ("lies_in", "located_in")
_MAX_CONTAINMENT_DEPTH = 8
_MAX_ANSWERS = 1 << 14  # answers kept at once, per query


class Tri(enum.Enum):
    """Three-valued truth: partial dates can leave a question open."""

    YES = "yes"
    NO = "no"
    MAYBE = "maybe"


def holds_on(start: PartialDate | None, end: PartialDate | None, on: PartialDate) -> Tri:
    """Whether [start, end) covers every day of ``on``, by the meaning in the module docstring.

    "no" only when no day of ``on`` can be inside; an unknown start is never "yes"; the end
    day itself is "maybe".
    """
    if start is not None and on.end < start.start:
        return Tri.NO
    if end is not None and end.end < on.start:
        return Tri.NO
    if start is None:
        return Tri.MAYBE
    began = start.end <= on.start
    ongoing = end is None or on.end < end.start
    return Tri.YES if began and ongoing else Tri.MAYBE


def source_labels(sources: list[Source]) -> tuple[str, ...]:
    """A source as a reader can follow it: its URL, else its title and publisher."""
    out = []
    for s in sources:
        label = s.url or ", ".join(x for x in (s.title, s.publisher) if x) or "unnamed source"
        if s.url is None and s.published is not None:
            label += f" ({s.published})"
        out.append(label)
    return tuple(out)


def source_refs(sources: list[Source]) -> tuple[SourceRef, ...]:
    """Sources as evidence carries them: every field given, dates as text."""
    return tuple(
        SourceRef(
            url=s.url,
            citation=s.citation,
            title=s.title,
            publisher=s.publisher,
            published=None if s.published is None else str(s.published),
            accessed=None if s.accessed is None else str(s.accessed),
            quote=s.quote,
            archive=s.archive,
        )
        for s in sources
    )


def fold(name: str) -> str:
    return " ".join(name.casefold().split())


@dataclass
class KnowledgeBase:
    """Entities and facts from one or more KB files, with the indexes the queries use."""

    entities: dict[str, Entity] = field(default_factory=dict)
    records: dict[str, KBEntity] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    # KB files left out for their errors: a claim's "no entity" may be one of theirs (CC115).
    unloaded: list[str] = field(default_factory=list)
    origin: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # fact id -> place
    memberships: dict[str, list[MembershipFact]] = field(default_factory=lambda: defaultdict(list))
    groups_of: dict[str, list[MembershipFact]] = field(default_factory=lambda: defaultdict(list))
    tenures: dict[str, list[TenureFact]] = field(default_factory=lambda: defaultdict(list))
    offices_of: dict[str, list[TenureFact]] = field(default_factory=lambda: defaultdict(list))
    # Every fact about an event, in date order: two sources may date one meeting differently.
    events: dict[str, list[EventFact]] = field(default_factory=lambda: defaultdict(list))
    series: dict[str, list[EventFact]] = field(default_factory=lambda: defaultdict(list))
    relations: dict[tuple[str, str, str], list[RelationFact]] = field(
        default_factory=lambda: defaultdict(list)
    )
    by_predicate_object: dict[tuple[str, str], list[RelationFact]] = field(
        default_factory=lambda: defaultdict(list)
    )
    by_subject: dict[str, list[RelationFact]] = field(default_factory=lambda: defaultdict(list))
    # Imported statements of a property no claim kind reads: shown, never judged.
    statements: dict[str, list[StatementFact]] = field(default_factory=lambda: defaultdict(list))
    # (subject, property) -> what the KB says about it, that it holds or that it does not.
    properties: dict[tuple[str, str], list[PropertyFact]] = field(
        default_factory=lambda: defaultdict(list)
    )
    # (group, "members" | "events") -> the windows in which the KB's list is the whole of it,
    # and the sourced numbers: what lets a count or a complete list be refuted (open world).
    completeness: dict[tuple[str, str], list[CompleteFact]] = field(
        default_factory=lambda: defaultdict(list)
    )
    counts: dict[tuple[str, str], list[CountFact]] = field(
        default_factory=lambda: defaultdict(list)
    )
    verified: dict[str, PartialDate | None] = field(default_factory=dict)  # file -> its date
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    wikidata: dict[str, str] = field(default_factory=dict)
    # One Evidence per fact, shared by every verdict it decides: an archive's verdicts cite
    # the same few facts again and again.
    _evidence: dict[str, Evidence] = field(default_factory=dict, repr=False)
    # The answers of the time-scoped queries, by key and date: an archive asks the same few
    # questions (a group's members on a publication date) again and again.
    _members_on: dict[tuple[str, PartialDate], tuple[tuple[MembershipFact, Tri], ...]] = field(
        default_factory=dict, repr=False
    )
    _holders_on: dict[tuple[str, PartialDate], tuple[tuple[TenureFact, Tri], ...]] = field(
        default_factory=dict, repr=False
    )
    _rosters: dict[tuple[str, PartialDate], Roster[MembershipFact]] = field(
        default_factory=dict, repr=False
    )
    _benches: dict[tuple[str, PartialDate], Roster[TenureFact]] = field(
        default_factory=dict, repr=False
    )
    _subjects: dict[tuple[str, str, PartialDate], tuple[RelationFact, ...]] = field(
        default_factory=dict, repr=False
    )
    _tallies: dict[tuple[str, PartialDate], EventTally] = field(default_factory=dict, repr=False)
    _events_until: dict[tuple[str, PartialDate | None], tuple[tuple[EventFact, Tri], ...]] = field(
        default_factory=dict, repr=False
    )

    def evidence(self, fact: Fact) -> Evidence:
        """The fact as evidence: its statement and its sources, built once."""
        found = self._evidence.get(fact.id)
        if found is None:
            found = Evidence(fact.id, self.statement(fact), source_refs(fact.sources), fact.status)
            self._evidence[fact.id] = found
        return found

    # -- building ---------------------------------------------------------------------------

    def add_entity(self, entity_id: str, record: KBEntity) -> None:
        self.records[entity_id] = record
        self.entities[entity_id] = Entity(
            name=record.name,
            kind=record.kind,
            aliases=[a.name for a in record.aliases],
            wikidata=record.wikidata,
        )
        for name in (record.name, *(a.name for a in record.aliases)):
            self.names[fold(name)].add(entity_id)
        if record.wikidata:
            self.wikidata.setdefault(record.wikidata, entity_id)

    def add_fact(self, fact: Fact, where: tuple[str, int, int]) -> None:
        self._forget()
        self.facts[fact.id] = fact
        self.origin[fact.id] = where
        if isinstance(fact, MembershipFact):
            self.memberships[fact.group].append(fact)
            self.groups_of[fact.member].append(fact)
        elif isinstance(fact, TenureFact):
            self.tenures[fact.office].append(fact)
            self.offices_of[fact.holder].append(fact)
        elif isinstance(fact, EventFact):
            self.events[fact.event].append(fact)
            if fact.series is not None:
                self.series[fact.series].append(fact)
        elif isinstance(fact, CompleteFact):
            self.completeness[(fact.group, fact.of)].append(fact)
        elif isinstance(fact, CountFact):
            self.counts[(fact.group, fact.of)].append(fact)
        elif isinstance(fact, PropertyFact):
            self.properties[(fact.subject, fact.property)].append(fact)
        elif isinstance(fact, StatementFact):
            self.statements[fact.subject].append(fact)
            self.statements[fact.object].append(fact)
        else:
            self.relations[(fact.subject, fact.predicate, fact.object)].append(fact)
            self.by_predicate_object[(fact.predicate, fact.object)].append(fact)
            self.by_subject[fact.subject].append(fact)

    def finish(self) -> None:
        """Sort what queries return in date order, ties by id: deterministic everywhere."""
        self._forget()
        for by_event in (self.series, self.events):
            for events in by_event.values():
                events.sort(key=lambda e: (e.date.sort_key(), e.id))
        for table in (self.memberships, self.tenures, self.groups_of, self.offices_of):
            for facts in table.values():
                facts.sort(key=_interval_key)
        for said in self.properties.values():
            said.sort(key=_interval_key)
        for stated in self.statements.values():
            stated.sort(key=_interval_key)
        for complete in self.completeness.values():
            complete.sort(key=lambda f: (f.start.start, f.id))
        for counted in self.counts.values():
            counted.sort(key=lambda f: (f.start.start, f.id))

    def truth(self, fact: Lasting | CompleteFact | CountFact, on: PartialDate) -> Tri:
        """Whether ``fact`` holds on every day of ``on``: its dates (`holds_on`), and for an
        open end, its horizon. A permanent fact holds at every date; an open-ended one is
        "yes" only up to the date the KB was verified, "maybe" after it (or at any date after
        its start when nothing dates it at all)."""
        if isinstance(fact, Lasting) and fact.permanent:
            return Tri.YES
        truth = holds_on(fact.start, fact.end, on)
        if truth is Tri.YES and fact.end_unknown:
            return Tri.MAYBE
        if truth is Tri.YES and fact.end is None:
            until = self.horizon(fact)
            if until is None or until.end < on.end:
                return Tri.MAYBE
        return truth

    def truth_some_day(self, fact: Lasting, on: PartialDate) -> Tri:
        """Whether ``fact`` held for certain on at least one day of ``on`` ("Australia was in
        the Quad in 2008": it was, until February). For one member, holder or relation; a
        count or a complete list counts only what held on every day (`truth`)."""
        truth = self.truth(fact, on)
        if truth is not Tri.MAYBE or fact.start is None:
            return truth
        if fact.end_unknown:  # it held on its start day, wherever in `start` that fell
            sure = on.start <= fact.start.start and fact.start.end <= on.end
            return Tri.YES if sure and fact.status == "accepted" else truth
        first = fact.start.end  # every start the partial date allows has come by then
        if fact.end is not None:
            last = fact.end.start - datetime.timedelta(days=1)  # the end day is "maybe"
        else:
            until = self.horizon(fact)
            if until is None:
                return truth
            last = until.end
        return Tri.YES if first <= on.end and on.start <= last and first <= last else truth

    def why_open(self, fact: Lasting, on: PartialDate) -> str | None:
        """Why a fact that is not disputed leaves ``on`` open, for the explanation; None when
        its dates are too loose to tell."""
        if fact.permanent:
            return None
        if fact.start is None and not (fact.end is not None and fact.end.end < on.start):
            return "the knowledge base does not say when it began"
        if fact.end_unknown and holds_on(fact.start, None, on) is Tri.YES:
            return "the knowledge base says it ended, but not when"
        if fact.end is None and holds_on(fact.start, fact.end, on) is Tri.YES:
            until = self.horizon(fact)
            if until is None:
                return "the knowledge base does not say up to when it was verified"
            return f"the knowledge base was last verified on {until.human()}"
        return None

    def window(self, group: str, of: str, on: PartialDate) -> CompleteFact | None:
        """The `complete` fact that says the KB lists all of the group's members (or the
        series' events) on ``on``, if one covers it for certain."""
        for fact in self.completeness.get((group, of), ()):
            if fact.status == "accepted" and self.truth(fact, on) is Tri.YES:
                return fact
        return None

    def sourced_count(self, group: str, of: str, on: PartialDate) -> CountFact | None:
        """A sourced number of the group's members (or events) that holds on ``on``."""
        for fact in self.counts.get((group, of), ()):
            if fact.status == "accepted" and self.truth(fact, on) is Tri.YES:
                return fact
        return None

    def _on(self, facts: Iterable[_F], on: PartialDate) -> tuple[tuple[_F, Tri], ...]:
        out: list[tuple[_F, Tri]] = []
        for fact in facts:
            truth = self.truth(fact, on)
            if truth is not Tri.NO:
                out.append((fact, truth))
        return tuple(out)

    def horizon(self, fact: Fact) -> PartialDate | None:
        """The last date the KB vouches for ``fact``: an open end is known only up to it.

        The fact's own `verified`, else its file's, else the newest date its sources were
        read or published; None when nothing dates it at all.
        """
        if fact.verified is not None:
            return fact.verified
        where = self.origin.get(fact.id)
        file_date = self.verified.get(where[0]) if where is not None else None
        if file_date is not None:
            return file_date
        dated = [d for s in fact.sources for d in (s.accessed, s.published) if d is not None]
        return max(dated, key=lambda d: (d.end, d.start)) if dated else None

    # -- looking up ---------------------------------------------------------------------------

    def entity(self, entity_id: str) -> Entity | None:
        """An entity by id, or by a name or alias that only one entity has."""
        resolved = self.resolve(entity_id)
        return self.entities.get(resolved) if resolved is not None else None

    def resolve(self, ref: str) -> str | None:
        """The id a reference stands for: the id itself, or a unique name or alias."""
        if ref in self.records:
            return ref
        ids = self.names.get(fold(ref))
        if ids is not None and len(ids) == 1:
            return next(iter(ids))
        return None

    def name(self, entity_id: str) -> str:
        record = self.records.get(entity_id)
        return record.name if record is not None else entity_id

    # -- time-scoped queries ------------------------------------------------------------------

    def members_on(self, group: str, on: PartialDate) -> list[tuple[MembershipFact, Tri]]:
        """Membership facts of ``group`` that may hold on ``on``, in date order."""
        found = self._members_on.get((group, on))
        if found is None:
            found = self._on(self.memberships.get(group, ()), on)
            remember(self._members_on, (group, on), found)
        return list(found)

    def roster(self, group: str, on: PartialDate) -> Roster[MembershipFact]:
        """The group's members on ``on``, sure and open, worked out once per (group, date).

        Every claim about a group on a date reads the same roster: judging stays linear in
        claims plus KB size, not their product.
        """
        found = self._rosters.get((group, on))
        if found is None:
            found = _roster(self.members_on(group, on), lambda f: f.member)
            remember(self._rosters, (group, on), found)
        return found

    def office_roster(self, office: str, on: PartialDate) -> Roster[TenureFact]:
        """The office's holders on ``on``, sure and open, once per (office, date)."""
        found = self._benches.get((office, on))
        if found is None:
            found = _roster(self.holders_on(office, on), lambda f: f.holder)
            remember(self._benches, (office, on), found)
        return found

    def subjects_on(self, predicate: str, obj: str, on: PartialDate) -> tuple[RelationFact, ...]:
        """Accepted facts that certainly hold on ``on`` with ``predicate`` on ``obj`` (who
        administers or claims a place), once per (predicate, object, date)."""
        key = (predicate, obj, on)
        found = self._subjects.get(key)
        if found is None:
            found = tuple(
                f
                for f in self.by_predicate_object.get((predicate, obj), ())
                if f.status == "accepted" and self.truth(f, on) is Tri.YES
            )
            remember(self._subjects, key, found)
        return found

    def event_tally(self, series: str, until: PartialDate) -> EventTally:
        """The events of ``series`` by the end of ``until``, sure and open, worked out once
        per (series, date), like a group's roster."""
        found = self._tallies.get((series, until))
        if found is None:
            sure: dict[str, EventFact] = {}
            open_: dict[str, EventFact] = {}
            for event, truth in self.events_until(series, until):
                yes = truth is Tri.YES and event.status == "accepted"
                (sure if yes else open_).setdefault(event.event, event)
            found = EventTally(sure, open_)
            remember(self._tallies, (series, until), found)
        return found

    def cite(self, fact: Fact) -> str:
        """A deciding fact as a message names it: "fact uk-eu, source https://..."."""
        sources = self.evidence(fact).sources
        text = f"fact {fact.id}"
        if sources:
            text += f", source {sources[0]}"
            if sources[0].url and sources[0].accessed:  # an address says when it said so
                text += f" (retrieved {sources[0].accessed})"
        if len(sources) > 1:
            text += f" and {len(sources) - 1} more"
        return text

    def holders_on(self, office: str, on: PartialDate) -> list[tuple[TenureFact, Tri]]:
        found = self._holders_on.get((office, on))
        if found is None:
            found = self._on(self.tenures.get(office, ()), on)
            remember(self._holders_on, (office, on), found)
        return list(found)

    def events_until(
        self, series: str, until: PartialDate | None = None
    ) -> list[tuple[EventFact, Tri]]:
        """Events of ``series`` that happened by the end of ``until`` (all when None).

        One entry per event, its earliest fact: an event two facts date differently is
        "maybe" unless both dates are by ``until``.
        """
        found = self._events_until.get((series, until))
        if found is None:
            truths: dict[str, tuple[EventFact, set[Tri]]] = {}
            last = until.end if until is not None else None
            for event in self.series.get(series, ()):
                if last is None or event.date.end <= last:
                    truth = Tri.YES
                elif event.date.start <= last:
                    truth = Tri.MAYBE
                else:
                    truth = Tri.NO
                first, seen = truths.setdefault(event.event, (event, set()))
                seen.add(truth)
            out = []
            for first, seen in truths.values():
                if seen == {Tri.YES}:
                    out.append((first, Tri.YES))
                elif seen != {Tri.NO}:
                    out.append((first, Tri.MAYBE))
            found = tuple(out)
            remember(self._events_until, (series, until), found)
        return list(found)

    def _forget(self) -> None:
        """Drop the answers: the facts changed."""
        self._members_on.clear()
        self._holders_on.clear()
        self._events_until.clear()
        self._rosters.clear()
        self._benches.clear()
        self._subjects.clear()
        self._tallies.clear()

    def property_facts(self, subject: str, prop: str) -> list[PropertyFact]:
        """What the KB says about ``subject`` having ``prop``, in start order."""
        return list(self.properties.get((subject, prop), ()))

    def relation_facts(self, subject: str, predicate: str, obj: str) -> list[RelationFact]:
        found = list(self.relations.get((subject, predicate, obj), ()))
        if predicate in SYMMETRIC:
            found += self.relations.get((obj, predicate, subject), ())
        return found

    def containers(self, place: str) -> list[tuple[str, RelationFact]]:
        """The places ``place`` lies in, nearest first, following accepted facts only."""
        out: list[tuple[str, RelationFact]] = []
        seen = {place}
        frontier = [place]
        for _ in range(_MAX_CONTAINMENT_DEPTH):
            nxt = []
            for p in frontier:
                for fact in self.by_subject.get(p, ()):
                    usable = fact.predicate in CONTAINMENT and fact.status == "accepted"
                    if usable and fact.object not in seen:
                        seen.add(fact.object)
                        out.append((fact.object, fact))
                        nxt.append(fact.object)
            if not nxt:
                break
            frontier = nxt
        return out

    def facts_about(self, entity_id: str) -> list[Fact]:
        """Every fact that names ``entity_id`` in its key role, for `claimcheck kb entity`."""
        found: list[Fact] = []
        found += self.memberships.get(entity_id, ())
        found += self.groups_of.get(entity_id, ())
        found += self.tenures.get(entity_id, ())
        found += self.offices_of.get(entity_id, ())
        found += self.series.get(entity_id, ())
        found += self.events.get(entity_id, ())
        found += self.by_subject.get(entity_id, ())
        found += self.statements.get(entity_id, ())
        for (subject, _), said in sorted(self.properties.items()):
            if subject == entity_id:
                found += said
        for of in ("members", "events"):
            found += self.completeness.get((entity_id, of), ())
            found += self.counts.get((entity_id, of), ())
        for (_, obj), facts in sorted(self.by_predicate_object.items()):
            if obj == entity_id:
                found += facts
        unique = {f.id: f for f in found}
        return [unique[k] for k in sorted(unique)]

    # -- describing facts ----------------------------------------------------------------------

    def statement(self, fact: Fact) -> str:
        """One readable sentence for a fact, as evidence in a report."""
        n = self.name
        if isinstance(fact, MembershipFact):
            return f"{n(fact.member)} is a member of {n(fact.group)}{_span(fact)}"
        if isinstance(fact, TenureFact):
            return f"{n(fact.holder)} holds the office of {n(fact.office)}{_span(fact)}"
        if isinstance(fact, EventFact):
            text = f"{n(fact.event)}: {fact.date.human()}"
            if fact.place:
                text += f", in {n(fact.place)}"
            if fact.series and fact.ordinal:
                text += f"; number {fact.ordinal} of {n(fact.series)}"
            return text
        if isinstance(fact, CompleteFact):
            return f"the knowledge base lists all the {fact.of} of {n(fact.group)}{_span(fact)}"
        if isinstance(fact, CountFact):
            return f"{n(fact.group)} has {fact.count} {fact.of}{_span(fact)}"
        if isinstance(fact, PropertyFact):
            is_ = "is" if fact.holds else "is not"
            return f"{n(fact.subject)} {is_} {fact.property}{_span(fact)}"
        if isinstance(fact, StatementFact):
            return f"{n(fact.subject)} {fact.property} {n(fact.object)}{_span(fact)}"
        verb = fact.predicate.replace("_", " ")
        obj = n(fact.object) + (f" {fact.name!r}" if fact.name else "")
        return f"{n(fact.subject)} {verb} {obj}{_span(fact)}"


@dataclass(frozen=True)
class Roster(Generic[_F]):
    """A group's members (or an office's holders) on one date: those the KB is sure of
    (accepted, certain dates), and those it leaves open (disputed, of unknown start, or dated
    too loosely to tell), each with its first fact."""

    sure: dict[str, _F]
    open: dict[str, _F]


def _roster(facts: list[tuple[_F, Tri]], who: Callable[[_F], str]) -> Roster[_F]:
    sure: dict[str, _F] = {}
    open_: dict[str, _F] = {}
    for fact, truth in facts:
        if truth is Tri.YES and fact.status == "accepted":
            sure.setdefault(who(fact), fact)
    for fact, _ in facts:
        if who(fact) not in sure:
            open_.setdefault(who(fact), fact)
    return Roster(sure, open_)


@dataclass(frozen=True)
class EventTally:
    """A series' events by a date: those the KB is sure of, and those it leaves open."""

    sure: dict[str, EventFact]
    open: dict[str, EventFact]


def _interval_key(
    fact: MembershipFact | TenureFact | PropertyFact | StatementFact,
) -> tuple[bool, datetime.date, str]:
    """Start order, ties by id; a fact whose start is unknown comes first (an order for
    output only: an unknown start is never taken as "long ago" for a verdict)."""
    if fact.start is None:
        return (False, datetime.date.min, fact.id)
    return (True, fact.start.start, fact.id)


_K = TypeVar("_K")
_V = TypeVar("_V")


def remember(store: dict[_K, _V], key: _K, answer: _V) -> None:
    """Keep an answer for the next claim that asks: a bounded store, never an archive's."""
    if len(store) >= _MAX_ANSWERS:
        store.clear()
    store[key] = answer


def _span(fact: Lasting | CompleteFact | CountFact | StatementFact) -> str:
    if fact.end_unknown:
        since = f" from {fact.start.human()}" if fact.start is not None else ""
        return f"{since} until an unknown date"
    if fact.start is not None and fact.end is not None:
        return f" from {fact.start.human()} until {fact.end.human()}"
    if fact.start is not None:
        return f" from {fact.start.human()}"
    if fact.end is not None:
        return f" until {fact.end.human()}"
    return ""


# -- loading ------------------------------------------------------------------------------


def redefined(entity_id: str, first: str) -> str:
    """The problem of an entity that a second KB file declares otherwise (`build`, and the
    compiled store in `kb.db`, say it alike)."""
    return (
        f"entity '{entity_id}' is already defined in {first}, "
        "differently: declare it the same way in every file, or in one"
    )


def build(files: list[tuple[str, Document, KBFile]]) -> tuple[KnowledgeBase, list[Reference]]:
    """Merge KB files; return the KB and the problems (duplicate ids, unknown entities)."""
    kb = KnowledgeBase()
    problems: list[Reference] = []
    entity_seen: dict[str, str] = {}
    declared: dict[str, object] = {}  # each entity as its first file wrote it
    for shown, doc, model in files:
        kb.files.append(shown)
        kb.verified[shown] = model.verified
        for entity_id, record in model.entities.items():
            written = doc.data["entities"][entity_id]
            if entity_id in entity_seen and declared[entity_id] == written:
                continue  # topic files that each declare a shared entity, word for word
            if entity_id in entity_seen:
                problems.append(
                    Reference(
                        shown,
                        doc,
                        ("entities", entity_id),
                        redefined(entity_id, entity_seen[entity_id]),
                        key=True,
                    )
                )
                continue
            entity_seen[entity_id] = shown
            declared[entity_id] = written
            kb.add_entity(entity_id, record)
    for shown, doc, model in files:
        for i, fact in enumerate(model.facts):
            pointer: Pointer = ("facts", i)
            if fact.id in kb.facts:
                other = kb.origin[fact.id]
                problems.append(
                    Reference(
                        shown,
                        doc,
                        (*pointer, "id"),
                        f"fact id '{fact.id}' is already used at {other[0]}:{other[1]}:{other[2]}",
                    )
                )
                continue
            problems.extend(_unknown_refs(kb, shown, doc, pointer, fact))
            line, col = doc.position(pointer)
            kb.add_fact(fact, (shown, line, col))
    for shown, doc, model in files:
        for entity_id, record in model.entities.items():
            for a, alias in enumerate(record.aliases):
                for u, user in enumerate(alias.used_by):
                    if user not in kb.records:
                        ptr = ("entities", entity_id, "aliases", a, "used_by", u)
                        problems.append(Reference(shown, doc, ptr, _unknown(user)))
    kb.finish()
    return kb, problems


@dataclass(frozen=True)
class Reference:
    """A KB problem found after validation, at the pointer that caused it."""

    path: str
    document: Document
    pointer: Pointer
    message: str
    key: bool = False


def _unknown(ref: str) -> str:
    return f"unknown entity '{ref}': define it under `entities` in a KB file"


def _unknown_refs(
    kb: KnowledgeBase, shown: str, doc: Document, pointer: Pointer, fact: Fact
) -> list[Reference]:
    refs: list[tuple[str, str | int | None, str | None]] = []
    if isinstance(fact, MembershipFact):
        refs = [("group", None, fact.group), ("member", None, fact.member)]
    elif isinstance(fact, TenureFact):
        refs = [("office", None, fact.office), ("holder", None, fact.holder)]
    elif isinstance(fact, EventFact):
        refs = [("event", None, fact.event), ("place", None, fact.place)]
        refs += [("series", None, fact.series)]
        refs += [("participants", i, p) for i, p in enumerate(fact.participants)]
    elif isinstance(fact, CompleteFact | CountFact):
        refs = [("group", None, fact.group)]
    elif isinstance(fact, PropertyFact):
        refs = [("subject", None, fact.subject)]
    elif isinstance(fact, StatementFact):
        refs = [("subject", None, fact.subject), ("object", None, fact.object)]
    else:
        refs = [("subject", None, fact.subject), ("object", None, fact.object)]
    out = []
    for key, index, ref in refs:
        if ref is not None and ref not in kb.records:
            ptr = (*pointer, key) if index is None else (*pointer, key, index)
            out.append(Reference(shown, doc, ptr, _unknown(ref)))
    return out
