"""The project: its root, and the claim files a run checks (one definition of each)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimcheck.core.paths import PathRefusedError, follow_link, resolved

CLAIM_SUFFIXES = (".claims.yaml", ".claims.yml", ".claims.json")


def find_root(start: Path, memo: dict[Path, Path] | None = None) -> Path:
    """The project root of a file or folder: the nearest folder with pyproject.toml or .git.

    ``memo`` keeps the answers of one run (its owner's): a folder's root is looked up once
    per run, and never outlives it, so a long-lived process sees a project change. A
    marker another user owns does not count (``owned_by_another_user``): then, as with none
    found, the root is the folder itself.
    """
    # Resolved before the memo: a relative path means another folder once the cwd changes.
    start = resolved(start)
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
        marker = project_marker(folder)
        if marker is not None:
            # Another user's marker stops the walk too: what lies above it is no safer.
            return start if owned_by_another_user(marker) else folder
    return start


def project_marker(folder: Path) -> Path | None:
    """What makes ``folder`` a project root: its pyproject.toml, else its .git, else None."""
    if (folder / "pyproject.toml").is_file():
        return folder / "pyproject.toml"
    if (folder / ".git").exists():
        return folder / ".git"
    return None


def owned_by_another_user(path: Path) -> bool:
    """Whether ``path`` itself (not where a link leads) belongs to neither this user nor root.

    A pyproject.toml or .git that someone else left in a shared parent folder (/tmp, say)
    must not make that folder the root of a checkout that has neither: its settings could
    switch rules off, its cache answer for our files, and article paths could reach every
    file below it. Git refuses such a repository for the same reason (``safe.directory``).
    """
    geteuid = getattr(os, "geteuid", None)
    if geteuid is None:  # pragma: no cover - Windows: files have no owner to compare
        return False
    try:
        owner = path.lstat().st_uid
    except OSError:
        return False  # gone since it was found: nothing of it is read
    return owner not in (geteuid(), 0)


def display_path(path: Path, base: Path, root: Path | None = None) -> str:
    """``path`` as a report shows it: relative to ``base`` (the current folder).

    A file beside the current folder in the same project (the claim files of a project run
    from its `articles/` folder) is shown with ``..``, as editors and terminals follow it;
    one outside the project of ``base`` (``root``, found when not given) is shown as it is,
    so that where the project sits (a checkout in /tmp beside pytest's folders) never
    changes how another folder's files are named.
    """
    # Only the folder is resolved: a link is shown by its own name, not by where it leads.
    try:
        full = path.parent.resolve() / path.name
    except (OSError, RuntimeError):
        return path.as_posix()
    if full.is_relative_to(base):
        return full.relative_to(base).as_posix()
    top = root if root is not None else find_root(base)
    if not full.is_relative_to(top) or top == Path(top.anchor):
        return path.as_posix()
    return Path(os.path.relpath(full, base)).as_posix()


def discover(
    paths: Iterable[str], refused: dict[Path, str] | None = None
) -> Iterator[tuple[Path, bool]]:
    """Claim files named or found below named folders, in a stable order.

    Yields ``(path, named)``: a file named on the command line is checked whatever its name;
    below a folder only ``*.claims.yaml``, ``*.claims.yml`` and ``*.claims.json`` count.
    A link met in a folder is followed only while it stays inside that folder; one that
    leaves, or a loop, is yielded as it is, with the reason in ``refused``. A link named on
    the command line is followed wherever it leads, to a file or a folder.
    """
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        # A folder named through a link is walked like the folder itself (the user named it).
        if p.is_dir():
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
