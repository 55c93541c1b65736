"""The knowledge base's edges that the mutation run found unguarded, one behaviour per test.

The KB is asked directly (`load_kb`, `claimcheck kb` through `kb.query`, and the
`KnowledgeBase` queries the judge reads), without running `verify`: each test is a few
milliseconds. What it pins is what a reader sees: the sentence a fact becomes, its sources,
the finding a bad KB file gives (message, file:line:column, pointer), the date a fact holds
on, and that a question asked twice is answered from what the KB already worked out.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from claimcheck.core.dates import PartialDate
from claimcheck.core.diagnostics import SCHEMA, UNREADABLE
from claimcheck.core.limits import DEFAULT_LIMITS, Limits
from claimcheck.core.options import Options, UsageError
from claimcheck.core.verdicts import SourceRef
from claimcheck.formats.records import Entity
from claimcheck.kb import files as kb_files
from claimcheck.kb import query
from claimcheck.kb.files import (
    KBPathError,
    KBSource,
    find_kb_files,
    kb_search_paths,
    run_kb_files,
)
from claimcheck.kb.load import load_kb
from claimcheck.kb.resolve import Resolver
from claimcheck.kb.store import KnowledgeBase, Tri, remember


def _kb(text: str, verified: str | None = "2024-08-20") -> KnowledgeBase:
    """A KB from one file's text (read from memory, as `verify` passes what it read)."""
    head = "claimcheck-kb: 1\n" + (f"verified: {verified}\n" if verified else "")
    body = head + textwrap.dedent(text).lstrip("\n")
    kb, problems = load_kb([Path("k.kb.yaml")], DEFAULT_LIMITS, str, read=[body.encode()])
    assert not problems, problems
    return kb


def _day(text: str) -> PartialDate:
    return PartialDate.parse(text)


def _findings(project: Path, monkeypatch, *names: str, limits: Limits = DEFAULT_LIMITS):
    monkeypatch.chdir(project)
    kb, problems = query.open_kb(names, limits=limits)
    rows = [
        (f.rule_id, f.message, f.location.path, f.location.line, f.location.column, f.pointer)
        for f in problems
    ]
    return kb, rows


# -- what a fact says, and where it comes from --------------------------------------------

EVERY_KIND = """
entities:
  hub: {name: Hub, kind: organisation}
  a: {name: A, kind: country}
  b: {name: B, kind: country}
  off: {name: Off, kind: office}
  ev: {name: Ev, kind: event}
  city: {name: City, kind: place}
  ser: {name: Ser, kind: series}
facts:
  - {id: m1, kind: membership, group: hub, member: a, start: 1990-01-01, end: 2000-06,
     sources: [{title: T, publisher: P}]}
  - {id: m2, kind: membership, group: hub, member: b, end: "2001",
     sources: [{title: T, published: 2001-02-03}]}
  - {id: m3, kind: membership, group: hub, member: city, permanent: true,
     sources: [{citation: C}]}
  - {id: t1, kind: tenure, office: off, holder: hub, start: "2010",
     sources: [{url: "https://e.org/x", published: "2010"}]}
  - {id: e1, kind: event, event: ev, date: 2020-05-06, place: city, series: hub, ordinal: 2,
     sources: [{publisher: P}]}
  - {id: e2, kind: event, event: hub, date: "2021", series: ser, sources: [{title: T}]}
  - {id: c1, kind: complete, group: hub, of: members, start: "2000", sources: [{title: T}]}
  - {id: n1, kind: count, group: hub, of: events, count: 3, start: "2000", end: "2005",
     sources: [{title: T}]}
  - {id: p1, kind: property, subject: hub, property: uninhabited, sources: [{title: T}]}
  - {id: p2, kind: property, subject: hub, property: landlocked, holds: false,
     sources: [{title: T}]}
  - {id: r1, kind: relation, subject: hub, predicate: lies_in, object: city, permanent: true,
     sources: [{title: T}]}
  - {id: r2, kind: relation, subject: hub, predicate: calls, object: a, name: Ayy,
     sources: [{title: T}]}
"""


