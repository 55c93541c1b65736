"""The Wikidata importer at its edges: calendars, precisions, amounts, odd shapes, the report.

Each case is a real statement of tests/fixtures/wikidata (CC0) changed in the one place the
rule is about, as in test_wikidata.py; the dates of the Julian calendar are historical ones.
"""

from __future__ import annotations

import bz2
import copy
import datetime
import gzip
import io
import json
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.core.dates import PartialDate
from claimcheck.core.limits import DEFAULT_LIMITS
from claimcheck.kb.load import load_kb
from claimcheck.kb.store import KnowledgeBase
from claimcheck.kb.wikidata import (
    DEFAULT_PROPERTIES,
    Selection,
    Summary,
    WikidataError,
    import_wikidata,
    made_today,
    read_entities,
    wikidata_time,
)

DATA = Path(__file__).parent.parent / "fixtures" / "wikidata"
BIELEFELD = DATA / "Q2112.json"
GREGORIAN = "http://www.wikidata.org/entity/Q1985727"
JULIAN = "http://www.wikidata.org/entity/Q1985786"
MADE = PartialDate(2026, 1, 2)


def _bielefeld() -> dict[str, Any]:
    entity: dict[str, Any] = json.loads(BIELEFELD.read_text(encoding="utf-8"))
    return entity


def _import(
    tmp_path: Path, entity: dict[str, Any], selection: Selection | None = None
) -> tuple[dict[str, Any], KnowledgeBase, Summary]:
    source = tmp_path / "entity.json"
    source.write_text(json.dumps({"entities": {entity["id"]: entity}}), encoding="utf-8")
    out = io.StringIO()
    summary = import_wikidata([source], out, selection or Selection(), MADE)
    path = tmp_path / "wd.kb.json"
    path.write_text(out.getvalue(), encoding="utf-8")
    kb, findings = load_kb([path], DEFAULT_LIMITS, lambda p: p.name)
    assert findings == []
    return json.loads(out.getvalue()), kb, summary


def _time(text: str, precision: int = 11) -> dict[str, Any]:
    return {"time": text, "precision": precision, "calendarmodel": GREGORIAN}


def _moved(statement: dict[str, Any], prop: str, value: Any) -> dict[str, Any]:
    """A real statement, moved to another property with another value."""
    changed = copy.deepcopy(statement)
    changed["mainsnak"]["property"] = prop
    changed["mainsnak"]["datavalue"]["value"] = value
    return changed


def _qualifier(prop: str, value: Any) -> dict[str, list[dict[str, Any]]]:
    return {prop: [{"snaktype": "value", "property": prop, "datavalue": {"value": value}}]}


# -- times -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("julian", "gregorian"),
    [
        ("1582-10-04", "1582-10-14"),  # the last Julian day in Rome; the next was 15 October
        ("1700-02-18", "1700-02-28"),
        ("1700-02-19", "1700-03-01"),  # 1700 is no Gregorian leap year ...
        ("1700-02-29", "1700-03-11"),  # ... but a Julian one: from here 11 days apart
        ("1700-03-01", "1700-03-12"),
        ("1752-09-03", "1752-09-14"),  # Britain's change: 2 September was followed by 14th
        ("1642-12-25", "1643-01-04"),  # Newton's birth, across the new year
        ("1917-10-25", "1917-11-07"),  # the October Revolution
        ("1918-02-01", "1918-02-14"),  # Russia's change: 31 January was followed by 14 Feb
        ("0200-03-01", "0200-03-01"),  # the third century: the calendars agreed
        ("0004-02-29", "0004-02-27"),
        ("1500-12-31", "1501-01-10"),
    ],
)
def test_a_julian_day_is_the_gregorian_day_it_was(julian: str, gregorian: str) -> None:
    value = {"time": f"+{julian}T00:00:00Z", "precision": 11, "calendarmodel": JULIAN}
    assert str(wikidata_time(value)) == gregorian


def test_a_julian_day_in_the_first_year_falls_before_any_date_claimcheck_holds() -> None:
    # Julian 1 January 1 was Gregorian 30 December 1 BC.
    value = {"time": "+0001-01-01T00:00:00Z", "precision": 11, "calendarmodel": JULIAN}
    assert wikidata_time(value) is None
    assert wikidata_time({**value, "calendarmodel": GREGORIAN}) == PartialDate(1, 1, 1)


@pytest.mark.parametrize(
    "julian",
    ["1700-02-30", "1701-02-29", "1900-02-30", "1642-04-31", "1642-12-32", "1642-06-31"],
)
def test_a_day_the_julian_calendar_lacks_is_not_kept(julian: str) -> None:
    """Not slid into the next month: 1700-02-30 is no day, though its arithmetic gives one."""
    value = {"time": f"+{julian}T00:00:00Z", "precision": 11, "calendarmodel": JULIAN}
    assert wikidata_time(value) is None


