"""`claimcheck explain`."""

from __future__ import annotations

import click


@click.command("explain")
@click.argument("rule_id")
def command(rule_id: str) -> None:
    """Print the documentation of one rule (by ID or name)."""
    # lazy: start-up (docs imports every rule; `claimcheck --help` imports this module)
    from claimcheck.docs import explain as text
    from claimcheck.docs import find

    entry = find(rule_id)
    if entry is None:
        raise click.UsageError(f"no rule {rule_id!r}: see `claimcheck rules`")
    click.echo(text(entry), nl=False)
