"""`claimcheck schema`."""

from __future__ import annotations

from pathlib import Path

import click

from claimcheck.cli.params import usage_errors
from claimcheck.core.escape import safe
from claimcheck.formats.schema import SCHEMAS, render

# `claims` for claims-v1.json: the short names `claimcheck schema` takes.
NAMES = {name.split("-v", 1)[0]: name for name in SCHEMAS}


@click.command("schema")
@click.argument("name", required=False, type=click.Choice(sorted(NAMES)))
@click.option(
    "--write",
    "folder",
    type=click.Path(file_okay=False),
    help="Write every schema into this folder (e.g. schema/), for editors to read offline.",
)
def command(name: str | None, folder: str | None) -> None:
    """Print a JSON Schema: claims (default), report, or another listed name."""
    if folder is None:
        click.echo(render(SCHEMAS[NAMES[name or "claims"]]()), nl=False)
        return
    if name is not None:
        raise click.UsageError("--write writes every schema: name none")
    # lazy: start-up (the scaffold reads the project; printing a schema needs none of it)
    from claimcheck.scaffold import write_schemas

    with usage_errors():
        written = write_schemas(Path(folder))
    for path in written:
        click.echo(f"wrote {safe(path.as_posix())}")
