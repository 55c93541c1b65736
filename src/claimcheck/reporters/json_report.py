"""The canonical, versioned JSON report (schema/report-v2.json), one record per line.

Files are written as they are checked; findings and verdicts, which the document places
after the file list (and verdicts after the summary), are spooled until the end. The bytes
are those of the whole document dumped at once: fast to write, and easy to diff.
"""

from __future__ import annotations

from typing import Any, TextIO

from claimcheck import __version__
from claimcheck.check.result import (
    RECORD_SEPARATOR,
    VERDICT_NAMES,
    FileResult,
    Tally,
    encode_record,
)
from claimcheck.core.findings import Finding, Severity
from claimcheck.formats import REPORT_VERSION
from claimcheck.reporters.base import Reporter, Spool
from claimcheck.run.stream import RunInfo

_dump = encode_record


class _List:
    """One top-level list of the report, written a record at a time."""

    def __init__(self, out: TextIO | Spool, key: str):
        self.write, self.key, self.empty = out.write, key, True

    def add(self, records: str) -> None:
        """Records joined with RECORD_SEPARATOR (maybe none)."""
        if not records:
            return
        head = f"  {_dump(self.key)}: [\n    " if self.empty else RECORD_SEPARATOR
        self.write(head + records)
        self.empty = False

    def close(self, out: TextIO) -> None:
        out.write(f"  {_dump(self.key)}: []," if self.empty else "\n  ],")
        out.write("\n")


class JsonReporter(Reporter):
    name = "json"

    def start(self, out: TextIO, info: RunInfo) -> None:
        self.out, self.info = out, info
        head = {
            "format": "claimcheck-report",
            "version": REPORT_VERSION,
            "tool": {"name": "claimcheck", "version": __version__},
        }
        out.write("{\n" + "".join(f"  {_dump(k)}: {_dump(v)},\n" for k, v in head.items()))
        self.files = _List(out, "files")
        self.finding_spool, self.verdict_spool = Spool(), Spool()
        self.findings = _List(self.finding_spool, "findings")
        self.verdicts = _List(self.verdict_spool, "verdicts")
        self._findings(info.kb_findings)

    def _findings(self, findings: list[Finding]) -> None:
        self.findings.add(RECORD_SEPARATOR.join(_dump(f.to_dict()) for f in findings))

    def file(self, report: FileResult) -> None:
        record = {"path": report.path, "status": report.status, "claims": report.claims}
        self.files.add(_dump(record))
        self._findings(report.findings)
        self.verdicts.add(report.verdict_json)

    def finish(self, tally: Tally) -> None:
        out = self.out
        self.files.close(out)
        self.finding_spool.copy_to(out)
        self.findings.close(out)
        summary = {
            "files": tally.files,
            "claims": tally.claims,
            "findings": {str(s): tally.active[s] for s in reversed(Severity)},
            "suppressed": tally.suppressed,
            "exit_code": tally.exit_code,
            "verdicts": dict(zip(VERDICT_NAMES, tally.verdicts, strict=True)),
        }
        out.write(f"  {_dump('summary')}: {_dump(summary)},\n")
        self.verdict_spool.copy_to(out)
        self.verdicts.close(out)
        as_of = self.info.as_of
        kb: dict[str, Any] = {
            "files": list(self.info.kb_files),
            "as_of": str(as_of) if as_of is not None else None,
        }
        out.write(f"  {_dump('knowledge_base')}: {_dump(kb)}\n}}\n")
