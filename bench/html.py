"""Benchmark the review page (--format html): its time must grow linearly with the articles.

    python bench/html.py                    # 100, 300 and 1,000 articles of 100 claims
    python bench/html.py --sizes 10 30      # a quick look

For each size, a seeded corpus (bench/corpus.py: articles made of their claims' quotes, a
knowledge base of the world) is checked twice, each run a whole process timed from outside:
``--format json --no-cache`` (checking alone) and ``--format html`` (checking, placing every
quote in its article, and writing the page). Prints a table: wall and CPU seconds of each,
the page's size, the HTML run's peak memory, and its CPU time per article relative to the
smallest size (1.0 is linear). Timings on a shared machine are noisy (CPU time less so than
wall time): compare ratios taken in one run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from corpus import write_corpus  # noqa: E402

CLAIMCHECK = Path(sys.executable).parent / "claimcheck"
PER_ARTICLE = 100


def timed(args: list[str], cwd: Path) -> tuple[float, float, float]:
    """The run's wall time, CPU time (user and system: what a shared machine's load changes
    least) and peak memory in MB."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode not in (0, 1):
            err.seek(0)
            said = err.read().decode(errors="replace")[-2000:]
            raise SystemExit(f"{' '.join(args)} exited {child.returncode}: {said}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    args = parser.parse_args()
    rows = []
    base: float | None = None
    for articles in args.sizes:
        with tempfile.TemporaryDirectory(prefix="claimcheck-html-bench-") as tmp:
            root = Path(tmp)
            write_corpus(
                root, seed=7, total_claims=articles * PER_ARTICLE, per_file=PER_ARTICLE, fmt="yaml"
            )
            common = [str(CLAIMCHECK), "verify", ".", "--no-cache"]
            check, check_cpu, _ = timed([*common, "--format", "json", "-o", "report.json"], root)
            page, page_cpu, peak = timed([*common, "--format", "html", "-o", "report.html"], root)
            size = (root / "report.html").stat().st_size
        per = page_cpu / articles
        base = base or per
        rows.append((articles, check, check_cpu, page, page_cpu, per, size, peak, per / base))
        print(
            f"{articles:>6} articles: check {check:7.2f} s ({check_cpu:7.2f} s CPU), page "
            f"{page:7.2f} s ({page_cpu:7.2f} s CPU, {per * 1000:6.1f} ms an article, "
            f"x{per / base:.2f}), {size / 1e6:8.1f} MB, peak memory {peak:.0f} MB",
            flush=True,
        )
    head = ("articles", "claims", "json: wall s", "CPU s", "html: wall s", "CPU s")
    tail = ("html - json CPU s", "html CPU ms / article", "page MB", "peak MB", "vs smallest")
    print("\n| " + " | ".join([*head, *tail]) + " |")
    print("|" + "---:|" * (len(head) + len(tail)))
    for articles, check, check_cpu, page, page_cpu, per, size, peak, ratio in rows:
        print(
            f"| {articles:,} | {articles * PER_ARTICLE:,} | {check:.2f} | {check_cpu:.2f} | "
            f"{page:.2f} | {page_cpu:.2f} | {page_cpu - check_cpu:.2f} | {per * 1000:.1f} | "
            f"{size / 1e6:.1f} | {peak:.0f} | {ratio:.2f} |"
        )


if __name__ == "__main__":
    main()
