"""The command line: parse options, call the library, print, exit. Nothing else."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

import click

from claimcheck import __version__
from claimcheck.core import exitcodes
from claimcheck.reporters import REPORTERS

if TYPE_CHECKING:
    from claimcheck.core.dates import PartialDate


def _write(text: str, output: str | None) -> None:
    if output is None:
        # color=True: click would strip our codes off a pipe, and FORCE_COLOR wants them;
        # user text never carries one (escape.safe), so only codes we chose get through.
        click.echo(text, nl=False, color=True)
        return
    try:
        Path(output).write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise click.UsageError(
            f"cannot write the report to {output!r}: {exc.strerror or exc}"
        ) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
def cli() -> None:
    """Check the facts written down in claim files against the article and the world."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(REPORTERS)),
    default=None,
    help="Report format [default: text; github when GITHUB_ACTIONS=true].",
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
    "--kb",
    "kb_paths",
    multiple=True,
    type=click.Path(),
    help="Knowledge base file or folder (repeatable; default: *.kb.* files below PATHS).",
)
@click.option(
    "--as-of",
    "as_of",
    metavar="DATE",
    help="Judge claims about the present at this date (YYYY, YYYY-MM or YYYY-MM-DD).",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    help="Fail only on findings this baseline file does not list.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    help="Write today's findings to this baseline file (then they no longer fail).",
)
@click.option("-q", "--quiet", is_flag=True, help="Only the findings, no summary.")
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="More detail: related places, every verdict and its facts.",
)
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
    fmt: str | None,
    output: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str,
    root: str | None,
    kb_paths: tuple[str, ...],
    as_of: str | None,
    baseline: str | None,
    write_baseline: str | None,
    quiet: bool,
    verbose: bool,
    jobs: int,
    no_cache: bool,
    cache_dir: str | None,
) -> None:
    """Verify claim files (*.claims.yaml, *.claims.json) in PATHS (default: claims/)."""
    from claimcheck.core.options import UsageError
    from claimcheck.launch import OVERRIDES, run_verify

    if quiet and verbose:
        raise click.UsageError("-q and -v contradict each other: choose one")
    ctx = click.get_current_context()
    given = {
        param
        for param in OVERRIDES.values()
        if ctx.get_parameter_source(param) is click.core.ParameterSource.COMMANDLINE
    }
    date = _date_option(as_of, "--as-of")
    try:
        code = run_verify(ctx.params, given, date, lambda: _report_file(output))
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    sys.exit(code)


class _Echo(io.TextIOBase):
    """stdout as click writes it (its encoding fallbacks), a chunk of the report at a time."""

    def write(self, text: str) -> int:
        # color=True: click would strip our codes off a pipe, and FORCE_COLOR wants them;
        # user text never carries one (escape.safe), so only codes we chose get through.
        click.echo(text, nl=False, color=True)
        return len(text)


@contextmanager
def _report_file(output: str | None) -> Iterator[TextIO]:
    """Where the report streams to: stdout, or a file that appears whole once written."""
    if output is None:
        yield cast(TextIO, _Echo())
        return
    import tempfile

    target = Path(output)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise click.UsageError(
            f"cannot write the report to {output!r}: {exc.strerror or exc}"
        ) from None
    try:
        os.close(fd)
        umask = os.umask(0)
        os.umask(umask)
        Path(tmp).chmod(0o666 & ~umask)  # as a file written in place would be, not 0600
        with Path(tmp).open("w", encoding="utf-8", newline="\n") as out:
            yield out
        Path(tmp).replace(target)
    except OSError as exc:
        raise click.UsageError(
            f"cannot write the report to {output!r}: {exc.strerror or exc}"
        ) from None
    finally:
        Path(tmp).unlink(missing_ok=True)


def _date_option(text: str | None, name: str) -> PartialDate | None:
    if text is None:
        return None
    from claimcheck.core.dates import PartialDate

    try:
        return PartialDate.parse(text)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint=name) from None


@cli.command("rules")
def list_rules() -> None:
    """List every rule with its ID, name and default severity."""
    from claimcheck.docs import entries

    for e in entries():
        click.echo(f"{e.id}  {e.name:<28} {e.severity!s:<8} {e.summary}")


