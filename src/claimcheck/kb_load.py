"""Find and load the knowledge base once per run, with the same findings as claim files."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import ValidationError

from claimcheck.diagnostics import SCHEMA
from claimcheck.findings import Finding, Location
from claimcheck.kb import KnowledgeBase, build
from claimcheck.kb_models import KB_SUFFIXES, KBFile
from claimcheck.limits import Limits
from claimcheck.loader import LoadError, load_document
from claimcheck.loader.document import Document, pointer_str
from claimcheck.loader.reader import ReadError, read_bytes
from claimcheck.validate import schema_findings


class KBPathError(Exception):
    """A named KB path is missing or outside the project root: a usage error."""


def find_kb_files(paths: Iterable[Path]) -> list[Path]:
    """``*.kb.yaml``, ``*.kb.yml`` and ``*.kb.json`` files named or found below folders.

    Symbolic links are never followed, and hidden folders are skipped, as for claim files.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for p in paths:
        if p.is_dir() and not p.is_symlink():
            below: list[Path] = []
            for folder, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                below.extend(Path(folder) / f for f in files if f.endswith(KB_SUFFIXES))
            candidates = sorted(below)
        else:
            candidates = [p]
        for f in candidates:
            if f not in seen:
                seen.add(f)
                found.append(f)
    return found


def kb_search_paths(named: tuple[str, ...], verified: tuple[str, ...], root: Path) -> list[Path]:
    """The KB paths of a run: those named with ``--kb``, else the folders being verified.

    A named path must exist and stay inside the project root; for a verified file, its
    folder and everything below it is searched.
    """
    if named:
        out = []
        for raw in named:
            p = Path(raw)
            if not p.exists():
                raise KBPathError(f"--kb {raw}: no such file or folder")
            if not p.resolve().is_relative_to(root):
                raise KBPathError(f"--kb {raw}: outside the project root {root}")
            out.append(p)
        return out
    folders: list[Path] = []
    for raw in verified:
        p = Path(raw)
        # The folder of a verified path, through any link the user named: its real place.
        folder = (p if p.is_dir() else p.parent).resolve()
        if folder.exists() and folder.is_relative_to(root) and folder not in folders:
            folders.append(folder)
    return folders


def load_kb(
    files: list[Path], limits: Limits, shown: Callable[[Path], str]
) -> tuple[KnowledgeBase, list[Finding]]:
    """Load every KB file; bad ones become findings (fatal when unreadable) and are skipped."""
    from claimcheck.api import _unreadable

    findings: list[Finding] = []
    loaded: list[tuple[str, Document, KBFile]] = []
    for path in files:
        name = shown(path)
        try:
            doc = load_document(name, read_bytes(str(path), limits), limits)
        except ReadError as exc:
            findings.append(_unreadable(name, str(exc)))
            continue
        except LoadError as exc:
            findings.extend(_unreadable(name, p.message, p.line, p.column) for p in exc.problems)
            continue
        try:
            model = KBFile.model_validate(doc.data)
        except ValidationError as exc:
            findings.extend(schema_findings(doc, exc, name))
            continue
        loaded.append((name, doc, model))
    kb, problems = build(loaded)
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
