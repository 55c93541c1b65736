"""The contract every output format keeps: write a run as it streams, deterministically.

A reporter is told of the run (``start``), of each file as it is checked (``file``), and of
the totals at the end (``finish``); it writes as it goes and keeps only what a later part of
its document needs. Parts a format must place after totals it learns only at the end are
spooled to a temporary file (``Spool``), never held in memory.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TextIO

from claimcheck.check.result import FileResult, Result, Tally
from claimcheck.run.stream import RunInfo, Stream, stream_of

SPOOL_IN_MEMORY = 8 << 20  # characters kept in memory before a spool goes to disk


@dataclass(frozen=True)
class ReportSettings:
    """How a person asked to see the report; formats that do not apply a setting ignore it."""

    color: bool = False
    verbosity: int = 0  # -1 quiet (findings only), 0 normal, 1 verbose (related places, verdicts)


class Spool:
    """Text written now and copied into the report later: in memory while small, then on disk."""

    def __init__(self) -> None:
        # lazy: start-up (tempfile and shutil: 3 ms of every run, and the text report spools
        # nothing)
        import tempfile

        self._file = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed by copy_to
            max_size=SPOOL_IN_MEMORY, mode="w+", encoding="utf-8", newline=""
        )
        self.write = self._file.write

    def copy_to(self, out: TextIO) -> None:
        import shutil  # lazy: start-up (see __init__)

        self._file.seek(0)
        shutil.copyfileobj(self._file, out)
        self._file.close()


class Reporter:
    name: str = ""
    # Shows each article's text, which only a check made in this process keeps: the run
    # reads no result from the cache and checks in one process.
    reads_articles: bool = False

    def __init__(self, settings: ReportSettings | None = None):
        self.settings = settings or ReportSettings()

    def start(self, out: TextIO, info: RunInfo) -> None:
        """The run begins: ``info.kb_findings`` (outside any file) are written here."""
        raise NotImplementedError

    def file(self, report: FileResult) -> None:
        raise NotImplementedError

    def finish(self, tally: Tally) -> None:
        raise NotImplementedError

    def write(self, stream: Stream, out: TextIO) -> Tally:
        """Write the whole report of a streamed run to ``out``; the run's totals."""
        tally = Tally(stream.info.fail_on)
        tally.add_findings(stream.info.kb_findings)
        self.start(out, stream.info)
        for report in stream.files:
            tally.add(report)
            self.file(report)
        self.finish(tally)
        return tally

    def render(self, result: Result) -> str:
        """A collected result as text: the same bytes its stream would give."""
        out = io.StringIO()
        self.write(stream_of(result), out)
        return out.getvalue()
