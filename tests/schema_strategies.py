"""Hypothesis strategies read from the published JSON Schema, and ways to break what they make.

The claim file schema (schema/claims-v1.json) is walked node by node, so documents follow
whatever the schema says today; only the date pattern gets a calendar-aware strategy, since
a regular expression cannot know that February has no 30th.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import yaml
from hypothesis import strategies as st

from claimcheck.core.dates import DATE_PATTERN
from claimcheck.formats.models import URL_PATTERN
from tests.conftest import SCHEMA_DIR

CLAIMS_SCHEMA: dict[str, Any] = json.loads(
    (SCHEMA_DIR / "claims-v1.json").read_text(encoding="utf-8")
)
REPORT_SCHEMA: dict[str, Any] = json.loads(
    (SCHEMA_DIR / "report-v2.json").read_text(encoding="utf-8")
)
ARTICLE_TEXT = "a.txt"

# Text an editor might type: letters of several scripts, digits, punctuation YAML cares
# about, and format characters such as bidi marks. No controls: the loader refuses those,
# and "valid" documents must stay valid.
CHARS = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"), max_codepoint=0x2FFFF
)
TEXT = st.text(CHARS, max_size=12)
IDS = st.sampled_from(["india", "brics", "china", "japan", "pm", "modi", "g20", "summit"])


# An http(s) address (a source's `archive`): printable ASCII only, as an editor pastes it;
# the pattern's \S alone would also draw control characters the loader refuses.
URLS = st.builds(
    "{}://{}".format,
    st.sampled_from(["http", "https"]),
    st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789-._~/%?=&#"), min_size=1),
)


def _date() -> st.SearchStrategy[str]:
    day = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
    return st.tuples(day, st.sampled_from([4, 7, 10])).map(lambda p: p[0].isoformat()[: p[1]])


def from_schema(node: dict[str, Any], defs: dict[str, Any]) -> st.SearchStrategy[Any]:
    """A strategy for the instances of one schema node (the subset our schemas use)."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return st.deferred(lambda: from_schema(defs[name], defs))
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    for key in ("oneOf", "anyOf"):
        if key in node:
            return st.one_of([from_schema(n, defs) for n in node[key]])
    kind = node.get("type")
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(min_value=node.get("minimum", -(10**6)), max_value=10**6)
    if kind == "string":
        pattern = node.get("pattern")
        if pattern == DATE_PATTERN:
            return _date()
        if pattern == URL_PATTERN:
            return URLS
        if pattern:
            return st.from_regex(pattern, fullmatch=True)
        low = node.get("minLength", 0)
        if "EntityId" in node.get("title", "") or node.get("maxLength") == 128:
            return IDS
        return st.text(CHARS, min_size=low, max_size=max(12, low))
    if kind == "array":
        items = from_schema(node.get("items", {}), defs)
        return st.lists(items, min_size=node.get("minItems", 0), max_size=3)
    if kind == "object":
        props = node.get("properties")
        if props is not None:
            required = set(node.get("required", ()))
            return st.fixed_dictionaries(
                {k: from_schema(v, defs) for k, v in props.items() if k in required},
                optional={k: from_schema(v, defs) for k, v in props.items() if k not in required},
            )
        extra = node.get("additionalProperties")
        if isinstance(extra, dict):
            return st.dictionaries(IDS, from_schema(extra, defs), max_size=3)
        return st.just({})
    raise NotImplementedError(f"schema node not handled: {sorted(node)}")


def _article_in_place(doc: dict[str, Any]) -> dict[str, Any]:
    doc["article"] = {**doc["article"], "text": ARTICLE_TEXT}
    return doc


def _unique_ids(doc: dict[str, Any]) -> dict[str, Any]:
    for i, claim in enumerate(doc.get("claims", [])):
        claim["id"] = f"c{i}-{claim['id']}"
    return doc


claim_files: st.SearchStrategy[dict[str, Any]] = (
    from_schema(CLAIMS_SCHEMA, CLAIMS_SCHEMA["$defs"]).map(_article_in_place).map(_unique_ids)
)


def to_yaml(doc: dict[str, Any]) -> str:
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10_000)


