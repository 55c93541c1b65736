"""The edges of the in-article rules that decide a finding, its words and where it points.

Each test kills mutants that survived the whole suite (docs/testing.md, "Mutation scores"):
a place the article says lies in another, the first claim that gives no place, an office
holder named by an alias, a source without its date. Everything goes through `verify` on a
small claim file, so only a changed behaviour breaks them.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from claimcheck.app import Options, verify
from claimcheck.config import apply_config
from claimcheck.core.findings import Finding
from tests.helpers import HEADER, write_claims

ENTITIES = """\
entities:
  e1: {name: first summit, kind: event}
  e2: {name: second summit, kind: event}
  e3: {name: third summit, kind: event}
  s: {name: Summits, kind: series}
  delhi: {name: New Delhi, kind: place, aliases: [Delhi]}
  tokyo: {name: Tokyo, kind: place}
  osaka: {name: Osaka, kind: place}
  house: {name: Hyderabad House, kind: place}
  pm: {name: Prime Minister, kind: office}
  p1: {name: Pat Lee, kind: person, aliases: [Lee]}
  p2: {name: Sam Roe, kind: person}
  p3: {name: Kim Poe, kind: person}
"""


def _findings(project: Path, rule: str, claims: str) -> tuple[str, list[Finding]]:
    """The claim file's text and the findings of one rule on it (no knowledge base)."""
    body = "claims:\n" + textwrap.indent(textwrap.dedent(claims).strip("\n"), "  ") + "\n"
    text = write_claims(project, ENTITIES + body).read_text(encoding="utf-8")
    result = verify(Options(paths=(str(project),), select=(rule,)))
    assert not [f for f in result.findings if f.rule_id.startswith("CC00")], result.findings
    return text, [f for f in result.findings if f.rule_id == rule]


def _line(text: str, claim_id: str) -> int:
    """The line (from 1) where the flow-style claim `claim_id` is written."""
    lines = text.splitlines()
    return next(n for n, line in enumerate(lines, 1) if f"{{id: {claim_id}," in line)


def _related_lines(found: Finding) -> list[int]:
    return [loc.line for loc in found.related]


def _value_at(text: str, claim_id: str, field: str) -> tuple[int, int]:
    """The line and column (from 1) of `field`'s value in the flow-style claim `claim_id`."""
    line = _line(text, claim_id)
    written = text.splitlines()[line - 1]
    return line, written.index(f" {field}: ") + len(field) + 4


# -- CC106 event-date-conflict ---------------------------------------------------------------


def test_every_date_of_an_event_that_cannot_be_right_is_reported_with_the_claim_it_contradicts(
    project,
):
    text, found = _findings(
        project,
        "CC106",
        """
        - {id: a, kind: event, event: e1, what: w, date: 2019-11, quote: q}
        - {id: b, kind: event, event: e1, what: w, date: 2019-12-01, quote: q}
        - {id: c, kind: event, event: e1, what: w, date: "2018", quote: q}
        """,
    )
    assert [(f.claim_id, f.pointer, f.message) for f in found] == [
        (
            "b",
            "/claims/1/date",
            (
                "this claim dates first summit 1 December 2019, but claim 'a' dates it November "
                "2019: the dates cannot both be right; correct one, or give the two events "
                "different ids"
            ),
        ),
        (
            "c",
            "/claims/2/date",
            (
                "this claim dates first summit 2018, but claim 'a' dates it November 2019: the "
                "dates cannot both be right; correct one, or give the two events different ids"
            ),
        ),
    ]
    assert [_related_lines(f) for f in found] == [[_line(text, "a")]] * 2


