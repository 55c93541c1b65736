"""Partial dates: a year, a month or a day, each an interval of days.

"November 2019" must never become 1 November 2019: a month is compared as the whole month.

So a partial date has no ``<``: "2015" and "November 2015" overlap, neither comes first, and
an order on the fields (a year before its own months, ``None`` against a number) answers a
question the data cannot. Callers say which question they ask: ``is_before`` / ``is_after``
(the whole interval precedes or follows), ``contains``, ``overlaps``, or compare the ``start``
and ``end`` days; ``sort_key`` orders dates for output, never for a verdict.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["year", "month", "day"]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


_NUMERIC_DMY = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$")
# Year first, but not as written: "2024-2-1", "2024/02/01", "2024-8".
_NUMERIC_YMD = re.compile(r"^\s*(\d{4})[./-](\d{1,2})(?:[./-](\d{1,2}))?\s*$")
_MONTHS = tuple(_dt.date(2000, m, 1).strftime("%B").lower() for m in range(1, 13))
# "20 August 2024", "Aug. 20, 2024", "August 20th 2024".
_WORDY = re.compile(
    r"^\s*(?:(\d{1,2})\s+([A-Za-z]+)\.?,?|([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?)"
    r"\s+(\d{4})\s*$"
)


def _month(name: str) -> int | None:
    name = name.lower()
    found = [n for n, m in enumerate(_MONTHS, 1) if len(name) >= 3 and m.startswith(name)]
    return found[0] if len(found) == 1 else None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def date_hint(text: str) -> str:
    """``: did you mean 2024-08-20?`` for a date written the European or American way, or
    year first without its zeros or with slashes (2024-8-20, 2024/08/20).

    20/08/2024 can only be day first and 08/20/2024 only month first; 05/08/2024 could be
    either, so both readings are given and the writer chooses.
    """
    m = _NUMERIC_DMY.match(text)
    if m:
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        day_first, month_first = _iso(year, b, a), _iso(year, a, b)
        if day_first and month_first and day_first != month_first:
            return (
                f": did you mean {day_first} (day first, as in Europe) or {month_first} "
                "(month first, as in the US)?"
            )
        one = day_first or month_first
        return f": did you mean {one}?" if one else ""
    m = _NUMERIC_YMD.match(text)
    if m:
        year, mon = int(m.group(1)), int(m.group(2))
        if m.group(3) is None:
            iso = f"{year:04d}-{mon:02d}" if 1 <= mon <= 12 else None
        else:
            iso = _iso(year, mon, int(m.group(3)))
        return f": did you mean {iso}?" if iso else ""
    m = _WORDY.match(text)
    if m:
        day, name = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        month = _month(name)
        found = _iso(int(m.group(5)), month, int(day)) if month else None
        return f": did you mean {found}?" if found else ""
    return ""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to year, month or day precision: the interval of days it covers.

    Equal only to the same date at the same precision (a month is not its first day);
    hashable; deliberately not ordered (see the module docstring).
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        m = _DATE_RE.match(text)
        if not m:
            raise ValueError(
                f"{text!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD{date_hint(text)}"
            )
        year = int(m.group(1))
        month = int(m.group(2)) if m.group(2) else None
        day = int(m.group(3)) if m.group(3) else None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"{text!r} has no month {month}")
        if day is not None:
            try:
                _dt.date(year, month or 1, day)
            except ValueError:
                raise ValueError(f"{text!r} is not a day of the calendar") from None
        if year < 1:
            raise ValueError(f"{text!r}: year must be 1 or later")
        return cls(year, month, day)

    @classmethod
    def of(cls, day: _dt.date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def start(self) -> _dt.date:
        return _dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def end(self) -> _dt.date:
        """The last day the partial date covers (inclusive)."""
        if self.day is not None:
            return self.start
        if self.month is None:
            return _dt.date(self.year, 12, 31)
        if self.month == 12:
            return _dt.date(self.year, 12, 31)
        return _dt.date(self.year, self.month + 1, 1) - _dt.timedelta(days=1)

    def contains(self, other: PartialDate) -> bool:
        """True when every day of ``other`` lies inside this date's interval."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: PartialDate) -> bool:
        return self.start <= other.end and other.start <= self.end

    def is_before(self, other: PartialDate) -> bool:
        """True only when this interval ends before ``other`` begins."""
        return self.end < other.start

    def is_after(self, other: PartialDate) -> bool:
        """True only when this interval begins after ``other`` ends."""
        return other.end < self.start

    def sort_key(self) -> tuple[_dt.date, _dt.date]:
        """(first day, last day): a total order for listing dates, not a before/after answer.

        A year sorts before its own months and a month before its days, since it starts no
        later and ends later.
        """
        return (self.start, self.end)

    def weekday(self) -> str | None:
        return WEEKDAYS[self.start.weekday()] if self.day is not None else None

    def __str__(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def human(self) -> str:
        """The date as an editor would write it: 20 August 2024, November 2019, 2015."""
        if self.day is not None:
            return f"{self.day} {self.start:%B} {self.year}"
        if self.month is not None:
            return f"{self.start:%B} {self.year}"
        return str(self.year)


def last_weekday_on_or_before(day: _dt.date, weekday: str) -> _dt.date:
    """Resolve "on Tuesday" as a news article means it: the latest such day not after ``day``."""
    back = (day.weekday() - WEEKDAYS.index(weekday)) % 7
    return day - _dt.timedelta(days=back)
