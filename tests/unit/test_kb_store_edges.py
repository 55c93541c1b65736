"""The compiled KB store (`kb.db`) at its edges: every kind of fact answered as the files
answer it, the streamed line layout and what it refuses, what a claim file's slice holds,
and the keyed seal that keeps a tampered store or digest from being used."""

from __future__ import annotations

import errno
import hashlib
import itertools
import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest

from claimcheck.core.dates import PartialDate
from claimcheck.core.diagnostics import SCHEMA, unreadable
from claimcheck.core.findings import Finding, Location
from claimcheck.core.limits import DEFAULT_LIMITS, Limits
from claimcheck.formats import records
from claimcheck.kb import db, query
from claimcheck.kb.files import KBSource
from claimcheck.kb.load import load_kb
from claimcheck.kb.store import KnowledgeBase

S = "sources: [{title: T}]"


def _store(folder: Path, *files: Path, limits: Limits = DEFAULT_LIMITS) -> db.KBStore:
    return KBSource(list(files), limits, lambda p: p.name, folder / "cache").store()


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _same_answers(tmp_path: Path, *files: Path, limits: Limits = DEFAULT_LIMITS) -> db.KBStore:
    """The store's findings, and every query on every entity's slice, are the files'."""
    full, findings = load_kb(list(files), limits, lambda p: p.name)
    store = _store(tmp_path, *files, limits=limits)
    assert store.findings() == findings
    assert full is not None
    days = [PartialDate.parse(d) for d in ("1999", "2005-06-01", "2019-11-30", "2030")]
    for entity in full.records:
        one = store.slice_entity(entity, everything=True)
        assert query.entity(one, entity) == query.entity(full, entity)
        assert one.verified == full.verified and one.files == full.files
        assert list(one.facts) == [f for f in full.facts if f in one.facts]  # in the KB's order
        for on in days:
            assert query.members(one, entity, on) == query.members(full, entity, on)
            assert query.holder(one, entity, on) == query.holder(full, entity, on)
            assert query.events(one, entity, on) == query.events(full, entity, on)
        assert query.events(one, entity, None) == query.events(full, entity, None)
    return store


EVERY_KIND = f"""claimcheck-kb: 1
verified: 2025-01-01
entities:
  club: {{name: The Club, kind: organisation, wikidata: Q100}}
  aland: {{name: Aland, kind: country, aliases: [{{name: Land of A, used_by: [bland]}}]}}
  bland: {{name: Bland, kind: country}}
  chair: {{name: Chair of the Club, kind: office}}
  pat: {{name: Pat One, kind: person}}
  summit: {{name: Summits of the Club, kind: series}}
  summit-1: {{name: First summit, kind: event}}
  town: {{name: Town, kind: place}}
  region: {{name: Region, kind: place}}
facts:
  - {{id: m1, kind: membership, group: club, member: aland, start: "2001", {S}}}
  - {{id: m2, kind: membership, group: club, member: bland, start: "2003", end: "2010", {S}}}
  - {{id: t1, kind: tenure, office: chair, holder: pat, start: "2001-01-01", {S}}}
  - {{id: e1, kind: event, event: summit-1, series: summit, ordinal: 1, date: "2019-11-30", place: town, participants: [aland, pat], {S}}}
  - {{id: e2, kind: event, event: summit-1, date: "2019-11", {S}}}
  - {{id: c1, kind: complete, group: club, of: members, start: "2001", {S}}}
  - {{id: n1, kind: count, group: summit, of: events, count: 1, start: "2020", {S}}}
  - {{id: p1, kind: property, subject: town, property: uninhabited, holds: false, {S}}}
  - {{id: r1, kind: relation, subject: town, predicate: lies_in, object: region, {S}}}
  - {{id: r2, kind: relation, subject: aland, predicate: borders, object: bland, {S}}}
  - {{id: s1, kind: statement, subject: aland, property: P36, object: town, {S}}}
"""  # noqa: E501 (one fact a line)


def test_every_kind_of_fact_is_answered_from_the_store_as_from_the_files(tmp_path: Path) -> None:
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)
    store = _same_answers(tmp_path, kb)
    assert store.findings() == []
    # the object of a relation and of a statement reaches its facts only when asked for all
    assert set(store.slice_entity("bland").facts) == {"m2"}
    assert set(store.slice_entity("bland", everything=True).facts) == {"m2", "r2"}
    assert set(store.slice_entity("town").facts) == {"p1", "r1"}
    assert set(store.slice_entity("town", everything=True).facts) == {"e1", "e2", "p1", "r1", "s1"}
    # a participant reaches the event, and with it the event's other facts
    assert set(store.slice_entity("pat").facts) == {"t1"}
    everything = {"t1", "e1", "e2", "p1", "r1"}  # and the facts of the event's place
    assert set(store.slice_entity("pat", everything=True).facts) == everything


def test_an_entity_is_found_by_its_name_alias_and_wikidata_id(tmp_path: Path) -> None:
    store = _store(tmp_path, _write(tmp_path, "k.kb.yaml", EVERY_KIND))
    for ref in ("club", "The Club", "the club", "Q100", "THE CLUB"):
        assert set(store.slice_entity(ref).records) >= {"club"}, ref
    assert "aland" in store.slice_entity("land of a").records
    assert store.slice_entity("nobody").records == {}


def test_an_entity_is_found_by_its_name_written_with_other_quotes_and_spaces(
    tmp_path: Path,
) -> None:
    text = 'claimcheck-kb: 1\nentities:\n  obrien: {name: "Pat O\'Brien", kind: person}\n'
    store = _store(tmp_path, _write(tmp_path, "k.kb.yaml", text))
    assert set(store.slice_entity("Pat  O\u2019Brien").records) == {"obrien"}


