"""`claimcheck export`."""

from __future__ import annotations

import importlib
import sys

import click

from claimcheck.cli.params import usage_errors
from claimcheck.core import exitcodes
from claimcheck.core.options import Options
from claimcheck.core.output import open_output
from claimcheck.core.paths import PathRefusedError
from claimcheck.export import EXPORTERS


@click.command("export")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(EXPORTERS)),
    default="claimreview",
    show_default=True,
)
@click.option(
    "--reviewer",
    "--author",
    "author",
    help="The fact-checking organisation (default: `reviewer` in [tool.claimcheck.export]).",
)
@click.option("--reviewer-url", "--author-url", "author_url", help="Its web address.")
@click.option(
    "--url",
    help="The page that publishes the reviews (default: `url` in [tool.claimcheck.export], "
    "else the article's url).",
)
@click.option(
    "--date",
    "review_date",
    help="When the reviews are published (default: each claim's checked_on, else today).",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the export here.")
def command(
    paths: tuple[str, ...],
    fmt: str,
    author: str | None,
    author_url: str | None,
    url: str | None,
    review_date: str | None,
    output: str | None,
) -> None:
    """Export the verdicts on the claims in PATHS, e.g. as schema.org ClaimReview JSON-LD."""
    # lazy: start-up (the exporter imports the whole engine; `claimcheck --help` imports this)
    from claimcheck.export.claimreview import ReviewSettings

    module, _, func = EXPORTERS[fmt].partition(":")
    run = getattr(importlib.import_module(module), func)
    settings = ReviewSettings(author, author_url, url, review_date)
    with usage_errors():
        text, result, left_out = run(Options(paths=paths), settings, named=bool(paths))
    if result.exit_code == exitcodes.USAGE_OR_UNREADABLE:
        click.echo("claimcheck: some files could not be read: see `claimcheck verify`", err=True)
        sys.exit(exitcodes.USAGE_OR_UNREADABLE)
    no_fact, drafts = left_out
    if no_fact:
        click.echo(
            f"claimcheck: {no_fact} claim(s) no knowledge-base fact bears on are left out",
            err=True,
        )
    if drafts:
        click.echo(
            f"claimcheck: {drafts} unreviewed draft(s) are left out: review each, then delete "
            "its `draft: true`",
            err=True,
        )
    if output is None:
        click.echo(text, nl=False, color=True)
        return
    try:
        with open_output(output) as out:
            out.write(text)
    except (OSError, PathRefusedError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise click.UsageError(f"cannot write the report to {output!r}: {reason}") from None
