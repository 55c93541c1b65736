"""The judge's edges that the mutation run found unguarded, one behaviour per test.

Each test judges small claims against a small knowledge base through `verify` and pins
what an editor reads: the verdict, its explanation and evidence, and the finding's full
message and the field it points at. A changed word there is a changed behaviour, so the
strings are compared whole (docs/testing.md lists the groups of mutants they kill).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from claimcheck.app import Options, verify
from claimcheck.check.result import Result
from claimcheck.core.dates import PartialDate
from claimcheck.kb import query
from tests.helpers import write_claims

S = "sources: [{url: 'https://example.org/s', title: S}]"
SRC = "source https://example.org/s"


def _kb(entities: str, facts: str) -> str:
    return (
        "claimcheck-kb: 1\nverified: 2025-10-21\nentities:\n"
        + textwrap.indent(textwrap.dedent(entities).strip("\n"), "  ")
        + "\nfacts:\n"
        + textwrap.indent(textwrap.dedent(facts).strip("\n").replace("{S}", S), "  ")
        + "\n"
    )


def _result(project: Path, kb: str, claims: str) -> Result:
    """The claims judged against the KB (on the article's date, 2024-08-20)."""
    (project / "k.kb.yaml").write_text(kb, encoding="utf-8")
    body = "claims:\n" + textwrap.indent(textwrap.dedent(claims).strip("\n"), "  ") + "\n"
    write_claims(project, body)
    result = verify(Options(paths=(str(project),), select=("CC2",)))
    assert not [f for f in result.findings if f.rule_id.startswith("CC00")], result.findings
    return result


def _judge(project: Path, kb: str, claims: str):
    """Each claim's (verdict, explanation, evidence fact ids), and each KB finding's
    (message, pointer) by (claim id, rule id)."""
    result = _result(project, kb, claims)
    verdicts = {
        v.claim_id: (v.verdict.value, v.explanation, tuple(e.fact_id for e in v.evidence))
        for v in result.verdicts
    }
    findings = {(f.claim_id, f.rule_id): (f.message, f.pointer) for f in result.findings}
    return verdicts, findings


# -- events: their number in a series ---------------------------------------------------

SERIES_KB = _kb(
    """
    s: {name: Summits, kind: series}
    t: {name: Talks, kind: series}
    u: {name: Rounds, kind: series}
    v: {name: Visits, kind: series}
    w: {name: Forums, kind: series}
    x: {name: Dialogues, kind: series}
    big: {name: Meetings, kind: series}
    e1: {name: first summit, kind: event}
    e2: {name: second summit, kind: event}
    e3: {name: third summit, kind: event}
    e4: {name: talks one, kind: event}
    e5: {name: talks two, kind: event}
    e6: {name: round one, kind: event}
    e7: {name: round two, kind: event}
    e8: {name: visit one, kind: event}
    e9: {name: visit two, kind: event}
    e10: {name: forum of the year, kind: event}
    e11: {name: spring forum, kind: event}
    e12: {name: dialogue, kind: event}
    b1: {name: B1, kind: event}
    b2: {name: B2, kind: event}
    b3: {name: B3, kind: event}
    b4: {name: B4, kind: event}
    b5: {name: B5, kind: event}
    b6: {name: B6, kind: event}
    b7: {name: B7, kind: event}
    """,
    """
    - {id: s-all, kind: complete, group: s, of: events, start: 2019-01-01, {S}}
    - {id: f1, kind: event, event: e1, series: s, date: 2019-11-30, {S}}
    - {id: f2, kind: event, event: e2, series: s, date: 2022-09-08, {S}}
    - {id: f3, kind: event, event: e3, series: s, date: 2024-08-20, {S}}
    - {id: g1, kind: event, event: e4, series: t, date: 2020-05-01, {S}}
    - {id: g2, kind: event, event: e5, series: t, date: 2021-05-01, {S}}
    - {id: h1, kind: event, event: e6, series: u, date: 2023-03-01, status: disputed,
       note: contested, {S}}
    - {id: h2, kind: event, event: e7, series: u, date: 2023-06-01, {S}}
    - {id: i1, kind: event, event: e8, series: v, date: 2023-03-01, {S}}
    - {id: i2, kind: event, event: e9, series: v, date: 2023-03-01, {S}}
    - {id: j1, kind: event, event: e10, series: w, date: "2022", {S}}
    - {id: j2, kind: event, event: e11, series: w, date: 2022-03-01, {S}}
    - {id: o1, kind: event, event: e12, series: x, date: 2018-01-01, ordinal: 2, {S}}
    - {id: k1, kind: event, event: b1, series: big, date: 2001-01-01, {S}}
    - {id: k2, kind: event, event: b2, series: big, date: 2002-01-01, {S}}
    - {id: k3, kind: event, event: b3, series: big, date: 2003-01-01, {S}}
    - {id: k4, kind: event, event: b4, series: big, date: 2004-01-01, {S}}
    - {id: k5, kind: event, event: b5, series: big, date: 2005-01-01, {S}}
    - {id: k6, kind: event, event: b6, series: big, date: 2006-01-01, {S}}
    - {id: k7, kind: event, event: b7, series: big, date: 2007-01-01, {S}}
    """,
)

FIRST = f"first summit on 30 November 2019 (fact f1, {SRC})"
SECOND = f"second summit on 8 September 2022 (fact f2, {SRC})"


def test_an_ordinal_below_the_earlier_meetings_is_refuted_naming_them(project):
    verdicts, findings = _judge(
        project,
        SERIES_KB,
        "- {id: c, kind: event, what: w, quote: q, event: e3, series: s, ordinal: 2}",
    )
    assert verdicts["c"] == (
        "refuted",
        f"the knowledge base records 2 earlier meetings of Summits: {FIRST}; {SECOND}",
        ("f3", "f1", "f2"),
    )
    assert findings[("c", "CC203")] == (
        f"calls it number 2 of Summits; the knowledge base records 2 before it: {FIRST}; {SECOND}",
        "/claims/0/ordinal",
    )


def test_an_ordinal_one_past_the_earlier_meetings_of_a_complete_series_is_supported(project):
    verdicts, _ = _judge(
        project,
        SERIES_KB,
        "- {id: c, kind: event, what: w, quote: q, event: e3, series: s, ordinal: 3}",
    )
    assert verdicts["c"] == (
        "supported",
        "it is number 3 of Summits",
        ("f3", "s-all", "f1", "f2"),
    )


def test_an_ordinal_two_past_the_meetings_of_a_complete_series_is_refuted(project):
    verdicts, findings = _judge(
        project,
        SERIES_KB,
        """
        - {id: high, kind: event, what: w, quote: q, event: e3, series: s, ordinal: 4}
        - {id: none, kind: event, what: w, quote: q, event: e1, series: s, ordinal: 2}
        """,
    )
    whole = (
        f"the knowledge base lists every meeting of Summits (fact s-all, {SRC}) "
        f"and records 2 before it: {FIRST}; {SECOND}"
    )
    assert verdicts["high"] == ("refuted", whole, ("f3", "s-all", "f1", "f2"))
    assert findings[("high", "CC203")] == (
        f"calls it number 4 of Summits; {whole}",
        "/claims/0/ordinal",
    )
    none = (
        f"the knowledge base lists every meeting of Summits (fact s-all, {SRC}) "
        "and records 0 before it"
    )
    assert verdicts["none"] == ("refuted", none, ("f1", "s-all"))
    assert findings[("none", "CC203")] == (
        f"calls it number 2 of Summits; {none}",
        "/claims/1/ordinal",
    )


def test_an_unrecorded_event_numbered_right_after_a_complete_series_is_not_refuted(project):
    verdicts, findings = _judge(
        project,
        SERIES_KB,
        """
        - {id: c, kind: event, what: w, quote: q, event: later, series: s, date: 2024-09-01,
           ordinal: 4}
        - {id: low, kind: event, what: w, quote: q, event: later, series: s, date: 2024-09-01,
           ordinal: 3}
        """,
    )
    assert verdicts["c"] == (
        "not_enough_info",
        "the knowledge base does not record later",
        (),
    )
    assert ("c", "CC203") not in findings
    # Three earlier meetings: "the third" is refuted by its date alone, citing them only.
    assert verdicts["low"][0] == "refuted"
    assert verdicts["low"][2] == ("f1", "f2", "f3")


def test_an_ordinal_in_a_series_the_kb_may_not_list_whole_is_not_enough_info(project):
    verdicts, findings = _judge(
        project,
        SERIES_KB,
        "- {id: c, kind: event, what: w, quote: q, event: e5, series: t, ordinal: 3}",
    )
    assert verdicts["c"] == (
        "not_enough_info",
        (
            "the knowledge base records 1 earlier meetings of Talks "
            "and does not say its list is complete"
        ),
        ("g2",),
    )
    assert ("c", "CC203") not in findings


def test_a_disputed_earlier_meeting_leaves_the_order_open(project):
    verdicts, _ = _judge(
        project,
        SERIES_KB,
        "- {id: c, kind: event, what: w, quote: q, event: e7, series: u, ordinal: 1}",
    )
    assert verdicts["c"] == (
        "not_enough_info",
        "the knowledge base cannot order the series",
        ("h2",),
    )


def test_a_meeting_on_the_same_day_leaves_the_order_open(project):
    verdicts, _ = _judge(
        project,
        SERIES_KB,
        "- {id: c, kind: event, what: w, quote: q, event: e9, series: v, ordinal: 2}",
    )
    assert verdicts["c"] == (
        "not_enough_info",
        "the knowledge base cannot order the series",
        ("i2",),
    )


def test_a_meeting_after_a_loosely_dated_one_of_the_same_year_leaves_the_order_open(project):
    """The year-dated forum comes first in the KB; the March one may have come before it."""
    verdicts, _ = _judge(
        project,
        SERIES_KB,
        "- {id: c, kind: event, what: w, quote: q, event: e10, series: w, ordinal: 1}",
    )
    assert verdicts["c"] == (
        "not_enough_info",
        "the knowledge base cannot order the series",
        ("j1",),
    )


def _b(k: int) -> str:
    return f"B{k} on 1 January 200{k} (fact k{k}, {SRC})"


def test_earlier_meetings_past_five_are_counted_not_named(project):
    verdicts, findings = _judge(
        project,
        SERIES_KB,
        """
        - {id: six, kind: event, what: w, quote: q, event: b7, series: big, ordinal: 3}
        - {id: five, kind: event, what: w, quote: q, event: b6, series: big, ordinal: 2}
        """,
    )
    five = "; ".join(_b(k) for k in range(1, 6))
    assert verdicts["six"] == (
        "refuted",
        f"the knowledge base records 6 earlier meetings of Meetings: {five}; and 1 more",
        ("k7", "k1", "k2", "k3", "k4", "k5"),
    )
    assert findings[("six", "CC203")][0] == (
        f"calls it number 3 of Meetings; the knowledge base records 6 before it: {five}; and 1 more"
    )
    assert (
        verdicts["five"][1] == f"the knowledge base records 5 earlier meetings of Meetings: {five}"
    )


def test_a_recorded_ordinal_supports_or_refutes_the_claims_number(project):
    verdicts, findings = _judge(
        project,
        SERIES_KB,
        """
        - {id: right, kind: event, what: w, quote: q, event: e12, series: x, ordinal: 2}
        - {id: wrong, kind: event, what: w, quote: q, event: e12, series: x, ordinal: 5}
        - {id: implied, kind: event, what: w, quote: q, event: e12, ordinal: 2}
        """,
    )
    assert verdicts["right"] == ("supported", "it is number 2 of Dialogues", ("o1",))
    assert verdicts["implied"] == ("supported", "it is number 2 of Dialogues", ("o1",))
    assert verdicts["wrong"] == ("refuted", "it is number 2 of Dialogues", ("o1",))
    assert findings[("wrong", "CC203")] == (
        f"calls it number 5 of Dialogues; the knowledge base records number 2 (fact o1, {SRC})",
        "/claims/1/ordinal",
    )


def test_an_ordinal_in_another_series_than_the_kbs_is_not_enough_info(project):
    verdicts, findings = _judge(
        project,
        SERIES_KB,
        """
        - {id: other, kind: event, what: w, quote: q, event: e12, series: s, ordinal: 2}
        - {id: unknown, kind: event, what: w, quote: q, event: e12, series: nowhere, ordinal: 2}
        """,
    )
    why = "the knowledge base does not place it in that series"
    assert verdicts["other"] == ("not_enough_info", why, ("o1",))
    assert verdicts["unknown"] == ("not_enough_info", why, ("o1",))
    assert not findings


# -- offices: who held it on the claim's date ---------------------------------------------

OFFICE_KB = _kb(
    """
    pm: {name: Prime Minister, kind: office}
    mayor: {name: Mayor, kind: office}
    chair: {name: Chair, kind: office}
    council: {name: Council, kind: office}
    p1: {name: Pat, kind: person}
    p2: {name: Quinn, kind: person}
    p3: {name: Ray, kind: person}
    p4: {name: Sam, kind: person}
    h1: {name: H1, kind: person}
    h2: {name: H2, kind: person}
    h3: {name: H3, kind: person}
    h4: {name: H4, kind: person}
    h5: {name: H5, kind: person}
    h6: {name: H6, kind: person}
    """,
    """
    - {id: t1, kind: tenure, office: pm, holder: p1, start: 2010-01-01, end: 2015-01-01, {S}}
    - {id: t2, kind: tenure, office: pm, holder: p2, start: 2015-01-01, end: 2020-01-01, {S}}
    - {id: t3, kind: tenure, office: pm, holder: p1, start: 2020-01-01, {S}}
    - {id: d1, kind: tenure, office: chair, holder: p3, start: 2000-01-01, status: disputed,
       note: contested, {S}}
    - {id: u1, kind: tenure, office: council, holder: h1, start: 2000-01-01, {S}}
    - {id: u2, kind: tenure, office: council, holder: h2, start: 2000-01-01, {S}}
    - {id: u3, kind: tenure, office: council, holder: h3, start: 2000-01-01, {S}}
    - {id: u4, kind: tenure, office: council, holder: h4, start: 2000-01-01, {S}}
    - {id: u5, kind: tenure, office: council, holder: h5, start: 2000-01-01, {S}}
    - {id: u6, kind: tenure, office: council, holder: h6, start: 2000-01-01, {S}}
    """,
)


def test_another_holder_refutes_naming_who_took_office_and_the_claimed_holders_terms(project):
    verdicts, findings = _judge(
        project,
        OFFICE_KB,
        """
        - {id: other, kind: office, office: pm, holder: p1, at: 2017-06-01, quote: q}
        - {id: held, kind: office, office: pm, holder: p2, at: 2017-06-01, quote: q}
        """,
    )
    took = (
        f"Quinn took office on 1 January 2015 (fact t2, {SRC}); "
        f"Pat left office on 1 January 2015 (fact t1, {SRC}) "
        f"and took office again on 1 January 2020 (fact t3, {SRC})"
    )
    assert verdicts["other"] == (
        "refuted",
        f"Quinn is Prime Minister on 1 June 2017: {took}",
        ("t2", "t1", "t3"),
    )
    assert findings[("other", "CC207")] == (
        f"Prime Minister on 1 June 2017 is Quinn, not Pat: {took}",
        "/claims/0/holder",
    )
    assert verdicts["held"] == ("supported", "Quinn is Prime Minister on 1 June 2017", ("t2",))
    assert ("held", "CC207") not in findings


def test_an_office_without_a_holder_on_the_date_or_at_all_is_not_enough_info(project):
    verdicts, findings = _judge(
        project,
        OFFICE_KB,
        """
        - {id: none, kind: office, office: mayor, holder: p2, at: 2017-06-01, quote: q}
        - {id: before, kind: office, office: pm, holder: p2, at: 1990-01-01, quote: q}
        - {id: ghost, kind: office, office: pm, holder: ghost, at: 1990-01-01, quote: q}
        """,
    )
    assert verdicts == {
        "none": ("not_enough_info", "the knowledge base records no holders of Mayor", ()),
        "before": (
            "not_enough_info",
            "the knowledge base records no holder of Prime Minister on 1 January 1990",
            (),
        ),
        "ghost": ("not_enough_info", "ghost is not in the knowledge base", ()),
    }
    assert not findings


def test_an_open_tenure_leaves_the_holder_open_naming_why(project):
    verdicts, _ = _judge(
        project,
        OFFICE_KB,
        """
        - {id: later, kind: office, office: pm, holder: p2, at: "2030", quote: q}
        - {id: mine, kind: office, office: pm, holder: p1, at: "2030", quote: q}
        """,
    )
    why = "the knowledge base was last verified on 21 October 2025"
    assert verdicts["later"] == (
        "not_enough_info",
        f"who is Prime Minister on 2030: {why}",
        ("t3",),
    )
    assert verdicts["mine"] == ("not_enough_info", f"Pat's tenure on 2030: {why}", ("t3",))


def test_a_disputed_tenure_conflicts_and_is_reported_at_the_holder(project):
    verdicts, findings = _judge(
        project,
        OFFICE_KB,
        """
        - {id: disp, kind: office, office: chair, holder: p3, at: 2005-01-01, quote: q}
        - {id: who, kind: office, office: chair, holder: p4, at: 2005-01-01, quote: q}
        """,
    )
    assert verdicts["disp"] == (
        "conflicting",
        "Ray's tenure on 1 January 2005 is disputed: contested",
        ("d1",),
    )
    assert findings[("disp", "CC209")] == (
        "Ray's tenure on 1 January 2005 is disputed (fact 'd1'): contested",
        "/claims/0/holder",
    )
    assert verdicts["who"] == (
        "conflicting",
        "who is Chair on 1 January 2005 is disputed: contested",
        ("d1",),
    )
    assert findings[("who", "CC209")] == (
        "who is Chair on 1 January 2005 is disputed (fact 'd1'): contested",
        "/claims/1/holder",
    )


def test_other_holders_past_five_are_counted_not_named(project):
    verdicts, findings = _judge(
        project,
        OFFICE_KB,
        "- {id: many, kind: office, office: council, holder: p1, at: 2010-01-01, quote: q}",
    )
    took = "; ".join(f"H{k} took office on 1 January 2000 (fact u{k}, {SRC})" for k in range(1, 6))
    named = "H1, H2, H3, H4, H5 and 1 more"
    assert verdicts["many"] == (
        "refuted",
        f"{named} is Council on 1 January 2010: {took}",
        ("u1", "u2", "u3", "u4", "u5"),
    )
    assert findings[("many", "CC207")] == (
        f"Council on 1 January 2010 is {named}, not Pat: {took}",
        "/claims/0/holder",
    )


# -- relations: names one uses for another, and others with the same relation -------------

A = "sources: [{url: 'https://example.org/a', title: A}]"
REL_KB = _kb(
    f"""
    cn: {{name: China, kind: country}}
    tw: {{name: Taiwan, kind: country}}
    jp: {{name: Japan, kind: country}}
    kr: {{name: Korea, kind: country}}
    vn: {{name: Vietnam, kind: country}}
    r1: {{name: R1, kind: country}}
    r2: {{name: R2, kind: country}}
    r3: {{name: R3, kind: country}}
    r4: {{name: R4, kind: country}}
    r5: {{name: R5, kind: country}}
    r6: {{name: R6, kind: country}}
    r7: {{name: R7, kind: country}}
    rock: {{name: Rock, kind: place}}
    reef: {{name: Reef, kind: place}}
    isles:
      name: Senkaku Islands
      kind: place
      aliases:
        - {{name: Diaoyu, used_by: [cn], {A}}}
        - {{name: Diaoyutai, used_by: [tw, cn], {A}}}
        - {{name: Senkaku-shoto, used_by: [jp], {A}}}
    """,
    """
    - {id: call-jp, kind: relation, subject: jp, predicate: calls, object: isles,
       name: Senkaku, {S}}
    - {id: call-kr, kind: relation, subject: kr, predicate: calls, object: isles, {S}}
    - {id: cl-cn, kind: relation, subject: cn, predicate: claims, object: isles,
       start: "1990", {S}}
    - {id: cl-tw, kind: relation, subject: tw, predicate: claims, object: isles,
       start: "1990", {S}}
    - {id: cl-vn, kind: relation, subject: vn, predicate: claims, object: isles,
       status: disputed, note: n, start: "1990", {S}}
    - {id: cl-kr, kind: relation, subject: kr, predicate: claims, object: isles,
       start: "1980", end: "2000", {S}}
    - {id: dt-1, kind: relation, subject: cn, predicate: disputes_territory_with, object: jp,
       start: "1990", {S}}
    - {id: dt-2, kind: relation, subject: jp, predicate: disputes_territory_with, object: kr,
       start: "1990", {S}}
    - {id: dt-3, kind: relation, subject: jp, predicate: disputes_territory_with, object: vn,
       status: disputed, note: n, start: "1990", {S}}
    - {id: dt-4, kind: relation, subject: jp, predicate: disputes_territory_with, object: tw,
       start: "1980", end: "2000", {S}}
    - {id: dt-6, kind: relation, subject: jp, predicate: disputes_territory_with, object: r1,
       {S}}
    - {id: dt-5, kind: relation, subject: tw, predicate: disputes_territory_with, object: jp,
       start: "1990", {S}}
    - {id: dt-7, kind: relation, subject: cn, predicate: disputes_territory_with, object: r7,
       start: "1990", {S}}
    - {id: rf-cn, kind: relation, subject: cn, predicate: claims, object: reef, start: "1990", {S}}
    - {id: rf-1, kind: relation, subject: r1, predicate: claims, object: reef, start: "1990", {S}}
    - {id: rf-2, kind: relation, subject: r2, predicate: claims, object: reef, start: "1990", {S}}
    - {id: rf-3, kind: relation, subject: r3, predicate: claims, object: reef, start: "1990", {S}}
    - {id: rf-4, kind: relation, subject: r4, predicate: claims, object: reef, start: "1990", {S}}
    - {id: rf-5, kind: relation, subject: r5, predicate: claims, object: reef, start: "1990", {S}}
    - {id: rk-cn, kind: relation, subject: cn, predicate: claims, object: rock, start: "1990", {S}}
    - {id: rk-1, kind: relation, subject: r1, predicate: claims, object: rock, start: "1990", {S}}
    - {id: rk-2, kind: relation, subject: r2, predicate: claims, object: rock, start: "1990", {S}}
    - {id: rk-3, kind: relation, subject: r3, predicate: claims, object: rock, start: "1990", {S}}
    - {id: rk-4, kind: relation, subject: r4, predicate: claims, object: rock, start: "1990", {S}}
    - {id: rk-5, kind: relation, subject: r5, predicate: claims, object: rock, start: "1990", {S}}
    - {id: rk-6, kind: relation, subject: r6, predicate: claims, object: rock, start: "1990", {S}}
    """,
)


def test_a_name_a_calls_fact_records_supports_whatever_its_case(project):
    verdicts, findings = _judge(
        project,
        REL_KB,
        "- {id: c, kind: relation, subject: jp, predicate: calls, object: isles, name: senkaku, "
        "quote: q}",
    )
    assert verdicts["c"] == ("supported", "Japan calls Senkaku Islands 'senkaku'", ("call-jp",))
    assert not findings


def test_a_name_of_an_alias_the_subject_uses_supports_citing_the_alias(project):
    result = _result(
        project,
        REL_KB,
        "- {id: c, kind: relation, subject: cn, predicate: calls, object: isles, "
        "name: diaoyutai, quote: q}",
    )
    (verdict,) = result.verdicts
    assert verdict.verdict.value == "supported"
    assert verdict.explanation == (
        "China calls Senkaku Islands 'diaoyutai': a name of Senkaku Islands that it uses"
    )
    (alias,) = verdict.evidence
    assert (alias.fact_id, alias.statement) == (
        "isles:alias:Diaoyutai",
        "Senkaku Islands is called 'Diaoyutai' by Taiwan, China",
    )
    assert [s.url for s in alias.sources] == ["https://example.org/a"]


def test_another_name_refutes_naming_every_name_the_subject_uses(project):
    verdicts, findings = _judge(
        project,
        REL_KB,
        """
        - {id: jp, kind: relation, subject: jp, predicate: calls, object: isles,
           name: Pinnacle, quote: q}
        - {id: cn, kind: relation, subject: cn, predicate: calls, object: isles,
           name: Pinnacle, quote: q}
        - {id: none, kind: relation, subject: jp, predicate: calls, object: isles, quote: q}
        """,
    )
    assert verdicts["jp"] == ("refuted", "Japan calls Senkaku Islands Senkaku or Senkaku-shoto", ())
    assert findings[("jp", "CC208")] == (
        "Japan calls Senkaku Islands 'Senkaku' or 'Senkaku-shoto', not 'Pinnacle'",
        "/claims/0/name",
    )
    assert verdicts["cn"] == ("refuted", "China calls Senkaku Islands Diaoyu or Diaoyutai", ())
    assert findings[("cn", "CC208")] == (
        "China calls Senkaku Islands 'Diaoyu' or 'Diaoyutai', not 'Pinnacle'",
        "/claims/1/name",
    )
    assert findings[("none", "CC208")] == (
        "Japan calls Senkaku Islands 'Senkaku' or 'Senkaku-shoto', not ''",
        "/claims/2/name",
    )


def test_a_name_the_kb_records_nothing_about_is_not_enough_info(project):
    """Korea's `calls` fact names nothing, and Korea uses no alias of the islands."""
    verdicts, findings = _judge(
        project,
        REL_KB,
        "- {id: c, kind: relation, subject: kr, predicate: calls, object: isles, name: Dokdo, "
        "quote: q}",
    )
    assert verdicts["c"] == (
        "not_enough_info",
        "the knowledge base does not record what Korea calls it",
        (),
    )
    assert not findings


def test_a_claimant_named_alone_is_incomplete_naming_only_sure_accepted_others(project):
    """Vietnam's claim is disputed and Korea's ended in 2000: neither is left out."""
    verdicts, _ = _judge(
        project,
        REL_KB,
        "- {id: c, kind: relation, subject: cn, predicate: claims, object: isles, quote: q}",
    )
    assert verdicts["c"] == (
        "incomplete",
        f"Taiwan also claims Senkaku Islands (fact cl-tw, {SRC})",
        ("cl-cn", "cl-tw"),
    )


def test_a_symmetric_relation_names_others_on_either_side(project):
    """Taiwan disputes territory with Japan, and Japan with Korea: both are left out;
    Japan's disputed dispute with Vietnam, its ended one with Taiwan and the one with R1 of
    unknown start are not."""
    verdicts, _ = _judge(
        project,
        REL_KB,
        "- {id: c, kind: relation, subject: cn, predicate: disputes_territory_with, "
        "object: jp, quote: q}",
    )
    assert verdicts["c"] == (
        "incomplete",
        (
            f"Taiwan also disputes territory with Japan (fact dt-5, {SRC}); "
            f"Korea also disputes territory with Japan (fact dt-2, {SRC})"
        ),
        ("dt-1", "dt-5", "dt-2"),
    )


def test_other_claimants_past_five_are_counted_not_named(project):
    verdicts, _ = _judge(
        project,
        REL_KB,
        """
        - {id: c, kind: relation, subject: cn, predicate: claims, object: rock, quote: q}
        - {id: five, kind: relation, subject: cn, predicate: claims, object: reef, quote: q}
        """,
    )
    named = "; ".join(f"R{k} also claims Rock (fact rk-{k}, {SRC})" for k in range(1, 6))
    assert verdicts["c"] == (
        "incomplete",
        f"{named}; and 1 more",
        ("rk-cn", "rk-1", "rk-2", "rk-3", "rk-4", "rk-5"),
    )
    five = "; ".join(f"R{k} also claims Reef (fact rf-{k}, {SRC})" for k in range(1, 6))
    assert verdicts["five"][:2] == ("incomplete", five)


def test_a_symmetric_relation_with_no_other_party_is_supported(project):
    """R7 is the subject of no fact: nothing on its side is left out."""
    verdicts, _ = _judge(
        project,
        REL_KB,
        "- {id: c, kind: relation, subject: cn, predicate: disputes_territory_with, "
        "object: r7, quote: q}",
    )
    assert verdicts["c"] == (
        "supported",
        "China disputes territory with R7 on 20 August 2024",
        ("dt-7",),
    )


# -- the did-you-mean of an undefined reference says how the entity answers to it ----------

SPELLED_KB = """claimcheck-kb: 1
verified: 2025-10-21
entities:
  quad: {name: Quad, kind: organisation}
  japan:
    name: Japan
    kind: country
    wikidata: Q17
    aliases:
      - {name: Nihon Koku, used_by: [japan], sources: [{url: 'https://example.org/a', title: A}]}
  club:
    name: Club
    kind: organisation
    aliases:
      - {name: Kurabu Hall, used_by: [], sources: [{url: 'https://example.org/a', title: A}]}
facts: []
"""


def test_a_did_you_mean_names_the_id_and_the_name_or_alias_the_typo_is_close_to(project):
    """The file's entity by id, name or alias; else the name or alias of the KB's entity it
    links to (jp2 is Japan by its Wikidata id); else the KB's entity by id or alias."""
    typos = {
        "Quadd": "'quad'",
        "Nipponiaa": "'jpn' (Nipponia)",
        "Yamato Lan": "'jpn' (alias Yamato Land)",
        "jpnn": "'jpn'",
        "Nihon Kok": "'jp2' (alias Nihon Koku)",
        "Japann": "'jp2' (Japan)",
        "Kurabu Hal": "'club' (alias Kurabu Hall)",
        "Clubb": "'club'",
    }
    (project / "k.kb.yaml").write_text(SPELLED_KB, encoding="utf-8")
    claims = "".join(
        f"  - {{id: c{i}, kind: membership, group: quad, members: ['{typo}'], complete: false,"
        " quote: q}\n"
        for i, typo in enumerate(typos)
    )
    write_claims(
        project,
        "entities:\n  jpn: {name: Nipponia, kind: country, aliases: [Yamato Land]}\n"
        "  jp2: {name: Nippon, kind: country, wikidata: Q17}\nclaims:\n" + claims,
    )
    result = verify(Options(paths=(str(project),), select=("CC115",)))
    assert [f.message for f in result.findings] == [
        f"no entity '{typo}' is defined in this file's entities or the knowledge base; "
        f"did you mean {meant}?"
        for typo, meant in typos.items()
    ]


# -- counts: who left a group the KB lists whole, and sourced counts -----------------------

COUNT_KB = _kb(
    "g: {name: Group, kind: organisation}\n"
    "h: {name: Other, kind: organisation}\n"
    "k: {name: Kay, kind: organisation}\n"
    "sr: {name: Series, kind: series}\n"
    "dg: {name: Loose, kind: organisation}\n"
    "a: {name: A, kind: country}\n"
    "a2: {name: A2, kind: country}\n"
    "c: {name: C, kind: country}\n"
    + "".join(f"b{k}: {{name: B{k}, kind: country}}\n" for k in range(1, 9)),
    """
    - {id: g-all, kind: complete, group: g, of: members, start: 2000-01-01, {S}}
    - {id: h-all, kind: complete, group: h, of: members, start: 2000-01-01, {S}}
    - {id: k-4, kind: count, group: k, of: members, count: 4, start: 2020-01-01, {S}}
    - {id: m-a, kind: membership, group: g, member: a, start: "1990", {S}}
    - {id: h-a, kind: membership, group: h, member: a, start: "1990", {S}}
    - {id: m-c1, kind: membership, group: g, member: c, start: "1990", end: 2000-06-01, {S}}
    - {id: m-c2, kind: membership, group: g, member: c, start: 2001-01-01, {S}}
    - {id: m-b1, kind: membership, group: g, member: b1, start: "1990", end: 2001-01-01, {S}}
    - {id: m-b2, kind: membership, group: g, member: b2, start: "1990", end: 2002-01-01, {S}}
    - {id: m-b3, kind: membership, group: g, member: b3, start: "1990", end: 2003-01-01, {S}}
    - {id: m-b4, kind: membership, group: g, member: b4, start: "1990", end: 2004-01-01, {S}}
    - {id: m-b5, kind: membership, group: g, member: b5, start: "1990", end: 2005-01-01, {S}}
    - {id: m-b6, kind: membership, group: g, member: b6, start: "1990", end: 2006-01-01, {S}}
    - {id: m-b7, kind: membership, group: g, member: b7, start: "1990", end: 2010-05-05, {S}}
    - {id: m-b8, kind: membership, group: g, member: b8, start: "1990", end: 2010-05-05, {S}}
    - {id: m-a2, kind: membership, group: g, member: a2, start: "1990", end: 2015-01-01, {S}}
    - {id: dg-b1, kind: membership, group: dg, member: b1, {S}}
    - {id: dg-b2, kind: membership, group: dg, member: b2, {S}}
    - {id: dg-b3, kind: membership, group: dg, member: b3, {S}}
    - {id: dg-b4, kind: membership, group: dg, member: b4, {S}}
    - {id: dg-b5, kind: membership, group: dg, member: b5, {S}}
    - {id: dg-b6, kind: membership, group: dg, member: b6, {S}}
    - {id: dg-b7, kind: membership, group: dg, member: b7, {S}}
    """,
)


def _left(k: int, day: str) -> str:
    return f"B{k} left on {day} (fact m-b{k}, {SRC})"


def test_a_count_above_a_whole_list_names_the_latest_five_to_leave(project):
    """Latest first, whatever the ids (A2 left last; B8 before B7 on the same day); C left
    and came back, so is not named; B7 and B8, leaving on the day itself, are not named."""
    verdicts, findings = _judge(
        project,
        COUNT_KB,
        """
        - {id: now, kind: count, of: members, group: g, count: 5, quote: q}
        - {id: then, kind: count, of: members, group: g, count: 9, at: 2003-06-01, quote: q}
        - {id: five, kind: count, of: members, group: g, count: 9, at: 2005-06-01, quote: q}
        - {id: edge, kind: count, of: members, group: g, count: 12, at: 2010-05-05, quote: q}
        """,
    )
    a2 = f"A2 left on 1 January 2015 (fact m-a2, {SRC})"
    whole = (
        f"the knowledge base lists all 2 (fact g-all, {SRC}): A and C; {a2}; "
        f"{_left(8, '5 May 2010')}; {_left(7, '5 May 2010')}; {_left(6, '1 January 2006')}; "
        f"{_left(5, '1 January 2005')}; and 4 more left before"
    )
    assert verdicts["now"] == (
        "refuted",
        whole,
        ("m-a2", "m-b8", "m-b7", "m-b6", "m-b5", "g-all", "m-a", "m-c2"),
    )
    assert findings[("now", "CC202")] == (
        f"says 5 members of Group; on 20 August 2024 {whole}",
        "/claims/0/count",
    )
    then = (
        f"the knowledge base lists all 8 (fact g-all, {SRC}): A, A2, B4, B5, B6 and 3 more; "
        f"{_left(3, '1 January 2003')}; {_left(2, '1 January 2002')}; "
        f"{_left(1, '1 January 2001')}"
    )
    assert verdicts["then"][:2] == ("refuted", then)
    assert verdicts["then"][2][:4] == ("m-b3", "m-b2", "m-b1", "g-all")
    # Exactly five gone: all named, no "and 0 more".
    five = "; ".join(_left(k, f"1 January 200{k}") for k in range(5, 0, -1))
    assert verdicts["five"][1] == (
        f"the knowledge base lists all 6 (fact g-all, {SRC}): A, A2, B6, B7, B8 and 1 more; {five}"
    )
    edge = "; ".join(_left(k, f"1 January 200{k}") for k in range(6, 1, -1))
    assert verdicts["edge"][1] == (
        f"the knowledge base lists all 3 (fact g-all, {SRC}): A, A2 and C; {edge}; "
        "and 1 more left before"
    )


def test_a_count_inside_the_open_range_is_not_enough_info_naming_why(project):
    """B7 and B8 leave on the day itself; Loose's seven members have no start: five are
    named, two counted."""
    verdicts, _ = _judge(
        project,
        COUNT_KB,
        """
        - {id: day, kind: count, of: members, group: g, count: 4, at: 2010-05-05, quote: q}
        - {id: loose, kind: count, of: members, group: dg, count: 4, quote: q}
        """,
    )
    assert verdicts["day"] == (
        "not_enough_info",
        (
            "the count 4 members of Group on 5 May 2010 depends on dates the knowledge base "
            "gives too loosely"
        ),
        ("m-b7", "m-b8"),
    )
    assert verdicts["loose"] == (
        "not_enough_info",
        (
            "the count 4 members of Loose on 20 August 2024: the knowledge base does not say "
            "when it began; 2 more members on 20 August 2024 are open"
        ),
        ("dg-b1", "dg-b2", "dg-b3", "dg-b4", "dg-b5"),
    )


def test_a_count_below_the_sure_members_cites_five_of_them(project):
    verdicts, findings = _judge(
        project,
        COUNT_KB,
        "- {id: few, kind: count, of: members, group: g, count: 1, at: 2003-06-01, quote: q}",
    )
    assert verdicts["few"] == (
        "refuted",
        "the knowledge base records at least 8, not 1",
        ("m-a", "m-a2", "m-b4", "m-b5", "m-b6"),
    )
    assert findings[("few", "CC202")] == (
        (
            "says 1 members of Group; the knowledge base records at least 8 on 1 June 2003: "
            "A, A2, B4, B5, B6 and 3 more"
        ),
        "/claims/0/count",
    )


def test_a_count_of_a_whole_list_nobody_left_names_no_departure(project):
    verdicts, findings = _judge(
        project,
        COUNT_KB,
        """
        - {id: more, kind: count, of: members, group: h, count: 3, quote: q}
        - {id: right, kind: count, of: members, group: g, count: 2, quote: q}
        """,
    )
    whole = f"the knowledge base lists all 1 (fact h-all, {SRC}): A"
    assert verdicts["more"] == ("refuted", whole, ("h-all", "h-a"))
    assert findings[("more", "CC202")] == (
        f"says 3 members of Other; on 20 August 2024 {whole}",
        "/claims/0/count",
    )
    assert verdicts["right"] == (
        "supported",
        "Group has 2 members on 20 August 2024",
        ("g-all", "m-a", "m-c2"),
    )


def test_a_sourced_count_supports_or_refutes_citing_its_fact(project):
    verdicts, findings = _judge(
        project,
        COUNT_KB,
        """
        - {id: four, kind: count, of: members, group: k, count: 4, quote: q}
        - {id: five, kind: count, of: members, group: k, count: 5, quote: q}
        """,
    )
    said = f"Kay has 4 members on 20 August 2024 (fact k-4, {SRC})"
    assert verdicts["four"] == ("supported", said, ("k-4",))
    assert verdicts["five"] == ("refuted", said, ("k-4",))
    assert findings[("five", "CC202")] == (
        f"says 5 members of Kay; the knowledge base records 4 on 20 August 2024 (fact k-4, {SRC})",
        "/claims/1/count",
    )


def test_a_count_of_what_the_kb_records_nothing_of_is_not_enough_info(project):
    verdicts, findings = _judge(
        project,
        COUNT_KB,
        """
        - {id: nomem, kind: count, of: members, group: sr, count: 5, quote: q}
        - {id: noev, kind: count, of: events, group: k, count: 5, quote: q}
        - {id: ghost, kind: count, of: events, group: ghost, count: 5, quote: q}
        """,
    )
    assert verdicts == {
        "nomem": ("not_enough_info", "the knowledge base records no members of Series", ()),
        "noev": ("not_enough_info", "the knowledge base records no events of Kay", ()),
        "ghost": ("not_enough_info", "ghost is not in the knowledge base", ()),
    }
    assert not findings


# -- `claimcheck kb entity`: every fact that names the entity in a key role ------------------

ENTITY_KB = """claimcheck-kb: 1
verified: 2025-10-21
entities:
  hub: {name: Hub, kind: organisation}
  a: {name: A, kind: country}
  b: {name: B, kind: country}
  ev: {name: Ev, kind: event}
facts:
  - {id: z-m1, kind: membership, group: hub, member: a, start: "1990", sources: [{title: S}]}
  - {id: y-m2, kind: membership, group: a, member: hub, start: "1990", sources: [{title: S}]}
  - {id: x-t1, kind: tenure, office: hub, holder: a, start: "1990", sources: [{title: S}]}
  - {id: w-t2, kind: tenure, office: a, holder: hub, start: "1990", sources: [{title: S}]}
  - {id: v-e1, kind: event, event: ev, series: hub, date: 2001-01-01, sources: [{title: S}]}
  - {id: u-e2, kind: event, event: hub, date: 2002-01-01, sources: [{title: S}]}
  - {id: t-r1, kind: relation, subject: hub, predicate: borders, object: a, sources: [{title: S}]}
  - {id: s-r2, kind: relation, subject: a, predicate: borders, object: hub, sources: [{title: S}]}
  - {id: r-p1, kind: property, subject: hub, property: uninhabited, sources: [{title: S}]}
  - {id: q-c1, kind: complete, group: hub, of: members, start: "2000", sources: [{title: S}]}
  - {id: p-c2, kind: complete, group: hub, of: events, start: "2000", sources: [{title: S}]}
  - {id: o-n1, kind: count, group: hub, of: members, count: 1, start: "2000", sources: [{title: S}]}
  - {id: n-n2, kind: count, group: hub, of: events, count: 1, start: "2000", sources: [{title: S}]}
  - {id: a-other, kind: relation, subject: a, predicate: borders, object: b, sources: [{title: S}]}
  - {id: b-other, kind: property, subject: a, property: landlocked, sources: [{title: S}]}
  - {id: c-other, kind: membership, group: a, member: b, start: "1990", sources: [{title: S}]}
"""


def test_kb_entity_lists_every_fact_naming_it_in_any_role_and_no_other(project, monkeypatch):
    """Hub is a group, a member, an office, a holder, a series, an event, a subject, an
    object, has a property, a completeness and a count of each kind: thirteen facts, by id."""
    (project / "k.kb.yaml").write_text(ENTITY_KB, encoding="utf-8")
    monkeypatch.chdir(project)
    kb, problems = query.open_kb(("k.kb.yaml",))
    assert not problems
    facts = [r["fact"] for r in query.entity(kb, "hub")["results"]]
    assert facts == sorted(
        [
            *("z-m1", "y-m2", "x-t1", "w-t2", "v-e1", "u-e2", "t-r1", "s-r2", "r-p1"),
            *("q-c1", "p-c2", "o-n1", "n-n2"),
        ]
    )
    # B is only a member and an object; listing Hub changed no fact of the KB.
    assert [r["fact"] for r in query.entity(kb, "b")["results"]] == ["a-other", "c-other"]
    members = query.members(kb, "hub", PartialDate.parse("2024-08-20"))["results"]
    assert [r["fact"] for r in members] == ["z-m1"]


# -- events: place and weekday -------------------------------------------------------------

PLACE_KB = _kb(
    """
    world: {name: World, kind: place}
    country: {name: Country, kind: place}
    city: {name: City, kind: place}
    hall: {name: Hall, kind: place}
    other: {name: Other, kind: place}
    suburb: {name: Suburb, kind: place}
    ev1: {name: Ev1, kind: event}
    ev2: {name: Ev2, kind: event}
    ev3: {name: Ev3, kind: event}
    """,
    """
    - {id: l-country, kind: relation, subject: country, predicate: lies_in, object: world,
       permanent: true, {S}}
    - {id: l-city, kind: relation, subject: city, predicate: lies_in, object: country,
       permanent: true, {S}}
    - {id: l-hall, kind: relation, subject: hall, predicate: lies_in, object: city,
       permanent: true, {S}}
    - {id: l-suburb, kind: relation, subject: suburb, predicate: lies_in, object: other,
       permanent: true, {S}}
    - {id: pe1, kind: event, event: ev1, place: hall, date: 2024-08-20, {S}}
    - {id: pe2, kind: event, event: ev2, place: country, date: 2024-08-20, {S}}
    - {id: pe3, kind: event, event: ev3, date: "2024", {S}}
    """,
)


def test_the_recorded_place_or_one_containing_it_supports_citing_the_link(project):
    """Hall lies in City, which lies in Country: the link cited is the one reaching the
    claimed place."""
    verdicts, findings = _judge(
        project,
        PLACE_KB,
        """
        - {id: same, kind: event, what: w, quote: q, event: ev1, place: hall}
        - {id: city, kind: event, what: w, quote: q, event: ev1, place: city}
        - {id: country, kind: event, what: w, quote: q, event: ev1, place: country}
        """,
    )
    assert verdicts == {
        "same": ("supported", "it took place in Hall", ("pe1",)),
        "city": ("supported", "it took place in Hall", ("pe1", "l-hall")),
        "country": ("supported", "it took place in Hall", ("pe1", "l-city")),
    }
    assert not findings


def test_a_place_inside_the_recorded_one_or_unrecorded_is_not_enough_info(project):
    verdicts, findings = _judge(
        project,
        PLACE_KB,
        """
        - {id: inside, kind: event, what: w, quote: q, event: ev2, place: city}
        - {id: none, kind: event, what: w, quote: q, event: ev3, place: hall}
        - {id: unknown, kind: event, what: w, quote: q, event: ev1, place: nowhere}
        """,
    )
    assert verdicts == {
        "inside": (
            "not_enough_info",
            "the knowledge base places it only in Country",
            ("pe2",),
        ),
        "none": ("not_enough_info", "the knowledge base does not place it in Hall", ()),
        "unknown": ("not_enough_info", "the knowledge base does not place it in nowhere", ()),
    }
    assert not findings


def test_another_place_is_refuted_naming_both(project):
    verdicts, findings = _judge(
        project,
        PLACE_KB,
        """
        - {id: wrong, kind: event, what: w, quote: q, event: ev1, place: other}
        - {id: suburb, kind: event, what: w, quote: q, event: ev1, place: suburb}
        """,
    )
    assert verdicts["wrong"] == ("refuted", "it took place in Hall", ("pe1",))
    assert findings[("wrong", "CC206")] == (
        "places it in Other; the knowledge base records Hall",
        "/claims/0/place",
    )
    # Suburb lies in Other, not in Hall: refuted too, not "only placed in".
    assert verdicts["suburb"] == ("refuted", "it took place in Hall", ("pe1",))


def test_a_weekday_is_checked_against_a_recorded_day_and_left_open_by_a_year(project):
    verdicts, findings = _judge(
        project,
        PLACE_KB,
        """
        - {id: tue, kind: event, what: w, quote: q, event: ev1, weekday: Tuesday}
        - {id: mon, kind: event, what: w, quote: q, event: ev1, weekday: Monday}
        - {id: loose, kind: event, what: w, quote: q, event: ev3, weekday: Monday}
        """,
    )
    assert verdicts == {
        "tue": ("supported", "20 August 2024 was a Tuesday", ("pe1",)),
        "mon": ("refuted", "20 August 2024 was a Tuesday", ("pe1",)),
        "loose": ("not_enough_info", "the knowledge base dates it only to 2024", ("pe3",)),
    }
    assert findings == {
        ("mon", "CC205"): (
            "says Monday; the knowledge base dates it 20 August 2024, a Tuesday",
            "/claims/1/weekday",
        )
    }


# -- membership lists: the CC201 messages, and what changed around the date ----------------

MEMBER_KB = _kb(
    "g: {name: G, kind: organisation}\n"
    "w: {name: W, kind: organisation}\n"
    "a: {name: A, kind: country}\n"
    "y: {name: Y, kind: country}\n"
    "z: {name: Z, kind: country}\n"
    "q: {name: Q, kind: country}\n"
    "r: {name: R, kind: country}\n"
    + "".join(f"x{k}: {{name: X{k}, kind: country}}\n" for k in range(1, 7))
    + "".join(f"m{k}: {{name: M{k}, kind: country}}\n" for k in range(1, 8)),
    "- {id: g-a, kind: membership, group: g, member: a, start: '1990', {S}}\n"
    + "".join(
        f"- {{id: g-x{k}, kind: membership, group: g, member: x{k}, start: '1990', "
        f"end: 200{k - 1}-01-01, {{S}}}}\n"
        for k in range(1, 7)
    )
    + "- {id: g-z2, kind: membership, group: g, member: z, start: '2005', end: 2010-03-01, {S}}\n"
    + "- {id: g-z1, kind: membership, group: g, member: z, start: '1990', end: 2000-03-01, {S}}\n"
    + "- {id: g-y, kind: membership, group: g, member: y, start: 2025-01-01, {S}}\n"
    + "- {id: g-qa, kind: membership, group: g, member: q, start: '1990', end: 2010-03-01, {S}}\n"
    + "- {id: g-qb, kind: membership, group: g, member: q, start: '1995', end: 2010-03-01, {S}}\n"
    + "- {id: g-qc, kind: membership, group: g, member: q, start: '2001', end: 2005-01-01, {S}}\n"
    + "- {id: g-r1, kind: membership, group: g, member: r, start: '1990', end: 2000-01-01, {S}}\n"
    + "- {id: g-r2, kind: membership, group: g, member: r, start: 2025-01-01, {S}}\n"
    + "- {id: w-all, kind: complete, group: w, of: members, start: 2000-01-01, {S}}\n"
    + "".join(
        f"- {{id: w-m{k}, kind: membership, group: w, member: m{k}, start: '1990', {{S}}}}\n"
        for k in range(1, 8)
    ),
)
NOT_RECORDED = "which the knowledge base does not record on 20 August 2024"


def _x_left(k: int) -> str:
    return f"X{k} left on 1 January 200{k - 1} (fact g-x{k}, {SRC})"


def test_names_of_non_members_are_counted_and_each_change_named_up_to_five(project):
    verdicts, findings = _judge(
        project,
        MEMBER_KB,
        """
        - {id: one, kind: membership, group: g, members: [a, x1], complete: false, quote: q}
        - {id: two, kind: membership, group: g, members: [x1, x2], complete: false, quote: q}
        - {id: six, kind: membership, group: g, members: [x1, x2, x3, x4, x5, x6],
           complete: false, quote: q}
        - {id: five, kind: membership, group: g, members: [x1, x2, x3, x4, x5],
           complete: false, quote: q}
        """,
    )
    assert verdicts["one"] == (
        "refuted",
        f"X1 is not a member on 20 August 2024: {_x_left(1)}",
        ("g-a", "g-x1"),
    )
    assert findings[("one", "CC201")] == (
        f"names X1 as a member of G, {NOT_RECORDED}: {_x_left(1)}",
        "/claims/0/members",
    )
    assert findings[("two", "CC201")] == (
        f"names X1 and X2 as members of G, {NOT_RECORDED}: {_x_left(1)}; {_x_left(2)}",
        "/claims/1/members",
    )
    five = "; ".join(_x_left(k) for k in range(1, 6))
    assert findings[("six", "CC201")] == (
        f"names X1, X2, X3, X4, X5 and 1 more as members of G, {NOT_RECORDED}: {five}; and 1 more",
        "/claims/2/members",
    )
    assert verdicts["six"][2] == ("g-x1", "g-x2", "g-x3", "g-x4", "g-x5", "g-x6")
    assert findings[("five", "CC201")][0] == (
        f"names X1, X2, X3, X4 and X5 as members of G, {NOT_RECORDED}: {five}"
    )


def test_a_non_member_is_told_the_latest_departure_or_the_later_start(project):
    """The latest departure is named, not the last membership to start: Q's membership
    from 2001 ended in 2005, its two from 1990 and 1995 in 2010 (the first of them named)."""
    verdicts, findings = _judge(
        project,
        MEMBER_KB,
        """
        - {id: z, kind: membership, group: g, members: [z], complete: false, quote: q}
        - {id: y, kind: membership, group: g, members: [y], complete: false, quote: q}
        - {id: wa, kind: membership, group: w, members: [a], complete: false, quote: q}
        - {id: q, kind: membership, group: g, members: [q], complete: false, quote: q}
        - {id: r, kind: membership, group: g, members: [r], complete: false, quote: q}
        """,
    )
    z = f"Z left on 1 March 2010 (fact g-z2, {SRC})"
    assert verdicts["z"] == (
        "refuted",
        f"Z is not a member on 20 August 2024: {z}",
        ("g-z1", "g-z2"),
    )
    assert findings[("z", "CC201")][0] == f"names Z as a member of G, {NOT_RECORDED}: {z}"
    y = f"Y joined on 1 January 2025 (fact g-y, {SRC})"
    assert verdicts["y"] == ("refuted", f"Y is not a member on 20 August 2024: {y}", ("g-y",))
    assert findings[("y", "CC201")][0] == f"names Y as a member of G, {NOT_RECORDED}: {y}"
    q = f"Q left on 1 March 2010 (fact g-qa, {SRC})"
    assert verdicts["q"][:2] == ("refuted", f"Q is not a member on 20 August 2024: {q}")
    r = (
        f"R left on 1 January 2000 (fact g-r1, {SRC}) "
        f"and joined again on 1 January 2025 (fact g-r2, {SRC})"
    )
    assert findings[("r", "CC201")][0] == f"names R as a member of G, {NOT_RECORDED}: {r}"
    whole = f"the knowledge base lists all its members (fact w-all, {SRC})"
    assert verdicts["wa"] == (
        "refuted",
        f"A is not a member on 20 August 2024: {whole}",
        ("w-all",),
    )
    assert findings[("wa", "CC201")] == (
        f"names A as a member of W, {NOT_RECORDED}: {whole}",
        "/claims/2/members",
    )


def test_a_complete_list_leaving_out_members_names_them_a_member_or_members(project):
    verdicts, findings = _judge(
        project,
        MEMBER_KB,
        """
        - {id: one, kind: membership, group: w, members: [m1, m2, m3, m4, m5, m6],
           complete: true, quote: q}
        - {id: many, kind: membership, group: w, members: [m1], complete: true, quote: q}
        """,
    )
    assert verdicts["one"][:2] == ("refuted", "the list leaves out M7")
    assert findings[("one", "CC201")] == (
        "the list of W presented as complete leaves out M7, a member on 20 August 2024",
        "/claims/0/members",
    )
    assert verdicts["many"] == (
        "refuted",
        "the list leaves out M2, M3, M4, M5, M6 and 1 more",
        ("w-m1", "w-m2", "w-m3", "w-m4", "w-m5", "w-m6", "w-all"),
    )
    assert findings[("many", "CC201")] == (
        (
            "the list of W presented as complete leaves out M2, M3, M4, M5, M6 and 1 more, "
            "members on 20 August 2024"
        ),
        "/claims/1/members",
    )


def test_an_event_dated_by_year_or_month_took_place_in_it_not_on_it(project):
    """ "it took place on 2024" is not English: a partial date reads "in"."""
    verdicts, _ = _judge(
        project,
        PLACE_KB,
        """
        - {id: year, kind: event, what: w, quote: q, event: ev3, date: "2024"}
        - {id: before, kind: event, what: w, quote: q, event: ev3, date: "2023"}
        - {id: day, kind: event, what: w, quote: q, event: ev1, date: "2024-08-20"}
        """,
    )
    assert verdicts["year"] == ("supported", "it took place in 2024", ("pe3",))
    assert verdicts["before"] == ("refuted", "it took place in 2024", ("pe3",))
    assert verdicts["day"] == ("supported", "it took place on 20 August 2024", ("pe1",))