TWO_FILES = """claimcheck-kb: 1
entities:
  a: {name: A, kind: country, aliases: [{name: Ay, used_by: [a, ghost-u, b]}]}
  b: {name: B, kind: country}
facts:
  - {id: f1, kind: membership, group: a, member: ghost-m, sources: [{title: S}]}
  - {id: f1, kind: membership, group: a, member: b, sources: [{title: S}]}
  - {id: f2, kind: event, event: a, date: "2020", participants: [b, ghost-p], sources: [{title: S}]}
"""


def test_unknown_entities_and_fact_ids_used_twice_are_reported_as_the_files_do(
    tmp_path: Path,
) -> None:
    first = _write(tmp_path, "a.kb.yaml", TWO_FILES)
    second = _write(
        tmp_path,
        "b.kb.yaml",
        TWO_FILES.replace("  a: {", "  c: {").replace("  b: {", "  d: {").replace("f2", "f3"),
    )
    store = _same_answers(tmp_path, first, second)
    where = [(f.location.path, f.location.line, f.pointer) for f in store.findings()]
    assert where == [
        ("a.kb.yaml", 6, "/facts/0/member"),
        ("a.kb.yaml", 7, "/facts/1/id"),
        ("a.kb.yaml", 8, "/facts/2/participants/1"),
        ("b.kb.yaml", 6, "/facts/0/id"),
        ("b.kb.yaml", 7, "/facts/1/id"),
        ("b.kb.yaml", 8, "/facts/2/participants/1"),
        ("a.kb.yaml", 3, "/entities/a/aliases/0/used_by/1"),
        ("b.kb.yaml", 3, "/entities/c/aliases/0/used_by/1"),
    ]


