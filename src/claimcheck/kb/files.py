"""Which knowledge-base files a run uses, and their content hash, without loading them.

Kept apart from `kb.load` (which needs pydantic) so that a run answered from the result
cache can name and hash the knowledge base without importing the models.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.core.limits import Limits
from claimcheck.core.options import Options, UsageError
from claimcheck.core.paths import resolved
from claimcheck.core.project import find_root
from claimcheck.loader.reader import ReadError, digest, read_bytes

if TYPE_CHECKING:
    from claimcheck.core.findings import Finding
    from claimcheck.kb.store import KnowledgeBase

KB_SUFFIXES = (".kb.yaml", ".kb.yml", ".kb.json")


class KBPathError(Exception):
    """A named KB path is missing or outside the project root: a usage error."""


def find_kb_files(paths: Iterable[Path]) -> list[Path]:
    """``*.kb.yaml``, ``*.kb.yml`` and ``*.kb.json`` files named or found below folders.

    Symbolic links are never followed, and hidden folders are skipped, as for claim files.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for p in paths:
        if p.is_dir() and not p.is_symlink():
            below: list[Path] = []
            for folder, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                below.extend(Path(folder) / f for f in files if f.endswith(KB_SUFFIXES))
            candidates = sorted(below)
        else:
            candidates = [p]
        for f in candidates:
            if f not in seen:
                seen.add(f)
                found.append(f)
    return found


def kb_search_paths(named: tuple[str, ...], verified: tuple[str, ...], root: Path) -> list[Path]:
    """The KB paths of a run: those named with ``--kb``, else the folders being verified.

    A named path must exist and stay inside the project root; for a verified file, its
    folder and everything below it is searched.
    """
    if named:
        out = []
        for raw in named:
            p = Path(raw)
            if not p.exists():
                raise KBPathError(f"--kb {raw}: no such file or folder")
            if not p.resolve().is_relative_to(root):
                raise KBPathError(f"--kb {raw}: outside the project root {root}")
            out.append(p)
        return out
    folders: list[Path] = []
    for raw in verified:
        p = Path(raw)
        if not (p.exists() or p.is_symlink()):
            continue  # reported as missing; its folder is no reason to load every KB below it
        # The folder of a verified path, through any link the user named: its real place.
        folder = resolved(p if p.is_dir() else p.parent)  # a loop stays as written
        if folder.exists() and folder.is_relative_to(root) and folder not in folders:
            folders.append(folder)
    return folders


class KBSource:
    """The knowledge base of one run: named and hashed at once, loaded only when needed."""

    def __init__(self, files: list[Path], limits: Limits, shown: Callable[[Path], str]):
        self.files = files
        self.limits = limits
        self.shown = shown
        self.names = [shown(p) for p in files]
        self._loaded: tuple[KnowledgeBase | None, list[Finding]] | None = None
        self._read: list[bytes | ReadError] | None = None

    def read(self) -> list[bytes | ReadError]:
        """Each file's bytes, or why it could not be read: read once, hashed and parsed as read."""
        if self._read is None:
            self._read = []
            for p in self.files:
                try:
                    self._read.append(read_bytes(str(p), self.limits))
                except ReadError as exc:
                    self._read.append(exc)
        return self._read

    def digest(self) -> str:
        """A hash of every file's name and bytes: part of every cached result's key."""
        states = [
            (name, f"unreadable: {raw}" if isinstance(raw, ReadError) else digest(raw))
            for name, raw in zip(self.names, self.read(), strict=True)
        ]
        return digest(repr(states).encode())

    def load(self) -> tuple[KnowledgeBase | None, list[Finding]]:
        """The knowledge base (None when there are no files) and its load findings, once."""
        if self._loaded is None:
            if not self.files:
                self._loaded = (None, [])
            else:
                # lazy: start-up (the models: a cached run never loads the knowledge base)
                from claimcheck.kb.load import load_kb

                self._loaded = load_kb(self.files, self.limits, self.shown, self.read())
                self._read = None  # parsed: the bytes are no longer needed
        return self._loaded


def run_kb_files(options: Options, root: Path | None, cwd: Path) -> list[Path]:
    """The knowledge base files of a run: the `--kb` paths, else the verified folders'."""
    first = next((Path(p) for p in options.paths if Path(p).exists()), cwd)
    project = root or find_root(first)
    try:
        search = kb_search_paths(options.kb, options.paths, project)
    except KBPathError as exc:
        raise UsageError(str(exc)) from None
    return find_kb_files(search)
