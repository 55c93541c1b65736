"""The project: its root, and `[tool.claimcheck]` in its pyproject.toml, for every command.

The root is found by walking up from the first checked path (or the current folder) to the
nearest folder with a pyproject.toml or .git that this user or root owns. Every key is
declared in `KEYS`; a key nobody declared is an error, so a typo never silently switches a
setting off. Command-line flags override the file. `load_project` is the one answer every
command asks (verify, kb, export, init, draft): which claim files and which knowledge base
the project has, so that naming one file never changes the knowledge base it is checked
against, and nothing outside the root is ever searched.
"""

from __future__ import annotations

import dataclasses
import os
import typing
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import Any

from claimcheck.core.findings import Severity
from claimcheck.core.limits import DEFAULT_LIMITS, Limits, LimitsError
from claimcheck.core.options import Options, PathNotFoundError, RuleSettings, UsageError
from claimcheck.core.paths import did_you_mean, resolved
from claimcheck.core.project import (
    CLAIM_SUFFIXES,
    discover,
    display_path,
    find_root,
    owned_by_another_user,
    project_marker,
)
from claimcheck.kb.files import KB_SUFFIXES, find_kb_files

CONFIG_FILE = "pyproject.toml"
SECTION = "tool.claimcheck"


class ConfigError(UsageError):
    """The configuration is wrong: the message names the file and the key."""


class Key:
    """One `[tool.claimcheck]` key: the `Options` field it sets and how its value is read.

    A plain record, not a dataclass: every run builds this table, and a dataclass costs
    start-up half a millisecond to generate its methods."""

    __slots__ = ("field", "help", "parse")

    def __init__(self, field: str, parse: Callable[[Any, str], Any], help: str) -> None:
        self.field = field
        self.parse = parse  # (value, dotted key for messages) -> field value
        self.help = help


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


