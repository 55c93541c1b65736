"""Benchmark claimcheck: one article against check-jsonschema and a bare interpreter, and
archives of growing size against the time it takes only to parse them.

    python bench/run.py            # full sizes: 10,000, 100,000 and 1,000,000 claims
    python bench/run.py --quick    # small sizes, a minute or two

Every figure is a whole process as a user runs it (start-up included), timed from outside.
Prints a table and writes ``bench/out/results.json`` (and a timestamped copy) for tracking.
Timings on a shared machine are noisy: compare ratios taken in one run, not runs.
"""

from __future__ import annotations

import argparse
import datetime
import filecmp
import gc
import itertools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, NamedTuple

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SEED_FILE = ROOT / "claims" / "japan-india-2plus2.claims.yaml"
SCHEMA = ROOT / "schema" / "claims-v1.json"
BIN = Path(sys.executable).parent
# Measured processes run as on a user's machine: with the bytecode cache, which the warm-up
# run writes. Without it every start-up compiles every module and times the compiler.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

sys.path.insert(0, str(BENCH))
from corpus import make_world, world_facts, write_corpus  # noqa: E402


class Timing(NamedTuple):
    wall: float  # seconds, as a user waits
    cpu: float  # user + system seconds of the process and its children: less noisy
    rss_mib: int  # peak resident memory of the largest single process
    code: int


def run(cmd: list[str], cwd: Path = ROOT, out: Path | None = None) -> Timing:
    sink = out.open("wb") if out else open(os.devnull, "wb")  # noqa: SIM115
    with sink:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=sink, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    return Timing(elapsed, cpu, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status))


def median_of(cmd: list[str], repeat: int, cwd: Path = ROOT) -> dict[str, float]:
    run(cmd, cwd)  # warm the page cache and any cache the command keeps
    runs = [run(cmd, cwd) for _ in range(repeat)]
    return {
        "median_s": statistics.median(r.wall for r in runs),
        "min_s": min(r.wall for r in runs),
        "cpu_median_s": statistics.median(r.cpu for r in runs),
    }


def tool(name: str) -> str | None:
    local = BIN / name
    return str(local) if local.exists() else shutil.which(name)


def one_article(repeat: int, scratch: Path) -> dict[str, Any]:
    claimcheck = tool("claimcheck")
    assert claimcheck, "claimcheck is not installed: pip install -e ."
    seed = str(SEED_FILE.relative_to(ROOT))
    cache = str(scratch / "one-article-cache")
    rows: dict[str, Any] = {
        "python -c pass": median_of([sys.executable, "-c", "pass"], repeat),
        "claimcheck verify, cold (--no-cache)": median_of(
            [claimcheck, "verify", seed, "--no-cache"], repeat
        ),
        "claimcheck verify, nothing changed": median_of(
            [claimcheck, "verify", seed, "--cache-dir", cache], repeat
        ),
    }
    cjs = tool("check-jsonschema")
    if cjs:
        rows["check-jsonschema --schemafile"] = median_of(
            [cjs, "--schemafile", str(SCHEMA), seed], repeat
        )
    else:
        print("check-jsonschema not found: skipping its row (pip install check-jsonschema)")
        rows["check-jsonschema --schemafile"] = None
    return rows


def floor_main(folder: str, fmt: str) -> None:
    """Only read and parse every claim file (PyYAML's C loader, or json), the GC paused."""
    gc.disable()
    suffix = f".claims.{fmt}"
    for name in sorted(os.listdir(folder)):
        if name.endswith(suffix):
            text = Path(folder, name).read_text(encoding="utf-8")
            if fmt == "json":
                json.loads(text)
            else:
                import yaml

                yaml.load(text, Loader=yaml.CSafeLoader)


