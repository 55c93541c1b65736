"""`claimcheck schema`."""

from __future__ import annotations

import click

from claimcheck.formats.schema import SCHEMAS, render

# `claims` for claims-v1.json: the short names `claimcheck schema` takes.
NAMES = {name.split("-v", 1)[0]: name for name in SCHEMAS}


@click.command("schema")
@click.argument("name", required=False, type=click.Choice(sorted(NAMES)))
def command(name: str | None) -> None:
    """Print a JSON Schema: claims (default), report, or another listed name."""
    click.echo(render(SCHEMAS[NAMES[name or "claims"]]()), nl=False)
