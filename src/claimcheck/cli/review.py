"""`claimcheck review`: one claim file's review page (`verify --format html`), maybe opened."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TextIO, cast

import click

from claimcheck.app import VerifyRequest, run_verify
from claimcheck.cli.params import (
    AS_OF_OPTION,
    KB_OPTION,
    ROOT_OPTION,
    Echo,
    parse_date,
    usage_errors,
)
from claimcheck.core.escape import safe


@click.command("review")
@click.argument("claimfile", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write the page here (default: stdout; with --open, a temporary file).",
)
@click.option("--open", "open_page", is_flag=True, help="Open the page in the web browser.")
@ROOT_OPTION
@KB_OPTION
@AS_OF_OPTION
def command(
    claimfile: str,
    output: str | None,
    open_page: bool,
    root: str | None,
    kb_paths: tuple[str, ...],
    as_of: str | None,
) -> None:
    """The review page of CLAIMFILE: the article with each claim's quote lit by its verdict.

    Exits as `verify` does: 0 clean, 1 findings, 2 unreadable input or a usage error.
    """
    if open_page and output is None:
        # Outside the checked project, and kept: the browser reads it after we exit.
        fd, output = tempfile.mkstemp(prefix="claimcheck-review-", suffix=".html")
        os.close(fd)
    request = VerifyRequest(
        paths=(claimfile,),
        root=root,
        kb=kb_paths,
        as_of=parse_date(as_of, "--as-of"),
        fmt="html",
        output=output,
        given=frozenset({"kb"} if kb_paths else ()),
    )
    with usage_errors():
        code = run_verify(request, cast(TextIO, Echo()))
    if open_page and output is not None:
        # lazy: start-up (only --open starts a browser)
        import webbrowser

        page = Path(output).resolve().as_uri()
        if not webbrowser.open(page):
            click.echo(f"claimcheck: no browser to open; the page is {safe(page)}", err=True)
    sys.exit(code)