def test_each_kind_of_fact_reads_as_its_own_sentence_with_its_sources():
    """`claimcheck kb entity` shows each fact as a sentence (every role named, the dates
    it holds between, a series number only when there is one) and each source by its URL,
    else its title and publisher (and the date of a source without a URL)."""
    kb = _kb(EVERY_KIND)
    rows = {r["fact"]: (r["statement"], r["sources"]) for r in query.entity(kb, "hub")["results"]}
    assert rows == {
        "c1": ("the knowledge base lists all the members of Hub from 2000", ["T"]),
        "e1": ("Ev: 6 May 2020, in City; number 2 of Hub", ["P"]),
        "e2": ("Hub: 2021", ["T"]),
        "m1": ("A is a member of Hub from 1 January 1990 until June 2000", ["T, P"]),
        "m2": ("B is a member of Hub until 2001", ["T (2001-02-03)"]),
        "m3": ("City is a member of Hub", ["unnamed source"]),
        "n1": ("Hub has 3 events from 2000 until 2005", ["T"]),
        "p1": ("Hub is uninhabited", ["T"]),
        "p2": ("Hub is not landlocked", ["T"]),
        "r1": ("Hub lies in City", ["T"]),
        "r2": ("Hub calls A 'Ayy'", ["T"]),
        "t1": ("Hub holds the office of Off from 2010", ["https://e.org/x"]),
    }


SOURCED = """
entities:
  a: {name: A, kind: country}
  b: {name: B, kind: country}
facts:
  - id: full
    kind: relation
    subject: a
    predicate: borders
    object: b
    status: disputed
    note: contested
    sources:
      - {url: "https://e.org/1", citation: Cit, title: T, publisher: P, published: 2020-01-02,
         accessed: "2021-03", quote: words, archive: "https://archive.org/1"}
      - {title: Second}
      - {title: Third}
  - {id: two, kind: relation, subject: b, predicate: borders, object: a,
     sources: [{citation: Only a citation}, {title: Second}]}
  - {id: one, kind: relation, subject: a, predicate: administers, object: b,
     sources: [{title: Alone}]}
"""


def test_evidence_carries_every_field_of_its_sources_and_the_facts_status():
    kb = _kb(SOURCED)
    full = kb.evidence(kb.facts["full"])
    assert full.status == "disputed"
    assert full.sources == (
        SourceRef(
            url="https://e.org/1",
            citation="Cit",
            title="T",
            publisher="P",
            published="2020-01-02",
            accessed="2021-03",
            quote="words",
            archive="https://archive.org/1",
        ),
        SourceRef(title="Second"),
        SourceRef(title="Third"),
    )
    assert kb.evidence(kb.facts["one"]).status == "accepted"


def test_a_cited_fact_names_its_first_source_and_counts_the_others():
    kb = _kb(SOURCED)
    assert kb.cite(kb.facts["one"]) == f"fact one, source {SourceRef(title='Alone')}"
    assert kb.cite(kb.facts["two"]).endswith(" and 1 more")
    assert kb.cite(kb.facts["full"]).endswith(" and 2 more")
    assert kb.cite(kb.facts["full"]).startswith("fact full, source ")


def test_an_id_the_kb_does_not_define_is_named_by_its_id():
    kb = _kb(SOURCED)
    assert kb.name("a") == "A"
    assert kb.name("nobody") == "nobody"


# -- findings for a bad knowledge base ------------------------------------------------------

UNKNOWN = """
entities:
  a: {name: A, kind: country, aliases: [{name: Ay, used_by: [a, ghost-u]}]}
facts:
  - {id: m, kind: membership, group: ghost-g, member: ghost-m, sources: [{title: T}]}
  - {id: t, kind: tenure, office: ghost-o, holder: ghost-h, sources: [{title: T}]}
  - {id: e, kind: event, event: ghost-e, date: "2020", place: ghost-p, series: ghost-s, participants: [a, ghost-q], sources: [{title: T}]}
  - {id: c, kind: complete, group: ghost-c, of: members, start: "2000", sources: [{title: T}]}
  - {id: n, kind: count, group: ghost-n, of: events, count: 1, start: "2000", sources: [{title: T}]}
  - {id: p, kind: property, subject: ghost-ps, property: uninhabited, sources: [{title: T}]}
  - {id: r, kind: relation, subject: ghost-rs, predicate: borders, object: ghost-ro, sources: [{title: T}]}
  - {id: ok, kind: relation, subject: a, predicate: borders, object: a, sources: [{title: T}]}
  - {id: s, kind: statement, subject: ghost-ss, property: P17, object: ghost-so, sources: [{title: T}]}
"""  # noqa: E501 (one fact a line, so that the columns below are easy to check)

AGAIN = """
entities:
  b: {name: B, kind: country}
  a: {name: A again, kind: country}
  c: {name: C, kind: country}
facts:
  - {id: m, kind: membership, group: a, member: b, sources: [{title: T}]}
  - {id: after, kind: membership, group: a, member: b, sources: [{title: T}]}
"""


