"""`claimcheck verify`: the options, read into a ``VerifyRequest`` for ``app.run_verify``."""

from __future__ import annotations

import sys
from typing import TextIO, cast

import click

from claimcheck.app import VerifyRequest, run_verify
from claimcheck.cli.params import (
    AS_OF_OPTION,
    KB_OPTION,
    ROOT_OPTION,
    Echo,
    parse_date,
    usage_errors,
)
from claimcheck.config import describe_project
from claimcheck.core.escape import safe
from claimcheck.core.options import Options
from claimcheck.reporters import REPORTERS

# Parameters whose flag overrides [tool.claimcheck], with the `Options` field each sets.
OVERRIDES = {
    "select": "select",
    "ignore": "ignore",
    "fail_on": "fail_on",
    "kb_paths": "kb",
    "cache_max_mb": "cache_max_bytes",
}


@click.command("verify")
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
@ROOT_OPTION
@KB_OPTION
@AS_OF_OPTION
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
    envvar="CLAIMCHECK_CACHE_DIR",
    help="Keep cached results here [env: CLAIMCHECK_CACHE_DIR; default: .claimcheck_cache "
    "in the project root].",
)
@click.option(
    "--cache-max-mb",
    type=click.FloatRange(min=0, min_open=True),
    envvar="CLAIMCHECK_CACHE_MAX_MB",
    help="Evict the least recently used results past this size [env: CLAIMCHECK_CACHE_MAX_MB;"
    " default: cache-max-mb in [tool.claimcheck], else 512].",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Check files here (--jobs processes) or on a Dask cluster (the dask extra).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="With --executor dask: the scheduler (default: a local cluster of --jobs workers).",
)
def command(
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
    cache_max_mb: float | None,
    executor: str,
    scheduler: str | None,
) -> None:
    """Verify claim files (*.claims.yaml, *.claims.json) in PATHS (default: claims/)."""
    if quiet and verbose:
        raise click.UsageError("-q and -v contradict each other: choose one")
    if scheduler and executor != "dask":
        raise click.UsageError("--scheduler needs --executor dask")
    source = click.get_current_context().get_parameter_source
    request = VerifyRequest(
        paths=paths,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        root=root,
        kb=kb_paths,
        as_of=parse_date(as_of, "--as-of"),
        baseline=baseline,
        write_baseline=write_baseline,
        jobs=jobs,
        no_cache=no_cache,
        cache_dir=cache_dir,
        cache_max_bytes=None if cache_max_mb is None else int(cache_max_mb * 2**20),
        executor=executor,
        scheduler=scheduler,
        fmt=fmt,
        output=output,
        verbosity=-1 if quiet else int(verbose),
        given=frozenset(
            field
            for param, field in OVERRIDES.items()
            if source(param)
            in (click.core.ParameterSource.COMMANDLINE, click.core.ParameterSource.ENVIRONMENT)
        ),
    )
    with usage_errors():
        if verbose:  # which root and configuration decided the run (stderr: not the report)
            shown = describe_project(Options(paths=request.paths, root=root))
            click.echo(safe(shown), err=True)
        code = run_verify(request, cast(TextIO, Echo()))
    sys.exit(code)
