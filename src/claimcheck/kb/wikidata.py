"""Translate Wikidata entities into a knowledge base file, streaming, statement by statement.

A dump is read one line (one entity) at a time and every fact is written as soon as it is
made, so memory follows the largest entity, not the dump. The translation rules, in full in
docs/wikidata.md, keep what a verdict needs and never add what Wikidata did not say:

- a time keeps its precision (precision 9 is a year, 10 a month, 11 a day; finer is a day;
  coarser, or before year 1, is not a date claimcheck can hold, so it is left out);
- deprecated statements are dropped; preferred and normal ones are all kept, since a check
  at a past date needs the old values too;
- an end time of "no value" is an open end, "some value" an end on an unknown date;
- a reference counts as a source when it gives a URL (P854) or a work (P248); a statement
  without one is kept and marked `unsourced`; the statement's own address is always a source.
"""

from __future__ import annotations

import bz2
import datetime
import gzip
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TextIO, cast

from claimcheck.core.dates import PartialDate
from claimcheck.formats.model_checks import end_before_start

WIKIDATA = "https://www.wikidata.org/wiki/"
TOOL = "claimcheck kb import wikidata"

# What each property of the default set becomes. A property outside this table that is asked
# for becomes a `statement` fact that keeps its P-id, when its value is an item.
MEMBER_OF, HAS_PART, POSITION_HELD = "P463", "P527", "P39"
HEAD_OF_GOVERNMENT, HEAD_OF_STATE = "P6", "P35"
TERRITORY_CLAIMED_BY, COUNTRY, LOCATED_IN = "P1336", "P17", "P131"
INCEPTION, DISSOLVED, MEMBER_COUNT = "P571", "P576", "P2124"
PART_OF_SERIES, POINT_IN_TIME = "P179", "P585"
START, END, ORDINAL = "P580", "P582", "P1545"
REFERENCE_URL, STATED_IN, RETRIEVED, TITLE, PUBLISHED, ARCHIVE_URL = (
    "P854",
    "P248",
    "P813",
    "P1476",
    "P577",
    "P1065",
)
INSTANCE_OF = "P31"

DEFAULT_PROPERTIES = (
    MEMBER_OF,
    HAS_PART,
    POSITION_HELD,
    HEAD_OF_GOVERNMENT,
    HEAD_OF_STATE,
    TERRITORY_CLAIMED_BY,
    COUNTRY,
    LOCATED_IN,
    INCEPTION,
    DISSOLVED,
    MEMBER_COUNT,
    PART_OF_SERIES,
)
OFFICE_OF = {HEAD_OF_GOVERNMENT: "head of government", HEAD_OF_STATE: "head of state"}

# An entity's kind from what it is an instance of (P31); else from the role a fact gives it.
KIND_OF_CLASS = {
    "Q5": "person",
    "Q6256": "country",
    "Q3624078": "country",
    "Q3024240": "country",
    "Q7275": "country",
    "Q515": "place",
    "Q1549591": "place",
    "Q486972": "place",
    "Q23442": "place",
    "Q82794": "place",
    "Q4164871": "office",
    "Q294414": "office",
    "Q43229": "organisation",
    "Q484652": "organisation",
    "Q245065": "organisation",
    "Q7278": "organisation",
    "Q1656682": "event",
    "Q1190554": "event",
}
_JULIAN = "Q1985786"
_TIME = re.compile(r"([+-])(\d+)-(\d\d)-(\d\d)T")
_DUMP_DATE = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")
_URL = re.compile(r"https?://\S+\Z")
_ITEM = re.compile(r"Q[1-9][0-9]*\Z")


class WikidataError(Exception):
    """A source cannot be read as Wikidata entities: the message names file:line:column."""


@dataclass(frozen=True)
class Selection:
    """What to import: the items (None: every item), the properties, the label languages."""

    entities: frozenset[str] | None = None
    properties: tuple[str, ...] = DEFAULT_PROPERTIES
    languages: tuple[str, ...] = ("en",)


@dataclass
class Summary:
    """What an import did, for its report line and for tests."""

    entities: int = 0
    facts: int = 0
    placeholders: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    data_as_of: PartialDate | None = None

    def skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1


# -- values ------------------------------------------------------------------------------------