def test_the_store_answers_the_same_when_its_queries_are_cut_into_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite takes a bounded number of values a query: every list is asked in chunks."""
    monkeypatch.setattr(db, "_SQL_VARS", 2)
    first = _write(tmp_path, "a.kb.yaml", EVERY_KIND)
    facts = EVERY_KIND[EVERY_KIND.index("facts:") :]  # the same facts, three of them new
    again = facts.replace("id: m2,", "id: m9,").replace("id: e2,", "id: e9,")
    again = again.replace("id: s1,", "id: m2,")
    second = _write(tmp_path, "b.kb.yaml", "claimcheck-kb: 1\n" + again)
    store = _same_answers(tmp_path, first, second)
    first_use = {"m1": 14, "t1": 16, "e1": 17, "c1": 19, "n1": 20, "p1": 21, "r1": 22, "r2": 23}
    again_at = [(f, n, n - 11) for f, n in first_use.items()] + [("m2", 15, 13)]
    assert [(f.message, f.location.line) for f in store.findings()] == [
        (f"fact id '{f}' is already used at a.kb.yaml:{n}:5", line) for f, n, line in again_at
    ]
    assert sorted(store.slice_entity("The Club", everything=True).facts) == ["c1", "m1", "m2", "m9"]


def test_a_kb_file_the_schema_refuses_is_reported_as_the_files_do(tmp_path: Path) -> None:
    good = _write(tmp_path, "a.kb.yaml", EVERY_KIND)
    bad = _write(tmp_path, "b.kb.yaml", TWO_FILES.replace("kind: country}", "kind: city}", 1))
    store = _same_answers(tmp_path, good, bad)
    ((message, where, pointer),) = [(f.message, f.location, f.pointer) for f in store.findings()]
    assert (where.path, where.line, pointer) == ("b.kb.yaml", 4, "/entities/b/kind")
    assert message.startswith("kind: Input should be 'country'")


def test_the_limits_apply_to_a_kb_file_as_they_do_to_the_files(tmp_path: Path) -> None:
    small = _write(tmp_path, "a.kb.yaml", TWO_FILES)
    big = _write(tmp_path, "b.kb.yaml", EVERY_KIND)
    limits = Limits(max_file_bytes=len(TWO_FILES) + 10)
    store = _same_answers(tmp_path, small, big, limits=limits)
    assert [f.location.path for f in store.findings() if f.fatal] == ["b.kb.yaml"]
    shallow = Limits(max_depth=3)  # a fact's sources are deeper than that
    store = _same_answers(tmp_path / "shallow", small, limits=shallow)
    assert [f.fatal for f in store.findings()] == [True]


def test_a_kb_file_that_cannot_be_read_is_reported(tmp_path: Path) -> None:
    kb = _write(tmp_path, "a.kb.yaml", EVERY_KIND)
    gone = tmp_path / "gone.kb.yaml"
    store = _store(tmp_path, kb, gone)
    assert store.findings() == [
        unreadable("gone.kb.yaml", "cannot read: No such file or directory")
    ]
    assert store.files == [(0, "a.kb.yaml", "2025-01-01")]
    assert sorted(store.slice_entity("club").facts) == ["c1", "m1", "m2"]


# -- the line layout of `claimcheck kb import` ---------------------------------------------

HEAD = '{"claimcheck-kb": 1, "verified": "2024-01-01",\n"entities": {\n'
ENTITIES = [
    '"a": {"name": "A", "kind": "country"}',
    '"b": {"name": "B", "kind": "country", "wikidata": "Q2"}',
]


def _fact(fid: str, member: str = "b", group: str = "a") -> str:
    return json.dumps(
        {
            "id": fid,
            "kind": "membership",
            "group": group,
            "member": member,
            "sources": [{"title": "S"}],
        }
    )


def _lines(entities: list[str], facts: list[str], head: str = HEAD, end: str = "]}\n") -> str:
    """A file as `claimcheck kb import` writes it: one entity, one fact a line."""
    body = ",\n".join(entities) + "\n" if entities else ""
    return head + body + '},\n"facts": [\n' + ",\n".join(facts) + "\n" + end


def _refused(name: str, line: int, what: str) -> Finding:
    message = f"{what} does not match the knowledge base schema (docs/kb.md)"
    return Finding(SCHEMA.id, SCHEMA.severity, message, Location(name, line, 1))


def test_an_import_in_the_line_layout_is_answered_as_the_file_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "_BATCH", 2)  # facts checked two at a time
    facts = [_fact(f"f{i}") for i in range(5)] + [_fact("g", member="a", group="b")]
    kb = _write(tmp_path, "wd.kb.json", _lines(ENTITIES, facts))
    store = _same_answers(tmp_path, kb)
    one = store.slice_entity("Q2", everything=True)
    assert sorted(one.facts) == ["f0", "f1", "f2", "f3", "f4", "g"]
    assert one.origin["f0"] == ("wd.kb.json", 7, 1)
    assert one.origin["g"] == ("wd.kb.json", 12, 1)
    assert one.verified == {"wd.kb.json": PartialDate.parse("2024-01-01")}


def test_an_import_without_a_verified_date_is_answered_undated(tmp_path: Path) -> None:
    head = '{"claimcheck-kb": 1,\n"entities": {\n'
    kb = _write(tmp_path, "wd.kb.json", _lines(ENTITIES, [_fact("f0")], head=head))
    store = _same_answers(tmp_path, kb)
    assert store.slice_entity("a").verified == {"wd.kb.json": None}


def test_a_refused_fact_in_an_import_is_named_at_its_line_and_the_others_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "_BATCH", 2)
    bad = json.dumps({"id": "bad", "kind": "membership", "group": "a", "sources": []})
    late = bad.replace('"bad"', '"late"')  # in the last batch, of one fact
    facts = [_fact("f0"), _fact("f1"), _fact("f2"), bad, _fact("f4"), '["no", "id"]', late]
    kb = _write(tmp_path, "wd.kb.json", _lines(ENTITIES, facts))
    store = _store(tmp_path, kb)
    assert store.findings() == [
        _refused("wd.kb.json", 10, "fact 'bad'"),
        _refused("wd.kb.json", 12, "fact 'None'"),
        _refused("wd.kb.json", 13, "fact 'late'"),
    ]
    one = store.slice_entity("a")
    assert sorted(one.facts) == ["f0", "f1", "f2", "f4"]
    assert one.origin["f4"] == ("wd.kb.json", 11, 1)


def test_a_refused_entity_in_an_import_is_named_at_its_line_and_the_others_kept(
    tmp_path: Path,
) -> None:
    entities = [ENTITIES[0], '"x": {"name": "X", "kind": "no such kind"}', ENTITIES[1]]
    kb = _write(tmp_path, "wd.kb.json", _lines(entities, [_fact("f0")]))
    store = _store(tmp_path, kb)
    assert store.findings() == [_refused("wd.kb.json", 4, "entity 'x'")]
    assert sorted(store.slice_entity("b", everything=True).records) == ["a", "b"]
    assert store.slice_entity("X").records == {}


def test_an_import_whose_head_the_schema_refuses_is_reported_at_its_first_line(
    tmp_path: Path,
) -> None:
    head = HEAD.replace('"2024-01-01"', '"yesterday"')
    kb = _write(tmp_path, "wd.kb.json", _lines(ENTITIES, [_fact("f0")], head=head))
    store = _store(tmp_path, kb)
    assert store.findings() == [
        _refused("wd.kb.json", 1, "the file's head (`verified`, `imported`)")
    ]
    assert store.files == [] and store.slice_entity("a").records == {}


def test_an_import_whose_head_is_longer_than_the_file_limit_is_read_whole(tmp_path: Path) -> None:
    imported = {"tool": "x" * 200, "made": "2024-01-01", "sources": ["dump"]}
    head = HEAD.replace('"verified"', f'"imported": {json.dumps(imported)}, "verified"')
    kb = _write(tmp_path, "wd.kb.json", _lines(ENTITIES, [_fact("f0")], head=head))
    limits = Limits(max_file_bytes=100)
    _, findings = load_kb([kb], limits, lambda p: p.name)
    store = _store(tmp_path, kb, limits=limits)
    assert store.findings() == findings and [f.fatal for f in findings] == [True]
    fits = len(head.split("\n")[0]) + 1  # the head and its newline: streamed, not read whole
    big = Limits(max_file_bytes=fits)
    assert kb.stat().st_size > fits
    store = _store(tmp_path / "big", kb, limits=big)
    assert store.findings() == [] and sorted(store.slice_entity("a").facts) == ["f0"]


def test_an_unknown_entity_in_an_import_is_reported_at_its_fact_line(tmp_path: Path) -> None:
    facts = [_fact("f0"), _fact("f1", "ghost"), _fact("f2"), _fact("f3", "spook")]
    kb = _write(tmp_path, "wd.kb.json", _lines(ENTITIES, facts))
    unknown = "unknown entity '{}': define it under `entities` in a KB file"
    assert _store(tmp_path, kb).findings() == [
        Finding(
            SCHEMA.id,
            SCHEMA.severity,
            unknown.format(ghost),
            Location("wd.kb.json", line, 1),
            f"/facts/{i}/member",
        )
        for ghost, line, i in (("ghost", 8, 1), ("spook", 10, 3))
    ]


def _json_error(text: str) -> str:
    try:
        json.loads(text)
    except ValueError as exc:
        return f"not JSON: {exc}"
    raise AssertionError(text)


def test_a_line_of_an_import_that_is_not_json_is_named_and_the_rest_read(tmp_path: Path) -> None:
    """The layout is exact: even white space after a line's comma makes it no JSON."""
    entities = [ENTITIES[0], '"c": {"name": ', ENTITIES[1]]
    facts = [_fact("f0"), '{"id": "f1",', _fact("f2"), _fact("f3")]
    text = _lines(entities, facts).replace(_fact("f2") + ",\n", _fact("f2") + ", \n")
    store = _store(tmp_path, _write(tmp_path, "wd.kb.json", text))
    assert store.findings() == [
        unreadable("wd.kb.json", _json_error('{"c": {"name": }'), 4, 1),
        unreadable("wd.kb.json", _json_error('{"id": "f1",'), 9, 1),
        unreadable("wd.kb.json", _json_error(_fact("f2") + ", "), 10, 1),
    ]
    assert sorted(store.slice_entity("a").facts) == ["f0", "f3"]