def to_json(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


HOSTILE_FRAGMENTS = [
    "a: &a [x, y]",
    "b: *a",
    "c: *undefined",
    "d: !!python/object/apply:os.system ['echo PWNED']",
    "e: !!python/name:os.system",
    "f: !include ../../etc/passwd",
    "g: !!binary aGVsbG8=",
    "%YAML 2.0",
    "%TAG ! tag:example.com,2000:",
    "---",
    "...",
    "? [complex, key]\n: value",
    "<<: {merged: true}",
    "\tindented: with a tab",
    "h: " + "[" * 80 + "]" * 80,
    "i: " + "{a: " * 70 + "1" + "}" * 70,
    "j: 'unterminated",
    'k: "\\ud800"',
    'l: "\\e[2J\\e[31m"',
    'm: "\\x00"',
    "\ufeffn: bom in the middle",
    "o: \x1b[31mraw escape",
    "p" * 1100 + ": long key",
    "q: 1\nq: 2",
    "r: " + "9" * 400,
    "s: .inf",
    "t: 1.0e400",
    "- a\n- b",
    "u: |\n  block\n   text",
    "v: >-\n folded",
    "w: a: b",
    ": :",
    "# only a comment",
    "x: \u202eevil\u202c",
    "claims: [{id: a, kind: membership}]",
    "claimcheck: 2",
    "article: {text: ../../../etc/passwd}",
    "article: {text: /etc/passwd}",
]
JSON_FRAGMENTS = ["NaN", "-Infinity", "1e400", "// c", "/* c */", ",", "]", "}", "'a'", '"\\ud800"']


def _edit(text: str, data: st.DataObject) -> str:
    """One small break an editor or an attacker could make."""
    lines = text.split("\n")
    where = data.draw(st.integers(0, len(lines)))
    how = data.draw(
        st.sampled_from(["drop", "repeat", "truncate", "insert", "char", "indent", "swap"])
    )
    if how == "drop" and where < len(lines):
        del lines[where]
    elif how == "repeat" and where < len(lines):
        lines.insert(where, lines[where])
    elif how == "truncate":
        return text[: data.draw(st.integers(0, len(text)))]
    elif how == "insert":
        lines.insert(where, data.draw(st.sampled_from(HOSTILE_FRAGMENTS + JSON_FRAGMENTS)))
    elif how == "char" and text:
        i = data.draw(st.integers(0, len(text) - 1))
        return text[:i] + data.draw(st.characters(codec="utf-8")) + text[i + 1 :]
    elif how == "indent" and where < len(lines):
        lines[where] = data.draw(st.sampled_from([" ", "  ", "\t", ""])) + lines[where].lstrip()
    elif how == "swap" and len(lines) > 1:
        other = data.draw(st.integers(0, len(lines) - 1))
        here = min(where, len(lines) - 1)
        lines[here], lines[other] = lines[other], lines[here]
    return "\n".join(lines)


def _data_edit(doc: Any, data: st.DataObject) -> Any:
    """Break the data, not the text: a wrong type, an unknown key, a missing field."""
    if not isinstance(doc, dict) or not doc:
        return doc
    key = data.draw(st.sampled_from(sorted(doc)))
    how = data.draw(st.sampled_from(["drop", "retype", "unknown", "descend"]))
    out = dict(doc)
    if how == "drop":
        del out[key]
    elif how == "retype":
        out[key] = data.draw(
            st.one_of(st.none(), st.booleans(), st.integers(), TEXT, st.just([]), st.just({}))
        )
    elif how == "unknown":
        out[key + "x"] = out[key]
    elif isinstance(out[key], dict):
        out[key] = _data_edit(out[key], data)
    elif isinstance(out[key], list) and out[key]:
        items = list(out[key])
        items[0] = _data_edit(items[0], data)
        out[key] = items
    return out


@st.composite
def mutated_documents(draw: st.DrawFn) -> tuple[str, str]:
    """``(suffix, text)``: a valid document, broken as data, as text, or both."""
    data = draw(st.data())
    doc = draw(claim_files)
    if draw(st.booleans()):
        doc = _data_edit(doc, data)
    suffix = draw(st.sampled_from([".claims.yaml", ".claims.json"]))
    text = to_yaml(doc) if suffix.endswith("yaml") else to_json(doc)
    for _ in range(draw(st.integers(0, 3))):
        text = _edit(text, data)
    return suffix, text


hostile_yaml = st.lists(
    st.one_of(st.sampled_from(HOSTILE_FRAGMENTS), TEXT), min_size=1, max_size=6
).map("\n".join)