def _unknown(ref: str) -> str:
    return f"unknown entity '{ref}': define it under `entities` in a KB file"


def test_an_unknown_entity_in_any_role_is_reported_where_it_is_named(project, monkeypatch):
    """Every role that names an entity, a participant by its index; an id defined twice at
    its key, a fact id used twice at its `id`; the first file's definitions are kept."""
    (project / "k.kb.yaml").write_text("claimcheck-kb: 1\n" + UNKNOWN.lstrip(), encoding="utf-8")
    (project / "l.kb.yaml").write_text("claimcheck-kb: 1\n" + AGAIN.lstrip(), encoding="utf-8")
    kb, rows = _findings(project, monkeypatch, "k.kb.yaml", "l.kb.yaml")
    k, c = "k.kb.yaml", SCHEMA.id
    assert rows == [
        (
            c,
            (
                "entity 'a' is already defined in k.kb.yaml, differently: declare it the same "
                "way in every file, or in one"
            ),
            "l.kb.yaml",
            4,
            3,
            "/entities/a",
        ),
        (c, _unknown("ghost-g"), k, 5, 38, "/facts/0/group"),
        (c, _unknown("ghost-m"), k, 5, 55, "/facts/0/member"),
        (c, _unknown("ghost-o"), k, 6, 35, "/facts/1/office"),
        (c, _unknown("ghost-h"), k, 6, 52, "/facts/1/holder"),
        (c, _unknown("ghost-e"), k, 7, 33, "/facts/2/event"),
        (c, _unknown("ghost-p"), k, 7, 63, "/facts/2/place"),
        (c, _unknown("ghost-s"), k, 7, 80, "/facts/2/series"),
        (c, _unknown("ghost-q"), k, 7, 107, "/facts/2/participants/1"),
        (c, _unknown("ghost-c"), k, 8, 36, "/facts/3/group"),
        (c, _unknown("ghost-n"), k, 9, 33, "/facts/4/group"),
        (c, _unknown("ghost-ps"), k, 10, 38, "/facts/5/subject"),
        (c, _unknown("ghost-rs"), k, 11, 38, "/facts/6/subject"),
        (c, _unknown("ghost-ro"), k, 11, 76, "/facts/6/object"),
        (c, _unknown("ghost-ss"), k, 13, 39, "/facts/8/subject"),
        (c, _unknown("ghost-so"), k, 13, 72, "/facts/8/object"),
        (c, "fact id 'm' is already used at k.kb.yaml:5:5", "l.kb.yaml", 7, 10, "/facts/0/id"),
        (c, _unknown("ghost-u"), k, 3, 65, "/entities/a/aliases/0/used_by/1"),
    ]
    assert kb.name("a") == "A"
    # A duplicate id skips its entity or fact, not the rest of the file.
    assert "after" in kb.facts and "c" in kb.records
    assert all(f.severity is SCHEMA.severity for f in query.open_kb(("k.kb.yaml",))[1])


GOOD = "claimcheck-kb: 1\nentities:\n  a: {name: A, kind: country}\nfacts: []\n"


def test_each_bad_kb_file_is_reported_and_skipped_and_the_good_ones_still_load(
    project, monkeypatch
):
    """A YAML error and a file too large are fatal (exit 2) at their position; a file the
    schema refuses is reported at the field; none of them stops the files after it."""
    (project / "a.kb.yaml").write_text("claimcheck-kb: 1\nentities: {a: [1, 2\n")
    bad_kind = "claimcheck-kb: 1\nentities:\n  b: {name: B, kind: nation}\n"
    (project / "b.kb.yaml").write_text(bad_kind)
    (project / "c.kb.yaml").write_text("x" * 200)
    (project / "z.kb.yaml").write_text(GOOD)
    names = ("a.kb.yaml", "b.kb.yaml", "c.kb.yaml", "z.kb.yaml")
    syntax = "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)"
    kind = (
        "kind: Input should be 'country', 'organisation', 'person', 'place', 'office', "
        "'series', 'event', 'agreement', 'group' or 'other'"
    )
    u, s = UNREADABLE.id, SCHEMA.id
    kb, rows = _findings(project, monkeypatch, *names)
    assert rows == [
        (u, syntax, "a.kb.yaml", 3, 1, ""),
        (s, kind, "b.kb.yaml", 3, 22, "/entities/b/kind"),
        (u, "the top level must be a mapping (key: value)", "c.kb.yaml", 1, 1, ""),
    ]
    assert (sorted(kb.records), kb.files) == (["a"], ["z.kb.yaml"])
    kb, rows = _findings(project, monkeypatch, *names, limits=Limits(max_file_bytes=100))
    too_big = "is 200 bytes, larger than the limit of 100 (max-file-bytes)"
    assert rows[2] == (u, too_big, "c.kb.yaml", 0, 0, "")
    assert (sorted(kb.records), kb.files) == (["a"], ["z.kb.yaml"])
    _, problems = query.open_kb(("a.kb.yaml", "c.kb.yaml"))
    assert [f.fatal for f in problems] == [True, True]


