"""The Wikidata importer, on real entity data (tests/fixtures/wikidata, CC0).

Each translation rule of docs/wikidata.md is checked here on the real files, or on a real
statement changed in the one place the rule is about when the files have no example.
"""

from __future__ import annotations

import copy
import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest

from claimcheck.core.dates import PartialDate
from claimcheck.core.limits import DEFAULT_LIMITS
from claimcheck.kb.load import load_kb
from claimcheck.kb.store import KnowledgeBase, Tri
from claimcheck.kb.wikidata import (
    DEFAULT_PROPERTIES,
    Selection,
    Summary,
    WikidataError,
    import_wikidata,
    read_entities,
    wikidata_time,
)

DATA = Path(__file__).parent.parent / "fixtures" / "wikidata"
HENNING, BIELEFELD = DATA / "Q646148.json", DATA / "Q2112.json"
DUMP = DATA / "wdtk-sample-dump-20150815.json.gz"
MADE = PartialDate(2026, 1, 2)
D = PartialDate.parse


def _import(
    tmp_path: Path, *sources: Path, selection: Selection | None = None
) -> tuple[dict[str, Any], KnowledgeBase, Summary]:
    out = io.StringIO()
    summary = import_wikidata(list(sources), out, selection or Selection(), MADE)
    path = tmp_path / "wd.kb.json"
    path.write_text(out.getvalue(), encoding="utf-8")
    kb, findings = load_kb([path], DEFAULT_LIMITS, lambda p: p.name)
    assert findings == []
    return json.loads(out.getvalue()), kb, summary


