"""GENERATED from models.py and kb_models.py: `python -m claimcheck.formats.recordgen`.

Light records for the rules, and validators that accept exactly what the pydantic models
accept, on the plain data the loader builds (dict, list, str, int, float, bool, None).
``claim_file`` and ``kb_file`` return None for a document the schema refuses: the caller then
asks pydantic for the detailed errors, so a valid file is checked without importing pydantic.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar, Literal, TypeVar

from claimcheck.core.dates import PartialDate
from claimcheck.formats.model_checks import (
    disputed_without_note,
    end_before_start,
    end_twice,
    permanent_dated,
)

SCHEMA_ID = "https://claimcheck.dev/schema/claims-v1.json"
KB_SCHEMA_ID = "https://claimcheck.dev/schema/kb-v1.json"

EntityKind = Literal[
    "country",
    "organisation",
    "person",
    "place",
    "office",
    "series",
    "event",
    "agreement",
    "group",
    "other",
]
Predicate = Literal[
    "administers",
    "claims",
    "calls",
    "lies_in",
    "borders",
    "disputes_territory_with",
    "invaded",
    "party_to",
    "located_in",
]
Property = Literal["uninhabited", "landlocked", "island", "disbanded"]
Status = Literal["accepted", "disputed"]
Weekday = Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_PATTERN_1 = re.compile("Q[0-9]+\\Z").match
_PATTERN_2 = re.compile("https?://\\S+\\Z").match
_PATTERN_3 = re.compile("CC[0-9]{3}\\Z").match
_PATTERN_4 = re.compile("P[0-9]+\\Z").match
_ENTITY_KIND = {
    "country",
    "organisation",
    "person",
    "place",
    "office",
    "series",
    "event",
    "agreement",
    "group",
    "other",
}
_WEEKDAY = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
_OPTIONS_1 = {"members", "events"}
_PREDICATE = {
    "administers",
    "claims",
    "calls",
    "lies_in",
    "borders",
    "disputes_territory_with",
    "invaded",
    "party_to",
    "located_in",
}
_PROPERTY = {"uninhabited", "landlocked", "island", "disbanded"}
_STATUS = {"accepted", "disputed"}


class _SchemaError(ValueError):
    """The document breaks the schema somewhere; pydantic says where."""


class _Record:
    __slots__: tuple[str, ...] = ()

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and all(
            getattr(self, name) == getattr(other, name) for name in self.__slots__
        )

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, name) for name in self.__slots__))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


_R = TypeVar("_R", bound=_Record)


def replace(record: _R, **changes: Any) -> _R:
    """A copy of ``record`` with some fields changed (records are never changed in place)."""
    values = {name: getattr(record, name) for name in record.__slots__}
    return type(record)(**{**values, **changes})


# An archive repeats its dates ("accessed: 2026-11"): parse each once. Dates are immutable.
_DATES: dict[str, PartialDate] = {}
_new = object.__new__  # the validators fill records' slots without __init__'s keywords


def _date(value: Any) -> PartialDate:
    if type(value) is str:
        found = _DATES.get(value)
        if found is None:
            found = PartialDate.parse(value)
            if len(_DATES) >= 100_000:
                _DATES.clear()
            _DATES[value] = found
        return found
    if isinstance(value, PartialDate):
        return value
    raise _SchemaError


class ClaimFile(_Record):
    """One article and the checkable statements it makes."""

    __slots__ = ("article", "claims", "entities")
    claimcheck: ClassVar[Literal[1]] = 1
    article: Article
    entities: dict[str, Entity]
    claims: list[Claim]

    def __init__(
        self,
        *,
        article: Article,
        entities: dict[str, Entity] | None = None,
        claims: list[Claim] | None = None,
    ) -> None:
        self.article = article
        self.entities = {} if entities is None else entities
        self.claims = [] if claims is None else claims


class Article(_Record):
    __slots__ = ("id", "notes", "published", "publisher", "text", "title", "url")
    id: str
    title: str
    publisher: str
    published: PartialDate
    url: str | None
    text: str
    notes: str | None

    def __init__(
        self,
        *,
        id: str,
        title: str,
        publisher: str,
        published: PartialDate,
        url: str | None = None,
        text: str,
        notes: str | None = None,
    ) -> None:
        self.id = id
        self.title = title
        self.publisher = publisher
        self.published = published
        self.url = url
        self.text = text
        self.notes = notes


class Entity(_Record):
    __slots__ = ("aliases", "kind", "name", "wikidata")
    name: str
    kind: EntityKind
    aliases: list[str]
    wikidata: str | None

    def __init__(
        self,
        *,
        name: str,
        kind: EntityKind,
        aliases: list[str] | None = None,
        wikidata: str | None = None,
    ) -> None:
        self.name = name
        self.kind = kind
        self.aliases = [] if aliases is None else aliases
        self.wikidata = wikidata


class MembershipClaim(_Record):
    """A group and members: "comprising" presents the list as complete, "including" as partial."""

    __slots__ = (
        "at",
        "checked_by",
        "checked_on",
        "complete",
        "draft",
        "founding",
        "group",
        "id",
        "members",
        "notes",
        "quote",
        "sources",
        "suppress",
    )
    kind: ClassVar[Literal["membership"]] = "membership"
    id: str
    quote: str
    sources: list[Source]
    notes: str | None
    suppress: list[Suppression]
    checked_by: str | None
    checked_on: PartialDate | None
    draft: bool
    group: str
    members: list[str]
    complete: bool
    at: PartialDate | None
    founding: bool

    def __init__(
        self,
        *,
        id: str,
        quote: str,
        sources: list[Source] | None = None,
        notes: str | None = None,
        suppress: list[Suppression] | None = None,
        checked_by: str | None = None,
        checked_on: PartialDate | None = None,
        draft: bool = False,
        group: str,
        members: list[str],
        complete: bool,
        at: PartialDate | None = None,
        founding: bool = False,
    ) -> None:
        self.id = id
        self.quote = quote
        self.sources = [] if sources is None else sources
        self.notes = notes
        self.suppress = [] if suppress is None else suppress
        self.checked_by = checked_by
        self.checked_on = checked_on
        self.draft = draft
        self.group = group
        self.members = members
        self.complete = complete
        self.at = at
        self.founding = founding


class Source(_Record):
    """Where a fact-checker found that a claim is right or wrong."""

    __slots__ = (
        "accessed",
        "archive",
        "citation",
        "published",
        "publisher",
        "quote",
        "title",
        "url",
    )
    url: str | None
    title: str | None
    publisher: str | None
    published: PartialDate | None
    accessed: PartialDate | None
    quote: str | None
    archive: str | None
    citation: str | None

    def __init__(
        self,
        *,
        url: str | None = None,
        title: str | None = None,
        publisher: str | None = None,
        published: PartialDate | None = None,
        accessed: PartialDate | None = None,
        quote: str | None = None,
        archive: str | None = None,
        citation: str | None = None,
    ) -> None:
        self.url = url
        self.title = title
        self.publisher = publisher
        self.published = published
        self.accessed = accessed
        self.quote = quote
        self.archive = archive
        self.citation = citation


class Suppression(_Record):
    """Switch one rule off for one claim: only with a written reason, shown in every report."""

    __slots__ = ("reason", "rule")
    rule: str
    reason: str

    def __init__(self, *, rule: str, reason: str) -> None:
        self.rule = rule
        self.reason = reason


class EventClaim(_Record):
    __slots__ = (
        "checked_by",
        "checked_on",
        "date",
        "draft",
        "event",
        "hosts",
        "id",
        "notes",
        "ordinal",
        "participants",
        "place",
        "quote",
        "relative",
        "series",
        "sources",
        "suppress",
        "weekday",
        "what",
    )
    kind: ClassVar[Literal["event"]] = "event"
    id: str
    quote: str
    sources: list[Source]
    notes: str | None
    suppress: list[Suppression]
    checked_by: str | None
    checked_on: PartialDate | None
    draft: bool
    event: str
    what: str
    date: PartialDate | None
    weekday: Weekday | None
    relative: bool
    place: str | None
    participants: list[str]
    hosts: list[str]
    series: str | None
    ordinal: int | None

    def __init__(
        self,
        *,
        id: str,
        quote: str,
        sources: list[Source] | None = None,
        notes: str | None = None,
        suppress: list[Suppression] | None = None,
        checked_by: str | None = None,
        checked_on: PartialDate | None = None,
        draft: bool = False,
        event: str,
        what: str,
        date: PartialDate | None = None,
        weekday: Weekday | None = None,
        relative: bool = False,
        place: str | None = None,
        participants: list[str] | None = None,
        hosts: list[str] | None = None,
        series: str | None = None,
        ordinal: int | None = None,
    ) -> None:
        self.id = id
        self.quote = quote
        self.sources = [] if sources is None else sources
        self.notes = notes
        self.suppress = [] if suppress is None else suppress
        self.checked_by = checked_by
        self.checked_on = checked_on
        self.draft = draft
        self.event = event
        self.what = what
        self.date = date
        self.weekday = weekday
        self.relative = relative
        self.place = place
        self.participants = [] if participants is None else participants
        self.hosts = [] if hosts is None else hosts
        self.series = series
        self.ordinal = ordinal


class CountClaim(_Record):
    """How many members a group has, or events a series has, at a time."""

    __slots__ = (
        "at",
        "checked_by",
        "checked_on",
        "count",
        "draft",
        "founding",
        "group",
        "id",
        "notes",
        "of",
        "quote",
        "sources",
        "suppress",
    )
    kind: ClassVar[Literal["count"]] = "count"
    id: str
    quote: str
    sources: list[Source]
    notes: str | None
    suppress: list[Suppression]
    checked_by: str | None
    checked_on: PartialDate | None
    draft: bool
    of: Literal["members", "events"]
    group: str
    count: int
    at: PartialDate | None
    founding: bool

    def __init__(
        self,
        *,
        id: str,
        quote: str,
        sources: list[Source] | None = None,
        notes: str | None = None,
        suppress: list[Suppression] | None = None,
        checked_by: str | None = None,
        checked_on: PartialDate | None = None,
        draft: bool = False,
        of: Literal["members", "events"],
        group: str,
        count: int,
        at: PartialDate | None = None,
        founding: bool = False,
    ) -> None:
        self.id = id
        self.quote = quote
        self.sources = [] if sources is None else sources
        self.notes = notes
        self.suppress = [] if suppress is None else suppress
        self.checked_by = checked_by
        self.checked_on = checked_on
        self.draft = draft
        self.of = of
        self.group = group
        self.count = count
        self.at = at
        self.founding = founding


class OfficeClaim(_Record):
    __slots__ = (
        "at",
        "checked_by",
        "checked_on",
        "draft",
        "former",
        "holder",
        "id",
        "notes",
        "office",
        "quote",
        "since",
        "sources",
        "suppress",
    )
    kind: ClassVar[Literal["office"]] = "office"
    id: str
    quote: str
    sources: list[Source]
    notes: str | None
    suppress: list[Suppression]
    checked_by: str | None
    checked_on: PartialDate | None
    draft: bool
    office: str
    holder: str
    at: PartialDate | None
    since: PartialDate | None
    former: bool

    def __init__(
        self,
        *,
        id: str,
        quote: str,
        sources: list[Source] | None = None,
        notes: str | None = None,
        suppress: list[Suppression] | None = None,
        checked_by: str | None = None,
        checked_on: PartialDate | None = None,
        draft: bool = False,
        office: str,
        holder: str,
        at: PartialDate | None = None,
        since: PartialDate | None = None,
        former: bool = False,
    ) -> None:
        self.id = id
        self.quote = quote
        self.sources = [] if sources is None else sources
        self.notes = notes
        self.suppress = [] if suppress is None else suppress
        self.checked_by = checked_by
        self.checked_on = checked_on
        self.draft = draft
        self.office = office
        self.holder = holder
        self.at = at
        self.since = since
        self.former = former


class RelationClaim(_Record):
    """Subject, predicate, object: "claimed by Beijing" is china claims senkaku."""

    __slots__ = (
        "at",
        "checked_by",
        "checked_on",
        "draft",
        "id",
        "name",
        "notes",
        "object",
        "partial",
        "predicate",
        "quote",
        "sources",
        "subject",
        "suppress",
    )
    kind: ClassVar[Literal["relation"]] = "relation"
    id: str
    quote: str
    sources: list[Source]
    notes: str | None
    suppress: list[Suppression]
    checked_by: str | None
    checked_on: PartialDate | None
    draft: bool
    subject: str
    predicate: Predicate
    object: str
    name: str | None
    at: PartialDate | None
    partial: bool

    def __init__(
        self,
        *,
        id: str,
        quote: str,
        sources: list[Source] | None = None,
        notes: str | None = None,
        suppress: list[Suppression] | None = None,
        checked_by: str | None = None,
        checked_on: PartialDate | None = None,
        draft: bool = False,
        subject: str,
        predicate: Predicate,
        object: str,
        name: str | None = None,
        at: PartialDate | None = None,
        partial: bool = False,
    ) -> None:
        self.id = id
        self.quote = quote
        self.sources = [] if sources is None else sources
        self.notes = notes
        self.suppress = [] if suppress is None else suppress
        self.checked_by = checked_by
        self.checked_on = checked_on
        self.draft = draft
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.name = name
        self.at = at
        self.partial = partial


class PropertyClaim(_Record):
    """A property the article gives an entity: "a group of uninhabited islets"."""

    __slots__ = (
        "at",
        "checked_by",
        "checked_on",
        "draft",
        "id",
        "notes",
        "property",
        "quote",
        "sources",
        "subject",
        "suppress",
    )
    kind: ClassVar[Literal["property"]] = "property"
    id: str
    quote: str
    sources: list[Source]
    notes: str | None
    suppress: list[Suppression]
    checked_by: str | None
    checked_on: PartialDate | None
    draft: bool
    subject: str
    property: Property
    at: PartialDate | None

    def __init__(
        self,
        *,
        id: str,
        quote: str,
        sources: list[Source] | None = None,
        notes: str | None = None,
        suppress: list[Suppression] | None = None,
        checked_by: str | None = None,
        checked_on: PartialDate | None = None,
        draft: bool = False,
        subject: str,
        property: Property,
        at: PartialDate | None = None,
    ) -> None:
        self.id = id
        self.quote = quote
        self.sources = [] if sources is None else sources
        self.notes = notes
        self.suppress = [] if suppress is None else suppress
        self.checked_by = checked_by
        self.checked_on = checked_on
        self.draft = draft
        self.subject = subject
        self.property = property
        self.at = at


class KBFile(_Record):
    """One file of the reference knowledge base."""

    __slots__ = ("entities", "facts", "imported", "verified")
    claimcheck_kb: ClassVar[Literal[1]] = 1
    verified: PartialDate | None
    imported: Imported | None
    entities: dict[str, KBEntity]
    facts: list[Fact]

    def __init__(
        self,
        *,
        verified: PartialDate | None = None,
        imported: Imported | None = None,
        entities: dict[str, KBEntity] | None = None,
        facts: list[Fact] | None = None,
    ) -> None:
        self.verified = verified
        self.imported = imported
        self.entities = {} if entities is None else entities
        self.facts = [] if facts is None else facts


class Imported(_Record):
    """Where an imported file's facts came from and when: its data is vouched for up to
    `data_as_of`, which is also the file's `verified` date."""

    __slots__ = ("data_as_of", "made", "sources", "tool")
    tool: str
    made: PartialDate
    sources: list[str]
    data_as_of: PartialDate | None

    def __init__(
        self,
        *,
        tool: str,
        made: PartialDate,
        sources: list[str],
        data_as_of: PartialDate | None = None,
    ) -> None:
        self.tool = tool
        self.made = made
        self.sources = sources
        self.data_as_of = data_as_of