@pytest.mark.parametrize(
    ("same", "late", "message"),
    [
        ("2019-11-01", '"2018"', "this claim dates first summit 2018, but claim 'a' dates it"),
        ("2019-11-30", '"2020"', "this claim dates first summit 2020, but claim 'a' dates it"),
    ],
)
def test_a_date_that_cannot_be_right_names_the_first_of_the_claims_it_contradicts(
    project, same, late, message
):
    """A day at the edge of the month agrees with the month, so the month's claim, the first
    to give that bound, is the one named; a claim without a date is passed over."""
    text, found = _findings(
        project,
        "CC106",
        f"""
        - {{id: none, kind: event, event: e1, what: w, quote: q}}
        - {{id: a, kind: event, event: e1, what: w, date: 2019-11, quote: q}}
        - {{id: b, kind: event, event: e1, what: w, date: {same}, quote: q}}
        - {{id: c, kind: event, event: e1, what: w, date: {late}, quote: q}}
        """,
    )
    assert [(f.claim_id, f.message.split(" November 2019:")[0]) for f in found] == [("c", message)]
    assert [(loc.line, loc.column) for loc in found[0].related] == [_value_at(text, "a", "date")]


# -- CC107 event-place-conflict --------------------------------------------------------------


def test_two_places_for_one_event_are_reported_with_both_claims_named(project):
    text, found = _findings(
        project,
        "CC107",
        """
        - {id: a, kind: event, event: e1, what: w, place: delhi, quote: q}
        - {id: b, kind: event, event: e1, what: w, place: tokyo, quote: q}
        """,
    )
    assert [(f.claim_id, f.pointer, f.location.line) for f in found] == [
        ("b", "/claims/1/place", _line(text, "b"))
    ]
    assert _related_lines(found[0]) == [_line(text, "a")]
    assert [(loc.line, loc.column) for loc in found[0].related] == [_value_at(text, "a", "place")]
    assert [f.message for f in found] == [
        (
            "this claim places first summit in Tokyo, but claim 'a' places it in New Delhi: "
            "correct one, or say how the places relate with a located_in claim"
        )
    ]


def test_a_claim_without_a_place_does_not_stop_the_places_after_it_being_compared(project):
    _, found = _findings(
        project,
        "CC107",
        """
        - {id: none, kind: event, event: e1, what: w, quote: q}
        - {id: a, kind: event, event: e1, what: w, place: delhi, quote: q}
        - {id: b, kind: event, event: e1, what: w, place: tokyo, quote: q}
        """,
    )
    assert [f.claim_id for f in found] == ["b"]
    assert "claim 'a' places it in New Delhi" in found[0].message


def test_every_place_after_the_first_is_compared_with_the_first(project):
    """The same place again passes, and the claims after it are still compared."""
    _, found = _findings(
        project,
        "CC107",
        """
        - {id: a, kind: event, event: e1, what: w, place: delhi, quote: q}
        - {id: again, kind: event, event: e1, what: w, place: Delhi, quote: q}
        - {id: b, kind: event, event: e1, what: w, place: tokyo, quote: q}
        - {id: c, kind: event, event: e1, what: w, place: osaka, quote: q}
        """,
    )
    assert [f.claim_id for f in found] == ["b", "c"]
    assert all("claim 'a' places it in New Delhi" in f.message for f in found)


def test_places_of_different_events_are_not_compared(project):
    _, found = _findings(
        project,
        "CC107",
        """
        - {id: a, kind: event, event: e1, what: w, place: delhi, quote: q}
        - {id: b, kind: event, event: e2, what: w, place: tokyo, quote: q}
        """,
    )
    assert found == []


def _inside(project: Path, predicate: str, subject: str, obj: str) -> list[Finding]:
    _, found = _findings(
        project,
        "CC107",
        f"""
        - {{id: a, kind: event, event: e1, what: w, place: delhi, quote: q}}
        - {{id: b, kind: event, event: e1, what: w, place: house, quote: q}}
        - {{id: r, kind: relation, subject: {subject}, predicate: {predicate}, object: {obj},
           quote: q}}
        """,
    )
    return found


def test_a_place_the_article_says_is_located_in_the_other_is_no_conflict(project):
    assert _inside(project, "located_in", "house", "delhi") == []