def wikidata_time(value: Any) -> PartialDate | None:
    """A Wikidata time value at its own precision; None when claimcheck cannot hold it.

    ``+1971-00-00T00:00:00Z`` at precision 9 is the year 1971, never 1 January. A day in the
    Julian calendar is converted to the Gregorian one; a Julian month, whose Gregorian days
    may fall in the next month, is not kept.
    """
    if not isinstance(value, dict):
        return None
    m = _TIME.match(str(value.get("time", "")))
    precision = value.get("precision")
    if m is None or m.group(1) == "-" or not isinstance(precision, int) or precision < 9:
        return None
    year, month, day = int(m.group(2)), int(m.group(3)), int(m.group(4))
    julian = str(value.get("calendarmodel", "")).endswith(_JULIAN)
    if not 1 <= year <= 9999:
        return None
    if precision == 9:
        return PartialDate(year)
    if not 1 <= month <= 12 or (julian and precision == 10):
        return None
    if precision == 10 or day == 0:
        return None if julian else PartialDate(year, month)
    try:
        if julian:
            return PartialDate.of(_julian_to_gregorian(year, month, day))
        return PartialDate.of(datetime.date(year, month, day))
    except (ValueError, OverflowError):
        return None


def _julian_to_gregorian(year: int, month: int, day: int) -> datetime.date:
    # A day the Julian calendar lacks must not slide into the next month: it is checked in a
    # Gregorian year that is a leap year when the Julian one is (every fourth: 1700-02-29).
    datetime.date(2004 if year % 4 == 0 else 2001, month, day)
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return datetime.date.fromordinal(jdn - 1721425)


def item_id(value: Any) -> str | None:
    """The Q-id of an entity value, in the current form (``id``) or the 2015 one
    (``numeric-id`` only)."""
    if not isinstance(value, dict) or value.get("entity-type", "item") != "item":
        return None
    found = value.get("id")
    if found is None and isinstance(value.get("numeric-id"), int):
        found = f"Q{value['numeric-id']}"
    return found if isinstance(found, str) and _ITEM.match(found) else None


def _value(snak: Any) -> Any:
    if not isinstance(snak, dict) or snak.get("snaktype") != "value":
        return None
    datavalue = snak.get("datavalue")
    return datavalue.get("value") if isinstance(datavalue, dict) else None


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _first(snaks: Any, prop: str) -> Any:
    """The first snak of ``prop`` in a qualifier or reference map, or None."""
    if isinstance(snaks, dict):
        found = snaks.get(prop)
        if isinstance(found, list) and found:
            return found[0]
    return None


def _amount(value: Any) -> int | None:
    if not isinstance(value, dict):
        return None
    try:
        number = float(str(value.get("amount")))
    except ValueError:
        return None
    return int(number) if number >= 0 and number.is_integer() else None


# -- statements --------------------------------------------------------------------------------


def _sources(entity_id: str, statement: dict[str, Any]) -> tuple[list[dict[str, Any]], bool]:
    """The statement's references that can be followed, then the statement itself; and
    whether none could (the fact is then `unsourced`)."""
    out: list[dict[str, Any]] = []
    for ref in statement.get("references") or ():
        snaks = ref.get("snaks") if isinstance(ref, dict) else None
        url = _value(_first(snaks, REFERENCE_URL))
        work = item_id(_value(_first(snaks, STATED_IN)))
        if not isinstance(url, str) or not _URL.match(url):
            url = None
        if url is None and work is None:
            continue  # "imported from Wikipedia" and the like: nothing to follow
        source: dict[str, Any] = {"url": url or WIKIDATA + str(work)}
        title = _value(_first(snaks, TITLE))
        if isinstance(title, dict) and isinstance(title.get("text"), str) and title["text"]:
            source["title"] = title["text"]
        elif work is not None:
            source["title"] = f"stated in {work}"
        published = wikidata_time(_value(_first(snaks, PUBLISHED)))
        if published is not None:
            source["published"] = str(published)
        accessed = wikidata_time(_value(_first(snaks, RETRIEVED)))
        if accessed is not None:
            source["accessed"] = str(accessed)
        archive = _value(_first(snaks, ARCHIVE_URL))
        if isinstance(archive, str) and _URL.match(archive):
            source["archive"] = archive
        if source not in out:
            out.append(source)
    unsourced = not out
    sid = statement.get("id")
    own = f"{WIKIDATA}{entity_id}" + (f"#{sid}" if isinstance(sid, str) else "")
    out.append({"url": own, "title": f"Wikidata statement {sid or entity_id}"})
    return out, unsourced


