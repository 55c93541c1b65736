import datetime as dt

import pytest

from claimcheck.core.dates import PartialDate, last_weekday_on_or_before

D = PartialDate.parse


@pytest.mark.parametrize(
    ("text", "precision", "start", "end"),
    [
        ("2015", "year", dt.date(2015, 1, 1), dt.date(2015, 12, 31)),
        ("2019-11", "month", dt.date(2019, 11, 1), dt.date(2019, 11, 30)),
        ("2024-02", "month", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-12", "month", dt.date(2023, 12, 1), dt.date(2023, 12, 31)),
        ("2024-08-20", "day", dt.date(2024, 8, 20), dt.date(2024, 8, 20)),
    ],
)
def test_partial_dates_are_intervals(text, precision, start, end):
    d = PartialDate.parse(text)
    assert (d.precision, d.start, d.end, str(d)) == (precision, start, end, text)


def test_a_month_is_never_its_first_day():
    month = PartialDate.parse("2019-11")
    assert month != PartialDate.parse("2019-11-01")
    assert month.contains(PartialDate.parse("2019-11-30"))
    assert not PartialDate.parse("2019-11-30").contains(month)


def test_year_contains_day_but_month_does_not():
    signed = PartialDate.parse("2015-12-12")
    assert PartialDate.parse("2015").contains(signed)
    assert not PartialDate.parse("2015-11").contains(signed)


@pytest.mark.parametrize("bad", ["2024-02-30", "2024-13", "15", "2024-8-1", "2024/08/20", ""])
def test_impossible_or_malformed_dates_are_refused(bad):
    with pytest.raises(ValueError):
        PartialDate.parse(bad)


def test_weekday_and_relative_days():
    assert PartialDate.parse("2024-08-20").weekday() == "Tuesday"
    assert PartialDate.parse("2024-08").weekday() is None
    assert last_weekday_on_or_before(dt.date(2024, 8, 20), "Tuesday") == dt.date(2024, 8, 20)
    assert last_weekday_on_or_before(dt.date(2024, 8, 21), "Tuesday") == dt.date(2024, 8, 20)
    assert last_weekday_on_or_before(dt.date(2024, 8, 20), "Wednesday") == dt.date(2024, 8, 14)


def test_order_and_human_form():
    assert PartialDate.parse("2019-11").is_before(PartialDate.parse("2024-08-20"))
    assert not PartialDate.parse("2024").is_before(PartialDate.parse("2024-08-20"))
    assert PartialDate.parse("2019-11").human() == "November 2019"
    assert PartialDate.parse("2024-08-20").human() == "20 August 2024"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("2015", "2015-11"),  # a year and one of its months: the field order raised
        ("2015-01", "2015-02"),  # the field order answered, and would for 2015 vs 2015-01-31
        ("2015-01-31", "2015-01"),
    ],
)
def test_partial_dates_have_no_implicit_order(a, b):
    with pytest.raises(TypeError):
        _ = PartialDate.parse(a) < PartialDate.parse(b)
    with pytest.raises(TypeError):
        sorted([PartialDate.parse(a), PartialDate.parse(b)])


def test_named_comparisons_answer_the_question_asked():
    year, month, day = D("2015"), D("2015-11"), D("2015-11-30")
    assert not year.is_before(month) and not year.is_after(month)  # they overlap
    assert D("2016-01").is_after(year) and not year.is_after(D("2016-01"))
    assert year.overlaps(day) and month.contains(day)
    # sort_key lists a year before its months, a month before its days, ties never arise
    listed = sorted([day, D("2014-12-31"), month, year], key=PartialDate.sort_key)
    assert [str(d) for d in listed] == ["2014-12-31", "2015", "2015-11", "2015-11-30"]
