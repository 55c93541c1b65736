"""More of the judge's edges the mutation run found unguarded: events matched without their
id, properties, and the verdict memo.

Like `test_judge_edges.py`, each verdict test judges small claims against a small KB through
`verify` (one run per test, every claim of the scenario at once) and compares what an
editor reads whole: verdict, explanation, evidence, and each finding's message and field.
The memo is asked directly: a verdict reused where it does not fit would be wrong, and one
never reused would make an archive's run judge every repeated claim again.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from claimcheck.app import Options, verify
from claimcheck.core.dates import PartialDate
from claimcheck.formats import records
from claimcheck.formats.records import Entity
from claimcheck.judge.memo import FOUND_BY_NAME, VerdictMemo, defined_alike
from claimcheck.kb.store import KnowledgeBase
from tests.helpers import write_claims
from tests.unit.test_judge_edges import SRC, _judge, _kb

# -- events the claim does not name by the KB's id -----------------------------------------

EVENT_KB = _kb(
    """
    city: {name: City, kind: place}
    hall: {name: Hall, kind: place}
    far: {name: Far, kind: place}
    jp: {name: Japan, kind: country}
    in: {name: India, kind: country}
    xx: {name: Elsewhere, kind: country}
    ev-a: {name: the talks, kind: event}
    ev-b: {name: the summit, kind: event}
    ev-c: {name: the forum, kind: event}
    ev-d: {name: the meeting, kind: event}
    ev-e: {name: the visit, kind: event}
    ev-f: {name: the signing, kind: event}
    ev-g: {name: the dinner, kind: event}
    ser: {name: Talks, kind: series}
    empty: {name: Empty, kind: series}
    """,
    """
    - {id: hall-city, kind: relation, subject: hall, predicate: lies_in, object: city,
       permanent: true, {S}}
    - {id: a1, kind: event, event: ev-a, series: ser, date: 2024-08-20, place: hall,
       participants: [jp, in], {S}}
    - {id: b1, kind: event, event: ev-b, series: ser, date: 2024-08-21, place: city,
       participants: [jp], {S}}
    - {id: b2, kind: event, event: ev-b, date: 2024-08-21, place: far, {S}}
    - {id: c1, kind: event, event: ev-c, date: 2024-03-01, place: far, status: disputed,
       note: contested, {S}}
    - {id: c2, kind: event, event: ev-c, date: 2024-03-02, {S}}
    - {id: d1, kind: event, event: ev-d, date: 2020-01-01, {S}}
    - {id: d2, kind: event, event: ev-d, date: 2020-01-02, {S}}
    - {id: d3, kind: event, event: ev-d, date: 2020-01-03, {S}}
    - {id: d4, kind: event, event: ev-d, date: 2020-01-04, {S}}
    - {id: d5, kind: event, event: ev-d, date: 2020-01-05, {S}}
    - {id: d6, kind: event, event: ev-d, date: 2020-01-06, {S}}
    - {id: e1, kind: event, event: ev-e, date: "2024-08", {S}}
    - {id: f1, kind: event, event: ev-f, date: 2024-05-01, place: city, {S}}
    - {id: f2, kind: event, event: ev-f, date: 2024-05-01, place: hall, {S}}
    - {id: g1, kind: event, event: ev-g, date: 2021-01-01, {S}}
    - {id: g2, kind: event, event: ev-g, date: 2021-01-02, {S}}
    - {id: g3, kind: event, event: ev-g, date: 2021-01-03, {S}}
    - {id: g4, kind: event, event: ev-g, date: 2021-01-04, {S}}
    - {id: g5, kind: event, event: ev-g, date: 2021-01-05, {S}}
    """,
)

# The article's own names for events the KB knows by other ids.
OWN_EVENTS = "entities:\n" + "".join(f"  t{n}: {{name: T{n}, kind: event}}\n" for n in range(1, 12))


def _verdicts_with_own_entities(project: Path, kb: str, claims: str):
    (project / "k.kb.yaml").write_text(kb, encoding="utf-8")
    body = textwrap.indent(textwrap.dedent(claims).strip("\n"), "  ")
    write_claims(project, f"{OWN_EVENTS}claims:\n{body}\n")
    result = verify(Options(paths=(str(project),), select=("CC2",)))
    verdicts = {
        v.claim_id: (v.verdict.value, v.explanation, tuple(e.fact_id for e in v.evidence))
        for v in result.verdicts
    }
    return verdicts, result.findings


def _said(*facts: str) -> str:
    return "; ".join(f"the {what} (fact {fid}, {SRC})" for fid, what in facts)


def test_an_event_is_matched_by_its_series_and_day_or_its_day_place_and_participants(project):
    """Each way is said in the explanation; a month, another day, a participant or place
    the KB does not list, or a series with no event that day matches nothing."""
    verdicts, findings = _verdicts_with_own_entities(
        project,
        EVENT_KB,
        """
        - {id: by-series, kind: event, what: w, quote: q, event: t1, series: ser, date: 2024-08-20}
        - {id: by-place, kind: event, what: w, quote: q, event: t2, date: 2024-08-20,
           place: city, participants: [jp, in]}
        - {id: not-all, kind: event, what: w, quote: q, event: t3, date: 2024-08-20, place: city,
           participants: [jp, xx]}
        - {id: elsewhere, kind: event, what: w, quote: q, event: t4, date: 2024-08-20,
           place: far, participants: [jp]}
        - {id: month, kind: event, what: w, quote: q, event: t5, series: ser, date: 2024-08}
        - {id: no-day, kind: event, what: w, quote: q, event: t6, series: ser, date: 2024-08-22}
        - {id: no-events, kind: event, what: w, quote: q, event: t7, series: empty,
           date: 2024-08-20, ordinal: 2}
        """,
    )
    on_day = "it took place on 20 August 2024"
    assert verdicts == {
        "by-series": (
            "supported",
            f"the knowledge base records it as the talks, by its series and date; {on_day}",
            ("a1",),
        ),
        "by-place": (
            "supported",
            (
                "the knowledge base records it as the talks, by its date, place and participants; "
                f"{on_day}; it took place in Hall; Japan and India took part"
            ),
            ("a1", "hall-city"),
        ),
        **{
            cid: ("not_enough_info", f"the knowledge base does not record T{n}", ())
            for n, cid in enumerate(("not-all", "elsewhere", "month", "no-day", "no-events"), 3)
        },
    }
    assert not findings


MATCH_KB = _kb(
    """
    city: {name: City, kind: place}
    hall: {name: Hall, kind: place}
    far: {name: Far, kind: place}
    jp: {name: Japan, kind: country}
    ev-h: {name: the visit, kind: event}
    ev-i: {name: the lunch, kind: event}
    ev-j: {name: the walk, kind: event}
    ser2: {name: Visits, kind: series}
    ser3: {name: Outings, kind: series}
    """,
    """
    - {id: hall-city, kind: relation, subject: hall, predicate: lies_in, object: city,
       permanent: true, {S}}
    - {id: h1, kind: event, event: ev-h, series: ser2, date: 2024-07-01, place: city, {S}}
    - {id: h2, kind: event, event: ev-h, date: 2024-07-01, place: far, {S}}
    - {id: i1, kind: event, event: ev-i, series: ser3, date: 2024-06-01, place: hall,
       participants: [jp], {S}}
    - {id: j1, kind: event, event: ev-j, series: ser3, date: 2024-06-01, place: far,
       participants: [jp], {S}}
    """,
)


def test_a_matched_event_is_judged_on_all_its_facts_and_matched_the_first_way_that_works(
    project,
):
    """By series and date first, even when a place and participants are given; by them
    when the series has two events that day; every fact of the matched event counts."""
    verdicts, findings = _verdicts_with_own_entities(
        project,
        MATCH_KB,
        """
        - {id: two-facts, kind: event, what: w, quote: q, event: t8, series: ser2,
           date: 2024-07-01, place: city}
        - {id: same-day, kind: event, what: w, quote: q, event: t9, series: ser3,
           date: 2024-06-01, place: city, participants: [jp]}
        - {id: series-first, kind: event, what: w, quote: q, event: t10, series: ser2,
           date: 2024-07-01, participants: [jp], place: far}
        - {id: no-event, kind: event, what: w, quote: q, event: t11, date: 2024-05-05,
           place: city, participants: [jp]}
        """,
    )
    places = _said(("h1", "visit: 1 July 2024, in City"), ("h2", "visit: 1 July 2024, in Far"))
    disagree = f"the knowledge base's sources disagree on the place: {places}"
    assert verdicts == {
        "two-facts": ("conflicting", disagree, ("h1", "h2")),
        "same-day": (
            "supported",
            (
                "the knowledge base records it as the lunch, by its date, place and participants; "
                "it took place on 1 June 2024; it took place in Hall; Japan took part"
            ),
            ("i1", "hall-city"),
        ),
        "series-first": ("conflicting", disagree, ("h1", "h2")),
        "no-event": ("not_enough_info", "the knowledge base does not record T11", ()),
    }
    assert not findings


def test_an_events_place_date_and_participants_are_judged_on_its_accepted_facts(project):
    verdicts, findings = _judge(
        project,
        EVENT_KB,
        """
        - {id: two-places, kind: event, what: w, quote: q, event: ev-b, place: city}
        - {id: inner-place, kind: event, what: w, quote: q, event: ev-f, place: city}
        - {id: accepted, kind: event, what: w, quote: q, event: ev-c, date: 2024-03-02}
        - {id: six-dates, kind: event, what: w, quote: q, event: ev-d, date: 2020-01-01}
        - {id: five-dates, kind: event, what: w, quote: q, event: ev-g, date: 2021-01-01}
        - {id: took-part, kind: event, what: w, quote: q, event: ev-a, participants: [jp]}
        - {id: absent, kind: event, what: w, quote: q, event: ev-a, participants: [xx]}
        - {id: dated-not, kind: event, what: w, quote: q, event: ev-a, date: 2024-08-21}
        - {id: in-month, kind: event, what: w, quote: q, event: ev-a, date: 2024-08}
        - {id: loose, kind: event, what: w, quote: q, event: ev-e, date: 2024-08-20}
        """,
    )
    disagree = "the knowledge base's sources disagree on"
    meetings = [(f"d{k}", f"meeting: {k} January 2020") for k in range(1, 6)]
    dinners = [(f"g{k}", f"dinner: {k} January 2021") for k in range(1, 6)]
    assert verdicts == {
        "two-places": (
            "conflicting",
            f"{disagree} the place: "
            + _said(
                ("b1", "summit: 21 August 2024, in City"), ("b2", "summit: 21 August 2024, in Far")
            ),
            ("b1", "b2"),
        ),
        "inner-place": ("supported", "it took place in Hall", ("f2", "hall-city")),
        "accepted": ("supported", "it took place on 2 March 2024", ("c2",)),
        "six-dates": (
            "conflicting",
            f"{disagree} the date: {_said(*meetings)}; and 1 more",
            ("d1", "d2", "d3", "d4", "d5"),
        ),
        "five-dates": (
            "conflicting",
            f"{disagree} the date: {_said(*dinners)}",
            ("g1", "g2", "g3", "g4", "g5"),
        ),
        "took-part": ("supported", "Japan took part", ("a1",)),
        "absent": (
            "not_enough_info",
            "the knowledge base does not list Elsewhere as taking part",
            (),
        ),
        "dated-not": ("refuted", "it took place on 20 August 2024", ("a1",)),
        "in-month": ("supported", "it took place on 20 August 2024", ("a1",)),
        "loose": ("not_enough_info", "the knowledge base dates it only to August 2024", ("e1",)),
    }
    assert findings == {
        ("dated-not", "CC204"): (
            "dates it 21 August 2024; the knowledge base records 20 August 2024",
            "/claims/7/date",
        )
    }


# -- properties ----------------------------------------------------------------------------

PROPERTY_KB = _kb(
    """
    i1: {name: Isle One, kind: place}
    i2: {name: Isle Two, kind: place}
    i3: {name: Isle Three, kind: place}
    i4: {name: Isle Four, kind: place}
    i5: {name: Isle Five, kind: place}
    i6: {name: Isle Six, kind: place}
    i7: {name: Isle Seven, kind: place}
    """,
    """
    - {id: y1, kind: property, subject: i1, property: uninhabited, start: "2000", {S}}
    - {id: n1, kind: property, subject: i1, property: uninhabited, holds: false, start: "2001",
       {S}}
    - {id: n2, kind: property, subject: i2, property: uninhabited, holds: false, start: "2000",
       sources: [{url: "https://example.org/s"}, {title: Two}]}
    - {id: o3, kind: property, subject: i3, property: uninhabited, holds: false, {S}}
    - {id: o4, kind: property, subject: i4, property: uninhabited, {S}}
    - {id: d5, kind: property, subject: i5, property: uninhabited, start: "2000",
       status: disputed, note: contested, {S}}
    - {id: old6, kind: property, subject: i6, property: uninhabited, start: "1990",
       end: "1995", {S}}
    """,
)


def test_a_property_is_supported_refuted_conflicting_or_left_open_saying_why(project):
    verdicts, findings = _judge(
        project,
        PROPERTY_KB,
        """
        - {id: both, kind: property, quote: q, subject: i1, property: uninhabited}
        - {id: lacks, kind: property, quote: q, subject: i2, property: uninhabited}
        - {id: open-no, kind: property, quote: q, subject: i3, property: uninhabited}
        - {id: open-yes, kind: property, quote: q, subject: i4, property: uninhabited}
        - {id: disputed, kind: property, quote: q, subject: i5, property: uninhabited}
        - {id: other-times, kind: property, quote: q, subject: i6, property: uninhabited}
        - {id: nothing, kind: property, quote: q, subject: i7, property: uninhabited}
        """,
    )
    date = "on 20 August 2024"
    began = "the knowledge base does not say when it began"
    assert verdicts == {
        "both": (
            "conflicting",
            f"the knowledge base's sources disagree on whether Isle One is uninhabited {date}",
            ("y1", "n1"),
        ),
        "lacks": ("refuted", f"Isle Two is not uninhabited {date}", ("n2",)),
        "open-no": (
            "not_enough_info",
            f"that Isle Three is not uninhabited {date}: {began}",
            ("o3",),
        ),
        "open-yes": ("not_enough_info", f"that Isle Four is uninhabited {date}: {began}", ("o4",)),
        "disputed": (
            "conflicting",
            f"that Isle Five is uninhabited {date} is disputed: contested",
            ("d5",),
        ),
        "other-times": (
            "not_enough_info",
            (
                "the knowledge base records whether Isle Six is uninhabited only at other times "
                "(Isle Six is uninhabited from 1990 until 1995)"
            ),
            ("old6",),
        ),
        "nothing": (
            "not_enough_info",
            "the knowledge base does not record whether Isle Seven is uninhabited",
            (),
        ),
    }
    assert findings == {
        ("lacks", "CC211"): (
            (
                f"Isle Two is uninhabited is not true {date}: "
                "Isle Two is not uninhabited from 2000 "
                "(fact n2, source https://example.org/s and 1 more)"
            ),
            "/claims/1/property",
        ),
        ("disputed", "CC209"): (
            f"that Isle Five is uninhabited {date} is disputed (fact 'd5'): contested",
            "/claims/4/property",
        ),
    }


# -- the verdict memo ----------------------------------------------------------------------

DATES = ("20 August 2024", None)


def _property(subject: str) -> records.PropertyClaim:
    claim = object.__new__(records.PropertyClaim)
    for name in records.PropertyClaim.__slots__:
        setattr(claim, name, None)
    claim.subject, claim.property = subject, "uninhabited"
    return claim


def test_a_verdict_kept_for_one_knowledge_base_is_never_given_for_another():
    memo, one, other = VerdictMemo(), KnowledgeBase(), KnowledgeBase()
    key = memo.key(_property("i1"), DATES)
    judged = (None, ())
    memo.put(one, key, judged)  # type: ignore[arg-type]
    assert memo.get(one, key) is judged
    assert memo.get(other, key) is None
    assert memo.get(one, key) is None  # the other KB started the memo afresh


def test_the_verdict_memo_is_bounded_and_keeps_the_newest():
    memo, kb = VerdictMemo(), KnowledgeBase()
    limit = 1 << 14
    for k in range(limit):
        memo.put(kb, (k,), (None, ()))  # type: ignore[arg-type]
    assert memo.get(kb, (0,)) is not None
    memo.put(kb, (limit,), (None, ()))  # type: ignore[arg-type]
    assert memo.get(kb, (0,)) is None
    assert memo.get(kb, (limit,)) is not None
    assert memo.get(kb, (limit - 1,)) is None


def test_the_verdict_key_tells_kinds_apart_and_holds_lists_as_keys_can():
    """Two kinds of claim saying the same values have two keys; a claim listing members
    has a key the memo can keep (lists taken as tuples); so has a kind with one field."""

    class Alike(records.PropertyClaim):
        __slots__ = ()

    class Toned:
        __slots__ = ("id", "tone")

    claim, alike = _property("i1"), object.__new__(Alike)
    for name in records.PropertyClaim.__slots__:
        setattr(alike, name, getattr(claim, name))
    assert VerdictMemo.key(claim, DATES) != VerdictMemo.key(alike, DATES)
    members = object.__new__(records.MembershipClaim)
    for name in records.MembershipClaim.__slots__:
        setattr(members, name, None)
    members.members = ["a", "b"]
    assert hash(VerdictMemo.key(members, DATES)) == hash(VerdictMemo.key(members, DATES))
    loud, soft = Toned(), Toned()
    loud.tone, soft.tone = 5, 6
    assert VerdictMemo.key(loud, DATES) == VerdictMemo.key(loud, DATES)  # type: ignore[arg-type]
    assert VerdictMemo.key(loud, DATES) != VerdictMemo.key(soft, DATES)  # type: ignore[arg-type]


def test_a_file_is_alike_only_if_it_defines_what_an_earlier_verdict_looked_up_as_it_did():
    a = Entity(name="A", kind="country")
    same = Entity(name="A", kind="country")
    other = Entity(name="A", kind="place")
    assert defined_alike({"a": a}, (("a", a),))
    assert defined_alike({"a": same}, (("a", a),))
    assert defined_alike({}, (("a", None),))
    assert defined_alike({}, ())
    assert not defined_alike({"a": other}, (("a", a),))
    assert not defined_alike({"a": a}, (("a", None),))
    assert not defined_alike({}, (("a", a),))
    assert not defined_alike({"a": a}, (("a", FOUND_BY_NAME),))
    assert not defined_alike({"a": a}, (("a", a), ("b", FOUND_BY_NAME)))


# -- judged again at --as-of, or with no knowledge base ---------------------------------------

OFFICE_KB = _kb(
    """
    pm: {name: PM, kind: office}
    fm: {name: FM, kind: office}
    p1: {name: Pat One, kind: person}
    p2: {name: Pat Two, kind: person}
    """,
    """
    - {id: t1, kind: tenure, office: pm, holder: p1, start: 2020-01-01, end: 2025-01-01, {S}}
    - {id: t2, kind: tenure, office: pm, holder: p2, start: 2025-01-01, {S}}
    - {id: t3, kind: tenure, office: fm, holder: p2, start: 2025-01-01, {S}}
    """,
)
OFFICE_CLAIMS = """claims:
  - {id: was, kind: office, quote: q, office: pm, holder: p1}
  - {id: unknown-then, kind: office, quote: q, office: fm, holder: p1}