ENDS_EARLY = unreadable("wd.kb.json", "the file ends before `]}`", 8, 1)


@pytest.mark.parametrize(
    ("end", "findings"),
    [
        ("]}\n\n", []),
        ("]}\nmore\n", [_refused("wd.kb.json", 9, "text after the facts")]),
        ("]}\n\nX\n", [_refused("wd.kb.json", 10, "text after the facts")]),
        ("", [unreadable("wd.kb.json", "the file ends before `]}`", 7, 1)]),
        ("x", [unreadable("wd.kb.json", _json_error("x"), 8, 1), ENDS_EARLY]),
    ],
)
def test_the_end_of_an_import_is_checked(tmp_path: Path, end: str, findings: list[Finding]) -> None:
    kb = _write(tmp_path, "wd.kb.json", _lines(ENTITIES, [_fact("f0")], end=end))
    store = _store(tmp_path, kb)
    assert store.findings() == findings
    assert sorted(store.slice_entity("a").facts) == ["f0"]


def test_an_import_without_its_facts_line_is_refused_there(tmp_path: Path) -> None:
    text = _lines(ENTITIES, [_fact("f0")]).replace('"facts": [', '"fact": [')
    store = _store(tmp_path, _write(tmp_path, "wd.kb.json", text))
    assert store.findings() == [_refused("wd.kb.json", 6, 'expected `"facts": [`')]
    assert sorted(store.slice_entity("a", everything=True).records) == ["a"]
    assert store.slice_entity("a").facts == {}


BAD_FACT = json.dumps({"id": "bad", "kind": "membership", "group": "a", "sources": []})
ONE_LINE = {"claimcheck-kb": 1, "entities": {"a": {"name": "A", "kind": "country"}}}


@pytest.mark.parametrize(
    "text",
    [
        json.dumps({**ONE_LINE, "facts": [json.loads(_fact("f0")), json.loads(BAD_FACT)]}),
        _lines(ENTITIES, [_fact("f0"), BAD_FACT]).replace('"entities": {\n', '"entities":{\n'),
        _lines(ENTITIES, [_fact("f0"), BAD_FACT], head='{"claimcheck-kb":1,\n"entities": {\n'),
        _lines(ENTITIES, [_fact("f0"), BAD_FACT], head=' {"claimcheck-kb": 1,\n"entities": {\n'),
        '{"claimcheck-kb": 1, "x": [,\n"entities": {\n}}\n',
    ],
    ids=["one-line", "entities-line", "no-space", "indented", "head-not-json"],
)
def test_a_json_kb_not_in_the_line_layout_is_read_whole(tmp_path: Path, text: str) -> None:
    """Read as `load_kb` reads it: a fact the schema refuses refuses the file."""
    kb = _write(tmp_path, "k.kb.json", text)
    _, findings = load_kb([kb], DEFAULT_LIMITS, lambda p: p.name)
    assert _store(tmp_path, kb).findings() == findings
    assert findings and not any("fact 'bad'" in f.message for f in findings)


# -- what a claim file's slice holds ----------------------------------------------------------

CHAIN = [f"p{i}" for i in range(12)]
SLICED = (
    "claimcheck-kb: 1\nentities:\n"
    + "".join(f"  {p}: {{name: Place {p}, kind: place}}\n" for p in CHAIN)
    + """  alpha: {name: Alpha, kind: country}
  beta: {name: Beta, kind: country}
  gamma: {name: Gamma, kind: country}
  org-six: {name: one two three four five six, kind: organisation}
  org-seven: {name: one two three four five six seven, kind: organisation}
  series: {name: The Talks, kind: series}
  talks-1: {name: first talks, kind: event}
  talks-2: {name: second talks, kind: event}
  meet-0: {name: meeting zero, kind: event}
  meet-7: {name: meeting seven, kind: event}
  meet-8: {name: meeting eight, kind: event}
  meet-after: {name: meeting after, kind: event}
  meet-month: {name: meeting in the month, kind: event}
facts:
"""
    + "".join(
        f"  - {{id: in-{a}, kind: relation, subject: {a}, predicate: lies_in, object: {b}, {S}}}\n"
        for a, b in itertools.pairwise(CHAIN)
    )
    + f"""  - {{id: at-p0, kind: event, event: talks-1, series: series, date: "2019", place: p0, {S}}}
  - {{id: talks-1-more, kind: event, event: talks-1, date: "2019-05", participants: [gamma], {S}}}
  - {{id: talks-2-on, kind: event, event: talks-2, date: "2020", {S}}}
  - {{id: b-borders-a, kind: relation, subject: beta, predicate: borders, object: alpha, {S}}}
  - {{id: b-claims-a, kind: relation, subject: beta, predicate: claims, object: alpha, {S}}}
  - {{id: g-in-six, kind: membership, group: org-six, member: gamma, {S}}}
  - {{id: g-in-seven, kind: membership, group: org-seven, member: gamma, {S}}}
  - {{id: on-0, kind: event, event: meet-0, date: "2024-08-20", {S}}}
  - {{id: on-7, kind: event, event: meet-7, date: "2024-08-13", {S}}}
  - {{id: on-8, kind: event, event: meet-8, date: "2024-08-12", {S}}}
  - {{id: on-after, kind: event, event: meet-after, date: "2024-08-21", {S}}}
  - {{id: in-month, kind: event, event: meet-month, date: "2024-08", {S}}}
"""  # noqa: E501 (one fact a line)
)


