"""The knowledge base: intervals at every precision, indexed queries, aliases, bad files."""

import pytest

from claimcheck.core.dates import PartialDate
from claimcheck.formats.kb_models import KBFile
from claimcheck.formats.records import kb_file
from claimcheck.kb.store import Tri, build, holds_on
from claimcheck.loader import load_document

D = PartialDate.parse

KB_TEXT = """claimcheck-kb: 1
entities:
  club: {name: Club, kind: organisation}
  a: {name: Alpha, kind: country, aliases: [{name: Al}]}
  b: {name: Beta, kind: country, wikidata: Q2}
  c: {name: Gamma, kind: country}
  pm: {name: Prime Minister, kind: office}
  p1: {name: One, kind: person}
  p2: {name: Two, kind: person}
  s: {name: Summits, kind: series}
  e1: {name: first summit, kind: event}
  e2: {name: second summit, kind: event}
  isle: {name: Isle, kind: place, aliases: [{name: Ile, used_by: [a]}, {name: Al, used_by: [b]}]}
facts:
  - {id: club-a, kind: membership, group: club, member: a, start: 2015-12-12, $S}
  - {id: club-b, kind: membership, group: club, member: b, start: "2010", end: 2020-06, $S}
  - id: club-c
    kind: membership
    group: club
    member: c
    start: 2024-01-01
    status: disputed
    note: c says it has not decided
    sources: [{url: https://example.org/c}]
  - {id: t1, kind: tenure, office: pm, holder: p1, start: 2021-10-04, end: 2024-10-01, $S}
  - {id: t2, kind: tenure, office: pm, holder: p2, start: 2024-10-01, $S}
  - {id: ev2, kind: event, event: e2, series: s, date: 2022-09-08, $S}
  - {id: ev1, kind: event, event: e1, series: s, date: 2019-11-30, $S}
""".replace("$S", "sources: [{title: S}]")


@pytest.fixture(scope="module")
def kb():
    # Verified far ahead: these tests are about dates, not the horizon.
    text = KB_TEXT.replace("claimcheck-kb: 1\n", "claimcheck-kb: 1\nverified: 2099-01-01\n")
    doc = load_document("t.kb.yaml", text.encode())
    kb, problems = build([("t.kb.yaml", doc, kb_file(doc.data))])
    assert problems == []
    return kb


@pytest.mark.parametrize(
    ("on", "truth"),
    [
        ("2015", Tri.MAYBE),  # the year contains days before the start
        ("2015-11", Tri.NO),  # the whole month is before 12 December 2015
        ("2015-12", Tri.MAYBE),
        ("2015-12-11", Tri.NO),
        ("2015-12-12", Tri.YES),  # the first day counts
        ("2016", Tri.YES),
    ],
)
def test_a_partial_date_is_an_interval_at_the_start_edge(on, truth):
    assert holds_on(D("2015-12-12"), None, D(on)) is truth


@pytest.mark.parametrize(
    ("on", "truth"),
    [
        ("2024-09-30", Tri.YES),
        # The end day is the successor's first day: a handover or departure day is "maybe",
        # so that a claim about that day is never refuted by the convention alone.
        ("2024-10-01", Tri.MAYBE),
        ("2024-10-02", Tri.NO),
        ("2024-10", Tri.MAYBE),
        ("2024-11", Tri.NO),
        ("2024-09", Tri.YES),
        ("2024", Tri.MAYBE),
    ],
)
def test_end_day_is_maybe_and_after_it_no(on, truth):
    assert holds_on(D("2021-10-04"), D("2024-10-01"), D(on)) is truth


def test_unknown_start_is_only_maybe_before_the_end():
    assert holds_on(None, D("2023-09-13"), D("2023-01-01")) is Tri.MAYBE
    assert holds_on(None, D("2023-09-13"), D("2024-01-01")) is Tri.NO
    # An unknown start is unknown, not "long ago": never yes, even with no end.
    assert holds_on(None, None, D("2024")) is Tri.MAYBE
    assert holds_on(None, None, D("1950-01-01")) is Tri.MAYBE


