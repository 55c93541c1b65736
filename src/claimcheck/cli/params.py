"""What several commands share: reading a date, stdout as click writes it, usage errors."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from claimcheck.core.options import UsageError

if TYPE_CHECKING:
    from claimcheck.core.dates import PartialDate


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
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None


class Echo(io.TextIOBase):
    """stdout as click writes it (its encoding fallbacks), a chunk of the report at a time."""

    def write(self, text: str) -> int:
        # color=True: click would strip our codes off a pipe, and FORCE_COLOR wants them;
        # user text never carries one (escape.safe), so only codes we chose get through.
        click.echo(text, nl=False, color=True)
        return len(text)