def test_a_kb_file_is_held_to_the_configured_nesting_limit(project, monkeypatch):
    (project / "d.kb.yaml").write_text("claimcheck-kb: 1\nentities:\n  a: {name: [[[[1]]]]}\n")
    _, rows = _findings(project, monkeypatch, "d.kb.yaml", limits=Limits(max_depth=3))
    assert rows == [
        (UNREADABLE.id, "nesting deeper than the limit of 3 (max-depth)", "d.kb.yaml", 3, 13, "")
    ]


def test_the_kb_loads_the_bytes_already_read_not_the_disk_again():
    """`verify` reads a KB file once (for the cache's key too): the loader uses those bytes."""
    kb, problems = load_kb([Path("nowhere.kb.yaml")], DEFAULT_LIMITS, str, read=[GOOD.encode()])
    assert (problems, sorted(kb.records)) == ([], ["a"])


# -- when a fact holds ----------------------------------------------------------------------

DATED = """
entities:
  g: {name: G, kind: organisation}
  a: {name: A, kind: country}
  b: {name: B, kind: country}
  c: {name: C, kind: country}
  d: {name: D, kind: country}
  e: {name: E, kind: country}
facts:
  - {id: open, kind: membership, group: g, member: a, start: "2000", sources: [{title: T}]}
  - {id: ends, kind: membership, group: g, member: b, start: 2008-01-01, end: 2008-02-02,
     sources: [{title: T}]}
  - {id: late, kind: membership, group: g, member: c, start: 2008-02-29, end: "2009",
     sources: [{title: T}]}
  - {id: day, kind: membership, group: g, member: d, start: 2008-02-01, end: 2008-02-02,
     sources: [{title: T}]}
  - {id: nostart, kind: membership, group: g, member: e, end: 2008-02-01, sources: [{title: T}]}
  - {id: closed, kind: membership, group: g, member: e, start: "2000", end: "2010",
     sources: [{title: T}]}
"""


def test_an_open_ended_fact_is_certain_up_to_the_day_the_kb_was_verified_and_no_later():
    kb = _kb(DATED)
    fact = kb.facts["open"]
    assert kb.truth(fact, _day("2024-08-20")) is Tri.YES
    assert kb.truth(fact, _day("2024-08-21")) is Tri.MAYBE
    assert kb.truth(fact, _day("2024-08")) is Tri.MAYBE


def test_a_fact_held_on_some_day_of_a_month_at_either_edge_of_its_interval():
    """Ended on 2 February: held on 1 February, a day of February; began on 29 February:
    held on a day of February; held on 1 February only: still a day of it."""
    kb = _kb(DATED)
    feb = _day("2008-02")
    assert kb.truth(kb.facts["ends"], feb) is Tri.MAYBE
    assert kb.truth_some_day(kb.facts["ends"], feb) is Tri.YES
    assert kb.truth_some_day(kb.facts["late"], feb) is Tri.YES
    assert kb.truth_some_day(kb.facts["day"], feb) is Tri.YES
    assert kb.truth_some_day(kb.facts["late"], _day("2008-01")) is Tri.NO


def test_why_a_fact_leaves_a_date_open_is_said_only_when_the_kb_can_say_it():
    kb = _kb(DATED)
    assert kb.why_open(kb.facts["nostart"], _day("2008-02-01")) == (
        "the knowledge base does not say when it began"
    )
    assert kb.why_open(kb.facts["closed"], _day("2005")) is None
    assert kb.why_open(kb.facts["open"], _day("2025")) == (
        "the knowledge base was last verified on 20 August 2024"
    )
    undated = _kb(DATED, verified=None)
    assert undated.why_open(undated.facts["open"], _day("2025")) == (
        "the knowledge base does not say up to when it was verified"
    )


