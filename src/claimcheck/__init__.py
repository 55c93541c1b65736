"""claimcheck: a linter for the facts in news articles."""

from __future__ import annotations

__version__ = "0.1.0"
