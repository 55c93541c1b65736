"""Bounds on what one input may cost, so that a hostile file is refused, not obeyed."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = 8 * 1024 * 1024
    max_depth: int = 64
    max_key_length: int = 256
    max_scalar_length: int = 65_536
    max_claims: int = 100_000

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


DEFAULT_LIMITS = Limits()