@cli.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Print the documentation of one rule (by ID or name)."""
    from claimcheck.docs import explain as text
    from claimcheck.docs import find

    entry = find(rule_id)
    if entry is None:
        raise click.UsageError(f"no rule {rule_id!r}: see `claimcheck rules`")
    click.echo(text(entry), nl=False)


@cli.group("kb")
def kb_group() -> None:
    """Look into the knowledge base: what claimcheck believes on a date, and its sources."""


_kb_option = click.option(
    "--kb",
    "kb_paths",
    multiple=True,
    type=click.Path(),
    help="Knowledge base file or folder (repeatable; default: claims/).",
)
_format_option = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)


def _answer(query: str, kb_paths: tuple[str, ...], fmt: str, *args: object) -> None:
    """Load the KB, run one query, print it; a bad KB or an unknown entity exits 2."""
    import json

    from claimcheck.kb import query as kb_query
    from claimcheck.reporters.text import format_finding

    try:
        kb, findings = kb_query.open_kb(kb_paths)
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


@kb_group.command("members")
@click.argument("group")
@click.option("--on", "on", required=True, metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD.")
@_kb_option
@_format_option
def kb_members(group: str, on: str, kb_paths: tuple[str, ...], fmt: str) -> None:
    """The members of GROUP (an id, name or alias) on a date, with their sources."""
    _answer("members", kb_paths, fmt, group, _date_option(on, "--on"))


@kb_group.command("holder")
@click.argument("office")
@click.option("--on", "on", required=True, metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD.")
@_kb_option
@_format_option
def kb_holder(office: str, on: str, kb_paths: tuple[str, ...], fmt: str) -> None:
    """Who held OFFICE on a date, with the tenures and their sources."""
    _answer("holder", kb_paths, fmt, office, _date_option(on, "--on"))


@kb_group.command("events")
@click.argument("series")
@click.option("--until", "until", metavar="DATE", help="Only events up to this date.")
@_kb_option
@_format_option
def kb_events(series: str, until: str | None, kb_paths: tuple[str, ...], fmt: str) -> None:
    """The events of SERIES in order, up to a date, with their sources."""
    _answer("events", kb_paths, fmt, series, _date_option(until, "--until"))


@kb_group.command("entity")
@click.argument("ref")
@_kb_option
@_format_option
def kb_entity(ref: str, kb_paths: tuple[str, ...], fmt: str) -> None:
    """An entity (by id, name or alias), its aliases and who uses them, and its facts."""
    _answer("entity", kb_paths, fmt, ref)


def _schema_names() -> dict[str, str]:
    """`claims` for claims-v1.json: the short names `claimcheck schema` takes."""
    from claimcheck.formats.schema import SCHEMAS

    return {name.split("-v", 1)[0]: name for name in SCHEMAS}


@cli.command("schema")
@click.argument("name", required=False, type=click.Choice(sorted(_schema_names())))
def schema_cmd(name: str | None) -> None:
    """Print a JSON Schema: claims (default), report, or another listed name."""
    from claimcheck.formats.schema import SCHEMAS, render

    click.echo(render(SCHEMAS[_schema_names()[name or "claims"]]()), nl=False)


@cli.command("init")
@click.argument("article", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Where to write (default: NAME.claims.yaml beside the article, or above articles/).",
)
def init_cmd(article: str, output: str | None) -> None:
    """Start a claim file for the article text in ARTICLE; never overwrites."""
    from claimcheck.core.options import UsageError
    from claimcheck.scaffold import init_claims

    try:
        target = init_claims(article, output)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    from claimcheck.core.escape import safe

    click.echo(f"wrote {safe(str(target))}")


def _exporters() -> list[str]:
    from claimcheck.export import EXPORTERS

    return sorted(EXPORTERS)


@cli.command("export")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(_exporters()), required=True)
@click.option("--author", help="The fact-checking organisation (default: the article's publisher).")
@click.option("--author-url", help="Its web address.")
@click.option("--url", help="The page that publishes the reviews (default: the article's url).")
@click.option("--date", "review_date", help="When the reviews are published (default: today).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the export here.")
def export_cmd(
    paths: tuple[str, ...],
    fmt: str,
    author: str | None,
    author_url: str | None,
    url: str | None,
    review_date: str | None,
    output: str | None,
) -> None:
    """Export the verdicts on the claims in PATHS, e.g. as schema.org ClaimReview JSON-LD."""
    import importlib

    from claimcheck.core.options import Options, UsageError
    from claimcheck.export import EXPORTERS
    from claimcheck.export.claimreview import ReviewSettings

    module, _, func = EXPORTERS[fmt].partition(":")
    run = getattr(importlib.import_module(module), func)
    settings = ReviewSettings(author, author_url, url, review_date)
    try:
        text, result, left_out = run(Options(paths=paths or ("claims",)), settings)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    if result.exit_code == exitcodes.USAGE_OR_UNREADABLE:
        click.echo("claimcheck: some files could not be read: see `claimcheck verify`", err=True)
        sys.exit(exitcodes.USAGE_OR_UNREADABLE)
    if left_out:
        click.echo(
            f"claimcheck: {left_out} claim(s) no knowledge-base fact bears on are left out",
            err=True,
        )
    _write(text, output)


def main() -> None:
    """The command line through click alone; the installed command is ``launch.main``."""
    from claimcheck.launch import guarded

    with guarded():
        cli.main(prog_name="claimcheck")
