"""YAML through LibYAML's event stream, built into plain data by our own small composer.

Reading events instead of composing nodes lets us cap depth before LibYAML's recursive
composer can crash, refuse anchors, aliases and tags as they appear, and resolve plain
scalars by YAML 1.2 rules, keeping as text anything YAML 1.1 would have coerced.
A file with nothing to refuse is read faster by ``yamlfast``; this composer stays the
reference, and the one that reports every problem.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

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
from claimcheck.loader.text import CONTROL_RE, control_name
from claimcheck.loader.yamlfast import load_yaml_fast
from claimcheck.loader.yamlscalar import SURROGATE_RE, resolve_plain

try:
    _Parser: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without LibYAML
    _Parser = yaml.SafeLoader

_STR_TAGS = frozenset({None, "!", "tag:yaml.org,2002:str"})

# YAML ends a key written without '?' after 1,024 characters; LibYAML then reports the ':'.
_IMPLICIT_KEY_LIMIT = 1024
_KEY_HEAD_RE = re.compile(r"(\s*(?:-\s+)*[{\[,]?\s*)(.*)")
_KEY_ERRORS = (
    "mapping values are not allowed in this context",
    "did not find expected ',' or '}'",
    "could not find expected ':'",
)


class _TooManyError(Exception):
    """Enough problems for one file: stop reading, report what was found."""


def _syntax_problem(exc: yaml.YAMLError, text: str, limits: Limits) -> Problem:
    """LibYAML's error, said in words that tell an editor what to change."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", None) or exc)
    context = getattr(exc, "context", None)
    opened = getattr(exc, "context_mark", None)
    if mark is None:
        return Problem(f"YAML syntax error: {problem}", 1, 1)
    line, col = mark.line + 1, mark.column + 1
    lines = text.splitlines()
    line_text = lines[mark.line] if mark.line < len(lines) else ""
    message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    if problem.startswith("found character that cannot start any token") and (
        line_text[mark.column : mark.column + 1] == "\t"
    ):
        message = "YAML syntax error: a tab used for indentation: indent with spaces"
    elif problem == "found incompatible YAML document":
        message = (
            "YAML syntax error: the %YAML directive names a version this parser cannot read: "
            "remove the directive (claim files are read as YAML 1.2)"
        )
    elif problem.startswith("exceeded maximum nesting depth"):
        message = f"nesting deeper than {limits.cap('max_depth')}"
    elif problem in _KEY_ERRORS and line_text[mark.column : mark.column + 1] == ":":
        head = _KEY_HEAD_RE.match(line_text[: mark.column])
        assert head is not None  # the pattern matches any text
        # YAML's limit counts from the key's start to its ':', spaces included; text that
        # holds ': ' is a key and a value, not one long key.
        span = head.group(2)
        key = span.rstrip()
        if len(span) > _IMPLICIT_KEY_LIMIT and ": " not in key:
            col = len(head.group(1)) + 1
            gap = len(span) - len(key)
            spaces = f" and {gap:,} space{'s' if gap > 1 else ''} before its ':'" if gap else ""
            message = (
                f"key of {len(key):,} characters{spaces} is over YAML's limit of "
                f"{_IMPLICIT_KEY_LIMIT:,} for a key on one line (claimcheck allows "
                f"{limits.max_key_length:,}, max-key-length): shorten it"
            )
        elif problem == _KEY_ERRORS[0]:
            message += ": a value that holds ': ' must be quoted"
    elif context == "while scanning a quoted scalar" and opened is not None:
        # Reported where the quote opens: where the scanner gave up is often the file's end.
        line, col = opened.line + 1, opened.column + 1
        opening = lines[opened.line][opened.column : opened.column + 1] if lines else '"'
        message = (
            f"YAML syntax error: the quote opened at {line}:{col} is never closed (the parser "
            f"read on to {mark.line + 1}:{mark.column + 1}): end the value with {opening} on "
            "its line"
        )
    elif problem == "did not find expected key":
        message += ": check the indentation of this line"
    elif problem.startswith("found character") and "cannot start any token" in problem:
        message += ": quote the value"
    return Problem(message, line, col)


class _Frame:
    __slots__ = ("container", "first_keys", "key", "key_pos", "pointer")

    def __init__(self, container: Any, pointer: Pointer):
        self.container = container
        self.pointer = pointer
        self.key: str | None = None
        self.key_pos: Pos = (0, 0)
        self.first_keys: dict[str, Pos] = {}


def load_yaml(path: str, text: str, limits: Limits) -> Document:
    """LibYAML's C composer when nothing in the file can need a refusal, else the events."""
    doc = load_yaml_fast(path, text, limits)
    return doc if doc is not None else load_yaml_events(path, text, limits)


