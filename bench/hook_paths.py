"""What the pre-commit hook costs when a commit changes an article text: finding the claim
files that name it, in an archive of N files (`config.Project.expand_paths`).

Every claim file is read once and only the few that mention the article's file name are
parsed, so the cost is linear in the archive's bytes. Run:

    .venv/bin/python bench/hook_paths.py            # 100 and 1,000 files of 10 claims
    .venv/bin/python bench/hook_paths.py --files 100,1000,10000
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from corpus import write_corpus

from claimcheck.config import load_project


def measure(files: int, repeat: int = 5) -> tuple[float, float]:
    """The best of ``repeat`` runs, in ms: the article's claim files, and a KB file's."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_corpus(root, seed=1, total_claims=files * 10, per_file=10, fmt="yaml")
        project = load_project(cwd=root)
        article = str(root / "articles" / f"bench-{files // 2:06d}.txt")
        kb = str(next(root.glob("*.kb.*")))
        best = [float("inf"), float("inf")]
        for _ in range(repeat):
            for n, named in enumerate((article, kb)):
                start = time.perf_counter()
                found = project.expand_paths([named])
                best[n] = min(best[n], (time.perf_counter() - start) * 1000)
                assert found, named
        return best[0], best[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", default="100,1000", help="archive sizes, in claim files")
    args = parser.parse_args()
    print(f"{'files':>7} {'article (ms)':>13} {'per file (us)':>14} {'KB file (ms)':>13}")
    for files in (int(n) for n in args.files.split(",")):
        article, kb = measure(files)
        print(f"{files:>7,} {article:>13.1f} {article / files * 1000:>14.1f} {kb:>13.1f}")


if __name__ == "__main__":
    main()
