"""The library entry point: `verify()` takes options and returns a result; it never prints."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck import exitcodes
from claimcheck.diagnostics import UNREADABLE
from claimcheck.findings import Finding, Location, Severity
from claimcheck.limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:  # not imported at run time: a cached run needs neither
    from claimcheck.dates import PartialDate
    from claimcheck.verdicts import ClaimVerdict

if TYPE_CHECKING:
    from claimcheck.rules.base import RuleSettings
    from claimcheck.stream import Stream

CLAIM_SUFFIXES = (".claims.yaml", ".claims.yml", ".claims.json")


@dataclass(frozen=True)
class Options:
    paths: tuple[str, ...] = ("claims",)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    root: str | None = None
    limits: Limits = DEFAULT_LIMITS
    kb: tuple[str, ...] = ()  # KB files or folders; none: the *.kb.* files below `paths`
    as_of: PartialDate | None = None  # judge claims about the present at this date
    # Per-rule severity and options, by rule ID (from [tool.claimcheck.rules.<ID>]).
    rule_settings: Mapping[str, RuleSettings] = field(default_factory=dict)
    baseline: str | None = None  # findings listed in this file do not fail the run
    jobs: int = 1  # processes checking files at once
    cache_dir: str | None = None  # where results are cached; None: no cache


@dataclass
class FileResult:
    path: str
    status: str  # "checked" or "unreadable"
    claims: int = 0
    verdicts: list[ClaimVerdict] = field(default_factory=list)
    claim_ids: tuple[str, ...] = ()
    # Every other file the findings depend on (the article text; a configuration or knowledge
    # base file read for this file): the result cache re-hashes them before reusing a result.
    inputs: tuple[str, ...] = ()


@dataclass
class Result:
    files: list[FileResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    verdicts: list[ClaimVerdict] = field(default_factory=list)
    fail_on: Severity = Severity.WARNING
    kb_files: list[str] = field(default_factory=list)
    as_of: PartialDate | None = None

    @property
    def exit_code(self) -> int:
        active = [f for f in self.findings if f.suppressed is None]
        if any(f.fatal for f in active):
            return exitcodes.USAGE_OR_UNREADABLE
        if any(f.severity >= self.fail_on for f in active):
            return exitcodes.FINDINGS
        return exitcodes.CLEAN


class UsageError(Exception):
    """The command line or configuration is wrong: exit 2 with this message."""


def find_root(start: Path) -> Path:
    """The project root of a file or folder: the nearest folder with pyproject.toml or .git."""
    # Resolved before the cache: a relative path means another folder once the cwd changes.
    return _find_root(start.resolve())


@functools.lru_cache(maxsize=256)
def _find_root(start: Path) -> Path:
    if not start.is_dir():
        start = start.parent
    for folder in (start, *start.parents):
        if (folder / "pyproject.toml").is_file() or (folder / ".git").exists():
            return folder
    return start


def display_path(path: Path, base: Path) -> str:
    # Only the folder is resolved: a link is shown by its own name, not by where it leads.
    try:
        return (path.parent.resolve() / path.name).relative_to(base).as_posix()
    except (ValueError, OSError, RuntimeError):
        return path.as_posix()


def discover(
    paths: Iterable[str], refused: dict[Path, str] | None = None
) -> Iterator[tuple[Path, bool]]:
    """Claim files named or found below named folders, in a stable order.

    Yields ``(path, named)``: a file named on the command line is checked whatever its name;
    below a folder only ``*.claims.yaml``, ``*.claims.yml`` and ``*.claims.json`` count.
    A link met in a folder is followed only while it stays inside that folder; one that
    leaves is yielded as it is, with the reason in ``refused``.
    """
    from claimcheck.paths import PathRefusedError, follow_link

    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir() and not p.is_symlink():
            found: list[Path] = []
            for folder, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(folder) / f for f in files if f.endswith(CLAIM_SUFFIXES))
            for f in sorted(found):
                if f.is_symlink() and refused is not None:
                    try:
                        f = follow_link(f, p)  # noqa: PLW2901 - the file the link leads to
                    except PathRefusedError as exc:
                        refused[f] = str(exc)
                if _seen_key(f, refused) not in seen:
                    seen.add(_seen_key(f, refused))
                    yield f, False
        elif _seen_key(p, refused) not in seen:
            seen.add(_seen_key(p, refused))
            yield p, True


def _seen_key(path: Path, refused: dict[Path, str] | None) -> Path:
    """One file reached by two names (a link, a folder and a file in it) is checked once."""
    return Path(os.path.realpath(path)) if refused is not None else path


def verify(options: Options) -> Result:
    """The whole run collected in memory; `verify_stream` yields it file by file instead."""
    from claimcheck.stream import collect

    return collect(verify_stream(options))


def verify_stream(options: Options) -> Stream:
    """Each file's report in discovery order as it is checked, findings sorted within a file;
    the knowledge base's own findings come first, in ``Stream.info``."""
    from claimcheck.stream import open_stream

    return open_stream(options)


def kb_files(options: Options, root: Path | None, cwd: Path) -> list[Path]:
    """The knowledge base files of a run: the `--kb` paths, else the verified folders'."""
    from claimcheck.kb_files import KBPathError, find_kb_files, kb_search_paths

    first = next((Path(p) for p in options.paths if Path(p).exists()), cwd)
    project = root or find_root(first)
    try:
        search = kb_search_paths(options.kb, options.paths, project)
    except KBPathError as exc:
        raise UsageError(str(exc)) from None
    return find_kb_files(search)


def _unreadable(shown: str, message: str, line: int = 0, column: int = 0) -> Finding:

    return Finding(
        UNREADABLE.id, UNREADABLE.severity, message, Location(shown, line, column), fatal=True
    )
