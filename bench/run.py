"""Benchmark claimcheck: one article against a bare interpreter, check-jsonschema and
yamllint, and archives against the time it takes only to parse them.

    pip install -e '.[bench,dask]'
    python bench/run.py            # archives of 10,000 and 100,000 claims, YAML and JSON
    python bench/run.py --quick    # 1,000 and 10,000 claims, a few minutes

Every figure is a whole process as a user runs it (start-up included), timed from outside.
The commands compared run in interleaved rounds (``rounds``): the figures are medians, and
each ratio is the median of the ratios taken within one round, so that a machine whose
load changes (a shared one) moves both sides of a ratio alike. An archive is the synthetic
corpus made varied (``corpus.write_corpus(varied=True)``), and its row says how often the
judge's memo answered a claim. Prints a table and writes ``bench/out/results.json`` (and a
timestamped copy) for tracking.
"""

from __future__ import annotations

import argparse
import datetime
import filecmp
import gc
import importlib.util
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
from corpus import write_corpus  # noqa: E402


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


class Command(NamedTuple):
    name: str
    cmd: list[str]
    cwd: Path = ROOT
    out: Path | None = None  # where its output goes (a report to compare), else nowhere


def rounds(
    commands: list[Command], repeat: int, warm: set[str] | None = None
) -> dict[str, list[Timing]]:
    """The commands named in ``warm`` (all when None) once to warm up (the page cache, a
    result cache), then ``repeat`` rounds of all of them, interleaved.

    On a shared machine the load changes by the second: commands timed one after the other
    each meet another load, and a ratio of two of them is the load's as much as theirs. In
    rounds, the commands compared meet the same load, and the ratio is taken within each
    round. The order turns by one each round, so none always runs first.
    """
    for c in commands:
        if warm is None or c.name in warm:
            run(c.cmd, c.cwd, c.out)
    times: dict[str, list[Timing]] = {c.name: [] for c in commands}
    for r in range(repeat):
        shift = r % len(commands)
        for c in commands[shift:] + commands[:shift]:
            times[c.name].append(run(c.cmd, c.cwd, c.out))
    return times


def summary(timings: list[Timing]) -> dict[str, float]:
    return {
        "median_s": statistics.median(t.wall for t in timings),
        "min_s": min(t.wall for t in timings),
        "cpu_median_s": statistics.median(t.cpu for t in timings),
        "rss_mib": max(t.rss_mib for t in timings),
        "exit_code": timings[0].code,
    }


def ratio_of(times: dict[str, list[Timing]], a: str, b: str) -> dict[str, float]:
    """The median over rounds of a/b in the same round, wall time and CPU time."""
    pairs = list(zip(times[a], times[b], strict=True))
    return {
        "wall": statistics.median(x.wall / y.wall for x, y in pairs),
        "cpu": statistics.median(x.cpu / y.cpu for x, y in pairs if y.cpu),
    }


def tool(name: str) -> str | None:
    local = BIN / name
    return str(local) if local.exists() else shutil.which(name)


def one_article(repeat: int, scratch: Path) -> dict[str, Any]:
    """The seed claim file: claimcheck cold and unchanged, against a bare interpreter and two
    tools a newsroom might run on the same file instead (a schema check, a YAML lint)."""
    claimcheck = tool("claimcheck")
    assert claimcheck, "claimcheck is not installed: pip install -e ."
    seed = str(SEED_FILE.relative_to(ROOT))
    cache = str(scratch / "one-article-cache")
    commands = [
        Command("python -c pass", [sys.executable, "-c", "pass"]),
        Command("claimcheck verify, cold (--no-cache)", [claimcheck, "verify", seed, "--no-cache"]),
        Command(
            "claimcheck verify, nothing changed", [claimcheck, "verify", seed, "--cache-dir", cache]
        ),
    ]
    others = {
        "check-jsonschema --schemafile": ("check-jsonschema", ["--schemafile", str(SCHEMA), seed]),
        "yamllint": ("yamllint", [seed]),
    }
    for name, (program, args) in others.items():
        found = tool(program)
        if found:
            commands.append(Command(name, [found, *args]))
        else:
            print(f"{program} not found: skipping its row (pip install -e '.[bench]')")
    times = rounds(commands, repeat)
    rows: dict[str, Any] = {name: summary(t) for name, t in times.items()}
    bare, cold, warm = (c.name for c in commands[:3])
    ratios = {
        "cold / python -c pass": ratio_of(times, cold, bare),
        "unchanged / python -c pass": ratio_of(times, warm, bare),
    }
    for name in others:
        if name in times:
            ratios[f"cold / {name}"] = ratio_of(times, cold, name)
    return {"rows": rows, "ratios": ratios}


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
    """The varied archive, generated once (in a child: see ``archive``) and kept under out/."""
    folder = out / "corpus" / f"{fmt}-{claims}-{per_file}-s{seed}-varied"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        t = time.perf_counter()
        args = [str(folder), fmt, str(claims), str(per_file), str(seed)]
        subprocess.run([sys.executable, __file__, "--generate", *args], check=True, env=ENV)
        print(f"  generated {folder.name} in {time.perf_counter() - t:.1f} s", flush=True)
    return folder