@pytest.mark.parametrize("julian", ["1900-02-29", "1642-01-31", "1642-12-31", "1642-04-30"])
def test_the_last_day_of_a_julian_month_is_kept(julian: str) -> None:
    value = {"time": f"+{julian}T00:00:00Z", "precision": 11, "calendarmodel": JULIAN}
    assert wikidata_time(value) is not None


def test_a_julian_month_without_its_day_is_not_kept() -> None:
    value = {"time": "+1582-10-00T00:00:00Z", "precision": 11, "calendarmodel": JULIAN}
    assert wikidata_time(value) is None
    assert wikidata_time({**value, "calendarmodel": GREGORIAN}) == PartialDate(1582, 10)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (_time("+1984-09-15T00:00:00Z", 10), "1984-09"),  # a month, though a day is written
        (_time("+1984-09-00T00:00:00Z", 11), "1984-09"),  # a day of 0: the month alone
        (_time("+1984-09-01T00:00:00Z", 11), "1984-09-01"),
        (_time("+0001-01-01T00:00:00Z", 11), "0001-01-01"),
        (_time("+0001-00-00T00:00:00Z", 9), "0001"),
        (_time("+9999-12-31T00:00:00Z", 11), "9999-12-31"),
        (_time("+9999-00-00T00:00:00Z", 9), "9999"),
        (_time("+10000-00-00T00:00:00Z", 9), None),
        (_time("+0000-00-00T00:00:00Z", 9), None),
        (_time("+1984-13-00T00:00:00Z", 10), None),
        (_time("+1984-12-00T00:00:00Z", 10), "1984-12"),
        (_time("+1980-05-10T00:00:00Z", 8), None),  # a decade, whatever its day says
        (_time("+1984-02-30T00:00:00Z", 11), None),
        ({"time": "+1984-09-15T00:00:00Z", "precision": "11"}, None),
        ({"time": "+1984-09-15T00:00:00Z", "precision": None}, None),
        ({"precision": 11}, None),
        ("+1984-09-15T00:00:00Z", None),
    ],
)
def test_a_time_is_kept_only_at_a_precision_claimcheck_can_hold(
    value: Any, expected: str | None
) -> None:
    found = wikidata_time(value)
    assert (None if found is None else str(found)) == expected


# -- what a statement becomes ------------------------------------------------------------------


def _count(tmp_path: Path, amount: Any) -> tuple[list[dict[str, Any]], Summary]:
    entity = _bielefeld()
    agfs = entity["claims"]["P463"][0]
    statement = _moved(agfs, "P2124", amount)
    statement["qualifiers"] = {"P585": agfs["qualifiers"]["P580"]}
    entity["claims"] = {"P2124": [statement]}
    data, _, summary = _import(tmp_path, entity)
    return data["facts"], summary


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ({"amount": "+32", "unit": "1"}, 32),
        ({"amount": "+0", "unit": "1"}, 0),  # a group with no members is a count
        ({"amount": "+1.0E+1", "unit": "1"}, 10),
        ({"amount": "+32.5", "unit": "1"}, None),
        ({"amount": "-3", "unit": "1"}, None),
        ({"amount": "many", "unit": "1"}, None),
        ({"unit": "1"}, None),
        ("+32", None),
    ],
)
def test_a_member_count_is_a_whole_number_or_skipped(
    tmp_path: Path, amount: Any, expected: int | None
) -> None:
    facts, summary = _count(tmp_path, amount)
    if expected is None:
        assert facts == []
        assert summary.skipped == {"member count without a whole number or a date": 1}
    else:
        assert [(f["kind"], f["count"], f["start"]) for f in facts] == [("count", expected, "1998")]
        assert summary.skipped == {}


def test_every_statement_left_out_is_counted_by_its_reason(tmp_path: Path) -> None:
    entity = _bielefeld()
    agfs = entity["claims"]["P463"][0]
    unknown = copy.deepcopy(agfs)
    unknown["mainsnak"]["snaktype"] = "somevalue"
    del unknown["mainsnak"]["datavalue"]
    reversed_dates = copy.deepcopy(agfs)
    reversed_dates["qualifiers"]["P582"] = [
        {"snaktype": "value", "datavalue": {"value": _time("+1990-00-00T00:00:00Z", 9)}}
    ]
    text = _moved(agfs, "P17", "Germany")
    undated_count = _moved(agfs, "P2124", {"amount": "+32"})
    undated_count["qualifiers"] = {}
    a_decade = _moved(agfs, "P571", _time("+1210-00-00T00:00:00Z", 8))
    series = _moved(agfs, "P179", agfs["mainsnak"]["datavalue"]["value"])
    entity["claims"] = {
        "P463": [unknown, reversed_dates, agfs],
        "P17": [text],
        "P2124": [undated_count],
        "P571": [a_decade],
        "P179": [series],
    }
    data, _, summary = _import(tmp_path, entity)
    assert [f["id"] for f in data["facts"]] == [agfs["id"]]  # the one statement with a fact
    assert summary.skipped == {
        "no value or unknown value": 1,
        "end before start": 1,
        "value is not an item": 1,
        "member count without a whole number or a date": 1,
        "date at a precision coarser than a year": 1,
        "series event without a date": 1,
    }