def test_a_place_the_article_says_lies_in_the_other_is_no_conflict(project):
    assert _inside(project, "lies_in", "house", "delhi") == []


def test_the_first_place_lying_in_the_later_one_is_no_conflict_either(project):
    assert _inside(project, "located_in", "delhi", "house") == []


def test_a_relation_between_other_places_or_of_another_kind_does_not_excuse_a_conflict(project):
    assert [f.claim_id for f in _inside(project, "borders", "house", "delhi")] == ["b"]
    assert [f.claim_id for f in _inside(project, "located_in", "house", "tokyo")] == ["b"]
    assert [f.claim_id for f in _inside(project, "located_in", "tokyo", "delhi")] == ["b"]


def test_a_complete_list_is_compared_with_the_claims_of_its_own_date(project):
    """Dated the publication day: compared with the undated claim (of that day too), not
    with the list of 2001 before it."""
    _, found = _findings(
        project,
        "CC101",
        """
        - {id: a, kind: membership, group: s, at: "2001", complete: false, members: [e1], quote: q}
        - {id: b, kind: membership, group: s, at: 2024-08-20, complete: true, members: [e2],
           quote: q}
        - {id: c, kind: membership, group: s, complete: false, members: [e3], quote: q}
        """,
    )
    assert [(f.claim_id, f.message) for f in found] == [
        (
            "b",
            (
                "the list of Summits presented as complete omits third summit, which claim 'c'"
                " names as a member"
            ),
        )
    ]


# -- CC108 count-conflict -------------------------------------------------------------------


def test_two_counts_of_members_on_one_day_are_reported_with_both_claims_named(project):
    text, found = _findings(
        project,
        "CC108",
        """
        - {id: a, kind: count, of: members, group: s, count: 4, quote: q}
        - {id: e, kind: count, of: events, group: s, count: 5, quote: q}
        - {id: b, kind: count, of: members, group: s, count: 5, quote: q}
        """,
    )
    assert [(f.claim_id, f.pointer, f.message) for f in found] == [
        (
            "b",
            "/claims/2/count",
            (
                "this claim counts 5 members of Summits, but claim 'a' counts 4 at the same time: "
                "correct one, or give them different `at` dates"
            ),
        )
    ]
    assert _related_lines(found[0]) == [_line(text, "a")]
    assert [(loc.line, loc.column) for loc in found[0].related] == [
        (found[0].location.line - 2, found[0].location.column)
    ]


def test_a_founding_count_is_compared_only_with_founding_counts(project):
    """Five founders and ten members today do not conflict; two counts of today do."""
    _, found = _findings(
        project,
        "CC108",
        """
        - {id: f, kind: count, of: members, group: s, count: 5, founding: true, quote: q}
        - {id: a, kind: count, of: members, group: s, count: 10, quote: q}
        - {id: b, kind: count, of: members, group: s, count: 12, quote: q}
        - {id: g, kind: count, of: members, group: s, count: 5, founding: true, quote: q}
        """,
    )
    assert [(f.claim_id, f.related[0].line - f.location.line) for f in found] == [("b", -1)]


# -- CC102 count-mismatch: a count of members ---------------------------------------------------


def test_every_count_of_a_groups_members_is_checked_against_the_claims_that_name_them(project):
    """Two counts, each too low for the five members two partial lists name: both reported,
    each pointing at the two lists."""
    text, found = _findings(
        project,
        "CC102",
        """
        - {id: l1, kind: membership, group: s, complete: false, members: [e1, e2, e3], quote: q}
        - {id: n1, kind: count, of: members, group: s, count: 4, quote: q}
        - {id: l2, kind: membership, group: s, complete: false, members: [e3, tokyo, osaka],
           quote: q}
        - {id: n2, kind: count, of: members, group: s, count: 3, quote: q}
        """,
    )
    assert [f.claim_id for f in found] == ["n1", "n2"]
    for f in found:
        assert _related_lines(f) == [_line(text, "l1"), _line(text, "l2")]
        assert "but names 5 (first summit, second summit, third summit, Tokyo, Osaka)" in (
            f.message
        )


