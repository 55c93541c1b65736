"""Checks across fields of a knowledge base fact, written once for both validators.

The pydantic models (the schema, the detailed errors) and the generated fast path in
``records`` both call these, so a rule cannot differ between them. Each returns the problem
as text, or None; a parameter is named after the field it reads (the generator relies on it).
"""

from __future__ import annotations

from claimcheck.core.dates import PartialDate


def disputed_without_note(status: str, note: str | None) -> str | None:
    if status == "disputed" and not note:
        return "a disputed fact needs a note saying who disputes it and why"
    return None


def end_before_start(start: PartialDate | None, end: PartialDate | None) -> str | None:
    if start is not None and end is not None and end.is_before(start):
        return f"end {end} is before start {start}"
    return None


def permanent_dated(
    permanent: bool, start: PartialDate | None, end: PartialDate | None
) -> str | None:
    if permanent and (start is not None or end is not None):
        return (
            "a permanent fact holds at every date, so it takes no start or end: "
            "remove `permanent: true` or the dates"
        )
    return None


def end_twice(end: PartialDate | None, end_unknown: bool) -> str | None:
    if end_unknown and end is not None:
        return "`end_unknown: true` says the end date is not known: remove it or the `end`"
    return None
