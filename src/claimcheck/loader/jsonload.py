"""JSON through the C parser for speed, and a small scanner for positions and precise errors.

The scanner only runs when a position is needed: on an error, or when a finding points into
the file. It is iterative, so depth cannot overflow the interpreter's stack.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from typing import Any

from claimcheck.core.limits import Limits
from claimcheck.loader.document import (
    MAX_PROBLEMS,
    Document,
    LoadError,
    Pointer,
    Pos,
    Problem,
    pointer_str,
    too_many_problems,
)
from claimcheck.loader.jsonpos import locate_valid

_TOKEN = re.compile(
    r"""(?P<ws>[ \t\n\r]+)
    |(?P<str>"(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*")
    |(?P<num>-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)
    |(?P<punct>[{}\[\]:,])
    |(?P<lit>true|false|null)""",
    re.VERBOSE,
)
_MAX_NUMBER_CHARS = 40


def _unexpected(text: str, i: int) -> str:
    """Why the character at ``i`` cannot start a JSON token, naming the usual culprits."""
    ch = text[i]
    if ch == '"':
        return "unterminated string or raw control character in a string"
    if text.startswith(("NaN", "Infinity", "-Infinity"), i):
        return "NaN and Infinity are not JSON numbers: write a number, or quote the text"
    if text.startswith(("//", "/*"), i):
        return "comments are not allowed in JSON: remove it (YAML claim files allow # comments)"
    if ch == "'":
        return 'JSON strings are written in double quotes (")'
    return f"unexpected character {ch!r}"


class _FastPathError(Exception):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _FastPathError
    return out


def _constant(_: str) -> Any:
    raise _FastPathError


def _number(text: str) -> Any:
    if len(text) > _MAX_NUMBER_CHARS:
        raise _FastPathError
    value = float(text) if any(c in text for c in ".eE") else int(text)
    if isinstance(value, float) and not math.isfinite(value):
        raise _FastPathError
    return value


class _Scan:
    """A full JSON parser that records positions and explains what it refuses."""

    def __init__(self, text: str, limits: Limits):
        self.text = text
        self.limits = limits
        self.lines = [0] + [m.end() for m in re.finditer("\n", text)]
        self.values: dict[Pointer, Pos] = {}
        self.keys: dict[Pointer, Pos] = {}
        self.problems: list[Problem] = []

    def pos(self, index: int) -> Pos:
        n = bisect_right(self.lines, index)
        return n, index - self.lines[n - 1] + 1

    def fail(self, message: str, index: int, pointer: Pointer = ()) -> None:
        if len(self.problems) > MAX_PROBLEMS:
            return
        if len(self.problems) == MAX_PROBLEMS:
            self.problems.append(too_many_problems(self.pos(index)))
            return
        line, col = self.pos(index)
        self.problems.append(Problem(message, line, col, pointer_str(pointer)))

    def run(self) -> None:
        text, n, i = self.text, len(self.text), 0
        # Each frame: [pointer, is_object, count, seen_keys, expect]
        stack: list[list[Any]] = []
        expect = "value"
        pending_key: str | None = None
        root_done = False
        while len(self.problems) <= MAX_PROBLEMS:
            m = _TOKEN.match(text, i)
            if m is None:
                if i >= n:
                    break
                bare_key = expect == "key" and (text[i].isalpha() or text[i] == "_")
                self.fail("expected a quoted key" if bare_key else _unexpected(text, i), i)
                return
            kind = m.lastgroup
            tok = m.group()
            start, i = i, m.end()
            if kind == "ws":
                continue
            if root_done:
                self.fail("extra data after the top-level value", start)
                return
            top = stack[-1] if stack else None
            if expect == "key":
                if kind == "punct" and tok == "}" and top is not None:
                    if top[2] > 0:
                        self.fail("a comma before '}' (trailing comma): remove it", start)
                        return
                    stack.pop()
                    expect, root_done = self._after_value(stack)
                    continue
                if kind != "str":
                    self.fail("expected a quoted key", start)
                    return
                pending_key = json.loads(tok)
                assert top is not None
                ptr: Pointer = (*top[0], pending_key)
                if pending_key in top[3]:
                    line, col = top[3][pending_key]
                    self.fail(
                        f"duplicate key {pending_key!r} (first at {line}:{col}): keep one",
                        start,
                        ptr,
                    )
                else:
                    top[3][pending_key] = self.pos(start)
                    self.keys[ptr] = self.pos(start)
                expect = "colon"
                continue
            if expect == "colon":
                if tok != ":":
                    self.fail("expected ':' after the key", start)
                    return
                expect = "value"
                continue
            if expect == "comma":
                assert top is not None
                close = "}" if top[1] else "]"
                if tok == ",":
                    expect = "key" if top[1] else "value"
                    top[2] += 1
                    continue
                if tok == close:
                    stack.pop()
                    expect, root_done = self._after_value(stack)
                    continue
                self.fail(f"expected ',' or '{close}'", start)
                return
            # expect == "value"
            if top is None:
                ptr = ()
            elif top[1]:
                ptr = (*top[0], pending_key if pending_key is not None else "")
            else:
                ptr = (*top[0], top[2])
            if kind == "punct" and tok == "]" and top is not None and not top[1]:
                if top[2] > 0:
                    self.fail("a comma before ']' (trailing comma): remove it", start)
                    return
                stack.pop()
                expect, root_done = self._after_value(stack)
                continue
            if ptr not in self.values:
                self.values[ptr] = self.pos(start)
            if kind == "punct" and tok in "{[":
                if len(stack) >= self.limits.max_depth:
                    self.fail(f"nesting deeper than {self.limits.cap('max_depth')}", start, ptr)
                    return
                stack.append([ptr, tok == "{", 0, {}, None])
                expect = "key" if tok == "{" else "value"
                continue
            if kind == "num":
                if len(tok) > _MAX_NUMBER_CHARS:
                    self.fail(f"number with {len(tok)} characters is too large", start, ptr)
                elif not math.isfinite(float(tok)):
                    self.fail(f"number {tok} is out of range", start, ptr)
            elif kind == "str":
                value = json.loads(tok)
                if any("\ud800" <= c <= "\udfff" for c in value):
                    self.fail("a lone surrogate escape is not text", start, ptr)
            elif kind != "lit":
                self.fail(f"unexpected {tok!r}: expected a value", start)
                return
            expect, root_done = self._after_value(stack)
        if (stack or not root_done) and len(self.problems) <= MAX_PROBLEMS:
            self.fail("unexpected end of file", n)

    @staticmethod
    def _after_value(stack: list[list[Any]]) -> tuple[str, bool]:
        return ("comma", False) if stack else ("done", True)


def _deeper_than(data: Any, limit: int) -> bool:
    """Whether containers nest deeper than ``limit``; level by level, stops at the first excess.

    One list per level and no tuple per container: this walk runs on every JSON file.
    """
    level = [data]
    depth = 1
    while level:
        if depth > limit:
            return True
        below = []
        for node in level:
            for child in node.values() if type(node) is dict else node:
                if type(child) is dict or type(child) is list:
                    below.append(child)
        level = below
        depth += 1
    return False


def _scan(text: str, limits: Limits) -> _Scan:
    scan = _Scan(text, limits)
    scan.run()
    return scan


def load_json(path: str, text: str, limits: Limits) -> Document:
    if not text.strip():
        raise LoadError([Problem("file is empty: a claim file is one JSON object", 1, 1)])
    try:
        data = json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_constant=_constant,
            parse_int=_number,
            parse_float=_number,
        )
    except (_FastPathError, RecursionError, json.JSONDecodeError) as exc:
        scan = _scan(text, limits)
        if scan.problems:
            raise LoadError(scan.problems) from None
        if isinstance(exc, json.JSONDecodeError):
            raise LoadError(
                [Problem(f"JSON syntax error: {exc.msg}", exc.lineno, exc.colno)]
            ) from None
        raise LoadError([Problem("JSON could not be read", 1, 1)]) from None
    if not isinstance(data, dict):
        raise LoadError([Problem("the top level must be an object ({...})", 1, 1)])
    if _deeper_than(data, limits.max_depth):
        raise LoadError(_scan(text, limits).problems)

    def locate() -> tuple[dict[Pointer, Pos], dict[Pointer, Pos]]:
        return locate_valid(text)

    doc = Document(path, data, text)
    doc._locate = locate
    return doc
