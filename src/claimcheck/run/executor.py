"""Where the files a run must check are checked: here, in a local process pool, or on Dask.

An executor takes chunks of ``Task`` (files the cache did not answer) and hands back, for
each, a ``Pending`` whose ``result()`` is the chunk's results in the chunk's order; the
caller (``parallel``) keeps a window of chunks in flight and takes them back in order, so
the report is the same whatever ran them. Only a file's bytes and name travel; a worker
builds its engine, the knowledge base included, once (``worker_engine``).

The pool's parent decides what an interrupt means: worker processes ignore SIGINT (Ctrl-C
reaches the whole process group; only the parent reacts, without a traceback from every
worker), and on SIGINT or SIGTERM the parent terminates the pool before it exits, leaving
no orphan. Dask is imported only by ``DaskExecutor`` (the ``dask`` extra): a worker that dies
has its chunks run again elsewhere (the scheduler reschedules them, and ``RETRIES`` covers a
chunk that fails on the way), and the run completes.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, Protocol

from claimcheck.core.options import Options, UsageError

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult, Pool

    from claimcheck.check.engine import Engine
    from claimcheck.check.result import FileResult
    from claimcheck.kb.store import KnowledgeBase

WINDOW_PER_WORKER = 8  # chunks in flight for each worker
RETRIES = 3  # Dask: how often a chunk whose worker failed is run again
TERMINATE_SECONDS = 5  # the pool's own shutdown, before its workers are killed


class Task:
    """A file to check: its path, the name it is shown under, its bytes when already read,
    and its cache key (None: not cached). A plain class, not a dataclass: a dataclass costs
    every start-up about a millisecond to create."""

    __slots__ = ("key", "path", "raw", "shown")

    def __init__(self, path: Path, shown: str, raw: bytes | None = None, key: str | None = None):
        self.path, self.shown, self.raw, self.key = path, shown, raw, key

    def __reduce__(self) -> tuple[Any, ...]:
        return (Task, (self.path, self.shown, self.raw, self.key))


class WorkerSpec:
    """What a worker on another machine needs to build the run's engine: the options, the
    root, and the knowledge base (its files, the names they are shown under, and a token
    that tells one run's from another's)."""

    def __init__(
        self,
        options: Options,
        root: Path | None,
        kb_files: tuple[Path, ...],
        kb_names: tuple[str, ...],
        token: str,
    ):
        self.options, self.root, self.token = options, root, token
        self.kb_files, self.kb_names = kb_files, kb_names


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


def worker_kb(spec: WorkerSpec) -> KnowledgeBase | None:
    """The knowledge base a worker checks against, opened once per worker and run.

    Today the compiled (in-memory) knowledge base, loaded from the run's files; a read-only
    store opened from a path plugs in here.
    """
    # lazy: start-up (only a worker of another process needs the KB loader here)
    from claimcheck.kb.files import KBSource

    names = dict(zip(spec.kb_files, spec.kb_names, strict=True))
    return KBSource(list(spec.kb_files), spec.options.limits, names.__getitem__).load()[0]


_engine: tuple[str, Engine] | None = None  # a worker's engine, for the run of its token


def worker_engine(spec: WorkerSpec) -> Engine:
    """The engine of ``spec``'s run in this worker: built on its first chunk, then kept."""
    global _engine  # noqa: PLW0603 - one engine per worker process and run
    if _engine is None or _engine[0] != spec.token:
        # lazy: start-up (the rules, the models and the judge: only a worker checks)
        from claimcheck.check.engine import Engine

        engine = Engine.from_options(spec.options, spec.root)
        engine.kb = worker_kb(spec)
        _engine = (spec.token, engine)
    return _engine[1]


def check_chunk(spec: WorkerSpec, chunk: list[Task]) -> list[FileResult]:
    """A chunk checked on a worker (the function Dask runs)."""
    engine = worker_engine(spec)
    out = []
    for task in chunk:
        with paused_gc():
            out.append(engine.check_file(task.path, task.shown, task.raw))
    return out


class Pending(Protocol):
    def result(self) -> list[FileResult]: ...


class Executor(Protocol):
    """Runs chunks of tasks; ``window`` chunks may be in flight at once."""

    window: int

    def chunk_size(self, files: int) -> int: ...

    def submit(self, chunk: list[Task]) -> Pending: ...

    def close(self) -> None: ...


class _Later:
    def __init__(self, check: Callable[[Task], FileResult], chunk: list[Task]):
        self.check, self.chunk = check, chunk

    def result(self) -> list[FileResult]:
        return [self.check(task) for task in self.chunk]


class InProcess:
    """Each chunk checked when its result is asked for: one file's objects at a time."""

    window = 1

    def __init__(self, check: Callable[[Task], FileResult]):
        self.check = check

    def chunk_size(self, files: int) -> int:
        return 1

    def submit(self, chunk: list[Task]) -> Pending:
        return _Later(self.check, chunk)

    def close(self) -> None:
        pass


_worker: Callable[[Task], FileResult] | None = None


def _start_worker(check: Callable[[Task], FileResult]) -> None:
    """A worker leaves Ctrl-C to the parent, which terminates the pool."""
    global _worker  # noqa: PLW0603 - one checker per worker process
    import signal  # lazy: start-up (its enums cost a run on one process 0.5 ms)

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # terminate() stops a worker at once
    _worker = check


