"""Baselines: accept today's findings so that only new ones fail a run.

A finding is known by its rule, its file and its claim id; by its JSON pointer when it has
no claim. Never by its line: an edit elsewhere in the file moves lines but does not make
an old finding new. The message text only decides which of several findings on the same
claim and rule is the old one.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from claimcheck.api import UsageError
from claimcheck.findings import Finding

FORMAT = "claimcheck-baseline"
VERSION = 1

Key = tuple[str, str, str, str]  # rule, path, claim id, pointer ("" when there is a claim id)


def _key(rule: str, path: str, claim: str | None, pointer: str) -> Key:
    return (rule, path, claim or "", "" if claim else pointer)


def fingerprint(finding: Finding) -> str:
    """A stable identity for a finding (as shown), line-independent: SARIF reuses it."""
    loc = finding.location
    text = "\0".join(_key(finding.rule_id, loc.path, finding.claim_id, finding.pointer))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _relative(shown: str, base: Path) -> str:
    """A finding's path relative to the baseline's folder, so any working directory works."""
    return Path(os.path.relpath(Path(shown).resolve(), base)).as_posix()


def baseline_entries(findings: Iterable[Finding], baseline_path: str) -> list[dict[str, Any]]:
    base = Path(baseline_path).resolve().parent
    entries = [
        {
            "rule": f.rule_id,
            "path": _relative(f.location.path, base),
            "claim": f.claim_id,
            "pointer": f.pointer,
            "message": f.message,
        }
        for f in findings
        if f.suppressed is None and not f.fatal
    ]
    entries.sort(key=lambda e: (e["path"], e["rule"], e["claim"] or "", e["pointer"], e["message"]))
    return entries


def render_baseline(findings: Iterable[Finding], baseline_path: str) -> str:
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "findings": baseline_entries(findings, baseline_path),
    }
    return json.dumps(doc, indent=2, ensure_ascii=True) + "\n"


def write_baseline(findings: Iterable[Finding], baseline_path: str) -> None:
    try:
        Path(baseline_path).write_text(
            render_baseline(findings, baseline_path), encoding="utf-8", newline="\n"
        )
    except OSError as exc:
        raise UsageError(f"cannot write baseline {baseline_path}: {exc.strerror}") from None


def _entry_key(entry: Any, where: str) -> tuple[Key, str]:
    if not isinstance(entry, dict):
        raise UsageError(f"{where}: each baseline entry is an object")
    try:
        rule, path, pointer, message = (entry[k] for k in ("rule", "path", "pointer", "message"))
        claim = entry.get("claim")
    except KeyError as exc:
        raise UsageError(f"{where}: baseline entry lacks {exc.args[0]!r}") from None
    if not all(isinstance(v, str) for v in (rule, path, pointer, message)) or not (
        claim is None or isinstance(claim, str)
    ):
        raise UsageError(f"{where}: baseline entry fields are text")
    return _key(rule, path, claim, pointer), message


def read_baseline(baseline_path: str) -> dict[Key, list[str]]:
    """The accepted findings, as messages grouped by key; exit 2 when the file is bad."""
    try:
        doc = json.loads(Path(baseline_path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read baseline {baseline_path}: {exc.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"baseline {baseline_path} is not JSON: {exc}") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("version") != VERSION:
        raise UsageError(
            f"{baseline_path}: not a claimcheck baseline (format {FORMAT!r}, version {VERSION})"
        )
    entries = doc.get("findings")
    if not isinstance(entries, list):
        raise UsageError(f"{baseline_path}: 'findings' is a list")
    known: dict[Key, list[str]] = defaultdict(list)
    for n, entry in enumerate(entries):
        key, message = _entry_key(entry, f"{baseline_path}: findings[{n}]")
        known[key].append(message)
    return known


def apply_baseline(findings: Sequence[Finding], baseline_path: str) -> list[Finding]:
    """Mark the findings the baseline lists as suppressed; the others stay new."""
    known = read_baseline(baseline_path)
    base = Path(baseline_path).resolve().parent
    groups: dict[Key, list[int]] = defaultdict(list)
    for i, f in enumerate(findings):
        if f.suppressed is None and not f.fatal:
            path = _relative(f.location.path, base)
            groups[_key(f.rule_id, path, f.claim_id, f.pointer)].append(i)
    accepted: set[int] = set()
    for key, indexes in groups.items():
        remaining = list(known.get(key, ()))
        unmatched = []
        for i in indexes:  # the same message first, then any left of the same key
            if findings[i].message in remaining:
                remaining.remove(findings[i].message)
                accepted.add(i)
            else:
                unmatched.append(i)
        accepted.update(unmatched[: len(remaining)])
    reason = f"listed in the baseline {baseline_path}"
    return [
        replace(f, suppressed=reason, baselined=True) if i in accepted else f
        for i, f in enumerate(findings)
    ]


def accept_all(findings: Sequence[Finding], baseline_path: str) -> list[Finding]:
    """`--write-baseline`: record today's findings, then treat them as the baseline."""
    write_baseline(findings, baseline_path)
    return apply_baseline(findings, baseline_path)