def _entity(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _write_entity(tmp_path: Path, entity: dict[str, Any]) -> Path:
    path = tmp_path / "entity.json"
    path.write_text(json.dumps({"entities": {entity["id"]: entity}}), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("time", "precision", "expected"),
    [
        ("+1971-00-00T00:00:00Z", 9, "1971"),
        ("+1984-09-00T00:00:00Z", 10, "1984-09"),
        ("+1982-09-10T00:00:00Z", 11, "1982-09-10"),
        ("+1982-09-10T12:00:00Z", 13, "1982-09-10"),
        ("+1980-00-00T00:00:00Z", 8, None),  # a decade: not a date claimcheck holds
        ("-0044-03-15T00:00:00Z", 11, None),
        ("+1984-00-00T00:00:00Z", 11, None),  # a day without a month
    ],
)
def test_time_keeps_its_precision(time: str, precision: int, expected: str | None) -> None:
    found = wikidata_time({"time": time, "precision": precision, "calendarmodel": "Q1985727"})
    assert (None if found is None else str(found)) == expected


def test_a_julian_day_becomes_its_gregorian_day_and_a_julian_month_is_dropped() -> None:
    julian = "http://www.wikidata.org/entity/Q1985786"
    day = {"time": "+1582-10-05T00:00:00Z", "precision": 11, "calendarmodel": julian}
    assert wikidata_time(day) == D("1582-10-15")  # the day after 4 October, Julian
    assert wikidata_time({**day, "precision": 10}) is None
    assert wikidata_time({**day, "precision": 9}) == D("1582")


def test_henning_christophersen_has_13_positions_each_unsourced(tmp_path: Path) -> None:
    data, kb, summary = _import(tmp_path, HENNING)
    tenures = [f for f in data["facts"] if f["kind"] == "tenure"]
    assert len(tenures) == 13
    assert summary.facts == 13
    assert all(f["unsourced"] is True and f["holder"] == "Q646148" for f in tenures)
    # Every fact's source is its statement, by address with the statement id.
    first = next(f for f in tenures if f["id"].startswith("Q646148$CC300AD7"))
    assert first["sources"] == [
        {
            "url": "https://www.wikidata.org/wiki/Q646148#" + first["id"],
            "title": "Wikidata statement " + first["id"],
        }
    ]
    assert (first["office"], first["start"], first["end"]) == (
        "Q5449541",
        "1982-09-10",
        "1984-07-23",
    )
    # Precision 9 stays a year: never 1 January.
    years = next(f for f in tenures if f["office"] == "Q64852347")
    assert (years["start"], years["end"]) == ("1977", "1984")
    # No dates at all: an unknown start, never "since forever".
    undated = [f for f in tenures if "start" not in f and "end" not in f]
    assert len(undated) == 7
    # The import is dated by the entity's `modified`: the file's and each fact's horizon.
    assert data["verified"] == "2024-03-13" and first["verified"] == "2024-03-13"
    assert data["imported"] == {
        "tool": "claimcheck kb import wikidata",
        "made": "2026-01-02",
        "sources": ["Q646148.json"],
        "data_as_of": "2024-03-13",
    }
    assert kb.records["Q646148"].kind == "person"
    assert kb.records["Q5449541"].kind == "office"  # named only by id: its role's kind


def test_references_become_sources_with_url_and_retrieval_date(tmp_path: Path) -> None:
    data, kb, _ = _import(tmp_path, BIELEFELD)
    members = {f["group"]: f for f in data["facts"] if f["kind"] == "membership"}
    assert sorted(members) == ["Q1768108", "Q52144567", "Q627637", "Q747279", "Q896216"]
    agfs = members["Q627637"]
    assert agfs["start"] == "1998" and "unsourced" not in agfs
    assert agfs["sources"][0] == {
        "url": "http://www.agfs-nrw.de/mitglieder/bielefeld.html",
        "accessed": "2018-04-18",
    }
    assert agfs["sources"][1]["url"].startswith("https://www.wikidata.org/wiki/Q2112#Q2112$")
    assert members["Q747279"]["start"] == "1984-09"  # precision 10: the month
    assert members["Q896216"]["unsourced"] is True  # no reference at all
    # A reference that gives only a work (P248) is followed to the work's item.
    germany = next(f for f in data["facts"] if f.get("object") == "Q183")
    assert germany["sources"][0] == {
        "url": "https://www.wikidata.org/wiki/Q265049",
        "title": "stated in Q265049",
        "accessed": "2018-08-06",
    }
    # "Imported from Wikipedia" (P143) is not a source: the inception is unsourced.
    inception = next(f for f in data["facts"] if f["kind"] == "event")
    assert (inception["date"], inception.get("unsourced")) == ("1214", True)
    assert kb.records["Q2112-P571"].name == "inception of Bielefeld"


def test_deprecated_statements_are_never_imported(tmp_path: Path) -> None:
    selection = Selection(properties=("P166", "P31"))
    henning, _, _ = _import(tmp_path, HENNING, selection=selection)
    awards = [f["object"] for f in henning["facts"] if f["property"] == "P166"]
    assert awards and "Q20872" not in awards  # the deprecated award
    bielefeld, _, _ = _import(tmp_path, BIELEFELD, selection=selection)
    classes = [f["object"] for f in bielefeld["facts"] if f["property"] == "P31"]
    assert classes and "Q1964689" not in classes


def test_preferred_and_normal_statements_are_both_kept(tmp_path: Path) -> None:
    _, kb, _ = _import(tmp_path, BIELEFELD)
    countries = sorted(f.object for f in kb.by_subject["Q2112"] if f.object != "Q7923")
    # Q183 is preferred; the two earlier countries are normal: a past date needs them.
    assert countries == ["Q1206012", "Q183", "Q713750"]
    fact = next(f for f in kb.by_subject["Q2112"] if f.object == "Q1206012")
    assert kb.truth(fact, D("1900")) is Tri.YES


def _ended(tmp_path: Path, snaktype: str) -> tuple[dict[str, Any], KnowledgeBase]:
    entity = _entity(HENNING)
    statement = next(s for s in entity["claims"]["P39"] if s["id"].startswith("Q646148$CC300"))
    end = statement["qualifiers"]["P582"][0]
    end["snaktype"] = snaktype
    del end["datavalue"]
    entity["claims"]["P39"] = [statement]
    data, kb, _ = _import(tmp_path, _write_entity(tmp_path, entity))
    return data["facts"][0], kb


def test_an_end_of_no_value_is_ongoing(tmp_path: Path) -> None:
    fact, kb = _ended(tmp_path, "novalue")
    assert "end" not in fact and "end_unknown" not in fact
    tenure = kb.facts[fact["id"]]
    assert kb.truth(tenure, D("2020")) is Tri.YES  # up to the horizon, 2024-03-13
    assert kb.truth(tenure, D("2025")) is Tri.MAYBE


def test_an_end_of_some_value_ended_on_an_unknown_date(tmp_path: Path) -> None:
    fact, kb = _ended(tmp_path, "somevalue")
    assert fact["end_unknown"] is True and "end" not in fact
    tenure = kb.facts[fact["id"]]
    assert kb.truth(tenure, D("1983")) is Tri.MAYBE
    assert kb.truth(tenure, D("1981")) is Tri.NO
    assert kb.truth_some_day(tenure, D("1982")) is Tri.YES  # its first day was in 1982
    assert kb.truth_some_day(tenure, D("1983")) is Tri.MAYBE
    assert kb.why_open(tenure, D("1983")) == "the knowledge base says it ended, but not when"
    assert "until an unknown date" in kb.statement(tenure)


@pytest.mark.parametrize(("series_ordinal", "expected"), [("3", 3), ("1", 1), ("0", None)])
def test_series_ordinal_and_date(tmp_path: Path, series_ordinal: str, expected: int | None) -> None:
    # A real statement shape: Bielefeld's inception date as the point in time of an event
    # that is the third (or the first) of a series (P179 with P1545); a 0th is no ordinal.
    entity = _entity(BIELEFELD)
    when = entity["claims"]["P571"][0]
    point = copy.deepcopy(when)
    point["mainsnak"]["property"] = "P585"
    part = copy.deepcopy(entity["claims"]["P463"][0])
    part["mainsnak"]["property"] = "P179"
    part["qualifiers"] = {
        "P1545": [{"snaktype": "value", "datavalue": {"value": series_ordinal, "type": "string"}}]
    }
    entity["claims"] = {"P585": [point], "P179": [part]}
    data, kb, _ = _import(tmp_path, _write_entity(tmp_path, entity))
    (event,) = data["facts"]
    assert (event["event"], event["series"], event.get("ordinal"), event["date"]) == (
        "Q2112",
        "Q627637",
        expected,
        "1214",
    )
    assert [e.event for e, _ in kb.events_until("Q627637")] == ["Q2112"]


def test_labels_and_aliases_in_the_chosen_languages_become_names(tmp_path: Path) -> None:
    _, kb, _ = _import(tmp_path, BIELEFELD, selection=Selection(languages=("en", "de", "la")))
    record = kb.records["Q2112"]
    assert record.name == "Bielefeld"
    assert [a.name for a in record.aliases] == [
        "Bilivelda",
        "Leineweberstadt",
        "Builefeld",
        "Beilefeld",
        "Builefeild",
        "Bilefeldia",
    ]
    assert kb.resolve("Leineweberstadt") == "Q2112"
    _, english, _ = _import(tmp_path, BIELEFELD)
    assert english.records["Q2112"].aliases == []


def test_the_2015_dump_imports_whole(tmp_path: Path) -> None:
    with gzip.open(DUMP, "rt", encoding="utf-8") as f:
        lines = [json.loads(line.rstrip(",\n")) for line in f if line.startswith("{")]
    items = [e["id"] for e in lines if e["type"] == "item"]
    selection = Selection(properties=(*DEFAULT_PROPERTIES, "P31"))
    data, kb, summary = _import(tmp_path, DUMP, selection=selection)
    assert summary.entities == len(items) == 55
    assert all(i in kb.records for i in items)
    # The 2015 form names an entity by `numeric-id` alone.
    assert kb.facts["q8$5DB9C22E-4D86-4FB1-AC36-5C75CC806D6A"].object == "Q9415"  # type: ignore[union-attr]
    instance_of = sum(len(e["claims"].get("P31", [])) for e in lines if e["type"] == "item")
    assert sum(1 for f in data["facts"] if f.get("property") == "P31") == instance_of
    # The dump's date, from its name, is the file's horizon.
    assert data["verified"] == "2015-08-15"


def test_entities_and_dump_lines_are_read_one_at_a_time(tmp_path: Path) -> None:
    bare = tmp_path / "bare.json"
    bare.write_text(HENNING.read_text(encoding="utf-8"), encoding="utf-8")
    assert [e["id"] for e in read_entities(bare)] == ["Q646148"]
    dump = tmp_path / "d.json"
    dump.write_text("[\n" + json.dumps(_entity(HENNING)) + ",\n{oops\n]\n", encoding="utf-8")
    found = read_entities(dump)
    assert next(found)["id"] == "Q646148"
    with pytest.raises(WikidataError, match=r"d\.json:3:1: not one JSON entity per line"):
        next(found)


def test_only_the_entities_asked_for(tmp_path: Path) -> None:
    data, _, summary = _import(tmp_path, DUMP, selection=Selection(entities=frozenset({"Q8"})))
    assert summary.entities == 1 and next(iter(data["entities"])) == "Q8"


def test_head_of_government_is_an_office_of_the_entity_known_up_to_the_data(
    tmp_path: Path,
) -> None:
    _, kb, _ = _import(tmp_path, BIELEFELD)
    assert kb.records["Q2112-P6"].name == "head of government of Bielefeld"
    assert len(kb.tenures["Q2112-P6"]) == 5
    (held,) = [f for f, t in kb.holders_on("Q2112-P6", D("2001")) if t is Tri.YES]
    assert held.holder == "Q1278930"
    # The current mayor, open-ended since 2009: certain up to the entity's `modified`
    # (2023-04-04), no further.
    ((current, truth),) = kb.holders_on("Q2112-P6", D("2020"))
    assert (current.holder, truth) == ("Q2097128", Tri.YES)
    ((_, later),) = kb.holders_on("Q2112-P6", D("2024"))
    assert later is Tri.MAYBE


def _as(statement: dict[str, Any], prop: str, value: Any) -> dict[str, Any]:
    """A real statement, moved to another property with another value."""
    changed = copy.deepcopy(statement)
    changed["mainsnak"]["property"] = prop
    changed["mainsnak"]["datavalue"]["value"] = value
    return changed


@pytest.mark.parametrize(
    ("prop", "value", "expected"),
    [
        ("P527", "item", {"kind": "membership", "group": "Q2112", "member": "Q627637"}),
        ("P1336", "item", {"kind": "relation", "subject": "Q627637", "predicate": "claims"}),
        ("P17", "item", {"kind": "relation", "subject": "Q2112", "predicate": "located_in"}),
        ("P576", "time", {"kind": "property", "property": "disbanded", "start": "1998"}),
        ("P2124", "amount", {"kind": "count", "group": "Q2112", "count": 32, "start": "1998"}),
        # A member count dated by its start time alone, not a point in time.
        ("P2124", "since", {"kind": "count", "group": "Q2112", "count": 32, "start": "1998"}),
        ("P999", "item", {"kind": "statement", "property": "P999", "object": "Q627637"}),
    ],
)
def test_each_property_of_the_news_set_becomes_its_kind(
    tmp_path: Path, prop: str, value: str, expected: dict[str, Any]
) -> None:
    entity = _entity(BIELEFELD)
    agfs = entity["claims"]["P463"][0]  # member of Q627637 since 1998, with a reference
    start = agfs["qualifiers"]["P580"][0]["datavalue"]["value"]
    if value == "item":
        statement = agfs
    elif value == "time":
        statement = _as(agfs, prop, start)
    else:
        statement = _as(agfs, prop, {"amount": "+32", "unit": "1"})
        when = "P580" if value == "since" else "P585"
        statement["qualifiers"] = {when: agfs["qualifiers"]["P580"]}
    entity["claims"] = {prop: [statement]}
    selection = Selection(properties=(*DEFAULT_PROPERTIES, "P999"))
    data, _, _ = _import(tmp_path, _write_entity(tmp_path, entity), selection=selection)
    (fact,) = data["facts"]
    assert {k: fact[k] for k in expected} == expected
    assert fact["sources"][0]["url"] == "http://www.agfs-nrw.de/mitglieder/bielefeld.html"


def test_a_truncated_dump_stops_the_import(tmp_path: Path) -> None:
    cut = tmp_path / "cut.json.gz"
    cut.write_bytes(DUMP.read_bytes()[:3000])
    with pytest.raises(WikidataError, match=r"cut\.json\.gz: cannot read"):
        list(read_entities(cut))
