"""The JSON report, version 1: the canonical machine-readable output, described once here."""

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


class Summary(_M):
    files: int = Field(ge=0)
    claims: int = Field(ge=0)
    findings: Counts
    suppressed: int = Field(ge=0)
    exit_code: Literal[0, 1, 2]


class EvidenceRecord(_M):
    fact: str = Field(description="Id of the knowledge-base fact.")
    statement: str
    sources: list[str] = Field(description="Source URLs, or titles when a source has none.")
    status: Literal["accepted", "disputed"]


class VerdictRecord(_M):
    path: str
    claim: str
    kind: str
    verdict: Literal["supported", "refuted", "not_enough_info"]
    explanation: str
    stale: bool = Field(description="True when published, no longer true at --as-of.")
    evidence: list[EvidenceRecord]


class KnowledgeBaseRecord(_M):
    files: list[str] = Field(description="The knowledge base files loaded for this run.")
    as_of: str | None = Field(description="The --as-of date, when given.")


class Report(_M):
    model_config = ConfigDict(
        extra="forbid",
        title="claimcheck report",
        json_schema_extra={"$id": "https://claimcheck.dev/schema/report-v1.json"},
    )

    format: Literal["claimcheck-report"]
    version: Literal[1]
    tool: Tool
    files: list[FileRecord]
    findings: list[FindingRecord]
    summary: Summary
    verdicts: list[VerdictRecord] = Field(
        default_factory=list, description="One per claim checked, in file and claim order."
    )
    knowledge_base: KnowledgeBaseRecord | None = None
