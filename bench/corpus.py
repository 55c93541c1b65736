"""A seeded synthetic corpus: articles whose claims have the shapes real ones have.

Each article is a text made of the claims' quotes, and a claim file with memberships (a
partial "including" claim and a complete "comprising" list per group), events in dated,
numbered series with weekdays, offices, counts and relations, each with a source. About
``error_rate`` of the claims carry an error a rule should catch: a complete list that omits
a member, a wrong weekday or ordinal, a count off by one. About ``misquote_rate`` of the
quotes (0.5% by default) are misquotes: the article has one word more than the quote, so
CC114 reports them with their closest passage. Every other quote is in the article word for
word: paragraphs break between sentences, never inside a quote.

With ``varied`` (what bench/run.py uses) the corpus is as varied as a real archive: the
world grows with the archive (one group, series, office and country for every 50 claims,
200 at least), articles are published over the days of the archive (ten a day), and office
claims name the month they speak of. Without it every article is published on one day in a
world of 200 of each, so the same claims recur and the judge's memo answers most of them.

The same seed gives the same bytes. ``write_kb`` writes the world as a knowledge base
(``world.kb.json``: memberships, office tenures and the dated, placed events of every
series), so every claim but the relations is also judged against sourced facts.
"""

from __future__ import annotations

import datetime
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
KINDS = ("membership", "event", "count", "office", "relation")
WEIGHTS = (30, 30, 15, 15, 10)
PREDICATES = ("borders", "party_to", "administers", "located_in")


@dataclass
class World:
    """What is true in the synthetic world: groups, series, offices."""

    countries: list[str]
    groups: dict[str, list[str]]
    series_start: dict[str, int]
    offices: dict[str, str]
    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (name, kind)


def make_world(seed: int, size: int = 200) -> World:
    rng = random.Random(seed)
    countries = [f"country-{k}" for k in range(size)]
    groups = {f"group-{k}": sorted(rng.sample(countries, rng.randint(3, 8))) for k in range(size)}
    series = {f"series-{k}": rng.randint(1990, 2015) for k in range(size)}
    offices = {f"office-{k}": f"person-{k}" for k in range(size)}
    world = World(countries, groups, series, offices)
    for ident in (*countries, *groups, *series, *offices, *offices.values()):
        kind = ident.split("-")[0].replace("group", "organisation")
        world.names[ident] = (ident.replace("-", " ").title(), kind)
    return world


