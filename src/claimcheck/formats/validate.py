"""Schema validation: pydantic's errors turned into findings at the right line and column.

A valid file never reaches pydantic: the compiled validators in ``records`` accept it and
build its records. Only a file they refuse is validated again by the pydantic models, whose
errors say what is wrong and where.
"""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING, Any

from claimcheck.core.diagnostics import SCHEMA
from claimcheck.core.findings import Finding, Location
from claimcheck.core.textnorm import lookalike_problems
from claimcheck.formats import records
from claimcheck.loader.document import MAX_PROBLEMS, Document, Pointer, pointer_str

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from pydantic import BaseModel, ValidationError
    from pydantic_core import ErrorDetails


def claim_file(doc: Document, display: str) -> tuple[records.ClaimFile | None, list[Finding]]:
    """The claim file as records, or None and the schema findings."""
    return _validate(doc, display, records.claim_file, "models", "ClaimFile")


class Partial:
    """A claim file without its invalid claims: checked so that one bad claim hides nothing.

    ``doc`` answers positions and ``keep`` maps pointers back to the whole file's: claim
    ``i`` of ``model`` is claim ``keep[i]`` of the file. A plain record: a dataclass costs
    every cold start half a millisecond.
    """

    __slots__ = ("doc", "keep", "model")

    def __init__(self, doc: Document, model: records.ClaimFile, keep: tuple[int, ...]) -> None:
        self.doc = doc
        self.model = model
        self.keep = keep

    def pointer(self, text: str) -> str:
        """A finding's JSON pointer into the trimmed file, as a pointer into the whole file."""
        head, sep, rest = text.removeprefix("/claims/").partition("/")
        if not text.startswith("/claims/") or not head.isdigit() or int(head) >= len(self.keep):
            return text
        return f"/claims/{self.keep[int(head)]}{sep}{rest}"


def valid_claims(doc: Document, problems: list[Finding]) -> Partial | None:
    """The file without the claims ``problems`` are in, when the rest of it is valid.

    Every problem must lie inside one claim (else the article or the entities are wrong,
    and no claim can be checked against them); the claims left must pass the generated
    validator, the same fast path as a valid file.
    """
    data = doc.data
    claims = data.get("claims") if isinstance(data, dict) else None
    if not isinstance(claims, list):
        return None
    bad = set()
    for f in problems:
        head, _, _ = f.pointer.removeprefix("/claims/").partition("/")
        if not f.pointer.startswith("/claims/") or not head.isdigit():
            return None
        bad.add(int(head))
    keep = tuple(i for i in range(len(claims)) if i not in bad)
    trimmed = {**data, "claims": [claims[i] for i in keep]}
    model = records.claim_file(trimmed)
    if model is None:
        return None

    def find(pointer: Pointer, key: bool) -> tuple[int, int]:
        if (
            len(pointer) >= 2
            and pointer[0] == "claims"
            and isinstance(pointer[1], int)
            and pointer[1] < len(keep)
        ):
            pointer = ("claims", keep[pointer[1]], *pointer[2:])
        return doc.position(pointer, key=key)

    return Partial(Document(doc.path, trimmed, doc.text, _find=find), model, keep)


def kb_file(doc: Document, display: str) -> tuple[records.KBFile | None, list[Finding]]:
    """The knowledge base file as records, or None and the schema findings."""
    return _validate(doc, display, records.kb_file, "kb_models", "KBFile")


def _validate(
    doc: Document, display: str, fast: Callable[[Any], Any], module: str, name: str
) -> tuple[Any, list[Finding]]:
    built = fast(doc.data)
    if built is not None:
        return built, []
    # lazy: start-up (pydantic: a valid file is checked by the generated records alone)
    from pydantic import ValidationError

    model: type[BaseModel] = getattr(importlib.import_module(f"claimcheck.formats.{module}"), name)
    try:
        checked = model.model_validate(doc.data)
    except ValidationError as exc:
        return None, schema_findings(doc, exc, display)
    return as_records(checked), []  # the fast path refused a valid file: never, by its tests


def as_records(value: Any) -> Any:
    """A pydantic model's content as the records of the same names."""
    # lazy: start-up (pydantic: only a file the records refused has models to convert)
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        cls = getattr(records, type(value).__name__)
        return cls(**{name: as_records(getattr(value, name)) for name in cls.__slots__})
    if isinstance(value, list):
        return [as_records(v) for v in value]
    if isinstance(value, dict):
        return {k: as_records(v) for k, v in value.items()}
    return value