@dataclass
class _Dates:
    start: PartialDate | None = None
    end: PartialDate | None = None
    end_unknown: bool = False

    def fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.start is not None:
            out["start"] = str(self.start)
        if self.end is not None:
            out["end"] = str(self.end)
        if self.end_unknown:
            out["end_unknown"] = True
        return out


def _dates(statement: dict[str, Any]) -> _Dates | None:
    """Start (P580) and end (P582); None when the end is before the start (bad data)."""
    qualifiers = statement.get("qualifiers")
    dates = _Dates(start=wikidata_time(_value(_first(qualifiers, START))))
    end = _first(qualifiers, END)
    if isinstance(end, dict):
        kind = end.get("snaktype")
        if kind == "somevalue":
            dates.end_unknown = True
        elif kind == "value":
            dates.end = wikidata_time(_value(end))
            dates.end_unknown = dates.end is None  # ended, at a precision we cannot hold
    if end_before_start(dates.start, dates.end) is not None:
        return None
    return dates


def _truthful(statements: Any) -> Iterator[dict[str, Any]]:
    """Every statement but the deprecated, with a value: "no value" and "some value" as a
    main value state no fact."""
    for statement in statements if isinstance(statements, list) else ():
        kept = isinstance(statement, dict) and statement.get("rank") != "deprecated"
        if kept and isinstance(statement.get("mainsnak"), dict):
            yield statement


# -- entities ----------------------------------------------------------------------------------


KINDS = (
    "",
    "other",
    "person",
    "country",
    "place",
    "office",
    "organisation",
    "event",
    "group",
    "series",
)
_DEFINED = 0x80  # the high bit: the entity itself was imported
_PAGE = 4096
_NONZERO = re.compile(rb"[^\x00]")