def world_size(total_claims: int) -> int:
    """Groups, series, offices and countries in a varied world of ``total_claims`` claims."""
    return max(200, total_claims // 50)


def event_of(world: World, series: str, ordinal: int) -> tuple[datetime.date, str]:
    """The date and place of meeting ``ordinal`` of ``series``: one answer per world."""
    rng = random.Random(f"{series}-{ordinal}")  # a str seed is hashed the same in every run
    year = world.series_start[series] + ordinal - 1
    day = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
    return day, rng.choice(world.countries)


def world_facts(world: World, limit: int | None = None) -> list[dict[str, Any]]:
    """The world as sourced facts: memberships, tenures, events; the first ``limit`` of them."""
    facts: list[dict[str, Any]] = []
    for group, members in world.groups.items():
        facts.extend(
            {"kind": "membership", "group": group, "member": m, "start": "2000"} for m in members
        )
    for office, holder in world.offices.items():
        facts.append({"kind": "tenure", "office": office, "holder": holder, "start": "2020"})
    for series in world.series_start:
        for ordinal in range(1, 11):
            day, place = event_of(world, series, ordinal)
            event = f"{series}-{ordinal}"
            facts.append(
                {
                    "kind": "event",
                    "event": event,
                    "date": day.isoformat(),
                    "place": place,
                    "series": series,
                    "ordinal": ordinal,
                }
            )
    for n, fact in enumerate(facts):
        fact["id"] = f"f{n}"
        fact["sources"] = [{"url": f"https://example.org/facts/{n}", "title": "Reference"}]
    return facts if limit is None else facts[:limit]


def write_kb(root: Path, world: World, facts: list[dict[str, Any]]) -> int:
    """Write ``facts`` as ``root/world.kb.json``, with every entity; returns the fact count."""
    entities = {ident: {"name": name, "kind": kind} for ident, (name, kind) in world.names.items()}
    for fact in facts:
        if fact["kind"] == "event":
            entities[fact["event"]] = {"name": fact["event"].replace("-", " "), "kind": "event"}
    doc = {"claimcheck-kb": 1, "entities": dict(sorted(entities.items())), "facts": facts}
    (root / "world.kb.json").write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    return len(facts)


class _Article:
    def __init__(
        self,
        world: World,
        rng: random.Random,
        index: int,
        error_rate: float,
        misquote_rate: float = 0.0,
        varied: bool = False,
    ):
        self.world, self.rng, self.error_rate = world, rng, error_rate
        self.varied = varied
        self.misquote_rate = misquote_rate
        self.index = index
        self.claims: list[dict[str, Any]] = []
        self.used: set[str] = set()
        self.sentences: list[str] = []
        self.misquotes: list[int] = []

    def err(self) -> bool:
        return self.rng.random() < self.error_rate

    def name(self, ident: str) -> str:
        self.used.add(ident)
        return self.world.names[ident][0]

    def add(self, kind: str, quote: str, **fields: Any) -> None:
        n = len(self.claims)
        claim = {"id": f"c{n}", "kind": kind, **fields, "quote": quote}
        claim["sources"] = [
            {
                "url": f"https://example.org/{kind}/{self.index}/{n}",
                "title": f"Source for {quote[:30]}",
                "accessed": "2026-11",
            }
        ]
        self.sentences.append(quote + ".")
        if self.rng.random() < self.misquote_rate:
            self.misquotes.append(n)  # the article will say something slightly different
        self.claims.append(claim)

    def membership(self) -> None:
        group = self.rng.choice(list(self.world.groups))
        members = self.world.groups[group]
        named = self.rng.choice(members)
        self.add(
            "membership",
            f"{self.name(named)} is a member of {self.name(group)}",
            group=group,
            members=[named],
            complete=False,
        )
        listed = [m for m in members if m != named] if self.err() else list(members)
        words = ", ".join(self.name(m) for m in listed)
        self.add(
            "membership",
            f"{self.name(group)}, comprising {words}",
            group=group,
            members=listed,
            complete=True,
        )

    def event(self) -> None:
        series = self.rng.choice(list(self.world.series_start))
        ordinal = self.rng.randint(1, 9)
        date, place = event_of(self.world, series, ordinal)
        weekday = WEEKDAYS[(date.weekday() + (1 if self.err() else 0)) % 7]
        self.add(
            "event",
            f"the meeting number {ordinal} of {self.name(series)} in {self.name(place)} on "
            f"{weekday}, {date.isoformat()}",
            event=f"{series}-{ordinal}",
            what=f"meeting {ordinal} of {series}",
            date=date.isoformat(),
            weekday=weekday,
            place=place,
            series=series,
            ordinal=ordinal + (1 if self.err() else 0),
        )
        self.used.add(f"{series}-{ordinal}")

    def count(self) -> None:
        group = self.rng.choice(list(self.world.groups))
        n = len(self.world.groups[group]) + (1 if self.err() else 0)
        self.add("count", f"{self.name(group)} has {n} members", of="members", group=group, count=n)

    def office(self) -> None:
        office = self.rng.choice(list(self.world.offices))
        holder = self.world.offices[office]
        self.add(
            "office",
            f"{self.name(holder)}, {self.name(office)}",
            office=office,
            holder=holder,
            at=f"{self.rng.randint(2020, 2024)}-{self.rng.randint(1, 12):02d}"
            if self.varied
            else "2024-08",
        )

    def relation(self) -> None:
        subject, obj = self.rng.sample(self.world.countries, 2)
        predicate = self.rng.choice(PREDICATES)
        self.add(
            "relation",
            f"{self.name(subject)} {predicate.replace('_', ' ')} {self.name(obj)}",
            subject=subject,
            predicate=predicate,
            object=obj,
        )

    def published(self) -> str:
        """The day the article came out: ten articles a day from 2024-08-20 when varied."""
        day = datetime.date(2024, 8, 20)
        if self.varied:
            day += datetime.timedelta(days=self.index // 10)
        return day.isoformat()

    def build(self, claims: int) -> tuple[dict[str, Any], str]:
        while len(self.claims) < claims:
            getattr(self, self.rng.choices(KINDS, WEIGHTS)[0])()
        del self.claims[claims:]
        misquoted = set(self.misquotes)
        sentences = [
            s.replace(" ", " also ", 1) if i in misquoted else s
            for i, s in enumerate(self.sentences)
        ]
        entities = {}
        for ident in sorted(self.used):
            name, kind = self.world.names.get(ident, (ident.replace("-", " ").title(), "event"))
            entities[ident] = {"name": name, "kind": kind}
        doc = {
            "claimcheck": 1,
            "article": {
                "id": f"bench-{self.index:06d}",
                "title": f"Synthetic article {self.index}",
                "publisher": "Bench Times",
                "published": self.published(),
                "text": f"articles/bench-{self.index:06d}.txt",
            },
            "entities": entities,
            "claims": self.claims,
        }
        return doc, "\n\n".join(_paragraphs(sentences)) + "\n"


def _paragraphs(sentences: list[str], width: int = 600) -> list[str]:
    """Sentences in paragraphs of about ``width`` characters, broken only between sentences."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for s in sentences:
        if current and size + len(s) > width:
            out.append(" ".join(current))
            current, size = [], 0
        current.append(s)
        size += len(s) + 1
    if current:
        out.append(" ".join(current))
    return out


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    text = str(value)
    if text.replace("-", "").replace("_", "").isalnum() and not text[0].isdigit():
        return text
    if len(text) in (7, 10) and text[:4].isdigit():
        return text  # a date: stays text under YAML 1.2 rules
    return json.dumps(text)


def to_yaml(doc: dict[str, Any]) -> str:
    """Block-style YAML, the way an editor writes a claim file."""
    out = ["claimcheck: 1", "article:"]
    out += [f"  {k}: {_scalar(v)}" for k, v in doc["article"].items()]
    out.append("entities:")
    out += [
        f"  {k}: {{name: {_scalar(v['name'])}, kind: {v['kind']}}}"
        for k, v in doc["entities"].items()
    ]
    out.append("claims:")
    for claim in doc["claims"]:
        lead = "  - "
        for k, v in claim.items():
            if k == "sources":
                out.append("    sources:")
                for src in v:
                    first = "      - "
                    for sk, sv in src.items():
                        out.append(f"{first}{sk}: {_scalar(sv)}")
                        first = "        "
                continue
            out.append(f"{lead}{k}: {_scalar(v)}")
            lead = "    "
    return "\n".join(out) + "\n"


def write_corpus(
    root: Path,
    *,
    seed: int,
    total_claims: int,
    per_file: int,
    fmt: str,
    error_rate: float = 0.05,
    misquote_rate: float = 0.005,
    kb_facts: int | None = None,
    varied: bool = False,
) -> int:
    """Write ``total_claims`` claims in files of ``per_file`` under ``root``, and a knowledge
    base of ``kb_facts`` facts (all of the world's when None); returns the number of files.
    ``varied``: a world that grows with the archive, and articles of many days."""
    world = make_world(seed, world_size(total_claims) if varied else 200)
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'bench-corpus'\n", encoding="utf-8")
    files = 0
    remaining = total_claims
    while remaining > 0:
        n = min(per_file, remaining)
        rng = random.Random(seed * 1_000_003 + files)
        doc, text = _Article(world, rng, files, error_rate, misquote_rate, varied).build(n)
        (root / "articles" / f"bench-{files:06d}.txt").write_text(text, encoding="utf-8")
        name = root / f"bench-{files:06d}.claims.{fmt}"
        body = to_yaml(doc) if fmt == "yaml" else json.dumps(doc, indent=1) + "\n"
        name.write_text(body, encoding="utf-8")
        remaining -= n
        files += 1
    write_kb(root, world, world_facts(world, kb_facts))
    return files