class KBEntity(_Record):
    __slots__ = ("aliases", "kind", "name", "notes", "wikidata")
    name: str
    kind: EntityKind
    aliases: list[Alias]
    wikidata: str | None
    notes: str | None

    def __init__(
        self,
        *,
        name: str,
        kind: EntityKind,
        aliases: list[Alias] | None = None,
        wikidata: str | None = None,
        notes: str | None = None,
    ) -> None:
        self.name = name
        self.kind = kind
        self.aliases = [] if aliases is None else aliases
        self.wikidata = wikidata
        self.notes = notes


class Alias(_Record):
    """Another name for an entity, and who uses it: Beijing calls the Senkaku Islands Diaoyu."""

    __slots__ = ("name", "sources", "used_by")
    name: str
    used_by: list[str]
    sources: list[Source]

    def __init__(
        self, *, name: str, used_by: list[str] | None = None, sources: list[Source] | None = None
    ) -> None:
        self.name = name
        self.used_by = [] if used_by is None else used_by
        self.sources = [] if sources is None else sources


class MembershipFact(_Record):
    """A member joined a group (start) and maybe left it (end)."""

    __slots__ = (
        "end",
        "end_unknown",
        "group",
        "id",
        "member",
        "note",
        "permanent",
        "sources",
        "start",
        "status",
        "unsourced",
        "verified",
    )
    kind: ClassVar[Literal["membership"]] = "membership"
    id: str
    sources: list[Source]
    status: Status
    note: str | None
    verified: PartialDate | None
    unsourced: bool
    start: PartialDate | None
    end: PartialDate | None
    end_unknown: bool
    permanent: bool
    group: str
    member: str

    def __init__(
        self,
        *,
        id: str,
        sources: list[Source],
        status: Status = "accepted",
        note: str | None = None,
        verified: PartialDate | None = None,
        unsourced: bool = False,
        start: PartialDate | None = None,
        end: PartialDate | None = None,
        end_unknown: bool = False,
        permanent: bool = False,
        group: str,
        member: str,
    ) -> None:
        self.id = id
        self.sources = sources
        self.status = status
        self.note = note
        self.verified = verified
        self.unsourced = unsourced
        self.start = start
        self.end = end
        self.end_unknown = end_unknown
        self.permanent = permanent
        self.group = group
        self.member = member


class TenureFact(_Record):
    """Someone held an office from start until end (the successor's first day)."""

    __slots__ = (
        "end",
        "end_unknown",
        "holder",
        "id",
        "note",
        "office",
        "permanent",
        "sources",
        "start",
        "status",
        "unsourced",
        "verified",
    )
    kind: ClassVar[Literal["tenure"]] = "tenure"
    id: str
    sources: list[Source]
    status: Status
    note: str | None
    verified: PartialDate | None
    unsourced: bool
    start: PartialDate | None
    end: PartialDate | None
    end_unknown: bool
    permanent: bool
    office: str
    holder: str

    def __init__(
        self,
        *,
        id: str,
        sources: list[Source],
        status: Status = "accepted",
        note: str | None = None,
        verified: PartialDate | None = None,
        unsourced: bool = False,
        start: PartialDate | None = None,
        end: PartialDate | None = None,
        end_unknown: bool = False,
        permanent: bool = False,
        office: str,
        holder: str,
    ) -> None:
        self.id = id
        self.sources = sources
        self.status = status
        self.note = note
        self.verified = verified
        self.unsourced = unsourced
        self.start = start
        self.end = end
        self.end_unknown = end_unknown
        self.permanent = permanent
        self.office = office
        self.holder = holder


