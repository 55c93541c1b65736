"""Turn bytes into plain data plus the position of every key and value.

Nothing here guesses: text YAML 1.1 would coerce stays the string that was typed, and
anything that cannot be represented as JSON (tags, anchors, aliases, complex keys) is refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimcheck.loader.document import Document, LoadError, Problem
    from claimcheck.loader.load import load_document

__all__ = ["Document", "LoadError", "Problem", "load_document"]


def __getattr__(name: str) -> Any:
    """The loader on first use: a cached run reads files (``reader``) but parses none."""
    if name == "load_document":
        # lazy: start-up (the parsers import PyYAML: a cached run parses no file)
        from claimcheck.loader.load import load_document

        return load_document
    if name in __all__:
        # lazy: start-up (a cached run reads files with ``reader`` and builds no Document)
        from claimcheck.loader import document

        return getattr(document, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
