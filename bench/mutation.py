"""Mutation testing of the modules that decide findings and verdicts, with a score to keep.

    python bench/mutation.py src/claimcheck/rules/counts.py claimcheck.loader
    python bench/mutation.py --changed-since origin/main        # or --base HEAD~1
    python bench/mutation.py --report-only                      # score the last run again

Runs mutmut 3 (configured in pyproject.toml, ``[tool.mutmut]``) on the named modules, or on
the mutable modules changed since a git revision, then prints each module's and package's
score: killed / (all - listed equivalent). Equivalent mutants (no observable effect) are
listed with a reason in tests/equivalent_mutants.txt. Exits 1 when a package scores under the
threshold, 2 when mutmut itself fails, 0 otherwise (and when no mutable module changed).
A time budget stops mutmut and scores the mutants checked so far. Only a module whose every
mutant was checked is held to the threshold: one the budget left partly checked shows its
partial score, and one with no mutant checked is "not scored", never 0%. `--isolated` runs
mutmut in a scratch copy that mutates only the named modules (CI: generating the mutants of
every mutable file would take most of its budget).

Each survivor is then run again in a fresh interpreter (`--recheck-budget`): mutmut runs a
mutant's tests in a child forked from the process that ran the whole selection first, and a
survivor should be one a clean run confirms. A survivor the fresh run kills is recorded as
killed in mutmut's own results. mutmut 3.8 can also stop
with a `KeyError` from its worker pool; the run is resumed (mutmut keeps what it checked)
while it makes progress and the budget lasts.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENT = ROOT / "tests" / "equivalent_mutants.txt"
# Statuses mutmut reports: a mutant that made the tests fail, time out or crash was detected.
DETECTED = {"killed", "timeout", "segfault", "caught by type check"}
NOT_RUN = {"not checked", "skipped", "check was interrupted by user"}
_MODULE = re.compile(r"^(?P<module>.+?)\.x(?:_|ǁ)")


def _mutmut() -> str:
    here = Path(sys.executable).parent / "mutmut"
    return str(here) if here.exists() else "mutmut"


def _config() -> dict[str, object]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    config: dict[str, object] = data["tool"]["mutmut"]
    return config


def _mutable(path: str) -> bool:
    """Whether ``path`` (relative to the repository) is one of the files mutmut mutates."""
    config = _config()
    only = [str(p) for p in config.get("only_mutate", [])]  # type: ignore[attr-defined]
    never = [str(p) for p in config.get("do_not_mutate", [])]  # type: ignore[attr-defined]
    return (
        path.endswith(".py")
        and any(fnmatch.fnmatch(path, p) for p in only)
        and not any(fnmatch.fnmatch(path, p) for p in never)
    )


def module_of(name: str) -> str:
    """``src/claimcheck/rules/counts.py`` or ``claimcheck.rules.counts`` -> the dotted name."""
    if name.endswith(".py") or "/" in name:
        parts = Path(name).with_suffix("").parts
        parts = parts[parts.index("claimcheck") :] if "claimcheck" in parts else parts
        if parts and parts[-1] == "__init__":
            parts = parts[:-1]
        return ".".join(parts)
    return name


def changed_modules(base: str) -> list[str]:
    """The mutable modules changed between ``base`` and the working tree."""
    out = subprocess.run(
        ["git", "diff", "--name-only", base, "--"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    paths = [p for p in out.splitlines() if _mutable(p) and (ROOT / p).exists()]
    return sorted({module_of(p) for p in paths})


def read_equivalent(path: Path = EQUIVALENT) -> dict[str, str]:
    """Mutant name (or glob) -> why it cannot be observed. ``#`` starts a comment line."""
    listed: dict[str, str] = {}
    if not path.exists():
        return listed
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, _, reason = line.partition(" ")
        if not reason.strip():
            sys.exit(f"{path}:{n}: an equivalent mutant needs a reason after its name")
        listed[name] = reason.strip()
    return listed


