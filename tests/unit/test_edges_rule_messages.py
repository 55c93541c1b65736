"""What count and ordinal findings tell the reader: the numbers, the names, where to look.

A finding is read by a person: a wrong ordinal suffix, a list that says "and 0 more" or a
count of the rest that is off are bugs a user sees. Written to kill the survivors mutation
testing found in `claimcheck.rules.counts` and `claimcheck.rules.ordinals` (issue 21).
"""

from __future__ import annotations

import pytest

from claimcheck.app import Options, verify
from claimcheck.rules.ordinals import nth
from tests.helpers import write_claims

ENTITIES = (
    "entities:\n  s: {name: Summits, kind: series}\n  club: {name: Club, kind: organisation}\n"
    + "".join(
        f"  e{i}: {{name: summit {i}, kind: event}}\n  m{i}: {{name: M{i}, kind: country}}\n"
        for i in range(1, 10)
    )
)


def _event(i: int, date: str, ordinal: int | None = None, cid: str | None = None) -> str:
    extra = f", ordinal: {ordinal}" if ordinal else ""
    return (
        f"  - {{id: {cid or f'c{i}'}, kind: event, event: e{i}, what: w, series: s, "
        f"date: {date}{extra}, quote: q}}\n"
    )


def _findings(project, rule: str, claims: str):
    write_claims(project, ENTITIES + "claims:\n" + claims)
    result = verify(Options(paths=(str(project),), select=(rule,)))
    return [
        (f.claim_id, f.message, f.pointer, [r.line for r in f.related], f.location.line)
        for f in result.findings
        if f.rule_id == rule
    ]


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (10, "10th"), (11, "11th"),
        (12, "12th"), (13, "13th"), (20, "20th"), (21, "21st"), (22, "22nd"), (23, "23rd"),
        (101, "101st"), (111, "111th"), (120, "120th"), (121, "121st"),
    ],
)  # fmt: skip
def test_ordinals_are_written_as_an_editor_writes_them(n, text):
    assert nth(n) == text


MEMBERS = (
    "  - {{id: l, kind: membership, group: club, members: [{names}], complete: false, quote: q}}\n"
    "  - {{id: n, kind: count, of: members, group: club, count: 3, quote: q}}\n"
)


def test_a_count_below_the_members_named_lists_six_and_counts_the_rest(project):
    names = ", ".join(f"m{i}" for i in range(1, 9))
    assert _findings(project, "CC102", MEMBERS.format(names=names)) == [
        (
            "n",
            (
                "the article counts 3 members of Club, but names 8 (M1, M2, M3, M4, M5, M6 and 2 "
                "more): the count should be at least 8"
            ),
            "/claims/1/count",
            [30],
            31,
        )
    ]
    names = ", ".join(f"m{i}" for i in range(1, 7))
    [(_, message, *_)] = _findings(project, "CC102", MEMBERS.format(names=names))
    assert "names 6 (M1, M2, M3, M4, M5, M6): the count" in message


def test_a_count_below_the_events_named_points_at_each_of_them(project):
    claims = "".join(_event(i, f"201{i}-01-01") for i in range(1, 8))
    claims += "  - {id: n, kind: count, of: events, group: s, count: 2, quote: q}\n"
    assert _findings(project, "CC102", claims) == [
        (
            "n",
            (
                "the article counts 2 events of Summits, but names 7 (summit 1, summit 2, "
                "summit 3, summit 4, summit 5, summit 6 and 1 more): the count should be at "
                "least 7"
            ),
            "/claims/7/count",
            [30, 31, 32, 33, 34, 35, 36],
            37,
        )
    ]


