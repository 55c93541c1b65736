"""Generate ``records.py`` from the pydantic models: light classes and a compiled validator.

The pydantic models stay the single source of the file formats. This walks their core
schema (exactly what pydantic validates: strict, closed, lengths, patterns, literals, the
``kind`` discriminator, the date parser and the model validators) and writes straight-line
Python that accepts the same documents and builds slotted records, so that checking a valid
file never imports pydantic. `python -m claimcheck.formats.schema` rewrites it; a test fails
when the committed copy is stale.
"""

from __future__ import annotations

import inspect
import re
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from claimcheck.formats import kb_models, model_checks, models

TARGET = Path(__file__).with_name("records.py")
TOP = {"claim_file": models.ClaimFile, "kb_file": kb_models.KBFile}
CONSTANTS = {"SCHEMA_ID": models.SCHEMA_ID, "KB_SCHEMA_ID": kb_models.KB_SCHEMA_ID}
# Model validators the fast path knows, by the shared check each one calls.
AFTER: dict[Any, Callable[..., str | None]] = {
    kb_models._Fact._disputed_has_note: model_checks.disputed_without_note,
    kb_models._Interval._ordered: model_checks.end_before_start,
    kb_models._Lasting._permanent_alone: model_checks.permanent_dated,
}
# The keys of each core schema node the checks below translate; any other one is an error.
KNOWN = {
    "str": {"min_length", "max_length", "pattern"},
    "int": {"ge"},
    "bool": set(),
    "literal": {"expected"},
    "nullable": {"schema"},
    "list": {"items_schema", "min_length"},
    "dict": {"keys_schema", "values_schema"},
    "function-plain": {"function", "json_schema_input_schema", "serialization"},
    "function-after": {"function", "schema"},
    "model": {"cls", "config", "custom_init", "root_model", "schema"},
    "tagged-union": {"choices", "discriminator", "strict", "from_attributes"},
}
HEADER = '''"""GENERATED from models.py and kb_models.py by `python -m claimcheck.formats.schema`.

Light records for the rules, and validators that accept exactly what the pydantic models
accept, on the plain data the loader builds (dict, list, str, int, float, bool, None).
``claim_file`` and ``kb_file`` return None for a document the schema refuses: the caller then
asks pydantic for the detailed errors, so a valid file is checked without importing pydantic.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar, Literal, TypeVar

from claimcheck.core.dates import PartialDate
from claimcheck.formats.model_checks import {checks}

'''
RUNTIME = '''

class _SchemaError(ValueError):
    """The document breaks the schema somewhere; pydantic says where."""


class _Record:
    __slots__: tuple[str, ...] = ()

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and all(
            getattr(self, name) == getattr(other, name) for name in self.__slots__
        )

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, name) for name in self.__slots__))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


_R = TypeVar("_R", bound=_Record)


def replace(record: _R, **changes: Any) -> _R:
    """A copy of ``record`` with some fields changed (records are never changed in place)."""
    values = {name: getattr(record, name) for name in record.__slots__}
    return type(record)(**{**values, **changes})


# An archive repeats its dates ("accessed: 2026-11"): parse each once. Dates are immutable.
_DATES: dict[str, PartialDate] = {}
_new = object.__new__  # the validators fill records' slots without __init__'s keywords


def _date(value: Any) -> PartialDate:
    if type(value) is str:
        found = _DATES.get(value)
        if found is None:
            found = PartialDate.parse(value)
            if len(_DATES) >= 100_000:
                _DATES.clear()
            _DATES[value] = found
        return found
    if isinstance(value, PartialDate):
        return value
    raise _SchemaError
'''


