"""Schema validation: pydantic's errors turned into findings at the right line and column.

A valid file never reaches pydantic: the compiled validators in ``records`` accept it and
build its records. Only a file they refuse is validated again by the pydantic models, whose
errors say what is wrong and where.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from claimcheck.core.diagnostics import SCHEMA
from claimcheck.core.findings import Finding, Location
from claimcheck.core.textnorm import lookalike_problems
from claimcheck.formats import records
from claimcheck.loader.document import MAX_PROBLEMS, Document, Pointer, pointer_str

if TYPE_CHECKING:
    from collections.abc import Callable

    from pydantic import BaseModel, ValidationError
    from pydantic_core import ErrorDetails


def claim_file(doc: Document, display: str) -> tuple[records.ClaimFile | None, list[Finding]]:
    """The claim file as records, or None and the schema findings."""
    return _validate(doc, display, records.claim_file, "models", "ClaimFile")


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


def _message(err: ErrorDetails, pointer: Pointer) -> str:
    field = str(pointer[-1]) if pointer else "document"
    kind = err["type"]
    if kind == "extra_forbidden":
        odd = lookalike_problems(field)
        if odd:
            return f"unknown field '{field}': it has {'; '.join(odd)}: retype it"
        return f"unknown field '{field}': check its spelling against the schema"
    if kind == "missing":
        return f"missing required field '{field}'"
    if kind == "union_tag_invalid":
        return f"{err['msg']}"
    msg = str(err["msg"]).removeprefix("Value error, ")
    return f"{field}: {msg}"


def schema_findings(doc: Document, exc: ValidationError, display: str) -> list[Finding]:
    findings = []
    errors = exc.errors(include_url=False, include_input=False)
    for n, err in enumerate(errors):
        pointer, exists = _pointer(doc.data, tuple(err["loc"]))
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
                message=_message(err, pointer),
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