@dataclass
class Score:
    killed: int = 0
    total: int = 0
    equivalent: int = 0
    not_run: int = 0
    survivors: list[str] = field(default_factory=list)

    @property
    def state(self) -> str:
        """ "scored" (every mutant checked), "partial", or "not scored" (none checked)."""
        if not self.total:
            return "not scored"
        return "partial" if self.not_run else "scored"

    @property
    def percent(self) -> float:
        counted = self.total - self.equivalent
        return 100.0 * self.killed / counted if counted else 100.0


def results(where: Path = ROOT) -> dict[str, str]:
    """Every mutant mutmut knows about, with its status, from ``mutmut results --all``."""
    out = subprocess.run(
        [_mutmut(), "results", "--all", "true"],
        cwd=where,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    found = {}
    for line in out.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and name:
            found[name] = status
    return found


def score(
    statuses: dict[str, str], modules: list[str], equivalent: dict[str, str]
) -> tuple[dict[str, Score], dict[str, Score], int]:
    """Scores per module and per package of the mutants in ``modules``.

    Every module with a mutant gets an entry, checked or not (`Score.state`); a package's
    score counts only its modules whose every mutant was checked, so that a module the time
    budget cut short can neither pass nor fail it.
    """
    by_module: dict[str, Score] = defaultdict(Score)
    not_run = 0
    for name, status in sorted(statuses.items()):
        if not _in(name, modules):
            continue
        s = by_module[_module(name)]
        if status in NOT_RUN:
            not_run += 1
            s.not_run += 1
            continue
        s.total += 1
        if status in DETECTED:
            s.killed += 1
        elif any(fnmatch.fnmatchcase(name, p) for p in equivalent):
            s.equivalent += 1
        else:
            s.survivors.append(f"{name}: {status}")
    by_package: dict[str, Score] = defaultdict(Score)
    for module, s in by_module.items():
        package = module.rsplit(".", 1)[0] if module.count(".") > 1 else module
        p = by_package[package]
        if s.state == "scored":
            p.killed, p.total, p.equivalent = (
                p.killed + s.killed,
                p.total + s.total,
                p.equivalent + s.equivalent,
            )
        else:
            p.not_run += s.not_run + s.total  # left out of the package's score
    return dict(by_module), dict(by_package), not_run


def _row(name: str, s: Score, package: bool = False) -> str:
    if s.state == "not scored":
        return f"{name:44} {'':7} {'':5} {'':6} {'not scored':>10} ({s.not_run} not checked)"
    line = f"{name:44} {s.killed:7} {s.total:5} {s.equivalent:6} {s.percent:6.1f}%"
    if s.state == "partial" and not package:
        line += f" partial: {s.not_run} not checked, not gated"
    elif s.not_run:
        line += f" ({s.not_run} mutants of partly checked modules left out)"
    return line


def isolated_copy(modules: list[str]) -> Path:
    """A scratch copy of the project whose mutmut configuration mutates only ``modules``.

    mutmut generates the mutants of every file it may mutate before it runs one; on the
    whole package that takes minutes, which a CI budget cannot spare for one changed file.
    """
    scratch = Path(tempfile.mkdtemp(prefix="claimcheck-mutation-"))
    skip = shutil.ignore_patterns(".git", ".venv", "mutants", "__pycache__", "*.egg-info")
    for item in ROOT.iterdir():
        if item.name in {".git", ".venv", "mutants"}:
            continue
        if item.is_dir():
            shutil.copytree(item, scratch / item.name, ignore=skip, symlinks=True)
        else:
            shutil.copy2(item, scratch / item.name)
    files = []
    for module in modules:
        path = Path("src", *module.split("."))
        files += [f"{path}.py"] if (ROOT / f"{path}.py").exists() else [f"{path}/*"]
    toml = (scratch / "pyproject.toml").read_text(encoding="utf-8")
    narrowed = re.sub(
        r"(?ms)^only_mutate = \[.*?^\]",
        "only_mutate = [" + ", ".join(f'"{f}"' for f in files) + "]",
        toml,
        count=1,
    )
    (scratch / "pyproject.toml").write_text(narrowed, encoding="utf-8")
    return scratch


def run_mutmut(
    modules: list[str], max_children: int, budget: float | None, where: Path = ROOT
) -> tuple[int, bool]:
    """Run mutmut on ``modules``; (its exit code, whether the time budget stopped it).

    A run that fails after checking more mutants than the last is resumed: mutmut 3.8's
    worker pool can stop on a child it did not start (a `KeyError`), and a rerun goes on
    from the mutants it has not checked.
    """
    names = [f"{m}.*" for m in modules]
    cmd = [_mutmut(), "run", "--max-children", str(max_children), *names]
    deadline = None if budget is None else time.monotonic() + budget
    checked = -1
    while True:
        print("$", " ".join(cmd), flush=True)
        left = None if deadline is None else max(deadline - time.monotonic(), 1.0)
        code, stopped = _run_once(cmd, where, left)
        if code == 0 or stopped:
            return code, stopped
        now = sum(1 for s in results(where).values() if s not in NOT_RUN)
        if now <= checked or (deadline is not None and time.monotonic() >= deadline):
            return code, False
        print(f"mutmut stopped (exit {code}) with {now} mutants checked: resuming", flush=True)
        checked = now


def _run_once(cmd: list[str], where: Path, budget: float | None) -> tuple[int, bool]:
    proc = subprocess.Popen(cmd, cwd=where, start_new_session=True)
    try:
        return proc.wait(timeout=budget), False
    except subprocess.TimeoutExpired:
        _stop(proc)
        return 0, True
    finally:  # stopped from outside (CI's `timeout`, Ctrl-C): mutmut's workers stop too
        if proc.poll() is None:
            _stop(proc)


def recheck(
    statuses: dict[str, str], modules: list[str], where: Path, budget: float
) -> tuple[int, int]:
    """Run each survivor of ``modules`` again, alone in a fresh interpreter, with the tests
    mutmut found reaching its function; a failing test kills it (recorded in mutmut's meta
    file, so `mutmut results` agrees). (survivors re-run, killed) within ``budget`` seconds.
    """
    stats_path = where / "mutants" / "mutmut-stats.json"
    if budget <= 0 or not stats_path.exists():
        return 0, 0
    tests_by_function = json.loads(stats_path.read_text(encoding="utf-8"))[
        "tests_by_mangled_function_name"
    ]
    args = [str(a) for a in _config().get("pytest_add_cli_args", [])]  # type: ignore[attr-defined]
    mutants = where / "mutants"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(mutants / "src"), str(mutants)]))
    deadline = time.monotonic() + budget
    ran = killed = 0
    for name, status in sorted(statuses.items()):
        if status != "survived" or not _in(name, modules):
            continue
        tests = sorted(tests_by_function.get(name.rpartition("__mutmut_")[0], ()))
        left = deadline - time.monotonic()
        if not tests or left <= 0:
            continue
        cmd = [sys.executable, "-m", "pytest", "-x", *args, *tests]
        try:
            proc = subprocess.run(
                cmd,
                cwd=mutants,
                env=dict(env, MUTANT_UNDER_TEST=name),
                capture_output=True,
                timeout=left,
                check=False,
            )
        except subprocess.TimeoutExpired:
            break
        ran += 1
        # Only a failing test kills: exit 4 (a test id no longer collected, the tests having
        # changed since mutmut's run), 2 or 3 (interrupted, internal error) confirm nothing.
        if proc.returncode == 1:
            killed += 1
            statuses[name] = "killed"
            _record_killed(mutants, name)
    return ran, killed


