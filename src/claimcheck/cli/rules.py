"""`claimcheck rules`."""

from __future__ import annotations

import click


@click.command("rules")
def command() -> None:
    """List every rule with its ID, name and default severity."""
    # lazy: start-up (docs imports every rule; `claimcheck --help` imports this module)
    from claimcheck.docs import entries

    for e in entries():
        click.echo(f"{e.id}  {e.name:<28} {e.severity!s:<8} {e.summary}")