def generate_main(folder: str, fmt: str, claims: str, per_file: str, seed: str) -> None:
    files = write_corpus(
        Path(folder),
        seed=int(seed),
        total_claims=int(claims),
        per_file=int(per_file),
        fmt=fmt,
        varied=True,
    )
    (Path(folder) / ".complete").write_text(str(files), encoding="utf-8")


def memo_main(folder: str) -> None:
    """One cold run in this process, counting the judge's memo: how often a verdict is reused.

    Printed as JSON (hits, lookups, and the knowledge base's facts); the report is discarded.
    Run in a child: the bench's own memory would show in every later child's peak (Linux
    carries it over fork and exec).
    """
    import io

    from claimcheck.app import VerifyRequest, run_verify
    from claimcheck.judge.memo import VerdictMemo

    counts = {"hits": 0, "lookups": 0}
    get = VerdictMemo.get

    def counting(self: VerdictMemo, kb: Any, key: Any) -> Any:
        found = get(self, kb, key)
        counts["lookups"] += 1
        counts["hits"] += found is not None
        return found

    VerdictMemo.get = counting  # type: ignore[method-assign]
    os.chdir(folder)
    run_verify(VerifyRequest(paths=(".",), no_cache=True, fmt="json"), io.StringIO())
    kb = json.loads(Path("world.kb.json").read_text(encoding="utf-8"))
    print(json.dumps({**counts, "kb_facts": len(kb["facts"])}))


