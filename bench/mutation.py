"""Mutation testing of the modules that decide findings and verdicts, with a score to keep.

    python bench/mutation.py src/claimcheck/rules/counts.py claimcheck.loader
    python bench/mutation.py --changed-since origin/main        # or --base HEAD~1
    python bench/mutation.py --report-only                      # score the last run again

Runs mutmut 3 (configured in pyproject.toml, ``[tool.mutmut]``) on the named modules, or on
the mutable modules changed since a git revision, then prints each module's and package's
score: killed / (all - listed equivalent). Equivalent mutants (no observable effect) are
listed with a reason in tests/equivalent_mutants.txt. Exits 1 when a package scores under the
threshold, 2 when mutmut itself fails, 0 otherwise (and when no mutable module changed).
A time budget stops mutmut and scores the mutants checked so far, saying the score is partial.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import re
import shutil
import signal
import subprocess
import sys
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
    survivors: list[str] = field(default_factory=list)

    @property
    def percent(self) -> float:
        counted = self.total - self.equivalent
        return 100.0 * self.killed / counted if counted else 100.0


def results() -> dict[str, str]:
    """Every mutant mutmut knows about, with its status, from ``mutmut results --all``."""
    out = subprocess.run(
        [_mutmut(), "results", "--all", "true"],
        cwd=ROOT,
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
    """Scores per module and per package of the mutants in ``modules`` that were run."""
    by_module: dict[str, Score] = defaultdict(Score)
    by_package: dict[str, Score] = defaultdict(Score)
    not_run = 0
    for name, status in sorted(statuses.items()):
        m = _MODULE.match(name)
        module = m.group("module") if m else name.split(".x")[0]
        if modules and not any(module == s or module.startswith(s + ".") for s in modules):
            continue
        if status in NOT_RUN:
            not_run += 1
            continue
        package = module.rsplit(".", 1)[0] if module.count(".") > 1 else module
        is_equivalent = any(fnmatch.fnmatchcase(name, p) for p in equivalent)
        for s in (by_module[module], by_package[package]):
            s.total += 1
            if status in DETECTED:
                s.killed += 1
            elif is_equivalent:
                s.equivalent += 1
            else:
                s.survivors.append(f"{name}: {status}")
    return dict(by_module), dict(by_package), not_run


def run_mutmut(modules: list[str], max_children: int, budget: float | None) -> tuple[int, bool]:
    """Run mutmut on ``modules``; (its exit code, whether the time budget stopped it)."""
    names = [f"{m}.*" for m in modules]
    cmd = [_mutmut(), "run", "--max-children", str(max_children), *names]
    print("$", " ".join(cmd), flush=True)
    proc = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True)
    try:
        return proc.wait(timeout=budget), False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGTERM)  # mutmut and the test runs it started
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        return 0, True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="files, folders or dotted module names")
    parser.add_argument("--changed-since", "--base", dest="base", metavar="REV")
    parser.add_argument("--threshold", type=float, default=85.0)
    parser.add_argument("--equivalent", type=Path, default=EQUIVALENT)
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--budget", type=float, help="seconds mutmut may run")
    parser.add_argument("--fresh", action="store_true", help="drop mutmut's cache (mutants/)")
    parser.add_argument("--report-only", action="store_true", help="score the last run")
    parser.add_argument("--survivors", action="store_true", help="list surviving mutants")
    args = parser.parse_args(argv)

    modules = [module_of(m) for m in args.modules]
    if args.base:
        modules += changed_modules(args.base)
        if not modules:
            print(f"no module mutmut mutates changed since {args.base}: nothing to do")
            return 0
    modules = sorted(set(modules))
    stopped = False
    if not args.report_only:
        if args.fresh:
            shutil.rmtree(ROOT / "mutants", ignore_errors=True)
        started = time.monotonic()
        code, stopped = run_mutmut(modules, args.max_children, args.budget)
        print(f"mutmut ran {time.monotonic() - started:.0f} s", flush=True)
        if code != 0:
            print(f"mutmut failed (exit {code})", file=sys.stderr)
            return 2
    equivalent = read_equivalent(args.equivalent)
    per_module, per_package, not_run = score(results(), modules, equivalent)
    if not per_module:
        if stopped:  # the budget is CI's, not the change's: say so, do not fail
            print("the time budget ran out before any mutant was checked", file=sys.stderr)
            return 0
        print("no mutant was checked", file=sys.stderr)
        return 2
    print(f"\n{'module':44} {'killed':>7} {'all':>5} {'equiv':>6} {'score':>7}")
    for title, table in (("module", per_module), ("package", per_package)):
        if title == "package":
            print(f"\n{'package':44} {'killed':>7} {'all':>5} {'equiv':>6} {'score':>7}")
        for name, s in sorted(table.items()):
            print(f"{name:44} {s.killed:7} {s.total:5} {s.equivalent:6} {s.percent:6.1f}%")
    if args.survivors:
        print("\nsurvivors:")
        for s in per_module.values():
            for line in s.survivors:
                print("   ", line)
    if stopped:
        print(f"\npartial: the time budget stopped mutmut; {not_run} mutants were not checked")
    elif not_run:
        print(f"\n{not_run} mutants of these modules are not checked yet: the score is partial")
    low = [p for p, s in per_package.items() if s.percent < args.threshold]
    if low:
        print(f"\nunder {args.threshold:.0f}%: {', '.join(sorted(low))}", file=sys.stderr)
        print("kill the survivors (`mutmut show NAME`), or list an equivalent one with a reason")
        print(f"in {args.equivalent.relative_to(ROOT)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
