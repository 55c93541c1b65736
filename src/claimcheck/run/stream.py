"""The streamed run: each file's report as soon as it is checked, in discovery order.

A run holds one file's objects at a time, never the archive's: ``open_stream`` yields a
``FileReport`` per file and reporters write it out as it arrives, keeping only a ``Tally``
for the summary. A report carries its verdicts as pre-encoded JSON records (what the JSON
report writes and the cache stores) and decodes them into objects only when asked, so a
cached run, or a worker process handing its results back, never builds them for nothing.
``api.verify`` collects the same stream for library users.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from json.encoder import encode_basestring_ascii as _quote
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimcheck.core import exitcodes
from claimcheck.core.findings import Finding, Severity

if TYPE_CHECKING:
    from claimcheck.check.result import FileResult, Result
    from claimcheck.core.dates import PartialDate
    from claimcheck.core.options import Options
    from claimcheck.core.verdicts import ClaimVerdict
    from claimcheck.run.cache import Outcome

# The verdicts in the order reports count them (``core.verdicts.ORDER``, by value: a cached
# run never loads the verdict types), and each one's index in ``FileReport.verdict_counts``.
VERDICT_NAMES = ("supported", "refuted", "stale", "incomplete", "conflicting", "not_enough_info")
VERDICT_INDEX = {name: i for i, name in enumerate(VERDICT_NAMES)}
NO_VERDICTS = (0,) * len(VERDICT_NAMES)


# Between two records of a list in the JSON report: they sit one per line, indented.
RECORD_SEPARATOR = ",\n    "


def parse_records(text: str) -> list[Any]:
    """The records of a list body written with RECORD_SEPARATOR; ValueError if not JSON."""
    return json.loads(f"[{text}]") if text else []


def encode_record(value: Any) -> str:
    """One JSON record as every report writes it: ASCII only, on one line.

    ensure_ascii keeps control and bidi characters escaped in the bytes we write; without
    `indent`, json uses its C encoder.
    """
    return json.dumps(value, ensure_ascii=True, separators=(", ", ": "))


def encode_verdict(v: ClaimVerdict) -> str:
    """``encode_record(v.to_dict())``, written out directly.

    A report encodes one verdict per claim, and for a record this small json.dumps spends
    most of its time setting up: this is four times faster. ``_quote`` is the C function
    json.dumps quotes strings with when ``ensure_ascii`` is set, so the bytes are the same.
    """
    evidence = ", ".join(
        [
            f'{{"fact": {_quote(e.fact_id) if e.fact_id else "null"}, '
            f'"rule": {"null" if e.rule is None else _quote(e.rule)}, '
            f'"claims": [{", ".join(map(_quote, e.claims))}], "statement": {_quote(e.statement)}, '
            f'"sources": [{", ".join(map(_quote, e.sources))}], "status": {_quote(e.status)}}}'
            for e in v.evidence
        ]
    )
    return (
        f'{{"path": {_quote(v.path)}, "claim": {_quote(v.claim_id)}, "kind": {_quote(v.kind)}, '
        f'"verdict": {_quote(v.verdict.value)}, "explanation": {_quote(v.explanation)}, '
        f'"stale": {"true" if v.stale else "false"}, "evidence": [{evidence}]}}'
    )


class FileReport:
    """One file's outcome as reports need it: findings sorted, verdicts as JSON records."""

    __slots__ = (
        "_verdicts",
        "claim_ids",
        "claims",
        "findings",
        "inputs",
        "path",
        "status",
        "verdict_counts",
        "verdict_json",
    )

    def __init__(
        self,
        path: str,
        status: str,
        claims: int = 0,
        claim_ids: tuple[str, ...] = (),
        findings: list[Finding] | None = None,
        verdict_json: str = "",
        verdict_counts: tuple[int, ...] = NO_VERDICTS,
        inputs: tuple[str, ...] = (),
    ):
        self.path = path
        self.status = status
        self.claims = claims
        self.claim_ids = claim_ids
        self.findings = findings if findings is not None else []
        # The records joined as the JSON report lists them (RECORD_SEPARATOR): one string.
        self.verdict_json = verdict_json
        self.verdict_counts = verdict_counts
        self.inputs = inputs  # the other files the findings depend on (FileResult.inputs)
        self._verdicts: list[ClaimVerdict] | None = None

    @classmethod
    def from_outcome(cls, outcome: Outcome) -> FileReport:
        """The engine's outcome: findings sorted within the file, verdicts encoded once."""
        result, findings = outcome
        return cls.from_verdicts(
            result.path,
            result.status,
            result.claims,
            result.claim_ids,
            sorted(findings, key=lambda f: f.sort_key),
            result.verdicts,
            result.inputs,
        )

    @classmethod
    def from_verdicts(
        cls,
        path: str,
        status: str,
        claims: int,
        claim_ids: tuple[str, ...],
        findings: list[Finding],
        verdicts: list[ClaimVerdict],
        inputs: tuple[str, ...] = (),
    ) -> FileReport:
        counts = list(NO_VERDICTS)
        for v in verdicts:
            counts[VERDICT_INDEX[v.verdict.value]] += 1
        text = RECORD_SEPARATOR.join(map(encode_verdict, verdicts))
        report = cls(path, status, claims, claim_ids, findings, text, tuple(counts), inputs)
        report._verdicts = list(verdicts)
        return report

    @property
    def verdicts(self) -> list[ClaimVerdict]:
        """The verdicts as objects, decoded from their records on first use."""
        if self._verdicts is None:
            from claimcheck.run.cache import decode_verdicts

            self._verdicts = decode_verdicts(parse_records(self.verdict_json))
        return self._verdicts

    def file_result(self) -> FileResult:
        from claimcheck.check.result import FileResult

        return FileResult(
            self.path, self.status, self.claims, self.verdicts, self.claim_ids, self.inputs
        )

    def with_findings(self, findings: list[Finding]) -> FileReport:
        report = FileReport(
            self.path,
            self.status,
            self.claims,
            self.claim_ids,
            findings,
            self.verdict_json,
            self.verdict_counts,
            self.inputs,
        )
        report._verdicts = self._verdicts
        return report

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled without the decoded verdicts: a worker hands back only the records."""
        return (
            FileReport,
            (
                self.path,
                self.status,
                self.claims,
                self.claim_ids,
                self.findings,
                self.verdict_json,
                self.verdict_counts,
                self.inputs,
            ),
        )


@dataclass
class RunInfo:
    """What a report needs before the first file: known once the knowledge base is read."""

    fail_on: Severity = Severity.WARNING
    kb_files: list[str] = field(default_factory=list)
    as_of: PartialDate | None = None
    # Findings outside any checked file: the knowledge base's own (bounded by its size).
    kb_findings: list[Finding] = field(default_factory=list)


@dataclass
class Stream:
    info: RunInfo
    files: Iterator[FileReport]


@dataclass
class Tally:
    """All a summary needs of a whole run: counts, never the findings or verdicts."""

    fail_on: Severity = Severity.WARNING
    files: int = 0
    claims: int = 0
    active: dict[Severity, int] = field(default_factory=lambda: dict.fromkeys(Severity, 0))
    suppressed: int = 0
    fatal: bool = False
    failing: bool = False
    verdicts: list[int] = field(default_factory=lambda: list(NO_VERDICTS))  # VERDICT_NAMES

    def add_findings(self, findings: Iterable[Finding]) -> None:
        for f in findings:
            if f.suppressed is not None:
                self.suppressed += 1
                continue
            self.active[f.severity] += 1
            self.fatal = self.fatal or f.fatal
            self.failing = self.failing or f.severity >= self.fail_on

    def add(self, report: FileReport) -> None:
        self.files += 1
        self.claims += report.claims
        self.add_findings(report.findings)
        for i, n in enumerate(report.verdict_counts):
            self.verdicts[i] += n

    @property
    def exit_code(self) -> int:
        return exitcodes.exit_code(self.active, fatal=self.fatal, fail_on=self.fail_on)


def open_stream(options: Options) -> Stream:
    """Start a run: find the files and read the knowledge base; check files as they are read.

    Every usage error the options can cause is raised here, before the first report.
    """
    from claimcheck.core.options import UsageError
    from claimcheck.core.paths import PathRefusedError, real_path
    from claimcheck.core.project import discover, display_path
    from claimcheck.kb.files import KBSource, run_kb_files
    from claimcheck.run.parallel import check_files

    if options.select or options.ignore:
        from claimcheck.rules import unknown_code

        code = unknown_code((*options.select, *options.ignore))
        if code is not None:
            raise UsageError(f"no rule matches {code!r}: see `claimcheck rules`")
    cwd = Path.cwd().resolve()
    root = Path(options.root).resolve() if options.root else None
    kb = KBSource(run_kb_files(options, root, cwd), options.limits, lambda p: display_path(p, cwd))
    # Each file in discovery order: refused at once (with the reason), or to be checked.
    slots: list[tuple[str, str | None]] = []
    jobs: list[tuple[Path, str]] = []
    refused: dict[Path, str] = {}
    for path, named in discover(options.paths, refused):
        shown = display_path(path, cwd)
        problem = refused.get(path)
        if problem is None and not path.exists() and not path.is_symlink():
            problem = "no such file or folder"
        if problem is None and named and path.is_symlink():
            # A file named on the command line is the user's choice, wherever its link leads.
            try:
                path = real_path(path)  # noqa: PLW2901
            except PathRefusedError as exc:
                problem = str(exc)
        slots.append((shown, problem))
        if problem is None:
            jobs.append((path, shown))
    checked, kb_findings = check_files(options, jobs, kb)
    info = RunInfo(options.fail_on, list(kb.names), options.as_of, kb_findings)
    return Stream(info, _in_order(slots, checked))


def _in_order(
    slots: list[tuple[str, str | None]], checked: Iterator[FileReport]
) -> Iterator[FileReport]:
    from claimcheck.core.diagnostics import unreadable

    for shown, problem in slots:
        if problem is None:
            yield next(checked)
        else:
            yield FileReport(shown, "unreadable", findings=[unreadable(shown, problem)])


def collect(stream: Stream) -> Result:
    """The whole run in memory: every file, finding and verdict (what ``api.verify`` returns)."""
    from claimcheck.check.result import Result

    info = stream.info
    result = Result(fail_on=info.fail_on, kb_files=list(info.kb_files), as_of=info.as_of)
    result.findings.extend(info.kb_findings)
    for report in stream.files:
        result.files.append(report.file_result())
        result.findings.extend(report.findings)
        result.verdicts.extend(report.verdicts)
    return result


def stream_of(result: Result) -> Stream:
    """A collected result as a stream again, for ``Reporter.render``.

    Findings are grouped with the file of their path, in their order; those of no listed
    file (the knowledge base's) come first, as in a live run.
    """
    paths = {fr.path for fr in result.files}
    findings: dict[str, list[Finding]] = {p: [] for p in paths}
    verdicts: dict[str, list[ClaimVerdict]] = {p: [] for p in paths}
    outside: list[Finding] = []
    for f in result.findings:
        (findings[f.location.path] if f.location.path in paths else outside).append(f)
    for v in result.verdicts:
        if v.path in verdicts:
            verdicts[v.path].append(v)
    info = RunInfo(result.fail_on, list(result.kb_files), result.as_of, outside)
    files = (
        FileReport.from_verdicts(
            fr.path,
            fr.status,
            fr.claims,
            fr.claim_ids,
            findings[fr.path],
            verdicts[fr.path],
            fr.inputs,
        )
        for fr in result.files
    )
    return Stream(info, files)