# -- CC109 office-holder-conflict ------------------------------------------------------------


def test_two_holders_of_one_office_on_one_day_are_reported_with_both_claims_named(project):
    text, found = _findings(
        project,
        "CC109",
        """
        - {id: a, kind: office, office: pm, holder: p1, quote: q}
        - {id: b, kind: office, office: pm, holder: p2, quote: q}
        """,
    )
    assert [(f.claim_id, f.pointer, f.location.line) for f in found] == [
        ("b", "/claims/1/holder", _line(text, "b"))
    ]
    assert _related_lines(found[0]) == [_line(text, "a")]
    assert [(loc.line, loc.column) for loc in found[0].related] == [_value_at(text, "a", "holder")]
    assert [f.message for f in found] == [
        (
            "this claim names Sam Roe as Prime Minister, but claim 'a' names Pat Lee at the same "
            "time: correct one, or give them different `at` dates"
        )
    ]


def test_one_holder_named_by_an_alias_is_not_two_holders(project):
    _, found = _findings(
        project,
        "CC109",
        """
        - {id: a, kind: office, office: pm, holder: p1, quote: q}
        - {id: b, kind: office, office: pm, holder: Lee, quote: q}
        - {id: c, kind: office, office: pm, holder: p3, quote: q}
        """,
    )
    assert [f.claim_id for f in found] == ["c"]
    assert "claim 'a' names Pat Lee" in found[0].message


def test_holders_on_different_days_or_in_a_month_do_not_conflict(project):
    _, found = _findings(
        project,
        "CC109",
        """
        - {id: a, kind: office, office: pm, holder: p1, at: 2024-08-01, quote: q}
        - {id: b, kind: office, office: pm, holder: p2, at: 2024-08-02, quote: q}
        - {id: m1, kind: office, office: pm, holder: p1, at: 2024-09, quote: q}
        - {id: m2, kind: office, office: pm, holder: p2, at: 2024-09, quote: q}
        - {id: c, kind: office, office: pm, holder: p3, at: 2024-08-02, quote: q}
        """,
    )
    assert [(f.claim_id, f.pointer) for f in found] == [("c", "/claims/4/holder")]
    assert "claim 'b' names Sam Roe" in found[0].message


# -- CC111 missing-source, CC112 incomplete-source -------------------------------------------

URL = "https://example.org/a"


def _sourced(project: Path, rule: str, sources: str, config: str = "") -> list[Finding]:
    """The findings of `rule` on a sourced claim followed by one with `sources`."""
    if config:
        (project / "pyproject.toml").write_text(
            f"[tool.claimcheck.rules.{rule}]\n{config}\n", encoding="utf-8"
        )
    body = (
        "claims:\n"
        f"  - {{id: ok, kind: office, office: pm, holder: p1, quote: q,"
        f" sources: [{{url: {URL}, accessed: 2026-11}}]}}\n"
        f"  - {{id: x, kind: office, office: pm, holder: p1, quote: q{sources}}}\n"
    )
    write_claims(project, ENTITIES + body)
    result = verify(apply_config(Options(paths=(str(project),), select=(rule,))))
    assert not [f for f in result.findings if f.rule_id.startswith("CC00")], result.findings
    return [f for f in result.findings if f.rule_id == rule]


def test_a_claim_without_sources_is_reported_at_its_id(project):
    for sources in ("", ", sources: []"):
        found = _sourced(project, "CC111", sources)
        assert [(f.claim_id, f.pointer, f.message) for f in found] == [
            (
                "x",
                "/claims/1/id",
                (
                    "this claim has no source: add where the fact was found (a URL and the date it "
                    "was read), or suppress CC111 with the reason it needs none"
                ),
            )
        ]


