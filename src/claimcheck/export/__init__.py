"""Exports: the checked claims in formats other tools publish, found through this table."""

from __future__ import annotations

# name -> "module:function"; the function takes (Options, ReviewSettings, the Options fields
# the command line gave) and returns (text, Result, claims left out).
EXPORTERS: dict[str, str] = {
    "claimreview": "claimcheck.export.claimreview:export",
}