def test_the_import_command_reports_what_it_skipped_and_the_day_it_was_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(20_000 * 86_400 + 3_600))  # 2024-10-04 01:00
    entity = _bielefeld()
    agfs = entity["claims"]["P463"][0]
    novalue = copy.deepcopy(agfs)
    novalue["mainsnak"]["snaktype"] = "novalue"
    del novalue["mainsnak"]["datavalue"]
    entity["claims"]["P463"] = [agfs, novalue, novalue]
    line = json.dumps(entity)
    (tmp_path / "dump.json").write_text(f"[\n{line},\n{line}\n]\n", encoding="utf-8")
    args = ["kb", "import", "wikidata", "dump.json", "-o", "wd.kb.json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(
        "wd.kb.json: 1 entities, 11 facts, 9 entities named only by id, "
        "data as of 2023-04-04; 3 statements skipped\n"
        "  1 entity already imported\n"
        "  2 no value or unknown value\n"
    )
    written = json.loads((tmp_path / "wd.kb.json").read_text(encoding="utf-8"))
    assert written["imported"]["made"] == "2024-10-04"


def test_an_import_is_made_on_the_day_of_source_date_epoch_in_utc(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 23:00 UTC on 2 January 1970: already 3 January east of Greenwich (UTC+14).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(86_400 + 23 * 3_600))
    monkeypatch.setenv("TZ", "Etc/GMT-14")
    time.tzset()
    try:
        assert made_today() == PartialDate(1970, 1, 2)
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize("epoch", [None, "", "soon", "-86400"])
def test_without_a_usable_source_date_epoch_an_import_is_made_today_in_utc(
    monkeypatch: pytest.MonkeyPatch, epoch: str | None
) -> None:
    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    # Local dates 26 hours apart: at any moment one of the two is not the UTC date.
    try:
        for zone in ("Etc/GMT-14", "Etc/GMT+12"):
            monkeypatch.setenv("TZ", zone)
            time.tzset()
            before = datetime.datetime.now(tz=datetime.UTC).date()
            made = made_today()
            after = datetime.datetime.now(tz=datetime.UTC).date()
            assert made in (PartialDate.of(before), PartialDate.of(after))
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize("empty", [[], None, "none"])
def test_an_entity_with_empty_labels_and_claims_is_named_by_its_id(
    tmp_path: Path, empty: Any
) -> None:
    # The API writes an empty map as `[]`: an entity with no labels, aliases or claims.
    entity = {"id": "Q2112", "labels": empty, "aliases": empty, "claims": empty}
    data, kb, summary = _import(tmp_path, entity)
    assert data["entities"] == {"Q2112": {"name": "Q2112", "kind": "other", "wikidata": "Q2112"}}
    assert data["facts"] == [] and summary.entities == 1
    assert kb.records["Q2112"].name == "Q2112"


# -- events in a series ------------------------------------------------------------------------


def _series(
    tmp_path: Path, times: dict[str, list[dict[str, Any]]], ordinal: Any = "3"
) -> tuple[dict[str, Any], KnowledgeBase, Summary]:
    entity = _bielefeld()
    when = entity["claims"]["P571"][0]
    part = copy.deepcopy(entity["claims"]["P463"][0])
    part["mainsnak"]["property"] = "P179"
    part["qualifiers"] = _qualifier("P1545", ordinal)
    claims: dict[str, Any] = {"P179": [part]}
    for prop, values in times.items():
        claims[prop] = [_moved(when, prop, value) for value in values]
    entity["claims"] = claims
    return _import(tmp_path, entity)


def test_a_series_event_is_dated_by_its_first_point_in_time_that_is_a_date(
    tmp_path: Path,
) -> None:
    decade = _time("+1210-00-00T00:00:00Z", 8)
    times = {
        "P585": [decade, _time("+1214-05-02T00:00:00Z")],
        "P580": [_time("+1200-01-01T00:00:00Z")],
    }
    data, kb, summary = _series(tmp_path, times)
    assert data["facts"] == [
        {
            "id": "Q2112$14919E9D-83FA-4AB7-A811-4AD8ABDEDA3E",
            "kind": "event",
            "event": "Q2112",
            "date": "1214-05-02",
            "series": "Q627637",
            "ordinal": 3,
            "sources": data["facts"][0]["sources"],
            "verified": "2023-04-04",
        }
    ]
    assert summary.skipped == {}
    assert kb.records["Q627637"].kind == "series"  # named only by id: its role's kind


def test_a_series_event_without_a_point_in_time_is_dated_by_its_start(tmp_path: Path) -> None:
    times = {"P585": [_time("+1210-00-00T00:00:00Z", 8)], "P580": [_time("+1214-05-02T00:00:00Z")]}
    data, _, _ = _series(tmp_path, times)
    assert [(f["event"], f["date"]) for f in data["facts"]] == [("Q2112", "1214-05-02")]


