"""Draft a claim file from an article: read, link, extract, write (or add to one).

With ``update``, the claims a person wrote stay as they were, comments and all: the new
drafts and the entities they need are added to the file's text, never rewritten into it.
A drafted claim is new when no claim of the file has its kind and its quote's words.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from claimcheck.config import load_project
from claimcheck.core.dates import PartialDate
from claimcheck.core.limits import DEFAULT_LIMITS
from claimcheck.core.options import UsageError
from claimcheck.core.output import open_output
from claimcheck.core.paths import PathRefusedError, did_you_mean
from claimcheck.core.textnorm import normalise
from claimcheck.draft.extract import Draft, Drafter
from claimcheck.draft.link import Gazetteer
from claimcheck.draft.write import claim_yaml, entity_yaml, scalar
from claimcheck.kb.query import QueryError, open_kb
from claimcheck.kb.store import KnowledgeBase
from claimcheck.loader import LoadError, load_document
from claimcheck.loader.reader import ReadError, read_bytes
from claimcheck.loader.text import decode
from claimcheck.scaffold import default_target, fill_published, shown_path, template

HEADER = (
    "# Drafted by `claimcheck draft`: every claim says `draft: true` until a person has\n"
    "# checked it against the article and added its sources; CC118 reports the drafts.\n"
)


def kb_names(kb: KnowledgeBase | None) -> list[tuple[str, str, str]]:
    """Every (entity id, name, kind) of the KB, names and aliases."""
    if kb is None:
        return []
    out: list[tuple[str, str, str]] = []
    for ident, entity in sorted(kb.entities.items()):
        out.append((ident, entity.name, entity.kind))
        out.extend((ident, alias, entity.kind) for alias in entity.aliases)
    return out


def draft_text(
    text: str, published: PartialDate, kb: KnowledgeBase | None, names: Gazetteer | None = None
) -> Draft:
    """The claims of ``text``: the library entry point (no files)."""
    return Drafter(text, published, names or Gazetteer(kb_names(kb)), kb).run()


def _read(path: Path) -> str:
    try:
        return decode(read_bytes(str(path), DEFAULT_LIMITS))
    except ReadError as exc:
        raise UsageError(f"cannot read {path}: {exc}") from None
    except LoadError as exc:
        raise UsageError(_where(path, exc)) from None


def _where(path: Path, exc: LoadError) -> str:
    """The first problem of a file that cannot be read, at its line and column when known."""
    problem = exc.problems[0]
    at = f":{problem.line}:{problem.column}" if problem.line else ""
    return f"{path}{at}: {problem.message}"


def _kb(paths: tuple[str, ...], *, named: bool) -> KnowledgeBase | None:
    try:
        kb, findings = open_kb(paths)
    except QueryError as exc:
        if named:
            raise UsageError(str(exc)) from None
        return None  # no --kb and none in the project: every name is new
    fatal = [f for f in findings if f.fatal]
    if fatal:
        raise UsageError(f"the knowledge base cannot be read: {fatal[0].message}")
    return kb


def draft_claims(
    article: str,
    published: PartialDate,
    kb_paths: tuple[str, ...] = (),
    output: str | None = None,
    *,
    update: bool = False,
) -> tuple[Path, int]:
    """Write the draft (or add the new drafts to ``output``); return its path and the count."""
    source = Path(article)
    if not source.is_file():
        raise UsageError(f"no article text at {article}{did_you_mean(source, article)}")
    project = load_project((article,))  # the same claim folder and KB as verify's
    if output:
        target = Path(output)
    else:
        target = default_target(source, project.claims)
        target.parent.mkdir(parents=True, exist_ok=True)
    text = _read(source)
    result = draft_text(text, published, _kb(kb_paths or project.kb, named=bool(kb_paths)))
    if target.exists():
        if not update:
            shown = shown_path(target)
            raise UsageError(f"{shown} exists: give --update to add the new drafts to it")
        body, added = _updated(target, result, str(published))
    elif update:
        raise UsageError(f"--update: there is no claim file at {shown_path(target)} yet")
    else:
        start = template(source, target, date.today(), str(published))
        head = start.split("entities: {}\n", 1)[0]
        body = (
            head.replace(
                "#\n",
                HEADER + _lookalikes(result.lookalikes) + _opinions(result.skipped) + "#\n",
                1,
            )
            + _entities(result.entities)
            + _claims(result.claims)
        )
        added = len(result.claims)
    try:
        with open_output(str(target), overwrite=True) as handle:
            handle.write(body)
    except PathRefusedError as exc:
        raise UsageError(f"cannot write {shown_path(target)}: {exc}") from None
    except OSError as exc:
        raise UsageError(f"cannot write {shown_path(target)}: {exc.strerror}") from None
    return target, added


def _lookalikes(names: list[str]) -> str:
    """The names whose letters are not what they look like: never linked, said in the header."""
    if not names:
        return ""
    shown = ", ".join(json.dumps(n) for n in names)  # ASCII escapes show the odd letter
    return f"# Not linked, their letters are not what they look like: {shown}\n"


def _opinions(sentences: list[str]) -> str:
    """The sentences read as opinion, so that a reviewer sees what was left out and why."""
    if not sentences:
        return ""
    lines = [f"# Left out as opinion or analysis ({len(sentences)}):\n"]
    for sentence in sentences:
        words = sentence.split()
        shown = " ".join(words[:10]) + (" ..." if len(words) > 10 else "")
        lines.append(f"#   {scalar(shown)}\n")  # one line whatever the sentence holds
    return "".join(lines)


def _entities(entities: dict[str, dict[str, Any]]) -> str:
    if not entities:
        return "entities: {}\n"
    return "entities:\n" + "".join(entity_yaml(k, entities[k]) for k in sorted(entities))


def _claims(claims: list[dict[str, Any]]) -> str:
    if not claims:
        return "claims: []\n"
    return "claims:\n" + "\n".join(claim_yaml(c) for c in claims)


def _said(claim: dict[str, Any]) -> tuple[str, str]:
    return (str(claim.get("kind")), normalise(str(claim.get("quote", ""))).casefold())


def _updated(target: Path, result: Draft, published: str) -> tuple[str, int]:
    """The file's own text with the new drafts added: what a person wrote is kept as written
    (init's placeholder publication date is not: it becomes ``published``)."""
    text = fill_published(_read(target), published)
    try:
        data = load_document(str(target), text.encode("utf-8"), DEFAULT_LIMITS).data
    except LoadError as exc:
        raise UsageError(_where(target, exc)) from None
    if not isinstance(data, dict):
        raise UsageError(f"{target} is not a claim file")
    claims = data.get("claims") or []
    entities = data.get("entities") or {}
    had = {_said(c) for c in claims if isinstance(c, dict)}
    ids = {c.get("id") for c in claims if isinstance(c, dict)}
    new: list[dict[str, Any]] = []
    for claim in result.claims:
        kind, quote = _said(claim)
        if any(k == kind and (quote in q or q in quote) for k, q in had):
            continue
        while claim["id"] in ids:
            claim["id"] = f"{claim['id']}-draft"
        ids.add(claim["id"])
        new.append(claim)
    used = result.referenced(new)
    fresh = {k: v for k, v in result.entities.items() if k in used and k not in entities}
    text = _insert_entities(text, fresh)
    if new:
        text = _append_claims(text, new)
    return text, len(new)


def _insert_entities(text: str, fresh: dict[str, dict[str, Any]]) -> str:
    if not fresh:
        return text
    lines = "".join(entity_yaml(k, fresh[k]) for k in sorted(fresh))
    empty = re.search(r"^entities:\s*\{\}\s*$", text, re.MULTILINE)
    if empty:
        return text[: empty.start()] + "entities:\n" + lines + text[empty.end() + 1 :]
    block = re.search(r"^entities:\s*$\n", text, re.MULTILINE)
    if block is None:
        raise UsageError("--update: the file's `entities` is not a block mapping; add them by hand")
    return text[: block.end()] + lines + text[block.end() :]


def _append_claims(text: str, new: list[dict[str, Any]]) -> str:
    body = "\n".join(claim_yaml(c) for c in new)
    empty = re.search(r"^claims:\s*\[\]\s*$", text, re.MULTILINE)
    if empty:
        return text[: empty.start()] + "claims:\n" + body + text[empty.end() + 1 :]
    block = re.search(r"^claims:\s*$", text, re.MULTILINE)
    if block is None:
        raise UsageError("--update: the file's `claims` is not a block list; add them by hand")
    after = re.search(r"^\S", text[block.end() + 1 :], re.MULTILINE)
    if after is None:
        return text.rstrip("\n") + "\n\n" + body
    at = block.end() + 1 + after.start()
    return text[:at].rstrip("\n") + "\n\n" + body + text[at:]
