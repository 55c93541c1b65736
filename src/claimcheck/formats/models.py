"""The claim file, version 1, as pydantic models: the single source of the JSON Schema.

Models are strict and closed: a string is never turned into a number, a key nobody declared
is an error, and dates stay at the precision they were written with. The checks run on the
light records of ``records.py``, generated from these models
(`python -m claimcheck.formats.recordgen`); pydantic itself only explains a file that breaks the
schema.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)

from claimcheck.core.dates import DATE_PATTERN, WEEKDAYS, PartialDate

FORMAT_VERSION = 1
SCHEMA_ID = "https://claimcheck.dev/schema/claims-v1.json"
URL_PATTERN = r"^https?://\S+$"


def _date(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if not isinstance(value, str):
        raise ValueError(  # noqa: TRY004 - pydantic reports ValueError, not TypeError
            'a date is text: YYYY, YYYY-MM or YYYY-MM-DD; quote a bare year in YAML ("2015")'
        )
    return PartialDate.parse(value)


Date = Annotated[
    PartialDate,
    PlainValidator(_date),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": DATE_PATTERN,
            "description": "A date at year (2015), month (2019-11) or day (2024-08-20) precision.",
        }
    ),
]

EntityId = Annotated[
    str,
    Field(
        min_length=1,
        max_length=128,
        description="The short readable id of an entity, defined under `entities` "
        "or in the knowledge base.",
    ),
]
ClaimId = Annotated[
    str,
    Field(min_length=1, max_length=128, description="Unique within the file."),
]
Weekday = Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
assert tuple(Weekday.__args__) == WEEKDAYS  # type: ignore[attr-defined]

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


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Source(_Model):
    """Where a fact-checker found that a claim is right or wrong."""

    url: str | None = Field(default=None, description="http(s) address of the source.")
    title: str | None = None
    publisher: str | None = None
    published: Date | None = None
    accessed: Date | None = Field(default=None, description="When the source was read.")
    quote: str | None = Field(
        default=None, min_length=1, description="The source's exact words that bear the fact."
    )
    archive: str | None = Field(
        default=None,
        pattern=URL_PATTERN,
        description="http(s) address of an archived copy, for when the page changes or goes.",
    )
    citation: str | None = Field(
        default=None,
        min_length=1,
        description="Text that identifies the document when it has no address "
        '("Lok Sabha unstarred question 1234, 2016").',
    )


class Suppression(_Model):
    """Switch one rule off for one claim: only with a written reason, shown in every report."""

    rule: str = Field(pattern=r"^CC[0-9]{3}$")
    reason: str = Field(min_length=10, description="Why the finding does not apply.")


class Entity(_Model):
    name: str = Field(min_length=1)
    kind: EntityKind
    aliases: list[str] = Field(default_factory=list)
    wikidata: str | None = Field(default=None, pattern=r"^Q[0-9]+$")


class Article(_Model):
    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    published: Date = Field(description="Publication date; relative days resolve against it.")
    url: str | None = None
    text: str = Field(
        min_length=1,
        description="Path of the article's text, relative to this file, inside the project.",
    )
    notes: str | None = None


class _Claim(_Model):
    id: ClaimId
    quote: str = Field(min_length=1, description="The article's words, verbatim.")
    sources: list[Source] = Field(default_factory=list)
    notes: str | None = None
    suppress: list[Suppression] = Field(default_factory=list)
    checked_by: str | None = Field(default=None, min_length=1, description="Who checked it.")
    checked_on: Date | None = Field(default=None, description="When it was checked.")
    draft: bool = Field(
        default=False,
        description="True when `claimcheck draft` wrote the claim and no person has checked "
        "it yet (CC118 reports it as an error); delete the field to confirm the claim.",
    )


class MembershipClaim(_Claim):
    """A group and members: "comprising" presents the list as complete, "including" as partial."""

    kind: Literal["membership"]
    group: EntityId
    members: list[EntityId] = Field(min_length=1)
    complete: bool = Field(
        description="True when the article presents the list as the whole membership."
    )
    at: Date | None = Field(default=None, description="When; the publication date if absent.")
    founding: bool = Field(
        default=False,
        description='True for the members a group was founded with ("the founding members"): '
        "judged on the day of the earliest membership the KB records, not on `at`.",
    )


class EventClaim(_Claim):
    kind: Literal["event"]
    event: EntityId = Field(description="Id of the event, shared by claims about the same event.")
    what: str = Field(min_length=1)
    date: Date | None = None
    weekday: Weekday | None = Field(default=None, description="The weekday the article gives.")
    relative: bool = Field(
        default=False,
        description='True when the article gives only the weekday ("on Tuesday"): it '
        "resolves to the latest such day on or before the publication date.",
    )
    place: EntityId | None = None
    participants: list[EntityId] = Field(default_factory=list)
    hosts: list[EntityId] = Field(
        default_factory=list,
        description='Who hosted it, two or more for co-hosts ("co-hosted by A and B"): they '
        "took part, so they are checked as participants too.",
    )
    series: EntityId | None = None
    ordinal: int | None = Field(
        default=None, ge=1, description="Its place in the series: 3 for third."
    )


class CountClaim(_Claim):
    """How many members a group has, or events a series has, at a time."""

    kind: Literal["count"]
    of: Literal["members", "events"]
    group: EntityId
    count: int = Field(ge=0)
    at: Date | None = None
    founding: bool = Field(
        default=False,
        description='True for a count of the founding members ("the twelve founding '
        'members"): judged on the day of the earliest membership the KB records.',
    )


class OfficeClaim(_Claim):
    kind: Literal["office"]
    office: EntityId
    holder: EntityId
    at: Date | None = None
    since: Date | None = Field(
        default=None,
        description='When the tenure began, at the precision written ("who became prime '
        'minister in October 2024"): the holder took office within this date.',
    )
    former: bool = Field(
        default=False,
        description='True for "former X": the holder held the office before `at` (or the '
        "publication date) and no longer held it then.",
    )


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


class RelationClaim(_Claim):
    """Subject, predicate, object: "claimed by Beijing" is china claims senkaku."""

    kind: Literal["relation"]
    subject: EntityId
    predicate: Predicate
    object: EntityId
    name: str | None = Field(default=None, description="For `calls`: the name used.")
    at: Date | None = None
    partial: bool = Field(
        default=False,
        description='True when the article presents the relation as one of several ("among '
        'others"): then leaving out the others is not incomplete.',
    )


Property = Literal["uninhabited", "landlocked", "island", "disbanded"]
PROPERTY_DESCRIPTION = (
    "A yes-or-no property of a place or a group, from a closed list (a typo is refused): "
    "`uninhabited` (no one lives there), `landlocked` (a country with no sea coast), "
    "`island` (land surrounded by water, or a group of such land), `disbanded` (a group "
    "that no longer exists as one)."
)


class PropertyClaim(_Claim):
    """A property the article gives an entity: "a group of uninhabited islets"."""

    kind: Literal["property"]
    subject: EntityId
    property: Property = Field(description=PROPERTY_DESCRIPTION)
    at: Date | None = Field(default=None, description="When; the publication date if absent.")


Claim = Annotated[
    MembershipClaim | EventClaim | CountClaim | OfficeClaim | RelationClaim | PropertyClaim,
    Field(discriminator="kind"),
]
CLAIM_KINDS = ("membership", "event", "count", "office", "relation", "property")


class ClaimFile(_Model):
    """One article and the checkable statements it makes."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        title="claimcheck claim file",
        json_schema_extra={"$id": SCHEMA_ID},
    )

    claimcheck: Literal[1] = Field(description="Format version of this file.")
    article: Article
    entities: dict[str, Entity] = Field(
        default_factory=dict, description="Entities this article names that the KB lacks."
    )
    claims: list[Claim] = Field(default_factory=list)