@pytest.mark.parametrize("ordinal", ["III", "3rd", "", {"amount": "+3"}])
def test_an_ordinal_that_is_not_a_whole_number_is_left_out(tmp_path: Path, ordinal: Any) -> None:
    data, _, _ = _series(tmp_path, {"P585": [_time("+1214-05-02T00:00:00Z")]}, ordinal)
    (event,) = data["facts"]
    assert "ordinal" not in event and event["date"] == "1214-05-02"


def test_a_series_event_without_any_date_is_skipped(tmp_path: Path) -> None:
    data, _, summary = _series(tmp_path, {})
    assert data["facts"] == []
    assert summary.skipped == {"series event without a date": 1}


# -- entities named only by id -----------------------------------------------------------------


def test_entities_named_only_by_id_take_the_kind_of_their_role_in_q_number_order(
    tmp_path: Path,
) -> None:
    selection = Selection(properties=(*DEFAULT_PROPERTIES, "P31"))
    data, _, summary = _import(tmp_path, _bielefeld(), selection)
    kinds = [(key, record["kind"]) for key, record in data["entities"].items()]
    assert kinds == [
        ("Q2112", "place"),  # the entity imported, by its class (P31 Q1549591, big city)
        ("Q2112-P6", "office"),  # made: the office its head of government holds
        ("Q2112-P571", "event"),  # made: its inception
        ("Q183", "country"),  # country (P17)
        ("Q7923", "place"),  # located in (P131)
        ("Q534246", "person"),  # each head of government (P6)
        ("Q627637", "group"),  # each group it is a member of (P463)
        ("Q707813", "other"),  # each class it is an instance of (P31)
        ("Q713750", "country"),
        ("Q747279", "group"),
        ("Q896216", "group"),
        ("Q1187811", "other"),
        ("Q1206012", "country"),
        ("Q1278930", "person"),  # twice head of government: named once
        ("Q1460066", "person"),
        ("Q1549591", "other"),
        ("Q1768108", "group"),
        ("Q2097128", "person"),
        ("Q42744322", "other"),
        ("Q52144567", "group"),
        ("Q85635630", "other"),
    ]
    assert data["entities"]["Q183"] == {"name": "Q183", "kind": "country", "wikidata": "Q183"}
    assert data["entities"]["Q2112-P6"] == {
        "name": "head of government of Bielefeld",
        "kind": "office",
    }
    assert summary.placeholders == 18


def test_the_first_role_an_entity_is_named_in_gives_its_kind(tmp_path: Path) -> None:
    entity = _bielefeld()
    agfs = entity["claims"]["P463"][0]  # member of Q627637: a group
    part = _moved(agfs, "P527", agfs["mainsnak"]["datavalue"]["value"])  # has part Q627637
    del part["id"]  # a statement without an id: numbered in the entity's order
    entity["claims"] = {"P463": [agfs], "P527": [part]}
    data, _, _ = _import(tmp_path, entity)
    assert data["entities"]["Q627637"]["kind"] == "group"
    assert [f["id"] for f in data["facts"]] == [agfs["id"], "Q2112-P527-1"]
    entity["claims"] = {"P527": [part], "P463": [agfs]}
    selection = Selection(properties=("P527", "P463"))
    data, _, _ = _import(tmp_path, entity, selection)
    assert data["entities"]["Q627637"]["kind"] == "other"


# -- reading sources ---------------------------------------------------------------------------


def _dump(path: Path, *lines: str, before: str = "") -> Path:
    path.write_text(before + "[\n" + "\n".join(lines) + "\n]\n", encoding="utf-8")
    return path


def test_a_bz2_dump_is_read_as_a_gzip_one_is(tmp_path: Path) -> None:
    text = "[\n" + json.dumps(_bielefeld()) + "\n]\n"
    for name, compress in (("d.json.bz2", bz2.compress), ("d.json.gz", gzip.compress)):
        (tmp_path / name).write_bytes(compress(text.encode()))
        assert [e["id"] for e in read_entities(tmp_path / name)] == ["Q2112"]


def test_blank_lines_in_a_dump_are_skipped_and_errors_keep_their_line_and_column(
    tmp_path: Path,
) -> None:
    line = json.dumps({"id": "Q1", "type": "item"})
    dump = _dump(tmp_path / "d.json", line + ",", "", line.replace("Q1", "Q2") + ",", "  {oops")
    found = read_entities(dump)
    assert [next(found)["id"], next(found)["id"]] == ["Q1", "Q2"]
    with pytest.raises(WikidataError, match=r"^\S+d\.json:5:3: not one JSON entity per line: "):
        next(found)
    # Blank lines before the opening bracket count too.
    late = _dump(tmp_path / "late.json", "{oops", before="\n \n")
    with pytest.raises(WikidataError, match=r"late\.json:4:1: not one JSON entity"):
        list(read_entities(late))


