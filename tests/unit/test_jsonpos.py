"""Positions found on demand in valid JSON agree with the explaining scanner's full map."""

import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.core.limits import Limits
from claimcheck.loader.jsonload import _scan
from claimcheck.loader.jsonpos import locate_valid

keys = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6)
numbers = st.integers(-(10**12), 10**12) | st.floats(allow_nan=False, allow_infinity=False)
scalars = st.none() | st.booleans() | numbers | keys
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=25,
)


def agree(text: str, rnd: random.Random | None = None) -> None:
    scan = _scan(text, Limits())
    assert not scan.problems
    values, keys_ = locate_valid(text)
    asked = list(scan.values.items())
    if rnd is not None:
        rnd.shuffle(asked)  # lookups resume where earlier ones stopped: any order must work
    for pointer, pos in asked:
        assert pointer in values and values[pointer] == pos and values.get(pointer) == pos
        assert (*pointer, "no such key") not in values
        assert (*pointer, 99) not in values
    for pointer, pos in scan.keys.items():
        assert keys_[pointer] == pos
    for pointer in set(scan.values) - set(scan.keys):
        assert pointer not in keys_
    assert values.get(("missing", 0), (1, 1)) == (1, 1)


@settings(max_examples=300, deadline=None)
@given(documents, st.sampled_from([None, 0, 1, 2]), st.booleans(), st.randoms())
def test_positions_match_the_scanner(doc, indent, ascii_only, rnd):
    text = json.dumps(doc, indent=indent, ensure_ascii=ascii_only, allow_nan=False)
    agree(text, rnd)


def test_escapes_brackets_in_strings_and_crlf():
    text = '{"a\\"b": [1, {"x\\\\": "y\\"]}", "z": [[], {}]}],\r\n "c": null, "\\u00e9": -1.5e3}'
    values, keys = locate_valid(text)
    assert keys[("c",)] == (2, 2)
    assert values[("é",)] == (2, 23)
    assert values[('a"b', 1, "z", 1)] == (1, text.index("{}") + 1)
    agree(text)
