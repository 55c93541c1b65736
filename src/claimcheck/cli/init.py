"""`claimcheck init`."""

from __future__ import annotations

from pathlib import Path

import click

from claimcheck.cli.params import usage_errors
from claimcheck.core.escape import safe
from claimcheck.core.project import display_path


@click.command("init")
@click.argument("article", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Where to write (default: NAME.claims.yaml in the project's claim folder, claims/).",
)
def command(article: str, output: str | None) -> None:
    """Start a claim file for the article text in ARTICLE; never overwrites."""
    # lazy: start-up (the records and the loader; `claimcheck --help` imports this module)
    from claimcheck.scaffold import init_claims

    with usage_errors():
        target, schemas = init_claims(article, output)
    cwd = Path.cwd().resolve()
    for schema in schemas:
        click.echo(f"wrote {safe(display_path(schema, cwd))} (the schema your editor reads)")
    shown = safe(display_path(target, cwd))
    click.echo(
        f"wrote {shown}: fill in its TODO values (CC119 reports each one until it is "
        "filled in), then add the claims"
    )