def test_a_json_file_that_is_not_an_entity_is_refused_at_its_start(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text('{"claims": {}}', encoding="utf-8")
    with pytest.raises(WikidataError) as refused:
        list(read_entities(other))
    assert str(refused.value) == (f'{other}:1:1: neither a Wikidata entity nor {{"entities": ...}}')
    spaced = tmp_path / "spaced.json"
    spaced.write_text("\n\n  " + json.dumps(_bielefeld()), encoding="utf-8")
    assert [e["id"] for e in read_entities(spaced)] == ["Q2112"]


@pytest.mark.parametrize("agfs_first", [True, False])
def test_an_imported_entity_without_a_known_class_takes_the_kind_of_its_role(
    tmp_path: Path, agfs_first: bool
) -> None:
    agfs = {"id": "Q627637", "labels": {"en": {"language": "en", "value": "AGFS"}}}
    bielefeld = _bielefeld()
    bielefeld["claims"] = {"P463": bielefeld["claims"]["P463"][:1]}  # member of Q627637
    lines = [json.dumps(agfs) + ",", json.dumps(bielefeld) + ","]
    dump = _dump(tmp_path / "d.json", *(lines if agfs_first else lines[::-1]))
    out = io.StringIO()
    summary = import_wikidata([dump], out, Selection(), MADE)
    data = json.loads(out.getvalue())
    assert data["entities"]["Q627637"] == {"name": "AGFS", "kind": "group", "wikidata": "Q627637"}
    assert (summary.entities, summary.facts, summary.placeholders) == (2, 1, 0)


@pytest.mark.parametrize(
    ("prop", "kind"),
    [("P1336", "country"), ("P39", "office"), ("P527", "other"), ("P463", "group")],
)
def test_an_entity_named_in_one_role_is_of_that_roles_kind(
    tmp_path: Path, prop: str, kind: str
) -> None:
    entity = _bielefeld()
    agfs = entity["claims"]["P463"][0]  # its value, Q627637, is named only by id
    entity["claims"] = {prop: [_moved(agfs, prop, agfs["mainsnak"]["datavalue"]["value"])]}
    data, _, _ = _import(tmp_path, entity)
    assert data["entities"]["Q627637"] == {"name": "Q627637", "kind": kind, "wikidata": "Q627637"}


# -- references --------------------------------------------------------------------------------


def _reference(entity: dict[str, Any], prop: str, sid: str) -> dict[str, Any]:
    statement = next(s for s in entity["claims"][prop] if s["id"] == sid)
    reference: dict[str, Any] = statement["references"][0]
    return reference


def test_each_followable_reference_becomes_one_source_with_what_it_gives(tmp_path: Path) -> None:
    entity = _bielefeld()
    henning = json.loads((DATA / "Q646148.json").read_text(encoding="utf-8"))
    # Real references of other statements: the census (title, retrieved, archived copy) and
    # a news report of Henning Christophersen's death (title, published, retrieved).
    census = _reference(entity, "P1082", "Q2112$2568FE76-5EAA-4E81-9E3F-83B2653AD929")
    news = _reference(henning, "P570", "Q646148$d09873f5-4886-c36b-1cfd-bd5dc70d9a93")
    wikipedia = entity["claims"]["P571"][0]["references"][0]  # imported from (P143) only
    work = copy.deepcopy(census)
    work["snaks"] = {
        "P248": [{"snaktype": "value", "datavalue": {"value": {"id": "Q764739"}}}],
        "P1476": [{"snaktype": "value", "datavalue": {"value": {"text": "", "language": "de"}}}],
        "P854": [{"snaktype": "value", "datavalue": {"value": "see the census office"}}],
        "P1065": [{"snaktype": "value", "datavalue": {"value": "web.archive.org/census"}}],
    }
    agfs = entity["claims"]["P463"][0]
    agfs["references"] = [wikipedia, census, "not a reference", census, news, work]
    entity["claims"] = {"P463": [agfs]}
    data, _, _ = _import(tmp_path, entity)
    (fact,) = data["facts"]
    assert "unsourced" not in fact
    assert fact["sources"] == [
        {
            "url": census["snaks"]["P854"][0]["datavalue"]["value"],
            "title": "Alle politisch selbständigen Gemeinden mit ausgewählten Merkmalen am "
            "31.12.2018 (4. Quartal)",
            "accessed": "2019-03-10",
            "archive": "https://web.archive.org/web/20190310200237/https://www.destatis.de/DE/"
            "ZahlenFakten/LaenderRegionen/Regionales/Gemeindeverzeichnis/Administrativ/Archiv/"
            "GVAuszugQ/AuszugGV4QAktuell.xlsx?__blob=publicationFile",
        },
        {
            "url": "http://nyheder.tv2.dk/politik/2017-01-01-henning-christophersen-er-doed",
            "title": "Henning Christophersen er død",
            "published": "2017-01-01",
            "accessed": "2017-01-01",
        },
        {"url": "https://www.wikidata.org/wiki/Q764739", "title": "stated in Q764739"},
        {
            "url": f"https://www.wikidata.org/wiki/Q2112#{agfs['id']}",
            "title": f"Wikidata statement {agfs['id']}",
        },
    ]


def test_a_statement_without_an_id_is_its_entitys_source(tmp_path: Path) -> None:
    entity = _bielefeld()
    agfs = entity["claims"]["P463"][0]
    del agfs["id"], agfs["references"]
    entity["claims"] = {"P463": [agfs]}
    data, _, _ = _import(tmp_path, entity)
    (fact,) = data["facts"]
    assert fact["id"] == "Q2112-P463-1" and fact["unsourced"] is True
    assert fact["sources"] == [
        {"url": "https://www.wikidata.org/wiki/Q2112", "title": "Wikidata statement Q2112"}
    ]


# -- the file written --------------------------------------------------------------------------


def test_the_kb_file_has_one_entity_and_one_fact_per_line_and_keeps_its_letters(
    tmp_path: Path,
) -> None:
    entity = _bielefeld()
    census = _reference(entity, "P1082", "Q2112$2568FE76-5EAA-4E81-9E3F-83B2653AD929")
    entity["labels"]["de"]["value"] = "Bielefeld in Nordrhein-Westfalen, Deutschland — Stadt"
    entity["aliases"] = {}
    first, second = entity["claims"]["P463"][:2]
    first["references"] = [census]
    entity["claims"] = {"P463": [first, second]}
    source = tmp_path / "Bielefeld-Überblick.json"
    source.write_text(json.dumps(entity), encoding="utf-8")
    out = io.StringIO()
    import_wikidata([source], out, Selection(languages=("de",)), MADE)
    lines = out.getvalue().split("\n")
    assert lines[0].startswith('{"claimcheck-kb": 1, "verified": "2023-04-04", ')
    assert lines[0].endswith(
        '"sources": ["Bielefeld-Überblick.json"], "data_as_of": "2023-04-04"},'
    )
    assert lines[1:3] == [
        '"entities": {',
        (
            '"Q2112": {"name": "Bielefeld in Nordrhein-Westfalen, Deutschland — Stadt", '
            '"kind": "other", "wikidata": "Q2112"},'
        ),
    ]
    assert lines[3:7] == [
        '"Q627637": {"name": "Q627637", "kind": "group", "wikidata": "Q627637"},',
        '"Q1768108": {"name": "Q1768108", "kind": "group", "wikidata": "Q1768108"}',
        "},",
        '"facts": [',
    ]
    assert lines[7].startswith('{"id": "Q2112$14919E9D-83FA-4AB7-A811-4AD8ABDEDA3E", ')
    assert "Alle politisch selbständigen Gemeinden" in lines[7] and lines[7].endswith("},")
    assert lines[8].startswith('{"id": "Q2112$C32802FD-D60D-45EE-B9E1-1A7C558361A1", ')
    assert lines[8].endswith("}") and lines[9:] == ["]}", ""]


# -- the data's date ---------------------------------------------------------------------------


def _source(tmp_path: Path, name: str, entity: dict[str, Any]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(entity), encoding="utf-8")
    return path


def test_an_import_is_as_old_as_its_oldest_source_and_undated_with_an_undated_one(
    tmp_path: Path,
) -> None:
    henning = json.loads((DATA / "Q646148.json").read_text(encoding="utf-8"))  # 2024-03-13
    bielefeld = _source(tmp_path, "b.json", _bielefeld())  # modified 2023-04-04
    henning_path = _source(tmp_path, "h.json", henning)
    for sources in ([bielefeld, henning_path], [henning_path, bielefeld]):
        summary = import_wikidata(sources, io.StringIO(), Selection(), MADE)
        assert summary.data_as_of == PartialDate(2023, 4, 4)
    undated = {**henning, "id": "Q1"}
    del undated["modified"]
    sources = [bielefeld, _source(tmp_path, "u.json", undated), henning_path]
    out = io.StringIO()
    summary = import_wikidata(sources, out, Selection(), MADE)
    data = json.loads(out.getvalue())
    assert summary.data_as_of is None and "verified" not in data
    assert "data_as_of" not in data["imported"]


def test_a_file_named_twice_keeps_the_imports_date(tmp_path: Path) -> None:
    """Its second reading gives no entity (each is already imported), so no date either."""
    bielefeld = _source(tmp_path, "b.json", _bielefeld())  # modified 2023-04-04
    out = io.StringIO()
    summary = import_wikidata([bielefeld, bielefeld], out, Selection(), MADE)
    assert summary.skipped == {"entity already imported": 1}
    assert summary.data_as_of == PartialDate(2023, 4, 4)
    assert json.loads(out.getvalue())["verified"] == "2023-04-04"


def test_an_undated_file_whose_entities_are_not_asked_for_keeps_the_imports_date(
    tmp_path: Path,
) -> None:
    undated = {**_bielefeld(), "id": "Q1"}
    del undated["modified"]
    sources = [_source(tmp_path, "b.json", _bielefeld()), _source(tmp_path, "u.json", undated)]
    summary = import_wikidata(sources, io.StringIO(), Selection(frozenset({"Q2112"})), MADE)
    assert (summary.entities, summary.data_as_of) == (1, PartialDate(2023, 4, 4))


def test_a_dump_is_as_old_as_its_newest_entity_after_a_repeated_or_unasked_one(
    tmp_path: Path,
) -> None:
    henning = json.loads((DATA / "Q646148.json").read_text(encoding="utf-8"))  # 2024-03-13
    undated = {**henning, "id": "Q1"}
    del undated["modified"]
    lines = [
        json.dumps({"id": "P31", "type": "property"}) + ",",  # a property: not an item
        json.dumps(_bielefeld()) + ",",
        json.dumps({"id": "Q5", "type": "item"}) + ",",  # not asked for
        json.dumps(_bielefeld()) + ",",  # again
        json.dumps(undated) + ",",
        json.dumps(henning),
    ]
    dump = _dump(tmp_path / "d.json", *lines)
    asked = Selection(entities=frozenset({"Q2112", "Q1", "Q646148"}))
    out = io.StringIO()
    summary = import_wikidata([dump], out, asked, MADE)
    assert list(json.loads(out.getvalue())["entities"])[:3] == ["Q2112", "Q2112-P6", "Q2112-P571"]
    assert (summary.entities, summary.data_as_of) == (3, PartialDate(2024, 3, 13))
    assert summary.skipped == {"entity already imported": 1}


def test_a_dump_dates_the_import_by_its_name_even_when_none_of_its_entities_is_asked_for(
    tmp_path: Path,
) -> None:
    dump = _dump(tmp_path / "wikidata-20150815-all.json", json.dumps(_bielefeld()))
    out = io.StringIO()
    summary = import_wikidata([dump], out, Selection(entities=frozenset({"Q1"})), MADE)
    assert (summary.entities, summary.data_as_of) == (0, PartialDate(2015, 8, 15))
    assert json.loads(out.getvalue())["verified"] == "2015-08-15"


def test_names_are_labels_then_aliases_in_the_languages_asked_spaced_once_and_never_twice(
    tmp_path: Path,
) -> None:
    entity = _bielefeld()
    entity["labels"] = {
        "de": {"language": "de", "value": " \n "},
        "en": {"language": "en", "value": "Bielefeld\n  city"},
        "fr": "Bielefeld (ville)",
    }
    entity["aliases"] = {
        "en": [{"value": "BIELEFELD CITY"}, "junk", {"value": 3}, {"value": "Bielefeld"}],
        "de": [{"language": "de", "value": "Leineweberstadt"}],
    }
    entity["claims"] = {}
    selection = Selection(languages=("xx", "fr", "de", "en"))
    data, kb, _ = _import(tmp_path, entity, selection)
    assert data["entities"]["Q2112"] == {
        "name": "Bielefeld city",
        "kind": "other",
        "wikidata": "Q2112",
        "aliases": [{"name": "Leineweberstadt"}, {"name": "Bielefeld"}],
    }
    assert kb.resolve("Leineweberstadt") == "Q2112"


def test_an_end_at_a_precision_claimcheck_cannot_hold_is_an_end_on_an_unknown_date(
    tmp_path: Path,
) -> None:
    entity = _bielefeld()
    agfs = entity["claims"]["P463"][0]
    agfs["qualifiers"]["P582"] = [
        {"snaktype": "value", "datavalue": {"value": _time("+2000-00-00T00:00:00Z", 8)}}
    ]
    entity["claims"] = {"P463": [agfs]}
    data, _, _ = _import(tmp_path, entity)
    (fact,) = data["facts"]
    assert (fact["start"], fact.get("end"), fact["end_unknown"]) == ("1998", None, True)


def test_statements_of_odd_shapes_are_left_out_and_never_stop_the_import(tmp_path: Path) -> None:
    entity = _bielefeld()
    agfs = entity["claims"]["P463"][0]
    agfs["qualifiers"] = {"P580": {"not": "a list"}, "P582": []}  # no dates to read
    deprecated = copy.deepcopy(agfs)
    deprecated["rank"] = "deprecated"
    deprecated["mainsnak"]["datavalue"]["value"] = {"id": "Q1768108"}
    entity["claims"] = {
        "P463": [
            "not a statement",
            {"rank": "normal"},
            {"rank": "normal", "mainsnak": {"snaktype": "value"}},  # a value, but none given
            deprecated,
            agfs,
        ],
        "P39": {"not": "a list"},
    }
    data, _, summary = _import(tmp_path, entity)
    assert [(f["group"], "start" in f, "end" in f) for f in data["facts"]] == [
        ("Q627637", False, False)
    ]
    assert summary.skipped == {"no value or unknown value": 1}


@pytest.mark.parametrize(
    "value",
    [
        {"entity-type": "property", "numeric-id": 17},  # the 2015 form of a property
        {"entity-type": "lexeme", "id": "L7"},
        {"numeric-id": "17"},
        {"id": "Q0"},
    ],
)
def test_a_value_that_names_no_item_is_not_an_item(tmp_path: Path, value: Any) -> None:
    entity = _bielefeld()
    agfs = entity["claims"]["P463"][0]
    entity["claims"] = {"P999": [_moved(agfs, "P999", value)]}
    data, _, summary = _import(tmp_path, entity, Selection(properties=("P999",)))
    assert data["facts"] == []
    assert summary.skipped == {"value is not an item": 1}


def test_an_items_current_id_wins_over_its_2015_numeric_id(tmp_path: Path) -> None:
    entity = _bielefeld()
    agfs = entity["claims"]["P463"][0]
    agfs["mainsnak"]["datavalue"]["value"] = {
        "entity-type": "item",
        "id": "Q627637",
        "numeric-id": 1,
    }
    entity["claims"] = {"P463": [agfs]}
    data, _, _ = _import(tmp_path, entity)
    assert [f["group"] for f in data["facts"]] == ["Q627637"]


def test_an_office_or_event_made_for_several_statements_is_written_once(tmp_path: Path) -> None:
    entity = _bielefeld()
    inception = entity["claims"]["P571"][0]
    again = copy.deepcopy(inception)
    again["id"] = "Q2112$another-inception"
    entity["claims"] = {"P6": entity["claims"]["P6"], "P571": [inception, again]}
    source = _source(tmp_path, "b.json", entity)
    out = io.StringIO()
    import_wikidata([source], out, Selection(), MADE)
    lines = out.getvalue().split("\n")
    assert len(entity["claims"]["P6"]) == 5
    assert [line.split(":")[0] for line in lines if line.startswith('"Q2112')] == [
        '"Q2112"',
        '"Q2112-P6"',
        '"Q2112-P571"',
    ]


def test_a_file_of_another_json_value_or_not_utf8_is_refused_by_name(tmp_path: Path) -> None:
    number = tmp_path / "n.json"
    number.write_text("42\n", encoding="utf-8")
    with pytest.raises(WikidataError, match=r"n\.json:1:1: neither a Wikidata entity nor"):
        list(read_entities(number))
    latin = tmp_path / "l.json"
    latin.write_bytes('{"id": "Q1", "labels": {"de": "Gütersloh"}}'.encode("latin-1"))
    with pytest.raises(WikidataError, match=r"^\S+l\.json: not UTF-8: "):
        list(read_entities(latin))
    mixed = tmp_path / "m.json"
    mixed.write_text(json.dumps({"entities": {"Q1": "x", "Q2": {"id": "Q2"}}}), encoding="utf-8")
    assert [e["id"] for e in read_entities(mixed)] == ["Q2"]


def test_a_dumps_lines_are_parsed_by_the_parser_given(tmp_path: Path) -> None:
    parsed: list[bytes] = []

    def loads(line: bytes) -> Any:
        parsed.append(line)
        return json.loads(line)

    dump = _dump(tmp_path / "d.json", json.dumps({"id": "Q1", "type": "item"}) + ",")
    summary = import_wikidata([dump], io.StringIO(), Selection(), MADE, loads=loads)
    assert summary.entities == 1
    assert parsed == [b'{"id": "Q1", "type": "item"}']


@pytest.mark.parametrize(
    ("sid", "expected"),
    [("", "Q2112-P463-1"), ("Q" * 128, "Q" * 128), ("Q" * 129, "Q2112-P463-1"), ("Q", "Q")],
)
def test_a_statement_id_names_its_fact_unless_empty_or_too_long(
    tmp_path: Path, sid: str, expected: str
) -> None:
    entity = _bielefeld()
    agfs = entity["claims"]["P463"][0]
    agfs["id"] = sid
    entity["claims"] = {"P463": [agfs]}
    data, _, _ = _import(tmp_path, entity)
    assert [f["id"] for f in data["facts"]] == [expected]


def test_statements_without_ids_are_numbered_in_the_entitys_order(tmp_path: Path) -> None:
    entity = _bielefeld()
    agfs = entity["claims"]["P463"][0]
    del agfs["id"]
    entity["claims"] = {"P463": [agfs, copy.deepcopy(agfs), copy.deepcopy(agfs)]}
    data, _, _ = _import(tmp_path, entity)
    assert [f["id"] for f in data["facts"]] == ["Q2112-P463-1", "Q2112-P463-2", "Q2112-P463-3"]


def test_a_label_with_a_lone_surrogate_is_refused_with_its_entity_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """JSON may escape half of a UTF-16 pair ("\\ud800"): it decodes to no text, which the
    KB file could not hold. The import names the file and the entity, and exits 2."""
    monkeypatch.chdir(tmp_path)
    entity = _bielefeld()
    entity["labels"]["en"]["value"] = "Biele\ud800feld"
    (tmp_path / "entity.json").write_text(
        json.dumps({"entities": {entity["id"]: entity}}), encoding="ascii"
    )
    result = CliRunner().invoke(
        cli, ["kb", "import", "wikidata", "entity.json", "-o", "wd.kb.json"]
    )
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        "claimcheck: entity.json: entity Q2112: '\\ud800' is a lone surrogate, not text\n"
    )
    assert result.exception is None or isinstance(result.exception, SystemExit)