def _export(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise _fail(where, 'expected a table, like reviewer = "The Fact Desk"')
    out = {}
    for key, item in value.items():
        if key not in EXPORT_KEYS:
            known = ", ".join(EXPORT_KEYS)
            raise _fail(f"{where}.{key}", f"unknown key: the keys are {known}")
        if not isinstance(item, str) or not item.strip():
            raise _fail(f"{where}.{key}", "expected text")
        out[key] = item
    return out


# [tool.claimcheck.export]: what `claimcheck export` publishes that no claim file says.
EXPORT_KEYS = ("reviewer", "reviewer-url", "url")


def _megabytes(value: Any, where: str) -> int:
    if type(value) not in (int, float) or not value > 0 or value == float("inf"):
        raise _fail(where, "expected a positive number of megabytes, like 512")
    return int(value * 2**20)


# Fields whose values are paths, relative to the folder of the pyproject.toml that sets them.
PATH_FIELDS = frozenset({"kb", "paths"})
# Where claim files are, when `claims` is not set: relative to the project root.
DEFAULT_CLAIMS = ("claims",)
# Where the knowledge base is, when `kb` is not set: `kb/` and the claim folders, below the
# root; when none of them exists, the *.kb.* files at the top of the root itself.
DEFAULT_KB = ("kb",)

# Other settings (`limits`, `cache-dir`...) are one entry each: the Options field
# they set and a parser that checks the value.
KEYS: dict[str, Key] = {
    "select": Key("select", _codes, "only rules whose ID starts with one of these"),
    "ignore": Key("ignore", _codes, "skip rules whose ID starts with one of these"),
    "fail-on": Key("fail_on", _severity, "exit 1 for findings at least this severe"),
    "rules": Key("rule_settings", _rules, "per rule: severity and the rule's options"),
    "limits": Key("limits", _limits, "bounds on one input: see the README's Limits table"),
    "claims": Key("paths", _paths, 'claim files or folders (default: ["claims"])'),
    "kb": Key("kb", _paths, 'knowledge base files or folders (default: ["kb"] and `claims`)'),
    "export": Key("export", _export, "reviewer, reviewer-url and url of `claimcheck export`"),
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
    project = load_project(options.paths, options.root)
    shown = project.config.as_posix() if project.config is not None else "none"
    return f"claimcheck: project root {project.root.as_posix()}, configuration {shown}"


class Project:
    """Where a project's claim files and knowledge base are, and what its configuration sets.

    Every path is absolute and inside ``root``. ``claims`` and ``kb`` come from
    `[tool.claimcheck]`, else from the defaults (`DEFAULT_CLAIMS`, `DEFAULT_KB`). A plain
    record, as `Key` is.
    """

    __slots__ = ("claims", "config", "export", "kb", "root", "settings")

    def __init__(
        self,
        root: Path,
        config: Path | None,
        claims: tuple[str, ...],
        kb: tuple[str, ...],
        settings: dict[str, Any],
        export: dict[str, str],
    ) -> None:
        self.root = root
        self.config = config
        self.claims = claims
        self.kb = kb
        self.settings = settings  # the other `Options` fields the configuration sets
        self.export = export  # [tool.claimcheck.export]

    def apply(self, options: Options, given: Collection[str] = ()) -> Options:
        """``options`` with the project's settings filled in, except the fields in ``given``.

        ``given`` names the `Options` fields set on the command line: flags override the
        file. Named paths (``"paths"`` in ``given``) are checked as `expand_paths` says.
        """
        values = {k: v for k, v in self.settings.items() if k not in given}
        values["paths"] = (
            self.expand_paths(options.paths) if "paths" in given else self.claim_paths()
        )
        if "kb" not in given:
            values["kb"] = self.kb
        return dataclasses.replace(options, **values)

    def claim_paths(self) -> tuple[str, ...]:
        """The configured claim files and folders; one that does not exist is an error."""
        for path in self.claims:
            if not Path(path).exists():
                shown = display_path(Path(path), self.root)
                raise PathNotFoundError(
                    f"{shown}: no such folder, where the claim files are expected: create it "
                    f"(`claimcheck init` writes there), or set `claims` in [{SECTION}]"
                )
        return self.claims

    def expand_paths(self, named: Iterable[str]) -> tuple[str, ...]:
        """The claim files a named path stands for, as the pre-commit hook passes them.

        A knowledge-base file stands for every claim file of the project (any verdict may
        rest on it); an article text (a file that is neither YAML nor JSON) for the claim
        files whose `article.text` names it; anything else for itself.
        """
        out: list[str] = []
        articles: list[Path] = []
        for raw in named:
            name = Path(raw).name
            if name.endswith(KB_SUFFIXES) and Path(raw).is_file():
                out.extend(self.dependents())
            elif not Path(raw).is_file() or name.endswith(CLAIM_OR_DATA_SUFFIXES):
                out.append(raw)  # a folder, or what verify reports (a link loop...)
            else:
                articles.append(Path(raw))
        if articles:
            limits = self.settings.get("limits", DEFAULT_LIMITS)
            out.extend(str(p) for p in claim_files_of(articles, self.dependents(), limits))
        return tuple(dict.fromkeys(out))

    def dependents(self) -> tuple[str, ...]:
        """Where the claim files that may depend on an article or a KB file are.

        The claim folders; in a flat project (no `claims/`, and no `claims` key), the claim
        files at the top of the root, as for the knowledge base (`default_kb`).
        """
        default = tuple(str(self.root / c) for c in DEFAULT_CLAIMS)
        if self.claims != default or any(Path(c).exists() for c in self.claims):
            return self.claim_paths()
        try:
            top = sorted(p for p in self.root.iterdir() if p.name.endswith(CLAIM_SUFFIXES))
        except OSError:
            return ()
        return tuple(str(p) for p in top if p.is_file())


# A named file with one of these endings is a claim file (checked whatever its name).
CLAIM_OR_DATA_SUFFIXES = (".yaml", ".yml", ".json")


def claim_files_of(
    articles: list[Path], claims: tuple[str, ...], limits: Limits = DEFAULT_LIMITS
) -> list[Path]:
    """The claim files below ``claims`` whose `article.text` is one of ``articles``.

    Only files that mention an article's file name are parsed (within the project's
    limits); one that cannot be read is left to `verify` of the whole folder to report.
    """
    # lazy: start-up (the loader: only a run named with an article text reads claim files)
    from claimcheck.loader import LoadError, load_document
    from claimcheck.loader.reader import ReadError, read_bytes

    wanted = {resolved(a) for a in articles}
    names = {a.name.encode() for a in articles}
    found = []
    for path, _ in discover(claims):
        try:
            raw = read_bytes(str(path), limits)
            if not any(n in raw for n in names):
                continue
            data = load_document(str(path), raw, limits).data
        except (ReadError, LoadError):
            continue
        article = data.get("article") if isinstance(data, dict) else None
        text = article.get("text") if isinstance(article, dict) else None
        if isinstance(text, str) and resolved(path.parent / text) in wanted:
            found.append(path)
    return found


def load_project(
    paths: Iterable[str] = (), root: str | None = None, cwd: Path | None = None
) -> Project:
    """The project of a run: of the first named path, else of ``cwd`` (default: the current
    folder), else of ``--root``. A named path that does not exist is `PathNotFoundError`.
    """
    here = cwd or Path.cwd()
    named = [p if Path(p).is_absolute() else str(here / p) for p in paths]
    for raw, given in zip(named, paths, strict=True):
        if _missing(raw):
            near = did_you_mean(Path(raw), given)
            raise PathNotFoundError(f"{given}: no such file or folder{near}")
    config = find_config(named or [str(here)], root)
    top = resolved(Path(root)) if root else find_root(Path(named[0]) if named else here)
    settings = read_config(config) if config is not None else {}
    export = settings.pop("export", {})
    claims = settings.pop("paths", None) or tuple(str(top / c) for c in DEFAULT_CLAIMS)
    kb = settings.pop("kb", None)
    for value in kb or ():
        if _missing(value):
            shown = display_path(Path(value), here.resolve())
            raise PathNotFoundError(f"{shown}: no such file or folder (`kb` in [{SECTION}])")
    kb = kb or default_kb(top, claims)
    for key, values in (("claims", claims), ("kb", kb)):
        for value in values:
            if not resolved(Path(value)).is_relative_to(top):
                raise ConfigError(
                    f"{SECTION}.{key}: {value} is outside the project root {top.as_posix()}"
                )
    return Project(top, config, claims, kb, settings, export)


def _missing(path: str) -> bool:
    """Nothing is there; a link loop or a folder one may not read is verify's to report."""
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False


def default_kb(root: Path, claims: tuple[str, ...]) -> tuple[str, ...]:
    """`kb/` and the claim folders that exist, else the *.kb.* files at the top of the root."""
    folders = [str(root / k) for k in DEFAULT_KB] + list(claims)
    found = tuple(f for f in dict.fromkeys(folders) if Path(f).is_dir())
    if found:
        return found
    try:
        top = sorted(p for p in root.iterdir() if p.name.endswith(KB_SUFFIXES))
    except OSError:
        return ()
    return tuple(str(p) for p in top)


def unread_kb_file(path: Path) -> str:
    """Why `verify` will not read the KB file just written (`kb import`), if it will not: a
    name without `.kb.json`, or a place outside the project's KB (`kb` in [tool.claimcheck]).
    """
    if not path.is_file():
        return ""  # a device or a pipe (-o /dev/stdout): nothing to say
    if not path.name.endswith(KB_SUFFIXES):
        better = path.with_name(path.name.removesuffix(".json") + ".kb.json")
        return (
            "verify reads knowledge-base files named *.kb.json, *.kb.yaml or *.kb.yml only: "
            f"rename it to {better}"
        )
    try:
        project = load_project((str(path),))
    except UsageError:
        return ""
    if resolved(path) in {resolved(f) for f in find_kb_files(Path(k) for k in project.kb)}:
        return ""
    here = Path.cwd().resolve()
    where = ", ".join(display_path(Path(k), here) for k in project.kb) or "none"
    return (
        f"{path} is not in the project's knowledge base ({where}): verify reads it only "
        f"with --kb; move it there, or add it to `kb` in [{SECTION}]"
    )


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


def apply_config(options: Options, given: Collection[str] = (), *, named: bool = True) -> Options:
    """``options`` with the project's settings filled in, except the fields in ``given``.

    ``given`` names the `Options` fields set on the command line: flags override the file.
    ``named``: the paths were named (checked as `Project.expand_paths` says); else the run
    checks the project's claim files, whatever ``options.paths`` holds.
    """
    project = load_project(options.paths if named else (), options.root)
    return project.apply(options, {*given, "paths"} if named else set(given) - {"paths"})
