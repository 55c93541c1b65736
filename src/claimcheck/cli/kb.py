"""`claimcheck kb`: what the knowledge base holds, one query per subcommand."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from claimcheck.cli.params import KB_OPTION, parse_date, usage_errors
from claimcheck.core import exitcodes
from claimcheck.core.output import open_output
from claimcheck.core.paths import PathRefusedError
from claimcheck.reporters.text import format_finding


@click.group("kb")
def command() -> None:
    """Look into the knowledge base: what claimcheck believes on a date, and its sources."""


_format_option = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)


def _answer(query: str, kb_paths: tuple[str, ...], fmt: str, *args: object) -> None:
    """Load the KB, run one query, print it; a bad KB or an unknown entity exits 2."""
    # lazy: start-up (the knowledge base and its models; `claimcheck --help` imports this)
    from claimcheck.config import load_project
    from claimcheck.kb import query as kb_query

    # lazy: start-up (the cache module, for where a big KB's compiled store is kept)
    from claimcheck.run.cache import default_dir

    with usage_errors():
        project = load_project()
    try:
        about = str(args[0]) if args else None
        store = Path(default_dir(str(project.root)))  # a big KB's store: with the run's cache
        kb, findings = kb_query.open_kb(
            kb_paths or project.kb, str(project.root), about=about, store_dir=store
        )
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
@KB_OPTION
@_format_option
def kb_members(group: str, on: str, kb_paths: tuple[str, ...], fmt: str) -> None:
    """The members of GROUP (an id, name or alias) on a date, with their sources."""
    _answer("members", kb_paths, fmt, group, parse_date(on, "--on"))


@command.command("holder")
@click.argument("office")
@click.option("--on", "on", required=True, metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD.")
@KB_OPTION
@_format_option
def kb_holder(office: str, on: str, kb_paths: tuple[str, ...], fmt: str) -> None:
    """Who held OFFICE on a date, with the tenures and their sources."""
    _answer("holder", kb_paths, fmt, office, parse_date(on, "--on"))


@command.command("events")
@click.argument("series")
@click.option("--until", "until", metavar="DATE", help="Only events up to this date.")
@KB_OPTION
@_format_option
def kb_events(series: str, until: str | None, kb_paths: tuple[str, ...], fmt: str) -> None:
    """The events of SERIES in order, up to a date, with their sources."""
    _answer("events", kb_paths, fmt, series, parse_date(until, "--until"))


@command.command("entity")
@click.argument("ref")
@KB_OPTION
@_format_option
def kb_entity(ref: str, kb_paths: tuple[str, ...], fmt: str) -> None:
    """An entity (by id, name or alias), its aliases and who uses them, and its facts."""
    _answer("entity", kb_paths, fmt, ref)


@command.group("import")
def kb_import() -> None:
    """Make a knowledge base file from another fact base."""


@kb_import.command("wikidata")
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The KB file to write (name it *.kb.json).")  # fmt: skip
@click.option(
    "--entities",
    metavar="IDS",
    help="Only these items: Q-ids separated by commas, or @FILE with one per line "
    "(default: every item in the sources).",
)
@click.option(
    "--properties",
    metavar="PIDS",
    help="The properties to import, separated by commas (default: the news set, see "
    "docs/wikidata.md); one without a claim kind is kept as a `statement` with its P-id.",
)
@click.option(
    "--languages",
    default="en",
    show_default=True,
    metavar="LANGS",
    help="Label and alias languages, by preference, separated by commas.",
)
def kb_import_wikidata(
    sources: tuple[str, ...],
    output: str,
    entities: str | None,
    properties: str | None,
    languages: str,
) -> None:
    """Translate Wikidata entity JSON or dumps (.json, .json.gz, .json.bz2) into a KB file."""
    # lazy: start-up (the importer; `claimcheck --help` imports this)
    from claimcheck.kb import wikidata

    selection = wikidata.Selection(
        entities=_entity_ids(entities),
        properties=_ids(properties, "P", "--properties") or wikidata.DEFAULT_PROPERTIES,
        languages=tuple(x.strip() for x in languages.split(",") if x.strip()) or ("en",),
    )
    try:
        with open_output(output) as out:
            summary = wikidata.import_wikidata(
                [Path(s) for s in sources], out, selection, wikidata.made_today()
            )
    except wikidata.WikidataError as exc:
        click.echo(f"claimcheck: {exc}", err=True)
        sys.exit(exitcodes.USAGE_OR_UNREADABLE)
    except (OSError, PathRefusedError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise click.UsageError(f"cannot write {output!r}: {reason}") from None
    skipped = sum(summary.skipped.values())
    as_of = f", data as of {summary.data_as_of}" if summary.data_as_of else ", data undated"
    click.echo(
        f"{output}: {summary.entities} entities, {summary.facts} facts, "
        f"{summary.placeholders} entities named only by id{as_of}; "
        f"{skipped} statements skipped"
        + "".join(f"\n  {n} {why}" for why, n in sorted(summary.skipped.items())),
        err=True,
    )
    # lazy: start-up (the project's configuration: only after an import)
    from claimcheck.config import unread_kb_file

    unread = unread_kb_file(Path(output))
    if unread:
        click.echo(f"claimcheck: note: {unread}", err=True)


def _ids(text: str | None, letter: str, option: str) -> tuple[str, ...]:
    if text is None:
        return ()
    ids = tuple(x.strip() for x in text.replace("\n", ",").split(",") if x.strip())
    bad = [x for x in ids if not re.fullmatch(rf"{letter}[1-9][0-9]*", x)]
    if bad:
        raise click.BadParameter(f"not a {letter}-id: {bad[0]!r}", param_hint=option)
    return ids


def _entity_ids(text: str | None) -> frozenset[str] | None:
    if text is None:
        return None
    if text.startswith("@"):
        try:
            text = Path(text[1:]).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise click.BadParameter(
                f"cannot read {text[1:]!r}: {exc}", param_hint="--entities"
            ) from None
    return frozenset(_ids(text, "Q", "--entities"))
