"""Edges of the code merged on 30 November 2026 that the mutation run found unguarded.

Office claims with `since` ("who became X in October 2024") and `former` ("former X"),
CC118 (unreviewed drafts), CC119 (init's placeholders), CC212 (verdicts on unsourced facts)
and the date hints of a mistyped date. Each test runs a public entry point (`verify` on a
small project, or `PartialDate.parse`) and compares what an editor reads whole.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.app import Options, verify
from claimcheck.core.dates import PartialDate
from tests.unit.test_judge_edges import OFFICE_KB, SRC, _judge, _kb

# -- office claims: `since` ---------------------------------------------------------------


def test_became_holder_is_supported_when_a_tenure_starts_within_the_since_date(project):
    verdicts, findings = _judge(
        project,
        OFFICE_KB,
        """
        - {id: month, kind: office, office: pm, holder: p2, since: 2015-01, at: 2017-06-01,
           quote: q}
        - {id: year, kind: office, office: pm, holder: p2, since: "2015", at: 2017-06-01, quote: q}
        """,
    )
    took = f"Quinn took office on 1 January 2015 (fact t2, {SRC}); "
    for claim in ("month", "year"):
        assert verdicts[claim] == (
            "supported",
            took + "Quinn is Prime Minister on 1 June 2017",
            ("t2",),
        )
        assert (claim, "CC207") not in findings


def test_became_holder_in_an_earlier_term_cites_that_terms_start_and_the_current_one(project):
    verdicts, _ = _judge(
        project,
        OFFICE_KB,
        """
        - {id: again, kind: office, office: pm, holder: p1, since: "2010", at: 2022-01-01,
           quote: q}
        """,
    )
    assert verdicts["again"] == (
        "supported",
        (
            f"Pat took office on 1 January 2010 (fact t1, {SRC}); "
            "Pat is Prime Minister on 1 January 2022"
        ),
        ("t1", "t3"),
    )


def test_became_holder_the_month_before_the_tenure_began_is_refuted_by_who_held_it(project):
    verdicts, findings = _judge(
        project,
        OFFICE_KB,
        """
        - {id: early, kind: office, office: pm, holder: p2, since: 2014-12, at: 2017-06-01,
           quote: q}
        """,
    )
    assert verdicts["early"] == (
        "refuted",
        "Pat held Prime Minister throughout December 2014",
        ("t1", "t2"),
    )
    assert findings[("early", "CC207")] == (
        (
            "Quinn did not become Prime Minister in December 2014: Pat held it throughout "
            f"(Pat took office on 1 January 2010 (fact t1, {SRC}))"
        ),
        "/claims/0/since",
    )


def test_became_holder_names_five_of_the_holders_throughout_then_and_n_more(project):
    verdicts, findings = _judge(
        project,
        OFFICE_KB,
        """
        - {id: many, kind: office, office: council, holder: p1, since: "2001", at: 2001-06-01,
           quote: q}
        """,
    )
    took = "; ".join(f"H{n} took office on 1 January 2000 (fact u{n}, {SRC})" for n in range(1, 6))
    held = "H1, H2, H3, H4, H5 and 1 more"
    assert verdicts["many"][0] == "refuted"
    assert verdicts["many"][1].startswith(f"{held} held Council throughout 2001; ")
    assert findings[("many", "CC207")] == (
        f"Pat did not become Council in 2001: {held} held it throughout ({took})",
        "/claims/0/since",
    )


def test_became_holder_without_a_recorded_start_is_not_enough_info_not_refuted(project):
    verdicts, findings = _judge(
        project,
        OFFICE_KB,
        """
        - {id: nei, kind: office, office: mayor, holder: p4, since: "2010", at: 2012-01-01,
           quote: q}
        - {id: disputed, kind: office, office: chair, holder: p3, since: "2000", at: 2000-06-01,
           quote: q}
        """,
    )
    assert verdicts["nei"] == (
        "not_enough_info",
        (
            "the knowledge base records no tenure of Sam beginning in 2010; "
            "the knowledge base records no holders of Mayor"
        ),
        (),
    )
    # A disputed tenure is no evidence that the term began then.
    assert "took office" not in verdicts["disputed"][1]
    assert verdicts["disputed"][0] != "supported"
    assert ("nei", "CC207") not in findings
    assert ("disputed", "CC207") not in findings


# -- office claims: `former` ----------------------------------------------------------------


def test_former_holder_is_supported_only_after_the_tenure_ended_for_certain(project):
    verdicts, findings = _judge(
        project,
        OFFICE_KB,
        """
        - {id: left, kind: office, office: pm, holder: p1, former: true, at: 2017-06-01, quote: q}
        - {id: still, kind: office, office: pm, holder: p1, former: true, at: 2022-01-01, quote: q}
        - {id: last-day, kind: office, office: pm, holder: p2, former: true, at: 2019-12-31,
           quote: q}
        - {id: handover, kind: office, office: pm, holder: p2, former: true, at: 2020-01-01,
           quote: q}
        - {id: year, kind: office, office: pm, holder: p2, former: true, at: "2020", quote: q}
        """,
    )
    assert verdicts["left"] == ("supported", "Pat left Prime Minister before 1 June 2017", ("t1",))
    assert ("left", "CC207") not in findings
    assert verdicts["still"] == (
        "refuted",
        "Pat is still Prime Minister on 1 January 2022",
        ("t3",),
    )
    assert findings[("still", "CC207")] == (
        "Pat is Prime Minister on 1 January 2022, not a former one",
        "/claims/1/former",
    )
    assert verdicts["last-day"][:2] == (
        "refuted",
        "Quinn is still Prime Minister on 31 December 2019",
    )
    # On the day the term ends, or in a year it ends in, the holder may still hold it.
    for claim, when in (("handover", "1 January 2020"), ("year", "2020")):
        assert verdicts[claim] == (
            "not_enough_info",
            f"the knowledge base does not record Quinn leaving Prime Minister before {when}",
            (),
        )
        assert (claim, "CC207") not in findings


def test_former_holder_without_an_accepted_tenure_is_not_enough_info(project):
    verdicts, findings = _judge(
        project,
        OFFICE_KB,
        """
        - {id: never, kind: office, office: pm, holder: p4, former: true, at: 2017-06-01, quote: q}
        - {id: disputed, kind: office, office: chair, holder: p3, former: true, at: 2005-01-01,
           quote: q}
        """,
    )
    assert verdicts["never"] == (
        "not_enough_info",
        "the knowledge base does not record Sam leaving Prime Minister before 1 June 2017",
        (),
    )
    assert verdicts["disputed"] == (
        "not_enough_info",
        "the knowledge base does not record Ray leaving Chair before 1 January 2005",
        (),
    )
    assert not findings


# -- a date written another way: the hint ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("20/08/2024", ": did you mean 2024-08-20?"),
        ("08/20/2024", ": did you mean 2024-08-20?"),
        ("20.08.2024", ": did you mean 2024-08-20?"),
        (
            "5-8-2024",
            (
                ": did you mean 2024-08-05 (day first, as in Europe) or 2024-05-08"
                " (month first, as in the US)?"
            ),
        ),
        ("05/05/2024", ": did you mean 2024-05-05?"),
        (" 20 August 2024 ", ": did you mean 2024-08-20?"),
        ("20 Aug. 2024", ": did you mean 2024-08-20?"),
        ("Aug. 20, 2024", ": did you mean 2024-08-20?"),
        ("August 20th 2024", ": did you mean 2024-08-20?"),
        ("sept 1 2024", ": did you mean 2024-09-01?"),
        ("32/13/2024", ""),
        ("30 February 2024", ""),
        ("20 Ju 2024", ""),  # too short to tell June from July
        ("20 Ma 2024", ""),
        ("20 Jun 2024", ": did you mean 2024-06-20?"),
        ("20 Smarch 2024", ""),
        ("2024/08/20", ": did you mean 2024-08-20?"),  # slashes for dashes
    ],
)
def test_a_date_written_the_european_or_american_way_gets_the_iso_date_in_its_error(text, hint):
    with pytest.raises(ValueError) as caught:
        PartialDate.parse(text)
    assert str(caught.value) == (f"{text!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD{hint}")


# -- CC119: what `claimcheck init` left for the writer -----------------------------------


def _findings(project, rule: str, files: dict[str, str]) -> list[tuple[object, ...]]:
    (project / "articles" / "a.txt").write_text("Some text.\n", encoding="utf-8")
    for name, text in files.items():
        (project / name).write_text(text, encoding="utf-8")
    result = verify(Options(paths=(str(project),), select=(rule,)))
    return [
        (Path(f.location.path).name, f.location.line, f.location.column, f.pointer, f.message)
        + ((f.claim_id,) if f.claim_id else ())
        for f in result.findings
    ]


def _placeholder(field: str, value: str) -> str:
    return f"the article's {field} is still init's placeholder ({value!r}): write the real one"


def test_an_init_placeholder_in_any_article_field_or_the_dates_todo_is_reported(project):
    rows = _findings(
        project,
        "CC119",
        {
            "a.claims.yaml": """claimcheck: 1
