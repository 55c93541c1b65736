"""Turn bytes into plain data plus the position of every key and value.

Nothing here guesses: text YAML 1.1 would coerce stays the string that was typed, and
anything that cannot be represented as JSON (tags, anchors, aliases, complex keys) is refused.
"""

from __future__ import annotations

from claimcheck.loader.document import Document, LoadError, Problem, load_document

__all__ = ["Document", "LoadError", "Problem", "load_document"]
