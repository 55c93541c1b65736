"""Shared by the hostile-input tests: run the CLI in a child and measure what it cost."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from claimcheck.core.escape import UNSAFE_CHARS

BAD_INPUTS = Path(__file__).resolve().parent / "fixtures" / "bad-inputs"
# path:line:column: severity RULE message
FINDING_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?:error|warning|info) CC\d{3} "
)

# What one bad file may cost, interpreter start-up included. Measured: about 0.3 s of CPU
# and 35 MB; the bounds leave room for a slow CI machine, not for a runaway parse.
MAX_CHILD_CPU_S = 1.5
MAX_CHILD_RSS_KB = 120 * 1024


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    wall_s: float
    cpu_s: float
    max_rss_kb: int


def run_child(*args: str, cwd: Path, timeout: float = 30) -> Run:
    """``claimcheck ARGS`` in a child process, with its own CPU time and peak memory.

    ``os.wait4`` gives the rusage of this one child, not the maximum over all children. Its
    peak memory is the child's own high-water mark after it started (``VmHWM``, written as it
    exits): Linux's ``ru_maxrss`` also counts the pages a forked child shares with the test
    process until it execs, and an xdist worker that has run many tests holds hundreds of MB.
    """
    env = {k: v for k, v in os.environ.items() if k != "CLAIMCHECK_DEBUG"}
    peak = Path(tempfile.mkdtemp()) / "peak"
    enter = (
        "import atexit, runpy, sys\n"
        "def peak(path=sys.argv.pop(1)):\n"
        "    with open('/proc/self/status') as status, open(path, 'w') as out:\n"
        "        out.write(next(x for x in status if x.startswith('VmHWM:')).split()[1])\n"
        "atexit.register(peak)\n"
        "runpy.run_module('claimcheck', run_name='__main__', alter_sys=True)\n"
    )
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", enter, str(peak), *args],
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=env,
        )
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        if wall >= timeout:
            raise AssertionError(f"claimcheck {' '.join(args)} still ran after {timeout} s")
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        try:  # not written on a platform without /proc, or when the child was killed
            rss = int(peak.read_text(encoding="ascii"))
        except (OSError, ValueError):
            rss = usage.ru_maxrss
        finally:
            shutil.rmtree(peak.parent, ignore_errors=True)
        return Run(
            proc.returncode,
            out.read().decode("utf-8"),
            err.read().decode("utf-8"),
            wall,
            usage.ru_utime + usage.ru_stime,
            rss,
        )


def assert_safe_output(text: str) -> None:
    """No terminal control, bidi or escape character, and no line a CI runner would execute."""
    for line in text.splitlines():
        assert not line.startswith("::"), line
        bad = UNSAFE_CHARS.search(line)
        assert bad is None, f"unescaped U+{ord(bad.group()):04X} in {line!r}"
    assert "\r" not in text


def make_project(folder: Path) -> Path:
    (folder / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    return folder