def _in(name: str, modules: list[str]) -> bool:
    module = _module(name)
    return not modules or any(module == m or module.startswith(m + ".") for m in modules)


def _module(name: str) -> str:
    m = _MODULE.match(name)
    return m.group("module") if m else name.split(".x", maxsplit=1)[0]


def _record_killed(mutants: Path, name: str) -> None:
    """Mark ``name`` killed in the meta file mutmut keeps beside the mutated source."""
    base = mutants / "src" / Path(*_module(name).split("."))
    for meta in (base.with_suffix(".py.meta"), base / "__init__.py.meta"):
        if meta.exists():
            data = json.loads(meta.read_text(encoding="utf-8"))
            data["exit_code_by_key"][name] = 1
            meta.write_text(json.dumps(data, indent=4), encoding="utf-8")
            return


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop mutmut and the test runs it started (its own process group)."""
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="files, folders or dotted module names")
    parser.add_argument("--changed-since", "--base", dest="base", metavar="REV")
    parser.add_argument("--threshold", type=float, default=85.0)
    parser.add_argument("--equivalent", type=Path, default=EQUIVALENT)
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--budget", type=float, help="seconds mutmut may run")
    parser.add_argument(
        "--recheck-budget",
        type=float,
        default=600.0,
        help="seconds for running survivors again in a fresh interpreter (0: never)",
    )
    parser.add_argument("--fresh", action="store_true", help="drop mutmut's cache (mutants/)")
    parser.add_argument("--report-only", action="store_true", help="score the last run")
    parser.add_argument("--survivors", action="store_true", help="list surviving mutants")
    parser.add_argument(
        "--isolated", action="store_true", help="run in a scratch copy mutating only these"
    )
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _terminated)  # so that `finally` stops mutmut's workers

    modules = [module_of(m) for m in args.modules]
    if args.base:
        modules += changed_modules(args.base)
        if not modules:
            print(f"no module mutmut mutates changed since {args.base}: nothing to do")
            return 0
    modules = sorted(set(modules))
    stopped = False
    where = ROOT
    if not args.report_only:
        if args.isolated:
            where = isolated_copy(modules)
        elif args.fresh:
            shutil.rmtree(ROOT / "mutants", ignore_errors=True)
        started = time.monotonic()
        try:
            code, stopped = run_mutmut(modules, args.max_children, args.budget, where)
        except BaseException:
            if args.isolated:
                shutil.rmtree(where, ignore_errors=True)
            raise
        print(f"mutmut ran {time.monotonic() - started:.0f} s", flush=True)
        if code != 0:
            print(f"mutmut failed (exit {code})", file=sys.stderr)
            return 2
    equivalent = read_equivalent(args.equivalent)
    statuses = results(where)
    if not args.report_only:
        started = time.monotonic()
        ran, killed = recheck(statuses, modules, where, args.recheck_budget)
        if ran:
            took = time.monotonic() - started
            print(f"re-ran {ran} survivors in a fresh interpreter ({took:.0f} s): {killed} killed")
    per_module, per_package, not_run = score(statuses, modules, equivalent)
    if args.isolated and where != ROOT:
        shutil.rmtree(where, ignore_errors=True)
    if not any(s.total for s in per_module.values()):
        if stopped:  # the budget is CI's, not the change's: say so, do not fail
            print("the time budget ran out before any mutant was checked: not scored")
            return 0
        print("no mutant was checked", file=sys.stderr)
        return 2
    header = f"{'killed':>7} {'all':>5} {'equiv':>6} {'score':>7}"
    print(f"\n{'module':44} {header}")
    for name, s in sorted(per_module.items()):
        print(_row(name, s))
    print(f"\n{'package (modules checked whole)':44} {header}")
    for name, s in sorted(per_package.items()):
        print(_row(name, s, package=True))
    if args.survivors:
        print("\nsurvivors:")
        for s in per_module.values():
            for line in s.survivors:
                print("   ", line)
    if stopped:
        print(f"\npartial: the time budget stopped mutmut; {not_run} mutants were not checked")
    elif not_run:
        print(f"\n{not_run} mutants of these modules are not checked yet: the score is partial")
    low = [p for p, s in per_package.items() if s.total and s.percent < args.threshold]
    if low:
        print(f"\nunder {args.threshold:.0f}%: {', '.join(sorted(low))}", file=sys.stderr)
        print("kill the survivors (`mutmut show NAME`), or list an equivalent one with a reason")
        print(f"in {args.equivalent.relative_to(ROOT)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