def test_an_ordinal_below_the_earlier_events_lists_four_and_counts_the_rest(project):
    six = "".join(_event(i, f"201{i}-01-01") for i in range(1, 7))
    assert _findings(project, "CC103", six + _event(8, "2019-01-01", 2, "k")) == [
        (
            "k",
            (
                "the article calls summit 8 the 2nd of Summits, but dates 6 earlier ones (summit 1 "
                "in 1 January 2011, summit 2 in 1 January 2012, summit 3 in 1 January 2013, summit "
                "4 in 1 January 2014 and 2 more): it is at least the 7th"
            ),
            "/claims/6/ordinal",
            [30, 31, 32, 33, 34, 35],
            36,
        )
    ]
    four = "".join(_event(i, f"201{i}-01-01") for i in range(1, 5))
    [(_, message, *_)] = _findings(project, "CC103", four + _event(8, "2019-01-01", 2, "k"))
    assert "summit 4 in 1 January 2014): it is at least the 5th" in message


def test_an_event_before_the_first_says_the_series_began_later(project):
    claims = _event(1, "2015-01-01", 1) + _event(2, "2014-01-01")
    assert _findings(project, "CC110", claims) == [
        (
            "c2",
            (
                "summit 2 is dated 1 January 2014, before Summits began with summit 1 in 1 January "
                "2015 (claim 'c1'): a date or an ordinal is wrong"
            ),
            "/claims/1/date",
            [30],
            31,
        )
    ]


def test_a_numbered_event_before_a_lower_one_names_both_ordinals(project):
    claims = _event(1, "2015-01-01", 3) + _event(2, "2016-01-01", 2)
    assert _findings(project, "CC110", claims) == [
        (
            "c1",
            (
                "summit 1 (the 3rd) is dated 1 January 2015, before the 2nd, summit 2 in 1 January "
                "2016 (claim 'c2'): a date or an ordinal is wrong"
            ),
            "/claims/0/date",
            [31],
            30,
        )
    ]


def test_two_events_given_one_ordinal_are_reported_after_an_unnumbered_one(project):
    unnumbered = "  - {id: u, kind: event, event: e9, what: w, series: s, quote: q}\n"
    claims = unnumbered + _event(1, "2015-01-01", 2) + _event(2, "2016-01-01", 2)
    assert _findings(project, "CC103", claims) == [
        (
            "c2",
            (
                "the article calls both summit 1 (claim 'c1') and summit 2 the 2nd of Summits: one "
                "of the ordinals is wrong, or both claims are about one event and should share its "
                "id"
            ),
            "/claims/2/ordinal",
            [31],
            32,
        )
    ]


def test_an_event_out_of_order_points_at_the_date_that_contradicts_it(project):
    """The related location is the other claim's `date`, not the claim's first line."""
    block = "".join(
        f"  - id: c{i}\n    kind: event\n    event: e{i}\n    what: w\n    series: s\n"
        f"{extra}    date: {date}\n    quote: q\n"
        for i, extra, date in ((1, "    ordinal: 1\n", "2015-01-01"), (2, "", "2014-01-01"))
    )
    [(claim, _, pointer, related, line)] = _findings(project, "CC110", block)
    assert (claim, pointer, related, line) == ("c2", "/claims/1/date", [36], 43)


def test_a_count_below_the_events_named_points_at_ten_of_them_undated_first(project):
    events = "".join(f"  x{i}: {{name: fair {i}, kind: event}}\n" for i in range(12))
    undated = "".join(
        f"  - {{id: u{i}, kind: event, event: x{i}, what: w, series: s, quote: q}}\n"
        for i in range(3)
    )
    dated = "".join(
        f"  - {{id: d{i}, kind: event, event: x{i}, what: w, series: s, date: '20{i + 10}', "
        "quote: q}\n"
        for i in range(3, 12)
    )
    count = "  - {id: n, kind: count, of: events, group: s, count: 1, quote: q}\n"
    write_claims(project, ENTITIES + events + "claims:\n" + undated + dated + count)
    result = verify(Options(paths=(str(project),), select=("CC102",)))
    [finding] = [f for f in result.findings if f.rule_id == "CC102"]
    assert "names 12 (fair 0, fair 1, fair 2, fair 3, fair 4, fair 5 and 6 more)" in (
        finding.message
    )
    assert len(finding.related) == 10
