"""Edges of dates, positions and weekday findings that mutation testing showed unguarded."""

from __future__ import annotations

import pytest

from claimcheck.app import Options, verify
from claimcheck.core.dates import PartialDate
from claimcheck.loader.text import line_col
from tests.helpers import write_claims

P = PartialDate.parse


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ("2019-11-30", "2019-11-30", True),  # the same day
        ("2019-11", "2019-11-30", True),  # a day on the last day of a month
        ("2019-11", "2019-11-01", True),  # and on its first
        ("2019-12-01", "2019-11", False),
        ("2019", "2019-12-31", True),
    ],
)
def test_dates_overlap_when_they_share_a_day_even_at_the_edge(a, b, overlap):
    assert P(a).overlaps(P(b)) is overlap
    assert P(b).overlaps(P(a)) is overlap


@pytest.mark.parametrize(
    ("text", "index", "where"),
    [
        ("abc", 0, (1, 1)),
        ("a\nbc\nd", 5, (3, 1)),
        ("a\nb\ncd", 5, (3, 2)),  # the column counts from the last line break, not the first
        ("\nx", 1, (2, 1)),  # a file that starts with a line break
        ("\n\nxy", 3, (3, 2)),
    ],
)
def test_a_position_is_the_line_and_column_a_reader_counts(text, index, where):
    assert line_col(text, index) == where


ENTITIES = "entities:\n  e: {name: the summit, kind: event}\n"


def _weekday_findings(project, claims: str, rule: str):
    write_claims(project, ENTITIES + "claims:\n" + claims)
    result = verify(Options(paths=(str(project),), select=(rule,)))
    return [f for f in result.findings if f.rule_id == rule]


def test_a_wrong_weekday_names_the_claim_the_date_comes_from(project):
    own = _weekday_findings(
        project,
        "  - {id: a, kind: event, event: e, what: w, date: 2024-08-20, weekday: Monday, "
        "quote: q}\n",
        "CC104",
    )
    assert own[0].message.startswith("20 August 2024 was a Tuesday, not a Monday")
    assert own[0].related == ()
    other = _weekday_findings(
        project,
        "  - {id: a, kind: event, event: e, what: w, weekday: Monday, quote: q}\n"
        "  - {id: b, kind: event, event: e, what: w, date: 2024-08-20, quote: q}\n",
        "CC104",
    )
    assert other[0].message.startswith(
        "20 August 2024 (the date claim 'b' gives) was a Tuesday, not a Monday"
    )
    assert [r.line for r in other[0].related] == [other[0].location.line + 1]


def test_a_relative_weekday_on_another_day_names_the_claim_the_date_comes_from(project):
    found = _weekday_findings(
        project,
        "  - {id: a, kind: event, event: e, what: w, weekday: Tuesday, relative: true, "
        "quote: q}\n"
        "  - {id: b, kind: event, event: e, what: w, date: 2024-08-13, quote: q}\n",
        "CC105",
    )
    assert found[0].message == (
        "'Tuesday' read from the publication date, 20 August 2024, is 20 August 2024, but the "
        "event is dated 13 August 2024 (the date claim 'b' gives): give the date, or correct it"
    )
