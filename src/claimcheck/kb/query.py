"""`claimcheck kb`: what the knowledge base believes on a date, and the sources why.

Each query returns plain data (the JSON output); `render_text` prints the same data for
an editor. Nothing here prints or imports click.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimcheck.core.dates import PartialDate
from claimcheck.core.escape import safe
from claimcheck.core.findings import Finding
from claimcheck.core.limits import DEFAULT_LIMITS, Limits
from claimcheck.core.options import Options, UsageError
from claimcheck.core.project import display_path, find_root
from claimcheck.core.wording import NAMED_LIMIT, enumeration
from claimcheck.formats.records import Fact
from claimcheck.kb.files import KBSource, run_kb_files
from claimcheck.kb.load import load_kb
from claimcheck.kb.resolve import Resolver
from claimcheck.kb.store import KnowledgeBase, Lasting, Tri, source_labels


class QueryError(Exception):
    """The query cannot be answered as asked: exit 2 with this message."""


def open_kb(
    paths: tuple[str, ...],
    root: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    about: str | None = None,
    store_dir: Path | None = None,
) -> tuple[KnowledgeBase, list[Finding]]:
    """The KB in ``paths`` (files or folders), inside the project root.

    A big KB (`kb.files.STORE_BYTES`) is answered from its compiled store in ``store_dir``
    (default: a folder for this query only): with ``about``, only the facts a query about that
    entity reads, the same answers the whole KB gives.
    """
    cwd = Path.cwd().resolve()
    project = Path(root).resolve() if root else find_root(cwd)
    try:
        files = run_kb_files(Options(paths=("claims",), kb=paths), project, cwd)
    except UsageError as exc:
        raise QueryError(str(exc)) from None
    if not files:
        raise QueryError(
            "no knowledge base found (*.kb.yaml files below kb/ or the claim folders, see "
            "docs/kb.md): name its files or folders with --kb, or set `kb` in [tool.claimcheck]"
        )
    source = KBSource(files, limits, lambda p: display_path(p, cwd), store_dir)
    if about is None or not source.big:
        return load_kb(files, limits, source.shown)
    store = source.store()
    return store.slice_entity(about, everything=True), store.findings()


def _entity_id(kb: KnowledgeBase, ref: str) -> str:
    """The entity a reference stands for, as `verify` resolves it (`kb.resolve`)."""
    found = Resolver({}, kb).resolve(ref)
    if found.node is not None and found.node.kb is not None:
        return found.node.kb
    if found.ambiguous:
        ids = enumeration(
            [f"'{n.key}'" for n in found.ambiguous[:NAMED_LIMIT]], len(found.ambiguous)
        )
        raise QueryError(f"ambiguous: {ref!r} is the id, name or alias of {ids}: give the id")
    raise QueryError(f"no entity {ref!r} in the knowledge base (ids, names and aliases)")


def fact_record(
    kb: KnowledgeBase, fact: Fact, truth: Tri | None = None, on: PartialDate | None = None
) -> dict[str, Any]:
    path, line, col = kb.origin[fact.id]
    out: dict[str, Any] = {
        "fact": fact.id,
        "statement": kb.statement(fact),
        "status": fact.status,
        "unsourced": fact.unsourced,
        "note": fact.note,
        "sources": list(source_labels(fact.sources)),
        "defined_at": f"{path}:{line}:{col}",
    }
    if truth is not None:
        out["certain"] = truth is Tri.YES
        # Why it is not certain, when the KB can say (past its verified date, no start).
        if truth is not Tri.YES and on is not None and isinstance(fact, Lasting):
            why = kb.why_open(fact, on)
            if why is not None:
                out["uncertain"] = why
    return out


def _dated(
    kb: KnowledgeBase,
    query: str,
    key: str,
    on: PartialDate | None,
    role: str,
    pairs: Sequence[tuple[Fact, Tri]],
) -> dict[str, Any]:
    """Members of a group, holders of an office or events of a series on a date."""
    rows = [
        {"entity": getattr(f, role), "name": kb.name(getattr(f, role)), **fact_record(kb, f, t, on)}
        for f, t in pairs
    ]
    return {
        "query": query,
        "of": key,
        "name": kb.name(key),
        "on": str(on) if on is not None else None,
        "results": rows,
    }


def members(kb: KnowledgeBase, group: str, on: PartialDate) -> dict[str, Any]:
    key = _entity_id(kb, group)
    return _dated(kb, "members", key, on, "member", kb.members_on(key, on))


def holder(kb: KnowledgeBase, office: str, on: PartialDate) -> dict[str, Any]:
    key = _entity_id(kb, office)
    return _dated(kb, "holder", key, on, "holder", kb.holders_on(key, on))


def events(kb: KnowledgeBase, series: str, until: PartialDate | None) -> dict[str, Any]:
    """Events of a series by the end of ``until``; every event when it is None."""
    key = _entity_id(kb, series)
    return _dated(kb, "events", key, until, "event", kb.events_until(key, until))


def entity(kb: KnowledgeBase, ref: str) -> dict[str, Any]:
    eid = _entity_id(kb, ref)
    record = kb.records[eid]
    return {
        "query": "entity",
        "of": eid,
        "name": record.name,
        "kind": record.kind,
        "wikidata": record.wikidata,
        "notes": record.notes,
        "aliases": [
            {"name": a.name, "used_by": list(a.used_by), "sources": list(source_labels(a.sources))}
            for a in record.aliases
        ],
        "results": [fact_record(kb, f) for f in kb.facts_about(eid)],
    }


def render_text(answer: dict[str, Any]) -> str:
    """The answer for a terminal: a heading, then one fact per entry with its sources."""
    when = f" on {answer['on']}" if answer.get("on") else ""
    head = f"{answer['name']} ({answer['of']})"
    if answer["query"] == "entity":
        lines = [
            f"{head}: {answer['kind']}" + (f", {answer['wikidata']}" if answer["wikidata"] else "")
        ]
        if answer["notes"]:
            lines.append(f"  note: {answer['notes']}")
        for alias in answer["aliases"]:
            users = f" (used by {', '.join(alias['used_by'])})" if alias["used_by"] else ""
            lines.append(f"  also called {alias['name']}{users}")
    else:
        count = len(answer["results"])
        lines = [f"{answer['query']} of {head}{when}: {count}"]
    for row in answer["results"]:
        flags = [] if row.get("certain", True) else [row.get("uncertain", "uncertain dates")]
        if row["status"] == "disputed":
            flags.append("disputed")
        if row.get("unsourced"):
            flags.append("unsourced")  # its only source is the statement itself (CC212)
        flag = f" [{', '.join(flags)}]" if flags else ""
        lines.append(f"- {row['statement']}{flag}  ({row['fact']}, {row['defined_at']})")
        if row["note"]:
            lines.append(f"    note: {row['note']}")
        lines.extend(f"    source: {s}" for s in row["sources"])
    return "\n".join(safe(line) for line in lines) + "\n"
