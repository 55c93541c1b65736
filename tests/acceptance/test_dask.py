"""`verify --executor dask` on a real cluster: two worker processes and a scheduler on the
loopback address. The report is byte-identical to the local one in every format, and a
worker killed mid-run has its chunks run again: the run completes, and is identical.

Marked ``dask`` (not in the default run): `.ci/run` installs the extra and runs them.
"""

from __future__ import annotations

import io
import os
import signal
from pathlib import Path

import pytest

from claimcheck.app import FileResult, Options, VerifyRequest, run_verify, verify_stream
from claimcheck.run.stream import collect

pytestmark = [
    pytest.mark.dask,
    # Dask's own deprecations and its closing of sockets are not claimcheck's to fix.
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


def _distributed():
    """Imported by the tests that run, never at collection: Dask in the collecting process
    would add 100 MB to every child's peak memory that later tests measure."""
    return pytest.importorskip("distributed")


FORMATS = ("text", "json", "sarif", "junit", "github")


@pytest.fixture(scope="module")
def cluster():
    with _distributed().LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=":0",
    ) as c:
        yield c


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """A seeded archive with its knowledge base: 36 articles of 25 claims."""
    from bench.corpus import write_corpus

    folder = tmp_path_factory.mktemp("archive")
    write_corpus(folder, seed=7, total_claims=900, per_file=25, fmt="yaml", varied=True)
    return folder


def _report(archive: Path, fmt: str, **executor: object) -> tuple[int, str]:
    out = io.StringIO()
    request = VerifyRequest(paths=(".",), no_cache=True, fmt=fmt, verbosity=1, **executor)
    cwd = Path.cwd()
    os.chdir(archive)
    try:
        code = run_verify(request, out)
    finally:
        os.chdir(cwd)
    return code, out.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_dask_report_is_byte_identical_to_the_local_one(cluster, archive, fmt):
    local = _report(archive, fmt)
    assert local[0] == 1 and len(local[1]) > 1000  # findings: something to compare
    remote = _report(archive, fmt, executor="dask", scheduler=cluster.scheduler_address)
    assert remote == local


def test_a_local_cluster_of_jobs_workers_gives_the_same_report(archive):
    assert _report(archive, "json", executor="dask", jobs=2) == _report(archive, "json")


def test_a_worker_killed_mid_run_has_its_chunks_run_again(cluster, archive, monkeypatch):
    monkeypatch.chdir(archive)
    local = collect(verify_stream(Options(paths=(".",))))
    options = Options(paths=(".",), executor="dask", scheduler=cluster.scheduler_address)
    stream = verify_stream(options)
    files = stream.files
    first = next(files)
    with _distributed().Client(cluster.scheduler_address) as client:
        pids = client.run(os.getpid)
        os.kill(next(iter(pids.values())), signal.SIGKILL)
    remote = [first, *files]
    assert len(remote) == 36
    assert list(map(_outcome, remote)) == list(map(_outcome, local.files))


def _outcome(f: FileResult) -> tuple[object, ...]:
    """What a report shows of a file (its inputs name folders as the run was given them)."""
    return (f.path, f.status, f.claims, f.claim_ids, f.findings, f.verdict_json)


def test_an_unreachable_scheduler_is_a_usage_error(archive):
    from claimcheck.core.options import UsageError

    with pytest.raises(UsageError, match=r"cannot reach tcp://127\.0\.0\.1:9"):
        _report(archive, "text", executor="dask", scheduler="tcp://127.0.0.1:9")
