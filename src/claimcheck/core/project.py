"""The project: its root, and the claim files a run checks (one definition of each)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

CLAIM_SUFFIXES = (".claims.yaml", ".claims.yml", ".claims.json")


def find_root(start: Path, memo: dict[Path, Path] | None = None) -> Path:
    """The project root of a file or folder: the nearest folder with pyproject.toml or .git.

    ``memo`` keeps the answers of one run (its owner's): a folder's root is looked up once
    per run, and never outlives it, so a long-lived process sees a project change.
    """
    # Resolved before the memo: a relative path means another folder once the cwd changes.
    start = start.resolve()
    if memo is None:
        return _find_root(start)
    found = memo.get(start)
    if found is None:
        found = memo[start] = _find_root(start)
    return found


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
    from claimcheck.core.paths import PathRefusedError, follow_link

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
