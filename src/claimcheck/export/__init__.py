"""Exports: the checked claims in formats other tools publish, found through this table."""

from __future__ import annotations

# name -> "module:function"; the function takes (Options, ReviewSettings) and returns text.
EXPORTERS: dict[str, str] = {
    "claimreview": "claimcheck.export.claimreview:export",
}
