# ruff: noqa: E501 - a claim is one YAML flow line here, easier to read whole than wrapped
"""Crafted worst cases for every rule, each as large as the default limits let a file be.

    python bench/hostile.py              # every rule, at the default limits (2 MiB files)
    python bench/hostile.py --scale 0.1  # a tenth of the size: a quick look
    python bench/hostile.py CC114 CC115  # only these attacks

Each case writes a project (claim file, article, knowledge base) that drives one rule to its
most expensive path: the same word over and over, thousands of lists of one group, ids that
are all alike. It runs ``claimcheck verify --no-cache`` on it in a child process and records
the wall time and the child's peak memory (``os.wait4``). The target: no case takes more than
10 s or 500 MB. Prints a table and writes ``bench/out/hostile.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
MIB = 1024 * 1024
LIMIT_BYTES = 2 * MIB  # the default max-file-bytes: claim files, articles and KB files
MAX_SECONDS = 10.0
MAX_RSS_MB = 500
SOURCE = "sources: [{url: 'https://e.org/a', accessed: 2026-11}]"


@dataclass
class Case:
    """One attack: the files of a project, and the arguments of ``verify``."""

    claims: list[str] = field(default_factory=list)  # flow-style claim lines, without "- "
    entities: dict[str, str] = field(default_factory=dict)  # id -> flow-style entity
    article: str = "A short article.\n"
    kb: str | None = None
    args: tuple[str, ...] = ()
    published: str = "2024-08-20"

    def write(self, folder: Path) -> int:
        """The project in ``folder``; returns the claim file's size."""
        (folder / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
        (folder / "a.txt").write_text(self.article, encoding="utf-8")
        lines = [
            "claimcheck: 1",
            "article: {id: a, title: A, publisher: P, published: "
            + self.published
            + ", text: a.txt}",
            "entities:",
            *(f"  {k}: {v}" for k, v in self.entities.items()),
            "claims:",
            *(f"  - {c}" for c in self.claims),
        ]
        if not self.entities:
            lines[2] = "entities: {}"
        text = "\n".join(lines) + "\n"
        (folder / "x.claims.yaml").write_text(text, encoding="utf-8")
        if self.kb is not None:
            (folder / "w.kb.yaml").write_text(self.kb, encoding="utf-8")
        return len(text.encode())


def fill(make: Callable[[int], str], budget: int, start: int = 0) -> list[str]:
    """``make(0)``, ``make(1)``... while they fit in ``budget`` bytes."""
    out: list[str] = []
    used = 0
    k = start
    while True:
        line = make(k)
        used += len(line.encode()) + 5
        if used > budget:
            return out
        out.append(line)
        k += 1


def ent(name: str, kind: str = "country") -> str:
    return f"{{name: {name}, kind: {kind}}}"


def _group_entities(n: int) -> dict[str, str]:
    return {"g": ent("G", "group"), **{f"m{k}": ent(f"M{k}") for k in range(n)}}


def cc101(size: int) -> Case:
    # One claim names many members; thousands of complete lists each leave them all out.
    members = ", ".join(f"m{k}" for k in range(size // 40))
    named = f"{{id: all, kind: membership, group: g, complete: false, members: [{members}], quote: q, {SOURCE}}}"
    lists = fill(
        lambda k: (
            f"{{id: l{k}, kind: membership, group: g, complete: true, members: [m{k}], quote: q, {SOURCE}}}"
        ),
        size // 2,
    )
    return Case([named, *lists], {"g": ent("G", "group")})


def cc102(size: int) -> Case:
    members = ", ".join(f"m{k}" for k in range(size // 80))
    named = f"{{id: all, kind: membership, group: g, complete: false, members: [{members}], quote: q, {SOURCE}}}"
    counts = fill(
        lambda k: f"{{id: c{k}, kind: count, of: members, group: g, count: 1, quote: q, {SOURCE}}}",
        size // 2,
    )
    events = fill(
        lambda k: (
            f"{{id: e{k}, kind: event, event: e{k}, what: w, series: s, date: '20{k % 90 + 10:02d}', quote: q, {SOURCE}}}"
        ),
        size // 8,
    )
    ecounts = fill(
        lambda k: (
            f"{{id: d{k}, kind: count, of: events, group: s, count: 1, at: '20{k % 90 + 10:02d}', quote: q, {SOURCE}}}"
        ),
        size // 8,
    )
    return Case([named, *counts, *events, *ecounts], {})


def _series(size: int, ordinal: Callable[[int], str]) -> list[str]:
    return fill(
        lambda k: (
            f"{{id: e{k}, kind: event, event: e{k}, what: w, series: s, "
            f"date: '{1000 + k % 9000}', {ordinal(k)}quote: q, {SOURCE}}}"
        ),
        size,
    )


def cc103(size: int) -> Case:
    # Every event of one series dated, each called the 2nd: all earlier ones contradict it.
    return Case(_series(size, lambda k: "ordinal: 2, "))


def cc110(size: int) -> Case:
    # Ordinals in the reverse order of the dates: each one is out of order.
    return Case(_series(size, lambda k: f"ordinal: {100000 - k}, "))


def cc104(size: int) -> Case:
    # Wrong weekdays on one event's date, given once by another claim.
    dated = f"{{id: d, kind: event, event: e, what: w, date: 2024-08-20, quote: q, {SOURCE}}}"
    rest = fill(
        lambda k: (
            f"{{id: w{k}, kind: event, event: e, what: w, weekday: Monday, relative: true, quote: q, {SOURCE}}}"
        ),
        size,
    )
    return Case([dated, *rest])


def cc106(size: int) -> Case:
    # One event given a different day by every claim.
    return Case(
        fill(
            lambda k: (
                f"{{id: d{k}, kind: event, event: e, what: w, date: '{1000 + k % 9000}-0{k % 9 + 1}-1{k % 9}', place: p{k}, quote: q, {SOURCE}}}"
            ),
            size,
        )
    )


def cc108(size: int) -> Case:
    counts = fill(
        lambda k: (
            f"{{id: c{k}, kind: count, of: members, group: g, count: {k}, quote: q, {SOURCE}}}"
        ),
        size // 2,
    )
    offices = fill(
        lambda k: f"{{id: o{k}, kind: office, office: o, holder: h{k}, quote: q, {SOURCE}}}",
        size // 2,
    )
    return Case([*counts, *offices])


def cc111(size: int) -> Case:
    # No sources, sources without a URL or date, and long URLs that are not http(s).
    bad = "file:///" + "x/" * 2000
    return Case(
        fill(
            lambda k: (
                f"{{id: c{k}, kind: count, of: members, group: g, count: 1, quote: q, "
                f"sources: [{{title: t}}, {{url: '{bad}'}}, {{url: 'https://e.org/{'%' * 500}'}}]}}"
                if k % 2
                else f"{{id: c{k}, kind: count, of: members, group: g, count: 1, quote: q}}"
            ),
            size,
        )
    )


def cc114(size: int) -> Case:
    # An article of one word, repeated; quotes of 299 such words and one other: near misses.
    article = "a " * (size // 2)
    quote = " ".join(["a"] * 298 + ["b"])
    return Case(
        fill(
            lambda k: (
                f"{{id: c{k}, kind: count, of: members, group: g, count: 1, quote: '{quote}', {SOURCE}}}"
            ),
            size,
        ),
        article=article,
    )


def cc114_search(size: int) -> Case:
    # An article short enough (50,000 words) for the closest-passage search, and quotes
    # found at once not to be in it, each just within the search budget of a quote.
    quote = "b" + " a" * 130
    return Case(
        fill(
            lambda k: (
                f"{{id: c{k}, kind: count, of: members, group: g, count: 1, quote: '{quote}', {SOURCE}}}"
            ),
            size,
        ),
        article="a " * 50_000,
    )


def cc114_long(size: int) -> Case:
    # Quotes of 64 KiB that share their first 64 KiB - 1 characters with the article.
    article = "a " * (size // 2)
    quote = "a " * 32_000 + "b"
    return Case(
        fill(
            lambda k: (
                f"{{id: c{k}, kind: count, of: members, group: g, count: 1, quote: '{quote}', {SOURCE}}}"
            ),
            size,
        ),
        article=article,
    )


def cc115(size: int) -> Case:
    # Ids all alike: every undefined one resembles every defined one.
    entities = {f"entity-number-{k:06d}": ent("E") for k in range(size // 100)}
    claims = fill(
        lambda k: (
            f"{{id: c{k}, kind: count, of: members, group: entity-numbr-{k:06d}, count: 1, quote: q, {SOURCE}}}"
        ),
        size // 2,
    )
    return Case(claims, entities)


def cc116(size: int) -> Case:
    # Names of mixed scripts and invisible characters, as long as a scalar may be.
    odd = "Indіa\u200b" * 6000
    return Case(
        fill(
            lambda k: (
                f"{{id: 'c{k}\u200f', kind: relation, subject: s, predicate: calls, object: o, name: '{odd}', quote: q, {SOURCE}}}"
            ),
            size - 200_000,
        ),
        {f"e{k}": ent("Іndia\u202e" * 1000) for k in range(10)},
    )


def cc117(size: int) -> Case:
    return Case(
        fill(
            lambda k: (
                f"{{id: same, kind: count, of: members, group: g, count: 1, quote: q, {SOURCE}}}"
            ),
            size,
        )
    )


def _kb(entities: list[str], facts: list[str]) -> str:
    return (
        # Verified far ahead: every open-ended fact is sure, the costlier path.
        "claimcheck-kb: 1\nverified: 2099-01-01\nentities:\n"
        + "".join(f"  {e}\n" for e in entities)
        + "facts:\n"
        + "".join(f"  - {f}\n" for f in facts)
    )


KB_SOURCE = "sources: [{url: 'https://e.org/k'}]"


def cc201(size: int) -> Case:
    # A group with thousands of members in the knowledge base, some disputed; thousands of
    # complete lists of it, each different, so no verdict is reused.
    n = size // 200
    ents = [
        "g: {name: G, kind: group}",
        *(f"m{k}: {{name: M{k}, kind: country}}" for k in range(n)),
    ]
    facts = [
        f"{{id: f{k}, kind: membership, group: g, member: m{k}, start: '2000', "
        f"status: {'disputed' if k % 10 == 0 else 'accepted'}, note: n, {KB_SOURCE}}}"
        for k in range(n)
    ]
    lists = fill(
        lambda k: (
            f"{{id: l{k}, kind: membership, group: g, complete: true, members: [m{k % n}, x{k}], quote: q, {SOURCE}}}"
        ),
        size // 2,
    )
    counts = fill(
        lambda k: (
            f"{{id: c{k}, kind: count, of: members, group: g, count: {k}, quote: q, {SOURCE}}}"
        ),
        size // 2,
    )
    return Case([*lists, *counts], kb=_kb(ents, facts), args=("--as-of", "2026-01-01"))


def cc203(size: int) -> Case:
    # A series of thousands of events in the knowledge base; claims on each of them.
    n = size // 200
    ents = [
        "s: {name: S, kind: series}",
        "p: {name: P, kind: place}",
        *(f"e{k}: {{name: E{k}, kind: event}}" for k in range(n)),
    ]
    facts = [
        f"{{id: f{k}, kind: event, event: e{k}, series: s, date: '{1000 + k}', place: p, {KB_SOURCE}}}"
        for k in range(n)
    ]
    claims = fill(
        lambda k: (
            f"{{id: c{k}, kind: event, event: e{k % n}, what: w, series: s, ordinal: {k + 2}, "
            f"date: '{1001 + k % n}', weekday: Monday, place: q{k}, quote: q, {SOURCE}}}"
        ),
        size,
    )
    return Case(claims, kb=_kb(ents, facts))


def cc207(size: int) -> Case:
    # An office held by thousands, and claims that name someone else; relations likewise.
    n = size // 500
    ents = [
        "o: {name: O, kind: office}",
        "t: {name: T, kind: place}",
        *(f"h{k}: {{name: H{k}, kind: person}}" for k in range(n)),
    ]
    facts = [
        f"{{id: f{k}, kind: tenure, office: o, holder: h{k}, start: '2000', {KB_SOURCE}}}"
        for k in range(n)
    ] + [
        f"{{id: r{k}, kind: relation, subject: h{k}, predicate: administers, object: t, start: '2000', {KB_SOURCE}}}"
        for k in range(n)
    ]
    claims = fill(
        lambda k: (
            f"{{id: c{k}, kind: office, office: o, holder: x{k}, quote: q, {SOURCE}}}"
            if k % 2
            else f"{{id: c{k}, kind: relation, subject: x{k}, predicate: administers, object: t, quote: q, {SOURCE}}}"
        ),
        size,
    )
    ents += [f"x{k}: {{name: X{k}, kind: person}}" for k in range(len(claims))]
    return Case(claims, kb=_kb(ents, facts))


CASES: dict[str, Callable[[int], Case]] = {
    "CC101": cc101,
    "CC102": cc102,
    "CC103": cc103,
    "CC104/CC105": cc104,
    "CC106/CC107": cc106,
    "CC108/CC109": cc108,
    "CC110": cc110,
    "CC111/CC112/CC113": cc111,
    "CC114": cc114,
    "CC114 (search)": cc114_search,
    "CC114 (64 KiB quotes)": cc114_long,
    "CC115": cc115,
    "CC116": cc116,
    "CC117": cc117,
    "CC201/CC202/CC209/CC210": cc201,
    "CC203/CC204/CC205/CC206": cc203,
    "CC207/CC208": cc207,
}


def measure(name: str, case: Case) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        folder = Path(tmp)
        size = case.write(folder)
        cmd = [str(BIN / "claimcheck"), "verify", ".", "--no-cache", "-q", *case.args]
        with tempfile.TemporaryFile() as out:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, cwd=folder, stdout=out, stderr=subprocess.STDOUT)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            out.seek(0)
            lines = out.read().decode("utf-8", "replace").splitlines()
        article = (folder / "a.txt").stat().st_size
        kb = (folder / "w.kb.yaml").stat().st_size if case.kb is not None else 0
    return {
        "case": name,
        "claims_bytes": size,
        "article_bytes": article,
        "kb_bytes": kb,
        "exit": os.waitstatus_to_exitcode(status),
        "findings": len(lines),
        "output_bytes": sum(len(x) + 1 for x in lines),
        "first": lines[0][:160] if lines else "",
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "rss_mb": usage.ru_maxrss // 1024,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", help="case names (prefixes), default: all")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the limit")
    args = parser.parse_args()
    size = int((LIMIT_BYTES - 4096) * args.scale)
    rows = []
    print(
        f"{'case':26} {'claims':>9} {'article':>9} {'kb':>9} {'findings':>8} "
        f"{'wall s':>7} {'cpu s':>6} {'RSS MB':>6}  exit"
    )
    for name, make in CASES.items():
        if args.cases and not any(name.startswith(c) for c in args.cases):
            continue
        row = measure(name, make(size))
        rows.append(row)
        flag = "" if row["wall_s"] <= MAX_SECONDS and row["rss_mb"] <= MAX_RSS_MB else "  OVER"  # type: ignore[operator]
        print(
            f"{name:26} {row['claims_bytes']:>9,} {row['article_bytes']:>9,} {row['kb_bytes']:>9,} "
            f"{row['findings']:>8,} {row['wall_s']:>7} {row['cpu_s']:>6} {row['rss_mb']:>6}  "
            f"{row['exit']}{flag}",
            flush=True,
        )
    out = BENCH / "out"
    out.mkdir(exist_ok=True)
    (out / "hostile.json").write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    over = [r for r in rows if r["wall_s"] > MAX_SECONDS or r["rss_mb"] > MAX_RSS_MB]  # type: ignore[operator]
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