def _claims(text: str, published: str = "2024-08-20", title: str = "T", **more: Any) -> Any:
    article = {"id": "a", "title": title, "publisher": "P", "published": published, "text": text}
    model = records.claim_file({"claimcheck": 1, "article": article, **more})
    assert model is not None
    return model


def _sliced(tmp_path: Path, model: Any) -> KnowledgeBase:
    return _store(tmp_path, _write(tmp_path, "k.kb.yaml", SLICED)).slice_for(model)


def test_a_slice_holds_the_containment_chain_of_a_named_place_eight_levels_up(
    tmp_path: Path,
) -> None:
    kb = _sliced(tmp_path, _claims("Place p0"))
    chain = {f"in-{p}" for p in CHAIN[:9]}  # p0 in p1 .. p8 in p9
    assert set(kb.facts) == chain | {"on-0", "on-7"}
    assert [p for p, _ in kb.containers("p0")] == CHAIN[1:9]


def test_a_slice_holds_the_chain_of_the_place_of_an_event_it_reaches(tmp_path: Path) -> None:
    kb = _sliced(tmp_path, _claims("The Talks", published="2000-01-01"))
    chain = {f"in-{p}" for p in CHAIN[:8]}  # found from p0, the event's place
    assert set(kb.facts) == chain | {"at-p0", "talks-1-more"}
    assert set(kb.records) >= {"series", "talks-1", "gamma", "p0", "p8"}
    assert "p9" not in kb.records


def test_a_slice_holds_the_events_of_the_week_before_a_named_day(tmp_path: Path) -> None:
    kb = _sliced(tmp_path, _claims("nothing known"))
    assert set(kb.facts) == {"on-0", "on-7"}
    assert set(kb.records) == {"meet-0", "meet-7"}
    assert set(_sliced(tmp_path, _claims("nothing known", published="2024-08")).facts) == set()


def test_a_slice_holds_the_facts_whose_object_is_named_for_the_predicates_named(
    tmp_path: Path,
) -> None:
    kb = _sliced(tmp_path, _claims("Alpha", published="2000-01-01"))
    assert set(kb.facts) == set()
    kb = _sliced(tmp_path, _claims("borders", published="2000-01-01"))
    assert set(kb.facts) == set()
    kb = _sliced(tmp_path, _claims("Alpha", published="2000-01-01", title="borders"))
    assert set(kb.facts) == {"b-borders-a"}
    assert set(kb.records) == {"alpha", "beta"}


def test_a_slice_finds_names_in_runs_of_up_to_six_words(tmp_path: Path) -> None:
    text = "zero one two three four five six seven eight"
    kb = _sliced(tmp_path, _claims(text, published="2000-01-01"))
    assert set(kb.facts) == {"g-in-six"}
    kb = _sliced(tmp_path, _claims("one two three four five six seven", published="2000-01-01"))
    assert set(kb.facts) == {"g-in-six", "g-in-seven"}
    text = "one two three four five six seven eight"  # seven words are too many for a run
    assert set(_sliced(tmp_path, _claims(text, published="2000-01-01")).facts) == {"g-in-six"}
    kb = _sliced(tmp_path, _claims("they met Gamma there", published="2000-01-01"))
    assert set(kb.facts) == {"g-in-six", "g-in-seven"}  # one word is a run


def test_a_slice_finds_the_entities_a_claim_file_defines_by_id_and_name(tmp_path: Path) -> None:
    by_id = {"org-six": {"name": "Whatever", "kind": "organisation"}}
    kb = _sliced(tmp_path, _claims("nothing", published="2000-01-01", entities=by_id))
    assert set(kb.facts) == {"g-in-six"}
    by_name = {"g": {"name": "Gamma", "kind": "country"}}
    kb = _sliced(tmp_path, _claims("nothing", published="2000-01-01", entities=by_name))
    assert set(kb.facts) == {"g-in-six", "g-in-seven"}
    assert set(kb.records) == {"gamma", "org-six", "org-seven"}


# -- keeping the store: its key, its seal, the digests -------------------------------------


def _counted(monkeypatch: pytest.MonkeyPatch) -> tuple[list[Path], list[Path]]:
    """The stores built and the files whose bytes were hashed."""
    builds: list[Path] = []
    hashed: list[Path] = []
    compile_store, mac = db.compile_store, db._mac

    def counted_build(files: list[Path], shown: list[str], limits: Any, target: Path) -> None:
        builds.append(target)
        compile_store(files, shown, limits, target)

    def counted_mac(path: Path, key: bytes) -> str | None:
        hashed.append(path)
        return mac(path, key)

    monkeypatch.setattr(db, "compile_store", counted_build)
    monkeypatch.setattr(db, "_mac", counted_mac)
    return builds, hashed


