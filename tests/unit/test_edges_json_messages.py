"""What the JSON loader says about the usual mistakes, and where (issue 21's survivors)."""

from __future__ import annotations

import pytest

from claimcheck.core.limits import DEFAULT_LIMITS
from claimcheck.loader.document import LoadError
from claimcheck.loader.jsonload import load_json

NAN = "NaN and Infinity are not JSON numbers: write a number, or quote the text"
COMMENT = "comments are not allowed in JSON: remove it (YAML claim files allow # comments)"
STRING = "unterminated string or raw control character in a string"


@pytest.mark.parametrize(
    ("text", "message", "column"),
    [
        ('{"a": "x\x01"}', STRING, 7),
        ('{"a": "b', STRING, 7),
        ('{"a": NaN}', NAN, 7),
        ('{"a": Infinity}', NAN, 7),
        ('{"a": -Infinity}', NAN, 7),
        ('{"a": 1} // c', COMMENT, 10),
        ('{"a": /* c */ 1}', COMMENT, 7),
        ("{'a': 1}", 'JSON strings are written in double quotes (")', 2),
        ('{"a": @}', "unexpected character '@'", 7),
        ('{"a": -x}', "unexpected character '-'", 7),
    ],
)
def test_a_json_mistake_is_named_at_its_column(text, message, column):
    with pytest.raises(LoadError) as caught:
        load_json("a.json", text, DEFAULT_LIMITS)
    assert [(p.message, p.line, p.column) for p in caught.value.problems] == [(message, 1, column)]
