"""The generated records and their validators: committed copy fresh, and the same verdict as
pydantic on every document, valid or broken, with the same content when both accept it.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Annotated, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import (
    AfterValidator,
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    create_model,
    field_validator,
    model_validator,
)

from claimcheck.formats import recordgen, records
from claimcheck.formats.kb_models import KBFile
from claimcheck.formats.models import ClaimFile
from claimcheck.formats.validate import as_records
from claimcheck.loader import LoadError, load_document
from tests.conftest import CLAIMS, FIXTURES, SCHEMA_DIR
from tests.schema_strategies import claim_files, from_schema

KB_SCHEMA: dict[str, Any] = json.loads((SCHEMA_DIR / "kb-v1.json").read_text(encoding="utf-8"))
kb_files = from_schema(KB_SCHEMA, KB_SCHEMA["$defs"])

# Values that sit on the edges of what the schema allows: strictness (bool for int, text for
# a number), lengths, patterns, calendar dates, other claim and fact kinds, containers.
ODD = [
    None,
    True,
    False,
    0,
    1,
    -1,
    1.0,
    2.5,
    10**30,
    -(10**30),
    "",
    " ",
    "x",
    "a" * 128,
    "a" * 129,
    "short",
    "nine char",
    "ten chars!",
    "1",
    "2024",
    "2024-02",
    "2024-02-29",
    "2023-02-29",
    "2024-13",
    "2024-1-1",
    "0000",
    "2024-08-20\n",
    "Q42",
    "Q42\n",
    "q42",
    "CC101",
    "CC1011",
    "membership",
    "event",
    "count",
    "office",
    "relation",
    "property",
    "uninhabited",
    "tenure",
    "members",
    "events",
    "accepted",
    "disputed",
    "Tuesday",
    "tuesday",
    "calls",
    "country",
    [],
    {},
    ["india"],
    [""],
    [1],
    [{}],
    {"a": 1},
    {"url": "https://example.org"},
]


def _paths(node: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [here]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*here, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, (*here, i))
    return out


@st.composite
def mutated(draw: st.DrawFn, documents: st.SearchStrategy[Any]) -> Any:
    """A valid document with one to three edits anywhere in its tree."""
    doc = copy.deepcopy(draw(documents))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(doc)))
        if not path:
            continue
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        how = draw(st.sampled_from(["replace", "replace", "delete", "unknown", "rename"]))
        if how == "replace":
            parent[last] = copy.deepcopy(draw(st.sampled_from(ODD)))
        elif how == "delete":
            del parent[last]
        elif isinstance(parent, dict) and how == "unknown":
            parent[f"{last}_extra"] = parent[last]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["kind", "id", "claimcheck_kb", "Kind", 7]))] = parent.pop(
                last
            )
    return doc


def _same_verdict(data: Any) -> None:
    """The fast path accepts exactly what pydantic accepts, and builds the same content."""
    for fast, model in ((records.claim_file, ClaimFile), (records.kb_file, KBFile)):
        built = fast(data)
        try:
            expected = model.model_validate(data)
        except ValidationError:
            assert built is None, f"{model.__name__}: the fast path accepted {data!r}"
            continue
        assert built is not None, f"{model.__name__}: the fast path refused {data!r}"
        assert built == as_records(expected)
        assert repr(built) == repr(as_records(expected))


SOURCE = {
    "url": "https://example.org",
    "title": "T",
    "publisher": "P",
    "published": "2024-08",
    "accessed": "2024-08-21",
}
CLAIMED = {"sources": [SOURCE], "notes": "n", "suppress": [{"rule": "CC111", "reason": "r" * 10}]}
# Every field of every kind, set: an edit anywhere reaches a check.
FULL_CLAIMS = {
    "claimcheck": 1,
    "article": {
        "id": "a",
        "title": "A",
        "publisher": "P",
        "published": "2024-08-20",
        "url": "https://example.org/a",
        "text": "a.txt",
        "notes": "n",
    },
    "entities": {
        "india": {"name": "India", "kind": "country", "aliases": ["IN"], "wikidata": "Q668"}
    },
    "claims": [
        {
            "id": "m",
            "quote": "q",
            "kind": "membership",
            "group": "g",
            "members": ["india"],
            "complete": True,
            "at": "2024",
            **CLAIMED,
        },
        {
            "id": "e",
            "quote": "q",
            "kind": "event",
            "event": "e",
            "what": "w",
            "date": "2024-08-20",
            "weekday": "Tuesday",
            "relative": False,
            "place": "p",
            "participants": ["india"],
            "series": "s",
            "ordinal": 2,
            **CLAIMED,
        },
        {
            "id": "c",
            "quote": "q",
            "kind": "count",
            "of": "members",
            "group": "g",
            "count": 3,
            "at": "2024-08",
            **CLAIMED,
        },
        {
            "id": "o",
            "quote": "q",
            "kind": "office",
            "office": "pm",
            "holder": "p",
            "at": "2024",
            **CLAIMED,
        },
        {
            "id": "r",
            "quote": "q",
            "kind": "relation",
            "subject": "a",
            "predicate": "calls",
            "object": "b",
            "name": "B",
            "at": "2024",
            **CLAIMED,
        },
        {
            "id": "p",
            "quote": "q",
            "kind": "property",
            "subject": "a",
            "property": "uninhabited",
            "at": "2024",
            **CLAIMED,
        },
    ],
}
FACT = {"sources": [SOURCE], "status": "disputed", "note": "n"}
SPAN = {"start": "2020", "end": "2024-08"}
FULL_KB = {
    "claimcheck-kb": 1,
    "entities": {
        "india": {
            "name": "India",
            "kind": "country",
            "wikidata": "Q668",
            "notes": "n",
            "aliases": [{"name": "Bharat", "used_by": ["india"], "sources": [SOURCE]}],
        },
    },
    "facts": [
        {"id": "m", "kind": "membership", "group": "g", "member": "india", **SPAN, **FACT},
        {"id": "t", "kind": "tenure", "office": "pm", "holder": "p", **SPAN, **FACT},
        {
            "id": "e",
            "kind": "event",
            "event": "e",
            "date": "2024-08-20",
            "place": "p",
            "participants": ["india"],
            "series": "s",
            "ordinal": 1,
            **FACT,
        },
        {
            "id": "r",
            "kind": "relation",
            "subject": "a",
            "predicate": "calls",
            "object": "b",
            "name": "B",
            **SPAN,
            **FACT,
        },
        {
            "id": "p",
            "kind": "property",
            "subject": "a",
            "property": "island",
            "holds": False,
            "verified": "2024",
            **SPAN,
            **FACT,
        },
    ],
}


def _edits(doc: Any) -> Any:
    """Every single edit of ``doc``: each node replaced by each odd value, dropped, doubled."""
    for path in _paths(doc)[1:]:
        for how in ["delete", "unknown", *range(len(ODD))]:
            edited = copy.deepcopy(doc)
            parent = edited
            for step in path[:-1]:
                parent = parent[step]
            last = path[-1]
            if how == "delete":
                del parent[last]
            elif how == "unknown":
                if not isinstance(parent, dict):
                    continue
                parent[f"{last}_extra"] = parent[last]
            else:
                parent[last] = copy.deepcopy(ODD[how])
            yield edited


@pytest.mark.parametrize("doc", [FULL_CLAIMS, FULL_KB], ids=["claims", "kb"])
def test_every_single_edit_of_a_full_document_gets_the_same_verdict(doc):
    assert records.claim_file(doc) is not None or records.kb_file(doc) is not None
    refused = 0
    for edited in _edits(doc):
        _same_verdict(edited)
        refused += records.claim_file(edited) is None and records.kb_file(edited) is None
    assert refused > 1000  # the edits do break the document, in many places


def test_the_committed_records_module_matches_the_models():
    committed = Path(recordgen.TARGET).read_text(encoding="utf-8")
    assert committed == recordgen.render(), (
        "src/claimcheck/formats/records.py is stale: run `python -m claimcheck.formats.recordgen`"
    )


@settings(max_examples=150)
@given(doc=claim_files)
def test_valid_claim_files_build_the_same_records(doc):
    assert records.claim_file(doc) is not None
    _same_verdict(doc)


@settings(max_examples=150)
@given(doc=kb_files)
def test_generated_kb_files_get_the_same_verdict(doc):
    _same_verdict(doc)  # the model validators (a note, dates in order) refuse some


def _keys(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(node).union(*(_keys(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_keys(v) for v in node))
    return set()


@pytest.mark.parametrize(
    ("strategy", "key"),
    [
        (claim_files, "checked_by"),
        (claim_files, "checked_on"),
        (claim_files, "partial"),
        (claim_files, "archive"),
        (claim_files, "citation"),
        (kb_files, "verified"),
        (kb_files, "permanent"),
        (kb_files, "count"),
        (claim_files, "property"),
        (kb_files, "holds"),
    ],
)
def test_the_strategies_reach_the_fields_format_1_gained(strategy, key):
    from hypothesis import Phase, find

    # Generation only: shrinking the example found costs seconds and proves nothing more.
    quick = settings(max_examples=2000, phases=[Phase.generate], derandomize=True, database=None)
    found = find(strategy, lambda doc: key in _keys(doc), settings=quick)
    assert key in _keys(found)


@settings(max_examples=400)
@given(doc=mutated(claim_files))
def test_broken_claim_files_get_the_same_verdict(doc):
    _same_verdict(doc)


@settings(max_examples=400)
@given(doc=mutated(kb_files))
def test_broken_kb_files_get_the_same_verdict(doc):
    _same_verdict(doc)


def _documents() -> list[Path]:
    suffixes = (".yaml", ".yml", ".json")
    found = [p for p in (*FIXTURES.rglob("*"), *CLAIMS.rglob("*")) if p.suffix in suffixes]
    return sorted(p for p in found if p.is_file())


@pytest.mark.parametrize("path", _documents(), ids=lambda p: str(p.relative_to(p.parents[1])))
def test_every_fixture_gets_the_same_verdict(path):
    try:
        doc = load_document(str(path), path.read_bytes())
    except LoadError:
        return  # refused before validation: nothing to compare
    _same_verdict(doc.data)


def test_the_edges_pydantic_draws():
    article = {"id": "a", "title": "A", "publisher": "P", "published": "2024", "text": "a.txt"}
    # Strict pydantic still takes True and 1.0 for the literal version 1; so must the fast path.
    for version in (1, True, 1.0):
        built = records.claim_file({"claimcheck": version, "article": article})
        assert built is not None and built.claimcheck == 1
    for version in ("1", 2, False, None):
        assert records.claim_file({"claimcheck": version, "article": article}) is None
    assert records.claim_file({"claimcheck": 1, "article": {**article, 1: "x"}}) is None
    assert records.claim_file({"claimcheck": 1, "article": article, "entities": {1: {}}}) is None


def test_records_compare_copy_and_refuse_nothing_silently():
    source = records.Source(url="https://example.org")
    assert source == records.Source(url="https://example.org")
    assert source != records.Source(url="https://example.org/b")
    assert records.replace(source, title="T").title == "T" and source.title is None
    assert hash(source) == hash(records.Source(url="https://example.org"))
    with pytest.raises(AttributeError):
        source.other = 1  # type: ignore[attr-defined]


def test_records_survive_pickling_for_worker_processes():
    import pickle

    built = records.claim_file(FULL_CLAIMS)
    assert built is not None
    assert pickle.loads(pickle.dumps(built)) == built


def test_a_file_the_fast_path_refused_but_pydantic_accepts_still_gets_records(monkeypatch):
    """The safety net: a fast-path bug costs speed, never a wrong finding or a crash."""
    from claimcheck.formats.validate import claim_file

    doc = load_document("a.claims.json", json.dumps(FULL_CLAIMS).encode())
    expected = records.claim_file(doc.data)
    monkeypatch.setattr(records, "claim_file", lambda data: None)
    built, problems = claim_file(doc, "a.claims.json")
    assert problems == [] and built == expected


def _generate(model: type[BaseModel]) -> list[str]:
    gen = recordgen._Gen()
    return list(gen.validator(gen.top(model, model.model_json_schema())))


STRICT = ConfigDict(extra="forbid", strict=True)


@pytest.mark.parametrize(
    ("field", "refused"),
    [
        ((list[str], Field(max_length=3)), "maxItems"),  # a list's maximum: not translated
        ((float, ...), "float"),
        ((int | str, ...), "only X | None"),
        # Pydantic would change or check the value and the JSON Schema would not show it.
        ((Annotated[str, StringConstraints(strip_whitespace=True)], ...), "strip_whitespace"),
        ((Annotated[str, AfterValidator(str.strip)], ...), "AfterValidator"),
        ((str, Field(validation_alias=AliasChoices("a", "b"))), "AliasChoices"),
    ],
)
def test_the_generator_refuses_what_it_cannot_translate(field, refused):
    odd = create_model("Odd", __config__=STRICT, value=field)
    with pytest.raises(NotImplementedError, match=refused):
        _generate(odd)


class _Lax(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: str


class _Stripping(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True)
    value: str


class _Validated(BaseModel):
    model_config = STRICT
    value: str

    @field_validator("value")
    @classmethod
    def _no_spaces(cls, value: str) -> str:
        return value.replace(" ", "")


class _Checked(BaseModel):
    model_config = STRICT
    value: str

    @model_validator(mode="after")
    def _undeclared(self) -> _Checked:
        return self


@pytest.mark.parametrize(
    ("model", "refused"),
    [
        (_Lax, "only strict, closed models"),
        (_Stripping, "str_strip_whitespace"),
        (_Validated, "_Validated._no_spaces: declare it in CHECKS"),
        (_Checked, "_Checked._undeclared: declare it in CHECKS"),
    ],
)
def test_the_generator_refuses_a_model_whose_schema_does_not_say_it_all(model, refused):
    with pytest.raises(NotImplementedError, match=refused):
        _generate(model)


def test_the_generator_reads_no_pydantic_internals():
    """It reads the published JSON Schema and pydantic's public API, which stay put across
    releases; the core schema and ``pydantic._internal`` change in minor ones."""
    source = Path(recordgen.__file__).read_text(encoding="utf-8")
    for internal in (
        "__pydantic_",
        "pydantic._internal",
        "from pydantic_core",
        "import pydantic_core",
    ):
        assert internal not in source  # __pydantic_core_schema__, __pydantic_decorators__...