class EventFact(_Record):
    """A dated event, optionally the n-th of a series."""

    __slots__ = (
        "date",
        "event",
        "id",
        "note",
        "ordinal",
        "participants",
        "place",
        "series",
        "sources",
        "status",
        "unsourced",
        "verified",
    )
    kind: ClassVar[Literal["event"]] = "event"
    id: str
    sources: list[Source]
    status: Status
    note: str | None
    verified: PartialDate | None
    unsourced: bool
    event: str
    date: PartialDate
    place: str | None
    participants: list[str]
    series: str | None
    ordinal: int | None

    def __init__(
        self,
        *,
        id: str,
        sources: list[Source],
        status: Status = "accepted",
        note: str | None = None,
        verified: PartialDate | None = None,
        unsourced: bool = False,
        event: str,
        date: PartialDate,
        place: str | None = None,
        participants: list[str] | None = None,
        series: str | None = None,
        ordinal: int | None = None,
    ) -> None:
        self.id = id
        self.sources = sources
        self.status = status
        self.note = note
        self.verified = verified
        self.unsourced = unsourced
        self.event = event
        self.date = date
        self.place = place
        self.participants = [] if participants is None else participants
        self.series = series
        self.ordinal = ordinal


class RelationFact(_Record):
    """Subject, predicate, object, over an interval: japan administers senkaku-islands."""

    __slots__ = (
        "end",
        "end_unknown",
        "id",
        "name",
        "note",
        "object",
        "permanent",
        "predicate",
        "sources",
        "start",
        "status",
        "subject",
        "unsourced",
        "verified",
    )
    kind: ClassVar[Literal["relation"]] = "relation"
    id: str
    sources: list[Source]
    status: Status
    note: str | None
    verified: PartialDate | None
    unsourced: bool
    start: PartialDate | None
    end: PartialDate | None
    end_unknown: bool
    permanent: bool
    subject: str
    predicate: Predicate
    object: str
    name: str | None

    def __init__(
        self,
        *,
        id: str,
        sources: list[Source],
        status: Status = "accepted",
        note: str | None = None,
        verified: PartialDate | None = None,
        unsourced: bool = False,
        start: PartialDate | None = None,
        end: PartialDate | None = None,
        end_unknown: bool = False,
        permanent: bool = False,
        subject: str,
        predicate: Predicate,
        object: str,
        name: str | None = None,
    ) -> None:
        self.id = id
        self.sources = sources
        self.status = status
        self.note = note
        self.verified = verified
        self.unsourced = unsourced
        self.start = start
        self.end = end
        self.end_unknown = end_unknown
        self.permanent = permanent
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.name = name


class CompleteFact(_Record):
    """The KB's facts name the whole membership of a group (or a series' events) in a window.

    Inside it (and up to the horizon when it is open), a member the KB does not record is
    not a member, so a complete list or a count can be refuted there; outside it the KB
    knows only some of the members.
    """

    __slots__ = (
        "end",
        "end_unknown",
        "group",
        "id",
        "note",
        "of",
        "sources",
        "start",
        "status",
        "unsourced",
        "verified",
    )
    kind: ClassVar[Literal["complete"]] = "complete"
    id: str
    sources: list[Source]
    status: Status
    note: str | None
    verified: PartialDate | None
    unsourced: bool
    start: PartialDate
    end: PartialDate | None
    end_unknown: bool
    group: str
    of: Literal["members", "events"]

    def __init__(
        self,
        *,
        id: str,
        sources: list[Source],
        status: Status = "accepted",
        note: str | None = None,
        verified: PartialDate | None = None,
        unsourced: bool = False,
        start: PartialDate,
        end: PartialDate | None = None,
        end_unknown: bool = False,
        group: str,
        of: Literal["members", "events"],
    ) -> None:
        self.id = id
        self.sources = sources
        self.status = status
        self.note = note
        self.verified = verified
        self.unsourced = unsourced
        self.start = start
        self.end = end
        self.end_unknown = end_unknown
        self.group = group
        self.of = of


class CountFact(_Record):
    """A sourced number: "NATO had 32 members from 7 March 2024"."""

    __slots__ = (
        "count",
        "end",
        "end_unknown",
        "group",
        "id",
        "note",
        "of",
        "sources",
        "start",
        "status",
        "unsourced",
        "verified",
    )
    kind: ClassVar[Literal["count"]] = "count"
    id: str
    sources: list[Source]
    status: Status
    note: str | None
    verified: PartialDate | None
    unsourced: bool
    start: PartialDate
    end: PartialDate | None
    end_unknown: bool
    group: str
    of: Literal["members", "events"]
    count: int

    def __init__(
        self,
        *,
        id: str,
        sources: list[Source],
        status: Status = "accepted",
        note: str | None = None,
        verified: PartialDate | None = None,
        unsourced: bool = False,
        start: PartialDate,
        end: PartialDate | None = None,
        end_unknown: bool = False,
        group: str,
        of: Literal["members", "events"],
        count: int,
    ) -> None:
        self.id = id
        self.sources = sources
        self.status = status
        self.note = note
        self.verified = verified
        self.unsourced = unsourced
        self.start = start
        self.end = end
        self.end_unknown = end_unknown
        self.group = group
        self.of = of
        self.count = count


class PropertyFact(_Record):
    """An entity has (or, with `holds: false`, lacks) a property over an interval."""

    __slots__ = (
        "end",
        "end_unknown",
        "holds",
        "id",
        "note",
        "permanent",
        "property",
        "sources",
        "start",
        "status",
        "subject",
        "unsourced",
        "verified",
    )
    kind: ClassVar[Literal["property"]] = "property"
    id: str
    sources: list[Source]
    status: Status
    note: str | None
    verified: PartialDate | None
    unsourced: bool
    start: PartialDate | None
    end: PartialDate | None
    end_unknown: bool
    permanent: bool
    subject: str
    property: Property
    holds: bool

    def __init__(
        self,
        *,
        id: str,
        sources: list[Source],
        status: Status = "accepted",
        note: str | None = None,
        verified: PartialDate | None = None,
        unsourced: bool = False,
        start: PartialDate | None = None,
        end: PartialDate | None = None,
        end_unknown: bool = False,
        permanent: bool = False,
        subject: str,
        property: Property,
        holds: bool = True,
    ) -> None:
        self.id = id
        self.sources = sources
        self.status = status
        self.note = note
        self.verified = verified
        self.unsourced = unsourced
        self.start = start
        self.end = end
        self.end_unknown = end_unknown
        self.permanent = permanent
        self.subject = subject
        self.property = property
        self.holds = holds


class StatementFact(_Record):
    """A Wikidata statement of a property claimcheck has no kind for: kept with its P-id, so
    that `claimcheck kb entity` shows it; no claim is judged against it."""

    __slots__ = (
        "end",
        "end_unknown",
        "id",
        "note",
        "object",
        "property",
        "sources",
        "start",
        "status",
        "subject",
        "unsourced",
        "verified",
    )
    kind: ClassVar[Literal["statement"]] = "statement"
    id: str
    sources: list[Source]
    status: Status
    note: str | None
    verified: PartialDate | None
    unsourced: bool
    start: PartialDate | None
    end: PartialDate | None
    end_unknown: bool
    subject: str
    property: str
    object: str

    def __init__(
        self,
        *,
        id: str,
        sources: list[Source],
        status: Status = "accepted",
        note: str | None = None,
        verified: PartialDate | None = None,
        unsourced: bool = False,
        start: PartialDate | None = None,
        end: PartialDate | None = None,
        end_unknown: bool = False,
        subject: str,
        property: str,
        object: str,
    ) -> None:
        self.id = id
        self.sources = sources
        self.status = status
        self.note = note
        self.verified = verified
        self.unsourced = unsourced
        self.start = start
        self.end = end
        self.end_unknown = end_unknown
        self.subject = subject
        self.property = property
        self.object = object


Claim = MembershipClaim | EventClaim | CountClaim | OfficeClaim | RelationClaim | PropertyClaim


Fact = (
    MembershipFact
    | TenureFact
    | EventFact
    | RelationFact
    | CompleteFact
    | CountFact
    | PropertyFact
    | StatementFact
)


_CLAIM_FILE_KEYS = {"claimcheck", "article", "entities", "claims"}
_CLAIM_FILE_KEYS_REQUIRED = {"claimcheck", "article"}


def _claim_file(data: Any) -> ClaimFile:
    if (
        type(data) is not dict
        or not data.keys() <= _CLAIM_FILE_KEYS
        or not data.keys() >= _CLAIM_FILE_KEYS_REQUIRED
    ):
        raise _SchemaError
    if type(data["claimcheck"]) not in (int, bool, float) or data["claimcheck"] not in (1,):
        raise _SchemaError
    article_ = data["article"]
    article_ = _article(article_)
    entities_ = data.get("entities", {})
    if type(entities_) is not dict:
        raise _SchemaError
    for key in entities_:
        if type(key) is not str:
            raise _SchemaError
    entities_ = {key: _entity(item) for key, item in entities_.items()}
    claims_ = data.get("claims", [])
    if type(claims_) is not list:
        raise _SchemaError
    claims_ = [_claim(item) for item in claims_]
    record = _new(ClaimFile)
    record.article = article_
    record.entities = entities_
    record.claims = claims_
    return record


_ARTICLE_KEYS = {"id", "title", "publisher", "published", "url", "text", "notes"}
_ARTICLE_KEYS_REQUIRED = {"id", "title", "publisher", "published", "text"}


def _article(data: Any) -> Article:
    if (
        type(data) is not dict
        or not data.keys() <= _ARTICLE_KEYS
        or not data.keys() >= _ARTICLE_KEYS_REQUIRED
    ):
        raise _SchemaError
    id_ = data["id"]
    if type(id_) is not str or not id_:
        raise _SchemaError
    title_ = data["title"]
    if type(title_) is not str or not title_:
        raise _SchemaError
    publisher_ = data["publisher"]
    if type(publisher_) is not str or not publisher_:
        raise _SchemaError
    published_ = data["published"]
    published_ = _date(published_)
    url_ = data.get("url", None)
    if url_ is not None and type(url_) is not str:
        raise _SchemaError
    text_ = data["text"]
    if type(text_) is not str or not text_:
        raise _SchemaError
    notes_ = data.get("notes", None)
    if notes_ is not None and type(notes_) is not str:
        raise _SchemaError
    record = _new(Article)
    record.id = id_
    record.title = title_
    record.publisher = publisher_
    record.published = published_
    record.url = url_
    record.text = text_
    record.notes = notes_
    return record


