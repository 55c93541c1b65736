"""The console entry point: a plain `verify` runs without loading click.

Loading click (and what it imports) takes about as long as the rest of a run where nothing
changed, and that run is what an editor's pre-commit hook does all day. So the command line
of a `verify` run that uses only paths and the options in ``_FLAGS``, ``_VALUES`` and
``_REPEATED`` is read here, into the same parameters click would give ``cli.verify``, and
both run ``run_verify``. Anything else (another command, ``--help``, an option not listed,
a value click would refuse, a usage error found later) goes to click, where the command
line is defined: this parser never reports a usage error, it only declines. Tests check that
it reads every command line it accepts as click does.
"""

from __future__ import annotations

import io
import os
import re
import stat
import sys
from collections.abc import Callable, Collection, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any, TextIO

from claimcheck.core import exitcodes

if TYPE_CHECKING:
    from claimcheck.core.dates import PartialDate

# click's parameter names for `verify`, with the values click gives when an option is absent.
DEFAULTS: dict[str, Any] = {
    "paths": (),
    "fmt": None,
    "output": None,
    "select": (),
    "ignore": (),
    "fail_on": "warning",
    "root": None,
    "kb_paths": (),
    "as_of": None,
    "baseline": None,
    "write_baseline": None,
    "quiet": False,
    "verbose": False,
    "jobs": 1,
    "no_cache": False,
    "cache_dir": None,
}
_FLAGS = {
    "-q": "quiet",
    "--quiet": "quiet",
    "-v": "verbose",
    "--verbose": "verbose",
    "--no-cache": "no_cache",
}
_VALUES = {
    "--format": "fmt",
    "--fail-on": "fail_on",
    "--root": "root",
    "--as-of": "as_of",
    "-j": "jobs",
    "--jobs": "jobs",
    "--cache-dir": "cache_dir",
}
_REPEATED = {"--select": "select", "--ignore": "ignore", "--kb": "kb_paths"}
_FOLDERS = frozenset({"root", "cache_dir"})  # click.Path(file_okay=False)
_PATHS = frozenset({"paths", "kb_paths", *_FOLDERS})  # click.Path(): readable when present
_FAIL_ON = frozenset({"error", "warning", "info"})
_DIGITS = re.compile(r"[0-9]+")
# Parameters whose flag overrides [tool.claimcheck], by the Options field each sets.
OVERRIDES = {"select": "select", "ignore": "ignore", "fail_on": "fail_on", "kb": "kb_paths"}


def parse_verify(args: list[str]) -> tuple[dict[str, Any], frozenset[str]] | None:
    """``verify``'s parameters and those given on the command line, or None to ask click."""
    if args[:1] != ["verify"]:
        return None
    params = dict(DEFAULTS)
    given: set[str] = set()
    paths: list[str] = []
    rest = iter(args[1:])
    for arg in rest:
        if not arg.startswith("-"):
            paths.append(arg)
            continue
        name, eq, inline = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in _FLAGS and not eq:
            params[_FLAGS[name]] = True
            given.add(_FLAGS[name])
            continue
        param = _VALUES.get(name) or _REPEATED.get(name)
        value = inline if eq else next(rest, None)
        # A value that looks like an option is click's to read (or to refuse).
        if param is None or value is None or value.startswith("-"):
            return None
        if name in _REPEATED:
            params[param] = (*params[param], value)
        else:
            params[param] = value
        given.add(param)
    params["paths"] = tuple(paths)
    if not _valid(params):
        return None
    return params, frozenset(given)


def _valid(params: dict[str, Any]) -> bool:
    """Whether click would take these values as they are; ``jobs`` becomes a number."""
    from claimcheck.reporters import REPORTERS

    if params["fmt"] not in (None, *REPORTERS) or params["fail_on"] not in _FAIL_ON:
        return False
    if type(params["jobs"]) is str:
        if not _DIGITS.fullmatch(params["jobs"]):
            return False
        params["jobs"] = int(params["jobs"])
    for name in _PATHS:
        value = params[name]
        for path in value if isinstance(value, tuple) else (value,):
            if path is None:
                continue
            # As click.Path checks a path, only one that exists; os.stat, as Path("") is ".".
            try:
                mode = os.stat(path).st_mode  # noqa: PTH116
            except ValueError:  # a NUL, which no real command line holds
                return False
            except OSError:
                continue
            if (name in _FOLDERS and stat.S_ISREG(mode)) or not os.access(path, os.R_OK):
                return False
    return True


