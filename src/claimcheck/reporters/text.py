"""Compiler-style lines that editors and terminals already know how to jump to."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from claimcheck.check.result import STALE, FileResult, Tally
from claimcheck.core.escape import safe, safe_path
from claimcheck.core.findings import Finding, Location, Severity
from claimcheck.reporters.base import Reporter, Spool
from claimcheck.reporters.color import BOLD, DIM, SEVERITY, paint
from claimcheck.run.stream import RunInfo

if TYPE_CHECKING:
    from claimcheck.core.dates import PartialDate
    from claimcheck.core.verdicts import ClaimVerdict


def _verdict_lines(verdicts: list[ClaimVerdict]) -> list[str]:
    """-v: each claim's verdict, then each deciding fact with its sources, indented."""
    lines = []
    for v in verdicts:
        stale = " (stale)" if v.stale else ""
        lines.append(
            f"{safe_path(v.path)}: [{safe(v.claim_id)}] {v.verdict.value}{stale}: "
            f"{safe(v.explanation)}"
        )
        for e in v.evidence:
            status = " (disputed)" if e.status == "disputed" else ""
            lines.append(f"    {safe(e.fact_id)}{status}: {safe(e.statement)}")
            lines.extend(f"      {safe(src)}" for src in e.sources)
    return lines


def _verdict_summary(tally: Tally, as_of: PartialDate | None) -> str:
    supported, refuted, unknown, stale = tally.verdicts
    text = f"verdicts: {supported} supported, {refuted} refuted, {unknown} not enough info"
    if as_of is not None:
        text += f", {stale} stale as of {as_of}"
    return text


def _where(loc: Location) -> str:
    return f"{safe_path(loc.path)}:{loc.line}:{loc.column}" if loc.line else safe_path(loc.path)


def format_finding(f: Finding, color: bool = False) -> str:
    claim = f" [{safe(f.claim_id)}]" if f.claim_id else ""
    severity = paint(str(f.severity), SEVERITY[str(f.severity)], color)
    rule = paint(f.rule_id, BOLD, color)
    line = f"{_where(f.location)}: {severity} {rule} {safe(f.message)}{claim}"
    if f.suppressed is not None:
        line += paint(f" (suppressed: {safe(f.suppressed)})", DIM, color)
    return line


def summary_line(tally: Tally) -> str:
    counts = tally.active
    files, claims = tally.files, tally.claims
    summary = (
        f"{files} file{'s' if files != 1 else ''}, "
        f"{claims} claim{'s' if claims != 1 else ''}: "
        f"{counts[Severity.ERROR]} error{'s' if counts[Severity.ERROR] != 1 else ''}, "
        f"{counts[Severity.WARNING]} warning{'s' if counts[Severity.WARNING] != 1 else ''}, "
        f"{counts[Severity.INFO]} info"
    )
    if tally.suppressed:
        summary += f", {tally.suppressed} suppressed"
    return summary


class TextReporter(Reporter):
    """Findings as they come; with -v, every verdict after them (spooled until the end)."""

    name = "text"

    def start(self, out: TextIO, info: RunInfo) -> None:
        self.out = out
        self.as_of = info.as_of
        self.verdicts = Spool() if self.settings.verbosity > 0 else None
        self._findings(info.kb_findings)

    def _findings(self, findings: list[Finding]) -> None:
        color, verbose = self.settings.color, self.settings.verbosity > 0
        lines = []
        for f in findings:
            lines.append(format_finding(f, color))
            if verbose:
                if f.pointer:
                    lines.append(f"    at {safe(f.pointer)}")
                lines.extend(f"    related: {_where(r)}" for r in f.related)
        if lines:
            self.out.write("".join(line + "\n" for line in lines))

    def file(self, report: FileResult) -> None:
        self._findings(report.findings)
        if self.verdicts is not None and report.verdict_json:
            self.verdicts.write("".join(line + "\n" for line in _verdict_lines(report.verdicts)))

    def finish(self, tally: Tally) -> None:
        if self.verdicts is not None:
            self.verdicts.copy_to(self.out)
        lines = []
        if self.settings.verbosity >= 0:
            if any(tally.verdicts[:STALE]):
                lines.append(_verdict_summary(tally, self.as_of))
            lines.append(summary_line(tally))
        self.out.write("".join(line + "\n" for line in lines))