class Translator:
    """Turns one entity at a time into entity records and facts; remembers which entities
    facts named (one byte per Q-number, in pages made when first used: the kind its role
    gives, and whether it was imported), so that every one is defined once at the end, in
    memory bounded by the id space the dump uses, not by the number of its statements."""

    def __init__(self, selection: Selection, summary: Summary) -> None:
        self.selection = selection
        self.summary = summary
        self.marks: dict[int, bytearray] = {}  # pages of `_PAGE` Q-numbers, made when used
        self.made: list[tuple[str, dict[str, Any]]] = []  # offices and events made, to write
        self.unnamed = 0

    def entity(
        self, data: dict[str, Any], as_of: PartialDate | None
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The entity's record (kind None when its classes do not say) and its facts."""
        qid = str(data["id"])
        name, aliases = self._names(data)
        claims = _mapping(data.get("claims"))
        kind = None
        for statement in _truthful(claims.get(INSTANCE_OF)):
            cls = item_id(_value(statement["mainsnak"]))
            if cls in KIND_OF_CLASS:
                kind = KIND_OF_CLASS[cls]
                break
        record: dict[str, Any] = {"name": name, "kind": kind, "wikidata": qid}
        if aliases:
            record["aliases"] = [{"name": a} for a in aliases]
        self._mark(qid, _DEFINED)
        facts: list[dict[str, Any]] = []
        for prop in self.selection.properties:
            for statement in _truthful(claims.get(prop)):
                fact = self._fact(qid, name, prop, statement, claims)
                if fact is None:
                    continue
                sources, unsourced = _sources(qid, statement)
                fact["sources"] = sources
                if unsourced:
                    fact["unsourced"] = True
                if as_of is not None:
                    fact["verified"] = str(as_of)
                facts.append(fact)
        return record, facts

    def _names(self, data: dict[str, Any]) -> tuple[str, list[str]]:
        """The first label in the chosen languages, and every other label and alias in them."""
        labels = _mapping(data.get("labels"))
        aliases = _mapping(data.get("aliases"))
        names: list[str] = []
        for lang in self.selection.languages:
            label = labels.get(lang)
            if isinstance(label, dict) and isinstance(label.get("value"), str):
                names.append(label["value"])
        for lang in self.selection.languages:
            for alias in aliases.get(lang) or ():
                if isinstance(alias, dict) and isinstance(alias.get("value"), str):
                    names.append(alias["value"])
        out: list[str] = []
        seen: set[str] = set()
        for n in names:
            text = " ".join(n.split())
            if text and text.casefold() not in seen:
                seen.add(text.casefold())
                out.append(text)
        if not out:
            return str(data["id"]), []
        return out[0], out[1:]

    def _mark(self, qid: str, bits: int) -> None:
        page, at = divmod(int(qid[1:]), _PAGE)
        marks = self.marks.get(page)
        if marks is None:
            marks = self.marks[page] = bytearray(_PAGE)
        if bits == _DEFINED or not marks[at] & 0x7F:
            marks[at] |= bits

    def _bits(self, qid: str) -> int:
        page, at = divmod(int(qid[1:]), _PAGE)
        marks = self.marks.get(page)
        return 0 if marks is None else marks[at]

    def defined(self, qid: str) -> bool:
        return bool(self._bits(qid) & _DEFINED)

    def role_kind(self, qid: str) -> str:
        """The kind the first role a fact gave the entity says, else "other"."""
        return KINDS[self._bits(qid) & 0x7F] or "other"

    def undefined(self) -> Iterator[str]:
        """The entities facts named that the import did not define, by Q-number."""
        for page in sorted(self.marks):
            marks = self.marks[page]
            for found in _NONZERO.finditer(marks):
                if not marks[found.start()] & _DEFINED:
                    yield f"Q{page * _PAGE + found.start()}"

    def _named(self, qid: str, kind: str) -> str:
        self._mark(qid, KINDS.index(kind) if kind in KINDS else 1)
        return qid

    def _fact(
        self,
        qid: str,
        name: str,
        prop: str,
        statement: dict[str, Any],
        claims: dict[str, Any],
    ) -> dict[str, Any] | None:
        """One statement as a fact, or None (counted in the summary) when it states none."""
        main = statement["mainsnak"]
        value = _value(main)
        if value is None:
            self.summary.skip("no value or unknown value")
            return None
        sid = statement.get("id")
        if isinstance(sid, str) and 0 < len(sid) <= 128:
            fid = sid
        else:  # no statement id: numbered in the entity's order, which the import keeps
            self.unnamed += 1
            fid = f"{qid}-{prop}-{self.unnamed}"
        qualifiers = statement.get("qualifiers")
        if prop in (INCEPTION, DISSOLVED, MEMBER_COUNT):
            return self._dated(qid, name, prop, fid, value, qualifiers)
        target = item_id(value)
        if target is None:
            self.summary.skip("value is not an item")
            return None
        if prop == PART_OF_SERIES:
            return self._series_event(qid, fid, target, qualifiers, claims)
        dates = _dates(statement)
        if dates is None:
            self.summary.skip("end before start")
            return None
        fact: dict[str, Any] = {"id": fid}
        if prop == MEMBER_OF:
            fact.update(kind="membership", group=self._named(target, "group"), member=qid)
        elif prop == HAS_PART:
            fact.update(kind="membership", group=qid, member=self._named(target, "other"))
        elif prop == POSITION_HELD:
            fact.update(kind="tenure", office=self._named(target, "office"), holder=qid)
        elif prop in OFFICE_OF:
            office = f"{qid}-{prop}"
            if not any(key == office for key, _ in self.made):
                self.made.append(
                    (office, {"name": f"{OFFICE_OF[prop]} of {name}", "kind": "office"})
                )
            fact.update(kind="tenure", office=office, holder=self._named(target, "person"))
        elif prop == TERRITORY_CLAIMED_BY:
            fact.update(kind="relation", subject=self._named(target, "country"), predicate="claims")
            fact["object"] = qid
        elif prop in (COUNTRY, LOCATED_IN):
            kind = "country" if prop == COUNTRY else "place"
            fact.update(kind="relation", subject=qid, predicate="located_in")
            fact["object"] = self._named(target, kind)
        else:
            fact.update(kind="statement", subject=qid, property=prop)
            fact["object"] = self._named(target, "other")
        fact.update(dates.fields())
        return fact

    def _dated(
        self, qid: str, name: str, prop: str, fid: str, value: Any, qualifiers: Any
    ) -> dict[str, Any] | None:
        """Inception (an event), dissolution (a property from then on), member count."""
        if prop == MEMBER_COUNT:
            count = _amount(value)
            on = wikidata_time(_value(_first(qualifiers, POINT_IN_TIME)))
            on = on or wikidata_time(_value(_first(qualifiers, START)))
            if count is None or on is None:
                self.summary.skip("member count without a whole number or a date")
                return None
            return {
                "id": fid,
                "kind": "count",
                "group": qid,
                "of": "members",
                "count": count,
                "start": str(on),
            }
        day = wikidata_time(value)
        if day is None:
            self.summary.skip("date at a precision coarser than a year")
            return None
        if prop == DISSOLVED:
            return {
                "id": fid,
                "kind": "property",
                "subject": qid,
                "property": "disbanded",
                "start": str(day),
            }
        event = f"{qid}-{prop}"
        if not any(key == event for key, _ in self.made):
            self.made.append((event, {"name": f"inception of {name}", "kind": "event"}))
        return {"id": fid, "kind": "event", "event": event, "date": str(day), "participants": [qid]}

    def _series_event(
        self, qid: str, fid: str, series: str, qualifiers: Any, claims: dict[str, Any]
    ) -> dict[str, Any] | None:
        """An event in a series, dated by its point in time (P585) or start (P580), with its
        ordinal (P1545) when the statement gives a whole number."""
        day = None
        for prop in (POINT_IN_TIME, START):
            for statement in _truthful(claims.get(prop)):
                day = wikidata_time(_value(statement["mainsnak"]))
                if day is not None:
                    break
            if day is not None:
                break
        if day is None:
            self.summary.skip("series event without a date")
            return None
        fact: dict[str, Any] = {"id": fid, "kind": "event", "event": qid, "date": str(day)}
        fact["series"] = self._named(series, "series")
        ordinal = _value(_first(qualifiers, ORDINAL))
        if isinstance(ordinal, str) and ordinal.isdigit() and int(ordinal) >= 1:
            fact["ordinal"] = int(ordinal)
        return fact


# -- sources -----------------------------------------------------------------------------------


def _open(path: Path) -> IO[bytes]:
    if path.name.endswith(".gz"):
        return cast("IO[bytes]", gzip.open(path, "rb"))
    if path.name.endswith(".bz2"):
        return cast("IO[bytes]", bz2.open(path, "rb"))
    return path.open("rb")


def dump_date(path: Path) -> PartialDate | None:
    """The date in a dump's file name (``...-20150815.json.gz``), the day its data was taken."""
    m = _DUMP_DATE.search(path.name)
    if m is None:
        return None
    try:
        return PartialDate.of(datetime.date(int(m[1]), int(m[2]), int(m[3])))
    except ValueError:
        return None


def _modified(entity: dict[str, Any]) -> PartialDate | None:
    found = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(entity.get("modified", "")))
    if found is None:
        return None
    try:
        return PartialDate.of(datetime.date(int(found[1]), int(found[2]), int(found[3])))
    except ValueError:
        return None


