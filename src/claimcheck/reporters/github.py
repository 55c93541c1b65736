"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

The runner acts on any output line that starts with ``::``, so user text is escaped until
it cannot end a line or a property: ``%``, CR and LF everywhere, and ``:`` and ``,`` in the
properties too. Only the annotations claimcheck writes start with ``::``.
"""

from __future__ import annotations

from typing import TextIO

from claimcheck.check.result import FileResult, Tally
from claimcheck.core.escape import safe
from claimcheck.core.findings import Finding, Severity
from claimcheck.reporters.base import Reporter
from claimcheck.reporters.text import summary_line
from claimcheck.run.stream import RunInfo

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """A message: the runner turns %0A back into a line break."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return safe(text)


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    loc = f.location
    props = [("file", loc.path)]
    if loc.line:
        end_line = loc.end_line or loc.line
        end_col = loc.end_column or loc.column
        props += [("line", str(loc.line)), ("col", str(loc.column))]
        props += [("endLine", str(end_line)), ("endColumn", str(end_col))]
    props.append(("title", f"{f.rule_id}" + (f" [{f.claim_id}]" if f.claim_id else "")))
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMAND[f.severity]} {head}::{escape_data(f.message)}"


def _plain(line: str) -> str:
    """A line the runner must not read as a command, even if user text starts it."""
    return " " + line if line.startswith("::") else line


class GithubReporter(Reporter):
    name = "github"

    def start(self, out: TextIO, info: RunInfo) -> None:
        self.out = out
        self._annotate(info.kb_findings)

    def _annotate(self, findings: list[Finding]) -> None:
        lines = [annotation(f) + "\n" for f in findings if f.suppressed is None]
        if lines:
            self.out.write("".join(lines))

    def file(self, report: FileResult) -> None:
        self._annotate(report.findings)

    def finish(self, tally: Tally) -> None:
        if self.settings.verbosity >= 0:
            self.out.write(_plain(summary_line(tally)) + "\n")