def _open(folder: Path, kb: Path) -> db.KBStore:
    return db.open_store(folder, "content", [kb], [kb.name], DEFAULT_LIMITS)


def _built_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, list[Path]]:
    """A KB whose store was built and sealed in ``folder``; the builds, counted from then."""
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)
    builds, _ = _counted(monkeypatch)
    folder = tmp_path / "kb"
    _open(folder, kb)
    return kb, folder, builds


def test_a_damaged_key_is_made_again(tmp_path: Path) -> None:
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "key").write_bytes(b"short")
    assert sorted(_open(folder, kb).slice_entity("club").facts) == ["c1", "m1", "m2"]
    key = (folder / "key").read_bytes()
    assert len(key) == 32 and key != b"short"
    assert (folder / "key").stat().st_mode & 0o777 == 0o600
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []


def test_a_key_too_long_is_made_again(tmp_path: Path) -> None:
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "key").write_bytes(b"k" * 33)
    _open(folder, kb)
    assert len((folder / "key").read_bytes()) == 32


def test_a_store_is_sealed_with_a_key_that_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)
    builds, hashed = _counted(monkeypatch)
    folder = tmp_path / "new" / "kb"  # made when first used
    _open(folder, kb)
    key = (folder / "key").read_bytes()
    _open(folder, kb)
    assert (folder / "key").read_bytes() == key
    assert len(builds) == 1 and hashed == [folder / "content-v1.sqlite"]
    assert (folder / "content-v1.mac").is_file()


def test_a_store_whose_change_time_moved_is_hashed_again_then_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)
    builds, hashed = _counted(monkeypatch)
    folder = tmp_path / "kb"
    _open(folder, kb)
    target = folder / "content-v1.sqlite"
    os.utime(target, ns=(1, 1))  # bytes the same, times not
    _open(folder, kb)
    assert len(builds) == 1 and len(hashed) == 2  # its bytes matched the seal
    _open(folder, kb)
    assert len(builds) == 1 and len(hashed) == 2  # and the seal now names its new identity
    os.utime(target, ns=(2, 2))  # moved again: the seal's MAC still vouches for the bytes
    _open(folder, kb)
    assert len(builds) == 1 and len(hashed) == 3


@pytest.mark.parametrize(
    "seal",
    ["", "\n", "0" * 64 + "\n", "not ascii \xe9\n"],
    ids=["empty", "blank", "wrong-mac", "not-ascii"],
)
def test_a_store_with_a_bad_seal_is_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seal: str
) -> None:
    kb, folder, builds = _built_once(tmp_path, monkeypatch)
    path = folder / "content-v1.mac"
    path.unlink()
    path.write_bytes(seal.encode("latin-1"))
    store = _open(folder, kb)
    assert len(builds) == 2
    assert sorted(store.slice_entity("club").facts) == ["c1", "m1", "m2"]


def test_a_seal_that_is_a_link_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb, folder, builds = _built_once(tmp_path, monkeypatch)
    seal = folder / "content-v1.mac"
    (tmp_path / "elsewhere.mac").write_bytes(seal.read_bytes())
    seal.unlink()
    seal.symlink_to(tmp_path / "elsewhere.mac")
    _open(folder, kb)
    assert len(builds) == 2


def test_a_folder_where_the_seal_goes_leaves_the_store_unsealed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb, folder, builds = _built_once(tmp_path, monkeypatch)
    seal = folder / "content-v1.mac"
    seal.unlink()
    seal.mkdir()
    for count in (2, 3):  # built each time, as no seal vouches for it
        assert sorted(_open(folder, kb).slice_entity("club").facts) == ["c1", "m1", "m2"]
        assert len(builds) == count
    assert (
        seal.is_dir() and sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []
    )


def test_a_seal_that_cannot_be_written_leaves_the_store_unsealed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk: the seal's temporary file is never made, and nothing is left behind."""
    kb, folder, builds = _built_once(tmp_path, monkeypatch)
    (folder / "content-v1.mac").unlink()
    write_text = Path.write_text

    def full(path: Path, *args: Any, **kwargs: Any) -> int:
        if path.name.startswith(".content-v1.mac."):
            raise OSError(errno.ENOSPC, "No space left on device")
        return write_text(path, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full)
    assert sorted(_open(folder, kb).slice_entity("club").facts) == ["c1", "m1", "m2"]
    assert len(builds) == 2
    assert not (folder / "content-v1.mac").exists()
    assert not [p.name for p in folder.iterdir() if p.name.startswith(".content")]


def test_a_key_that_is_a_link_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)
    builds, hashed = _counted(monkeypatch)
    folder = tmp_path / "kb"
    folder.mkdir()
    (tmp_path / "their-key").write_bytes(b"k" * 32)
    (folder / "key").symlink_to(tmp_path / "their-key")
    for _ in range(2):
        assert sorted(_open(folder, kb).slice_entity("club").facts) == ["c1", "m1", "m2"]
    assert len(builds) == 2 and hashed == []  # never sealed: built each time
    assert not (folder / "content-v1.mac").exists()
    assert (tmp_path / "their-key").read_bytes() == b"k" * 32
    assert sorted(p.name for p in folder.iterdir()) == ["content-v1.sqlite", "key"]