def read_entities(
    path: Path, loads: Callable[[bytes], Any] = json.loads
) -> Iterator[dict[str, Any]]:
    """The entities of one source: an entity file (``{"entities": {...}}`` or one entity) or
    a dump (a JSON array, one entity per line), one line at a time."""
    shown = str(path)
    try:
        with _open(path) as stream:
            first = stream.read(1)
            lines_before = 0
            while first.isspace():
                lines_before += first == b"\n"
                first = stream.read(1)
            if first == b"[":
                yield from _dump_lines(stream, shown, loads, lines_before)
                return
            whole = first + stream.read()
    except (OSError, EOFError) as exc:
        raise WikidataError(f"{shown}: cannot read: {exc}") from None
    try:
        data = json.loads(whole)
    except json.JSONDecodeError as exc:
        raise WikidataError(f"{shown}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") from None
    except UnicodeDecodeError as exc:
        raise WikidataError(f"{shown}: not UTF-8: {exc}") from None
    if isinstance(data, dict) and isinstance(data.get("entities"), dict):
        for entity in data["entities"].values():
            if isinstance(entity, dict):
                yield entity
    elif isinstance(data, dict) and "id" in data:
        yield data
    else:
        raise WikidataError(f'{shown}:1:1: neither a Wikidata entity nor {{"entities": ...}}')


def _dump_lines(
    stream: IO[bytes], shown: str, loads: Callable[[bytes], Any], line_no: int
) -> Iterator[dict[str, Any]]:
    """The entities after a dump's opening ``[``: its line is the first one read."""
    for raw in stream:
        line_no += 1
        line = raw.strip()
        if line.endswith(b","):
            line = line[:-1]
        if not line or line == b"]":
            continue
        try:
            entity = loads(line)
        except ValueError as exc:
            column = len(raw) - len(raw.lstrip()) + 1
            raise WikidataError(
                f"{shown}:{line_no}:{column}: not one JSON entity per line: {exc}"
            ) from None
        if isinstance(entity, dict):
            yield entity