def test_a_source_without_url_and_date_is_reported_with_both_named(project):
    found = _sourced(
        project, "CC112", f", sources: [{{url: {URL}, accessed: 2026-11}}, {{title: About}}]"
    )
    assert [(f.claim_id, f.pointer, f.message) for f in found] == [
        (
            "x",
            "/claims/1/sources/1",
            (
                "source 2 ('About') lacks a URL and the date it was read (`accessed`): add them, "
                "so a reader can find the source and compare it with what was read"
            ),
        )
    ]


def test_a_source_lacking_one_thing_names_it_and_a_source_without_title_its_number(project):
    found = _sourced(
        project, "CC112", f", sources: [{{url: {URL}}}, {{title: T, accessed: 2026-11}}]"
    )
    assert [(f.pointer, f.message) for f in found] == [
        (
            "/claims/1/sources/0",
            (
                "source 1 lacks the date it was read (`accessed`): add it, so a reader can find "
                "the source and compare it with what was read"
            ),
        ),
        (
            "/claims/1/sources/1",
            (
                "source 2 ('T') lacks a URL: add it, so a reader can find the source and compare "
                "it with what was read"
            ),
        ),
    ]


def test_a_source_without_url_passes_when_the_url_is_not_required(project):
    found = _sourced(
        project,
        "CC112",
        f", sources: [{{title: T, accessed: 2026-11}}, {{url: {URL}}}, {{title: U}}]",
        "require-url = false",
    )
    assert [(f.pointer, f.message.split(":")[0]) for f in found] == [
        ("/claims/1/sources/1", "source 2 lacks the date it was read (`accessed`)"),
        ("/claims/1/sources/2", "source 3 ('U') lacks the date it was read (`accessed`)"),
    ]


def test_a_source_without_date_passes_when_the_date_is_not_required(project):
    found = _sourced(
        project,
        "CC112",
        f", sources: [{{url: {URL}}}, {{title: T, accessed: 2026-11}}, {{title: U}}]",
        "require-accessed = false",
    )
    assert [(f.pointer, f.message.split(":")[0]) for f in found] == [
        ("/claims/1/sources/1", "source 2 ('T') lacks a URL"),
        ("/claims/1/sources/2", "source 3 ('U') lacks a URL"),
    ]


# -- CC102 count-mismatch: a count of events at a time -----------------------------------------

SUMMITS = """
- {id: x1, kind: event, event: e1, what: w, series: s, date: 2019-11-30, ORD1 quote: q}
- {id: x2, kind: event, event: e2, what: w, series: s, date: 2022-09-08, quote: q}
- {id: x3, kind: event, event: e3, what: w, series: s, date: 2024-08-20, ORD3 quote: q}
"""


def _count(project: Path, count: int, at: str = "", ordinals: str = "") -> list[str]:
    """CC102's messages on three dated summits and a count of them (`at` if given)."""
    summits = SUMMITS.replace("ORD1", "ordinal: 1," if ordinals else "")
    summits = summits.replace("ORD3", f"ordinal: {ordinals}," if ordinals else "")
    when = f" at: {at}," if at else ""
    claim = f"- {{id: n, kind: count, of: events, group: s, count: {count},{when} quote: q}}"
    _, found = _findings(project, "CC102", summits + claim)
    assert all(f.claim_id == "n" and f.pointer == "/claims/3/count" for f in found)
    return [f.message for f in found]


def test_a_count_of_events_at_a_date_ignores_the_events_dated_after_it(project):
    assert _count(project, 2, '"2023"') == []
    assert _count(project, 1, '"2023"') == [
        (
            "the article counts 1 events of Summits, but names 2 (first summit, second summit): "
            "the count should be at least 2"
        )
    ]


def test_a_count_of_events_on_the_day_of_an_event_includes_it(project):
    assert _count(project, 1, "2022-09-07") == []
    assert len(_count(project, 1, "2022-09-08")) == 1
    assert len(_count(project, 1, "2022-09")) == 1