_ENTITY_KEYS = {"name", "kind", "aliases", "wikidata"}
_ENTITY_KEYS_REQUIRED = {"name", "kind"}


def _entity(data: Any) -> Entity:
    if (
        type(data) is not dict
        or not data.keys() <= _ENTITY_KEYS
        or not data.keys() >= _ENTITY_KEYS_REQUIRED
    ):
        raise _SchemaError
    name_ = data["name"]
    if type(name_) is not str or not name_:
        raise _SchemaError
    kind_: EntityKind = data["kind"]
    if type(kind_) is not str or kind_ not in _ENTITY_KIND:
        raise _SchemaError
    aliases_ = data.get("aliases", [])
    if type(aliases_) is not list:
        raise _SchemaError
    for item in aliases_:
        if type(item) is not str:
            raise _SchemaError
    wikidata_ = data.get("wikidata", None)
    if wikidata_ is not None and (type(wikidata_) is not str or _PATTERN_1(wikidata_) is None):
        raise _SchemaError
    record = _new(Entity)
    record.name = name_
    record.kind = kind_
    record.aliases = aliases_
    record.wikidata = wikidata_
    return record


_MEMBERSHIP_CLAIM_KEYS = {
    "id",
    "quote",
    "sources",
    "notes",
    "suppress",
    "checked_by",
    "checked_on",
    "draft",
    "kind",
    "group",
    "members",
    "complete",
    "at",
    "founding",
}
_MEMBERSHIP_CLAIM_KEYS_REQUIRED = {"id", "quote", "kind", "group", "members", "complete"}


def _membership_claim(data: Any) -> MembershipClaim:
    if (
        type(data) is not dict
        or not data.keys() <= _MEMBERSHIP_CLAIM_KEYS
        or not data.keys() >= _MEMBERSHIP_CLAIM_KEYS_REQUIRED
    ):
        raise _SchemaError
    id_ = data["id"]
    if type(id_) is not str or not id_ or len(id_) > 128:
        raise _SchemaError
    quote_ = data["quote"]
    if type(quote_) is not str or not quote_:
        raise _SchemaError
    sources_ = data.get("sources", [])
    if type(sources_) is not list:
        raise _SchemaError
    sources_ = [_source(item) for item in sources_]
    notes_ = data.get("notes", None)
    if notes_ is not None and type(notes_) is not str:
        raise _SchemaError
    suppress_ = data.get("suppress", [])
    if type(suppress_) is not list:
        raise _SchemaError
    suppress_ = [_suppression(item) for item in suppress_]
    checked_by_ = data.get("checked_by", None)
    if checked_by_ is not None and (type(checked_by_) is not str or not checked_by_):
        raise _SchemaError
    checked_on_ = data.get("checked_on", None)
    if checked_on_ is not None:
        checked_on_ = _date(checked_on_)
    draft_ = data.get("draft", False)
    if type(draft_) is not bool:
        raise _SchemaError
    if type(data["kind"]) is not str or data["kind"] not in ("membership",):
        raise _SchemaError
    group_ = data["group"]
    if type(group_) is not str or not group_ or len(group_) > 128:
        raise _SchemaError
    members_ = data["members"]
    if type(members_) is not list or len(members_) < 1:
        raise _SchemaError
    for item in members_:
        if type(item) is not str or not item or len(item) > 128:
            raise _SchemaError
    complete_ = data["complete"]
    if type(complete_) is not bool:
        raise _SchemaError
    at_ = data.get("at", None)
    if at_ is not None:
        at_ = _date(at_)
    founding_ = data.get("founding", False)
    if type(founding_) is not bool:
        raise _SchemaError
    record = _new(MembershipClaim)
    record.id = id_
    record.quote = quote_
    record.sources = sources_
    record.notes = notes_
    record.suppress = suppress_
    record.checked_by = checked_by_
    record.checked_on = checked_on_
    record.draft = draft_
    record.group = group_
    record.members = members_
    record.complete = complete_
    record.at = at_
    record.founding = founding_
    return record


_SOURCE_KEYS = {
    "url",
    "title",
    "publisher",
    "published",
    "accessed",
    "quote",
    "archive",
    "citation",
}


def _source(data: Any) -> Source:
    if type(data) is not dict or not data.keys() <= _SOURCE_KEYS:
        raise _SchemaError
    url_ = data.get("url", None)
    if url_ is not None and type(url_) is not str:
        raise _SchemaError
    title_ = data.get("title", None)
    if title_ is not None and type(title_) is not str:
        raise _SchemaError
    publisher_ = data.get("publisher", None)
    if publisher_ is not None and type(publisher_) is not str:
        raise _SchemaError
    published_ = data.get("published", None)
    if published_ is not None:
        published_ = _date(published_)
    accessed_ = data.get("accessed", None)
    if accessed_ is not None:
        accessed_ = _date(accessed_)
    quote_ = data.get("quote", None)
    if quote_ is not None and (type(quote_) is not str or not quote_):
        raise _SchemaError
    archive_ = data.get("archive", None)
    if archive_ is not None and (type(archive_) is not str or _PATTERN_2(archive_) is None):
        raise _SchemaError
    citation_ = data.get("citation", None)
    if citation_ is not None and (type(citation_) is not str or not citation_):
        raise _SchemaError
    record = _new(Source)
    record.url = url_
    record.title = title_
    record.publisher = publisher_
    record.published = published_
    record.accessed = accessed_
    record.quote = quote_
    record.archive = archive_
    record.citation = citation_
    return record


_SUPPRESSION_KEYS = {"rule", "reason"}
_SUPPRESSION_KEYS_REQUIRED = {"rule", "reason"}


def _suppression(data: Any) -> Suppression:
    if (
        type(data) is not dict
        or not data.keys() <= _SUPPRESSION_KEYS
        or not data.keys() >= _SUPPRESSION_KEYS_REQUIRED
    ):
        raise _SchemaError
    rule_ = data["rule"]
    if type(rule_) is not str or _PATTERN_3(rule_) is None:
        raise _SchemaError
    reason_ = data["reason"]
    if type(reason_) is not str or len(reason_) < 10:
        raise _SchemaError
    record = _new(Suppression)
    record.rule = rule_
    record.reason = reason_
    return record


_EVENT_CLAIM_KEYS = {
    "id",
    "quote",
    "sources",
    "notes",
    "suppress",
    "checked_by",
    "checked_on",
    "draft",
    "kind",
    "event",
    "what",
    "date",
    "weekday",
    "relative",
    "place",
    "participants",
    "hosts",
    "series",
    "ordinal",
}
_EVENT_CLAIM_KEYS_REQUIRED = {"id", "quote", "kind", "event", "what"}


def _event_claim(data: Any) -> EventClaim:
    if (
        type(data) is not dict
        or not data.keys() <= _EVENT_CLAIM_KEYS
        or not data.keys() >= _EVENT_CLAIM_KEYS_REQUIRED
    ):
        raise _SchemaError
    id_ = data["id"]
    if type(id_) is not str or not id_ or len(id_) > 128:
        raise _SchemaError
    quote_ = data["quote"]
    if type(quote_) is not str or not quote_:
        raise _SchemaError
    sources_ = data.get("sources", [])
    if type(sources_) is not list:
        raise _SchemaError
    sources_ = [_source(item) for item in sources_]
    notes_ = data.get("notes", None)
    if notes_ is not None and type(notes_) is not str:
        raise _SchemaError
    suppress_ = data.get("suppress", [])
    if type(suppress_) is not list:
        raise _SchemaError
    suppress_ = [_suppression(item) for item in suppress_]
    checked_by_ = data.get("checked_by", None)
    if checked_by_ is not None and (type(checked_by_) is not str or not checked_by_):
        raise _SchemaError
    checked_on_ = data.get("checked_on", None)
    if checked_on_ is not None:
        checked_on_ = _date(checked_on_)
    draft_ = data.get("draft", False)
    if type(draft_) is not bool:
        raise _SchemaError
    if type(data["kind"]) is not str or data["kind"] not in ("event",):
        raise _SchemaError
    event_ = data["event"]
    if type(event_) is not str or not event_ or len(event_) > 128:
        raise _SchemaError
    what_ = data["what"]
    if type(what_) is not str or not what_:
        raise _SchemaError
    date_ = data.get("date", None)
    if date_ is not None:
        date_ = _date(date_)
    weekday_: Weekday | None = data.get("weekday", None)
    if weekday_ is not None and (type(weekday_) is not str or weekday_ not in _WEEKDAY):
        raise _SchemaError
    relative_ = data.get("relative", False)
    if type(relative_) is not bool:
        raise _SchemaError
    place_ = data.get("place", None)
    if place_ is not None and (type(place_) is not str or not place_ or len(place_) > 128):
        raise _SchemaError
    participants_ = data.get("participants", [])
    if type(participants_) is not list:
        raise _SchemaError
    for item in participants_:
        if type(item) is not str or not item or len(item) > 128:
            raise _SchemaError
    hosts_ = data.get("hosts", [])
    if type(hosts_) is not list:
        raise _SchemaError
    for item in hosts_:
        if type(item) is not str or not item or len(item) > 128:
            raise _SchemaError
    series_ = data.get("series", None)
    if series_ is not None and (type(series_) is not str or not series_ or len(series_) > 128):
        raise _SchemaError
    ordinal_ = data.get("ordinal", None)
    if ordinal_ is not None and (type(ordinal_) is not int or ordinal_ < 1):
        raise _SchemaError
    record = _new(EventClaim)
    record.id = id_
    record.quote = quote_
    record.sources = sources_
    record.notes = notes_
    record.suppress = suppress_
    record.checked_by = checked_by_
    record.checked_on = checked_on_
    record.draft = draft_
    record.event = event_
    record.what = what_
    record.date = date_
    record.weekday = weekday_
    record.relative = relative_
    record.place = place_
    record.participants = participants_
    record.hosts = hosts_
    record.series = series_
    record.ordinal = ordinal_
    return record


