"""Check many files: from the cache where nothing changed, else with the engine, on N processes.

Results come back in the order the files were given whatever the number of processes, so the
report is byte-identical to one made with ``--jobs 1``. Each process holds one file's parsed
data at a time and hands back a compact ``FileReport`` (findings, and verdicts as encoded
JSON records), so memory stays bounded on an archive and the parent decodes nothing.
"""

from __future__ import annotations

import gc
import itertools
import json
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.core.diagnostics import unreadable
from claimcheck.core.findings import Finding
from claimcheck.core.options import Options
from claimcheck.core.project import find_root
from claimcheck.loader.reader import ReadError, digest, read_bytes
from claimcheck.run.cache import Cache, file_key, fingerprint
from claimcheck.run.stream import FileReport

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

    from claimcheck.check.engine import Engine
    from claimcheck.kb.files import KBSource

Job = tuple[Path, str]  # the file, and the name it is shown under
WINDOW_PER_PROCESS = 8  # chunks in flight for each worker process


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while one file is parsed and checked.

    Parsing allocates many containers that all survive until the file is done; each
    collection would walk them again for nothing. Reference counting still frees them.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Checker:
    """Checks one file at a time; builds the engine (pydantic, the rules, the knowledge base)
    only on a miss."""

    def __init__(self, options: Options, kb: KBSource):
        self.options = options
        self.kb = kb
        self.root = Path(options.root).resolve() if options.root else None
        self.cache = Cache(Path(options.cache_dir), options.limits) if options.cache_dir else None
        # Every file all results depend on, by content: add new shared inputs here.
        shared = {"kb": kb.digest()} if self.cache is not None else {}
        self.run = fingerprint(options, shared) if self.cache is not None else ""
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from claimcheck.check.engine import Engine

            engine = Engine.from_options(self.options, self.root)
            engine.kb = self.kb.load()[0]
            self._engine = engine
        return self._engine

    def kb_findings(self) -> list[Finding]:
        """The knowledge base's own load findings, from the cache when it has not changed."""
        if not self.kb.files:
            return []
        key = digest(json.dumps([self.run, "knowledge base"]).encode())
        if self.cache is not None and (hit := self.cache.get(key, Path("/"))) is not None:
            return hit.findings
        with paused_gc():  # the knowledge base is parsed like any file
            findings = self.kb.load()[1]
        if self.cache is not None:
            self.cache.put(key, FileReport("(knowledge base)", "checked", findings=findings))
        return findings

    def check(self, job: Job) -> FileReport:
        path, shown = job
        if not path.exists() and not path.is_symlink():
            return FileReport(
                shown, "unreadable", findings=[unreadable(shown, "no such file or folder")]
            )
        if self.cache is None:
            return self._check(path, shown)
        try:
            raw = read_bytes(str(path), self.options.limits)
        except ReadError:
            return self._check(path, shown)  # not cached: the engine reports why
        root = self.root or find_root(path.parent)
        key = file_key(self.run, path, shown, raw, root)
        hit = self.cache.get(key, root)
        if hit is not None:
            return hit
        outcome = self._check(path, shown)
        if self._unchanged(path, raw):
            self.cache.put(key, outcome)
        return outcome

    def _check(self, path: Path, shown: str) -> FileReport:
        with paused_gc():
            return FileReport.from_outcome(self.engine.check_file(path, shown))

    def _unchanged(self, path: Path, raw: bytes) -> bool:
        """Whether the file still holds the bytes its key was made from (an edit mid-run)."""
        try:
            return read_bytes(str(path), self.options.limits) == raw
        except ReadError:
            return False


_worker: Checker | None = None


def _start_worker(checker: Checker) -> None:
    global _worker  # noqa: PLW0603 - one checker per worker process
    _worker = checker


def _check_in_worker(chunk: list[Job]) -> list[FileReport]:
    assert _worker is not None
    return [_worker.check(job) for job in chunk]


def check_files(
    options: Options, jobs: list[Job], kb: KBSource
) -> tuple[Iterator[FileReport], list[Finding]]:
    """Each file's outcome, lazily and in the order of ``jobs``; and the knowledge base's
    own findings."""
    checker = Checker(options, kb)
    return _outcomes(checker, jobs), checker.kb_findings()


def _outcomes(checker: Checker, jobs: list[Job]) -> Iterator[FileReport]:
    options = checker.options
    processes = min(options.jobs, len(jobs))
    if not jobs or processes > 1:
        # Check the rule selection even with nothing to check; before forking, so that
        # the workers inherit the imported engine instead of importing it each.
        _ = checker.engine
    if processes <= 1:
        yield from map(checker.check, jobs)
        return
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    # Measured here: a pool round trip costs ~0.17 ms a file one by one, ~0.035 ms in fours,
    # and a file of 100 claims takes 10-30 ms to check. So chunks of a few files: at the end
    # one process is left with at most a few files' work (32 files could be a second).
    size = max(1, min(4, len(jobs) // (processes * 64)))
    chunks = (jobs[i : i + size] for i in range(0, len(jobs), size))
    with context.Pool(processes, initializer=_start_worker, initargs=(checker,)) as pool:
        # A window of chunks in flight, taken back in order: enough that no process waits,
        # few enough that reports never pile up when the report is written slowly (imap would
        # queue every file at once, and hold every report that came back early).
        window: deque[AsyncResult[list[FileReport]]] = deque(
            pool.apply_async(_check_in_worker, (chunk,))
            for chunk in itertools.islice(chunks, processes * WINDOW_PER_PROCESS)
        )
        while window:
            reports = window.popleft().get()
            following = next(chunks, None)
            if following is not None:
                window.append(pool.apply_async(_check_in_worker, (following,)))
            yield from reports