def test_a_count_of_events_without_a_date_counts_every_event_up_to_publication(project):
    assert _count(project, 3) == []
    assert _count(project, 2) == [
        (
            "the article counts 2 events of Summits, but names 3 (first summit, second summit, "
            "third summit): the count should be at least 3"
        )
    ]


def test_an_ordinal_dated_after_a_count_does_not_raise_it(project):
    assert _count(project, 2, '"2023"', ordinals="5") == []
    assert _count(project, 2, ordinals="5") == [
        (
            "the article counts 2 events of Summits, but calls one of them number 5 (claim 'x3'): "
            "the count should be at least 5"
        )
    ]


def test_a_count_of_no_events_of_a_series_without_events_passes(project):
    _, found = _findings(
        project, "CC102", "- {id: n, kind: count, of: events, group: s, count: 0, quote: q}"
    )
    assert found == []


def test_an_undated_event_s_ordinal_raises_a_count_at_any_date(project):
    text, found = _findings(
        project,
        "CC102",
        """
        - {id: u, kind: event, event: e1, what: w, series: s, ordinal: 4, quote: q}
        - {id: x, kind: event, event: e2, what: w, series: s, date: 2022-09-08, quote: q}
        - {id: n, kind: count, of: events, group: s, count: 2, at: "2020", quote: q}
        """,
    )
    assert [(f.message, [(loc.line, loc.column) for loc in f.related]) for f in found] == [
        (
            (
                "the article counts 2 events of Summits, but calls one of them number 4 "
                "(claim 'u'): the count should be at least 4"
            ),
            [_value_at(text, "u", "ordinal")],
        )
    ]


# -- CC103, CC110: the events of a series, whichever claim gives their ordinal or date -------


def test_an_ordinal_given_by_a_later_claim_about_the_event_is_reported_there(project):
    text, found = _findings(
        project,
        "CC103",
        """
        - {id: x1, kind: event, event: e1, what: w, series: s, date: 2019-11-30, quote: q}
        - {id: x2, kind: event, event: e2, what: w, series: s, date: 2022-09-08, quote: q}
        - {id: m3, kind: event, event: e3, what: w, series: s, quote: q}
        - {id: d3, kind: event, event: e3, what: w, series: s, date: 2024-08-20, quote: q}
        - {id: o3, kind: event, event: third summit, what: w, series: s, ordinal: 2, quote: q}
        """,
    )
    assert [(f.claim_id, f.pointer, f.message) for f in found] == [
        (
            "o3",
            "/claims/4/ordinal",
            (
                "the article calls third summit the 2nd of Summits, but dates 2 earlier ones "
                "(first summit in 30 November 2019, second summit in 8 September 2022): it is at "
                "least the 3rd"
            ),
        )
    ]
    assert [loc.line for loc in found[0].related] == [_line(text, "x1"), _line(text, "x2")]


def test_a_date_given_by_a_later_claim_about_the_event_is_reported_there(project):
    text, found = _findings(
        project,
        "CC110",
        """
        - {id: f, kind: event, event: e1, what: w, series: s, ordinal: 1, quote: q}
        - {id: fd, kind: event, event: e1, what: w, series: s, date: 2019-11, quote: q}
        - {id: m, kind: event, event: e2, what: w, series: s, quote: q}
        - {id: md, kind: event, event: second summit, what: w, series: s, date: 2018-05,
           quote: q}
        """,
    )
    assert [(f.claim_id, f.pointer, f.message) for f in found] == [
        (
            "md",
            "/claims/3/date",
            (
                "second summit is dated May 2018, before Summits began with first summit in "
                "November 2019 (claim 'fd'): a date or an ordinal is wrong"
            ),
        )
    ]
    assert [loc.line for loc in found[0].related] == [_line(text, "fd")]