def run_verify(
    params: dict[str, Any],
    given: Collection[str],
    as_of: PartialDate | None,
    open_output: Callable[[], AbstractContextManager[TextIO]],
) -> int:
    """Run `verify` with click's parameters; the exit code. Raises ``api.UsageError``."""
    from claimcheck.app import verify_stream
    from claimcheck.config import apply_config
    from claimcheck.core.findings import Severity
    from claimcheck.core.options import Options
    from claimcheck.reporters import default_format, get_reporter
    from claimcheck.reporters.base import ReportSettings
    from claimcheck.reporters.color import want_color
    from claimcheck.run.cache import default_dir

    p = params
    options = Options(
        paths=p["paths"] or ("claims",),
        select=tuple(p["select"]),
        ignore=tuple(p["ignore"]),
        fail_on=Severity.parse(p["fail_on"]),
        root=p["root"],
        kb=tuple(p["kb_paths"]),
        as_of=as_of,
        baseline=None if p["write_baseline"] else p["baseline"],
        jobs=p["jobs"] or os.cpu_count() or 1,
        cache_dir=None if p["no_cache"] else p["cache_dir"] or default_dir(p["root"]),
    )
    settings = ReportSettings(
        color=want_color(p["output"] is None and sys.stdout.isatty(), os.environ),
        verbosity=-1 if p["quiet"] else int(p["verbose"]),
    )
    reporter = get_reporter(p["fmt"] or default_format(), settings)
    fields = {field for field, param in OVERRIDES.items() if param in given}
    stream = verify_stream(apply_config(options, fields))
    if p["write_baseline"]:
        from claimcheck.baseline import accept_stream

        stream = accept_stream(stream, p["write_baseline"])
    with open_output() as out:
        return reporter.write(stream, out).exit_code


class _Stdout(io.TextIOBase):
    """stdout, flushed after each chunk of the report, as click.echo writes it."""

    written = False

    def write(self, text: str) -> int:
        self.written = True
        sys.stdout.write(text)
        sys.stdout.flush()
        return len(text)


def _plain_stdout() -> bool:
    """Whether click.echo would write to sys.stdout as it is (not rewrapped, not Windows')."""
    import codecs

    encoding = getattr(sys.stdout, "encoding", None)
    if os.name != "posix" or not isinstance(encoding, str) or not encoding:
        return False
    try:
        return codecs.lookup(encoding).name != "ascii"
    except LookupError:
        return False


def _fast(args: list[str]) -> int | None:
    """The exit code of a plain `verify` run, or None when click must read the command line."""
    from claimcheck.core.options import UsageError

    parsed = parse_verify(args)
    if parsed is None or "_CLAIMCHECK_COMPLETE" in os.environ or not _plain_stdout():
        return None
    params, given = parsed
    if params["quiet"] and params["verbose"]:
        return None
    as_of = None
    if params["as_of"] is not None:
        from claimcheck.core.dates import PartialDate

        try:
            as_of = PartialDate.parse(params["as_of"])
        except ValueError:
            return None
    out = _Stdout()

    @contextmanager
    def stdout() -> Iterator[TextIO]:
        yield out  # type: ignore[misc]

    try:
        return run_verify(params, given, as_of, stdout)
    except UsageError:
        if out.written:  # usage errors come before the report (stream.open_stream)
            raise
        return None
    # As click ends a command: quietly on a closed pipe, "Aborted!" on Ctrl-C, both exit 1.
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # nothing left to flush at exit, no warning
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("\nAborted!\n")
        return 1


@contextmanager
def guarded() -> Iterator[None]:
    """No traceback for users: an interrupt or a closed pipe exits 2, a bug says so briefly."""
    try:
        yield
    except (KeyboardInterrupt, BrokenPipeError):
        sys.exit(exitcodes.USAGE_OR_UNREADABLE)
    except Exception as exc:  # CLAIMCHECK_DEBUG=1 shows the traceback
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        from claimcheck.core.escape import safe

        sys.stderr.write(
            f"claimcheck: internal error: {type(exc).__name__}: {safe(str(exc))}\n"
            "Please report it, with the file that caused it; CLAIMCHECK_DEBUG=1 shows details.\n"
        )
        sys.exit(exitcodes.USAGE_OR_UNREADABLE)


def main() -> None:
    """The `claimcheck` command: a plain `verify` here, anything else through click."""
    with guarded():
        code = _fast(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from claimcheck.cli import main as click_main

    click_main()
