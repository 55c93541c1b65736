"""Positions in JSON the C parser has already accepted, found only for the pointers asked.

Findings need line and column, but a file has few findings and many values. Instead of
scanning every token in Python, a lookup walks down its own path, stepping over the siblings
before it with the C scanner, and remembers where each child it passed starts, so the next
lookup resumes there: however many findings a file has, each value is stepped over at most
once per level above it. The explaining scanner in ``jsonload`` remains for files that fail
to parse.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right, insort
from collections.abc import Callable
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from claimcheck.loader.document import Pointer, Pos

_WS = re.compile(r"[ \t\n\r]*")
# Parse one value at an index and return it with the index after it, in C.
_scan_value: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def _ws(text: str, i: int) -> int:
    """The index of the first character at or after ``i`` that is not white space."""
    m = _WS.match(text, i)
    assert m is not None  # the pattern matches the empty string
    return m.end()


class _Children:
    """Where the children of one container start, found left to right as far as asked."""

    __slots__ = ("done", "items", "keys", "next", "pending")

    def __init__(self, first: int):
        self.items: list[int] = []  # in a list: the offset of each element
        self.keys: dict[str, tuple[int, int]] = {}  # in an object: value and key offsets
        self.next = first  # the next child, or the closing bracket
        self.pending: int | None = None  # a child found but not yet stepped over
        self.done = False

    def _step_over_pending(self, text: str) -> None:
        if self.pending is None:
            return
        end = _ws(text, _scan_value(text, self.pending)[1])
        self.pending = None
        if text[end] == ",":
            self.next = _ws(text, end + 1)
        else:
            self.done = True

    def element(self, text: str, index: int) -> int | None:
        while len(self.items) <= index:
            self._step_over_pending(text)
            if self.done or text[self.next] == "]":
                self.done = True
                return None
            self.items.append(self.next)
            self.pending = self.next
        return self.items[index]

    def member(self, text: str, key: str) -> tuple[int, int] | None:
        while key not in self.keys:
            self._step_over_pending(text)
            if self.done or text[self.next] != '"':
                self.done = True
                return None
            start = self.next
            name, end = scanstring(text, start + 1)
            value = _ws(text, _ws(text, end) + 1)  # past the colon
            self.keys.setdefault(name, (value, start))
            self.pending = value
        return self.keys[key]


class _Index:
    """The children found so far of every container a lookup went through."""

    def __init__(self, text: str):
        self.text = text
        self.containers: dict[int, _Children] = {}
        self._marks: list[tuple[int, int]] = [(0, 1)]  # (offset, line) of earlier lookups

    def position(self, offset: int) -> Pos:
        """1-based line and column of an offset, counting lines from the nearest earlier one."""
        k = bisect_right(self._marks, (offset, offset + 1)) - 1  # a line is at most offset + 1
        base, line = self._marks[k]
        line += self.text.count("\n", base, offset)
        insort(self._marks, (offset, line))
        return line, offset - (self.text.rfind("\n", 0, offset) + 1) + 1

    def find(self, pointer: Pointer) -> tuple[int, int | None] | None:
        """Offsets of the value at ``pointer`` and of its key (None in a list), or None."""
        text = self.text
        at = _ws(text, 0)
        key_at: int | None = None
        for step in pointer:
            opener = text[at : at + 1]
            if opener not in ("{", "["):
                return None
            children = self.containers.get(at)
            if children is None:
                children = self.containers[at] = _Children(_ws(text, at + 1))
            if opener == "{" and isinstance(step, str):
                found = children.member(text, step)
                if found is None:
                    return None
                at, key_at = found
            elif opener == "[" and isinstance(step, int) and step >= 0:
                element = children.element(text, step)
                if element is None:
                    return None
                at, key_at = element, None
            else:
                return None
        return at, key_at


class _Positions(dict[Pointer, Pos]):
    """A dict of positions that fills itself in as pointers are asked for."""

    def __init__(self, index: _Index, *, keys: bool):
        super().__init__()
        self._index = index
        self._keys = keys
        self._absent: set[Pointer] = set()

    def _lookup(self, pointer: Pointer) -> Pos | None:
        if dict.__contains__(self, pointer):
            return dict.__getitem__(self, pointer)
        if pointer in self._absent:
            return None
        found = self._index.find(pointer)
        offset = None if found is None else found[1] if self._keys else found[0]
        if offset is None:
            self._absent.add(pointer)
            return None
        pos = self._index.position(offset)
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
    index = _Index(text)
    return _Positions(index, keys=False), _Positions(index, keys=True)