def corpus_dir(out: Path, fmt: str, claims: int, per_file: int, seed: int) -> Path:
    folder = out / "corpus" / f"{fmt}-{claims}-{per_file}-s{seed}-kb"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        t = time.perf_counter()
        files = write_corpus(folder, seed=seed, total_claims=claims, per_file=per_file, fmt=fmt)
        done.write_text(str(files), encoding="utf-8")
        print(
            f"  generated {folder.name}: {files} files in {time.perf_counter() - t:.1f} s",
            flush=True,
        )
    return folder


def archive(
    fmt: str, claims: int, per_file: int, seed: int, jobs: int, out: Path, scratch: Path
) -> dict[str, Any]:
    folder = corpus_dir(out, fmt, claims, per_file, seed)
    claimcheck = tool("claimcheck")
    assert claimcheck
    cache = scratch / f"cache-{fmt}-{claims}"
    reports = scratch / f"report-{fmt}-{claims}"
    reports.mkdir(parents=True, exist_ok=True)

    def verify(name: str, *extra: str) -> Timing:
        cmd = [claimcheck, "verify", ".", "--format", "json", "--cache-dir", str(cache), *extra]
        return run(cmd, cwd=folder, out=reports / f"{name}.json")

    for path in folder.rglob("*"):  # warm the page cache for every process alike
        if path.is_file():
            path.read_bytes()
    timings = {"floor": run([sys.executable, __file__, "--floor", str(folder), fmt])}
    shutil.rmtree(cache, ignore_errors=True)
    timings["cold"] = verify("cold")
    timings["warm"] = verify("warm")
    shutil.rmtree(cache, ignore_errors=True)
    timings["jobs"] = verify("jobs", "--jobs", str(jobs))
    first = reports / "cold.json"
    row: dict[str, Any] = {
        "format": fmt,
        "claims": claims,
        "files": -(-claims // per_file),
        "jobs": jobs,
        "exit_code": timings["cold"].code,
        # Compared and counted by streaming: an archive's report can be a gigabyte, and this
        # process's peak memory would show in every later child's (Linux keeps it over exec).
        "warm_identical": filecmp.cmp(reports / "warm.json", first, shallow=False),
        "jobs_identical": filecmp.cmp(reports / "jobs.json", first, shallow=False),
        "findings": count_findings(first),
    }
    for name, t in timings.items():
        row.update({f"{name}_s": t.wall, f"{name}_cpu_s": t.cpu, f"{name}_rss_mib": t.rss_mib})
    shutil.rmtree(reports, ignore_errors=True)
    return row


def count_findings(report: Path) -> int:
    """Findings in a JSON report, which holds one finding per line, without loading it."""
    count, inside = 0, False
    with report.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith('  "findings": ['):
                inside = not line.rstrip().endswith("[]")
            elif inside and line.startswith("  ]"):
                break
            elif inside:
                count += 1
    return count


def big_article(sizes: list[int], seed: int, scratch: Path) -> list[dict[str, Any]]:
    """The engine in-process on one article of many claims: is any rule worse than linear?"""
    import claimcheck.check.engine  # noqa: F401 - import time is not the engine's per-claim cost
    from claimcheck.app import Options, verify
    from claimcheck.core.limits import Limits

    rows = []
    for claims in sizes:
        folder = scratch / f"big-{claims}"
        write_corpus(folder, seed=seed, total_claims=claims, per_file=claims, fmt="json")
        limits = Limits(max_file_bytes=1 << 31, max_claims=claims)
        options = Options(paths=(str(folder),), limits=limits)
        start = time.perf_counter()
        result = verify(options)
        elapsed = time.perf_counter() - start
        assert sum(f.claims for f in result.files) == claims, "the big article did not load"
        rows.append({"claims": claims, "seconds": elapsed, "claims_per_s": claims / elapsed})
    return rows


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def targets(one: dict[str, Any], rows: list[dict[str, Any]], jobs: int) -> list[dict[str, Any]]:
    """Each target as a ratio of wall times (the target's own terms) and of CPU times."""
    out = []

    def add(name: str, wall: float | None, cpu: float | None, limit: float, op: str = "<=") -> None:
        met = wall is not None and (wall <= limit if op == "<=" else wall >= limit)
        out.append(
            {"target": name, "value": wall, "cpu": cpu, "limit": limit, "op": op, "met": met}
        )

    def both(a: dict[str, Any] | None, b: dict[str, Any] | None, wall: str, cpu: str) -> Any:
        if a is None or b is None:
            return None, None
        return ratio(a[wall], b[wall]), ratio(a[cpu], b[cpu])

    cold = one["claimcheck verify, cold (--no-cache)"]
    cjs = one["check-jsonschema --schemafile"]
    add("one article cold / check-jsonschema", *both(cold, cjs, "median_s", "cpu_median_s"), 1 / 3)
    warm, bare = one["claimcheck verify, nothing changed"], one["python -c pass"]
    add("one article unchanged / python -c pass", *both(warm, bare, "median_s", "cpu_median_s"), 4)
    for r in rows:
        tag = f"{r['format']} {r['claims']:,}"
        add(
            f"{tag}: cold / parse-only floor",
            ratio(r["cold_s"], r["floor_s"]),
            ratio(r["cold_cpu_s"], r["floor_cpu_s"]),
            1.5,
        )
        add(
            f"{tag}: unchanged / cold",
            ratio(r["warm_s"], r["cold_s"]),
            ratio(r["warm_cpu_s"], r["cold_cpu_s"]),
            0.1,
        )
        add(
            f"{tag}: --jobs {jobs} speed-up",
            ratio(r["cold_s"], r["jobs_s"]),
            None,
            0.8 * jobs,
            ">=",
        )
    by_fmt: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_fmt.setdefault(r["format"], []).append(r)
    for fmt, rs in by_fmt.items():
        rs.sort(key=lambda r: r["claims"])
        for small, big in itertools.pairwise(rs):
            scale = big["claims"] / small["claims"]
            add(
                f"{fmt} {big['claims']:,} / {small['claims']:,} claims: time (x{scale:g} claims)",
                ratio(big["cold_s"], small["cold_s"]),
                ratio(big["cold_cpu_s"], small["cold_cpu_s"]),
                scale * 1.1,
            )
    return out


def fmt_s(v: float | None) -> str:
    return "-" if v is None else f"{v * 1000:.0f} ms" if v < 1 else f"{v:.2f} s"


def print_report(res: dict[str, Any]) -> None:
    print(f"\n== One article (seed claims file; {res['repeat']} runs: median, min, median CPU)")
    for name, v in res["one_article"].items():
        if v is None:
            print(f"  {name:<40} {'-':>10}")
            continue
        figures = (fmt_s(v["median_s"]), fmt_s(v["min_s"]), fmt_s(v["cpu_median_s"]))
        print(f"  {name:<40} {figures[0]:>9} {figures[1]:>9} {figures[2]:>9}")
    print("\n== Archive (whole process, wall time; claims/s; peak RSS of the largest process)")
    head = (
        f"  {'format':<6} {'claims':>9} {'files':>6} | {'floor':>9} {'cl/s':>8} | "
        f"{'cold':>9} {'cl/s':>8} {'MiB':>5} | {'unchanged':>9} {'MiB':>5} | "
        f"{'--jobs':>9} {'same':>4}"
    )
    print(head)
    for r in res["archive"]:
        n = r["claims"]
        same = "yes" if r["jobs_identical"] and r["warm_identical"] else "NO"
        print(
            f"  {r['format']:<6} {n:>9,} {r['files']:>6} | {fmt_s(r['floor_s']):>9} "
            f"{n / r['floor_s']:>8,.0f} | {fmt_s(r['cold_s']):>9} {n / r['cold_s']:>8,.0f} "
            f"{r['cold_rss_mib']:>5} | {fmt_s(r['warm_s']):>9} {r['warm_rss_mib']:>5} | "
            f"{fmt_s(r['jobs_s']):>9} {same:>4}"
        )
    if res["big_article"]:
        print("\n== One article of many claims (engine in-process, JSON)")
        for r in res["big_article"]:
            rate = f"{r['claims_per_s']:>8,.0f} cl/s"
            print(f"  {r['claims']:>9,} claims  {fmt_s(r['seconds']):>9}  {rate}")
        b = res["big_article"]
        for small, big in itertools.pairwise(b):
            scale = big["claims"] / small["claims"]
            print(
                f"  time ratio {big['claims']:,}/{small['claims']:,}: "
                f"{big['seconds'] / small['seconds']:.2f} (x{scale:g} claims)"
            )
    print("\n== Targets")
    print(f"  {'':<56} {'wall':>7} {'(cpu)':>8}")
    for t in res["targets"]:
        v = "-" if t["value"] is None else f"{t['value']:.3f}"
        c = "" if t["cpu"] is None else f"({t['cpu']:.3f})"
        verdict = "met" if t["met"] else "MISSED"
        print(f"  {t['target']:<56} {v:>7} {c:>8} {t['op']} {t['limit']:.3g}  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, about a minute")
    parser.add_argument("--sizes", help="claims per archive, comma-separated")
    parser.add_argument("--per-file", type=int, default=100, help="claims per article")
    parser.add_argument("--formats", default="yaml,json")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--repeat", type=int, help="runs per one-article figure")
    parser.add_argument("--big", help="claims in one article, comma-separated (0: skip)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=BENCH / "out")
    parser.add_argument("--floor", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--big-in", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor:
        floor_main(*args.floor)
        return
    if args.big_in:
        sizes = [int(s) for s in args.big.split(",")]
        print(json.dumps(big_article(sizes, args.seed, Path(args.big_in))))
        return
    sizes = [
        int(s)
        for s in (args.sizes or ("1000,10000" if args.quick else "10000,100000,1000000")).split(",")
    ]
    big = [
        int(s)
        for s in (args.big or ("1000,10000" if args.quick else "10000,100000")).split(",")
        if int(s)
    ]
    repeat = args.repeat or (5 if args.quick else 15)
    args.out.mkdir(parents=True, exist_ok=True)
    res: dict[str, Any] = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load": os.getloadavg(),
        },
        "repeat": repeat,
        "seed": args.seed,
        "per_file": args.per_file,
        "kb_facts": len(world_facts(make_world(args.seed))),
    }
    with tempfile.TemporaryDirectory(dir=args.out, prefix="scratch-") as tmp:
        scratch = Path(tmp)
        print("one article ...", flush=True)
        res["one_article"] = one_article(repeat, scratch)
        print("one big article ...", flush=True)
        # In a child process: a big parent's memory would show in every later child's peak
        # RSS (Linux carries it over fork and exec).
        res["big_article"] = (
            json.loads(
                subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--big-in",
                        str(scratch),
                        "--big",
                        ",".join(map(str, big)),
                    ],
                    capture_output=True,
                    check=True,
                    text=True,
                ).stdout
            )
            if big
            else []
        )
        res["archive"] = []
        for fmt in args.formats.split(","):
            for n in sizes:
                print(f"archive {fmt} {n:,} claims ...", flush=True)
                row = archive(fmt, n, args.per_file, args.seed, args.jobs, args.out, scratch)
                res["archive"].append(row)
                print("  " + json.dumps(row), flush=True)  # kept if a long run is cut short
    res["targets"] = targets(res["one_article"], res["archive"], args.jobs)
    res["machine"]["load_after"] = os.getloadavg()
    print_report(res)
    text = json.dumps(res, indent=2) + "\n"
    (args.out / "results.json").write_text(text, encoding="utf-8")
    stamp = res["when"].replace(":", "").replace("+0000", "Z")
    (args.out / f"results-{stamp}.json").write_text(text, encoding="utf-8")
    print(f"\nwrote {args.out / 'results.json'}")


if __name__ == "__main__":
    main()