WINDOWS = """
entities:
  g: {name: G, kind: organisation}
  h: {name: H, kind: organisation}
  k: {name: K, kind: organisation}
facts:
  - {id: g-n2, kind: count, group: g, of: members, count: 3, start: "2010", sources: [{title: T}]}
  - {id: g-all, kind: complete, group: g, of: members, start: "2000", sources: [{title: T}]}
  - {id: g-n, kind: count, group: g, of: members, count: 2, start: "2000", sources: [{title: T}]}
  - {id: h-all, kind: complete, group: h, of: members, start: "2000", status: disputed,
     note: contested, sources: [{title: T}]}
  - {id: h-n, kind: count, group: h, of: members, count: 2, start: "2000", status: disputed,
     note: contested, sources: [{title: T}]}
  - {id: k-all, kind: complete, group: k, of: members, start: "2030", sources: [{title: T}]}
  - {id: k-n, kind: count, group: k, of: members, count: 2, start: "2030", sources: [{title: T}]}
"""


def test_only_an_accepted_complete_list_or_count_covering_the_date_is_used():
    kb = _kb(WINDOWS)
    on = _day("2024-08-20")
    assert kb.window("g", "members", on) is kb.facts["g-all"]
    assert kb.sourced_count("g", "members", on) is kb.facts["g-n"]  # the earliest first
    for group in ("h", "k"):  # disputed; not yet begun
        assert kb.window(group, "members", on) is None
        assert kb.sourced_count(group, "members", on) is None


PLACES = """
entities:
  x: {name: X, kind: place}
  y: {name: Y, kind: place}
  z: {name: Z, kind: place}
  w: {name: W, kind: place}
  v: {name: V, kind: place}
  u: {name: U, kind: place}
facts:
  - {id: xy, kind: relation, subject: x, predicate: lies_in, object: y, sources: [{title: T}]}
  - {id: xz, kind: relation, subject: x, predicate: lies_in, object: z, sources: [{title: T}]}
  - {id: yw, kind: relation, subject: y, predicate: lies_in, object: w, sources: [{title: T}]}
  - {id: zw, kind: relation, subject: z, predicate: lies_in, object: w, sources: [{title: T}]}
  - {id: wx, kind: relation, subject: w, predicate: lies_in, object: x, sources: [{title: T}]}
  - {id: xv, kind: relation, subject: x, predicate: lies_in, object: v, status: disputed,
     note: contested, sources: [{title: T}]}
  - {id: xu, kind: relation, subject: x, predicate: borders, object: u, sources: [{title: T}]}
"""


def test_the_places_a_place_lies_in_are_each_named_once_following_accepted_facts():
    kb = _kb(PLACES)
    assert [(p, f.id) for p, f in kb.containers("x")] == [("y", "xy"), ("z", "xz"), ("w", "yw")]


EVENTS = """
entities:
  s: {name: S, kind: series}
  e: {name: E, kind: event}
  o: {name: O, kind: office}
facts:
  - {id: e1, kind: event, event: e, series: s, date: "2024-08", sources: [{title: T}]}
"""


def test_an_event_of_the_month_is_maybe_by_its_first_day_and_nothing_is_asked_of_no_series():
    kb = _kb(EVENTS)
    assert [(f.id, t) for f, t in kb.events_until("s", _day("2024-08-01"))] == [("e1", Tri.MAYBE)]
    assert kb.events_until("s", _day("2024-07-31")) == []
    assert kb.events_until("nothing", _day("2024-08-01")) == []
    assert kb.holders_on("o", _day("2024-08-01")) == []


# -- a question asked twice ----------------------------------------------------------------


def test_a_question_asked_again_is_answered_from_what_the_kb_worked_out():
    """Judging stays linear: every claim about a group on a date reads one answer. The
    dates are equal, not the same object, as two claims give them."""
    kb = _kb(EVERY_KIND)
    one, two = _day("2024-08-20"), _day("2024-08-20")
    assert kb.members_on("hub", one)[0] is kb.members_on("hub", two)[0]
    assert kb.holders_on("off", one)[0] is kb.holders_on("off", two)[0]
    assert kb.events_until("hub", one)[0] is kb.events_until("hub", two)[0]
    assert kb.roster("hub", one) is kb.roster("hub", two)
    assert kb.office_roster("off", one) is kb.office_roster("off", two)
    assert kb.event_tally("hub", one) is kb.event_tally("hub", two)
    assert kb.subjects_on("lies_in", "city", one) is kb.subjects_on("lies_in", "city", two)
    assert kb.subjects_on("lies_in", "city", one) == (kb.facts["r1"],)
    assert kb.evidence(kb.facts["m1"]) is kb.evidence(kb.facts["m1"])