_COUNT_CLAIM_KEYS = {
    "id",
    "quote",
    "sources",
    "notes",
    "suppress",
    "checked_by",
    "checked_on",
    "draft",
    "kind",
    "of",
    "group",
    "count",
    "at",
    "founding",
}
_COUNT_CLAIM_KEYS_REQUIRED = {"id", "quote", "kind", "of", "group", "count"}


def _count_claim(data: Any) -> CountClaim:
    if (
        type(data) is not dict
        or not data.keys() <= _COUNT_CLAIM_KEYS
        or not data.keys() >= _COUNT_CLAIM_KEYS_REQUIRED
    ):
        raise _SchemaError
    id_ = data["id"]
    if type(id_) is not str or not id_ or len(id_) > 128:
        raise _SchemaError
    quote_ = data["quote"]
    if type(quote_) is not str or not quote_:
        raise _SchemaError
    sources_ = data.get("sources", [])
    if type(sources_) is not list:
        raise _SchemaError
    sources_ = [_source(item) for item in sources_]
    notes_ = data.get("notes", None)
    if notes_ is not None and type(notes_) is not str:
        raise _SchemaError
    suppress_ = data.get("suppress", [])
    if type(suppress_) is not list:
        raise _SchemaError
    suppress_ = [_suppression(item) for item in suppress_]
    checked_by_ = data.get("checked_by", None)
    if checked_by_ is not None and (type(checked_by_) is not str or not checked_by_):
        raise _SchemaError
    checked_on_ = data.get("checked_on", None)
    if checked_on_ is not None:
        checked_on_ = _date(checked_on_)
    draft_ = data.get("draft", False)
    if type(draft_) is not bool:
        raise _SchemaError
    if type(data["kind"]) is not str or data["kind"] not in ("count",):
        raise _SchemaError
    of_: Literal["members", "events"] = data["of"]
    if type(of_) is not str or of_ not in _OPTIONS_1:
        raise _SchemaError
    group_ = data["group"]
    if type(group_) is not str or not group_ or len(group_) > 128:
        raise _SchemaError
    count_ = data["count"]
    if type(count_) is not int or count_ < 0:
        raise _SchemaError
    at_ = data.get("at", None)
    if at_ is not None:
        at_ = _date(at_)
    founding_ = data.get("founding", False)
    if type(founding_) is not bool:
        raise _SchemaError
    record = _new(CountClaim)
    record.id = id_
    record.quote = quote_
    record.sources = sources_
    record.notes = notes_
    record.suppress = suppress_
    record.checked_by = checked_by_
    record.checked_on = checked_on_
    record.draft = draft_
    record.of = of_
    record.group = group_
    record.count = count_
    record.at = at_
    record.founding = founding_
    return record


_OFFICE_CLAIM_KEYS = {
    "id",
    "quote",
    "sources",
    "notes",
    "suppress",
    "checked_by",
    "checked_on",
    "draft",
    "kind",
    "office",
    "holder",
    "at",
    "since",
    "former",
}
_OFFICE_CLAIM_KEYS_REQUIRED = {"id", "quote", "kind", "office", "holder"}


def _office_claim(data: Any) -> OfficeClaim:
    if (
        type(data) is not dict
        or not data.keys() <= _OFFICE_CLAIM_KEYS
        or not data.keys() >= _OFFICE_CLAIM_KEYS_REQUIRED
    ):
        raise _SchemaError
    id_ = data["id"]
    if type(id_) is not str or not id_ or len(id_) > 128:
        raise _SchemaError
    quote_ = data["quote"]
    if type(quote_) is not str or not quote_:
        raise _SchemaError
    sources_ = data.get("sources", [])
    if type(sources_) is not list:
        raise _SchemaError
    sources_ = [_source(item) for item in sources_]
    notes_ = data.get("notes", None)
    if notes_ is not None and type(notes_) is not str:
        raise _SchemaError
    suppress_ = data.get("suppress", [])
    if type(suppress_) is not list:
        raise _SchemaError
    suppress_ = [_suppression(item) for item in suppress_]
    checked_by_ = data.get("checked_by", None)
    if checked_by_ is not None and (type(checked_by_) is not str or not checked_by_):
        raise _SchemaError
    checked_on_ = data.get("checked_on", None)
    if checked_on_ is not None:
        checked_on_ = _date(checked_on_)
    draft_ = data.get("draft", False)
    if type(draft_) is not bool:
        raise _SchemaError
    if type(data["kind"]) is not str or data["kind"] not in ("office",):
        raise _SchemaError
    office_ = data["office"]
    if type(office_) is not str or not office_ or len(office_) > 128:
        raise _SchemaError
    holder_ = data["holder"]
    if type(holder_) is not str or not holder_ or len(holder_) > 128:
        raise _SchemaError
    at_ = data.get("at", None)
    if at_ is not None:
        at_ = _date(at_)
    since_ = data.get("since", None)
    if since_ is not None:
        since_ = _date(since_)
    former_ = data.get("former", False)
    if type(former_) is not bool:
        raise _SchemaError
    record = _new(OfficeClaim)
    record.id = id_
    record.quote = quote_
    record.sources = sources_
    record.notes = notes_
    record.suppress = suppress_
    record.checked_by = checked_by_
    record.checked_on = checked_on_
    record.draft = draft_
    record.office = office_
    record.holder = holder_
    record.at = at_
    record.since = since_
    record.former = former_
    return record


_RELATION_CLAIM_KEYS = {
    "id",
    "quote",
    "sources",
    "notes",
    "suppress",
    "checked_by",
    "checked_on",
    "draft",
    "kind",
    "subject",
    "predicate",
    "object",
    "name",
    "at",
    "partial",
}
_RELATION_CLAIM_KEYS_REQUIRED = {"id", "quote", "kind", "subject", "predicate", "object"}


def _relation_claim(data: Any) -> RelationClaim:
    if (
        type(data) is not dict
        or not data.keys() <= _RELATION_CLAIM_KEYS
        or not data.keys() >= _RELATION_CLAIM_KEYS_REQUIRED
    ):
        raise _SchemaError
    id_ = data["id"]
    if type(id_) is not str or not id_ or len(id_) > 128:
        raise _SchemaError
    quote_ = data["quote"]
    if type(quote_) is not str or not quote_:
        raise _SchemaError
    sources_ = data.get("sources", [])
    if type(sources_) is not list:
        raise _SchemaError
    sources_ = [_source(item) for item in sources_]
    notes_ = data.get("notes", None)
    if notes_ is not None and type(notes_) is not str:
        raise _SchemaError
    suppress_ = data.get("suppress", [])
    if type(suppress_) is not list:
        raise _SchemaError
    suppress_ = [_suppression(item) for item in suppress_]
    checked_by_ = data.get("checked_by", None)
    if checked_by_ is not None and (type(checked_by_) is not str or not checked_by_):
        raise _SchemaError
    checked_on_ = data.get("checked_on", None)
    if checked_on_ is not None:
        checked_on_ = _date(checked_on_)
    draft_ = data.get("draft", False)
    if type(draft_) is not bool:
        raise _SchemaError
    if type(data["kind"]) is not str or data["kind"] not in ("relation",):
        raise _SchemaError
    subject_ = data["subject"]
    if type(subject_) is not str or not subject_ or len(subject_) > 128:
        raise _SchemaError
    predicate_: Predicate = data["predicate"]
    if type(predicate_) is not str or predicate_ not in _PREDICATE:
        raise _SchemaError
    object_ = data["object"]
    if type(object_) is not str or not object_ or len(object_) > 128:
        raise _SchemaError
    name_ = data.get("name", None)
    if name_ is not None and type(name_) is not str:
        raise _SchemaError
    at_ = data.get("at", None)
    if at_ is not None:
        at_ = _date(at_)
    partial_ = data.get("partial", False)
    if type(partial_) is not bool:
        raise _SchemaError
    record = _new(RelationClaim)
    record.id = id_
    record.quote = quote_
    record.sources = sources_
    record.notes = notes_
    record.suppress = suppress_
    record.checked_by = checked_by_
    record.checked_on = checked_on_
    record.draft = draft_
    record.subject = subject_
    record.predicate = predicate_
    record.object = object_
    record.name = name_
    record.at = at_
    record.partial = partial_
    return record


_PROPERTY_CLAIM_KEYS = {
    "id",
    "quote",
    "sources",
    "notes",
    "suppress",
    "checked_by",
    "checked_on",
    "draft",
    "kind",
    "subject",
    "property",
    "at",
}
_PROPERTY_CLAIM_KEYS_REQUIRED = {"id", "quote", "kind", "subject", "property"}


