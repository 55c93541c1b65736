"""The command line: click parses it, one library function does the work, and the exit code
comes from ``core.exitcodes``. One module per command; a command's module (and what it needs)
is imported only when that command runs, or when ``--help`` lists them all.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import click

from claimcheck import __version__
from claimcheck.core import exitcodes
from claimcheck.core.escape import safe

# Command name -> module in this package; `--help` lists them in this (click's sorted) order.
COMMANDS = ("draft", "explain", "export", "init", "kb", "review", "rules", "schema", "verify")


class _Commands(click.Group):
    """The commands, each loaded when it runs, and ended the same way however it ends."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        command: click.Command = importlib.import_module(f"claimcheck.cli.{cmd_name}").command
        return command

    # Both here, before click's own handler would exit 1: reading the command line (which
    # prints --help and --version) and running a command.
    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        with cut_short():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        with cut_short():
            return super().invoke(ctx)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
def cli() -> None:
    """Check the facts written down in claim files against the article and the world."""


def _interrupted(*, newline: bool = True) -> NoReturn:
    sys.stderr.write("\nAborted!\n" if newline else "Aborted!\n")
    sys.exit(exitcodes.INTERRUPTED)


@contextmanager
def cut_short() -> Iterator[None]:
    """Ctrl-C and a closed stdout end every command with the codes ``core.exitcodes`` gives."""
    try:
        yield
    except KeyboardInterrupt:
        _interrupted()
    except BrokenPipeError:
        # Nothing more reaches the reader; stdout goes nowhere so that the interpreter's
        # final flush cannot fail again and print a warning.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(exitcodes.BROKEN_PIPE)


def main() -> NoReturn:
    """The `claimcheck` command. A bug says so briefly (``CLAIMCHECK_DEBUG=1``: traceback)."""
    try:
        with cut_short():
            code = cli.main(prog_name="claimcheck", standalone_mode=False)
    except click.exceptions.Abort:  # Ctrl-C while click read the command line
        _interrupted(newline=False)  # click has ended the line
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except Exception as exc:
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        sys.stderr.write(
            f"claimcheck: internal error: {type(exc).__name__}: {safe(str(exc))}\n"
            "Please report it, with the file that caused it; CLAIMCHECK_DEBUG=1 shows details.\n"
        )
        sys.exit(exitcodes.USAGE_OR_UNREADABLE)
    sys.exit(code if isinstance(code, int) else exitcodes.CLEAN)