# -- writing -----------------------------------------------------------------------------------


def import_wikidata(
    sources: Iterable[Path],
    out: TextIO,
    selection: Selection,
    made: PartialDate,
    loads: Callable[[bytes], Any] = json.loads,
) -> Summary:
    """Write one KB file (JSON, one entity and one fact per line) from ``sources``.

    Entities and facts go to temporary files as they are made; the file's head, which
    needs the data's date, is written last. The file's `verified` date is the oldest of the
    sources' dates (a dump's date in its name, else its entities' newest `modified`): an
    import never vouches for what happened after its data was taken. Each fact carries its
    own entity's date as its `verified`.
    """
    summary = Summary()
    translator = Translator(selection, summary)
    names: list[str] = []
    oldest: PartialDate | None = None
    undated = False
    with (
        tempfile.TemporaryFile("w+", encoding="utf-8") as ents,
        tempfile.TemporaryFile("w+", encoding="utf-8") as facts,
    ):
        for path in sources:
            names.append(path.name)
            dated = dump_date(path)
            newest: PartialDate | None = None
            before = summary.entities
            for data in read_entities(path, loads):
                qid = data.get("id")
                if not isinstance(qid, str) or not _ITEM.match(qid):
                    continue  # properties, lexemes: not facts about the world
                if selection.entities is not None and qid not in selection.entities:
                    continue
                if translator.defined(qid):
                    summary.skip("entity already imported")
                    continue
                as_of = dated or _modified(data)
                if as_of is not None and (newest is None or newest.start < as_of.start):
                    newest = as_of
                record, made_facts = translator.entity(data, as_of)
                try:
                    ents.write(json.dumps([qid, record], ensure_ascii=False) + "\n")
                    for key, made_record in translator.made:
                        ents.write(json.dumps([key, made_record], ensure_ascii=False) + "\n")
                    for fact in made_facts:
                        facts.write(json.dumps(fact, ensure_ascii=False) + "\n")
                except UnicodeEncodeError as exc:  # JSON's \ud800 escapes decode to no text
                    bad = ascii(exc.object[exc.start : exc.end])
                    raise WikidataError(
                        f"{path}: entity {qid}: {bad} is a lone surrogate, not text"
                    ) from None
                translator.made.clear()
                summary.entities += 1
                summary.facts += len(made_facts)
            source_date = dated or newest
            if source_date is None:
                # Undated, and undating the import only if it gave an entity: the same file
                # named twice gives none the second time.
                undated = undated or summary.entities > before
            elif oldest is None or source_date.start < oldest.start:
                oldest = source_date
        summary.data_as_of = None if undated else oldest
        head: dict[str, Any] = {"claimcheck-kb": 1}
        if summary.data_as_of is not None:
            head["verified"] = str(summary.data_as_of)
        imported: dict[str, Any] = {"tool": TOOL, "made": str(made), "sources": names}
        if summary.data_as_of is not None:
            imported["data_as_of"] = str(summary.data_as_of)
        head["imported"] = imported
        text = json.dumps(head, ensure_ascii=False)
        out.write(text[:-1] + ',\n"entities": {')
        ents.seek(0)
        first = True
        for line in ents:
            qid, record = json.loads(line)
            if record["kind"] is None:
                record["kind"] = translator.role_kind(qid)
            first = _item(out, first, f"{json.dumps(qid)}: {_record(record)}")
        for qid in translator.undefined():
            summary.placeholders += 1
            record = {"name": qid, "kind": translator.role_kind(qid), "wikidata": qid}
            first = _item(out, first, f"{json.dumps(qid)}: {_record(record)}")
        out.write('\n},\n"facts": [')
        facts.seek(0)
        first = True
        for line in facts:
            first = _item(out, first, line.rstrip("\n"))
        out.write("\n]}\n")
    return summary


def _record(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def _item(out: TextIO, first: bool, text: str) -> bool:
    out.write(("\n" if first else ",\n") + text)
    return False


def made_today() -> PartialDate:
    """Today (UTC), or the day of ``SOURCE_DATE_EPOCH`` for a reproducible import."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and epoch.isdigit():
        now = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    else:
        now = datetime.datetime.now(tz=datetime.UTC)
    return PartialDate.of(now.date())
