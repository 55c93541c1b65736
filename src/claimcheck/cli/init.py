"""`claimcheck init`."""

from __future__ import annotations

import click

from claimcheck.cli.params import usage_errors
from claimcheck.core.escape import safe


@click.command("init")
@click.argument("article", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Where to write (default: NAME.claims.yaml beside the article, or above articles/).",
)
def command(article: str, output: str | None) -> None:
    """Start a claim file for the article text in ARTICLE; never overwrites."""
    # lazy: start-up (the records and the loader; `claimcheck --help` imports this module)
    from claimcheck.scaffold import init_claims

    with usage_errors():
        target = init_claims(article, output)
    click.echo(f"wrote {safe(str(target))}")