def test_a_store_of_answers_is_bounded_and_keeps_the_newest():
    store: dict[int, str] = {}
    remember(store, 0, "zero")
    assert store == {0: "zero"}
    limit = 1 << 14
    for k in range(1, limit):
        remember(store, k, "k")
    assert len(store) == limit
    remember(store, limit, "newest")
    assert store == {limit: "newest"}


# -- a file's entities and the KB's ------------------------------------------------------------

LINKED = """
entities:
  a: {name: Aland, kind: country, wikidata: Q1}
  b: {name: Bland, kind: country}
  c: {name: São Tomé, kind: country}
  d: {name: Dаnd, kind: country}
"""  # d's name has a Cyrillic "а": no name key, so only its id finds it


def _linked(own: dict[str, Entity], ref: str) -> tuple[str | None, str | None]:
    """(the key rules group ``ref`` by, the KB entity it stands for) in a file defining ``own``."""
    node = Resolver(own, _kb(LINKED)).resolve(ref).node
    return (node.key, node.kb) if node is not None else (None, None)


def test_a_file_entity_is_the_kbs_unless_their_wikidata_ids_show_two_entities():
    country = "country"
    assert _linked({"a": Entity(name="A", kind=country)}, "a") == ("a", "a")
    assert _linked({"a": Entity(name="A", kind=country, wikidata="Q1")}, "a") == ("a", "a")
    assert _linked({"b": Entity(name="B", kind=country, wikidata="Q5")}, "b") == ("b", "b")
    assert _linked({"a": Entity(name="A", kind=country, wikidata="Q2")}, "a") == ("a", None)
    resolver = Resolver({"a": Entity(name="A", kind=country, wikidata="Q2")}, _kb(LINKED))
    assert resolver.kb_node("a").key == "a (knowledge base)"
    assert _linked({"z": Entity(name="Zed", kind=country, wikidata="Q1")}, "z") == ("z", "a")


def test_two_file_entities_that_are_one_kb_entity_are_one_entity_to_the_rules():
    both = {
        "quad": Entity(name="Quad", kind="country", wikidata="Q1"),
        "the-quad": Entity(name="The Quad", kind="country", wikidata="Q1"),
    }
    resolver = Resolver(both, _kb(LINKED))
    assert resolver.key("quad") == resolver.key("the-quad") == "quad"
    assert resolver.key("a") == "quad"  # the KB's id of what the file calls quad
    # Linked by its id, whatever kind the file gives it; by a name, only of the same kind.
    assert _linked({"a": Entity(name="A", kind="place")}, "a") == ("a", "a")


def test_a_file_entity_is_the_kbs_of_the_same_name_only_if_of_the_same_kind():
    assert _linked({"x": Entity(name="Bland", kind="country")}, "x") == ("x", "b")
    assert _linked({"y": Entity(name="Bland", kind="place")}, "y") == ("y", None)


def test_a_name_with_accents_is_found_and_one_with_look_alike_letters_is_not():
    assert _linked({}, "são tomé") == ("c", "c")
    assert _linked({}, "Dаnd") == (None, None)
    assert _linked({}, "d") == ("d", "d")


def test_the_kbs_index_is_built_once_for_every_file_checked_against_it():
    kb = _kb(LINKED)
    assert Resolver({}, kb).kb_index is Resolver({"x": Entity(name="X", kind="place")}, kb).kb_index


# -- which files are the knowledge base -----------------------------------------------------


def test_kb_files_are_found_below_folders_sorted_once_each_skipping_hidden_and_links(tmp_path):
    root = tmp_path / "p"
    (root / "b" / ".hidden").mkdir(parents=True)
    (root / "a").mkdir()
    (tmp_path / "outside").mkdir()
    for name in ("b/z.kb.yaml", "b/y.kb.yml", "a/x.kb.json", "b/.hidden/h.kb.yaml", "a/c.yaml"):
        (root / name).write_text("x", encoding="utf-8")
    (tmp_path / "outside" / "o.kb.yaml").write_text("x", encoding="utf-8")
    (root / "a" / "link").symlink_to(tmp_path / "outside", target_is_directory=True)
    named = root / "b" / "z.kb.yaml"
    found = find_kb_files([root, named, root / "a"])
    assert [p.relative_to(root).as_posix() for p in found] == [
        "a/x.kb.json",
        "b/y.kb.yml",
        "b/z.kb.yaml",
    ]
    link = root / "a" / "link"
    assert find_kb_files([link]) == [link]  # named, not walked: the loader refuses it later


