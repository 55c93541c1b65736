"""The executors: whatever checks the files, the results come back in the files' order."""

import sys

import pytest

from claimcheck.app import Options, verify
from claimcheck.core.options import UsageError
from claimcheck.run.executor import Task
from claimcheck.run.parallel import _units
from tests.helpers import BRICS, write_claims


def test_units_hold_a_chunk_of_tasks_and_the_results_between(tmp_path):
    from claimcheck.check.result import FileResult

    hit = FileResult("h", "checked")
    items = [hit, Task(tmp_path, "a"), hit, Task(tmp_path, "b"), Task(tmp_path, "c"), hit]
    units = list(_units(iter(items), 2))
    assert units == [items[:4], items[4:]]
    assert [u for unit in units for u in unit] == items


def test_a_partly_cached_run_on_two_processes_keeps_the_files_order(project, monkeypatch):
    monkeypatch.chdir(project)
    for n in range(10):
        write_claims(project, BRICS.replace("id: full", f"id: full{n}"), f"f{n}.claims.yaml")
    options = Options(paths=(".",), cache_dir=str(project / ".cache"))
    verify(options)
    for n in range(0, 10, 3):  # every third file changes: hits and misses interleave
        (project / f"f{n}.claims.yaml").write_text(
            (project / f"f{n}.claims.yaml").read_text().replace("[brazil, russia]", "[brazil]")
        )
    fresh = verify(Options(paths=(".",)))
    again = verify(Options(paths=(".",), cache_dir=str(project / ".cache"), jobs=2))
    assert [f.path for f in again.files] == [f"f{n}.claims.yaml" for n in range(10)]
    assert again.findings == fresh.findings


def test_dask_without_its_extra_is_a_usage_error(project, monkeypatch):
    monkeypatch.chdir(project)
    write_claims(project, BRICS)
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    with pytest.raises(UsageError, match=r"pip install 'claimcheck\[dask\]'"):
        verify(Options(paths=(".",), executor="dask"))


def test_a_scheduler_without_dask_is_a_usage_error(project, run_cli):
    write_claims(project, BRICS)
    out = run_cli("verify", ".", "--scheduler", "tcp://127.0.0.1:8786", cwd=project)
    assert out.returncode == 2
    assert "--scheduler needs --executor dask" in out.stderr


def _named(task: Task):
    from claimcheck.check.result import FileResult

    return FileResult(task.shown, "checked")


def test_a_pool_that_hangs_on_terminate_has_its_workers_killed(monkeypatch, tmp_path):
    """Pool.terminate can block for ever (a worker holding the results queue's lock)."""
    import multiprocessing.pool
    import time

    from claimcheck.run import executor

    before = set(multiprocessing.active_children())
    pool = executor.ProcessPool(2, _named, lambda: None)
    assert pool.submit([Task(tmp_path, "a")]).result()[0].path == "a"
    workers = set(pool._workers)
    assert len(workers) == 2 and all(w.is_alive() for w in workers)
    monkeypatch.setattr(executor, "TERMINATE_SECONDS", 0.2)
    inner = pool._pool

    def hang() -> None:
        # As Pool.terminate starts: its finaliser runs once (so none is left for exit), and
        # stops the pool's handler threads before it can block. A stand-in that skipped this
        # left the worker handler replacing the killed workers, and the process hung at exit.
        inner._terminate.cancel()
        inner._state = multiprocessing.pool.TERMINATE
        inner._worker_handler._state = multiprocessing.pool.TERMINATE
        inner._task_handler._state = multiprocessing.pool.TERMINATE
        time.sleep(60)

    monkeypatch.setattr(inner, "terminate", hang)
    started = time.monotonic()
    pool.close()
    assert time.monotonic() - started < 5
    assert not any(w.is_alive() for w in workers)
    time.sleep(0.3)  # the handler's wait times out every 0.1 s: a replacement would be up
    assert not [p for p in multiprocessing.active_children() if p not in before]
