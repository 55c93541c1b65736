"""What the YAML loader says of a syntax error, word for word, and where.

LibYAML's messages name the parser's state ("while parsing a block mapping"); the loader adds
what an editor should change, and moves the position where the parser's is misleading (an
unclosed quote is reported where it opens). The child-process corpus (`test_bad_inputs.py`)
checks a few words of each; these tests pin the whole message in process.
"""

from __future__ import annotations

import pytest
import yaml

from claimcheck.core.limits import DEFAULT_LIMITS
from claimcheck.loader import LoadError, load_document
from claimcheck.loader.yamlload import _syntax_problem

E = "YAML syntax error: "
QUOTE_COLON = "a value that holds ': ' must be quoted"
NEXT_TOKEN = "while scanning for the next token"
INDENTATION = (
    f"{E}did not find expected key (while parsing a block mapping): check the indentation of"
    " this line"
)
KEY_LIMIT = (
    "key of {n} is over YAML's limit of 1,024 for a key on one line (claimcheck"
    " allows 256, max-key-length): shorten it"
)


def _problems(text: str) -> list[tuple[str, int, int]]:
    with pytest.raises(LoadError) as caught:
        load_document("a.yaml", text.encode("utf-8"), DEFAULT_LIMITS)
    return [(p.message, p.line, p.column) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        (
            "%YAML 2.0\n---\na: 1\n",
            (
                f"{E}the %YAML directive names a version this parser cannot read: remove the"
                " directive (claim files are read as YAML 1.2)"
            ),
            1,
            1,
        ),
        (
            "a: b: c\n",
            f"{E}mapping values are not allowed in this context: {QUOTE_COLON}",
            1,
            5,
        ),
        (
            "a: 'never closed\nb: 1\n",
            (
                f"{E}the quote opened at 1:4 is never closed (the parser read on to 3:1): end the"
                " value with ' on its line"
            ),
            1,
            4,
        ),
        (
            'a: "never closed\n',
            (
                f"{E}the quote opened at 1:4 is never closed (the parser read on to 2:1): end the"
                ' value with " on its line'
            ),
            1,
            4,
        ),
        (
            "a:\n  b: 1\n c: 2\n",
            INDENTATION,
            3,
            2,
        ),
        # The same error found at a ':' is still about indentation, not about a key's length.
        (
            "a: 1\n : b\n",
            INDENTATION,
            2,
            2,
        ),
        (
            "a: @b\n",
            f"{E}found character that cannot start any token ({NEXT_TOKEN}): quote the value",
            1,
            4,
        ),
        ("k" * 1025 + ": v\n", KEY_LIMIT.format(n="1,025 characters"), 1, 1),
        # YAML counts the spaces before the ':' too.
        (
            "k" * 1025 + "   : v\n",
            KEY_LIMIT.format(n="1,025 characters and 3 spaces before its ':'"),
            1,
            1,
        ),
        (
            "k" * 1024 + " : v\n",
            KEY_LIMIT.format(n="1,024 characters and 1 space before its ':'"),
            1,
            1,
        ),
        (
            "k" * 1023 + "  : v\n",
            KEY_LIMIT.format(n="1,023 characters and 2 spaces before its ':'"),
            1,
            1,
        ),
        # A long value that holds ': ' is a value to quote, not a key too long.
        (
            "k: " + "v" * 1021 + ": x\n",
            f"{E}mapping values are not allowed in this context: {QUOTE_COLON}",
            1,
            1025,
        ),
        (
            "k: " + "v" * 1022 + ": x\n",
            f"{E}mapping values are not allowed in this context: {QUOTE_COLON}",
            1,
            1026,
        ),
        ("  - " + "k" * 1030 + ": v\n", KEY_LIMIT.format(n="1,030 characters"), 1, 5),
        # LibYAML's own words, with its context in brackets, and nothing added.
        (
            "{a: 1 b: 2}\n",
            f"{E}did not find expected ',' or '}}' (while parsing a flow mapping)",
            1,
            8,
        ),
        ("[a, b\n", f"{E}did not find expected ',' or ']' (while parsing a flow sequence)", 2, 1),
        ("%TAG ! x\n%TAG ! y\n---\na: 1\n", f"{E}found duplicate %TAG directive", 2, 1),
    ],
)
def test_a_syntax_error_says_what_to_change(text, message, line, column):
    assert _problems(text) == [(message, line, column)]


def test_an_error_without_a_place_is_reported_at_the_files_start():
    problem = _syntax_problem(yaml.YAMLError("the stream broke"), "a: 1\n", DEFAULT_LIMITS)
    assert (problem.message, problem.line, problem.column) == (
        f"{E}the stream broke",
        1,
        1,
    )


def test_an_error_placed_only_by_its_context_is_reported_there():
    opened = yaml.Mark("a.yaml", 0, 2, 4, None, None)
    exc = yaml.MarkedYAMLError(context="while parsing x", context_mark=opened, problem="bad")
    problem = _syntax_problem(exc, "a: 1\nb: 2\nc: [\n", DEFAULT_LIMITS)
    assert (problem.message, problem.line, problem.column) == (
        f"{E}bad (while parsing x)",
        3,
        5,
    )