def _pointer(data: Any, loc: tuple[Any, ...]) -> tuple[Pointer, bool]:
    """Follow pydantic's ``loc`` through the data, dropping union tags that are not keys.

    Returns the pointer and whether its last step names a key that exists.
    """
    out: list[str | int] = []
    node = data
    exists = True
    tagged: object = None
    for step in loc:
        if isinstance(node, dict):
            if node.get("kind") == step and tagged is not node:
                tagged = node  # discriminated union: pydantic puts the tag in loc once
                continue
            if step in node:
                out.append(step)
                node = node[step]
                continue
            out.append(step)
            exists = False
            node = None
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            out.append(step)
            node = node[step]
        else:
            if isinstance(step, (str, int)):
                out.append(step)
            exists = False
            node = None
    return tuple(out), exists


_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    )
}


def _value(data: Any, pointer: Pointer) -> Any:
    node = data
    for step in pointer:
        inside = isinstance(node, dict) and step in node
        if isinstance(node, list) and isinstance(step, int):
            inside = 0 <= step < len(node)
        if not inside:
            return None
        node = node[step]
    return node


def _spans_lines(doc: Document, pointer: Pointer, value: str) -> bool:
    """Whether a text value was written over several lines (list items without dashes)."""
    line, col = doc.position(pointer)
    lines = doc.text.splitlines()
    return 0 < line <= len(lines) and value.rsplit(maxsplit=1)[-1] not in lines[line - 1][col - 1 :]


def _comma_hint(doc: Document, pointer: Pointer, field: str) -> str:
    """For `{name: Washington, D.C.}`: the comma ended the value; quote the value."""
    line, col = doc.position(pointer, key=True)
    lines = doc.text.splitlines()
    if not 0 < line <= len(lines):
        return ""
    before = lines[line - 1][: col - 1].rstrip()
    if not before.endswith(","):
        return ""
    previous = before[:-1].rsplit(":", 1)
    if len(previous) != 2 or "{" not in lines[line - 1][: col - 1]:
        return ""
    value = previous[1].strip()
    return (
        f": inside {{...}} a comma separates fields, so '{field}' was read as a field; if "
        f'the comma belongs to the value, quote it: "{value}, {field}"'
    )


@functools.cache
def _field_sets() -> tuple[frozenset[str], ...]:
    """The field names of each claim and KB model: the candidates of a did-you-mean."""
    # lazy: start-up (pydantic: only a file that broke the schema gets here)
    from pydantic import BaseModel

    sets: set[frozenset[str]] = set()
    for module in ("models", "kb_models"):
        for obj in vars(importlib.import_module(f"claimcheck.formats.{module}")).values():
            if isinstance(obj, type) and issubclass(obj, BaseModel):
                sets.add(frozenset(obj.model_fields))
    return tuple(sorted(sets, key=sorted))


def _fields_beside(keys: set[str]) -> list[str]:
    """The fields of the models that best explain ``keys`` (the mapping's other fields).

    A suggestion must be a field allowed where the misspelt one stands: 'country' at the top
    of a file is not 'count', which only a claim has. With no known field beside it, nothing
    is suggested.
    """
    scored = [(len(keys & fields), fields) for fields in _field_sets()]
    best = max((score for score, _ in scored), default=0)
    if best == 0:
        return []
    return sorted(set().union(*(fields for score, fields in scored if score == best)))


def _did_you_mean(word: str, candidates: Sequence[str]) -> str | None:
    # lazy: start-up (difflib: only a file that broke the schema asks for a near miss)
    import difflib

    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.7)
    return close[0] if close else None


