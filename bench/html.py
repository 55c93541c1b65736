"""Benchmark the review page (--format html): its time must grow linearly with the articles.

    python bench/html.py                    # 100, 300 and 1,000 articles of 100 claims
    python bench/html.py --sizes 10 30      # a quick look

For each size, a seeded corpus (bench/corpus.py: articles made of their claims' quotes, a
knowledge base of the world) is checked twice, each run a whole process timed from outside:
``--format json --no-cache`` (checking alone) and ``--format html`` (checking, placing every
quote in its article, and writing the page). Prints a table: seconds, seconds per article,
the page's size, and the HTML run's time per article relative to the smallest size (1.0 is
linear). Timings on a shared machine are noisy: compare ratios taken in one run.
"""

from __future__ import annotations

import argparse
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


def timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} exited {done.returncode}: {done.stderr[-2000:]}")
    return elapsed


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
            check = timed([*common, "--format", "json", "-o", "report.json"], root)
            page = timed([*common, "--format", "html", "-o", "report.html"], root)
            size = (root / "report.html").stat().st_size
        per = page / articles
        base = base or per
        rows.append((articles, check, page, page - check, per, size, per / base))
        print(
            f"{articles:>6} articles: check {check:7.2f} s, page {page:7.2f} s "
            f"({per * 1000:6.1f} ms an article, x{per / base:.2f}), {size / 1e6:8.1f} MB",
            flush=True,
        )
    head = ("articles", "claims", "check (json) s", "html s", "html - json s", "ms / article")
    print("\n| " + " | ".join([*head, "page MB", "per article vs smallest"]) + " |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for articles, check, page, extra, per, size, ratio in rows:
        print(
            f"| {articles:,} | {articles * PER_ARTICLE:,} | {check:.2f} | {page:.2f} | "
            f"{extra:.2f} | {per * 1000:.1f} | {size / 1e6:.1f} | {ratio:.2f} |"
        )


if __name__ == "__main__":
    main()
