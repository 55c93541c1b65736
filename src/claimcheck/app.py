"""The library entry point: `verify()` takes options and returns a result; it never prints."""

from __future__ import annotations

from claimcheck.check.result import FileResult, Result, Tally
from claimcheck.core.options import Options, UsageError
from claimcheck.run.stream import Stream, collect, open_stream

__all__ = ["FileResult", "Options", "Result", "Tally", "UsageError", "verify", "verify_stream"]


def verify(options: Options) -> Result:
    """The whole run collected in memory; `verify_stream` yields it file by file instead."""
    return collect(verify_stream(options))


def verify_stream(options: Options) -> Stream:
    """Each file's result in discovery order as it is checked, findings sorted within a file;
    the knowledge base's own findings come first, in ``Stream.info``."""
    stream = open_stream(options)
    if options.baseline is None:
        return stream
    # lazy: start-up (hashlib loads OpenSSL: a run without a baseline never needs it)
    from claimcheck.baseline import Baseline

    baseline = Baseline.read(options.baseline)
    stream.info.kb_findings = baseline.apply(stream.info.kb_findings)
    return Stream(stream.info, baseline.apply_all(stream.files))