def _message(
    err: ErrorDetails, pointer: Pointer, doc: Document, missing: set[Pointer] | None = None
) -> str:
    """What is wrong, in the words of someone writing the file, and what to write instead."""
    field = str(pointer[-1]) if pointer else "document"
    kind = err["type"]
    value = _value(doc.data, pointer)
    if kind == "extra_forbidden":
        odd = lookalike_problems(field)
        if odd:
            return f"unknown field '{field}': it has {'; '.join(odd)}: retype it"
        if value is None:
            hint = _comma_hint(doc, pointer, field)
            if hint:
                return f"unknown field '{field}'{hint}"
        siblings = [str(p[-1]) for p in missing or () if p[:-1] == pointer[:-1]]
        mapping = _value(doc.data, pointer[:-1])
        beside = set(mapping) - {field} if isinstance(mapping, dict) else set()
        near = _did_you_mean(field, siblings) or _did_you_mean(field, _fields_beside(beside))
        if near is not None and near != field:
            return f"unknown field '{field}': did you mean '{near}'?"
        return f"unknown field '{field}': check its spelling against the schema"
    if kind == "missing":
        if field == "sources" and pointer[:1] == ("facts",):  # a claim's may be left out
            return (
                "missing required field 'sources': every fact needs at least one source a "
                "reader can find again (a `url`, or a `citation` when there is none)"
            )
        return f"missing required field '{field}'"
    if kind == "union_tag_invalid":
        ctx = err.get("ctx") or {}
        tag = str(ctx.get("tag", value))
        expected = [t.strip(" '") for t in str(ctx.get("expected_tags", "")).split(",")]
        near = _did_you_mean(tag, expected)
        hint = f"did you mean '{near}'? " if near else ""
        return f"unknown {field} '{tag}': {hint}the kinds are {', '.join(expected)}"
    if kind == "list_type":
        if isinstance(value, str) and value.strip() and _spans_lines(doc, pointer, value):
            first = value.split()[0]
            return (
                f"{field}: these lines are one text, not a list: start each item on its own "
                f"line with a dash, as in `- {first}`"
            )
        shown = ", ".join(value.split()) if isinstance(value, str) and value.strip() else "..."
        return f"{field}: write a list, as in `{field}: [{shown}]`, or one `- item` per line"
    if kind in ("model_type", "dict_type") and len(pointer) >= 2 and pointer[-2] == "aliases":
        shown = value if isinstance(value, str) else "..."
        return (
            f"aliases: in a knowledge base each alias is a mapping, not text: write "
            f"`- {{name: {shown}}}` (with `used_by` and `sources` when only some use it)"
        )
    if kind == "bool_type":
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return f"{field}: write {value.lower()} without quotes (quoted, it is text)"
        return f"{field}: write true or false (yes, no, on and off are text in a claim file)"
    if kind == "int_type":
        if isinstance(value, str) and value.strip().isdigit():
            return f"{field}: write {value.strip()} without quotes (quoted, it is text)"
        number = _NUMBER_WORDS.get(str(value).strip().lower()) if value is not None else None
        example = number if number is not None else 4
        return f"{field}: write a whole number in digits, as in `{field}: {example}`"
    msg = str(err["msg"]).removeprefix("Value error, ")
    return f"{field}: {msg}"


def schema_findings(doc: Document, exc: ValidationError, display: str) -> list[Finding]:
    findings = []
    errors = exc.errors(include_url=False, include_input=False)
    located = [_pointer(doc.data, tuple(err["loc"])) for err in errors]
    missing = {p for (p, _), err in zip(located, errors, strict=True) if err["type"] == "missing"}
    # A missing field that an unknown field beside it misspells is said once, by that one.
    explained = set()
    for (p, _), err in zip(located, errors, strict=True):
        if err["type"] == "extra_forbidden":
            near = _did_you_mean(str(p[-1]), [str(m[-1]) for m in missing if m[:-1] == p[:-1]])
            if near is not None:
                explained.add((*p[:-1], near))
    for n, err in enumerate(errors):
        pointer, exists = located[n]
        if err["type"] == "union_tag_invalid":  # said at the tag itself: `kind: membrship`
            pointer = (*pointer, "kind")
        if err["type"] == "missing" and pointer in explained:
            continue
        if n == MAX_PROBLEMS:  # a flood (a hostile file, a wrong file) says enough by now
            line, col = doc.position(pointer)
            message = f"{len(errors) - n:,} more schema problems not shown: fix these first"
            findings.append(
                Finding(SCHEMA.id, SCHEMA.severity, message, Location(display, line, col))
            )
            break
        if err["type"] == "missing" or not exists:
            line, col = doc.position(pointer[:-1])
        else:
            line, col = doc.position(pointer, key=err["type"] == "extra_forbidden")
        findings.append(
            Finding(
                rule_id=SCHEMA.id,
                severity=SCHEMA.severity,
                message=_message(err, pointer, doc, missing),
                location=Location(display, line, col),
                pointer=pointer_str(pointer),
                claim_id=_claim_id(doc.data, pointer),
            )
        )
    return findings


def _claim_id(data: Any, pointer: Pointer) -> str | None:
    if len(pointer) >= 2 and pointer[0] == "claims" and isinstance(pointer[1], int):
        claims = data.get("claims") if isinstance(data, dict) else None
        if isinstance(claims, list) and pointer[1] < len(claims):
            claim = claims[pointer[1]]
            claim_id = claim.get("id") if isinstance(claim, dict) else None
            if isinstance(claim_id, str):
                return claim_id
    return None