def _unwrap(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    while node["type"] in ("definitions", "definition-ref"):
        if node["type"] == "definitions":
            defs.update({d["ref"]: d for d in node["definitions"]})
            node = node["schema"]
        else:
            node = defs[node["schema_ref"]]
    return node


class _Gen:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}
        self.classes: dict[str, tuple[type[BaseModel], dict[str, Any], list[Any]]] = {}
        self.unions: dict[str, tuple[str, dict[str, str]]] = {}  # alias -> tag, kind -> class
        self.patterns: dict[str, str] = {}
        self.sets: dict[tuple[str, ...], str] = {}
        self.literals, self.aliases = _named_types()

    # -- walking the core schema ------------------------------------------------------------

    def model(self, node: dict[str, Any]) -> str:
        """Register the model under ``node`` (with its validators); return its class name."""
        node = _unwrap(node, self.defs)
        after = []
        while node["type"] == "function-after":
            after.append(node["function"]["function"])
            node = _unwrap(node["schema"], self.defs)
        if node["type"] != "model":
            raise NotImplementedError(node["type"])
        cls = node["cls"]
        config = node["config"]
        if config.get("extra_fields_behavior") != "forbid" or config.get("strict") is not True:
            raise NotImplementedError(f"{cls.__name__}: only strict, closed models")
        if node.get("custom_init") or node.get("root_model") or "post_init" in node:
            raise NotImplementedError(f"{cls.__name__}: no custom __init__, root or post-init")
        known = self.classes.get(cls.__name__)
        if known is not None and known[0] is not cls:
            raise NotImplementedError(f"two models named {cls.__name__}: records need one")
        if known is None:
            fields = node["schema"]["fields"]
            for key, field in fields.items():
                odd = set(field) - {"type", "schema", "metadata", "validation_alias"}
                default = field["schema"]
                if default["type"] == "default":
                    odd |= set(default) - {"type", "schema", "default", "default_factory"}
                    if not default.get("default_factory_takes_data"):
                        odd.discard("default_factory_takes_data")
                if odd - {"serialization_alias"}:
                    raise NotImplementedError(f"{cls.__name__}.{key}: {sorted(odd)}")
            self.classes[cls.__name__] = (cls, fields, after[::-1])
            for field in fields.values():
                self.walk(field["schema"])
        return str(cls.__name__)

    def walk(self, node: dict[str, Any]) -> None:
        node = _unwrap(node, self.defs)
        kind = node["type"]
        if kind in ("model", "function-after"):
            self.model(node)
        elif kind == "tagged-union":
            self.union(node)
        for key in ("schema", "items_schema", "values_schema"):
            if key in node and kind not in ("model", "function-after"):
                self.walk(node[key])

    def union(self, node: dict[str, Any]) -> str:
        if not isinstance(node["discriminator"], str):
            raise NotImplementedError("only a plain discriminator key")
        choices = {tag: self.model(choice) for tag, choice in node["choices"].items()}
        for name, classes in self.aliases.items():
            if set(classes) == set(choices.values()):
                self.unions[name] = (node["discriminator"], choices)
                return name
        raise NotImplementedError(f"no union alias names {sorted(choices.values())}")

    # -- types -------------------------------------------------------------------------------

    def type_of(self, node: dict[str, Any]) -> str:
        node = _unwrap(node, self.defs)
        kind = node["type"]
        if kind in ("str", "int", "bool"):
            return str(kind)
        if kind == "literal":
            values = tuple(node["expected"])
            return self.literals.get(values) or f"Literal[{', '.join(map(_q, values))}]"
        if kind == "nullable":
            return f"{self.type_of(node['schema'])} | None"
        if kind == "default":
            return self.type_of(node["schema"])
        if kind == "list":
            return f"list[{self.type_of(node['items_schema'])}]"
        if kind == "dict":
            return f"dict[str, {self.type_of(node['values_schema'])}]"
        if kind in ("model", "function-after"):
            return self.model(node)
        if kind == "tagged-union":
            return self.union(node)
        if kind == "function-plain" and node["function"]["function"] is models._date:
            return "PartialDate"
        raise NotImplementedError(kind)

    # -- validation code ---------------------------------------------------------------------

    def check(self, node: dict[str, Any], var: str) -> tuple[list[str], str]:
        """Statements that refuse a bad ``var``, and the expression of its validated value."""
        node = _unwrap(node, self.defs)
        kind = node["type"]
        fail = "raise _SchemaError"
        unknown = set(node) - KNOWN.get(kind, set()) - {"type", "metadata", "ref"}
        if unknown:  # a constraint this generator would silently drop: teach it first
            raise NotImplementedError(f"{kind}: {sorted(unknown)}")
        if kind == "str":
            texts = [f"type({var}) is not str"]
            if node.get("min_length") == 1:
                texts.append(f"not {var}")
            elif node.get("min_length"):
                texts.append(f"len({var}) < {node['min_length']}")
            if node.get("max_length") is not None:
                texts.append(f"len({var}) > {node['max_length']}")
            if node.get("pattern"):
                texts.append(f"{self.pattern(node['pattern'])}({var}) is None")
            return _if(texts, fail), var
        if kind in ("int", "bool"):
            conds = [f"type({var}) is not {kind}"]
            if "ge" in node:
                conds.append(f"{var} < {node['ge']}")
            return _if(conds, fail), var
        if kind == "literal":
            values = node["expected"]
            if all(isinstance(v, str) for v in values):
                options = self.options(tuple(values))
                return _if([f"type({var}) is not str", f"{var} not in {options}"], fail), var
            if all(type(v) is int for v in values):  # strict pydantic still takes True, 1.0
                options = f"({', '.join(map(str, values))},)"
                conds = [f"type({var}) not in (int, bool, float)", f"{var} not in {options}"]
                return _if(conds, fail), f"int({var})"
            raise NotImplementedError(f"literal {values}")
        if kind == "nullable":
            lines, value = self.check(node["schema"], var)
            if value != var:
                lines.append(f"{var} = {value}")
            if len(lines) == 2 and lines[0].startswith("if ") and lines[1] == f"    {fail}":
                cond = lines[0][3:-1]
                cond = f"({cond})" if " or " in cond else cond
                return _if([f"{var} is not None and {cond}"], fail), var
            return ([f"if {var} is not None:", *_indent(lines)] if lines else []), var
        if kind in ("model", "function-after", "tagged-union"):
            return [], f"_{_snake(self.type_of(node))}({var})"
        if kind == "function-plain":
            self.type_of(node)  # refuses any function but the date parser
            return [], f"_date({var})"
        if kind == "list":
            conds = [f"type({var}) is not list"]
            if node.get("min_length"):
                conds.append(f"len({var}) < {node['min_length']}")
            lines, value = self.check(node["items_schema"], "item")
            if value == "item":
                loop = [f"for item in {var}:", *_indent(lines)] if lines else []
                return _if(conds, fail) + loop, var
            if lines:
                raise NotImplementedError("a list item both checked and converted")
            return _if(conds, fail), f"[{value} for item in {var}]"
        if kind == "dict":
            keys, key_value = self.check(node["keys_schema"], "key")
            lines, value = self.check(node["values_schema"], "item")
            if key_value != "key" or lines:
                raise NotImplementedError("dict keys or values of this kind")
            loop = [f"for key in {var}:", *_indent(keys)]
            return _if([f"type({var}) is not dict"], fail) + loop, (
                f"{{key: {value} for key, item in {var}.items()}}"
            )
        raise NotImplementedError(kind)

    def options(self, values: tuple[str, ...]) -> str:
        """The name of a set of allowed texts: one quoted text, or a module constant."""
        if len(values) == 1:
            return f"({_q(values[0])},)"
        if values not in self.sets:
            name = self.literals.get(values)
            unnamed = sum(1 for v in self.sets.values() if v.startswith("_OPTIONS"))
            self.sets[values] = f"_{_snake(name).upper()}" if name else f"_OPTIONS_{unnamed + 1}"
        return self.sets[values]

    def pattern(self, pattern: str) -> str:
        if not (pattern.startswith("^") and pattern.endswith("$")):
            raise NotImplementedError(f"pattern {pattern!r}: only anchored ones")
        if pattern not in self.patterns:
            self.patterns[pattern] = f"_PATTERN_{len(self.patterns) + 1}"
        return self.patterns[pattern]

    # -- output ------------------------------------------------------------------------------

    def record(self, name: str) -> Iterator[str]:
        cls, fields, _ = self.classes[name]
        constants, slots = [], []
        for key, field in fields.items():
            node = _unwrap(field["schema"], self.defs)
            if node["type"] == "literal" and len(node["expected"]) == 1:
                constants.append((key, node["expected"][0]))
            else:
                slots.append((key, node))
        yield f"class {name}(_Record):"
        doc = cls.__dict__.get("__doc__")
        if doc:
            yield f'    """{doc}"""'
            yield ""
        names = sorted(_q(k) for k, _ in slots)
        yield from _layout("    ", "__slots__ = (", names, ")", one=",", hug=False)
        for key, value in constants:
            yield f"    {key}: ClassVar[Literal[{_q(value)}]] = {_q(value)}"
        for key, node in slots:
            yield f"    {key}: {self.type_of(node)}"
        yield ""
        params = []
        body = []
        for key, node in slots:
            typ = self.type_of(node)
            if node["type"] != "default":
                params.append(f"{key}: {typ}")
                body.append(f"self.{key} = {key}")
            elif "default_factory" in node:
                empty = {list: "[]", dict: "{}"}[node["default_factory"]]
                params.append(f"{key}: {typ} | None = None")
                body.append(f"self.{key} = {empty} if {key} is None else {key}")
            else:
                params.append(f"{key}: {typ} = {_q(node['default'])}")
                body.append(f"self.{key} = {key}")
        yield from _layout("    ", "def __init__(", ["self", "*", *params], ") -> None:")
        yield from (f"        {line}" for line in body)

    def validator(self, name: str) -> Iterator[str]:
        _, fields, after = self.classes[name]
        keys = [field.get("validation_alias", key) for key, field in fields.items()]
        required = [
            field.get("validation_alias", key)
            for key, field in fields.items()
            if field["schema"]["type"] != "default"
        ]
        const = f"_{_snake(name).upper()}_KEYS"
        yield from _layout("", f"{const} = {{", [_q(k) for k in keys], "}", hug=False)
        if required:
            quoted = [_q(k) for k in required]
            yield from _layout("", f"{const}_REQUIRED = {{", quoted, "}", hug=False)
        yield ""
        yield ""
        yield f"def _{_snake(name)}(data: Any) -> {name}:"
        conds = ["type(data) is not dict", f"not data.keys() <= {const}"]
        if required:
            conds.append(f"not data.keys() >= {const}_REQUIRED")
        yield from _indent(_if(conds, "raise _SchemaError"))
        args = []
        for key, field in fields.items():
            alias = _q(field.get("validation_alias", key))
            node = _unwrap(field["schema"], self.defs)
            if node["type"] == "literal" and len(node["expected"]) == 1:
                lines, _ = self.check(node, f"data[{alias}]")
                yield from _indent(lines)
                continue
            var = f"{key}_"
            typed = var
            bare = _unwrap(node["schema"], self.defs) if node["type"] == "default" else node
            if bare["type"] == "nullable":
                bare = _unwrap(bare["schema"], self.defs)
            if bare["type"] == "literal":  # the check narrows to str; mypy wants the Literal
                typed = f"{var}: {self.type_of(node)}"
            if node["type"] != "default":
                yield f"    {typed} = data[{alias}]"
            elif "default_factory" in node:
                empty = {list: "[]", dict: "{}"}[node["default_factory"]]
                yield f"    {typed} = data.get({alias}, {empty})"
            else:
                yield f"    {typed} = data.get({alias}, {_q(node['default'])})"
            inner = node["schema"] if node["type"] == "default" else node
            lines, value = self.check(inner, var)
            yield from _indent(lines)
            if value != var:
                yield f"    {var} = {value}"
            args.append(f"    record.{key} = {var}")
        yield f"    record = _new({name})"
        yield from args
        if not after:
            yield "    return record"
            return
        for function in after:
            check = AFTER[function]  # KeyError: a new validator the fast path must learn
            params = inspect.signature(check).parameters
            got = ", ".join(f"record.{p}" for p in params)
            yield f"    if {check.__name__}({got}) is not None:"
            yield "        raise _SchemaError"
        yield "    return record"

    def union_validator(self, name: str) -> Iterator[str]:
        tag, choices = self.unions[name]
        table = f"_{_snake(name).upper()}_KINDS"
        yield f"{table}: dict[str, Any] = {{"
        for value, cls in choices.items():
            yield f"    {_q(value)}: _{_snake(cls)},"
        yield "}"
        yield ""
        yield ""
        yield f"def _{_snake(name)}(data: Any) -> {name}:"
        yield f"    tag = data.get({_q(tag)}) if type(data) is dict else None"
        yield "    if type(tag) is not str or tag not in " + f"{table}:"
        yield "        raise _SchemaError"
        yield f"    record: {name} = {table}[tag](data)"
        yield "    return record"

    def render(self) -> str:
        for model in TOP.values():
            self.model(getattr(model, "__pydantic_core_schema__"))  # noqa: B009 - untyped
        code = {name: list(self.validator(name)) for name in self.classes}
        checks = sorted({AFTER[f].__name__ for _, _, after in self.classes.values() for f in after})
        out = [HEADER.format(checks=", ".join(checks)).rstrip("\n"), ""]
        out += [f"{k} = {_q(v)}" for k, v in CONSTANTS.items()]
        out += [""]
        for values, alias in sorted(self.literals.items(), key=lambda kv: kv[1]):
            out += _layout("", f"{alias} = Literal[", [_q(v) for v in values], "]", hug=False)
        for pattern, constant in self.patterns.items():
            out.append(f"{constant} = re.compile({_q(pattern[1:-1] + chr(92) + 'Z')}).match")
        for values, constant in self.sets.items():
            out += _layout("", f"{constant} = {{", [_q(v) for v in values], "}", hug=False)
        out += RUNTIME.rstrip("\n").split("\n")
        for cls in self.classes:
            out += ["", "", *self.record(cls)]
        for alias, (_, choices) in self.unions.items():
            out += ["", "", f"{alias} = {' | '.join(choices.values())}"]
        for cls in self.classes:
            out += ["", "", *code[cls]]
        for alias in self.unions:
            out += ["", "", *self.union_validator(alias)]
        for function, model in TOP.items():
            name = model.__name__
            out += [
                "",
                "",
                f"def {function}(data: Any) -> {name} | None:",
                '    """The document as records, or None when the schema refuses it."""',
                "    try:",
                f"        return _{_snake(name)}(data)",
                "    except ValueError:  # _SchemaError, or a date PartialDate.parse refused",
                "        return None",
            ]
        return "\n".join(part for line in out for part in _reflow(line)) + "\n"


