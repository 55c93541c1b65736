"""The library entry point: `verify()` takes options and returns a result; it never prints."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.check.result import FileResult, Result
from claimcheck.core.options import Options, UsageError

if TYPE_CHECKING:
    from claimcheck.run.stream import Stream

__all__ = ["FileResult", "Options", "Result", "UsageError", "verify", "verify_stream"]


def verify(options: Options) -> Result:
    """The whole run collected in memory; `verify_stream` yields it file by file instead."""
    from claimcheck.run.stream import collect

    return collect(verify_stream(options))


def verify_stream(options: Options) -> Stream:
    """Each file's report in discovery order as it is checked, findings sorted within a file;
    the knowledge base's own findings come first, in ``Stream.info``."""
    from claimcheck.run.stream import Stream, open_stream

    stream = open_stream(options)
    if options.baseline is None:
        return stream
    from claimcheck.baseline import Baseline

    baseline = Baseline.read(options.baseline)
    stream.info.kb_findings = baseline.apply(stream.info.kb_findings)
    return Stream(stream.info, baseline.apply_all(stream.files))
