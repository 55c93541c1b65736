"""The one record every check produces and every report is built from."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Any


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= threshold`` decides failure."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}: use error, warning or info") from None


@dataclass(frozen=True, order=True, slots=True)
class Location:
    """1-based line and column in a checked file; 0 when the problem has no position."""

    path: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, at one place, under one rule."""

    rule_id: str
    severity: Severity
    message: str
    location: Location
    pointer: str = ""
    claim_id: str | None = None
    suppressed: str | None = None  # the written reason, when a claim switched the rule off
    fatal: bool = False  # the file could not be read or parsed: exit 2
    related: tuple[Location, ...] = field(default=())
    baselined: bool = False  # suppressed because a baseline file lists it, not by the claim

    @property
    def sort_key(self) -> tuple[Any, ...]:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.rule_id, self.pointer, self.message)

    def with_suppression(self, reason: str) -> Finding:
        return replace(self, suppressed=reason)

    def to_dict(self) -> dict[str, Any]:
        loc = self.location
        out: dict[str, Any] = {
            "rule": self.rule_id,
            "severity": str(self.severity),
            "message": self.message,
            "path": loc.path,
            "line": loc.line,
            "column": loc.column,
            "end_line": loc.end_line or loc.line,
            "end_column": loc.end_column or loc.column,
            "pointer": self.pointer,
            "claim": self.claim_id,
            "suppressed": self.suppressed,
        }
        if self.related:
            out["related"] = [
                {"path": r.path, "line": r.line, "column": r.column} for r in self.related
            ]
        return out