@pytest.mark.parametrize("kind", ["link", "file"])
def test_a_cache_folder_that_is_a_link_or_a_file_is_not_used(tmp_path: Path, kind: str) -> None:
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    folder = tmp_path / "kb"
    if kind == "link":
        folder.symlink_to(elsewhere)
    else:
        folder.write_text("not a folder", encoding="utf-8")
    store = _open(folder, kb)
    assert sorted(store.slice_entity("club").facts) == ["c1", "m1", "m2"]
    assert list(elsewhere.iterdir()) == []
    assert not store.path.is_relative_to(tmp_path)
    assert store.path.name == "content-v1.sqlite"
    assert store.path.with_suffix(".mac").is_file()
    digest = db.content_digest(folder, kb, lambda p: f"hash of {p.name}")
    assert digest == "hash of k.kb.yaml"
    assert list(elsewhere.iterdir()) == []


def _digests(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[list[Path], Any]:
    computed: list[Path] = []

    def compute(path: Path) -> str:
        computed.append(path)
        return "d" * 64

    def digest(path: Path) -> str:
        return db.content_digest(tmp_path / "kb", path, compute)

    return computed, digest


def test_a_digest_is_remembered_under_a_keyed_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)
    computed, digest = _digests(monkeypatch, tmp_path)
    assert digest(kb) == digest(kb) == "d" * 64
    assert computed == [kb]
    (record,) = (tmp_path / "kb" / "digests").iterdir()
    text = record.read_text(encoding="ascii").split("\n")
    assert text[0] == "d" * 64 and text[2:] == [""]  # the digest, and its keyed hash
    assert sorted(p.name for p in (tmp_path / "kb").iterdir()) == ["digests", "key"]


def test_a_digest_record_with_a_wrong_mac_is_computed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)
    computed, digest = _digests(monkeypatch, tmp_path)
    digest(kb)
    (record,) = (tmp_path / "kb" / "digests").iterdir()
    mac = record.read_text(encoding="ascii").split("\n")[1]
    for forged in (f"{'e' * 64}\n{mac}\n", f"{'d' * 64}\n{'0' * 64}\n", "d" * 64, "\xe9"):
        record.write_bytes(forged.encode("latin-1"))
        assert digest(kb) == "d" * 64
    assert len(computed) == 5
    assert digest(kb) == "d" * 64 and len(computed) == 5  # the record was made again


def test_a_digest_is_computed_again_when_the_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)
    computed, digest = _digests(monkeypatch, tmp_path)
    digest(kb)
    kb.write_text(EVERY_KIND + "# more\n", encoding="utf-8")
    digest(kb)
    other = _write(tmp_path, "o.kb.yaml", EVERY_KIND)
    for _ in range(2):  # each file's digest is remembered apart
        digest(other)
        digest(kb)
    assert computed == [kb, kb, other]


def test_an_unreadable_digest_is_not_remembered(tmp_path: Path) -> None:
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)
    calls: list[Path] = []

    def compute(path: Path) -> str:
        calls.append(path)
        return "unreadable: it went away"

    for _ in range(2):
        assert db.content_digest(tmp_path / "kb", kb, compute) == "unreadable: it went away"
    assert len(calls) == 2 and not (tmp_path / "kb" / "digests").exists()


def test_a_digest_of_a_file_that_is_not_regular_is_not_remembered(tmp_path: Path) -> None:
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)
    link = tmp_path / "link.kb.yaml"
    link.symlink_to(kb)
    calls: list[Path] = []

    def compute(path: Path) -> str:
        calls.append(path)
        return "d" * 64

    for _ in range(2):
        assert db.content_digest(tmp_path / "kb", link, compute) == "d" * 64
    assert calls == [link, link] and not (tmp_path / "kb" / "digests").exists()


def test_a_digest_record_that_is_a_link_is_not_read(tmp_path: Path) -> None:
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)
    calls: list[Path] = []

    def compute(path: Path) -> str:
        calls.append(path)
        return "d" * 64

    db.content_digest(tmp_path / "kb", kb, compute)
    (record,) = (tmp_path / "kb" / "digests").iterdir()
    (tmp_path / "copy").write_bytes(record.read_bytes())
    record.unlink()
    record.symlink_to(tmp_path / "copy")
    assert db.content_digest(tmp_path / "kb", kb, compute) == "d" * 64
    assert len(calls) == 2 and not record.is_symlink()


def test_a_digest_is_not_remembered_without_a_key(tmp_path: Path) -> None:
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)
    (tmp_path / "kb").mkdir()
    (tmp_path / "their-key").write_bytes(b"k" * 32)
    (tmp_path / "kb" / "key").symlink_to(tmp_path / "their-key")
    calls: list[Path] = []

    def compute(path: Path) -> str:
        calls.append(path)
        return "d" * 64

    for _ in range(2):
        assert db.content_digest(tmp_path / "kb", kb, compute) == "d" * 64
    assert len(calls) == 2 and not (tmp_path / "kb" / "digests").exists()