def _property_claim(data: Any) -> PropertyClaim:
    if (
        type(data) is not dict
        or not data.keys() <= _PROPERTY_CLAIM_KEYS
        or not data.keys() >= _PROPERTY_CLAIM_KEYS_REQUIRED
    ):
        raise _SchemaError
    id_ = data["id"]
    if type(id_) is not str or not id_ or len(id_) > 128:
        raise _SchemaError
    quote_ = data["quote"]
    if type(quote_) is not str or not quote_:
        raise _SchemaError
    sources_ = data.get("sources", [])
    if type(sources_) is not list:
        raise _SchemaError
    sources_ = [_source(item) for item in sources_]
    notes_ = data.get("notes", None)
    if notes_ is not None and type(notes_) is not str:
        raise _SchemaError
    suppress_ = data.get("suppress", [])
    if type(suppress_) is not list:
        raise _SchemaError
    suppress_ = [_suppression(item) for item in suppress_]
    checked_by_ = data.get("checked_by", None)
    if checked_by_ is not None and (type(checked_by_) is not str or not checked_by_):
        raise _SchemaError
    checked_on_ = data.get("checked_on", None)
    if checked_on_ is not None:
        checked_on_ = _date(checked_on_)
    draft_ = data.get("draft", False)
    if type(draft_) is not bool:
        raise _SchemaError
    if type(data["kind"]) is not str or data["kind"] not in ("property",):
        raise _SchemaError
    subject_ = data["subject"]
    if type(subject_) is not str or not subject_ or len(subject_) > 128:
        raise _SchemaError
    property_: Property = data["property"]
    if type(property_) is not str or property_ not in _PROPERTY:
        raise _SchemaError
    at_ = data.get("at", None)
    if at_ is not None:
        at_ = _date(at_)
    record = _new(PropertyClaim)
    record.id = id_
    record.quote = quote_
    record.sources = sources_
    record.notes = notes_
    record.suppress = suppress_
    record.checked_by = checked_by_
    record.checked_on = checked_on_
    record.draft = draft_
    record.subject = subject_
    record.property = property_
    record.at = at_
    return record


_KB_FILE_KEYS = {"claimcheck-kb", "verified", "imported", "entities", "facts"}
_KB_FILE_KEYS_REQUIRED = {"claimcheck-kb"}


def _kb_file(data: Any) -> KBFile:
    if (
        type(data) is not dict
        or not data.keys() <= _KB_FILE_KEYS
        or not data.keys() >= _KB_FILE_KEYS_REQUIRED
    ):
        raise _SchemaError
    if type(data["claimcheck-kb"]) not in (int, bool, float) or data["claimcheck-kb"] not in (1,):
        raise _SchemaError
    verified_ = data.get("verified", None)
    if verified_ is not None:
        verified_ = _date(verified_)
    imported_ = data.get("imported", None)
    if imported_ is not None:
        imported_ = _imported(imported_)
    entities_ = data.get("entities", {})
    if type(entities_) is not dict:
        raise _SchemaError
    for key in entities_:
        if type(key) is not str:
            raise _SchemaError
    entities_ = {key: _kb_entity(item) for key, item in entities_.items()}
    facts_ = data.get("facts", [])
    if type(facts_) is not list:
        raise _SchemaError
    facts_ = [_fact(item) for item in facts_]
    record = _new(KBFile)
    record.verified = verified_
    record.imported = imported_
    record.entities = entities_
    record.facts = facts_
    return record


_IMPORTED_KEYS = {"tool", "made", "sources", "data_as_of"}
_IMPORTED_KEYS_REQUIRED = {"tool", "made", "sources"}


def _imported(data: Any) -> Imported:
    if (
        type(data) is not dict
        or not data.keys() <= _IMPORTED_KEYS
        or not data.keys() >= _IMPORTED_KEYS_REQUIRED
    ):
        raise _SchemaError
    tool_ = data["tool"]
    if type(tool_) is not str or not tool_:
        raise _SchemaError
    made_ = data["made"]
    made_ = _date(made_)
    sources_ = data["sources"]
    if type(sources_) is not list or len(sources_) < 1:
        raise _SchemaError
    for item in sources_:
        if type(item) is not str:
            raise _SchemaError
    data_as_of_ = data.get("data_as_of", None)
    if data_as_of_ is not None:
        data_as_of_ = _date(data_as_of_)
    record = _new(Imported)
    record.tool = tool_
    record.made = made_
    record.sources = sources_
    record.data_as_of = data_as_of_
    return record


_KB_ENTITY_KEYS = {"name", "kind", "aliases", "wikidata", "notes"}
_KB_ENTITY_KEYS_REQUIRED = {"name", "kind"}


def _kb_entity(data: Any) -> KBEntity:
    if (
        type(data) is not dict
        or not data.keys() <= _KB_ENTITY_KEYS
        or not data.keys() >= _KB_ENTITY_KEYS_REQUIRED
    ):
        raise _SchemaError
    name_ = data["name"]
    if type(name_) is not str or not name_:
        raise _SchemaError
    kind_: EntityKind = data["kind"]
    if type(kind_) is not str or kind_ not in _ENTITY_KIND:
        raise _SchemaError
    aliases_ = data.get("aliases", [])
    if type(aliases_) is not list:
        raise _SchemaError
    aliases_ = [_alias(item) for item in aliases_]
    wikidata_ = data.get("wikidata", None)
    if wikidata_ is not None and (type(wikidata_) is not str or _PATTERN_1(wikidata_) is None):
        raise _SchemaError
    notes_ = data.get("notes", None)
    if notes_ is not None and type(notes_) is not str:
        raise _SchemaError
    record = _new(KBEntity)
    record.name = name_
    record.kind = kind_
    record.aliases = aliases_
    record.wikidata = wikidata_
    record.notes = notes_
    return record


_ALIAS_KEYS = {"name", "used_by", "sources"}
_ALIAS_KEYS_REQUIRED = {"name"}


def _alias(data: Any) -> Alias:
    if (
        type(data) is not dict
        or not data.keys() <= _ALIAS_KEYS
        or not data.keys() >= _ALIAS_KEYS_REQUIRED
    ):
        raise _SchemaError
    name_ = data["name"]
    if type(name_) is not str or not name_:
        raise _SchemaError
    used_by_ = data.get("used_by", [])
    if type(used_by_) is not list:
        raise _SchemaError
    for item in used_by_:
        if type(item) is not str or not item or len(item) > 128:
            raise _SchemaError
    sources_ = data.get("sources", [])
    if type(sources_) is not list:
        raise _SchemaError
    sources_ = [_source(item) for item in sources_]
    record = _new(Alias)
    record.name = name_
    record.used_by = used_by_
    record.sources = sources_
    return record


_MEMBERSHIP_FACT_KEYS = {
    "id",
    "sources",
    "status",
    "note",
    "verified",
    "unsourced",
    "start",
    "end",
    "end_unknown",
    "permanent",
    "kind",
    "group",
    "member",
}
_MEMBERSHIP_FACT_KEYS_REQUIRED = {"id", "sources", "kind", "group", "member"}


def _membership_fact(data: Any) -> MembershipFact:
    if (
        type(data) is not dict
        or not data.keys() <= _MEMBERSHIP_FACT_KEYS
        or not data.keys() >= _MEMBERSHIP_FACT_KEYS_REQUIRED
    ):
        raise _SchemaError
    id_ = data["id"]
    if type(id_) is not str or not id_ or len(id_) > 128:
        raise _SchemaError
    sources_ = data["sources"]
    if type(sources_) is not list or len(sources_) < 1:
        raise _SchemaError
    sources_ = [_source(item) for item in sources_]
    status_: Status = data.get("status", "accepted")
    if type(status_) is not str or status_ not in _STATUS:
        raise _SchemaError
    note_ = data.get("note", None)
    if note_ is not None and type(note_) is not str:
        raise _SchemaError
    verified_ = data.get("verified", None)
    if verified_ is not None:
        verified_ = _date(verified_)
    unsourced_ = data.get("unsourced", False)
    if type(unsourced_) is not bool:
        raise _SchemaError
    start_ = data.get("start", None)
    if start_ is not None:
        start_ = _date(start_)
    end_ = data.get("end", None)
    if end_ is not None:
        end_ = _date(end_)
    end_unknown_ = data.get("end_unknown", False)
    if type(end_unknown_) is not bool:
        raise _SchemaError
    permanent_ = data.get("permanent", False)
    if type(permanent_) is not bool:
        raise _SchemaError
    if type(data["kind"]) is not str or data["kind"] not in ("membership",):
        raise _SchemaError
    group_ = data["group"]
    if type(group_) is not str or not group_ or len(group_) > 128:
        raise _SchemaError
    member_ = data["member"]
    if type(member_) is not str or not member_ or len(member_) > 128:
        raise _SchemaError
    record = _new(MembershipFact)
    record.id = id_
    record.sources = sources_
    record.status = status_
    record.note = note_
    record.verified = verified_
    record.unsourced = unsourced_
    record.start = start_
    record.end = end_
    record.end_unknown = end_unknown_
    record.permanent = permanent_
    record.group = group_
    record.member = member_
    if disputed_without_note(record.status, record.note) is not None:
        raise _SchemaError
    if end_before_start(record.start, record.end) is not None:
        raise _SchemaError
    if end_twice(record.end, record.end_unknown) is not None:
        raise _SchemaError
    if permanent_dated(record.permanent, record.start, record.end) is not None:
        raise _SchemaError
    return record


_TENURE_FACT_KEYS = {
    "id",
    "sources",
    "status",
    "note",
    "verified",
    "unsourced",
    "start",
    "end",
    "end_unknown",
    "permanent",
    "kind",
    "office",
    "holder",
}
_TENURE_FACT_KEYS_REQUIRED = {"id", "sources", "kind", "office", "holder"}