def test_an_article_url_that_is_not_http_is_reported_with_the_url_and_why(project):
    header = HEADER.replace(
        "  text: articles/a.txt\n", "  text: articles/a.txt\n  url: ftp://x.org/a\n"
    )
    (project / "a.claims.yaml").write_text(
        header
        + ENTITIES
        + "claims:\n  - {id: o, kind: office, office: pm, holder: p1, quote: q}\n",
        encoding="utf-8",
    )
    found = list(verify(Options(paths=(str(project),), select=("CC113",))).findings)
    assert [(f.pointer, f.claim_id, f.message) for f in found] == [
        (
            "/article/url",
            None,
            (
                "URL 'ftp://x.org/a' has 'ftp:', not http(s): give the full https:// address "
                "of the page"
            ),
        )
    ]


def test_discovering_the_rules_again_finds_each_rule_of_every_module_once_in_id_order():
    """The registry is built at import, before mutmut switches a mutant on: rebuilt here."""
    from claimcheck import rules

    found = rules._discover()
    assert found == rules.RULES
    assert [r.id for r in found] == sorted({r.id for r in found})
    assert {r.__module__.rsplit(".", 1)[1] for r in found} >= {"counts", "entities", "quotes"}
    assert all("id" in vars(r) for r in found)


def test_a_complete_list_names_five_omitted_members_and_the_claims_or_others_naming_them(
    project,
):
    """CC101 counts the omitted past five, names the claims that name them ("and others"
    past five), says "claim ... names" for one, and points at each claim it names."""
    entities = "entities:\n  g: {name: Gee, kind: organisation}\n" + "".join(
        f"  m{k}: {{name: M{k}, kind: country}}\n" for k in range(1, 9)
    )
    member = "  - {{id: {}, kind: membership, group: g, members: [{}], complete: {}, quote: q}}\n"
    claims = member.format("all", "m8", "true")
    claims += "".join(member.format(f"c{k}", f"m{k}", "false") for k in range(1, 8))
    claims += member.format("x1", "m1, m2, m3, m4, m5, m6", "true")
    claims += member.format("x2", "m8, m2, m3, m4, m5, m6, m7", "true")
    claims += member.format("c1", "m8", "false")
    write_claims(project, entities + "claims:\n" + claims)
    result = verify(Options(paths=(str(project),), select=("CC101", "CC117")))
    found = {
        (f.rule_id, f.claim_id): (f.message, f.pointer, [r.line for r in f.related])
        for f in result.findings
    }
    omits = "the list of Gee presented as complete omits"
    own = "give this claim an id of its own"
    named = "which claims 'c1', 'c2', 'c3', 'c4', 'c5' and others name as members"
    assert found == {
        ("CC101", "all"): (
            f"{omits} M1, M2, M3, M4, M5 and 2 more, {named}",
            "/claims/0/members",
            [20, 21, 22, 23, 24],
        ),
        ("CC101", "x1"): (
            f"{omits} M8 and M7, which claims 'all' and 'c7' name as members",
            "/claims/8/members",
            [19, 26],
        ),
        ("CC101", "x2"): (
            f"{omits} M1, which claim 'c1' names as a member",
            "/claims/9/members",
            [20],
        ),
        ("CC117", "c1"): (
            f"claim id 'c1' is already used by claim 2 of this file: {own}",
            "/claims/10/id",
            [20],
        ),
    }


