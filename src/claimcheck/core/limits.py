"""Bounds on what one input may cost, so that a hostile file is refused, not obeyed.

Every limit has a kebab-case configuration key (``max-file-bytes``...) that messages name,
so that whoever hits one knows which knob turns it; ``Limits.from_mapping`` reads those keys
from a configuration table and refuses unknown keys and bad values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

# Deeper than this, LibYAML's scanner stops by itself and Python's json module recurses
# towards the interpreter's limit: a larger setting would promise what cannot be kept.
MAX_DEPTH_CEILING = 512


class LimitsError(ValueError):
    """A limits table names an unknown key or gives a value that is not a positive integer."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on one input (README, "Limits"); every field a `[tool.claimcheck.limits]` key."""

    max_file_bytes: int = 2 * 1024 * 1024
    max_depth: int = 64
    max_key_length: int = 256
    max_scalar_length: int = 65_536
    max_claims: int = 100_000

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        """The configuration keys, in the kebab case of ``[tool.claimcheck.limits]``."""
        return tuple(config_key(n) for n in cls.names())

    def cap(self, name: str) -> str:
        """``the limit of 64 (max-depth)``: the value and the key to raise it, for messages."""
        return f"the limit of {getattr(self, name):,} ({config_key(name)})"

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any], *, where: str = "limits") -> Limits:
        """Limits from ``{"max-file-bytes": 1048576, ...}``; absent keys keep their default.

        ``where`` names the table in messages (``[tool.claimcheck.limits]``).
        """
        known = dict(zip(cls.keys(), cls.names(), strict=True))
        values: dict[str, int] = {}
        for key in sorted(mapping):
            if key not in known:
                import difflib  # lazy: start-up (only a misspelt key needs a suggestion)

                close = difflib.get_close_matches(str(key), known, n=1)
                hint = f": did you mean {close[0]!r}?" if close else ""
                raise LimitsError(f"{where}: unknown key {key!r}{hint} (known: {', '.join(known)})")
            value = mapping[key]
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise LimitsError(f"{where}: {key} must be a positive whole number, got {value!r}")
            if key == "max-depth" and value > MAX_DEPTH_CEILING:
                raise LimitsError(
                    f"{where}: max-depth must be at most {MAX_DEPTH_CEILING} "
                    f"(the YAML and JSON parsers stop deeper), got {value}"
                )
            values[known[key]] = value
        return cls(**values)


def config_key(name: str) -> str:
    return name.replace("_", "-")


def claim_count(data: Any) -> int:
    """How many claims a loaded (not yet validated) file holds; 0 when it holds no list."""
    claims = data.get("claims") if isinstance(data, dict) else None
    return len(claims) if isinstance(claims, list) else 0


DEFAULT_LIMITS = Limits()
