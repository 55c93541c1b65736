"""Positions of every key and value in JSON the C parser has already accepted.

Findings need line and column, but most JSON files load without a problem, so positions are
computed only when a finding asks, and then by one regular-expression pass that trusts the
syntax: no value is decoded, no error is looked for. The explaining scanner in ``jsonload``
remains for files that fail to parse; this one is several times faster on the others.
"""

from __future__ import annotations

import json
import re

from claimcheck.loader.document import Pointer, Pos

# A key with its colon (group 1), a string, an opening or closing bracket, or a number or
# literal. Commas, colons after values and white space match nothing and are skipped.
_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_TOKEN = re.compile(rf'({_STRING})\s*:|{_STRING}|[\[{{\]}}]|[^\s{{}}\[\],:"]+', re.DOTALL)


def locate_valid(text: str) -> tuple[dict[Pointer, Pos], dict[Pointer, Pos]]:
    """Value and key positions (1-based line and column) by pointer, for valid JSON."""
    values: dict[Pointer, Pos] = {}
    keys: dict[Pointer, Pos] = {}
    pointers: list[Pointer] = []  # of the open containers
    counters: list[int] = []  # next index in each open list; -1 for an object
    key: str | int = ""
    line, line_start, scanned = 1, 0, 0
    count = text.count
    for m in _TOKEN.finditer(text):
        start = m.start()
        newlines = count("\n", scanned, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", scanned, start) + 1
        scanned = start
        raw = m.group(1)
        if raw is not None:
            key = json.loads(raw) if "\\" in raw else raw[1:-1]
            keys[(*pointers[-1], key)] = (line, start - line_start + 1)
            continue
        c = text[start]
        if c == "]" or c == "}":  # noqa: PLR1714 - one character, no set needed
            pointers.pop()
            counters.pop()
            continue
        if not pointers:
            ptr: Pointer = ()
        elif counters[-1] < 0:
            ptr = (*pointers[-1], key)
        else:
            index = counters[-1]
            counters[-1] = index + 1
            ptr = (*pointers[-1], index)
        values.setdefault(ptr, (line, start - line_start + 1))
        if c == "{":
            pointers.append(ptr)
            counters.append(-1)
        elif c == "[":
            pointers.append(ptr)
            counters.append(0)
    return values, keys
