"""The loaded document: plain data, its text, and the position of every key and value."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Pointer = tuple[str | int, ...]
Pos = tuple[int, int]  # 1-based line and column


def pointer_str(pointer: Pointer) -> str:
    """RFC 6901 JSON pointer text."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in pointer)


@dataclass(frozen=True, slots=True)
class Problem:
    """A loader problem: always fatal for the file (exit 2)."""

    message: str
    line: int = 0
    column: int = 0
    pointer: str = ""


# A hostile file could hold millions of small problems: the first hundred say enough.
MAX_PROBLEMS = 100


def too_many_problems(pos: Pos) -> Problem:
    return Problem(f"more than {MAX_PROBLEMS} problems: stopped here, fix these first", *pos)


class LoadError(Exception):
    """Raised with every problem found in a file that could not be loaded."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems[0].message if problems else "cannot load")
        self.problems = problems


@dataclass
class Document:
    """Plain JSON-like data with a way back from any pointer to its line and column."""

    path: str
    data: Any
    text: str
    _values: dict[Pointer, Pos] | None = None
    _keys: dict[Pointer, Pos] | None = None
    _locate: Callable[[], tuple[dict[Pointer, Pos], dict[Pointer, Pos]]] | None = field(
        default=None, repr=False
    )
    # Answers position queries itself (the YAML fast path walks its node tree instead).
    _find: Callable[[Pointer, bool], Pos] | None = field(default=None, repr=False)

    def _maps(self) -> tuple[dict[Pointer, Pos], dict[Pointer, Pos]]:
        if self._values is None or self._keys is None:
            assert self._locate is not None
            self._values, self._keys = self._locate()
        return self._values, self._keys

    def position(self, pointer: Pointer, *, key: bool = False) -> Pos:
        """Where ``pointer`` stands; the nearest existing parent when it does not exist."""
        if self._find is not None:
            return self._find(pointer, key)
        values, keys = self._maps()
        if key and pointer in keys:
            return keys[pointer]
        p = pointer
        while p:
            if p in values:
                return values[p]
            p = p[:-1]
        return values.get((), (1, 1))