def test_members_on_a_date(kb):
    def members(on):
        return {f.member: t for f, t in kb.members_on("club", D(on))}

    assert members("2016-01-01") == {"a": Tri.YES, "b": Tri.YES}
    assert members("2020") == {"a": Tri.YES, "b": Tri.MAYBE}
    assert members("2024-08-20") == {"a": Tri.YES, "c": Tri.YES}
    assert kb.facts["club-c"].status == "disputed"
    assert kb.members_on("nobody", D("2024")) == []


def test_holder_on_a_date(kb):
    assert [f.holder for f, _ in kb.holders_on("pm", D("2024-08-20"))] == ["p1"]
    # The handover day: the outgoing holder may still hold it, the incoming one does.
    assert [(f.holder, t) for f, t in kb.holders_on("pm", D("2024-10-01"))] == [
        ("p1", Tri.MAYBE),
        ("p2", Tri.YES),
    ]
    assert [(f.holder, t) for f, t in kb.holders_on("pm", D("2024-10-02"))] == [("p2", Tri.YES)]
    assert [(f.holder, t) for f, t in kb.holders_on("pm", D("2024"))] == [
        ("p1", Tri.MAYBE),
        ("p2", Tri.MAYBE),
    ]


def test_events_of_a_series_in_date_order_up_to_a_date(kb):
    assert [e.id for e, _ in kb.events_until("s")] == ["ev1", "ev2"]
    assert [e.id for e, _ in kb.events_until("s", D("2022-09-07"))] == ["ev1"]
    assert [(e.id, t) for e, t in kb.events_until("s", D("2022-09-08"))][-1] == ("ev2", Tri.YES)


def test_aliases_resolve_unless_ambiguous(kb):
    assert kb.resolve("a") == "a"
    assert kb.resolve("ALPHA") == "a"
    assert kb.resolve("Ile") == "isle"
    assert kb.resolve("Al") is None  # both Alpha and the Isle are called Al
    assert kb.entity("Ile").name == "Isle"
    assert kb.entity("nothing") is None
    assert kb.wikidata == {"Q2": "b"}


def _problems(text):
    doc = load_document("t.kb.yaml", text.encode())
    return build([("t.kb.yaml", doc, kb_file(doc.data))])[1]


def test_unknown_entities_and_duplicate_ids_are_problems():
    text = KB_TEXT + "  - {id: t1, kind: tenure, office: pm, holder: p9, sources: [{title: S}]}\n"
    text += "  - {id: t9, kind: tenure, office: pm, holder: p9, sources: [{title: S}]}\n"
    problems = _problems(text)
    assert [p.message for p in problems] == [
        "fact id 't1' is already used at t.kb.yaml:25:5",
        "unknown entity 'p9': define it under `entities` in a KB file",
    ]
    assert problems[1].document.position(problems[1].pointer) == (30, 48)


@pytest.mark.parametrize(
    ("fact", "message"),
    [
        ("{id: x, kind: tenure, office: pm, holder: p1}", "sources"),
        ("{id: x, kind: tenure, office: pm, holder: p1, sources: []}", "at least 1"),
        (
            "{id: x, kind: tenure, office: pm, holder: p1, status: disputed, $S}",
            "needs a note",
        ),
        (
            "{id: x, kind: tenure, office: pm, holder: p1, start: 2024-02, end: 2023-12, $S}",
            "before start",
        ),
        (
            (
                "{id: x, kind: relation, subject: isle, predicate: lies_in, object: a,"
                " permanent: true, start: '1900', $S}"
            ),
            "a permanent fact holds at every date, so it takes no start or end",
        ),
        (
            (
                "{id: x, kind: membership, group: club, member: a, permanent: true,"
                " end: 2020-01-01, $S}"
            ),
            "remove `permanent: true` or the dates",
        ),
        ("{id: x, kind: complete, group: club, of: members, $S}", "start"),
        ("{id: x, kind: complete, group: club, of: people, start: '2020', $S}", "of"),
        (
            "{id: x, kind: count, group: club, of: members, count: -1, start: '2020', $S}",
            "greater than or equal to 0",
        ),
        (
            (
                "{id: x, kind: count, group: club, of: members, count: 2, start: '2020',"
                " end: '2019', $S}"
            ),
            "before start",
        ),
        ("{id: x, kind: complete, group: club, of: members, start: '2020'}", "sources"),
        (
            "{id: x, kind: event, event: e1, date: '2020', verified: yesterday, $S}",
            "verified",
        ),
    ],
)
def test_the_model_refuses_unsourced_unexplained_and_backwards_facts(fact, message):
    from pydantic import ValidationError

    fact = fact.replace("$S", "sources: [{title: S}]")
    doc = load_document("t.kb.yaml", (KB_TEXT + f"  - {fact}\n").encode())
    with pytest.raises(ValidationError, match=message):
        KBFile.model_validate(doc.data)
    assert kb_file(doc.data) is None  # the fast path refuses it too