article:
  id: "TODO-id"
  title: "  TODO: the title"
  publisher: "Not a TODO"
  published: 2024-08-20 # TODO the date # (a second comment mark)
  url: "TODO: the url"
  notes: "TODO"
  text: articles/a.txt
claims: []
""",
            "b.claims.yaml": """claimcheck: 1
article:
  id: b
  title: "todo: lower case is the writer's"
  publisher: P  # TODO: a comment on another line than the date's
  published: 2024-08-20  # checked, not a TODO
  text: articles/a.txt
claims: []
""",
            # A file on one line: the date's line is the first.
            "c.claims.yaml": "{claimcheck: 1, article: {id: c, title: C, publisher: P, "
            "published: 2024-08-20, text: articles/a.txt}, claims: []}  # TODO: the date\n",
        },
    )
    a = "a.claims.yaml"
    date = (
        "the publication date is init's placeholder (the day the file was written, "
        "marked `# TODO`): write the article's date and remove the comment"
    )
    assert rows == [
        (a, 3, 7, "/article/id", _placeholder("id", "TODO-id")),
        (a, 4, 10, "/article/title", _placeholder("title", "  TODO: the title")),
        (a, 6, 14, "/article/published", date),
        (a, 7, 8, "/article/url", _placeholder("url", "TODO: the url")),
        (a, 8, 10, "/article/notes", _placeholder("notes", "TODO")),
        ("c.claims.yaml", 1, 69, "/article/published", date),
    ]


# -- CC212: a verdict resting only on facts whose source cites nothing ------------------

UNSOURCED_KB = _kb(
    """
    o: {name: Mayor, kind: office}
    a: {name: Ann, kind: person}
    b: {name: Bo, kind: person}
    c: {name: Cy, kind: person}
    """,
    """
    - {id: tu, kind: tenure, office: o, holder: a, start: 2000-01-01, end: 2005-01-01,
       unsourced: true, {S}}
    - {id: ts, kind: tenure, office: o, holder: b, start: 2005-01-01, end: 2010-01-01, {S}}
    - {id: tc, kind: tenure, office: o, holder: c, start: 1990-01-01, end: 1995-01-01,
       unsourced: true, {S}}
    """,
)


def _unsourced(verdict: str, ids: str) -> str:
    return (
        f"{verdict} only by unsourced facts ({ids}): where they were taken from (a Wikidata "
        "statement, say) gives no reference for them; find a source before relying on them"
    )


def test_a_verdict_on_unsourced_facts_alone_is_flagged_and_one_with_a_sourced_fact_is_not(
    project,
):
    verdicts, findings = _judge(
        project,
        UNSOURCED_KB,
        """
        - {id: unknown, kind: office, office: o, holder: a, at: 2030-01-01, quote: q}
        - {id: supported, kind: office, office: o, holder: a, at: 2002-01-01, quote: q}
        - {id: refuted, kind: office, office: o, holder: c, at: 2002-01-01, quote: q}
        - {id: sourced, kind: office, office: o, holder: b, at: 2007-01-01, quote: q}
        - {id: mixed, kind: office, office: o, holder: a, at: 2007-01-01, quote: q}
        """,
    )
    assert verdicts["refuted"][0] == "refuted"
    assert findings[("supported", "CC212")] == (_unsourced("supported", "'tu'"), "/claims/1")
    assert findings[("refuted", "CC212")] == (
        _unsourced("refuted", "'tu', 'tc'"),
        "/claims/2",
    )
    assert verdicts["mixed"][0] == "refuted"
    assert verdicts["unknown"][0] == "not_enough_info"
    for claim in ("sourced", "mixed", "unknown"):
        assert (claim, "CC212") not in findings


# -- CC118: a draft nobody reviewed ------------------------------------------------------


def test_an_unreviewed_draft_is_reported_at_its_draft_flag_and_a_reviewed_one_is_not(project):
    rows = _findings(
        project,
        "CC118",
        {
            "a.claims.yaml": """claimcheck: 1
