"""What checking files gives: one result per file, and the run's, with its exit code."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimcheck.core import exitcodes
from claimcheck.core.findings import Finding, Severity

if TYPE_CHECKING:  # not imported at run time: a cached run needs neither
    from claimcheck.core.dates import PartialDate
    from claimcheck.core.verdicts import ClaimVerdict


@dataclass
class FileResult:
    path: str
    status: str  # "checked" or "unreadable"
    claims: int = 0
    verdicts: list[ClaimVerdict] = field(default_factory=list)
    claim_ids: tuple[str, ...] = ()
    # Every other file the findings depend on (the article text; a configuration or knowledge
    # base file read for this file): the result cache re-hashes them before reusing a result.
    inputs: tuple[str, ...] = ()


@dataclass
class Result:
    files: list[FileResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    verdicts: list[ClaimVerdict] = field(default_factory=list)
    fail_on: Severity = Severity.WARNING
    kb_files: list[str] = field(default_factory=list)
    as_of: PartialDate | None = None

    @property
    def exit_code(self) -> int:
        active = [f for f in self.findings if f.suppressed is None]
        counts = Counter(f.severity for f in active)
        fatal = any(f.fatal for f in active)
        return exitcodes.exit_code(counts, fatal=fatal, fail_on=self.fail_on)