def test_kb_search_paths_are_the_named_ones_inside_the_root_else_the_verified_folders(tmp_path):
    root = tmp_path.resolve()
    (root / "claims").mkdir()
    (root / "claims" / "a.claims.yaml").write_text("x", encoding="utf-8")
    (root / "k.kb.yaml").write_text("x", encoding="utf-8")
    claims, kb = str(root / "claims"), str(root / "k.kb.yaml")
    assert kb_search_paths((kb,), (claims,), root) == [Path(kb)]
    with pytest.raises(KBPathError, match=r"^--kb nope\.kb\.yaml: no such file or folder$"):
        kb_search_paths(("nope.kb.yaml",), (), root)
    with pytest.raises(KBPathError, match=r": outside the project root "):
        kb_search_paths((kb,), (), root / "claims")
    verified = (str(root / "missing"), claims, f"{claims}/a.claims.yaml", str(tmp_path.parent))
    assert kb_search_paths((), verified, root) == [root / "claims"]


def test_the_kbs_digest_follows_each_files_bytes_and_an_unreadable_one_does_not_stop_it(
    tmp_path,
):
    k = tmp_path / "k.kb.yaml"
    k.write_text(GOOD, encoding="utf-8")

    def digest(limits: Limits = DEFAULT_LIMITS) -> str:
        return KBSource([k], limits, lambda p: p.name).digest()

    first = digest()
    assert digest() == first
    k.write_text(GOOD + "\n", encoding="utf-8")
    assert digest() != first
    # A file over `max-file-bytes` is a big import, hashed as it is streamed: same bytes,
    # same digest, so a cached result stays valid whichever way the KB is read.
    assert digest(Limits(max_file_bytes=10)) == digest()
    files = [k, tmp_path / "gone.kb.yaml"]
    gone = KBSource(files, DEFAULT_LIMITS, lambda p: p.name).digest()
    assert gone not in (first, digest())
    assert gone == KBSource(files, DEFAULT_LIMITS, lambda p: p.name).digest()


def test_the_kb_loaded_is_the_one_hashed_even_if_a_file_changes_between(tmp_path):
    """The cache keys a run by the KB's digest: what is judged must be what was hashed."""
    k = tmp_path / "k.kb.yaml"
    k.write_text(GOOD, encoding="utf-8")
    source = KBSource([k], DEFAULT_LIMITS, lambda p: p.name)
    source.digest()
    k.write_text(GOOD.replace("name: A", "name: Changed"), encoding="utf-8")
    kb, findings = source.load()
    assert kb is not None and not findings
    assert kb.name("a") == "A"


def test_a_big_kbs_digest_names_a_missing_file_the_same_wherever_the_project_lies(
    tmp_path, monkeypatch
):
    """A cached result stays valid when the project is moved: the reason a file could not
    be read, as hashed, does not carry its absolute path."""
    monkeypatch.setattr(kb_files, "STORE_BYTES", -1)  # every KB is big: streamed, not read

    def digest(folder: Path) -> str:
        folder.mkdir()
        (folder / "k.kb.yaml").write_text(GOOD, encoding="utf-8")
        files = [folder / "k.kb.yaml", folder / "gone.kb.yaml"]
        return KBSource(files, DEFAULT_LIMITS, lambda p: p.name).digest()

    here, moved = digest(tmp_path / "here"), digest(tmp_path / "moved")
    assert here == moved
    (tmp_path / "here" / "gone.kb.yaml").write_text(GOOD, encoding="utf-8")
    found = KBSource(
        [tmp_path / "here" / "k.kb.yaml", tmp_path / "here" / "gone.kb.yaml"],
        DEFAULT_LIMITS,
        lambda p: p.name,
    ).digest()
    assert found != here