"""


def test_a_claim_true_when_published_but_refuted_at_as_of_is_stale_saying_why(project):
    """Only a claim true when published can be stale: one the KB could not tell then stays
    "not enough info", however the later date judges it."""
    (project / "k.kb.yaml").write_text(OFFICE_KB, encoding="utf-8")
    write_claims(project, OFFICE_CLAIMS)
    as_of = PartialDate.parse("2025-10-01")
    result = verify(Options(paths=(str(project),), select=("CC2",), as_of=as_of))
    why = (
        f"Pat Two is PM on 1 October 2025: Pat Two took office on 1 January 2025 (fact t2, {SRC}); "
        f"Pat One left office on 1 January 2025 (fact t1, {SRC})"
    )
    verdicts = {v.claim_id: (v.verdict.value, v.explanation, v.stale) for v in result.verdicts}
    assert verdicts == {
        "was": (
            "stale",
            f"true on 20 August 2024, when published, but not on 1 October 2025: {why}",
            True,
        ),
        "unknown-then": (
            "not_enough_info",
            "the knowledge base records no holder of FM on 20 August 2024",
            False,
        ),
    }
    assert [(f.claim_id, f.rule_id, f.message, f.pointer) for f in result.findings] == [
        (
            "was",
            "CC210",
            f"stale: true when published (20 August 2024), but {why}",
            "/claims/0/holder",
        )
    ]
    # The evidence is the facts of both dates: the tenure then, and the handover since.
    [stale] = [v for v in result.verdicts if v.claim_id == "was"]
    assert sorted(e.fact_id for e in stale.evidence) == ["t1", "t2"]


def test_without_a_knowledge_base_every_claim_is_not_enough_info_saying_so(project):
    write_claims(project, OFFICE_CLAIMS)
    result = verify(Options(paths=(str(project),), select=("CC2",)))
    assert {(v.claim_id, v.verdict.value, v.explanation, v.evidence) for v in result.verdicts} == {
        (cid, "not_enough_info", "no knowledge base was loaded", ())
        for cid in ("was", "unknown-then")
    }


def test_a_name_several_kb_entities_share_is_said_to_be_ambiguous_naming_five(project):
    same = "".join(f"s{k}: {{name: Same, kind: place}}\n" for k in range(1, 8))
    kb = _kb(
        same + "two1: {name: Two, kind: place}\ntwo2: {name: Two, kind: place}\n",
        "- {id: f, kind: property, subject: s1, property: uninhabited, {S}}",
    )
    verdicts, findings = _judge(
        project,
        kb,
        """
        - {id: seven, kind: property, quote: q, subject: Same, property: uninhabited}
        - {id: two, kind: property, quote: q, subject: Two, property: uninhabited}
        """,
    )
    missing = "is not in the knowledge base"
    assert verdicts == {
        "seven": (
            "not_enough_info",
            f"Same (ambiguous: 's1', 's2', 's3', 's4', 's5' and 2 more) {missing}",
            (),
        ),
        "two": ("not_enough_info", f"Two (ambiguous: 'two1' and 'two2') {missing}", ()),
    }
    assert not findings


def test_judging_without_the_memo_gives_the_judgements_the_memo_gives(project, monkeypatch):
    """The memo only saves work: a caller of `judge_file` without one gets the same."""
    from claimcheck.check import engine

    real, pairs = engine.judge_file, []

    def both(ctx, memo=None):
        pairs.append((real(ctx), real(ctx, VerdictMemo())))
        return real(ctx, memo)

    monkeypatch.setattr(engine, "judge_file", both)
    _judge(
        project,
        PROPERTY_KB,
        "- {id: lacks, kind: property, quote: q, subject: i2, property: uninhabited}",
    )
    ((plain, memoised),) = pairs
    assert plain == memoised
    assert [(j.index, j.verdict.claim_id, j.verdict.verdict.value) for j in plain.claims] == [
        (0, "lacks", "refuted")
    ]
    assert [i.field for i in plain.claims[0].issues] == [("property",)]
    (project / "k.kb.yaml").unlink()
    pairs.clear()
    no_kb = verify(Options(paths=(str(project),), select=("CC2",)))
    assert no_kb.verdicts[0].explanation == "no knowledge base was loaded"
    ((plain, memoised),) = pairs
    assert plain == memoised and plain.claims[0].index == 0


def test_a_claim_repeated_in_another_file_is_judged_once(project, monkeypatch):
    """An archive repeats its claims: the second file's copy reuses the first's verdict."""
    import claimcheck.judge as judge

    real, judged = judge.judge_claim, []

    def counted(ctx, kb, i, claim):
        judged.append(claim.id)
        return real(ctx, kb, i, claim)

    monkeypatch.setattr(judge, "judge_claim", counted)
    (project / "k.kb.yaml").write_text(PROPERTY_KB, encoding="utf-8")
    # i2 by the id of the file's own entity, i1 by the KB's id: both found exactly.
    body = (
        "entities:\n  i2: {name: Isle Two, kind: place}\nclaims:\n"
        "  - {id: c, kind: property, quote: q, subject: i2, property: uninhabited}\n"
        "  - {id: e, kind: property, quote: q, subject: i1, property: uninhabited}\n"
    )
    write_claims(project, body, "a.claims.yaml")
    again = body.replace("id: c,", "id: d,").replace("id: e,", "id: f,")
    write_claims(project, again, "b.claims.yaml")
    result = verify(Options(paths=(str(project),), select=("CC2",), jobs=1))
    assert judged == ["c", "e"]
    assert sorted((v.claim_id, v.verdict.value) for v in result.verdicts) == [
        ("c", "refuted"),
        ("d", "refuted"),
        ("e", "conflicting"),
        ("f", "conflicting"),
    ]
    assert sorted((f.claim_id, f.pointer) for f in result.findings) == [
        ("c", "/claims/0/property"),
        ("d", "/claims/0/property"),
    ]