def _tenure_fact(data: Any) -> TenureFact:
    if (
        type(data) is not dict
        or not data.keys() <= _TENURE_FACT_KEYS
        or not data.keys() >= _TENURE_FACT_KEYS_REQUIRED
    ):
        raise _SchemaError
    id_ = data["id"]
    if type(id_) is not str or not id_ or len(id_) > 128:
        raise _SchemaError
    sources_ = data["sources"]
    if type(sources_) is not list or len(sources_) < 1:
        raise _SchemaError
    sources_ = [_source(item) for item in sources_]
    status_: Status = data.get("status", "accepted")
    if type(status_) is not str or status_ not in _STATUS:
        raise _SchemaError
    note_ = data.get("note", None)
    if note_ is not None and type(note_) is not str:
        raise _SchemaError
    verified_ = data.get("verified", None)
    if verified_ is not None:
        verified_ = _date(verified_)
    unsourced_ = data.get("unsourced", False)
    if type(unsourced_) is not bool:
        raise _SchemaError
    start_ = data.get("start", None)
    if start_ is not None:
        start_ = _date(start_)
    end_ = data.get("end", None)
    if end_ is not None:
        end_ = _date(end_)
    end_unknown_ = data.get("end_unknown", False)
    if type(end_unknown_) is not bool:
        raise _SchemaError
    permanent_ = data.get("permanent", False)
    if type(permanent_) is not bool:
        raise _SchemaError
    if type(data["kind"]) is not str or data["kind"] not in ("tenure",):
        raise _SchemaError
    office_ = data["office"]
    if type(office_) is not str or not office_ or len(office_) > 128:
        raise _SchemaError
    holder_ = data["holder"]
    if type(holder_) is not str or not holder_ or len(holder_) > 128:
        raise _SchemaError
    record = _new(TenureFact)
    record.id = id_
    record.sources = sources_
    record.status = status_
    record.note = note_
    record.verified = verified_
    record.unsourced = unsourced_
    record.start = start_
    record.end = end_
    record.end_unknown = end_unknown_
    record.permanent = permanent_
    record.office = office_
    record.holder = holder_
    if disputed_without_note(record.status, record.note) is not None:
        raise _SchemaError
    if end_before_start(record.start, record.end) is not None:
        raise _SchemaError
    if end_twice(record.end, record.end_unknown) is not None:
        raise _SchemaError
    if permanent_dated(record.permanent, record.start, record.end) is not None:
        raise _SchemaError
    return record


_EVENT_FACT_KEYS = {
    "id",
    "sources",
    "status",
    "note",
    "verified",
    "unsourced",
    "kind",
    "event",
    "date",
    "place",
    "participants",
    "series",
    "ordinal",
}
_EVENT_FACT_KEYS_REQUIRED = {"id", "sources", "kind", "event", "date"}


def _event_fact(data: Any) -> EventFact:
    if (
        type(data) is not dict
        or not data.keys() <= _EVENT_FACT_KEYS
        or not data.keys() >= _EVENT_FACT_KEYS_REQUIRED
    ):
        raise _SchemaError
    id_ = data["id"]
    if type(id_) is not str or not id_ or len(id_) > 128:
        raise _SchemaError
    sources_ = data["sources"]
    if type(sources_) is not list or len(sources_) < 1:
        raise _SchemaError
    sources_ = [_source(item) for item in sources_]
    status_: Status = data.get("status", "accepted")
    if type(status_) is not str or status_ not in _STATUS:
        raise _SchemaError
    note_ = data.get("note", None)
    if note_ is not None and type(note_) is not str:
        raise _SchemaError
    verified_ = data.get("verified", None)
    if verified_ is not None:
        verified_ = _date(verified_)
    unsourced_ = data.get("unsourced", False)
    if type(unsourced_) is not bool:
        raise _SchemaError
    if type(data["kind"]) is not str or data["kind"] not in ("event",):
        raise _SchemaError
    event_ = data["event"]
    if type(event_) is not str or not event_ or len(event_) > 128:
        raise _SchemaError
    date_ = data["date"]
    date_ = _date(date_)
    place_ = data.get("place", None)
    if place_ is not None and (type(place_) is not str or not place_ or len(place_) > 128):
        raise _SchemaError
    participants_ = data.get("participants", [])
    if type(participants_) is not list:
        raise _SchemaError
    for item in participants_:
        if type(item) is not str or not item or len(item) > 128:
            raise _SchemaError
    series_ = data.get("series", None)
    if series_ is not None and (type(series_) is not str or not series_ or len(series_) > 128):
        raise _SchemaError
    ordinal_ = data.get("ordinal", None)
    if ordinal_ is not None and (type(ordinal_) is not int or ordinal_ < 1):
        raise _SchemaError
    record = _new(EventFact)
    record.id = id_
    record.sources = sources_
    record.status = status_
    record.note = note_
    record.verified = verified_
    record.unsourced = unsourced_
    record.event = event_
    record.date = date_
    record.place = place_
    record.participants = participants_
    record.series = series_
    record.ordinal = ordinal_
    if disputed_without_note(record.status, record.note) is not None:
        raise _SchemaError
    return record


_RELATION_FACT_KEYS = {
    "id",
    "sources",
    "status",
    "note",
    "verified",
    "unsourced",
    "start",
    "end",
    "end_unknown",
    "permanent",
    "kind",
    "subject",
    "predicate",
    "object",
    "name",
}
_RELATION_FACT_KEYS_REQUIRED = {"id", "sources", "kind", "subject", "predicate", "object"}


def _relation_fact(data: Any) -> RelationFact:
    if (
        type(data) is not dict
        or not data.keys() <= _RELATION_FACT_KEYS
        or not data.keys() >= _RELATION_FACT_KEYS_REQUIRED
    ):
        raise _SchemaError
    id_ = data["id"]
    if type(id_) is not str or not id_ or len(id_) > 128:
        raise _SchemaError
    sources_ = data["sources"]
    if type(sources_) is not list or len(sources_) < 1:
        raise _SchemaError
    sources_ = [_source(item) for item in sources_]
    status_: Status = data.get("status", "accepted")
    if type(status_) is not str or status_ not in _STATUS:
        raise _SchemaError
    note_ = data.get("note", None)
    if note_ is not None and type(note_) is not str:
        raise _SchemaError
    verified_ = data.get("verified", None)
    if verified_ is not None:
        verified_ = _date(verified_)
    unsourced_ = data.get("unsourced", False)
    if type(unsourced_) is not bool:
        raise _SchemaError
    start_ = data.get("start", None)
    if start_ is not None:
        start_ = _date(start_)
    end_ = data.get("end", None)
    if end_ is not None:
        end_ = _date(end_)
    end_unknown_ = data.get("end_unknown", False)
    if type(end_unknown_) is not bool:
        raise _SchemaError
    permanent_ = data.get("permanent", False)
    if type(permanent_) is not bool:
        raise _SchemaError
    if type(data["kind"]) is not str or data["kind"] not in ("relation",):
        raise _SchemaError
    subject_ = data["subject"]
    if type(subject_) is not str or not subject_ or len(subject_) > 128:
        raise _SchemaError
    predicate_: Predicate = data["predicate"]
    if type(predicate_) is not str or predicate_ not in _PREDICATE:
        raise _SchemaError
    object_ = data["object"]
    if type(object_) is not str or not object_ or len(object_) > 128:
        raise _SchemaError
    name_ = data.get("name", None)
    if name_ is not None and type(name_) is not str:
        raise _SchemaError
    record = _new(RelationFact)
    record.id = id_
    record.sources = sources_
    record.status = status_
    record.note = note_
    record.verified = verified_
    record.unsourced = unsourced_
    record.start = start_
    record.end = end_
    record.end_unknown = end_unknown_
    record.permanent = permanent_
    record.subject = subject_
    record.predicate = predicate_
    record.object = object_
    record.name = name_
    if disputed_without_note(record.status, record.note) is not None:
        raise _SchemaError
    if end_before_start(record.start, record.end) is not None:
        raise _SchemaError
    if end_twice(record.end, record.end_unknown) is not None:
        raise _SchemaError
    if permanent_dated(record.permanent, record.start, record.end) is not None:
        raise _SchemaError
    return record


_COMPLETE_FACT_KEYS = {
    "id",
    "sources",
    "status",
    "note",
    "verified",
    "unsourced",
    "start",
    "end",
    "end_unknown",
    "kind",
    "group",
    "of",
}
_COMPLETE_FACT_KEYS_REQUIRED = {"id", "sources", "start", "kind", "group", "of"}


def _complete_fact(data: Any) -> CompleteFact:
    if (
        type(data) is not dict
        or not data.keys() <= _COMPLETE_FACT_KEYS
        or not data.keys() >= _COMPLETE_FACT_KEYS_REQUIRED
    ):
        raise _SchemaError
    id_ = data["id"]
    if type(id_) is not str or not id_ or len(id_) > 128:
        raise _SchemaError
    sources_ = data["sources"]
    if type(sources_) is not list or len(sources_) < 1:
        raise _SchemaError
    sources_ = [_source(item) for item in sources_]
    status_: Status = data.get("status", "accepted")
    if type(status_) is not str or status_ not in _STATUS:
        raise _SchemaError
    note_ = data.get("note", None)
    if note_ is not None and type(note_) is not str:
        raise _SchemaError
    verified_ = data.get("verified", None)
    if verified_ is not None:
        verified_ = _date(verified_)
    unsourced_ = data.get("unsourced", False)
    if type(unsourced_) is not bool:
        raise _SchemaError
    start_ = data["start"]
    start_ = _date(start_)
    end_ = data.get("end", None)
    if end_ is not None:
        end_ = _date(end_)
    end_unknown_ = data.get("end_unknown", False)
    if type(end_unknown_) is not bool:
        raise _SchemaError
    if type(data["kind"]) is not str or data["kind"] not in ("complete",):
        raise _SchemaError
    group_ = data["group"]
    if type(group_) is not str or not group_ or len(group_) > 128:
        raise _SchemaError
    of_: Literal["members", "events"] = data["of"]
    if type(of_) is not str or of_ not in _OPTIONS_1:
        raise _SchemaError
    record = _new(CompleteFact)
    record.id = id_
    record.sources = sources_
    record.status = status_
    record.note = note_
    record.verified = verified_
    record.unsourced = unsourced_
    record.start = start_
    record.end = end_
    record.end_unknown = end_unknown_
    record.group = group_
    record.of = of_
    if disputed_without_note(record.status, record.note) is not None:
        raise _SchemaError
    if end_before_start(record.start, record.end) is not None:
        raise _SchemaError
    if end_twice(record.end, record.end_unknown) is not None:
        raise _SchemaError
    return record


