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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from claimcheck.check.result import FileResult
from claimcheck.core.findings import Finding
from claimcheck.core.limits import Limits
from claimcheck.core.options import UsageError
from claimcheck.core.output import open_output
from claimcheck.core.paths import PathRefusedError, resolved
from claimcheck.loader.reader import ReadError, read_bytes
from claimcheck.run.stream import Stream

FORMAT = "claimcheck-baseline"
VERSION = 1

# A baseline lists an archive's accepted findings: far larger than one claim file may be.
BASELINE_LIMITS = Limits(max_file_bytes=256 * 1024 * 1024)

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
    return Path(os.path.relpath(resolved(Path(shown)), base)).as_posix()


def baseline_entries(
    findings: Iterable[Finding], baseline_path: str, base: Path | None = None
) -> list[dict[str, Any]]:
    """The entries of the findings that are not suppressed or fatal, in the file's order."""
    base = base or resolved(Path(baseline_path)).parent
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
    return entries


def _entry_order(e: dict[str, Any]) -> tuple[str, ...]:
    return (e["path"], e["rule"], e["claim"] or "", e["pointer"], e["message"])


def _render_entries(entries: list[dict[str, Any]]) -> str:
    doc = {"format": FORMAT, "version": VERSION, "findings": entries}
    return json.dumps(doc, indent=2, ensure_ascii=True) + "\n"


def write_baseline(findings: Iterable[Finding], baseline_path: str) -> None:
    entries = sorted(baseline_entries(findings, baseline_path), key=_entry_order)
    _write_entries(entries, baseline_path)


def _write_entries(
    entries: list[dict[str, Any]], baseline_path: str, root: str | None = None
) -> None:
    try:
        with open_output(baseline_path, root) as out:
            out.write(_render_entries(entries))
    except PathRefusedError as exc:
        raise UsageError(f"cannot write baseline {baseline_path}: {exc}") from None
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
        # Read as a claim file is: a regular file only (a link is followed to one), bounded,
        # never blocking on a FIFO or a device.
        raw = read_bytes(os.path.realpath(baseline_path), BASELINE_LIMITS)
        doc = json.loads(raw.decode("utf-8"))
    except ReadError as exc:
        raise UsageError(f"cannot read baseline {baseline_path}: {exc}") from None
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


class Baseline:
    """A baseline read once, applied file by file as a run streams.

    Its keys hold a finding's path, so all the findings one entry can match come from one
    file: matching each file's findings apart gives what matching the whole run would.
    """

    def __init__(self, known: dict[Key, list[str]], baseline_path: str):
        self.known = known
        self.base = resolved(Path(baseline_path)).parent
        self.reason = f"listed in the baseline {baseline_path}"

    @classmethod
    def read(cls, baseline_path: str) -> Baseline:
        return cls(read_baseline(baseline_path), baseline_path)

    def apply(self, findings: Sequence[Finding]) -> list[Finding]:
        """Mark the findings the baseline lists as suppressed; the others stay new."""
        groups: dict[Key, list[int]] = defaultdict(list)
        for i, f in enumerate(findings):
            if f.suppressed is None and not f.fatal:
                path = _relative(f.location.path, self.base)
                groups[_key(f.rule_id, path, f.claim_id, f.pointer)].append(i)
        accepted: set[int] = set()
        for key, indexes in groups.items():
            remaining = list(self.known.get(key, ()))
            unmatched = []
            for i in indexes:  # the same message first, then any left of the same key
                if findings[i].message in remaining:
                    remaining.remove(findings[i].message)
                    accepted.add(i)
                else:
                    unmatched.append(i)
            accepted.update(unmatched[: len(remaining)])
        if not accepted:
            return list(findings)
        return [
            replace(f, suppressed=self.reason, baselined=True) if i in accepted else f
            for i, f in enumerate(findings)
        ]

    def apply_all(self, reports: Iterator[FileResult]) -> Iterator[FileResult]:
        for report in reports:
            yield report.with_findings(self.apply(report.findings)) if report.findings else report


def apply_baseline(findings: Sequence[Finding], baseline_path: str) -> list[Finding]:
    """Mark the findings the baseline lists as suppressed; the others stay new."""
    return Baseline.read(baseline_path).apply(findings)


def accept_stream(stream: Stream, baseline_path: str, root: str | None = None) -> Stream:
    """`--write-baseline` on a streamed run: every finding is accepted as it passes, and the
    baseline file is written once the last file is through. Only the small baseline entries
    are kept until then, never the findings or verdicts.
    """
    base = resolved(Path(baseline_path)).parent
    reason = f"listed in the baseline {baseline_path}"
    entries: list[dict[str, Any]] = []

    def accept(findings: list[Finding]) -> list[Finding]:
        entries.extend(baseline_entries(findings, baseline_path, base))
        return [
            f
            if f.suppressed is not None or f.fatal
            else replace(f, suppressed=reason, baselined=True)
            for f in findings
        ]

    def files() -> Iterator[FileResult]:
        for report in stream.files:
            yield report.with_findings(accept(report.findings)) if report.findings else report
        entries.sort(key=_entry_order)
        _write_entries(entries, baseline_path, root)

    info = stream.info
    info.kb_findings = accept(info.kb_findings)
    return Stream(info, files())
