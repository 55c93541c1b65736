"""What several commands share: their common options, reading a date, stdout as click writes
it, usage errors."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from claimcheck.core import exitcodes
from claimcheck.core.options import PathNotFoundError, UsageError

if TYPE_CHECKING:
    from claimcheck.core.dates import PartialDate

# Options several commands take, declared once so that their names and help stay the same.
ROOT_OPTION = click.option(
    "--root", type=click.Path(file_okay=False), help="Project root (default: found)."
)
KB_OPTION = click.option(
    "--kb",
    "kb_paths",
    multiple=True,
    type=click.Path(),
    help="Knowledge base file or folder (repeatable; default: the project's, see docs/kb.md).",
)
AS_OF_OPTION = click.option(
    "--as-of",
    "as_of",
    metavar="DATE",
    help="Judge claims about the present at this date (YYYY, YYYY-MM or YYYY-MM-DD).",
)


def parse_date(text: str | None, name: str) -> PartialDate | None:
    """``--as-of`` and the like: YYYY, YYYY-MM or YYYY-MM-DD, refused as click refuses."""
    if text is None:
        return None
    # lazy: start-up (a run without --as-of reads no date)
    from claimcheck.core.dates import PartialDate

    try:
        return PartialDate.parse(text)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint=name) from None


@contextmanager
def usage_errors() -> Iterator[None]:
    """The library's ``UsageError`` said as click says its own: usage line, message, exit 2."""
    try:
        yield
    except PathNotFoundError as exc:  # a mistyped path: one line, not the usage text
        raise NotFound(str(exc)) from None
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None


class NotFound(click.ClickException):
    """``Error: claim/: no such file or folder (did you mean claims/?)``, exit 2."""

    exit_code = exitcodes.USAGE_OR_UNREADABLE


class Echo(io.TextIOBase):
    """stdout as click writes it (its encoding fallbacks), a chunk of the report at a time."""

    def write(self, text: str) -> int:
        # color=True: click would strip our codes off a pipe, and FORCE_COLOR wants them;
        # user text never carries one (escape.safe), so only codes we chose get through.
        click.echo(text, nl=False, color=True)
        return len(text)
