"""How a plain YAML scalar is read, shared by both composers (``yamlload``, ``yamlfast``).

YAML 1.2 core for null, bool and decimal int; everything else YAML 1.1 would coerce stays text.
"""

from __future__ import annotations

import re
from typing import Any

INT_RE = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
SURROGATE_RE = re.compile("[\ud800-\udfff]")  # a search, not a loop over every character
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
MAX_INT_DIGITS = 18
PLAIN_CONSTANTS: dict[str, bool | None] = {
    **dict.fromkeys(_NULLS),
    **dict.fromkeys(_TRUE, True),
    **dict.fromkeys(_FALSE, False),
}


def resolve_plain(value: str) -> Any:
    """YAML 1.2 core for null, bool and decimal int; every other plain scalar stays text."""
    if value in PLAIN_CONSTANTS:
        return PLAIN_CONSTANTS[value]
    if INT_RE.match(value):
        if len(value.lstrip("-")) > MAX_INT_DIGITS:
            raise ValueError(f"integer with {len(value)} digits is too large")
        return int(value)
    return value
