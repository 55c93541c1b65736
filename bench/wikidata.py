"""Wikidata at scale: import speed, the KB store's build, and a verify against it.

1. Writes a seeded synthetic dump (``dump-20250101.json.gz``: a JSON array, one entity per
   line) of ``--entities`` entities with the statement shapes of real ones: people with
   positions held (P39) at year, month or day precision, some ended on an unknown date;
   organisations with members (P527), inception (P571) and a member count (P2124); places in
   countries (P17, P131) and groups (P463); events of numbered series (P179 with P1545 and a
   P585 date); references with a URL and a retrieval date, "imported from Wikipedia", or
   none; deprecated statements; labels and aliases in two languages; and the properties a
   news import leaves out (images, identifiers, populations).
2. Imports it with ``claimcheck kb import wikidata`` and reports entities per second (one
   process, so per core) and the import's peak memory.
3. Verifies the showcase (``claims/``) against ``claims/kb`` plus the import: the first run
   builds the store (time and peak memory), the second answers from it (time and peak
   memory, the target being under 200 MB); the verdicts must be those of ``claims/kb``
   alone, since the synthetic world shares no entity with the showcase.

Each step runs in a child process, measured with ``os.wait4``. Run it niced:
``nice -n 10 .venv/bin/python bench/wikidata.py --entities 1000000``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SYLLABLES = ("ka", "lo", "mi", "ren", "to", "va", "shi", "dor", "bel", "ani", "qu", "zef")
WIKI = "http://www.wikidata.org/entity/Q1985727"


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 5))).capitalize()


def _time(rng: random.Random, year: int) -> dict[str, Any]:
    precision = rng.choice((9, 10, 11, 11, 11))
    month = rng.randint(1, 12) if precision >= 10 else 0
    day = rng.randint(1, 28) if precision == 11 else 0
    return {
        "time": f"+{year:04d}-{month:02d}-{day:02d}T00:00:00Z",
        "timezone": 0,
        "before": 0,
        "after": 0,
        "precision": precision,
        "calendarmodel": WIKI,
    }


def _snak(prop: str, value: Any, kind: str, snaktype: str = "value") -> dict[str, Any]:
    snak: dict[str, Any] = {"snaktype": snaktype, "property": prop}
    if snaktype == "value":
        snak["datavalue"] = {"value": value, "type": kind}
    return snak


def _item(n: int) -> dict[str, Any]:
    return {"entity-type": "item", "numeric-id": n, "id": f"Q{n}"}


class Dump:
    """The synthetic world: ids by kind, so that statements point at entities that exist."""

    def __init__(self, entities: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.n = entities
        self.first = 1_000_000  # clear of the showcase's ids and of real small ids
        self.statements = 0

    def ident(self, kind: int) -> int:
        """A random entity of a kind: entity i has kind i % 10 (see ``entity``)."""
        base = self.rng.randrange(0, self.n // 10 or 1) * 10
        return self.first + base + kind

    def statement(
        self, qid: str, prop: str, value: Any, kind: str, qualifiers: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        rng = self.rng
        self.statements += 1
        out: dict[str, Any] = {
            "mainsnak": _snak(prop, value, kind),
            "type": "statement",
            "id": f"{qid}${self.statements:08X}-5A1B-4C2D-8E3F-{rng.getrandbits(48):012X}",
            "rank": rng.choices(("normal", "preferred", "deprecated"), (90, 8, 2))[0],
        }
        if qualifiers:
            out["qualifiers"] = qualifiers
        roll = rng.random()
        if roll < 0.45:
            snaks = {"P854": [_snak("P854", f"https://example.org/{qid}/{prop}", "string")]}
            if rng.random() < 0.7:
                year = rng.randint(2015, 2024)
                snaks["P813"] = [_snak("P813", _time(rng, year) | {"precision": 11}, "time")]
                snaks["P813"][0]["datavalue"]["value"]["time"] = f"+{year}-03-04T00:00:00Z"
            out["references"] = [{"hash": f"{rng.getrandbits(64):016x}", "snaks": snaks}]
        elif roll < 0.7:
            snaks = {"P143": [_snak("P143", _item(328), "wikibase-entityid")]}
            out["references"] = [{"hash": f"{rng.getrandbits(64):016x}", "snaks": snaks}]
        return out

    def interval(self, start_year: int) -> dict[str, Any]:
        rng = self.rng
        out = {"P580": [_snak("P580", _time(rng, start_year), "time")]}
        roll = rng.random()
        if roll < 0.6:
            out["P582"] = [_snak("P582", _time(rng, start_year + rng.randint(1, 8)), "time")]
        elif roll < 0.7:
            out["P582"] = [_snak("P582", None, "time", "somevalue")]
        elif roll < 0.75:
            out["P582"] = [_snak("P582", None, "time", "novalue")]
        return out

    def entity(self, i: int) -> dict[str, Any]:
        """Entity i: kinds 0-3 people, 4-5 organisations, 6-8 places, 9 events."""
        rng = self.rng
        n = self.first + i
        qid = f"Q{n}"
        kind = i % 10
        name = _name(rng)
        claims: dict[str, list[dict[str, Any]]] = {}

        def add(prop: str, value: Any, vkind: str, qualifiers: Any = None) -> None:
            claims.setdefault(prop, []).append(self.statement(qid, prop, value, vkind, qualifiers))

        item = "wikibase-entityid"
        if kind <= 3:
            add("P31", _item(5), item)
            for _ in range(rng.randint(7, 14)):
                add("P39", _item(self.ident(5)), item, self.interval(rng.randint(1950, 2020)))
            for _ in range(rng.randint(1, 2)):
                add("P463", _item(self.ident(4)), item, self.interval(rng.randint(1980, 2020)))
        elif kind <= 5:
            add("P31", _item(43229), item)
            for _ in range(rng.randint(6, 12)):
                add("P527", _item(self.ident(6)), item, self.interval(rng.randint(1950, 2020)))
            add("P571", _time(rng, rng.randint(1800, 2010)), "time")
            count = {"amount": f"+{rng.randint(2, 200)}", "unit": "1"}
            add("P2124", count, "quantity", {"P585": [_snak("P585", _time(rng, 2020), "time")]})
            add("P1082", {"amount": f"+{rng.randint(1, 10**6)}", "unit": "1"}, "quantity")
        elif kind <= 8:
            add("P31", _item(515), item)
            add("P17", _item(self.ident(7)), item)
            add("P131", _item(self.ident(8)), item)
            for _ in range(rng.randint(6, 11)):
                add("P463", _item(self.ident(4)), item, self.interval(rng.randint(1950, 2020)))
            add("P1082", {"amount": f"+{rng.randint(1, 10**7)}", "unit": "1"}, "quantity")
        else:
            add("P31", _item(1656682), item)
            add("P585", _time(rng, rng.randint(1990, 2024)), "time")
            ordinal = {"P1545": [_snak("P1545", str(rng.randint(1, 40)), "string")]}
            add("P179", _item(self.ident(9)), item, ordinal)
            for _ in range(rng.randint(8, 12)):
                add("P710", _item(self.ident(0)), item)  # participants: left out by default
        add("P18", f"{name}.jpg", "string")
        add("P214", str(rng.randint(10**8, 10**9)), "string")
        labels = {"en": {"language": "en", "value": name}, "de": {"language": "de", "value": name}}
        aliases = {
            "en": [{"language": "en", "value": _name(rng)} for _ in range(rng.randint(0, 2))]
        }
        return {
            "type": "item",
            "id": qid,
            "labels": labels,
            "descriptions": {"en": {"language": "en", "value": f"synthetic entity {i}"}},
            "aliases": aliases,
            "claims": claims,
            "sitelinks": {},
            "modified": "2024-12-31T23:59:59Z",
        }


def write_dump(path: Path, entities: int, seed: int) -> None:
    dump = Dump(entities, seed)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as out:
        out.write("[\n")
        for i in range(entities):
            line = json.dumps(dump.entity(i), separators=(",", ":"))
            out.write(line + (",\n" if i < entities - 1 else "\n"))
        out.write("]\n")


def measured(
    args: list[str], cwd: Path, out: Path | None = None
) -> tuple[int, float, float, float]:
    """Run a child; its exit code, wall seconds, CPU seconds and peak memory in MB."""
    start = time.perf_counter()
    stdout = out.open("w") if out is not None else subprocess.DEVNULL
    try:
        child = subprocess.Popen(args, cwd=cwd, stdout=stdout, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.stderr is not None:
            sys.stderr.write(child.stderr.read().decode())
    finally:
        if out is not None:
            stdout.close()  # type: ignore[union-attr]
    wall = time.perf_counter() - start
    return child.returncode, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=ROOT / ".bench-wikidata")
    args = parser.parse_args()
    work: Path = args.work
    shutil.rmtree(work, ignore_errors=True)
    project = work / "project"
    project.mkdir(parents=True)
    (project / "pyproject.toml").write_text("[project]\nname = 'bench'\n", encoding="utf-8")
    shutil.copytree(ROOT / "claims", project / "claims")
    claimcheck = [sys.executable, "-m", "claimcheck"]

    dump = work / "dump-20250101.json.gz"
    start = time.perf_counter()
    write_dump(dump, args.entities, args.seed)
    print(f"dump: {args.entities:,} entities, {dump.stat().st_size / 2**20:,.0f} MiB gzipped, "
          f"written in {time.perf_counter() - start:,.0f} s")  # fmt: skip

    kb = project / "wikidata.kb.json"
    code, wall, cpu, peak = measured(
        [*claimcheck, "kb", "import", "wikidata", str(dump), "-o", str(kb)], project
    )
    assert code == 0, code
    facts = sum(1 for _ in kb.open("rb")) - args.entities  # about: one line per entity or fact
    print(f"import: {wall:,.0f} s, {args.entities / wall:,.0f} entities/s "
          f"({args.entities / cpu:,.0f} per CPU second), peak {peak:,.0f} MB, "
          f"{kb.stat().st_size / 2**20:,.0f} MiB KB file, about {facts:,} facts")  # fmt: skip

    cache = project / ".cache"
    verify = [*claimcheck, "verify", "claims", "--format", "json", "--cache-dir", str(cache)]
    small = work / "small.json"
    measured([*verify, "--no-cache", "--kb", "claims/kb"], project, small)
    first = work / "first.json"
    code, wall, cpu, peak = measured(
        [*verify, "--kb", "claims/kb", "--kb", kb.name], project, first
    )
    print(f"verify, building the store: {wall:,.0f} s, peak {peak:,.0f} MB (exit {code})")
    store = next((cache / "kb").glob("*.sqlite"))
    print(f"store: {store.stat().st_size / 2**20:,.0f} MiB")
    for entry in cache.iterdir():  # keep the store, drop the cached results
        if entry.name != "kb":
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    second = work / "second.json"
    code, wall, cpu, peak = measured(
        [*verify, "--kb", "claims/kb", "--kb", kb.name], project, second
    )
    print(f"verify from the store: {wall:,.1f} s, peak {peak:,.0f} MB (exit {code})")
    same = [_verdicts(small) == _verdicts(p) for p in (first, second)]
    print(f"verdicts as with claims/kb alone: {same}")
    return 0 if all(same) else 1


def _verdicts(report: Path) -> list[Any]:
    data = json.loads(report.read_text(encoding="utf-8"))
    return [data["verdicts"], [f for f in data["findings"] if f["rule"] != "CC002"]]


if __name__ == "__main__":
    sys.exit(main())
