"""Dates as an article writes them, at the precision written.

"in November 2019" is the month, never its first day; "on Tuesday" keeps the weekday and
resolves to the latest Tuesday on or before publication, unless the day is written beside it
("on Sunday, 13 September 2020" is that day, its weekday kept for CC104 to check); "last
month" and "last year" count back from publication. Vaguer phrases ("early 2019", "the
1990s") give no date.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from claimcheck.core.dates import PartialDate, last_weekday_on_or_before
from claimcheck.draft.lexicon import MONTHS, WEEKDAYS

_MONTH = "(" + "|".join(m.title() for m in MONTHS) + ")"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d\d)"
_WEEKDAY = "(" + "|".join(w.title() for w in WEEKDAYS) + ")"
_PATTERNS = (
    ("wdmy", re.compile(rf"\bon {_WEEKDAY},? (?:the )?{_DAY} (?:of )?{_MONTH},? {_YEAR}\b")),
    ("wmdy", re.compile(rf"\bon {_WEEKDAY},? {_MONTH} {_DAY},? {_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_DAY} {_MONTH},? {_YEAR}\b")),
    ("mdy", re.compile(rf"\b{_MONTH} {_DAY},? {_YEAR}\b")),
    ("my", re.compile(rf"\b{_MONTH},? {_YEAR}\b")),
    ("weekday", re.compile(rf"\bon {_WEEKDAY}\b")),
    ("relative", re.compile(r"\b(last|this|next) (month|year)\b|\b(yesterday)\b")),
    ("y", re.compile(rf"\b(?:in|since|of|from|until|by|during) {_YEAR}\b")),
)
_DAYS = ("wdmy", "wmdy", "dmy", "mdy")
_VAGUE = re.compile(rf"\b(?:early|mid|late|the end of|the start of|the \d0s)[ -]{_YEAR}?")


@dataclass(frozen=True)
class When:
    start: int
    end: int
    date: PartialDate
    weekday: str | None = None
    relative: bool = False


def dates_in(text: str, published: PartialDate) -> list[When]:
    """Every date expression of ``text``, left to right, the longest at each place."""
    found: list[When] = []
    taken: list[tuple[int, int]] = []
    vague = [(m.start(), m.end()) for m in _VAGUE.finditer(text)]
    for name, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            span = (m.start(), m.end())
            if any(a < span[1] and span[0] < b for a, b in taken + vague):
                continue
            when = _read(name, m, published)
            if when is not None:
                found.append(when)
            if when is not None or name in _DAYS:
                taken.append(span)  # "31 February 2019" is no date, nor is its "February 2019"
    return sorted(found, key=lambda w: w.start)


def _read(name: str, m: re.Match[str], published: PartialDate) -> When | None:
    g = m.groups()
    try:
        if name == "wdmy":
            day = PartialDate(int(g[3]), MONTHS[g[2].lower()], int(g[1]))
            PartialDate.parse(str(day))
            return When(m.start(), m.end(), day, g[0])
        if name == "wmdy":
            day = PartialDate(int(g[3]), MONTHS[g[1].lower()], int(g[2]))
            PartialDate.parse(str(day))
            return When(m.start(), m.end(), day, g[0])
        if name == "dmy":
            day = PartialDate(int(g[2]), MONTHS[g[1].lower()], int(g[0]))
            PartialDate.parse(str(day))
        elif name == "mdy":
            day = PartialDate(int(g[2]), MONTHS[g[0].lower()], int(g[1]))
            PartialDate.parse(str(day))
        elif name == "my":
            day = PartialDate(int(g[1]), MONTHS[g[0].lower()])
        elif name == "y":
            day = PartialDate(int(g[0]))
        elif name == "weekday":
            if published.day is None:
                return None
            on = last_weekday_on_or_before(published.start, g[0])
            return When(m.start(), m.end(), PartialDate.of(on), g[0], relative=True)
        else:
            resolved = _relative(g, published)
            if resolved is None:
                return None
            return When(m.start(), m.end(), resolved, relative=True)
    except ValueError:
        return None
    return When(m.start(), m.end(), day)


def _relative(g: tuple[str | None, ...], published: PartialDate) -> PartialDate | None:
    which, unit, yesterday = g
    if yesterday:
        if published.day is None:
            return None
        return PartialDate.of(published.start - _dt.timedelta(days=1))
    step = {"last": -1, "this": 0, "next": 1}[str(which)]
    if unit == "year":
        return PartialDate(published.year + step)
    if published.month is None:
        return None
    months = published.year * 12 + published.month - 1 + step
    return PartialDate(months // 12, months % 12 + 1)