def archive(
    fmt: str,
    claims: int,
    per_file: int,
    seed: int,
    jobs: int,
    repeat: int,
    out: Path,
    scratch: Path,
    dask: bool,
) -> dict[str, Any]:
    """One archive: the parse-only floor, and verify cold, unchanged, on ``jobs`` processes and
    on a Dask cluster of ``jobs`` local workers, in interleaved rounds; every report compared
    with the cold one."""
    folder = corpus_dir(out, fmt, claims, per_file, seed)
    claimcheck = tool("claimcheck")
    assert claimcheck
    cache = scratch / f"cache-{fmt}-{claims}"
    reports = scratch / f"report-{fmt}-{claims}"
    reports.mkdir(parents=True, exist_ok=True)

    def verify(name: str, *extra: str) -> Command:
        cmd = [claimcheck, "verify", ".", "--format", "json", *extra]
        return Command(name, cmd, folder, reports / f"{name}.json")

    for path in folder.rglob("*"):  # warm the page cache for every process alike
        if path.is_file():
            path.read_bytes()
    commands = [
        Command("floor", [sys.executable, __file__, "--floor", str(folder), fmt]),
        verify("cold", "--no-cache"),
        verify("unchanged", "--cache-dir", str(cache)),
        verify("jobs", "--no-cache", "--jobs", str(jobs)),
    ]
    if dask:
        commands.append(verify("dask", "--no-cache", "--executor", "dask", "--jobs", str(jobs)))
    shutil.rmtree(cache, ignore_errors=True)
    times = rounds(commands, repeat, warm={"unchanged"})  # the files are read above
    first = reports / "cold.json"
    memo = json.loads(
        subprocess.run(
            [sys.executable, __file__, "--memo", str(folder)],
            capture_output=True,
            check=True,
            text=True,
            env=ENV,
        ).stdout
    )
    row: dict[str, Any] = {
        "format": fmt,
        "claims": claims,
        "files": -(-claims // per_file),
        "jobs": jobs,
        "kb_facts": memo["kb_facts"],
        "exit_code": times["cold"][0].code,
        # Compared and counted by streaming: an archive's report can be a gigabyte, and this
        # process's peak memory would show in every later child's (Linux keeps it over exec).
        "identical": {
            c.name: filecmp.cmp(reports / f"{c.name}.json", first, shallow=False)
            for c in commands[2:]
        },
        "findings": count_findings(first),
        "memo_hit_rate": memo["hits"] / memo["lookups"] if memo["lookups"] else None,
        "runs": {name: summary(t) for name, t in times.items()},
        "ratios": {
            f"{name} / floor": ratio_of(times, name, "floor")
            for name in ("cold", "unchanged", "jobs", *(["dask"] if dask else []))
        },
    }
    row["ratios"]["jobs / cold"] = ratio_of(times, "jobs", "cold")
    if dask:
        row["ratios"]["dask / jobs"] = ratio_of(times, "dask", "jobs")
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


TARGETS = [  # (what, where the ratio is, limit): each a ratio of wall times in one round
    ("one article cold / check-jsonschema", "cold / check-jsonschema --schemafile", 0.25),
    ("one article unchanged / python -c pass", "unchanged / python -c pass", 5.0),
]
JSON_COLD_LIMIT = 5.0  # a JSON archive cold / the json.loads floor


def targets(one: dict[str, Any], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for what, key, limit in TARGETS:
        r = one["ratios"].get(key)
        value = None if r is None else r["wall"]
        out.append({"target": what, "value": value, "limit": limit})
    for row in rows:
        if row["format"] == "json":
            value = row["ratios"]["cold / floor"]["wall"]
            what = f"json {row['claims']:,} cold / json.loads floor"
            out.append({"target": what, "value": value, "limit": JSON_COLD_LIMIT})
    for t in out:
        t["met"] = t["value"] is not None and t["value"] <= t["limit"]
    return out


def fmt_x(v: float) -> str:
    return f"{v:.2f}x" if v < 1 else f"{v:.1f}x"


def fmt_s(v: float | None) -> str:
    return "-" if v is None else f"{v * 1000:.0f} ms" if v < 1 else f"{v:.2f} s"


def print_report(res: dict[str, Any]) -> None:
    m = res["machine"]
    print(
        f"\n{res['when']}: {m['cpus']} CPUs, Python {m['python']}, load {m['load'][0]:.1f} "
        f"before and {m['load_after'][0]:.1f} after; {res['repeat']} interleaved rounds"
    )
    print("\n== One article (the seed claim file): median wall, median CPU, peak RSS")
    for name, v in res["one_article"]["rows"].items():
        print(
            f"  {name:<40} {fmt_s(v['median_s']):>9} {fmt_s(v['cpu_median_s']):>9} "
            f"{v['rss_mib']:>5} MiB"
        )
    for name, r in res["one_article"]["ratios"].items():
        print(f"  {name:<40} {r['wall']:>9.2f}x (CPU {r['cpu']:.2f}x)")
    print("\n== Archives: median wall (ratio to the parse floor, same rounds); peak RSS MiB")
    names = ("floor", "cold", "unchanged", "jobs", "dask")
    print(f"  {'':<16}" + "".join(f"{n:>20}" for n in names) + f"{'memo hits':>11}")
    for row in res["archive"]:
        cells = []
        for n in names:
            run_ = row["runs"].get(n)
            if run_ is None:
                cells.append(f"{'-':>20}")
                continue
            r = row["ratios"].get(f"{n} / floor")
            rel = f" ({r['wall']:.1f}x)" if r else ""
            cells.append(f"{fmt_s(run_['median_s']) + rel:>14} {run_['rss_mib']:>5}")
        rate = row["memo_hit_rate"]
        memo = "-" if rate is None else f"{rate:.0%}"
        tag = f"{row['format']} {row['claims']:,}"
        same = "" if all(row["identical"].values()) else "  REPORTS DIFFER"
        print(f"  {tag:<16}" + "".join(cells) + f"{memo:>11}{same}")
    if res["big_article"]:
        print("\n== One article of many claims (engine in-process, JSON)")
        for r in res["big_article"]:
            rate = f"{r['claims_per_s']:>8,.0f} cl/s"
            print(f"  {r['claims']:>9,} claims  {fmt_s(r['seconds']):>9}  {rate}")
    print("\n== Targets (ratios of wall times taken in the same rounds)")
    for t in res["targets"]:
        v = "-" if t["value"] is None else f"{t['value']:.3f}"
        verdict = "met" if t["met"] else "MISSED"
        print(f"  {t['target']:<48} {v:>7} <= {t['limit']:<5g} {verdict}")


def markdown(res: dict[str, Any]) -> str:
    """The README's table: one article against its references, then each archive."""
    m = res["machine"]
    one = res["one_article"]
    out = [
        (
            f"{res['when'][:10]}, {m['cpus']} CPUs, load {m['load'][0]:.1f} before and "
            f"{m['load_after'][0]:.1f} after; medians of {res['repeat']} interleaved rounds for "
            f"one article, {res['archive_repeat']} for each archive; ratios within a round."
        ),
        "",
        "| one article (the seed, 20 claims) | wall | CPU | peak memory | claimcheck cold / it |",
        "|---|---|---|---|---|",
    ]
    cold = one["rows"]["claimcheck verify, cold (--no-cache)"]
    for name, v in one["rows"].items():
        r = one["ratios"].get(f"cold / {name}")
        rel = f"{r['wall']:.2f}" if r else "-"
        out.append(
            f"| {name} | {fmt_s(v['median_s'])} | {fmt_s(v['cpu_median_s'])} | "
            f"{v['rss_mib']} MiB | {rel if v is not cold else ''} |"
        )
    unchanged = one["ratios"]["unchanged / python -c pass"]["wall"]
    out += [
        "",
        f"Unchanged / `python -c pass`: {unchanged:.2f}.",
        "",
        (
            "| archive | parse floor | cold | unchanged | `--jobs 2` | Dask, 2 local workers "
            "| peak memory (cold) | memo hits |"
        ),
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in res["archive"]:
        cells = []
        for n in ("floor", "cold", "unchanged", "jobs", "dask"):
            run_ = row["runs"].get(n)
            r = row["ratios"].get(f"{n} / floor")
            if run_ is None:
                cells.append("-")
            else:
                cells.append(fmt_s(run_["median_s"]) + (f" ({fmt_x(r['wall'])})" if r else ""))
        rate = row["memo_hit_rate"]
        memo = "-" if rate is None else f"{rate:.0%}"
        tag = f"{row['format'].upper()} {row['claims']:,} claims"
        out.append(
            f"| {tag} | "
            + " | ".join(cells)
            + f" | {row['runs']['cold']['rss_mib']} MiB | {memo} |"
        )
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, about a minute")
    parser.add_argument("--sizes", help="claims per archive, comma-separated")
    parser.add_argument("--per-file", type=int, default=100, help="claims per article")
    parser.add_argument("--formats", default="yaml,json")
    parser.add_argument("--jobs", type=int, default=2, help="processes, and Dask workers")
    parser.add_argument("--repeat", type=int, help="rounds for one article")
    parser.add_argument("--archive-repeat", type=int, help="rounds for each archive")
    parser.add_argument("--no-dask", action="store_true", help="leave out the Dask column")
    parser.add_argument("--big", help="claims in one article, comma-separated (0: skip)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=BENCH / "out")
    parser.add_argument("--floor", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--big-in", help=argparse.SUPPRESS)
    parser.add_argument("--memo", help=argparse.SUPPRESS)
    parser.add_argument("--generate", nargs=5, help=argparse.SUPPRESS)
    parser.add_argument("--markdown", type=Path, help="print a results.json as README's table")
    args = parser.parse_args()
    if args.markdown:
        print(markdown(json.loads(args.markdown.read_text(encoding="utf-8"))), end="")
        return
    if args.floor:
        floor_main(*args.floor)
        return
    if args.memo:
        memo_main(args.memo)
        return
    if args.generate:
        generate_main(*args.generate)
        return
    if args.big_in:
        sizes = [int(s) for s in args.big.split(",")]
        print(json.dumps(big_article(sizes, args.seed, Path(args.big_in))))
        return
    sizes = [
        int(s) for s in (args.sizes or ("1000,10000" if args.quick else "10000,100000")).split(",")
    ]
    big = [int(s) for s in (args.big or "0").split(",") if int(s)]
    repeat = args.repeat or (5 if args.quick else 15)
    archive_repeat = args.archive_repeat or (3 if args.quick else 5)
    dask = not args.no_dask and importlib.util.find_spec("distributed") is not None
    if not dask and not args.no_dask:
        print("Dask not installed: no Dask column (pip install -e '.[dask]')")
    args.out.mkdir(parents=True, exist_ok=True)
    res: dict[str, Any] = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load": os.getloadavg(),
        },
        "repeat": repeat,
        "archive_repeat": archive_repeat,
        "seed": args.seed,
        "per_file": args.per_file,
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
                row = archive(
                    fmt,
                    n,
                    args.per_file,
                    args.seed,
                    args.jobs,
                    archive_repeat,
                    args.out,
                    scratch,
                    dask,
                )
                res["archive"].append(row)
                print("  " + json.dumps(row), flush=True)  # kept if a long run is cut short
    res["targets"] = targets(res["one_article"], res["archive"])
    res["machine"]["load_after"] = os.getloadavg()
    print_report(res)
    print("\n" + markdown(res))
    text = json.dumps(res, indent=2) + "\n"
    (args.out / "results.json").write_text(text, encoding="utf-8")
    stamp = res["when"].replace(":", "").replace("+0000", "Z")
    (args.out / f"results-{stamp}.json").write_text(text, encoding="utf-8")
    print(f"\nwrote {args.out / 'results.json'}")


if __name__ == "__main__":
    main()