def load_yaml_events(path: str, text: str, limits: Limits) -> Document:
    """Compose from the event stream, keeping every position and reporting every problem."""
    values: dict[Pointer, Pos] = {}
    keys: dict[Pointer, Pos] = {}
    problems: list[Problem] = []
    stack: list[_Frame] = []
    root: Any = None
    have_root = False
    documents = 0
    anchors: dict[str, Pos] = {}
    parser = _Parser(text)

    def fail(message: str, pos: Pos, pointer: Pointer = ()) -> None:
        if len(problems) >= MAX_PROBLEMS:
            problems.append(too_many_problems(pos))
            raise _TooManyError
        problems.append(Problem(message, pos[0], pos[1], pointer_str(pointer)))

    def place(value: Any, pos: Pos) -> Pointer | None:
        """Attach a value to the open container; None when it was a key."""
        nonlocal root, have_root
        if not stack:
            root, have_root = value, True
            values[()] = pos
            return ()
        top = stack[-1]
        if isinstance(top.container, list):
            ptr = (*top.pointer, len(top.container))
            top.container.append(value)
            values[ptr] = pos
            return ptr
        if top.key is None:
            return None
        ptr = (*top.pointer, top.key)
        if top.key in top.first_keys:
            first = top.first_keys[top.key]
            fail(
                f"duplicate key {top.key!r} (first at {first[0]}:{first[1]}): "
                "keep one, nothing is merged",
                top.key_pos,
                ptr,
            )
        else:
            top.first_keys[top.key] = top.key_pos
            top.container[top.key] = value
            values[ptr] = pos
            keys[ptr] = top.key_pos
        top.key = None
        return ptr

    try:
        while parser.check_event():
            ev = parser.get_event()
            mark = ev.start_mark
            pos = (mark.line + 1, mark.column + 1)
            kind = type(ev).__name__
            if kind in ("StreamStartEvent", "StreamEndEvent", "DocumentEndEvent"):
                continue
            if kind == "DocumentStartEvent":
                documents += 1
                if documents > 1:
                    fail("a second YAML document ('---'): a claim file holds one document", pos)
                    break
                continue
            expecting_key = bool(
                stack and isinstance(stack[-1].container, dict) and stack[-1].key is None
            )
            if kind == "AliasEvent":
                undefined = "" if ev.anchor in anchors else f" (and no '&{ev.anchor}' defines it)"
                fail(f"alias '*{ev.anchor}' is not allowed{undefined}: write the value out", pos)
                if expecting_key:
                    break  # an alias as a key: the rest of the mapping cannot be followed
                place(None, pos)  # keep the structure in step, so later positions stay right
                continue
            anchor = getattr(ev, "anchor", None)
            if anchor is not None:
                first = anchors.setdefault(anchor, pos)
                again = f" (already defined at {first[0]}:{first[1]})" if first != pos else ""
                fail(f"anchor '&{anchor}' is not allowed{again}: write the value out", pos)
            if kind in ("MappingStartEvent", "SequenceStartEvent"):
                if ev.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                    fail(f"tag {ev.tag!r} is not allowed in a claim file", pos)
                if expecting_key:
                    fail("a mapping or list used as a key: keys must be plain text", pos)
                    break
                if len(stack) >= limits.max_depth:
                    fail(f"nesting deeper than {limits.cap('max_depth')}", pos)
                    break
                container: Any = {} if kind == "MappingStartEvent" else []
                ptr = place(container, pos)
                stack.append(_Frame(container, ptr if ptr is not None else ()))
                continue
            if kind in ("MappingEndEvent", "SequenceEndEvent"):
                stack.pop()
                continue
            # ScalarEvent
            raw: str = ev.value
            if ev.tag not in _STR_TAGS:
                fail(f"tag {ev.tag!r} is not allowed in a claim file: remove it", pos)
                value: Any = raw
            elif ev.tag is None and ev.style in (None, "") and ev.implicit[0]:
                try:
                    value = resolve_plain(raw)
                except ValueError as exc:
                    fail(str(exc), pos)
                    value = raw
            else:
                value = raw
            if isinstance(value, str):
                name = "max_key_length" if expecting_key else "max_scalar_length"
                limit = getattr(limits, name)
                if len(value) > limit:
                    what = "key" if expecting_key else "value"
                    fail(
                        f"{what} of {len(value):,} characters is longer than {limits.cap(name)}",
                        pos,
                    )
                    value = value[:limit]
                m = CONTROL_RE.search(value)
                if m:
                    fail(
                        f"control character {control_name(m.group())} (from an escape) "
                        "is not allowed",
                        pos,
                    )
                if SURROGATE_RE.search(value):
                    fail("a lone surrogate escape is not text", pos)
            if expecting_key:
                top = stack[-1]
                if not isinstance(value, str):
                    fail(f"key {raw!r} is not text: quote it", pos)
                    value = raw
                elif value == "<<" and ev.style in (None, ""):
                    fail("merge key '<<' is not allowed: write the keys out", pos)
                top.key, top.key_pos = value, pos
                continue
            place(value, pos)
    except _TooManyError:
        pass
    except yaml.YAMLError as exc:
        problems.append(_syntax_problem(exc, text, limits))
    finally:
        parser.dispose()

    if problems:
        raise LoadError(problems)
    if not have_root:
        raise LoadError([Problem("file is empty: a claim file is one YAML mapping", 1, 1)])
    if not isinstance(root, dict):
        line, col = values[()]
        raise LoadError([Problem("the top level must be a mapping (key: value)", line, col)])
    return Document(path, root, text, values, keys)