article: {id: a, title: A, publisher: P, published: 2024-08-20, text: articles/a.txt}
entities:
  q: {name: Quad, kind: organisation}
  j: {name: Japan, kind: country}
claims:
  - {id: reviewed, kind: membership, group: q, members: [j], complete: false, draft: false,
     quote: Some text}
  - {id: drafted, kind: membership, group: q, members: [j], complete: false, draft: true,
     quote: Some text}
"""
        },
    )
    assert rows == [
        (
            "a.claims.yaml",
            9,
            85,
            "/claims/1/draft",
            (
                "this claim is an unreviewed draft: check its values against the article, "
                "add its sources, then delete `draft: true`"
            ),
            "drafted",
        )
    ]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2024-13", "'2024-13' has no month 13"),
        ("2024-00", "'2024-00' has no month 0"),
        ("2024-02-30", "'2024-02-30' is not a day of the calendar"),
        ("0000", "'0000': year must be 1 or later"),
    ],
)
def test_an_impossible_date_says_which_part_is_wrong(text, why):
    with pytest.raises(ValueError) as caught:
        PartialDate.parse(text)
    assert str(caught.value) == why


def test_the_year_1_is_the_first_a_date_may_have():
    assert str(PartialDate.parse("0001-01-01")) == "0001-01-01"
