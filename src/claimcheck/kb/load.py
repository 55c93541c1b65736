"""Find and load the knowledge base once per run, with the same findings as claim files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from claimcheck.core.diagnostics import SCHEMA, unreadable
from claimcheck.core.findings import Finding, Location
from claimcheck.core.limits import Limits
from claimcheck.formats.records import KBFile
from claimcheck.formats.validate import kb_file
from claimcheck.kb.store import KnowledgeBase, build
from claimcheck.loader import LoadError, load_document
from claimcheck.loader.document import Document, pointer_str
from claimcheck.loader.reader import ReadError, read_bytes

__all__ = ["load_kb"]


def load_kb(
    files: list[Path],
    limits: Limits,
    shown: Callable[[Path], str],
    read: list[bytes | ReadError] | None = None,
) -> tuple[KnowledgeBase, list[Finding]]:
    """Load every KB file; bad ones become findings (fatal when unreadable) and are skipped.

    ``read`` holds the files' bytes (or read errors) when the caller already read them.
    """
    findings: list[Finding] = []
    loaded: list[tuple[str, Document, KBFile]] = []
    unloaded: list[str] = []
    for n, path in enumerate(files):
        name = shown(path)
        try:
            raw = read[n] if read is not None else read_bytes(str(path), limits)
            if isinstance(raw, ReadError):
                raise raw
            doc = load_document(name, raw, limits)
        except ReadError as exc:
            findings.append(unreadable(name, str(exc)))
            continue
        except LoadError as exc:
            findings.extend(unreadable(name, p.message, p.line, p.column) for p in exc.problems)
            continue
        model, refused = kb_file(doc, name)
        if model is None:
            findings.extend(refused)
            unloaded.append(name)
            continue
        loaded.append((name, doc, model))
    kb, problems = build(loaded)
    kb.unloaded = unloaded
    for problem in problems:
        line, col = problem.document.position(problem.pointer, key=problem.key)
        findings.append(
            Finding(
                rule_id=SCHEMA.id,
                severity=SCHEMA.severity,
                message=problem.message,
                location=Location(problem.path, line, col),
                pointer=pointer_str(problem.pointer),
            )
        )
    return kb, findings
