"""What a run is asked to do: the options every stage reads, and the error a bad one raises.

Here, in the lowest layer, because the loader, the engine, the cache and the reporters all
read them; the command line and ``[tool.claimcheck]`` only fill them in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimcheck.core.findings import Severity
from claimcheck.core.limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:  # not imported at run time: a cached run needs no dates
    from claimcheck.core.dates import PartialDate


@dataclass(frozen=True)
class RuleSettings:
    """What a configuration changes about one rule: its severity and its options."""

    severity: Severity | None = None
    options: object | None = None


@dataclass(frozen=True)
class Options:
    """Every setting of one run; a docstring also spares `dataclass` an `inspect.signature`
    at each start-up."""

    paths: tuple[str, ...] = ("claims",)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    root: str | None = None
    limits: Limits = DEFAULT_LIMITS
    kb: tuple[str, ...] = ()  # KB files or folders; none: the *.kb.* files below `paths`
    as_of: PartialDate | None = None  # judge claims about the present at this date
    # Per-rule severity and options, by rule ID (from [tool.claimcheck.rules.<ID>]).
    rule_settings: Mapping[str, RuleSettings] = field(default_factory=dict)
    baseline: str | None = None  # findings listed in this file do not fail the run
    jobs: int = 1  # processes checking files at once
    cache_dir: str | None = None  # where results are cached; None: no cache
    cache_max_bytes: int | None = None  # the cache's bound; None: the default (512 MB)
    executor: str = "local"  # where files are checked: "local" (processes) or "dask"
    scheduler: str | None = None  # a Dask scheduler's address; None: a cluster of `jobs`


class UsageError(Exception):
    """The command line or configuration is wrong: exit 2 with this message."""


class PathNotFoundError(UsageError):
    """A path named on the command line or in the configuration does not exist: one line."""
