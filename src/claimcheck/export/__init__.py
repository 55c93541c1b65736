"""Exports: the checked claims in formats other tools publish, found through this table."""

from __future__ import annotations

# name -> "module:function"; the function takes (Options, ReviewSettings, named=whether the
# paths were named) and returns (text, Result, the claims left out: (no fact, drafts)).
EXPORTERS: dict[str, str] = {
    "claimreview": "claimcheck.export.claimreview:export",
}
