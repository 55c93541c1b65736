"""The library entry point: `verify()` takes options and returns a result; it never prints."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TextIO

from claimcheck.check.result import FileResult, Result, Tally
from claimcheck.config import apply_config
from claimcheck.core.findings import Severity
from claimcheck.core.options import Options, UsageError
from claimcheck.core.paths import PathRefusedError
from claimcheck.reporters import default_format, get_reporter
from claimcheck.reporters.base import ReportSettings
from claimcheck.reporters.color import want_color
from claimcheck.run.cache import default_dir
from claimcheck.run.stream import Stream, collect, open_stream

if TYPE_CHECKING:
    from claimcheck.core.dates import PartialDate

__all__ = [
    "FileResult",
    "Options",
    "Result",
    "Tally",
    "UsageError",
    "VerifyRequest",
    "run_verify",
    "verify",
    "verify_stream",
]


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


@dataclass(frozen=True)
class VerifyRequest:
    """`claimcheck verify` as the command line gave it: what to check, and how to report it."""

    paths: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "warning"
    root: str | None = None
    kb: tuple[str, ...] = ()
    as_of: PartialDate | None = None
    baseline: str | None = None
    write_baseline: str | None = None
    jobs: int = 1  # 0: one per CPU
    no_cache: bool = False
    cache_dir: str | None = None
    cache_max_bytes: int | None = None  # None: [tool.claimcheck] cache-max-mb, else 512 MB
    executor: str = "local"  # or "dask"
    scheduler: str | None = None  # a Dask scheduler's address
    fmt: str | None = None  # None: the default format (github under GitHub Actions)
    output: str | None = None  # None: ``stdout``
    verbosity: int = 0  # -1 quiet, 1 verbose
    # The `Options` fields set on the command line: they override [tool.claimcheck].
    given: frozenset[str] = frozenset()


def _said(tally: Tally, named: tuple[str, ...]) -> int:
    """The exit code; a run that found no claim file says so (stderr), never silently."""
    if tally.files == 0:
        where = " ".join(named) if named else "the project's claim folders"
        sys.stderr.write(
            f"claimcheck: no claim files to check in {where} (files named *.claims.yaml, "
            "*.claims.yml or *.claims.json, or the claim files of a named article)\n"
        )
    return tally.exit_code


def run_verify(request: VerifyRequest, stdout: TextIO) -> int:
    """Run `verify` and write its report; the exit code. Raises ``UsageError``."""
    r = request
    options = Options(
        paths=r.paths or ("claims",),
        select=r.select,
        ignore=r.ignore,
        fail_on=Severity.parse(r.fail_on),
        root=r.root,
        kb=r.kb,
        as_of=r.as_of,
        baseline=None if r.write_baseline else r.baseline,
        jobs=r.jobs or os.cpu_count() or 1,
        cache_dir=None if r.no_cache else r.cache_dir or default_dir(r.root),
        cache_max_bytes=r.cache_max_bytes,
        executor=r.executor,
        scheduler=r.scheduler,
    )
    settings = ReportSettings(
        color=want_color(r.output is None and sys.stdout.isatty(), os.environ),
        verbosity=r.verbosity,
    )
    reporter = get_reporter(r.fmt or default_format(), settings)
    options = apply_config(options, r.given, named=bool(r.paths))
    if reporter.reads_articles:  # the article text stays with a fresh check in this process
        options = replace(options, jobs=1, cache_dir=None)
    stream = verify_stream(options)
    if r.write_baseline:
        # lazy: start-up (hashlib loads OpenSSL: a run without a baseline never needs it)
        from claimcheck.baseline import accept_stream

        stream = accept_stream(stream, r.write_baseline, r.root)
    if r.output is None:
        return _said(reporter.write(stream, stdout), r.paths)
    # lazy: start-up (only a report written to a file (-o) needs it)
    from claimcheck.core.output import open_output

    try:
        with open_output(r.output, r.root) as out:
            return _said(reporter.write(stream, out), r.paths)
    except PathRefusedError as exc:
        raise UsageError(f"cannot write the report to {r.output!r}: {exc}") from None
    except OSError as exc:
        raise UsageError(
            f"cannot write the report to {r.output!r}: {exc.strerror or exc}"
        ) from None
