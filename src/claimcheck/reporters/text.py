"""Compiler-style lines that editors and terminals already know how to jump to."""

from __future__ import annotations

from claimcheck.api import Result
from claimcheck.escape import safe, safe_path
from claimcheck.findings import Finding, Location, Severity
from claimcheck.reporters.base import Reporter
from claimcheck.reporters.color import BOLD, DIM, SEVERITY, paint
from claimcheck.verdicts import Verdict


def _verdict_lines(result: Result) -> list[str]:
    """-v: each claim's verdict, then each deciding fact with its sources, indented."""
    lines = []
    for v in result.verdicts:
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


def _verdict_summary(result: Result) -> str:
    counts = {v: sum(1 for x in result.verdicts if x.verdict is v) for v in Verdict}
    stale = sum(1 for x in result.verdicts if x.stale)
    text = (
        f"verdicts: {counts[Verdict.SUPPORTED]} supported, {counts[Verdict.REFUTED]} refuted, "
        f"{counts[Verdict.NOT_ENOUGH_INFO]} not enough info"
    )
    if result.as_of is not None:
        text += f", {stale} stale as of {result.as_of}"
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


def summary_line(result: Result) -> str:
    active = [f for f in result.findings if f.suppressed is None]
    counts = {s: sum(1 for f in active if f.severity == s) for s in Severity}
    claims = sum(fr.claims for fr in result.files)
    suppressed = len(result.findings) - len(active)
    summary = (
        f"{len(result.files)} file{'s' if len(result.files) != 1 else ''}, "
        f"{claims} claim{'s' if claims != 1 else ''}: "
        f"{counts[Severity.ERROR]} error{'s' if counts[Severity.ERROR] != 1 else ''}, "
        f"{counts[Severity.WARNING]} warning{'s' if counts[Severity.WARNING] != 1 else ''}, "
        f"{counts[Severity.INFO]} info"
    )
    if suppressed:
        summary += f", {suppressed} suppressed"
    return summary


class TextReporter(Reporter):
    name = "text"

    def render(self, result: Result) -> str:
        color, verbosity = self.settings.color, self.settings.verbosity
        lines = []
        for f in result.findings:
            lines.append(format_finding(f, color))
            if verbosity > 0:
                if f.pointer:
                    lines.append(f"    at {safe(f.pointer)}")
                lines.extend(f"    related: {_where(r)}" for r in f.related)
        if verbosity > 0:
            lines.extend(_verdict_lines(result))
        if verbosity >= 0:
            if result.verdicts:
                lines.append(_verdict_summary(result))
            lines.append(summary_line(result))
        return "".join(line + "\n" for line in lines)
