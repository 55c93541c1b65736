"""The fast JSON position pass agrees with the explaining scanner on every valid document."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.limits import Limits
from claimcheck.loader.jsonload import _scan
from claimcheck.loader.jsonpos import locate_valid

keys = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6)
scalars = st.none() | st.booleans() | st.integers(-(10**12), 10**12) | keys
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(documents, st.sampled_from([None, 0, 1, 2]), st.booleans())
def test_positions_match_the_scanner(doc, indent, ascii_only):
    text = json.dumps(doc, indent=indent, ensure_ascii=ascii_only)
    scan = _scan(text, Limits())
    assert not scan.problems
    assert locate_valid(text) == (scan.values, scan.keys)


def test_escapes_brackets_in_strings_and_crlf():
    text = '{"a\\"b": [1, {"x\\\\": "y\\"]}", "z": [[], {}]}],\r\n "c": null, "\\u00e9": -1.5e3}'
    values, keys = locate_valid(text)
    assert keys[("c",)] == (2, 2)
    assert values[("é",)] == (2, 23)
    assert values[('a"b', 1, "z", 1)] == (1, text.index("{}") + 1)
    assert (values, keys) == (_scan(text, Limits()).values, _scan(text, Limits()).keys)
