"""Positions in JSON the C parser has already accepted, found only for the pointers asked.

Findings need line and column, but a file has few findings and many values. Instead of
scanning every token in Python, each lookup walks down its own path, skipping the siblings
before it with the C scanner, so a lookup costs about one C parse of the part of the file
before it. The explaining scanner in ``jsonload`` remains for files that fail to parse.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from claimcheck.loader.document import Pointer, Pos
from claimcheck.loader.text import line_col

_WS = re.compile(r"[ \t\n\r]*")
# Parse one value at an index and return it with the index after it, in C.
_scan_value: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def _ws(text: str, i: int) -> int:
    """The index of the first character at or after ``i`` that is not white space."""
    m = _WS.match(text, i)
    assert m is not None  # the pattern matches the empty string
    return m.end()


def _find(text: str, pointer: Pointer) -> tuple[int, int | None] | None:
    """Offsets of the value at ``pointer`` and of its key (None in a list), or None."""
    ws = _ws
    i = ws(text, 0)
    key_at: int | None = None
    for step in pointer:
        opener = text[i : i + 1]
        i = ws(text, i + 1)
        if opener == "{":
            while text[i] == '"':
                start = i
                key, i = scanstring(text, i + 1)
                i = ws(text, ws(text, i) + 1)  # past the colon
                if key == step:
                    key_at = start
                    break
                i = ws(text, _scan_value(text, i)[1])
                if text[i] != ",":
                    return None
                i = ws(text, i + 1)
            else:
                return None
        elif opener == "[" and isinstance(step, int) and step >= 0 and text[i] != "]":
            for _ in range(step):
                i = ws(text, _scan_value(text, i)[1])
                if text[i] != ",":
                    return None
                i = ws(text, i + 1)
            key_at = None
        else:
            return None
    return i, key_at


class _Positions(dict[Pointer, Pos]):
    """A dict of positions that fills itself in as pointers are asked for."""

    def __init__(self, text: str, *, keys: bool):
        super().__init__()
        self._text = text
        self._keys = keys
        self._absent: set[Pointer] = set()

    def _lookup(self, pointer: Pointer) -> Pos | None:
        if dict.__contains__(self, pointer):
            return dict.__getitem__(self, pointer)
        if pointer in self._absent:
            return None
        found = _find(self._text, pointer)
        offset = None if found is None else found[1] if self._keys else found[0]
        if offset is None:
            self._absent.add(pointer)
            return None
        pos = line_col(self._text, offset)
        dict.__setitem__(self, pointer, pos)
        return pos

    def __contains__(self, pointer: object) -> bool:
        return isinstance(pointer, tuple) and self._lookup(pointer) is not None

    def __getitem__(self, pointer: Pointer) -> Pos:
        pos = self._lookup(pointer)
        if pos is None:
            raise KeyError(pointer)
        return pos

    def get(self, pointer: Pointer, default: Any = None) -> Any:
        pos = self._lookup(pointer)
        return default if pos is None else pos


def locate_valid(text: str) -> tuple[dict[Pointer, Pos], dict[Pointer, Pos]]:
    """Value and key positions (1-based line and column) by pointer, for valid JSON."""
    return _Positions(text, keys=False), _Positions(text, keys=True)