def _newsroom(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    (root / "kb").mkdir(parents=True)
    (root / "claims").mkdir()
    (root / "pyproject.toml").write_text("[project]\nname = 'n'\n", encoding="utf-8")
    (root / "kb" / "k.kb.yaml").write_text(GOOD, encoding="utf-8")
    (root / "claims" / "c.kb.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "shared.kb.yaml").write_text(GOOD, encoding="utf-8")
    return root


def test_with_no_verified_path_on_disk_the_root_is_the_working_folders_project(
    tmp_path, monkeypatch
):
    root = _newsroom(tmp_path)
    monkeypatch.chdir(tmp_path)
    options = Options(paths=("missing.claims.yaml",), kb=("news/kb",))
    assert run_kb_files(options, None, root) == [Path("news/kb/k.kb.yaml")]
    # The root is the project of the working folder given, not of the process's: a KB
    # beside the project is outside it.
    outside = Options(paths=("missing.claims.yaml",), kb=("shared.kb.yaml",))
    with pytest.raises(UsageError) as refused:
        run_kb_files(outside, None, root / "claims")
    assert str(refused.value) == f"--kb shared.kb.yaml: outside the project root {root}"


def test_a_root_given_bounds_the_kb_even_inside_a_larger_project(tmp_path, monkeypatch):
    root = _newsroom(tmp_path)
    monkeypatch.chdir(root)
    options = Options(paths=("claims",), kb=("kb",))
    assert run_kb_files(options, None, root) == [Path("kb/k.kb.yaml")]
    # No --kb: the KB files below the folders verified.
    below = run_kb_files(Options(paths=("claims",)), None, root)
    assert below == [root / "claims" / "c.kb.yaml"]
    with pytest.raises(UsageError) as refused:
        run_kb_files(options, root / "claims", root)
    assert str(refused.value) == f"--kb kb: outside the project root {root / 'claims'}"
    missing = Options(paths=("claims",), kb=("nope.kb.yaml",))
    with pytest.raises(UsageError, match=r"^--kb nope\.kb\.yaml: no such file or folder$"):
        run_kb_files(missing, None, root)


def test_a_small_kb_is_judged_whole_without_building_a_store(tmp_path):
    k = tmp_path / "k.kb.yaml"
    k.write_text(GOOD, encoding="utf-8")
    source = KBSource([k], DEFAULT_LIMITS, lambda p: p.name, tmp_path / "cache")
    kb, slicer = source.for_engine()
    assert kb is not None and kb.name("a") == "A" and slicer is None
    assert not (tmp_path / "cache").exists()
    # Hashed after loading, the files are read again: the same digest as a fresh source's.
    assert source.digest() == KBSource([k], DEFAULT_LIMITS, lambda p: p.name).digest()


def test_without_kb_files_there_is_no_kb_and_nothing_to_report():
    assert KBSource([], DEFAULT_LIMITS, lambda p: p.name).load() == (None, [])
    assert KBSource([], DEFAULT_LIMITS, lambda p: p.name).for_engine() == (None, None)


def test_a_big_kbs_store_and_key_lie_where_the_docs_say(tmp_path, monkeypatch):
    """docs/wikidata.md: `.claimcheck_cache/kb/<hash>-v1.sqlite`, the key beside it."""
    monkeypatch.setattr(kb_files, "STORE_BYTES", -1)
    k = tmp_path / "k.kb.yaml"
    k.write_text(GOOD, encoding="utf-8")
    cache = tmp_path / ".claimcheck_cache"
    source = KBSource([k], DEFAULT_LIMITS, lambda p: p.name, cache)
    assert source.store().slice_entity("a", everything=True).records
    assert [p.name for p in cache.iterdir()] == ["kb"]
    assert (cache / "kb" / f"{source.digest()}-v1.sqlite").is_file()
    assert (cache / "kb" / "key").is_file()


ENDED_SOMETIME = """
entities:
  g: {name: G, kind: organisation}
  a: {name: A, kind: country}
  b: {name: B, kind: country}
facts:
  - {id: st, kind: statement, subject: a, property: P17, object: b, sources: [{title: T}]}
  - {id: left, kind: membership, group: g, member: a, start: 2019-03, end_unknown: true,
     sources: [{title: T}]}
  - {id: gone, kind: membership, group: g, member: b, end_unknown: true, sources: [{title: T}]}
"""


def test_a_fact_that_ended_at_an_unknown_date_is_told_so_with_its_start_if_known():
    kb = _kb(ENDED_SOMETIME)
    assert kb.statement(kb.facts["st"]) == "A P17 B"
    assert (
        kb.statement(kb.facts["left"]) == "A is a member of G from March 2019 until an unknown date"
    )
    assert kb.statement(kb.facts["gone"]) == "B is a member of G until an unknown date"


@pytest.mark.parametrize(
    ("on", "truth"),
    [
        ("2019-03", Tri.YES),  # whichever day of March it began, it held on that day
        ("2019", Tri.YES),
        ("2019-03-31", Tri.MAYBE),  # it may have begun on the 31st and ended at once, or not
        ("2019-04", Tri.MAYBE),  # it may have ended before April
        ("2019-02", Tri.NO),
    ],
)
def test_a_fact_whose_end_is_unknown_held_on_some_day_of_a_span_holding_its_start(on, truth):
    kb = _kb(ENDED_SOMETIME)
    assert kb.truth_some_day(kb.facts["left"], _day(on)) is truth
