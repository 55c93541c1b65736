"""Which knowledge-base files a run uses, and their content hash, without loading them.

Kept apart from `kb.load` (which needs pydantic) so that a run answered from the result
cache can name and hash the knowledge base without importing the models.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimcheck.core.limits import Limits
from claimcheck.core.options import Options, UsageError
from claimcheck.core.paths import resolved
from claimcheck.core.project import find_root
from claimcheck.loader.reader import ReadError, digest, read_bytes

if TYPE_CHECKING:
    from claimcheck.core.findings import Finding
    from claimcheck.kb.db import KBStore
    from claimcheck.kb.store import KnowledgeBase

try:  # as `loader.reader`: hashlib would load OpenSSL at start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - CPython always has it
    from hashlib import blake2b

KB_SUFFIXES = (".kb.yaml", ".kb.yml", ".kb.json")
# Above this many bytes of KB files, a run answers from the compiled store (`kb.db`), built
# once per content, instead of parsing every file: below it, parsing is faster than a build.
STORE_BYTES = 4 * 1024 * 1024
_CHUNK = 1 << 20


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

    def __init__(
        self,
        files: list[Path],
        limits: Limits,
        shown: Callable[[Path], str],
        store_dir: Path | None = None,
    ):
        self.files = files
        self.limits = limits
        self.shown = shown
        self.names = [shown(p) for p in files]
        self.store_dir = store_dir  # where compiled stores are kept (the cache folder)
        self._loaded: tuple[KnowledgeBase | None, list[Finding]] | None = None
        self._read: list[bytes | ReadError] | None = None
        self._store: KBStore | None = None
        self._digest: str | None = None
        self._big: bool | None = None

    @property
    def big(self) -> bool:
        """Whether the files hold more than `STORE_BYTES`, or one is larger than
        `max-file-bytes` (a big import): then the store answers."""
        if self._big is None:
            total, largest = 0, 0
            for p in self.files:
                try:
                    size = p.stat().st_size
                except OSError:
                    continue
                total += size
                largest = max(largest, size)
            self._big = total > STORE_BYTES or largest > self.limits.max_file_bytes
        return self._big

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
        """A hash of every file's name and bytes: part of every cached result's key.

        A big knowledge base is hashed as it is read, a chunk at a time, never held whole,
        and only when it changed since it was last hashed (`kb.db.content_digest`).
        """
        if self._digest is None:
            if self.big:
                states = [
                    (n, self._big_digest(p)) for n, p in zip(self.names, self.files, strict=True)
                ]
            else:
                states = [
                    (name, f"unreadable: {raw}" if isinstance(raw, ReadError) else digest(raw))
                    for name, raw in zip(self.names, self.read(), strict=True)
                ]
            self._digest = digest(repr(states).encode())
        return self._digest

    def _big_digest(self, path: Path) -> str:
        """A big file's content hash, remembered beside the stores while it is unchanged."""
        if self.store_dir is None:
            return _stream_digest(path)
        # lazy: start-up (the store's keyed records: only a big knowledge base needs them)
        from claimcheck.kb.db import content_digest

        return content_digest(Path(self.store_dir) / "kb", path, _stream_digest)

    def store(self) -> KBStore:
        """The compiled store of these files, built when no store of their content exists."""
        if self._store is None:
            # lazy: start-up (tempfile: only a big KB without a cache folder needs it)
            import tempfile

            # lazy: start-up (sqlite3 and the store: only a big knowledge base needs them)
            from claimcheck.kb.db import open_store

            folder = self.store_dir
            if folder is None:  # no cache folder: a store for this run only
                made = tempfile.TemporaryDirectory(prefix="claimcheck-kb-")
                weakref.finalize(self, made.cleanup)
                folder = Path(made.name)
            self._store = open_store(
                Path(folder) / "kb", self.digest(), self.files, self.names, self.limits
            )
        return self._store

    def for_engine(self) -> tuple[KnowledgeBase | None, Callable[[Any], KnowledgeBase] | None]:
        """What the engine judges with: the whole knowledge base, or (big) a function that
        gives each claim file the slice of the store it reaches."""
        if self.files and self.big:
            return None, self.store().slice_for
        return self.load()[0], None

    def load(self) -> tuple[KnowledgeBase | None, list[Finding]]:
        """The knowledge base (None when there are no files) and its load findings, once.

        A big knowledge base is not loaded whole: None, and the store's findings.
        """
        if self._loaded is None:
            if self.files and self.big:
                self._loaded = (None, self.store().findings())
            elif not self.files:
                self._loaded = (None, [])
            else:
                # lazy: start-up (the models: a cached run never loads the knowledge base)
                from claimcheck.kb.load import load_kb

                self._loaded = load_kb(self.files, self.limits, self.shown, self.read())
                self._read = None  # parsed: the bytes are no longer needed
        return self._loaded


def _stream_digest(path: Path) -> str:
    """``digest(path.read_bytes())``, a chunk at a time."""
    hasher = blake2b(digest_size=32)
    try:
        with path.open("rb") as f:
            while chunk := f.read(_CHUNK):
                hasher.update(chunk)
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"
    return hasher.hexdigest()


def run_kb_files(options: Options, root: Path | None, cwd: Path) -> list[Path]:
    """The knowledge base files of a run: the `--kb` paths, else the verified folders'."""
    first = next((Path(p) for p in options.paths if Path(p).exists()), cwd)
    project = root or find_root(first)
    try:
        search = kb_search_paths(options.kb, options.paths, project)
    except KBPathError as exc:
        raise UsageError(str(exc)) from None
    return find_kb_files(search)
