"""Generate ``records.py`` from the published JSON Schemas: light classes and a compiled validator.

The pydantic models are the one declaration of the file formats, and ``schema/claims-v1.json``
and ``schema/kb-v1.json`` come from them through pydantic's public ``model_json_schema``. This
translates those schemas (closed objects, types, lengths, patterns, enums, the ``kind``
discriminator), read with pydantic's strict rules, into straight-line Python that accepts the
same documents and builds slotted records, so that checking a valid file never imports
pydantic. What a JSON Schema cannot say is declared here by name: a string of the date
pattern is parsed by ``PartialDate.parse``, and ``CHECKS`` names the model validators and the
shared checks they call. A guard reads the models' public API (``model_config``,
``model_fields``, the class bodies) and refuses whatever else pydantic would do that the
schema does not show (a transforming constraint, a validator, an unknown type). Nothing here
reads pydantic's internals. `python -m claimcheck.formats.recordgen` rewrites ``records.py``; a
test fails when the committed copy is stale.
"""

from __future__ import annotations

import inspect
import re
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from claimcheck.core.dates import DATE_PATTERN, PartialDate
from claimcheck.formats import kb_models, model_checks, models, schema

TARGET = Path(__file__).with_name("records.py")
TOP: dict[str, tuple[type[BaseModel], Callable[[], dict[str, Any]]]] = {
    "claim_file": (models.ClaimFile, schema.claims_schema),
    "kb_file": (kb_models.KBFile, schema.kb_schema),
}
CONSTANTS = {"SCHEMA_ID": models.SCHEMA_ID, "KB_SCHEMA_ID": kb_models.KB_SCHEMA_ID}
# The model validators (cross-field checks, which a JSON Schema cannot say), by the model and
# method that declare them, and the shared check each one calls. The guard stops the
# generator at any other method of a model: the fast path would not know it.
CHECKS: dict[tuple[type[BaseModel], str], Callable[..., str | None]] = {
    (kb_models._Fact, "_disputed_has_note"): model_checks.disputed_without_note,
    (kb_models._Interval, "_ordered"): model_checks.end_before_start,
    (kb_models._Interval, "_end_once"): model_checks.end_twice,
    (kb_models._Lasting, "_permanent_alone"): model_checks.permanent_dated,
}
# The schema's keywords each kind of node may carry; any other one is an error, never dropped.
# A string of the date pattern is a ``models.Date``: the parser decides, the pattern documents.
KNOWN = {
    "string": {"type", "minLength", "maxLength", "pattern"},
    "date": {"type", "pattern"},
    "integer": {"type", "minimum"},
    "boolean": {"type"},
    "literal": {"type", "const", "enum"},
    "nullable": {"anyOf"},
    "array": {"type", "items", "minItems"},
    "dict": {"type", "additionalProperties"},
    "ref": {"$ref"},
    "union": {"oneOf", "discriminator"},
}
ANNOTATIONS = {"title", "description", "default"}  # they document; ``default`` is read apart
OBJECT = {"type", "properties", "required", "additionalProperties", "$id", "$defs", "$schema"}
# What model_config may say: each of these is visible in the schema or changes nothing here.
CONFIG = {"extra", "strict", "frozen", "title", "json_schema_extra"}
# Methods that would change validation without showing in the schema.
OVERRIDES = {
    "__init__",
    "__new__",
    "__setattr__",
    "__get_pydantic_core_schema__",
    "__get_pydantic_json_schema__",
    "model_post_init",
}
HEADER = '''"""GENERATED from models.py and kb_models.py: `python -m claimcheck.formats.recordgen`.

Light records for the rules, and validators that accept exactly what the pydantic models
accept, on the plain data the loader builds (dict, list, str, int, float, bool, None).
``claim_file`` and ``kb_file`` return None for a document the schema refuses: the caller then
asks pydantic for the detailed errors, so a valid file is checked without importing pydantic.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar, Literal, TypeVar

from claimcheck.core.dates import PartialDate
{checks}

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


class _Field(NamedTuple):
    name: str  # the record's attribute: the model's field name
    key: str  # the document's key: the field's alias, as the schema names it
    node: dict[str, Any]
    default: str | None  # the default as Python text; None when the key is required
    factory: bool  # the default is a new empty container for each record


def _kind(node: dict[str, Any]) -> str:
    """Which of the ``KNOWN`` kinds a schema node is (a model is reached through ``$ref``)."""
    if "$ref" in node:
        return "ref"
    if "oneOf" in node:
        return "union"
    if "anyOf" in node:
        return "nullable"
    if "const" in node or "enum" in node:
        return "literal"
    kind = node.get("type")
    if kind == "string" and node.get("pattern") == DATE_PATTERN:
        return "date"
    return "dict" if kind == "object" else str(kind)


def _inner(node: dict[str, Any]) -> dict[str, Any]:
    """The schema of ``X | None``, without the None."""
    options = node["anyOf"]
    if len(options) != 2 or options[1] != {"type": "null"}:
        raise NotImplementedError(f"anyOf {options}: only X | None")
    inner: dict[str, Any] = options[0]
    return inner


def _values(node: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(node["enum"]) if "enum" in node else (node["const"],)


class _Gen:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}
        self.models = {cls.__name__: cls for cls in _declared_models()}
        self.classes: dict[str, tuple[type[BaseModel], list[_Field], list[Any]]] = {}
        self.unions: dict[str, tuple[str, dict[str, str]]] = {}  # alias -> tag, kind -> class
        self.patterns: dict[str, str] = {}
        self.sets: dict[tuple[str, ...], str] = {}
        self.literals, self.aliases = _named_types()

    # -- walking the JSON Schema -------------------------------------------------------------

    def top(self, cls: type[BaseModel], document: dict[str, Any]) -> str:
        """Register the model of a whole schema document; return its class name."""
        for name, node in document.get("$defs", {}).items():
            if self.defs.setdefault(name, node) != node:
                raise NotImplementedError(f"two schemas define {name} differently")
        if self.models.setdefault(cls.__name__, cls) is not cls:
            raise NotImplementedError(f"two models named {cls.__name__}: records need one")
        return self.model(cls, document)

    def model(self, cls: type[BaseModel], node: dict[str, Any]) -> str:
        """Register ``cls``, whose schema is ``node`` (and its fields' models); return its name."""
        name = cls.__name__
        if name in self.classes:
            return name
        odd = set(node) - OBJECT - ANNOTATIONS
        if odd or node.get("type") != "object" or node.get("additionalProperties") is not False:
            raise NotImplementedError(f"{name}: only closed objects, not {sorted(odd)}")
        _guard(cls)
        fields = list(_fields(cls, node))
        checks = [check for (owner, _), check in CHECKS.items() if issubclass(cls, owner)]
        self.classes[name] = (cls, fields, checks)
        for field in fields:
            self.walk(field.node)
        return name

    def ref(self, node: dict[str, Any]) -> str:
        name = node["$ref"].removeprefix("#/$defs/")
        if name not in self.models or name not in self.defs:
            raise NotImplementedError(f"$ref {node['$ref']}: no model of that name")
        return self.model(self.models[name], self.defs[name])

    def walk(self, node: dict[str, Any]) -> None:
        kind = _kind(node)
        if kind == "ref":
            self.ref(node)
        elif kind == "union":
            self.union(node)
        elif kind == "nullable":
            self.walk(_inner(node))
        elif kind == "array":
            self.walk(node["items"])
        elif kind == "dict" and isinstance(node.get("additionalProperties"), dict):
            self.walk(node["additionalProperties"])

    def union(self, node: dict[str, Any]) -> str:
        discriminator = node.get("discriminator", {})
        tag = discriminator.get("propertyName")
        if not isinstance(tag, str) or set(discriminator) - {"propertyName", "mapping"}:
            raise NotImplementedError("only a union with a discriminator key")
        choices: dict[str, str] = {}
        for option in node["oneOf"]:
            if set(option) != {"$ref"}:
                raise NotImplementedError("only a union of models")
            name = self.ref(option)
            const = self.defs[name]["properties"].get(tag, {})
            values = _values(const) if _kind(const) == "literal" else ()
            if len(values) != 1 or not isinstance(values[0], str):
                raise NotImplementedError(f"{name}.{tag}: not one text, cannot tag a union")
            choices[values[0]] = name
        mapping = {value: f"#/$defs/{name}" for value, name in choices.items()}
        if discriminator.get("mapping", mapping) != mapping:
            raise NotImplementedError(f"discriminator mapping {discriminator['mapping']}")
        for alias, classes in self.aliases.items():
            if set(classes) == set(choices.values()):
                self.unions[alias] = (tag, choices)
                return alias
        raise NotImplementedError(f"no union alias names {sorted(choices.values())}")

    # -- types -------------------------------------------------------------------------------

    def type_of(self, node: dict[str, Any]) -> str:
        kind = _kind(node)
        simple = {"string": "str", "integer": "int", "boolean": "bool", "date": "PartialDate"}
        if kind in simple:
            return simple[kind]
        if kind == "literal":
            values = _values(node)
            return self.literals.get(values) or f"Literal[{', '.join(map(_q, values))}]"
        if kind == "nullable":
            return f"{self.type_of(_inner(node))} | None"
        if kind == "array":
            return f"list[{self.type_of(node['items'])}]"
        if kind == "dict":
            return f"dict[str, {self.type_of(node['additionalProperties'])}]"
        if kind == "ref":
            return self.ref(node)
        if kind == "union":
            return self.union(node)
        raise NotImplementedError(kind)

    # -- validation code ---------------------------------------------------------------------

    def check(self, node: dict[str, Any], var: str) -> tuple[list[str], str]:
        """Statements that refuse a bad ``var``, and the expression of its validated value.

        The schema is read as pydantic's strict mode validates: no coercion, so a type is the
        exact Python type the loader builds, and dictionary keys are text.
        """
        kind = _kind(node)
        fail = "raise _SchemaError"
        unknown = set(node) - KNOWN.get(kind, set()) - ANNOTATIONS
        if unknown:  # a constraint this generator would silently drop: teach it first
            raise NotImplementedError(f"{kind}: {sorted(unknown)}")
        if kind == "string":
            texts = [f"type({var}) is not str"]
            if node.get("minLength") == 1:
                texts.append(f"not {var}")
            elif node.get("minLength"):
                texts.append(f"len({var}) < {node['minLength']}")
            if node.get("maxLength") is not None:
                texts.append(f"len({var}) > {node['maxLength']}")
            if node.get("pattern"):
                texts.append(f"{self.pattern(node['pattern'])}({var}) is None")
            return _if(texts, fail), var
        if kind in ("integer", "boolean"):
            conds = [f"type({var}) is not {'int' if kind == 'integer' else 'bool'}"]
            if "minimum" in node:
                conds.append(f"{var} < {node['minimum']}")
            return _if(conds, fail), var
        if kind == "literal":
            values = _values(node)
            if all(isinstance(v, str) for v in values) and node.get("type") == "string":
                options = self.options(values)
                return _if([f"type({var}) is not str", f"{var} not in {options}"], fail), var
            if all(type(v) is int for v in values) and node.get("type") == "integer":
                # pydantic's strict Literal[1] still takes True and 1.0
                options = f"({', '.join(map(str, values))},)"
                conds = [f"type({var}) not in (int, bool, float)", f"{var} not in {options}"]
                return _if(conds, fail), f"int({var})"
            raise NotImplementedError(f"literal {values}")
        if kind == "nullable":
            lines, value = self.check(_inner(node), var)
            if value != var:
                lines.append(f"{var} = {value}")
            if len(lines) == 2 and lines[0].startswith("if ") and lines[1] == f"    {fail}":
                cond = lines[0][3:-1]
                cond = f"({cond})" if " or " in cond else cond
                return _if([f"{var} is not None and {cond}"], fail), var
            return ([f"if {var} is not None:", *_indent(lines)] if lines else []), var
        if kind in ("ref", "union"):
            return [], f"_{_snake(self.type_of(node))}({var})"
        if kind == "date":
            return [], f"_date({var})"
        if kind == "array":
            conds = [f"type({var}) is not list"]
            if node.get("minItems"):
                conds.append(f"len({var}) < {node['minItems']}")
            lines, value = self.check(node["items"], "item")
            if value == "item":
                loop = [f"for item in {var}:", *_indent(lines)] if lines else []
                return _if(conds, fail) + loop, var
            if lines:
                raise NotImplementedError("a list item both checked and converted")
            return _if(conds, fail), f"[{value} for item in {var}]"
        if kind == "dict":
            values_of = node["additionalProperties"]
            lines, value = (
                self.check(values_of, "item") if isinstance(values_of, dict) else ([], "")
            )
            if not value or lines:
                raise NotImplementedError("dict values of this kind")
            loop = ["for key in " + f"{var}:", *_indent(_if(["type(key) is not str"], fail))]
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
        constants = [(f.name, _constant(f)) for f in fields if _constant(f) is not None]
        slots = [f for f in fields if _constant(f) is None]
        yield f"class {name}(_Record):"
        doc = cls.__dict__.get("__doc__")
        if doc:
            yield f'    """{doc}"""'
            yield ""
        names = sorted(_q(f.name) for f in slots)
        yield from _layout("    ", "__slots__ = (", names, ")", one=",", hug=False)
        for key, value in constants:
            yield f"    {key}: ClassVar[Literal[{_q(value)}]] = {_q(value)}"
        for field in slots:
            yield f"    {field.name}: {self.type_of(field.node)}"
        yield ""
        params = []
        body = []
        for field in slots:
            typ = self.type_of(field.node)
            if field.default is None:
                params.append(f"{field.name}: {typ}")
                body.append(f"self.{field.name} = {field.name}")
            elif field.factory:
                params.append(f"{field.name}: {typ} | None = None")
                body.append(
                    f"self.{field.name} = {field.default} if {field.name} is None else {field.name}"
                )
            else:
                params.append(f"{field.name}: {typ} = {field.default}")
                body.append(f"self.{field.name} = {field.name}")
        yield from _layout("    ", "def __init__(", ["self", "*", *params], ") -> None:")
        yield from (f"        {line}" for line in body)

    def validator(self, name: str) -> Iterator[str]:
        _, fields, checks = self.classes[name]
        keys = [field.key for field in fields]
        required = [field.key for field in fields if field.default is None]
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
        for field in fields:
            alias = _q(field.key)
            node = field.node
            if _constant(field) is not None:
                lines, _ = self.check(node, f"data[{alias}]")
                yield from _indent(lines)
                continue
            var = f"{field.name}_"
            typed = var
            bare = _inner(node) if _kind(node) == "nullable" else node
            if _kind(bare) == "literal":  # the check narrows to str; mypy wants the Literal
                typed = f"{var}: {self.type_of(node)}"
            if field.default is None:
                yield f"    {typed} = data[{alias}]"
            else:
                yield f"    {typed} = data.get({alias}, {field.default})"
            lines, value = self.check(node, var)
            yield from _indent(lines)
            if value != var:
                yield f"    {var} = {value}"
            args.append(f"    record.{field.name} = {var}")
        yield f"    record = _new({name})"
        yield from args
        for check in checks:
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
        for model, build in TOP.values():
            self.top(model, build())
        code = {name: list(self.validator(name)) for name in self.classes}
        checks = sorted({c.__name__ for _, _, found in self.classes.values() for c in found})
        head = "from claimcheck.formats.model_checks import "
        imports = _layout("", head, checks, "")
        if len(imports) > 1:  # one a line, inside parentheses, as ruff format does
            imports = [f"{head}(", *(f"    {c}," for c in checks), ")"]
        out = [HEADER.format(checks="\n".join(imports)).rstrip("\n"), ""]
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
            out += ["", "", *_alternatives(f"{alias} = ", list(choices.values()))]
        for cls in self.classes:
            out += ["", "", *code[cls]]
        for alias in self.unions:
            out += ["", "", *self.union_validator(alias)]
        for function, (model, _) in TOP.items():
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


def _constant(field: _Field) -> Any:
    """The value of a required field that allows one value (``kind``), else None."""
    node = field.node
    if field.default is None and _kind(node) == "literal" and len(_values(node)) == 1:
        return _values(node)[0]
    return None


def _fields(cls: type[BaseModel], node: dict[str, Any]) -> Iterator[_Field]:
    """The model's fields, each with its schema: the public ``model_fields`` name the record's
    attributes and defaults, the schema names the keys and says what each one allows."""
    properties: dict[str, Any] = node.get("properties", {})
    required = set(node.get("required", []))
    fields = cls.model_fields
    keys = [_key(name, field) for name, field in fields.items()]
    if keys != list(properties):
        raise NotImplementedError(f"{cls.__name__}: fields {keys}, schema {list(properties)}")
    for (name, field), key in zip(fields.items(), keys, strict=True):
        prop = properties[key]
        if key in required:
            yield _Field(name, key, prop, None, factory=False)
        elif "default" in prop:
            yield _Field(name, key, prop, _q(prop["default"]), factory=False)
        elif field.default_factory in (list, dict) and _kind(prop) in ("array", "dict"):
            empty = "[]" if field.default_factory is list else "{}"
            yield _Field(name, key, prop, empty, factory=True)
        else:
            raise NotImplementedError(f"{cls.__name__}.{name}: a default of this kind")


def _key(name: str, field: FieldInfo) -> str:
    """The key a document gives the field: its alias, else its name."""
    alias = field.validation_alias
    if alias is not None and not isinstance(alias, str):
        raise NotImplementedError(f"{name}: alias {alias!r}")
    return alias or field.alias or name


# -- the guard: what pydantic would do that the schema does not show -----------------------


def _guard(cls: type[BaseModel]) -> None:
    """Refuse a model whose validation the JSON Schema and ``CHECKS`` do not say in full."""
    config = cls.model_config
    if config.get("extra") != "forbid" or config.get("strict") is not True:
        raise NotImplementedError(f"{cls.__name__}: only strict, closed models")
    if set(config) - CONFIG:
        raise NotImplementedError(f"{cls.__name__}: model_config {sorted(set(config) - CONFIG)}")
    for owner in cls.__mro__[: cls.__mro__.index(BaseModel)]:
        for name, value in vars(owner).items():
            method = callable(value) or hasattr(value, "__get__")
            known = (owner, name) in CHECKS
            if not known and (name in OVERRIDES or (method and not name.startswith("__"))):
                raise NotImplementedError(f"{owner.__name__}.{name}: declare it in CHECKS")
    for name, field in cls.model_fields.items():
        where = f"{cls.__name__}.{name}"
        if field.annotation is PartialDate and list(field.metadata) == _DATE_METADATA:
            continue  # a field of type ``models.Date``, its metadata moved onto the field
        _plain_type(field.annotation, where)
        for meta in field.metadata:
            _plain_constraint(meta, where)


_DATE_METADATA = list(typing.get_args(models.Date)[1:])


def _plain_type(annotation: Any, where: str) -> None:
    """Refuse a type whose validation the schema would not show in full."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if annotation == models.Date or origin is typing.Literal:
        return
    if origin is typing.Annotated:
        for meta in args[1:]:
            _plain_constraint(meta, where)
        _plain_type(args[0], where)
    elif origin in (typing.Union, types.UnionType, list, dict):
        for arg in args:
            _plain_type(arg, where)
    elif annotation not in (str, int, bool, type(None)) and not _is_model(annotation):
        raise NotImplementedError(f"{where}: {annotation!r}, a type the fast path does not know")


def _plain_constraint(meta: Any, where: str) -> None:
    """Refuse a constraint the schema would not show (one that transforms, or a validator)."""
    if isinstance(meta, FieldInfo):
        for inner in meta.metadata:
            _plain_constraint(inner, where)
    elif isinstance(meta, annotated_types.MinLen | annotated_types.MaxLen | annotated_types.Ge):
        return
    # Field(pattern=...) reaches the metadata as a holder of that one public attribute.
    elif getattr(meta, "__dict__", {}).keys() != {"pattern"}:
        raise NotImplementedError(f"{where}: {meta!r}, a constraint the fast path does not know")


def _declared_models() -> list[type[BaseModel]]:
    """The models the format modules declare, for the schema's ``$defs`` by name."""
    found = [v for module in (models, kb_models) for v in vars(module).values() if _is_model(v)]
    return [cls for cls in dict.fromkeys(found) if cls is not BaseModel]


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


def _alternatives(head: str, items: list[str]) -> list[str]:
    """``head A | B`` on one line, else inside parentheses as ruff format lays it out."""
    joined = " | ".join(items)
    if len(head) + len(joined) <= 100:
        return [f"{head}{joined}"]
    if 4 + len(joined) <= 100:
        return [f"{head}(", f"    {joined}", ")"]
    return [f"{head}(", f"    {items[0]}", *(f"    | {item}" for item in items[1:]), ")"]


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


def write_all(folder: str = "schema") -> None:
    """Regenerate the committed schemas and records.py: `python -m claimcheck.formats.recordgen`."""
    for name, build in schema.SCHEMAS.items():
        Path(folder, name).write_text(schema.render(build()), encoding="utf-8")
    write()


if __name__ == "__main__":
    write_all()