def _check_in_worker(chunk: list[Task]) -> list[FileResult]:
    assert _worker is not None
    return [_worker(task) for task in chunk]


class Terminated(KeyboardInterrupt):
    """SIGTERM reached the parent while workers ran: it unwinds the run as Ctrl-C does (the
    pool is terminated on the way out, and the command line exits without a traceback)."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise Terminated


class ProcessPool:
    """``processes`` forked workers (spawned where fork is missing), started on the first
    chunk: a run the cache answers whole starts none. ``prepare`` runs before the fork, so
    the workers inherit what it built (the engine) instead of building it each."""

    def __init__(
        self, processes: int, check: Callable[[Task], FileResult], prepare: Callable[[], Any]
    ):
        self.processes = processes
        self.window = processes * WINDOW_PER_WORKER
        self.check = check
        self.prepare = prepare
        self._pool: Pool | None = None
        self._workers: set[Any] = set()  # the pool's processes, to kill if it hangs
        self._previous: Any = None

    def chunk_size(self, files: int) -> int:
        # Measured here: a pool round trip costs ~0.17 ms a file one by one, ~0.035 ms in
        # fours, and a file of 100 claims takes 10-30 ms to check. So chunks of a few files:
        # at the end one process is left with at most a few files' work.
        return max(1, min(4, files // (self.processes * 64)))

    def submit(self, chunk: list[Task]) -> Pending:
        pool = self._pool or self._start()
        handle: AsyncResult[list[FileResult]] = pool.apply_async(_check_in_worker, (chunk,))
        return _Got(handle)

    def _start(self) -> Pool:
        import multiprocessing  # lazy: start-up (a run on one process never needs it)
        import signal  # lazy: start-up (its enums cost a run on one process 0.5 ms)

        self.prepare()
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        main = threading.current_thread() is threading.main_thread()
        # Workers forked here inherit SIGINT ignored, before their initializer even runs.
        before = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
        others = set(multiprocessing.active_children())
        try:
            self._pool = context.Pool(
                self.processes, initializer=_start_worker, initargs=(self.check,)
            )
            self._workers = set(multiprocessing.active_children()) - others
        finally:
            if main:
                signal.signal(signal.SIGINT, before)
        if main:
            # While the pool runs, SIGTERM unwinds the parent instead of killing it where it
            # stands (which would orphan the workers); restored by ``close``.
            self._previous = signal.signal(signal.SIGTERM, _on_sigterm)
        return self._pool

    def close(self) -> None:
        """Terminate the workers, whether the run ended, failed or was stopped.

        ``Pool.terminate`` can wait for ever on a stop: it posts to the results queue, whose
        lock a worker holds while it blocks sending a result nobody reads any more (seen
        once when Ctrl-C stopped a run). So it gets ``TERMINATE_SECONDS``; then the workers
        are killed, and the thread left waiting is a daemon that does not hold the exit.
        """
        if self._pool is None:
            return
        pool, self._pool = self._pool, None
        ending = threading.Thread(target=pool.terminate, daemon=True)
        ending.start()
        ending.join(TERMINATE_SECONDS)
        if ending.is_alive():
            for worker in self._workers:
                worker.kill()
                worker.join()
        if self._previous is not None:
            import signal  # lazy: start-up (its enums cost a run on one process 0.5 ms)

            signal.signal(signal.SIGTERM, self._previous)
            self._previous = None


class _Got:
    def __init__(self, handle: Any):
        self.handle = handle

    def result(self) -> list[FileResult]:
        out: list[FileResult] = self.handle.get()
        return out


class DaskExecutor:
    """Chunks run on a Dask cluster: the scheduler at ``options.scheduler``, else a local
    cluster of ``options.jobs`` worker processes on the loopback address, made for the run."""

    def __init__(self, options: Options, spec: WorkerSpec):
        try:
            # lazy: start-up (dask only with --executor dask: the `dask` extra)
            import importlib

            distributed: Any = importlib.import_module("distributed")
        except ImportError:
            raise UsageError("--executor dask needs Dask: pip install 'claimcheck[dask]'") from None
        self.spec = spec
        self._cluster: Any = None
        try:
            if options.scheduler:
                self.client = distributed.Client(options.scheduler, timeout="10s")
            else:
                self._cluster = distributed.LocalCluster(
                    n_workers=max(1, options.jobs),
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=":0",  # never a fixed port another cluster holds
                )
                self.client = distributed.Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            self.close()
            where = options.scheduler or "a local cluster"
            raise UsageError(f"--executor dask: cannot reach {where}: {exc}") from None
        workers = max(1, len(self.client.nthreads()))
        self.workers = workers
        self.window = workers * WINDOW_PER_WORKER
        self._spec = self.client.scatter(spec, broadcast=True)

    def chunk_size(self, files: int) -> int:
        # A Dask task costs about a millisecond of scheduling: chunks of up to 16 files,
        # small enough that a lost worker's chunk is quickly done again.
        return max(1, min(16, files // (self.workers * 16)))

    def submit(self, chunk: list[Task]) -> Pending:
        future = self.client.submit(check_chunk, self._spec, chunk, pure=False, retries=RETRIES)
        return _Got(_DaskResult(future))

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


class _DaskResult:
    def __init__(self, future: Any):
        self.future = future

    def get(self) -> list[FileResult]:
        out: list[FileResult] = self.future.result()
        return out
