"""`claimcheck kb`: what the knowledge base holds, one query per subcommand."""

from __future__ import annotations

import json
import sys

import click

from claimcheck.cli.params import parse_date, usage_errors
from claimcheck.core import exitcodes
from claimcheck.reporters.text import format_finding


@click.group("kb")
def command() -> None:
    """Look into the knowledge base: what claimcheck believes on a date, and its sources."""


_kb_option = click.option(
    "--kb",
    "kb_paths",
    multiple=True,
    type=click.Path(),
    help="Knowledge base file or folder (repeatable; default: the project's, see docs/kb.md).",
)
_format_option = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)


def _answer(query: str, kb_paths: tuple[str, ...], fmt: str, *args: object) -> None:
    """Load the KB, run one query, print it; a bad KB or an unknown entity exits 2."""
    # lazy: start-up (the knowledge base and its models; `claimcheck --help` imports this)
    from claimcheck.config import load_project
    from claimcheck.kb import query as kb_query

    with usage_errors():
        project = load_project()
    try:
        kb, findings = kb_query.open_kb(kb_paths or project.kb, str(project.root))
        if findings:
            click.echo("\n".join(format_finding(f) for f in findings), err=True)
            sys.exit(exitcodes.USAGE_OR_UNREADABLE)
        answer = getattr(kb_query, query)(kb, *args)
    except kb_query.QueryError as exc:
        raise click.UsageError(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps(answer, indent=2, ensure_ascii=True))
    else:
        click.echo(kb_query.render_text(answer), nl=False)


@command.command("members")
@click.argument("group")
@click.option("--on", "on", required=True, metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD.")
@_kb_option
@_format_option
def kb_members(group: str, on: str, kb_paths: tuple[str, ...], fmt: str) -> None:
    """The members of GROUP (an id, name or alias) on a date, with their sources."""
    _answer("members", kb_paths, fmt, group, parse_date(on, "--on"))


@command.command("holder")
@click.argument("office")
@click.option("--on", "on", required=True, metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD.")
@_kb_option
@_format_option
def kb_holder(office: str, on: str, kb_paths: tuple[str, ...], fmt: str) -> None:
    """Who held OFFICE on a date, with the tenures and their sources."""
    _answer("holder", kb_paths, fmt, office, parse_date(on, "--on"))


@command.command("events")
@click.argument("series")
@click.option("--until", "until", metavar="DATE", help="Only events up to this date.")
@_kb_option
@_format_option
def kb_events(series: str, until: str | None, kb_paths: tuple[str, ...], fmt: str) -> None:
    """The events of SERIES in order, up to a date, with their sources."""
    _answer("events", kb_paths, fmt, series, parse_date(until, "--until"))


@command.command("entity")
@click.argument("ref")
@_kb_option
@_format_option
def kb_entity(ref: str, kb_paths: tuple[str, ...], fmt: str) -> None:
    """An entity (by id, name or alias), its aliases and who uses them, and its facts."""
    _answer("entity", kb_paths, fmt, ref)
