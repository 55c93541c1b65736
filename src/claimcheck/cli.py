"""The command line: parse options, call the library, print, exit. Nothing else."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from claimcheck import __version__, exitcodes
from claimcheck.findings import Severity
from claimcheck.reporters import REPORTERS


def _write(text: str, output: str | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    Path(output).write_text(text, encoding="utf-8", newline="\n")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
def cli() -> None:
    """Check the facts written down in claim files against the article and the world."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format", "fmt", type=click.Choice(sorted(REPORTERS)), default="text", show_default=True
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report here.")
@click.option("--select", multiple=True, help="Only rules whose ID starts with this (repeatable).")
@click.option("--ignore", multiple=True, help="Skip rules whose ID starts with this (repeatable).")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default="warning",
    show_default=True,
    help="Exit 1 when a finding is at least this severe.",
)
@click.option("--root", type=click.Path(file_okay=False), help="Project root (default: found).")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Check files in this many processes (0: one per CPU).",
)
@click.option("--no-cache", is_flag=True, help="Check every file again; read and write no cache.")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    help="Keep cached results here (default: .claimcheck_cache in the project root).",
)
def verify(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str,
    root: str | None,
    jobs: int,
    no_cache: bool,
    cache_dir: str | None,
) -> None:
    """Verify claim files (*.claims.yaml, *.claims.json) in PATHS (default: claims/)."""
    from claimcheck.api import Options, UsageError
    from claimcheck.api import verify as run
    from claimcheck.cache import default_dir
    from claimcheck.reporters import get_reporter

    options = Options(
        paths=paths or ("claims",),
        select=tuple(select),
        ignore=tuple(ignore),
        fail_on=Severity.parse(fail_on),
        root=root,
        jobs=jobs or os.cpu_count() or 1,
        cache_dir=None if no_cache else cache_dir or default_dir(root),
    )
    try:
        result = run(options)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    _write(get_reporter(fmt).render(result), output)
    sys.exit(result.exit_code)


@cli.command("rules")
def list_rules() -> None:
    """List every rule with its ID, name and default severity."""
    from claimcheck.diagnostics import DIAGNOSTICS
    from claimcheck.rules import RULES

    for d in DIAGNOSTICS:
        click.echo(f"{d.id}  {d.name:<28} {d.severity!s:<8} {d.summary()}")
    for r in RULES:
        click.echo(f"{r.id}  {r.name:<28} {r.severity!s:<8} {r.summary()}")


@cli.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Print the documentation of one rule."""
    from claimcheck.diagnostics import DIAGNOSTICS
    from claimcheck.rules import RULES

    for d in DIAGNOSTICS:
        if d.id == rule_id.upper():
            click.echo(f"{d.id} {d.name} ({d.severity})\n\n{d.doc.strip()}")
            return
    for r in RULES:
        if r.id == rule_id.upper() or r.name == rule_id:
            click.echo(f"{r.id} {r.name} ({r.severity})\n\n{r.doc()}")
            return
    raise click.UsageError(f"no rule {rule_id!r}: see `claimcheck rules`")


def main() -> None:
    try:
        cli.main(prog_name="claimcheck")
    except (KeyboardInterrupt, BrokenPipeError):
        sys.exit(exitcodes.USAGE_OR_UNREADABLE)
    except Exception as exc:  # never a traceback for users; CLAIMCHECK_DEBUG=1 shows it
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        click.echo(
            f"claimcheck: internal error: {type(exc).__name__}: {exc}\n"
            "Please report it, with the file that caused it; CLAIMCHECK_DEBUG=1 shows details.",
            err=True,
        )
        sys.exit(exitcodes.USAGE_OR_UNREADABLE)
