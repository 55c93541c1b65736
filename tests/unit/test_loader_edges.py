"""What the JSON loader says about a broken claim file, and where: line, column and pointer.

The C parser refuses a broken file without saying much; the loader then scans it itself to
name each mistake at its position (`loader/jsonload.py`). These tests kill the mutants of
that scanner that survived the suite (docs/testing.md, "Mutation scores"): each puts a
mistake after the constructs the scanner must walk correctly to reach it, so a scanner that
loses its place reports the wrong thing or the wrong column.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from claimcheck.core.limits import DEFAULT_LIMITS, Limits
from claimcheck.loader import LoadError, load_document

NAN = "NaN and Infinity are not JSON numbers: write a number, or quote the text"


def _problems(text: str, limits: Limits = DEFAULT_LIMITS) -> list[tuple[str, int, int, str]]:
    """Each problem the loader finds in ``text`` as a .json file: message, line, column, pointer."""
    with pytest.raises(LoadError) as caught:
        load_document("a.json", text.encode("utf-8"), limits)
    return [(p.message, p.line, p.column, p.pointer) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("text", "message", "column"),
    [
        ("{a: 1}", "expected a quoted key", 2),
        ('{"a": 1, _b: 2}', "expected a quoted key", 10),
        ('{"a": 1, 2: 3}', "expected a quoted key", 10),
        ('{"a": 1, [: 3}', "expected a quoted key", 10),
        ('{"a" 1}', "expected ':' after the key", 6),
        ('{"a": 1 "b": 2}', "expected ',' or '}'", 9),
        ('{"a": [1 2]}', "expected ',' or ']'", 10),
        ('{"a": [1, 2,]}', "a comma before ']' (trailing comma): remove it", 13),
        ('{"a": {"b": 1,}}', "a comma before '}' (trailing comma): remove it", 15),
        ('{"a": 1} {"b": 2}', "extra data after the top-level value", 10),
        ('{"a": :}', "unexpected ':': expected a value", 7),
        ('{"a": ,}', "unexpected ',': expected a value", 7),
        ('{"a": }', "unexpected '}': expected a value", 7),
        ('{"a": [1, ]}', "a comma before ']' (trailing comma): remove it", 11),
    ],
)
def test_a_json_mistake_is_named_at_its_column(text, message, column):
    assert [p[:3] for p in _problems(text)] == [(message, 1, column)]


@pytest.mark.parametrize(
    "text",
    [
        '{"e": {}, "l": [], "n": [[], {}], "t": true, "f": false, "z": null, "x": NaN}',
        '{"e": {},\n "l": [],\n "n": [{"k": [1, -2.5e3, "s"]}, []],\n "x": NaN}',
    ],
)
def test_empty_containers_literals_and_nesting_do_not_hide_a_later_mistake(text):
    """The scanner walks every kind of value, then names the mistake after them."""
    last = text.splitlines()[-1]
    assert _problems(text) == [(NAN, text.count("\n") + 1, last.index("NaN") + 1, "")]


def test_a_duplicate_key_names_where_the_first_was_and_points_at_the_second():
    text = '{\n  "a": 1,\n  "b": [0, {"c": 1, "c": 2}],\n  "a": 3\n}'
    assert _problems(text) == [
        ("duplicate key 'c' (first at 3:13): keep one", 3, 21, "/b/1/c"),
        ("duplicate key 'a' (first at 2:3): keep one", 4, 3, "/a"),
    ]


def test_the_same_key_in_two_objects_is_no_duplicate():
    text = '{"o": {"a": 1}, "p": {"a": 2}, "q": [{"a": 1}, {"a": 2}], "a": 1, "a": 2}'
    first, second = text.index('"a": 1,'), text.rindex('"a": 2}')
    assert _problems(text) == [
        (f"duplicate key 'a' (first at 1:{first + 1}): keep one", 1, second + 1, "/a")
    ]


def test_after_too_many_problems_the_loader_says_so_and_stops():
    text = "{" + ", ".join(['"a": 1'] * 103) + "}"
    problems = _problems(text)
    assert len(problems) == 101
    assert problems[-1] == (
        "more than 100 problems: stopped here, fix these first",
        1,
        [m.start() for m in re.finditer('"a"', text)][101] + 1,
        "",
    )


@pytest.mark.parametrize(
    ("text", "message", "pointer"),
    [
        ('{"a": [0, 1' + "0" * 40 + "]}", "number with 41 characters is too large", "/a/1"),
        ('{"a": {"b": 1e999}}', "number 1e999 is out of range", "/a/b"),
        ('{"a": ["x", "\\ud800", 1e999]}', "a lone surrogate escape is not text", "/a/1"),
    ],
)
def test_a_value_json_cannot_hold_is_named_with_its_pointer(text, message, pointer):
    assert [(p[0], p[3]) for p in _problems(text)][:1] == [(message, pointer)]


def test_every_bad_value_is_reported_not_only_the_first():
    text = '{"a": 1e999, "b": "\\udc00", "c": 1e999}'
    assert [(p[0], p[2], p[3]) for p in _problems(text)] == [
        ("number 1e999 is out of range", 7, "/a"),
        ("a lone surrogate escape is not text", 19, "/b"),
        ("number 1e999 is out of range", 34, "/c"),
    ]


def test_nesting_deeper_than_the_limit_is_named_with_the_limit_and_the_pointer():
    limits = dataclasses.replace(DEFAULT_LIMITS, max_depth=2)
    assert _problems('{"a": [{"b": 1}], "c": 1}', limits) == [
        ("nesting deeper than the limit of 2 (max-depth)", 1, 8, "/a/0")
    ]


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [('{"a": 1', 1, 8), ('{"a": [1,\n 2]', 2, 4), ('{"a": {"b": "c"}\n', 2, 1), ('{"a"', 1, 5)],
)
def test_a_file_that_stops_early_is_reported_at_its_end(text, line, column):
    assert _problems(text) == [("unexpected end of file", line, column, "")]


def test_a_hundred_problems_and_an_early_end_say_there_are_more():
    """The end of the file is the 101st problem: the loader says it stopped, and where."""
    text = "{" + ", ".join(['"a": 1'] * 101)
    problems = _problems(text)
    assert len(problems) == 101
    assert problems[-1] == (
        "more than 100 problems: stopped here, fix these first",
        1,
        len(text) + 1,
        "",
    )


def test_a_bare_word_as_a_value_is_an_unexpected_character_not_a_key():
    assert _problems('{"a": yes}') == [("unexpected character 'y'", 1, 7, "")]


def test_a_number_of_forty_characters_is_not_too_large():
    text = '{"a": ' + "1" * 40 + ', "b": NaN}'
    assert [p[0] for p in _problems(text)] == [NAN]


def test_the_last_surrogate_code_point_is_a_lone_surrogate_too():
    text = '{"a": "\\udfff", "b": NaN}'
    assert [p[0] for p in _problems(text)] == ["a lone surrogate escape is not text", NAN]


def test_a_bad_value_deep_in_a_list_points_at_its_own_index():
    text = '{"a": [0, 1, 2, 1e999]}'
    assert _problems(text) == [("number 1e999 is out of range", 1, 17, "/a/3")]


@pytest.mark.parametrize(
    ("number", "value"),
    [("1" * 40, int("1" * 40)), ("1.5", 1.5), ("1E5", 100000.0), ("-2e-3", -0.002)],
)
def test_a_number_json_can_hold_is_read_as_written(number, value):
    doc = load_document("a.json", f'{{"a": {number}}}'.encode())
    assert doc.data == {"a": value}
    assert type(doc.data["a"]) is type(value)


def test_a_file_nested_exactly_to_the_limit_loads():
    limits = dataclasses.replace(DEFAULT_LIMITS, max_depth=3)
    doc = load_document("a.json", b'{"a": {"b": {"c": 1}}}', limits)
    assert doc.data == {"a": {"b": {"c": 1}}}
    assert _problems('{"a": {"b": {"c": {}}}}', limits) == [
        ("nesting deeper than the limit of 3 (max-depth)", 1, 19, "/a/b/c")
    ]


def test_an_empty_json_file_is_reported_at_its_start():
    assert _problems(" \n") == [("file is empty: a claim file is one JSON object", 1, 1, "")]


@pytest.mark.parametrize("text", ["[1]", '"a"', "1"])
def test_a_json_file_whose_top_level_is_not_an_object_is_refused_at_its_start(text):
    assert _problems(text) == [("the top level must be an object ({...})", 1, 1, "")]


def test_the_loaders_names_are_its_documents_and_an_unknown_name_is_refused():
    """`claimcheck.loader` gives its names on first use (a cached run parses nothing)."""
    import claimcheck.loader as loader
    from claimcheck.loader import document, load

    assert loader.Document is document.Document
    assert loader.Problem is document.Problem
    assert loader.load_document is load.load_document
    with pytest.raises(AttributeError, match=r"^module 'claimcheck\.loader' has no attribute 'x'$"):
        loader.x  # noqa: B018


@pytest.mark.parametrize("compose", ["fast", "events"])
def test_an_integer_of_eighteen_digits_is_read_and_one_of_nineteen_is_refused(compose):
    """Both composers: LibYAML's (most files) and the event stream's (the others)."""
    from claimcheck.loader import yamlload

    def load(text: bytes):
        if compose == "fast":
            return load_document("a.yaml", text)
        return yamlload.load_yaml_events("a.yaml", text.decode(), DEFAULT_LIMITS)

    doc = load(b"n: 123456789012345678\nm: -123456789012345678\n")
    assert doc.data == {"n": 123456789012345678, "m": -123456789012345678}
    with pytest.raises(LoadError) as refused:
        load(b"n: 1234567890123456789\n")
    assert [(p.message, p.line, p.column) for p in refused.value.problems] == [
        ("integer with 19 digits is too large", 1, 4)
    ]


@pytest.mark.parametrize("text", ["", "  \n", "# only a comment\n"])
def test_an_empty_file_is_refused_at_its_first_character(text):
    from claimcheck.loader import yamlload

    with pytest.raises(LoadError) as refused:
        yamlload.load_yaml_events("a.yaml", text, DEFAULT_LIMITS)
    assert [(p.message, p.line, p.column) for p in refused.value.problems] == [
        ("file is empty: a claim file is one YAML mapping", 1, 1)
    ]
