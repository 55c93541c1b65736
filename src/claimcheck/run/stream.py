"""The streamed run: each file's result as soon as it is checked, in discovery order.

A run holds one file's objects at a time, never the archive's: ``open_stream`` yields a
``FileResult`` per file and reporters write it out as it arrives, keeping only a ``Tally``
for the summary. ``app.verify`` collects the same stream for library users.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.check.result import FileResult, Result
from claimcheck.core.findings import Finding, Severity
from claimcheck.core.options import Options, UsageError
from claimcheck.core.paths import PathRefusedError, real_path
from claimcheck.core.project import discover, display_path, find_root
from claimcheck.kb.files import KBSource, run_kb_files
from claimcheck.run.parallel import check_files

if TYPE_CHECKING:
    from claimcheck.core.dates import PartialDate
    from claimcheck.core.verdicts import ClaimVerdict


class RunInfo:
    """What a report needs before the first file: known once the knowledge base is read.

    Plain records, this and `Stream`: a dataclass costs every start-up half a millisecond."""

    __slots__ = ("as_of", "fail_on", "kb_files", "kb_findings")

    def __init__(
        self,
        fail_on: Severity = Severity.WARNING,
        kb_files: list[str] | None = None,
        as_of: PartialDate | None = None,
        kb_findings: list[Finding] | None = None,
    ) -> None:
        self.fail_on = fail_on
        self.kb_files = [] if kb_files is None else kb_files
        self.as_of = as_of
        # Findings outside any checked file: the knowledge base's own (bounded by its size).
        self.kb_findings = [] if kb_findings is None else kb_findings


class Stream:
    """A run under way: what is known before the first file, then each file's result."""

    __slots__ = ("files", "info")

    def __init__(self, info: RunInfo, files: Iterator[FileResult]) -> None:
        self.info = info
        self.files = files


def open_stream(options: Options) -> Stream:
    """Start a run: find the files and read the knowledge base; check files as they are read.

    Every usage error the options can cause is raised here, before the first report.
    """
    if options.select or options.ignore:
        # lazy: start-up (the rule registry imports every rule: a cached run needs none)
        from claimcheck.rules import unknown_code

        code = unknown_code((*options.select, *options.ignore))
        if code is not None:
            raise UsageError(f"no rule matches {code!r}: see `claimcheck rules`")
    cwd = Path.cwd().resolve()
    root = Path(options.root).resolve() if options.root else None
    store_dir = Path(options.cache_dir) if options.cache_dir else None
    files = run_kb_files(options, root, cwd)
    top = root or find_root(cwd)  # files outside it are shown as they are named
    kb = KBSource(files, options.limits, lambda p: display_path(p, cwd, top), store_dir)
    # Each file in discovery order: refused at once (with the reason), or to be checked.
    slots: list[tuple[str, str | None]] = []
    jobs: list[tuple[Path, str]] = []
    refused: dict[Path, str] = {}
    for path, named in discover(options.paths, refused):
        shown = display_path(path, cwd, top)
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
    slots: list[tuple[str, str | None]], checked: Iterator[FileResult]
) -> Iterator[FileResult]:
    for shown, problem in slots:
        if problem is None:
            yield next(checked)
        else:
            # lazy: start-up (the diagnostics table: a run whose files all read needs none)
            from claimcheck.core.diagnostics import unreadable

            yield FileResult(shown, "unreadable", findings=[unreadable(shown, problem)])
    next(checked, None)  # the checked files' run ends (its cache is kept within its bound)


def collect(stream: Stream) -> Result:
    """The whole run in memory: every file, finding and verdict (what ``app.verify`` returns)."""
    info = stream.info
    result = Result(fail_on=info.fail_on, kb_files=list(info.kb_files), as_of=info.as_of)
    result.findings.extend(info.kb_findings)
    for report in stream.files:
        result.files.append(report)
        result.findings.extend(report.findings)
        result.verdicts.extend(report.verdicts)
    return result


def stream_of(result: Result) -> Stream:
    """A collected result as a stream again, for ``Reporter.render``.

    Findings and verdicts are grouped with the file of their path, in their order; those of
    no listed file (the knowledge base's) come first, as in a live run.
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

    def regrouped(fr: FileResult) -> FileResult:
        again = FileResult(
            fr.path,
            fr.status,
            fr.claims,
            fr.claim_ids,
            findings[fr.path],
            verdicts[fr.path],
            fr.inputs,
        )
        again.model, again.article = fr.model, fr.article  # what the review page shows
        return again

    return Stream(info, map(regrouped, result.files))
