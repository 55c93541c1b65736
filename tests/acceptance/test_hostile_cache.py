"""A result cache restored from a shared store, a baseline from a pull request, and a run that
is stopped: untrusted or hostile, each must cost speed at worst, never a wrong result."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from claimcheck.app import Options, verify
from claimcheck.core.limits import Limits
from claimcheck.loader import reader
from claimcheck.run import cache
from tests.helpers import BRICS, write_claims


def _options(project: Path) -> Options:
    return Options(paths=(str(project),), cache_dir=str(project / ".cache"))


def _rules(project: Path) -> set[str]:
    return {f.rule_id for f in verify(_options(project)).findings}


def _entry(project: Path) -> Path:
    (entry,) = (project / ".cache").glob(f"v{cache.ENTRY_FORMAT}/*/*.json")
    return entry


def test_an_entry_whose_findings_were_emptied_is_a_miss(project, checks, monkeypatch):
    monkeypatch.chdir(project)
    write_claims(project, BRICS)
    assert "CC101" in _rules(project)
    entry = _entry(project)
    mac, body = entry.read_bytes().split(b"\n", 1)
    fields = cache.unpack_entry(body)
    fields["findings"] = []
    entry.write_bytes(mac + b"\n" + cache.pack_entry(fields))  # the old hash kept
    result = verify(_options(project))
    assert "CC101" in {f.rule_id for f in result.findings}
    assert result.exit_code == 1
    assert len(checks) == 2  # checked again


def test_every_single_bit_flip_of_an_entry_is_a_miss(project, monkeypatch):
    """Over every bit of an entry (a bounded random sample of a large one, seeded)."""
    monkeypatch.chdir(project)
    write_claims(project, "claims: []\n")
    verify(_options(project))
    entry = _entry(project)
    good = entry.read_bytes()
    store = cache.Cache(project / ".cache", Limits())
    key = entry.stem
    assert store.get(key, project, project / "a.claims.yaml") is not None
    bits = range(len(good) * 8)
    chosen = bits if len(bits) <= 20_000 else random.Random(15).sample(bits, 20_000)
    served = []
    for bit in chosen:
        flipped = bytearray(good)
        flipped[bit // 8] ^= 1 << (bit % 8)
        entry.write_bytes(bytes(flipped))
        if store.get(key, project, project / "a.claims.yaml") is not None:
            served.append(bit)
    assert served == []
    assert len(chosen) > 150


def test_an_entry_from_another_cache_is_a_miss(project, checks, monkeypatch):
    """Each cache has its own key: an entry copied from another one is not authentic here."""
    monkeypatch.chdir(project)
    write_claims(project, BRICS)
    verify(_options(project))
    (project / ".cache" / "key").write_bytes(os.urandom(cache.KEY_BYTES))
    verify(_options(project))
    assert len(checks) == 2


def test_the_cache_key_is_private(project, monkeypatch):
    monkeypatch.chdir(project)
    write_claims(project, BRICS)
    verify(_options(project))
    assert (project / ".cache" / "key").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("link", ["file", "folder"])
def test_re_pointing_a_linked_article_changes_the_result(project, monkeypatch, link):
    monkeypatch.chdir(project)
    other = project / "other"
    other.mkdir()
    (other / "a.txt").write_text("Nothing about any forum here.\n", encoding="utf-8")
    if link == "file":
        (project / "articles" / "real.txt").write_text(
            (project / "articles" / "a.txt").read_text(encoding="utf-8"), encoding="utf-8"
        )
        (project / "articles" / "a.txt").unlink()
        (project / "articles" / "a.txt").symlink_to("real.txt")
    else:
        (project / "articles").rename(project / "texts")
        (project / "articles").symlink_to("texts")
    write_claims(project, BRICS)
    assert "CC104" not in _rules(project)  # every quote is in the article
    if link == "file":
        (project / "articles" / "a.txt").unlink()
        (project / "articles" / "a.txt").symlink_to("../other/a.txt")
    else:
        (project / "articles").unlink()
        (project / "articles").symlink_to("other")
    rules = _rules(project)
    assert rules == {f.rule_id for f in verify(Options(paths=(str(project),))).findings}
    assert rules != _rules_uncached_before(project, link)


def _rules_uncached_before(project: Path, link: str) -> set[str]:
    """What the first run found, checked again without a cache after pointing back."""
    if link == "file":
        (project / "articles" / "a.txt").unlink()
        (project / "articles" / "a.txt").symlink_to("real.txt")
    else:
        (project / "articles").unlink()
        (project / "articles").symlink_to("texts")
    return {f.rule_id for f in verify(Options(paths=(str(project),))).findings}


@contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: SIGALRM interrupts even a blocking open()."""

    def expire(signum, frame):
        raise TimeoutError(f"still waiting after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _hostile_entry(project: Path, make) -> None:
    """Replace the cached entry of the project's file with ``make(path)``."""
    write_claims(project, BRICS)
    verify(_options(project))
    entry = _entry(project)
    entry.unlink()
    make(entry)


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "link"])
def test_an_entry_that_is_no_regular_file_is_a_miss_without_waiting(
    project, checks, monkeypatch, kind
):
    monkeypatch.chdir(project)
    secret = project / "elsewhere.json"
    secret.write_bytes(b"x")
    makers = {
        "fifo": os.mkfifo,
        "dev-zero": lambda p: p.symlink_to("/dev/zero"),
        "link": lambda p: p.symlink_to(secret),
    }
    _hostile_entry(project, makers[kind])
    with _deadline(20):  # a blocking read of a FIFO would hang here, not fail
        assert "CC101" in _rules(project)
    assert len(checks) == 2


