"""Compiler-style lines that editors and terminals already know how to jump to."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from claimcheck.check.result import VERDICT_NAMES, FileResult, Tally
from claimcheck.core.escape import safe, safe_path
from claimcheck.core.findings import Finding, Location, Severity
from claimcheck.reporters.base import Reporter, Spool
from claimcheck.reporters.color import BOLD, DIM, SEVERITY, paint
from claimcheck.run.stream import RunInfo

if TYPE_CHECKING:
    from claimcheck.core.verdicts import ClaimVerdict, Evidence, SourceRef

# How the summary and -v name each verdict, in VERDICT_NAMES order.
_LABELS = dict(zip(VERDICT_NAMES, [*VERDICT_NAMES[:-1], "not enough info"], strict=True))


def _verdict_lines(verdicts: list[ClaimVerdict]) -> list[str]:
    """-v: each claim's verdict, then what decided it (facts with their sources), indented."""
    lines = []
    for v in verdicts:
        lines.append(
            f"{safe_path(v.path)}: [{safe(v.claim_id)}] {_LABELS[v.verdict.value]}: "
            f"{safe(v.explanation)}"
        )
        if v.checked is not None:
            by = f" by {safe(v.checked_by)}" if v.checked_by else ""
            on = f" on {safe(v.checked_on)}" if v.checked_on else ""
            lines.append(f"    checked{by}{on}")
        for e in v.evidence:
            lines.append(f"    {_evidence_head(e)}: {safe(e.statement)}")
            for src in e.sources:
                lines.extend(_source_lines(src))
    return lines


def _source_lines(src: SourceRef) -> list[str]:
    """A source in full: what a reader follows (URL, else citation), then every other field."""
    lines = [f"      {safe(src.label)}"]
    # What the label says is not said twice: without a URL, the citation or the title and
    # publisher, and the date published.
    if src.url:
        shown = {"url"}
    elif src.citation:
        shown = {"citation", "published"}
    else:
        shown = {"title", "publisher", "published"}
    lines.extend(f"        {k}: {safe(v)}" for k, v in src.items() if k not in shown)
    return lines


def _evidence_head(e: Evidence) -> str:
    """A fact's id (and whether it is disputed), or the rule and the claims that prove it."""
    if e.rule is not None:
        claims = ", ".join(f"'{safe(c)}'" for c in e.claims)
        return f"{safe(e.rule)} (article" + (f", claims {claims})" if claims else ")")
    return safe(e.fact_id) + (" (disputed)" if e.status == "disputed" else "")


def verdict_summary(tally: Tally) -> str:
    """`verdicts: 18 supported, 1 refuted, 1 incomplete`: the counts that are not zero."""
    counted = zip(VERDICT_NAMES, tally.verdicts, strict=True)
    counts = [f"{n} {_LABELS[name]}" for name, n in counted if n]
    return "verdicts: " + ", ".join(counts)


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
            if any(tally.verdicts):
                lines.append(verdict_summary(tally))
            lines.append(summary_line(tally))
        self.out.write("".join(line + "\n" for line in lines))