def test_an_unknown_reference_holding_an_entitys_name_among_other_words_suggests_it(project):
    """CC115's did-you-mean finds the longest run of the reference's words that is a name,
    whatever its place among the words."""
    entities = (
        "entities:\n  g: {name: Quad Group, kind: organisation}\n"
        "  jp: {name: Japan, kind: country}\n  in: {name: India, kind: country}\n"
    )
    claims = (
        "claims:\n"
        "  - {id: a, kind: membership, group: g, members: [the Japan delegation, in],"
        " complete: false, quote: q}\n"
        "  - {id: b, kind: membership, group: the big Quad Group today, members: [in],"
        " complete: false, quote: q}\n"
    )
    write_claims(project, entities + claims)
    result = verify(Options(paths=(str(project),), select=("CC115",)))
    nowhere = "is defined in this file's entities or the knowledge base; did you mean"
    assert [(f.claim_id, f.message, f.pointer) for f in result.findings] == [
        ("a", f"no entity 'the Japan delegation' {nowhere} 'jp' (Japan)?", "/claims/0/members/0"),
        (
            "b",
            f"no entity 'the big Quad Group today' {nowhere} 'g' (Quad Group)?",
            "/claims/1/group",
        ),
    ]


def test_each_misquote_of_a_file_is_reported_at_its_quote(project):
    """CC114 goes on past the first misquote, and points at each claim's `quote`."""
    (project / "articles" / "a.txt").write_text(
        "The ministers met in New Delhi on Tuesday.", encoding="utf-8"
    )
    claims = "entities:\n  g: {name: G, kind: organisation}\n  a: {name: A, kind: country}\n"
    claims += "claims:\n" + "".join(
        f"  - {{id: c{k}, kind: membership, group: g, members: [a], complete: false, quote: {q}}}\n"
        for k, q in enumerate(["ministers met", "never said this", "met in Paris", "on Tuesday"])
    )
    write_claims(project, claims)
    result = verify(Options(paths=(str(project),), select=("CC114",)))
    missing = "the quote is not in the article text (articles/a.txt)"
    assert [(f.claim_id, f.message, f.pointer) for f in result.findings] == [
        ("c1", f"{missing}: no passage resembles it; copy the article's words", "/claims/1/quote"),
        (
            "c2",
            f"{missing}; the closest passage (80% alike) is \"met in\": the quote adds 'Paris'",
            "/claims/2/quote",
        ),
    ]


def test_a_weekday_is_checked_against_the_date_another_claim_gives_its_event(project):
    """CC104 and CC105 read the event's date from another claim when the claim gives none,
    say which claim gave it, and point at its date; a claim that passes does not stop the
    claims after it from being checked."""
    claims = "entities:\n" + "".join(f"  {e}: {{name: {e}, kind: event}}\n" for e in "efgh")
    claims += "claims:\n"
    for fields in (
        "id: a, event: e, date: 2024-08-20, weekday: Tuesday",
        "id: b, event: e, weekday: Monday",
        "id: ok, event: g, date: 2024-08-20, weekday: Tuesday, relative: true",
        "id: d, event: f, date: 2024-08-13",
        "id: r, event: f, weekday: Tuesday, relative: true",
        "id: own, event: h, date: 2024-08-13, weekday: Tuesday, relative: true",
    ):
        claims += f"  - {{{fields}, kind: event, what: w, quote: q}}\n"
    write_claims(project, claims)
    result = verify(Options(paths=(str(project),), select=("CC104", "CC105")))
    found = [
        (f.rule_id, f.claim_id, f.message, f.pointer, [(r.line, r.column) for r in f.related])
        for f in result.findings
    ]
    assert found == [
        (
            "CC104",
            "b",
            (
                "20 August 2024 (the date claim 'a' gives) was a Tuesday, not a Monday: "
                "write Tuesday, or correct the date"
            ),
            "/claims/1/weekday",
            [(14, 29)],
        ),
        (
            "CC105",
            "r",
            (
                "'Tuesday' read from the publication date, 20 August 2024, is 20 August 2024, but "
                "the event is dated 13 August 2024 (the date claim 'd' gives): give the date, or "
                "correct it"
            ),
            "/claims/4/relative",
            [(17, 29)],
        ),
        (
            "CC105",
            "own",
            (
                "'Tuesday' read from the publication date, 20 August 2024, is 20 August 2024, but "
                "the event is dated 13 August 2024: give the date, or correct it"
            ),
            "/claims/5/relative",
            [],
        ),
    ]