def test_an_oversized_entry_is_not_read(project, checks, monkeypatch):
    monkeypatch.chdir(project)
    big = Limits().max_file_bytes * cache.ENTRY_BYTES_PER_FILE_BYTE + 1
    _hostile_entry(project, lambda p: p.write_bytes(b" " * big))
    assert "CC101" in _rules(project)
    assert len(checks) == 2


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_baseline_that_is_no_regular_file_is_refused_without_waiting(project, run_cli, kind):
    write_claims(project, BRICS)
    baseline = project / "baseline.json"
    if kind == "fifo":
        os.mkfifo(baseline)
    else:
        baseline.symlink_to("/dev/zero")
    out = run_cli("verify", ".", "--no-cache", "--baseline", "baseline.json", cwd=project)
    assert out.returncode == 2
    assert "not a regular file" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize("where", ["cache", "version"])
def test_a_linked_cache_folder_is_not_used(project, tmp_path_factory, run_cli, where):
    """Entries would be written wherever the link leads: outside the project."""
    away = tmp_path_factory.mktemp("away")
    write_claims(project, BRICS)
    if where == "cache":
        (project / cache.CACHE_DIR_NAME).symlink_to(away)
    else:
        (project / cache.CACHE_DIR_NAME).mkdir()
        (project / cache.CACHE_DIR_NAME / f"v{cache.ENTRY_FORMAT}").symlink_to(away)
    for _ in range(2):
        out = run_cli("verify", ".", cwd=project)
        assert out.returncode == 1 and "CC101" in out.stdout
        assert "symbolic link" in out.stderr and "the cache is not used" in out.stderr
    assert list(away.rglob("*.json")) == []


def test_each_file_is_read_once_on_a_miss(project, monkeypatch):
    """The claim file, its article and the knowledge base: each read once, hashed as read."""
    monkeypatch.chdir(project)
    write_claims(project, BRICS)
    (project / "world.kb.yaml").write_text(
        "claimcheck-kb: 1\nentities:\n  brics: {name: BRICS, kind: organisation}\n",
        encoding="utf-8",
    )
    reads: list[str] = []
    original = reader.read_bytes

    def counting(path: str, limits: Limits) -> bytes:
        reads.append(Path(path).name)
        return original(path, limits)

    for module in (
        "claimcheck.loader.reader",
        "claimcheck.check.inputs",
        "claimcheck.run.parallel",
    ):
        monkeypatch.setattr(f"{module}.read_bytes", counting)
    monkeypatch.setattr("claimcheck.kb.files.read_bytes", counting)
    monkeypatch.setattr("claimcheck.check.engine.read_bytes", counting)
    verify(_options(project))
    counted = {name: reads.count(name) for name in ("a.claims.yaml", "a.txt", "world.kb.yaml")}
    assert counted == {"a.claims.yaml": 1, "a.txt": 1, "world.kb.yaml": 1}


def _corpus(folder: Path, files: int) -> None:
    body = "claims:\n" + "".join(
        BRICS.split("claims:\n", 1)[1]
        .replace("id: full", f"id: full{n}")
        .replace("id: india", f"id: india{n}")
        for n in range(40)
    )
    for n in range(files):
        write_claims(folder, body, name=f"f{n:03}.claims.yaml")


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stopped_parallel_run_leaves_no_worker_and_no_traceback(project, signum):
    _corpus(project, 200)
    child = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "verify", ".", "--no-cache", "--jobs", "2"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and child.poll() is None:
        workers |= _children(child.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the workers never started"
    time.sleep(0.3)
    if signum == signal.SIGINT:
        os.killpg(child.pid, signum)  # Ctrl-C reaches the whole process group
    else:
        child.send_signal(signum)
    _, stderr = child.communicate(timeout=60)
    assert child.returncode != 0
    assert "Traceback" not in stderr
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [w for w in workers if _alive(w)] == []
