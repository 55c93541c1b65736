"""`[tool.claimcheck]` in pyproject.toml: the settings a project keeps next to its claims.

The file is found by walking up from the checked files to the nearest project root (the
first folder with a pyproject.toml or .git that this user or root owns). Every key is
declared in `KEYS`; a key nobody declared is an error, so a typo never silently switches a
setting off. Command-line flags override the file.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimcheck.core.findings import Severity
from claimcheck.core.limits import Limits, LimitsError
from claimcheck.core.options import Options, RuleSettings, UsageError
from claimcheck.core.paths import resolved
from claimcheck.core.project import (
    display_path,
    find_root,
    owned_by_another_user,
    project_marker,
)

CONFIG_FILE = "pyproject.toml"
SECTION = "tool.claimcheck"


class ConfigError(UsageError):
    """The configuration is wrong: the message names the file and the key."""


@dataclass(frozen=True)
class Key:
    """One `[tool.claimcheck]` key: the `Options` field it sets and how its value is read."""

    field: str
    parse: Callable[[Any, str], Any]  # (value, dotted key for messages) -> field value
    help: str


def _fail(where: str, problem: str) -> ConfigError:
    return ConfigError(f"{where}: {problem}")


def _codes(value: Any, where: str) -> tuple[str, ...]:
    # lazy: start-up (the registry imports every rule: only a select/ignore setting needs it)
    from claimcheck.rules import unknown_code

    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(where, 'expected a list of rule IDs or prefixes, like ["CC1"]')
    code = unknown_code(value)
    if code is not None:
        raise _fail(where, f"no rule matches {code!r}: see `claimcheck rules`")
    return tuple(value)


def _severity(value: Any, where: str) -> Severity:
    try:
        return Severity.parse(value) if isinstance(value, str) else Severity.parse(repr(value))
    except ValueError as exc:
        raise _fail(where, str(exc)) from None


def _option(value: Any, kind: Any, where: str) -> Any:
    """Check one option value against its declared type; TOML lists become tuples."""
    if kind is bool or kind is str:
        ok = isinstance(value, kind)
    elif kind is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif typing.get_origin(kind) is tuple:
        item = typing.get_args(kind)[0]
        ok = isinstance(value, list) and all(isinstance(v, item) for v in value)
        value = tuple(value) if ok else value
    else:  # pragma: no cover - a rule declared an option type this table cannot read
        raise TypeError(f"option type {kind!r} is not supported")
    if not ok:
        name = getattr(kind, "__name__", str(kind))
        raise _fail(where, f"expected {name}, got {type(value).__name__}")
    return value


def _rules(value: Any, where: str) -> dict[str, Any]:
    # lazy: start-up (the registry imports every rule: only a [rules] table needs it)
    from claimcheck.rules import by_id

    if not isinstance(value, dict):
        raise _fail(where, "expected a table of rule IDs")
    registry = by_id()
    out = {}
    for rule_id, table in value.items():
        here = f"{where}.{rule_id}"
        rule = registry.get(rule_id)
        if rule is None:
            raise _fail(here, "unknown key: not the ID of a rule with settings")
        if not isinstance(table, dict):
            raise _fail(here, "expected a table (severity and the rule's options)")
        hints = typing.get_type_hints(rule.Options)
        allowed = {"severity", *rule.option_defaults()}
        severity = None
        options: dict[str, Any] = {}
        for key, item in table.items():
            if key not in allowed:
                raise _fail(
                    f"{here}.{key}", f"unknown key: {rule_id} takes {', '.join(sorted(allowed))}"
                )
            if key == "severity":
                severity = _severity(item, f"{here}.{key}")
            else:
                name = key.replace("-", "_")
                options[name] = _option(item, hints[name], f"{here}.{key}")
        out[rule_id] = RuleSettings(severity, rule.Options(**options) if options else None)
    return out


def _paths(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(where, 'expected a list of paths, like ["claims/kb"]')
    return tuple(value)


def _limits(value: Any, where: str) -> Any:
    if not isinstance(value, dict):
        raise _fail(where, "expected a table, like max-file-bytes = 4194304")
    try:
        return Limits.from_mapping(value, where="[tool.claimcheck.limits]")
    except LimitsError as exc:
        raise ConfigError(str(exc)) from None


def _megabytes(value: Any, where: str) -> int:
    if type(value) not in (int, float) or not value > 0 or value == float("inf"):
        raise _fail(where, "expected a positive number of megabytes, like 512")
    return int(value * 2**20)


# Fields whose values are paths, relative to the folder of the pyproject.toml that sets them.
PATH_FIELDS = frozenset({"kb"})

# Other settings (`limits`, `cache-dir`...) are one entry each: the Options field
# they set and a parser that checks the value.
KEYS: dict[str, Key] = {
    "select": Key("select", _codes, "only rules whose ID starts with one of these"),
    "ignore": Key("ignore", _codes, "skip rules whose ID starts with one of these"),
    "fail-on": Key("fail_on", _severity, "exit 1 for findings at least this severe"),
    "rules": Key("rule_settings", _rules, "per rule: severity and the rule's options"),
    "limits": Key("limits", _limits, "bounds on one input: see the README's Limits table"),
    "kb": Key("kb", _paths, "knowledge base files or folders (default: *.kb.* below the paths)"),
    "cache-max-mb": Key("cache_max_bytes", _megabytes, "the result cache's bound, in MB"),
}


def find_config(paths: Iterable[str], root: str | None = None) -> Path | None:
    """The pyproject.toml of the project holding the first checked path, if it has one.

    The walk up stops at the project root (the first folder with pyproject.toml or .git). A
    marker another user owns is refused, not passed over: the run would otherwise differ in
    silence; ``--root`` names the root instead.
    """
    if root is not None:
        if not Path(root).is_dir():  # a loop too: is_dir() is False, never an error
            raise UsageError(f"--root {root}: no such folder")
        candidate = Path(root) / CONFIG_FILE
        return candidate if candidate.is_file() else None
    first = next(iter(paths), ".")
    start = resolved(Path(first))
    if not start.is_dir():
        start = start.parent
    for folder in (start, *start.parents):
        marker = project_marker(folder)
        if marker is None:
            continue
        for found in (marker, folder / CONFIG_FILE):
            if found.exists() and owned_by_another_user(found):
                raise ConfigError(
                    f"{found.as_posix()} belongs to another user, so its folder is not taken "
                    "as the project root: add a pyproject.toml or .git of your own to the "
                    "project, or name its root with --root"
                )
        return marker if marker.name == CONFIG_FILE else None
    return None


def describe_project(options: Options) -> str:
    """The root and the configuration a run uses, for ``-v`` (one line, for stderr)."""
    first = next(iter(options.paths), ".")
    root = resolved(Path(options.root)) if options.root else find_root(Path(first))
    config = find_config(options.paths, options.root)
    shown = config.as_posix() if config is not None else "none"
    return f"claimcheck: project root {root.as_posix()}, configuration {shown}"


def read_config(path: Path) -> dict[str, Any]:
    """The `Options` fields that the `[tool.claimcheck]` table of ``path`` sets."""
    shown = display_path(path, Path.cwd().resolve())
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{shown}: cannot read the configuration: {exc}") from None
    if "claimcheck" not in text and "\\u" not in text and "\\U" not in text:
        return {}  # no table of ours can be written without the word (or an escape)
    # lazy: start-up (tomllib compiles its patterns: 2-5 ms a run without settings)
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{shown}: cannot read the configuration: {exc}") from None
    except RecursionError:  # tomllib recurses once per level and gives no position
        raise ConfigError(
            f"{shown}: cannot read the configuration: arrays or inline tables nested too "
            "deeply for the TOML parser (a few hundred levels)"
        ) from None
    table = data.get("tool", {}).get("claimcheck")
    if table is None:
        return {}
    try:
        values = parse_table(table)
    except ConfigError as exc:
        raise ConfigError(f"{shown}: {exc}") from None
    for name in PATH_FIELDS & values.keys():
        values[name] = tuple(str(path.parent / p) for p in values[name])
    return values


def parse_table(table: Any) -> dict[str, Any]:
    """The `Options` fields a `[tool.claimcheck]` table sets, each value checked."""
    if not isinstance(table, dict):
        raise _fail(SECTION, "expected a table")
    values = {}
    for key, value in table.items():
        spec = KEYS.get(key)
        if spec is None:
            known = ", ".join(sorted(KEYS))
            raise _fail(f"{SECTION}.{key}", f"unknown key: the keys are {known}")
        values[spec.field] = spec.parse(value, f"{SECTION}.{key}")
    return values


def apply_config(options: Options, given: Collection[str] = ()) -> Options:
    """``options`` with the project's settings filled in, except the fields in ``given``.

    ``given`` names the `Options` fields set on the command line: flags override the file.
    """
    path = find_config(options.paths, options.root)
    if path is None:
        return options
    values = {k: v for k, v in read_config(path).items() if k not in given}
    return dataclasses.replace(options, **values)
