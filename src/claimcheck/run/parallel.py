"""Check many files: from the cache where nothing changed, else on an executor.

The parent looks every file up in the cache (it alone reads and writes it); the files it
does not answer go to the executor (``executor``: here, a local process pool, or Dask) in
chunks, and come back in the order the files were given whatever ran them, so the report
is byte-identical to one made with ``--jobs 1``. A worker holds one file's parsed data at a
time and hands back a compact ``FileResult`` (findings, and verdicts as encoded JSON
records), so memory stays bounded on an archive and the parent decodes nothing.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.check.result import FileResult
from claimcheck.core.findings import Finding
from claimcheck.core.options import Options
from claimcheck.core.project import find_root
from claimcheck.kb.files import KBSource
from claimcheck.loader.reader import ReadError, digest, read_bytes
from claimcheck.run.cache import Cache, file_key, fingerprint
from claimcheck.run.executor import (
    DaskExecutor,
    Executor,
    InProcess,
    Pending,
    ProcessPool,
    Task,
    WorkerSpec,
    paused_gc,
)

if TYPE_CHECKING:
    from claimcheck.check.engine import Engine

__all__ = ["Checker", "Job", "check_files", "paused_gc"]

Job = tuple[Path, str]  # the file, and the name it is shown under


class Checker:
    """Checks one file at a time; builds the engine (the rules, the knowledge base) only on a
    miss. It owns what a run keeps between files (the cache's memo, the roots found)."""

    def __init__(self, options: Options, kb: KBSource):
        self.options = options
        self.kb = kb
        self.root = Path(options.root).resolve() if options.root else None
        self.cache = (
            Cache(Path(options.cache_dir), options.limits, options.cache_max_bytes)
            if options.cache_dir
            else None
        )
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

    def lookup(self, job: Job) -> FileResult | Task:
        """One file's result when known without checking it (from the cache, or a missing
        file); else the task of checking it. Its bytes are read once, and hashed as read."""
        path, shown = job
        if not path.exists() and not path.is_symlink():
            # lazy: start-up (the diagnostics table: a run whose files all exist needs none)
            from claimcheck.core.diagnostics import unreadable

            return FileResult(
                shown, "unreadable", findings=[unreadable(shown, "no such file or folder")]
            )
        if self.cache is None:
            return Task(path, shown)
        try:
            raw = read_bytes(str(path), self.options.limits)
        except ReadError:
            return Task(path, shown)  # not cached: the engine reports why
        key = file_key(self.run, shown, raw)
        root = self.root or find_root(path.parent, self.roots)
        hit = self.cache.get(key, root, path)
        return hit if hit is not None else Task(path, shown, raw, key)

    def check(self, task: Task) -> FileResult:
        """A task checked here, with this process's engine."""
        with paused_gc():
            return self.engine.check_file(task.path, task.shown, task.raw)

    def store(self, task: Task, result: FileResult) -> None:
        if self.cache is not None and task.key is not None:
            self.cache.put(task.key, result, task.path)

    def close(self) -> None:
        """The run is over: the cache is kept within its bound."""
        if self.cache is not None:
            self.cache.close()

    def spec(self) -> WorkerSpec:
        """The run as a worker elsewhere rebuilds it (paths absolute: its cwd is not ours)."""
        files = tuple(Path.cwd() / p for p in self.kb.files)
        token = digest(
            json.dumps([self.run or fingerprint(self.options, {}), self.kb.digest()]).encode()
        )
        return WorkerSpec(self.options, self.root, files, tuple(self.kb.names), token)


def check_files(
    options: Options, jobs: list[Job], kb: KBSource
) -> tuple[Iterator[FileResult], list[Finding]]:
    """Each file's outcome, lazily and in the order of ``jobs``; and the knowledge base's
    own findings. A Dask cluster is reached here, before the first report."""
    checker = Checker(options, kb)
    executor: Executor
    if options.executor == "dask":
        executor = DaskExecutor(options, checker.spec())
        jobs = [(Path.cwd() / path, shown) for path, shown in jobs]
    elif min(options.jobs, len(jobs)) > 1:
        executor = ProcessPool(min(options.jobs, len(jobs)), checker.check, lambda: checker.engine)
    else:
        executor = InProcess(checker.check)
    if not jobs and options.executor != "dask":
        _ = checker.engine  # the rule selection is checked even with nothing to check
    return _outcomes(checker, jobs, executor), checker.kb_findings()


Unit = list[FileResult | Task]  # files in order: known results, and tasks for one chunk


def _units(lookups: Iterator[FileResult | Task], size: int) -> Iterator[Unit]:
    """Consecutive files, each unit holding ``size`` tasks (the last, up to ``size``)."""
    unit: Unit = []
    tasks = 0
    for item in lookups:
        unit.append(item)
        if isinstance(item, Task):
            tasks += 1
            if tasks == size:
                yield unit
                unit, tasks = [], 0
    if unit:
        yield unit


def _outcomes(checker: Checker, jobs: list[Job], executor: Executor) -> Iterator[FileResult]:
    """A window of chunks in flight, taken back in order: enough that no worker waits, few
    enough that results never pile up when the report is written slowly."""
    try:
        units = _units(map(checker.lookup, jobs), executor.chunk_size(len(jobs)))
        window: deque[tuple[Unit, Pending | None]] = deque()

        def send(unit: Unit) -> None:
            tasks = [item for item in unit if isinstance(item, Task)]
            window.append((unit, executor.submit(tasks) if tasks else None))

        for unit in units:
            send(unit)
            if len(window) >= executor.window:
                break
        while window:
            unit, pending = window.popleft()
            checked = iter(pending.result() if pending is not None else ())
            following = next(units, None)
            if following is not None:
                send(following)
            for item in unit:
                if isinstance(item, Task):
                    result = next(checked)
                    checker.store(item, result)
                    yield result
                else:
                    yield item
        checker.close()
    finally:
        executor.close()
