"""The JSON report, version 2: the canonical machine-readable output, described once here.

Version 2 (issue 14) widens the verdicts to six, counts them in the summary, lets an
evidence item be a finding of the article's own rules (`rule`, `claims`) as well as a
knowledge-base fact, gives sources in full (objects, no longer labels), and says who checked
a claim and when (`checked`). schema/report-v1.json stays published, unchanged, for old readers.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from claimcheck.formats import REPORT_VERSION

__all__ = ["REPORT_VERSION", "Report"]


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RelatedLocation(_M):
    path: str
    line: int = Field(ge=0)
    column: int = Field(ge=0)


class FindingRecord(_M):
    rule: str = Field(pattern=r"^CC[0-9]{3}$")
    severity: Literal["error", "warning", "info"]
    message: str
    path: str
    line: int = Field(ge=0, description="1-based; 0 when the problem has no position.")
    column: int = Field(ge=0)
    end_line: int = Field(ge=0)
    end_column: int = Field(ge=0)
    pointer: str = Field(description="JSON pointer of the field in the checked file.")
    claim: str | None
    suppressed: str | None = Field(description="The written reason, when suppressed.")
    related: list[RelatedLocation] = Field(default_factory=list)


class FileRecord(_M):
    path: str
    status: Literal["checked", "unreadable"]
    claims: int = Field(ge=0)


class Tool(_M):
    name: Literal["claimcheck"]
    version: str


class Counts(_M):
    error: int = Field(ge=0)
    warning: int = Field(ge=0)
    info: int = Field(ge=0)


VerdictValue = Literal[
    "supported", "refuted", "stale", "incomplete", "conflicting", "not_enough_info"
]


class VerdictCounts(_M):
    """How many claims got each verdict; every key is present, zero or not."""

    supported: int = Field(ge=0)
    refuted: int = Field(ge=0)
    stale: int = Field(ge=0)
    incomplete: int = Field(ge=0)
    conflicting: int = Field(ge=0)
    not_enough_info: int = Field(ge=0)


class Summary(_M):
    files: int = Field(ge=0)
    claims: int = Field(ge=0)
    findings: Counts
    suppressed: int = Field(ge=0)
    exit_code: Literal[0, 1, 2]
    verdicts: VerdictCounts


class SourceRecord(_M):
    """A source with every field its claim or KB file gave; the others are absent."""

    url: str | None = Field(default=None, description="http(s) address of the source.")
    citation: str | None = Field(
        default=None, description="What identifies the document when it has no address."
    )
    title: str | None = None
    publisher: str | None = None
    published: str | None = Field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD.")
    accessed: str | None = Field(default=None, description="When the source was read.")
    quote: str | None = Field(default=None, description="The source's exact words.")
    archive: str | None = Field(default=None, description="An archived copy's address.")


class CheckedRecord(_M):
    by: str | None = Field(description="Who checked the claim (its `checked_by`).")
    on: str | None = Field(description="When (its `checked_on`).")


class EvidenceRecord(_M):
    fact: str | None = Field(
        description="Id of the knowledge-base fact; null when the article's own rule decided."
    )
    rule: str | None = Field(
        pattern=r"^CC[0-9]{3}$",
        description="The rule (CC1xx) whose finding in the article decided; null for a fact.",
    )
    claims: list[str] = Field(
        description="The other claims of the article the rule's finding rests on (their ids)."
    )
    statement: str = Field(description="The fact as a sentence, or the rule's finding.")
    sources: list[SourceRecord] = Field(description="The fact's sources, in full.")
    status: Literal["accepted", "disputed"]


class VerdictRecord(_M):
    path: str
    claim: str
    kind: str
    verdict: VerdictValue
    explanation: str
    stale: bool = Field(
        description="Kept for readers of version 1: true exactly when the verdict is stale."
    )
    checked: CheckedRecord | None = Field(
        description="Who checked the claim and when, as the claim says; null when it does not."
    )
    evidence: list[EvidenceRecord]


class KnowledgeBaseRecord(_M):
    files: list[str] = Field(description="The knowledge base files loaded for this run.")
    as_of: str | None = Field(description="The --as-of date, when given.")


class Report(_M):
    model_config = ConfigDict(
        extra="forbid",
        title="claimcheck report",
        json_schema_extra={"$id": "https://claimcheck.dev/schema/report-v2.json"},
    )

    format: Literal["claimcheck-report"]
    version: Literal[2]
    tool: Tool
    files: list[FileRecord]
    findings: list[FindingRecord]
    summary: Summary
    verdicts: list[VerdictRecord] = Field(
        default_factory=list, description="One per claim checked, in file and claim order."
    )
    knowledge_base: KnowledgeBaseRecord | None = None