def test_the_store_its_key_and_digests_are_made_beside_them_not_in_the_temp_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each is written to a temporary file in its own folder, then renamed (atomic)."""
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    store = _open(tmp_path / "kb", kb)
    assert sorted(store.slice_entity("club").facts) == ["c1", "m1", "m2"]
    assert db.content_digest(tmp_path / "kb", kb, lambda p: "d" * 64) == "d" * 64
    assert sorted(p.name for p in (tmp_path / "kb").iterdir()) == [
        "content-v1.mac",
        "content-v1.sqlite",
        "digests",
        "key",
    ]


def test_a_build_that_fails_leaves_no_half_built_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)

    def broken(build: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(db, "_check_references", broken)
    with pytest.raises(KeyboardInterrupt):
        _open(tmp_path / "kb", kb)
    assert sorted(p.name for p in (tmp_path / "kb").iterdir()) == ["key"]


def test_the_store_is_built_in_a_folder_made_for_it(tmp_path: Path) -> None:
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)
    target = tmp_path / "a" / "b" / "store.sqlite"
    db.compile_store([kb], ["k.kb.yaml"], DEFAULT_LIMITS, target)
    assert sorted(db.KBStore(target).slice_entity("club").facts) == ["c1", "m1", "m2"]


def test_a_key_another_process_made_first_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)
    builds, _ = _counted(monkeypatch)
    theirs = os.urandom(32)
    link = os.link

    def raced(src: str, dst: str) -> None:  # the other process links its key first
        Path(dst).write_bytes(theirs)
        monkeypatch.setattr(os, "link", link)
        raise FileExistsError(dst)

    monkeypatch.setattr(os, "link", raced)
    folder = tmp_path / "kb"
    _open(folder, kb)
    assert (folder / "key").read_bytes() == theirs
    _open(folder, kb)
    assert len(builds) == 1  # sealed under their key
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []


def test_a_digest_is_remembered_under_a_key_another_process_made_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = _write(tmp_path, "k.kb.yaml", EVERY_KIND)
    link = os.link

    def raced(src: str, dst: str) -> None:
        Path(dst).write_bytes(os.urandom(32))
        monkeypatch.setattr(os, "link", link)
        raise FileExistsError(dst)

    monkeypatch.setattr(os, "link", raced)
    computed, digest = _digests(monkeypatch, tmp_path)
    assert digest(kb) == digest(kb) == "d" * 64
    assert computed == [kb]


def test_a_store_replaced_by_a_link_is_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb, folder, builds = _built_once(tmp_path, monkeypatch)
    target = folder / "content-v1.sqlite"
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(target.read_bytes())
    target.unlink()
    target.symlink_to(copy)
    store = _open(folder, kb)
    assert len(builds) == 2 and not target.is_symlink()
    assert sorted(store.slice_entity("club").facts) == ["c1", "m1", "m2"]


def test_a_seal_forged_without_the_key_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb, folder, builds = _built_once(tmp_path, monkeypatch)
    target = folder / "content-v1.sqlite"
    with target.open("ab") as f:
        f.write(b"\0")  # poisoned, and sealed with an unkeyed hash of its bytes
    forged = hashlib.blake2b(target.read_bytes(), digest_size=32).hexdigest()
    (folder / "content-v1.mac").write_text(f"{forged}\n\n", encoding="ascii")
    _open(folder, kb)
    assert len(builds) == 2


def test_a_store_sealed_before_its_key_became_a_link_is_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb, folder, builds = _built_once(tmp_path, monkeypatch)
    (tmp_path / "their-key").write_bytes((folder / "key").read_bytes())
    (folder / "key").unlink()
    (folder / "key").symlink_to(tmp_path / "their-key")
    store = _open(folder, kb)
    assert len(builds) == 2
    assert sorted(store.slice_entity("club").facts) == ["c1", "m1", "m2"]


@pytest.mark.parametrize(
    "damage",
    [lambda seal: seal.replace("\n", " ", 1), lambda seal: "é" + seal[seal.index("\n") :]],
    ids=["one-line", "not-ascii"],
)
def test_a_seal_damaged_around_its_identity_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: Any
) -> None:
    """The identity is trusted only in a seal of the form this code writes."""
    kb, folder, builds = _built_once(tmp_path, monkeypatch)
    seal = folder / "content-v1.mac"
    seal.write_text(damage(seal.read_text(encoding="ascii")), encoding="utf-8")
    _open(folder, kb)
    assert len(builds) == 2


def test_a_closed_store_lets_go_of_its_file_and_opens_it_again_when_asked(
    tmp_path: Path,
) -> None:
    store = _store(tmp_path, _write(tmp_path, "k.kb.yaml", EVERY_KIND))
    connection = store.db
    store.close()
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        connection.execute("SELECT 1")
    store.close()  # closing twice is harmless
    assert store.findings() == []
    assert sorted(store.slice_entity("club").facts) == ["c1", "m1", "m2"]


def test_a_seal_whose_identity_is_forged_without_the_key_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whoever changes the store cannot name its new identity: it is a keyed hash."""
    kb, folder, builds = _built_once(tmp_path, monkeypatch)
    target = folder / "content-v1.sqlite"
    with target.open("ab") as f:
        f.write(b"\0")
    st = target.stat()
    said = f"{target.name}|{st.st_dev}|{st.st_ino}|{st.st_size}|{st.st_mtime_ns}|{st.st_ctime_ns}"
    forged = hashlib.blake2b(said.encode(), digest_size=32).hexdigest()
    (folder / "content-v1.mac").write_text(f"{'0' * 64}\n{forged}\n", encoding="ascii")
    _open(folder, kb)
    assert len(builds) == 2


def test_a_slice_names_only_entities_not_the_days_of_its_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A day an event is dated is looked up as a day, never as an entity, even when an
    entity's id happens to read like one."""
    text = f"""claimcheck-kb: 1
entities:
  meet: {{name: Meeting, kind: event}}
  "2024-08-20": {{name: A day-named thing, kind: other}}
facts:
  - {{id: on, kind: event, event: meet, date: "2024-08-20", {S}}}
"""
    store = _store(tmp_path, _write(tmp_path, "k.kb.yaml", text))
    assert set(store.slice_entity("meet", everything=True).records) == {"meet"}
    monkeypatch.setattr(db, "_SQL_VARS", 2)  # the week's eight days, asked in chunks
    kb = store.slice_for(_claims("nothing known"))
    assert set(kb.facts) == {"on"} and set(kb.records) == {"meet"}
