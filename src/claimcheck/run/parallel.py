"""Check many files: from the cache where nothing changed, else with the engine, on N processes.

Results come back in the order the files were given whatever the number of processes, so the
report is byte-identical to one made with ``--jobs 1``. Each process holds one file's parsed
data at a time and hands back a compact ``FileResult`` (findings, and verdicts as encoded
JSON records), so memory stays bounded on an archive and the parent decodes nothing.

The parent decides what an interrupt means: worker processes ignore SIGINT (Ctrl-C reaches
the whole process group; only the parent reacts, without a traceback from every worker),
and on SIGINT or SIGTERM the parent terminates the pool before it exits, leaving no orphan.
"""

from __future__ import annotations

import gc
import itertools
import json
import signal
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from claimcheck.check.result import FileResult
from claimcheck.core.diagnostics import unreadable
from claimcheck.core.findings import Finding
from claimcheck.core.options import Options
from claimcheck.core.project import find_root
from claimcheck.kb.files import KBSource
from claimcheck.loader.reader import ReadError, digest, read_bytes
from claimcheck.run.cache import Cache, file_key, fingerprint

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

    from claimcheck.check.engine import Engine

Job = tuple[Path, str]  # the file, and the name it is shown under
WINDOW_PER_PROCESS = 8  # chunks in flight for each worker process


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while one file is parsed and checked.

    Parsing allocates many containers that all survive until the file is done; each
    collection would walk them again for nothing. Reference counting still frees them.
    The collector's state before is restored on the way out, error or not.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Checker:
    """Checks one file at a time; builds the engine (the rules, the knowledge base) only on a
    miss. It owns what a run keeps between files (the cache's memo, the roots found)."""

    def __init__(self, options: Options, kb: KBSource):
        self.options = options
        self.kb = kb
        self.root = Path(options.root).resolve() if options.root else None
        self.cache = Cache(Path(options.cache_dir), options.limits) if options.cache_dir else None
        if self.cache is not None and self.cache.refused is not None:
            self.cache = None
        # Every file all results depend on, by content: add new shared inputs here.
        shared = {"kb": kb.digest()} if self.cache is not None else {}
        self.run = fingerprint(options, shared) if self.cache is not None else ""
        self.roots: dict[Path, Path] = {}
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            # lazy: start-up (the rules, the models and the judge: a cached run needs none)
            from claimcheck.check.engine import Engine

            engine = Engine.from_options(self.options, self.root)
            engine.kb, engine.kb_for = self.kb.for_engine()
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
            self.cache.put(key, FileResult("(knowledge base)", "checked", findings=findings))
        return findings

    def check(self, job: Job) -> FileResult:
        """One file's result; its bytes are read once, and hashed and checked as read."""
        path, shown = job
        if not path.exists() and not path.is_symlink():
            return FileResult(
                shown, "unreadable", findings=[unreadable(shown, "no such file or folder")]
            )
        if self.cache is None:
            return self._check(path, shown, None)
        try:
            raw = read_bytes(str(path), self.options.limits)
        except ReadError:
            return self._check(path, shown, None)  # not cached: the engine reports why
        root = self.root or find_root(path.parent, self.roots)
        key = file_key(self.run, path, shown, raw, root)
        hit = self.cache.get(key, root)
        if hit is not None:
            return hit
        result = self._check(path, shown, raw)
        self.cache.put(key, result)
        return result

    def _check(self, path: Path, shown: str, raw: bytes | None) -> FileResult:
        with paused_gc():
            return self.engine.check_file(path, shown, raw)


_worker: Checker | None = None


def _start_worker(checker: Checker) -> None:
    """A worker leaves Ctrl-C to the parent, which terminates the pool."""
    global _worker  # noqa: PLW0603 - one checker per worker process
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # terminate() stops a worker at once
    _worker = checker


def _check_in_worker(chunk: list[Job]) -> list[FileResult]:
    assert _worker is not None
    return [_worker.check(job) for job in chunk]


def check_files(
    options: Options, jobs: list[Job], kb: KBSource
) -> tuple[Iterator[FileResult], list[Finding]]:
    """Each file's outcome, lazily and in the order of ``jobs``; and the knowledge base's
    own findings."""
    checker = Checker(options, kb)
    return _outcomes(checker, jobs), checker.kb_findings()


class Terminated(KeyboardInterrupt):
    """SIGTERM reached the parent while workers ran: it unwinds the run as Ctrl-C does (the
    pool is terminated on the way out, and the command line exits without a traceback)."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextmanager
def _parent_decides() -> Iterator[None]:
    """While the pool runs, SIGTERM unwinds the parent instead of killing it where it stands
    (which would orphan the workers); the previous handler is restored afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals go to the main thread: whoever runs it decides
        return
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def _ignoring_sigint() -> Iterator[None]:
    """Workers forked in here inherit SIGINT ignored, before their initializer even runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _outcomes(checker: Checker, jobs: list[Job]) -> Iterator[FileResult]:
    options = checker.options
    processes = min(options.jobs, len(jobs))
    if not jobs or processes > 1:
        # Check the rule selection even with nothing to check; before forking, so that
        # the workers inherit the imported engine instead of importing it each.
        _ = checker.engine
    if processes <= 1:
        yield from map(checker.check, jobs)
        return
    import multiprocessing  # lazy: start-up (a run on one process never needs it)

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    # Measured here: a pool round trip costs ~0.17 ms a file one by one, ~0.035 ms in fours,
    # and a file of 100 claims takes 10-30 ms to check. So chunks of a few files: at the end
    # one process is left with at most a few files' work (32 files could be a second).
    size = max(1, min(4, len(jobs) // (processes * 64)))
    chunks = (jobs[i : i + size] for i in range(0, len(jobs), size))
    with _ignoring_sigint():
        pool = context.Pool(processes, initializer=_start_worker, initargs=(checker,))
    # Leaving the block terminates the workers, whether the run ends, fails or is stopped.
    with pool, _parent_decides():
        # A window of chunks in flight, taken back in order: enough that no process
        # waits, few enough that reports never pile up when the report is written slowly
        # (imap would queue every file at once, and hold every report that came back
        # early).
        window: deque[AsyncResult[list[FileResult]]] = deque(
            pool.apply_async(_check_in_worker, (chunk,))
            for chunk in itertools.islice(chunks, processes * WINDOW_PER_PROCESS)
        )
        while window:
            reports = window.popleft().get()
            following = next(chunks, None)
            if following is not None:
                window.append(pool.apply_async(_check_in_worker, (following,)))
            yield from reports