def _named_types() -> tuple[dict[tuple[Any, ...], str], dict[str, tuple[str, ...]]]:
    """The Literal aliases (Weekday, Predicate...) and discriminated unions the models name."""
    literals: dict[tuple[Any, ...], str] = {}
    unions: dict[str, tuple[str, ...]] = {}
    for module in (models, kb_models):
        for name, value in vars(module).items():
            if typing.get_origin(value) is typing.Literal and not name.startswith("_"):
                literals.setdefault(typing.get_args(value), name)
            elif typing.get_origin(value) is typing.Annotated:
                inner = typing.get_args(value)[0]
                members = typing.get_args(inner)
                if members and all(_is_model(m) for m in members):
                    unions[name] = tuple(m.__name__ for m in members)
    return literals, unions


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _q(value: Any) -> str:
    text = repr(value)
    if isinstance(value, str) and '"' not in value:
        text = '"' + text[1:-1].replace("\\'", "'") + '"'
    return text


def _snake(name: str) -> str:
    """KBEntity -> kb_entity, MembershipClaim -> membership_claim."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


def _if(conds: list[str], then: str) -> list[str]:
    return [f"if {' or '.join(conds)}:", f"    {then}"]


def _reflow(line: str) -> list[str]:
    """A long ``if a or b:`` laid out as ruff format would: split inside parentheses."""
    indent = line[: len(line) - len(line.lstrip())]
    if len(line) <= 100 or not line.lstrip().startswith("if ") or not line.endswith(":"):
        return [line]
    inner = line.strip()[3:-1]
    if len(indent) + 4 + len(inner) <= 100:
        return [f"{indent}if (", f"{indent}    {inner}", f"{indent}):"]
    conds = inner.split(" or ")
    ors = [conds[0], *(f"or {c}" for c in conds[1:])]
    return [f"{indent}if (", *(f"{indent}    {c}" for c in ors), f"{indent}):"]


def _layout(
    indent: str, head: str, items: list[str], tail: str, *, one: str = "", hug: bool = True
) -> list[str]:
    """``head item, item tail`` on one line, else split inside the brackets as ruff does:
    a call's arguments on one line of their own when they fit (``hug``), else one a line.

    ``one`` is what a lone item needs after it (the comma of a one-item tuple).
    """
    joined = ", ".join(items) + (one if len(items) == 1 else "")
    line = f"{indent}{head}{joined}{tail}"
    if len(line) <= 100:
        return [line]
    if hug and len(indent) + 4 + len(joined) <= 100:
        return [f"{indent}{head}", f"{indent}    {joined}", f"{indent}{tail}"]
    return [f"{indent}{head}", *(f"{indent}    {item}," for item in items), f"{indent}{tail}"]


def _indent(lines: list[str]) -> list[str]:
    return [f"    {line}" for line in lines]


def render() -> str:
    return _Gen().render()


def write() -> None:
    TARGET.write_text(render(), encoding="utf-8")


if __name__ == "__main__":
    write()
