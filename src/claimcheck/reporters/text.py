"""Compiler-style lines that editors and terminals already know how to jump to."""

from __future__ import annotations

from claimcheck.api import Result
from claimcheck.escape import safe, safe_path
from claimcheck.findings import Finding, Severity
from claimcheck.reporters.base import Reporter


def format_finding(f: Finding) -> str:
    loc = f.location
    where = f"{safe_path(loc.path)}:{loc.line}:{loc.column}" if loc.line else safe_path(loc.path)
    claim = f" [{safe(f.claim_id)}]" if f.claim_id else ""
    line = f"{where}: {f.severity} {f.rule_id} {safe(f.message)}{claim}"
    if f.suppressed is not None:
        line += f" (suppressed: {safe(f.suppressed)})"
    return line


class TextReporter(Reporter):
    name = "text"

    def render(self, result: Result) -> str:
        lines = [format_finding(f) for f in result.findings]
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
        lines.append(summary)
        return "\n".join(lines) + "\n"
