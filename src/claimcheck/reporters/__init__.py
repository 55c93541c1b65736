"""Output formats: one module per format, found through this name -> class table."""

from __future__ import annotations

import importlib

from claimcheck.reporters.base import Reporter

# Dotted paths keep each format's imports off the start-up path of the others.
REPORTERS: dict[str, str] = {
    "text": "claimcheck.reporters.text:TextReporter",
    "json": "claimcheck.reporters.json_report:JsonReporter",
}


def get_reporter(name: str) -> Reporter:
    module, _, cls = REPORTERS[name].partition(":")
    reporter: type[Reporter] = getattr(importlib.import_module(module), cls)
    return reporter()
