"""`claimcheck draft`."""

from __future__ import annotations

from pathlib import Path

import click

from claimcheck.cli.params import KB_OPTION, parse_date, usage_errors
from claimcheck.core.escape import safe
from claimcheck.core.project import display_path


@click.command("draft")
@click.argument("article", type=click.Path(dir_okay=False))
@click.option(
    "--published",
    required=True,
    metavar="YYYY-MM-DD",
    help="The article's publication date: relative dates ('on Tuesday') resolve against it.",
)
@KB_OPTION
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Where to write (default: NAME.claims.yaml in the project's claim folder, claims/).",
)
@click.option(
    "--update",
    is_flag=True,
    help="Add only the new drafts to an existing claim file, keeping what is there.",
)
def command(
    article: str, published: str, kb_paths: tuple[str, ...], output: str | None, update: bool
) -> None:
    """Draft a claim file from the article text in ARTICLE, every claim marked for review."""
    day = parse_date(published, "--published")
    assert day is not None
    # lazy: start-up (the matcher and the knowledge base; `claimcheck --help` imports this)
    from claimcheck.draft.compose import draft_claims

    with usage_errors():
        target, count = draft_claims(article, day, kb_paths, output, update=update)
    shown = safe(display_path(target, Path.cwd().resolve()))
    click.echo(f"wrote {shown}: {count} draft claim{'s' if count != 1 else ''}")