_COUNT_FACT_KEYS = {
    "id",
    "sources",
    "status",
    "note",
    "verified",
    "unsourced",
    "start",
    "end",
    "end_unknown",
    "kind",
    "group",
    "of",
    "count",
}
_COUNT_FACT_KEYS_REQUIRED = {"id", "sources", "start", "kind", "group", "of", "count"}


def _count_fact(data: Any) -> CountFact:
    if (
        type(data) is not dict
        or not data.keys() <= _COUNT_FACT_KEYS
        or not data.keys() >= _COUNT_FACT_KEYS_REQUIRED
    ):
        raise _SchemaError
    id_ = data["id"]
    if type(id_) is not str or not id_ or len(id_) > 128:
        raise _SchemaError
    sources_ = data["sources"]
    if type(sources_) is not list or len(sources_) < 1:
        raise _SchemaError
    sources_ = [_source(item) for item in sources_]
    status_: Status = data.get("status", "accepted")
    if type(status_) is not str or status_ not in _STATUS:
        raise _SchemaError
    note_ = data.get("note", None)
    if note_ is not None and type(note_) is not str:
        raise _SchemaError
    verified_ = data.get("verified", None)
    if verified_ is not None:
        verified_ = _date(verified_)
    unsourced_ = data.get("unsourced", False)
    if type(unsourced_) is not bool:
        raise _SchemaError
    start_ = data["start"]
    start_ = _date(start_)
    end_ = data.get("end", None)
    if end_ is not None:
        end_ = _date(end_)
    end_unknown_ = data.get("end_unknown", False)
    if type(end_unknown_) is not bool:
        raise _SchemaError
    if type(data["kind"]) is not str or data["kind"] not in ("count",):
        raise _SchemaError
    group_ = data["group"]
    if type(group_) is not str or not group_ or len(group_) > 128:
        raise _SchemaError
    of_: Literal["members", "events"] = data["of"]
    if type(of_) is not str or of_ not in _OPTIONS_1:
        raise _SchemaError
    count_ = data["count"]
    if type(count_) is not int or count_ < 0:
        raise _SchemaError
    record = _new(CountFact)
    record.id = id_
    record.sources = sources_
    record.status = status_
    record.note = note_
    record.verified = verified_
    record.unsourced = unsourced_
    record.start = start_
    record.end = end_
    record.end_unknown = end_unknown_
    record.group = group_
    record.of = of_
    record.count = count_
    if disputed_without_note(record.status, record.note) is not None:
        raise _SchemaError
    if end_before_start(record.start, record.end) is not None:
        raise _SchemaError
    if end_twice(record.end, record.end_unknown) is not None:
        raise _SchemaError
    return record


_PROPERTY_FACT_KEYS = {
    "id",
    "sources",
    "status",
    "note",
    "verified",
    "unsourced",
    "start",
    "end",
    "end_unknown",
    "permanent",
    "kind",
    "subject",
    "property",
    "holds",
}
_PROPERTY_FACT_KEYS_REQUIRED = {"id", "sources", "kind", "subject", "property"}


def _property_fact(data: Any) -> PropertyFact:
    if (
        type(data) is not dict
        or not data.keys() <= _PROPERTY_FACT_KEYS
        or not data.keys() >= _PROPERTY_FACT_KEYS_REQUIRED
    ):
        raise _SchemaError
    id_ = data["id"]
    if type(id_) is not str or not id_ or len(id_) > 128:
        raise _SchemaError
    sources_ = data["sources"]
    if type(sources_) is not list or len(sources_) < 1:
        raise _SchemaError
    sources_ = [_source(item) for item in sources_]
    status_: Status = data.get("status", "accepted")
    if type(status_) is not str or status_ not in _STATUS:
        raise _SchemaError
    note_ = data.get("note", None)
    if note_ is not None and type(note_) is not str:
        raise _SchemaError
    verified_ = data.get("verified", None)
    if verified_ is not None:
        verified_ = _date(verified_)
    unsourced_ = data.get("unsourced", False)
    if type(unsourced_) is not bool:
        raise _SchemaError
    start_ = data.get("start", None)
    if start_ is not None:
        start_ = _date(start_)
    end_ = data.get("end", None)
    if end_ is not None:
        end_ = _date(end_)
    end_unknown_ = data.get("end_unknown", False)
    if type(end_unknown_) is not bool:
        raise _SchemaError
    permanent_ = data.get("permanent", False)
    if type(permanent_) is not bool:
        raise _SchemaError
    if type(data["kind"]) is not str or data["kind"] not in ("property",):
        raise _SchemaError
    subject_ = data["subject"]
    if type(subject_) is not str or not subject_ or len(subject_) > 128:
        raise _SchemaError
    property_: Property = data["property"]
    if type(property_) is not str or property_ not in _PROPERTY:
        raise _SchemaError
    holds_ = data.get("holds", True)
    if type(holds_) is not bool:
        raise _SchemaError
    record = _new(PropertyFact)
    record.id = id_
    record.sources = sources_
    record.status = status_
    record.note = note_
    record.verified = verified_
    record.unsourced = unsourced_
    record.start = start_
    record.end = end_
    record.end_unknown = end_unknown_
    record.permanent = permanent_
    record.subject = subject_
    record.property = property_
    record.holds = holds_
    if disputed_without_note(record.status, record.note) is not None:
        raise _SchemaError
    if end_before_start(record.start, record.end) is not None:
        raise _SchemaError
    if end_twice(record.end, record.end_unknown) is not None:
        raise _SchemaError
    if permanent_dated(record.permanent, record.start, record.end) is not None:
        raise _SchemaError
    return record


_STATEMENT_FACT_KEYS = {
    "id",
    "sources",
    "status",
    "note",
    "verified",
    "unsourced",
    "start",
    "end",
    "end_unknown",
    "kind",
    "subject",
    "property",
    "object",
}
_STATEMENT_FACT_KEYS_REQUIRED = {"id", "sources", "kind", "subject", "property", "object"}


def _statement_fact(data: Any) -> StatementFact:
    if (
        type(data) is not dict
        or not data.keys() <= _STATEMENT_FACT_KEYS
        or not data.keys() >= _STATEMENT_FACT_KEYS_REQUIRED
    ):
        raise _SchemaError
    id_ = data["id"]
    if type(id_) is not str or not id_ or len(id_) > 128:
        raise _SchemaError
    sources_ = data["sources"]
    if type(sources_) is not list or len(sources_) < 1:
        raise _SchemaError
    sources_ = [_source(item) for item in sources_]
    status_: Status = data.get("status", "accepted")
    if type(status_) is not str or status_ not in _STATUS:
        raise _SchemaError
    note_ = data.get("note", None)
    if note_ is not None and type(note_) is not str:
        raise _SchemaError
    verified_ = data.get("verified", None)
    if verified_ is not None:
        verified_ = _date(verified_)
    unsourced_ = data.get("unsourced", False)
    if type(unsourced_) is not bool:
        raise _SchemaError
    start_ = data.get("start", None)
    if start_ is not None:
        start_ = _date(start_)
    end_ = data.get("end", None)
    if end_ is not None:
        end_ = _date(end_)
    end_unknown_ = data.get("end_unknown", False)
    if type(end_unknown_) is not bool:
        raise _SchemaError
    if type(data["kind"]) is not str or data["kind"] not in ("statement",):
        raise _SchemaError
    subject_ = data["subject"]
    if type(subject_) is not str or not subject_ or len(subject_) > 128:
        raise _SchemaError
    property_ = data["property"]
    if type(property_) is not str or _PATTERN_4(property_) is None:
        raise _SchemaError
    object_ = data["object"]
    if type(object_) is not str or not object_ or len(object_) > 128:
        raise _SchemaError
    record = _new(StatementFact)
    record.id = id_
    record.sources = sources_
    record.status = status_
    record.note = note_
    record.verified = verified_
    record.unsourced = unsourced_
    record.start = start_
    record.end = end_
    record.end_unknown = end_unknown_
    record.subject = subject_
    record.property = property_
    record.object = object_
    if disputed_without_note(record.status, record.note) is not None:
        raise _SchemaError
    if end_before_start(record.start, record.end) is not None:
        raise _SchemaError
    if end_twice(record.end, record.end_unknown) is not None:
        raise _SchemaError
    return record


_CLAIM_KINDS: dict[str, Any] = {
    "membership": _membership_claim,
    "event": _event_claim,
    "count": _count_claim,
    "office": _office_claim,
    "relation": _relation_claim,
    "property": _property_claim,
}


def _claim(data: Any) -> Claim:
    tag = data.get("kind") if type(data) is dict else None
    if type(tag) is not str or tag not in _CLAIM_KINDS:
        raise _SchemaError
    record: Claim = _CLAIM_KINDS[tag](data)
    return record


_FACT_KINDS: dict[str, Any] = {
    "membership": _membership_fact,
    "tenure": _tenure_fact,
    "event": _event_fact,
    "relation": _relation_fact,
    "complete": _complete_fact,
    "count": _count_fact,
    "property": _property_fact,
    "statement": _statement_fact,
}


def _fact(data: Any) -> Fact:
    tag = data.get("kind") if type(data) is dict else None
    if type(tag) is not str or tag not in _FACT_KINDS:
        raise _SchemaError
    record: Fact = _FACT_KINDS[tag](data)
    return record


def claim_file(data: Any) -> ClaimFile | None:
    """The document as records, or None when the schema refuses it."""
    try:
        return _claim_file(data)
    except ValueError:  # _SchemaError, or a date PartialDate.parse refused
        return None


def kb_file(data: Any) -> KBFile | None:
    """The document as records, or None when the schema refuses it."""
    try:
        return _kb_file(data)
    except ValueError:  # _SchemaError, or a date PartialDate.parse refused
        return None
