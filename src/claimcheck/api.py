"""The library entry point: `verify()` takes options and returns a result; it never prints."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck import exitcodes
from claimcheck.findings import Finding, Location, Severity
from claimcheck.limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:  # not imported at run time: a cached run needs neither
    from claimcheck.verdicts import ClaimVerdict

CLAIM_SUFFIXES = (".claims.yaml", ".claims.yml", ".claims.json")


@dataclass(frozen=True)
class Options:
    paths: tuple[str, ...] = ("claims",)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    root: str | None = None
    limits: Limits = DEFAULT_LIMITS
    jobs: int = 1  # processes checking files at once
    cache_dir: str | None = None  # where results are cached; None: no cache


@dataclass
class FileResult:
    path: str
    status: str  # "checked" or "unreadable"
    claims: int = 0
    # Every other file the findings depend on (the article text; a configuration or knowledge
    # base file read for this file): the result cache re-hashes them before reusing a result.
    inputs: tuple[str, ...] = ()


@dataclass
class Result:
    files: list[FileResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    verdicts: list[ClaimVerdict] = field(default_factory=list)
    fail_on: Severity = Severity.WARNING

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


@functools.lru_cache(maxsize=256)
def find_root(start: Path) -> Path:
    """The project root of a file or folder: the nearest folder with pyproject.toml or .git."""
    start = start.resolve()
    if not start.is_dir():
        start = start.parent
    for folder in (start, *start.parents):
        if (folder / "pyproject.toml").is_file() or (folder / ".git").exists():
            return folder
    return start


def display_path(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def discover(paths: Iterable[str]) -> Iterator[tuple[Path, bool]]:
    """Claim files named or found below named folders, in a stable order.

    Yields ``(path, named)``: a file named on the command line is checked whatever its name;
    below a folder only ``*.claims.yaml``, ``*.claims.yml`` and ``*.claims.json`` count.
    """
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir() and not p.is_symlink():
            found: list[Path] = []
            for folder, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(folder) / f for f in files if f.endswith(CLAIM_SUFFIXES))
            for f in sorted(found):
                if f not in seen:
                    seen.add(f)
                    yield f, False
        elif p not in seen:
            seen.add(p)
            yield p, True


def verify(options: Options) -> Result:
    from claimcheck.parallel import check_files

    cwd = Path.cwd().resolve()
    jobs = [(path, display_path(path, cwd)) for path, _named in discover(options.paths)]
    result = Result(fail_on=options.fail_on)
    for file_result, findings in check_files(options, jobs):
        result.files.append(file_result)
        result.findings.extend(findings)
    result.findings.sort(key=lambda f: f.sort_key)
    return result


def _unreadable(shown: str, message: str, line: int = 0, column: int = 0) -> Finding:
    from claimcheck.diagnostics import UNREADABLE

    return Finding(
        UNREADABLE.id, UNREADABLE.severity, message, Location(shown, line, column), fatal=True
    )
