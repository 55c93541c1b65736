"""YAML through LibYAML's C composer, for the files that hold nothing to refuse.

The event composer in ``yamlload`` runs Python for every event. Most claim files hold no
anchor, alias, tag, repeated key or oversized value: for them LibYAML composes the node tree
in C, one walk builds the data, and the tree itself answers position queries later, so no
map of pointers is built. At the first doubt this path gives up and the event composer reads
the file, so every problem and message comes from one place and this path never reports
anything itself.
"""

from __future__ import annotations

import functools
import operator
import re
import threading
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from claimcheck.core.limits import Limits
from claimcheck.loader.document import Document, Pointer, Pos
from claimcheck.loader.text import CONTROL_RE
from claimcheck.loader.yamlscalar import INT_RE, MAX_INT_DIGITS, PLAIN_CONSTANTS, SURROGATE_RE

# An anchor, alias or tag starts a token, so it never follows a letter or a digit, and an
# anchor or alias has a name: text with no '!', '&name' or '*name' outside a word cannot hold
# one ("AT&T", "Yahoo!", "Procter & Gamble" and "5 * 3" stay on this path). The node tree
# keeps no trace of an anchor that is never used, so the text is what tells.
_MAYBE_PROPERTY = re.compile(r"(?<![0-9A-Za-z])(?:[&*][^ \t\r\n\[\]{},]|!)")
# Only a double-quoted escape can bring a control character or a lone surrogate into a value.
_ESCAPED_BAD = re.compile(f"{CONTROL_RE.pattern}|{SURROGATE_RE.pattern}")
_INT_START = frozenset("-0123456789")
_NESTING_PROBES = ("[" * 1001, "- " * 1001 + "x", "- " * 600 + "[" * 600)


class _UseEventsError(Exception):
    """The file may hold something to refuse: the event composer must read it."""


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _Composer(CParser):
        """LibYAML's composer with no Python resolver running per node.

        The composer calls ``descend_resolver(parent, index)``, ``ascend_resolver()`` and, for
        an untagged node, ``resolve(kind, value, implicit)``. ``operator.is_``, ``tuple`` and
        ``slice`` are C callables that take those arguments, so no Python frame runs per node;
        an untagged node's tag is then a ``slice`` and a written tag stays a ``str``.
        """

        resolve = staticmethod(slice)
        descend_resolver = staticmethod(operator.is_)
        ascend_resolver = staticmethod(tuple)


@functools.cache
def libyaml_caps_nesting() -> bool:
    """Whether this LibYAML stops at a thousand levels of flow and block nesting together.

    Its composer recurses in C, once per level (between 256 and 512 bytes of stack each,
    measured): only a parser that refuses deep input itself, as LibYAML 0.2.5 does, bounds
    that recursion to well under a megabyte, whatever the file holds.
    """
    if not yaml.__with_libyaml__:  # pragma: no cover - PyYAML built without LibYAML
        return False
    for probe in _NESTING_PROBES:
        try:
            CParser(probe).raw_parse()
        except yaml.YAMLError as exc:
            if "exceeded maximum nesting depth" not in str(exc):
                return False
        else:
            return False
    return True


def fast_path_allowed(text: str) -> bool:
    """Whether the C composer may read ``text``: nothing in it can need a refusal it would miss.

    Other threads may run on small stacks (128 KiB on musl, or ``threading.stack_size``), so
    the recursive composer runs only on the main thread, which has the process's stack.
    """
    if ("&" in text or "*" in text or "!" in text) and _MAYBE_PROPERTY.search(text):
        return False
    return threading.current_thread() is threading.main_thread() and libyaml_caps_nesting()


def load_yaml_fast(path: str, text: str, limits: Limits) -> Document | None:
    """The document, or None when the event composer must read the file.

    ``text`` is what ``decode`` returns, so it holds no raw control character.
    """
    if not fast_path_allowed(text):
        return None
    parser = _Composer(text)
    try:
        root = parser.get_single_node()
        if root is None or root.__class__ is not MappingNode:
            return None
        data = _build(root, limits, escapes="\\" in text)
    except (yaml.YAMLError, _UseEventsError, RecursionError):  # the event composer is flat
        return None
    finally:
        parser.dispose()
    return Document(path, data, text, _find=_TreePositions(root))


def _build(root: MappingNode, limits: Limits, *, escapes: bool) -> Any:
    """The data of a composed tree, resolved as the event composer resolves it."""
    max_depth = limits.max_depth
    max_key = limits.max_key_length
    max_scalar = limits.max_scalar_length
    constants = PLAIN_CONSTANTS
    int_match = INT_RE.match
    bad_char = _ESCAPED_BAD.search if escapes else None

    def scalar(node: ScalarNode) -> Any:
        if node.tag.__class__ is str:
            raise _UseEventsError
        value: str = node.value
        if node.style == "":  # plain: YAML 1.2 core, the rest stays the text typed
            if value in constants:
                return constants[value]
            if value[:1] in _INT_START and int_match(value):
                if len(value.lstrip("-")) > MAX_INT_DIGITS:
                    raise _UseEventsError
                return int(value)
        if len(value) > max_scalar or (bad_char is not None and bad_char(value)):
            raise _UseEventsError
        return value

    def build(node: Node, depth: int) -> Any:
        """A sequence or a mapping; a scalar child is read here, not by a call of its own."""
        if depth >= max_depth or node.tag.__class__ is str:
            raise _UseEventsError
        depth += 1
        if type(node) is SequenceNode:
            items = []
            for item in node.value:  # a loop, not a comprehension: one frame per level
                if type(item) is ScalarNode:
                    items.append(scalar(item))
                else:
                    items.append(build(item, depth))
            return items
        out = {}
        for key_node, value_node in node.value:
            # A key must be text: what `scalar` would resolve to anything else is refused.
            if type(key_node) is not ScalarNode or key_node.tag.__class__ is str:
                raise _UseEventsError
            key: str = key_node.value
            if key_node.style == "" and (
                key in constants or key == "<<" or (key[:1] in _INT_START and int_match(key))
            ):
                raise _UseEventsError
            if len(key) > max_key or (bad_char is not None and bad_char(key)):
                raise _UseEventsError
            if type(value_node) is ScalarNode:
                out[key] = scalar(value_node)
            else:
                out[key] = build(value_node, depth)
        if len(out) != len(node.value):  # a repeated key
            raise _UseEventsError
        return out

    return build(root, 0)


class _TreePositions:
    """``Document.position`` answered by walking the composed tree down the pointer."""

    def __init__(self, root: Node):
        self.root = root
        self.entries: dict[int, dict[str, tuple[Node, Node]]] = {}

    def _entries(self, node: Node) -> dict[str, tuple[Node, Node]]:
        found = self.entries.get(id(node))
        if found is None:
            found = self.entries[id(node)] = {k.value: (k, v) for k, v in node.value}
        return found

    def __call__(self, pointer: Pointer, key: bool) -> Pos:
        node = self.root
        key_node: Node | None = None
        for part in pointer:
            kind = node.__class__
            if kind is MappingNode and isinstance(part, str) and part in self._entries(node):
                key_node, node = self._entries(node)[part]
            elif kind is SequenceNode and isinstance(part, int) and 0 <= part < len(node.value):
                key_node, node = None, node.value[part]
            else:  # not in the file: the nearest existing parent answers
                key_node = None
                break
        mark = key_node.start_mark if key and key_node is not None else node.start_mark
        return mark.line + 1, mark.column + 1