def test_a_fact_with_an_unknown_start_is_listed_first():
    text = """claimcheck-kb: 1
entities:
  g: {name: G, kind: organisation}
  x: {name: X, kind: country}
  y: {name: Y, kind: country}
facts:
  - {id: a-dated, kind: membership, group: g, member: x, start: "0001", $S}
  - {id: z-undated, kind: membership, group: g, member: y, $S}
""".replace("$S", "sources: [{title: S}]")
    doc = load_document("t.kb.yaml", text.encode())
    kb, problems = build([("t.kb.yaml", doc, kb_file(doc.data))])
    assert problems == []
    # "long ago" comes before year 1 itself (it used to tie with it, then a-dated won by id)
    assert [f.id for f, _ in kb.members_on("g", D("2024"))] == ["z-undated", "a-dated"]


def test_permanent_complete_count_and_verified_are_accepted_and_indexed():
    text = (
        KB_TEXT.replace("claimcheck-kb: 1\n", "claimcheck-kb: 1\nverified: 2025-10-21\n")
        + """  - {id: isle-in-a, kind: relation, subject: isle, predicate: lies_in, object: a,
     permanent: true, sources: [{title: S}]}
  - {id: club-all, kind: complete, group: club, of: members, start: 2024-01-01,
     sources: [{title: S}]}
  - {id: club-all-before, kind: complete, group: club, of: members, start: "2016",
     end: 2020-06, sources: [{title: S}]}
  - {id: club-three, kind: count, group: club, of: members, count: 3, start: 2024-01-01,
     verified: 2024-06-30, sources: [{title: S, quote: three members, archive: "https://a.org/x"}]}
"""
    )
    doc = load_document("t.kb.yaml", text.encode())
    model = kb_file(doc.data)
    assert model is not None
    assert model == kb_file(KBFile.model_validate(doc.data).model_dump(by_alias=True, mode="json"))
    kb, problems = build([("t.kb.yaml", doc, model)])
    assert problems == []
    assert kb.facts["isle-in-a"].permanent is True
    assert [f.id for f in kb.completeness[("club", "members")]] == ["club-all-before", "club-all"]
    assert [f.count for f in kb.counts[("club", "members")]] == [3]
    assert kb.statement(kb.facts["club-three"]) == "Club has 3 members from 1 January 2024"
    assert "club-all" in [f.id for f in kb.facts_about("club")]


def test_the_horizon_is_the_fact_then_the_file_then_the_newest_source():
    fact_text = """  - {id: n, kind: membership, group: club, member: c, start: "2010",
     sources: [{title: S, accessed: 2023-05}, {title: T, published: 2024-02-01}]}
  - {id: none, kind: membership, group: club, member: c, start: "2011", sources: [{title: S}]}
"""
    doc = load_document("t.kb.yaml", (KB_TEXT + fact_text).encode())
    kb, _ = build([("t.kb.yaml", doc, kb_file(doc.data))])
    assert kb.horizon(kb.facts["n"]) == D("2024-02-01")  # no `verified`: the newest source
    assert kb.horizon(kb.facts["none"]) is None  # nothing dates it

    text = KB_TEXT.replace("claimcheck-kb: 1\n", "claimcheck-kb: 1\nverified: 2025-10-21\n")
    text += fact_text.replace('start: "2011",', 'start: "2011", verified: 2022-01,')
    doc = load_document("t.kb.yaml", text.encode())
    kb, _ = build([("t.kb.yaml", doc, kb_file(doc.data))])
    assert kb.horizon(kb.facts["n"]) == D("2025-10-21")  # the file's date wins over sources
    assert kb.horizon(kb.facts["none"]) == D("2022-01")  # the fact's own wins over the file's
