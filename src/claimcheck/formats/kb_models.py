"""The knowledge base file, version 1: entities and sourced, time-scoped facts.

Strict and closed like the claim file: a fact without a source, a date at an impossible
precision or a field nobody declared is refused, because a reference that cannot be traced
back to where it came from is not a reference.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from claimcheck.formats.model_checks import (
    disputed_without_note,
    end_before_start,
    end_twice,
    permanent_dated,
)
from claimcheck.formats.models import (
    PROPERTY_DESCRIPTION,
    Date,
    EntityId,
    EntityKind,
    Predicate,
    Property,
    Source,
)

KB_FORMAT_VERSION = 1
KB_SCHEMA_ID = "https://claimcheck.dev/schema/kb-v1.json"

FactId = Annotated[
    str,
    Field(min_length=1, max_length=128, description="Unique across the knowledge base."),
]
Status = Literal["accepted", "disputed"]
WikidataProperty = Annotated[
    str,
    Field(pattern=r"^P[0-9]+$", description="A Wikidata property id, such as P463."),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Alias(_Model):
    """Another name for an entity, and who uses it: Beijing calls the Senkaku Islands Diaoyu."""

    name: str = Field(min_length=1)
    used_by: list[EntityId] = Field(
        default_factory=list, description="Entities that use this name; empty when everyone."
    )
    sources: list[Source] = Field(default_factory=list)


class KBEntity(_Model):
    name: str = Field(min_length=1)
    kind: EntityKind
    aliases: list[Alias] = Field(default_factory=list)
    wikidata: str | None = Field(default=None, pattern=r"^Q[0-9]+$")
    notes: str | None = None


class _Fact(_Model):
    id: FactId
    sources: list[Source] = Field(min_length=1, description="Where the fact was found.")
    status: Status = Field(
        default="accepted", description="`disputed` facts warn and never refute."
    )
    note: str | None = Field(
        default=None, description="Why it is disputed, or how sure a date is (memory only)."
    )
    verified: Date | None = Field(
        default=None,
        description="The day up to which the fact was checked; wins over the file's "
        "`verified`. An open-ended fact is known to hold only up to it.",
    )
    unsourced: bool = Field(
        default=False,
        description="True when the place the fact was taken from cites nothing for it (a "
        "Wikidata statement without a reference): a verdict that rests only on such facts "
        "says so (CC212).",
    )

    @model_validator(mode="after")
    def _disputed_has_note(self) -> _Fact:
        problem = disputed_without_note(self.status, self.note)
        if problem is not None:
            raise ValueError(problem)
        return self


class _Interval(_Fact):
    start: Date | None = Field(default=None, description="First day; absent when unknown.")
    end: Date | None = Field(
        default=None, description="The day it stopped (a successor's first day); absent: open."
    )
    end_unknown: bool = Field(
        default=False,
        description="True when it ended on a date the source does not give (Wikidata's end "
        "time 'some value'): it held for certain only at its start. `end` is then absent.",
    )

    @model_validator(mode="after")
    def _ordered(self) -> _Interval:
        problem = end_before_start(self.start, self.end)
        if problem is not None:
            raise ValueError(problem)
        return self

    @model_validator(mode="after")
    def _end_once(self) -> _Interval:
        problem = end_twice(self.end, self.end_unknown)
        if problem is not None:
            raise ValueError(problem)
        return self


class _Lasting(_Interval):
    """An interval fact that may instead hold at every date (geography)."""

    permanent: bool = Field(
        default=False,
        description="True when it holds at every date (a place lies in a sea): no start, "
        "no end, no horizon.",
    )

    @model_validator(mode="after")
    def _permanent_alone(self) -> _Lasting:
        problem = permanent_dated(self.permanent, self.start, self.end)
        if problem is not None:
            raise ValueError(problem)
        return self


class MembershipFact(_Lasting):
    """A member joined a group (start) and maybe left it (end)."""

    kind: Literal["membership"]
    group: EntityId
    member: EntityId


class TenureFact(_Lasting):
    """Someone held an office from start until end (the successor's first day)."""

    kind: Literal["tenure"]
    office: EntityId
    holder: EntityId


class EventFact(_Fact):
    """A dated event, optionally the n-th of a series."""

    kind: Literal["event"]
    event: EntityId
    date: Date
    place: EntityId | None = None
    participants: list[EntityId] = Field(default_factory=list)
    series: EntityId | None = None
    ordinal: int | None = Field(default=None, ge=1)


class RelationFact(_Lasting):
    """Subject, predicate, object, over an interval: japan administers senkaku-islands."""

    kind: Literal["relation"]
    subject: EntityId
    predicate: Predicate
    object: EntityId
    name: str | None = Field(default=None, description="For `calls`: the name used.")


class CompleteFact(_Interval):
    """The KB's facts name the whole membership of a group (or a series' events) in a window.

    Inside it (and up to the horizon when it is open), a member the KB does not record is
    not a member, so a complete list or a count can be refuted there; outside it the KB
    knows only some of the members.
    """

    kind: Literal["complete"]
    group: EntityId
    of: Literal["members", "events"]
    start: Date = Field(description="First day the KB's list is the whole of it.")


class CountFact(_Interval):
    """A sourced number: "NATO had 32 members from 7 March 2024"."""

    kind: Literal["count"]
    group: EntityId
    of: Literal["members", "events"]
    count: int = Field(ge=0)
    start: Date = Field(description="First day the number held.")


class PropertyFact(_Lasting):
    """An entity has (or, with `holds: false`, lacks) a property over an interval."""

    kind: Literal["property"]
    subject: EntityId
    property: Property = Field(description=PROPERTY_DESCRIPTION)
    holds: bool = Field(
        default=True,
        description="False when the source says the entity does not have the property.",
    )


class StatementFact(_Interval):
    """A Wikidata statement of a property claimcheck has no kind for: kept with its P-id, so
    that `claimcheck kb entity` shows it; no claim is judged against it."""

    kind: Literal["statement"]
    subject: EntityId
    property: WikidataProperty
    object: EntityId


Fact = Annotated[
    MembershipFact
    | TenureFact
    | EventFact
    | RelationFact
    | CompleteFact
    | CountFact
    | PropertyFact
    | StatementFact,
    Field(discriminator="kind"),
]


class Imported(_Model):
    """Where an imported file's facts came from and when: its data is vouched for up to
    `data_as_of`, which is also the file's `verified` date."""

    tool: str = Field(min_length=1, description="The command that wrote the file.")
    made: Date = Field(description="The day the import was made.")
    sources: list[str] = Field(min_length=1, description="The files it was made from.")
    data_as_of: Date | None = Field(
        default=None,
        description="The dump's date, else the newest `modified` of the entities imported.",
    )


class KBFile(_Model):
    """One file of the reference knowledge base."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        title="claimcheck knowledge base file",
        json_schema_extra={"$id": KB_SCHEMA_ID},
    )

    claimcheck_kb: Literal[1] = Field(
        alias="claimcheck-kb", description="Format version of this knowledge base file."
    )
    verified: Date | None = Field(
        default=None,
        description="The day up to which this file's facts were checked: an open-ended fact "
        "is known to hold only up to it (a fact's own `verified` wins).",
    )
    imported: Imported | None = Field(
        default=None, description="Set by `claimcheck kb import`: what the file was made from."
    )
    entities: dict[str, KBEntity] = Field(default_factory=dict)
    facts: list[Fact] = Field(default_factory=list)
