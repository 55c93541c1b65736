"""Output formats: one module per format, found through this name -> class table."""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping

from claimcheck.reporters.base import Reporter, ReportSettings

# Dotted paths keep each format's imports off the start-up path of the others.
REPORTERS: dict[str, str] = {
    "text": "claimcheck.reporters.text:TextReporter",
    "json": "claimcheck.reporters.json_report:JsonReporter",
    "sarif": "claimcheck.reporters.sarif:SarifReporter",
    "github": "claimcheck.reporters.github:GithubReporter",
    "junit": "claimcheck.reporters.junit:JunitReporter",
    "html": "claimcheck.reporters.html:HtmlReporter",
}

# Chosen when --format is not given and the environment variable has this value.
AUTO_FORMATS: tuple[tuple[str, str, str], ...] = (("GITHUB_ACTIONS", "true", "github"),)


def default_format(environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    for variable, value, name in AUTO_FORMATS:
        if env.get(variable) == value:
            return name
    return "text"


def get_reporter(name: str, settings: ReportSettings | None = None) -> Reporter:
    module, _, cls = REPORTERS[name].partition(":")
    reporter: type[Reporter] = getattr(importlib.import_module(module), cls)
    return reporter(settings)
