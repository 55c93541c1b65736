"""The one record every check produces and every report is built from.

A finding has two serialisations, each written in one place: ``to_dict``, the record every
report is built from (it leaves out what reports do not show), and ``to_record`` /
``from_record``, every field as it is, for the result cache.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Any


def _of(value: Any, *types: type) -> Any:
    """``value`` when it is exactly one of ``types``; TypeError otherwise."""
    if type(value) not in types:
        raise TypeError(f"{type(value).__name__} in a stored finding")
    return value


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

    def to_record(self) -> list[Any]:
        """Every field, in order, as JSON values: what the result cache stores."""
        return [
            self.rule_id,
            int(self.severity),
            self.message,
            _location(self.location),
            self.pointer,
            self.claim_id,
            self.suppressed,
            self.fatal,
            [_location(r) for r in self.related],
            self.baselined,
        ]

    @classmethod
    def from_record(cls, data: Any) -> Finding:
        """A finding from ``to_record``'s list, every field's type checked (it comes from disk):
        TypeError or ValueError when it is not one."""
        if type(data) is not list or len(data) != _RECORD_FIELDS:
            raise TypeError("not a finding")
        rule, severity, message, loc, pointer, claim, suppressed, fatal, related, base = data
        return cls(
            _of(rule, str),
            Severity(_of(severity, int)),
            _of(message, str),
            _read_location(loc),
            _of(pointer, str),
            _of(claim, str, type(None)),
            _of(suppressed, str, type(None)),
            _of(fatal, bool),
            tuple(_read_location(r) for r in _of(related, list)),
            _of(base, bool),
        )

    def to_dict(self) -> dict[str, Any]:
        """The record every report is built from."""
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


# A field added to Finding fails a test until to_record and from_record carry it.
_RECORD_FIELDS = 10


def _location(loc: Location) -> list[Any]:
    return [loc.path, loc.line, loc.column, loc.end_line, loc.end_column]


def _read_location(data: Any) -> Location:
    if type(data) is not list or len(data) != 5:
        raise TypeError("not a location")
    path, *numbers = data
    return Location(_of(path, str), *(_of(n, int) for n in numbers))
