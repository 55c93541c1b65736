"""Every loader problem, with its line and column, and nothing silently converted."""

import pytest

from claimcheck.loader import LoadError, load_document


def problems(text: str | bytes, name: str = "f.yaml") -> list[tuple[str, int, int]]:
    raw = text.encode() if isinstance(text, str) else text
    with pytest.raises(LoadError) as info:
        load_document(name, raw)
    return [(p.message, p.line, p.column) for p in info.value.problems]


def load(text: str, name: str = "f.yaml"):
    return load_document(name, text.encode()).data


def test_yaml_11_values_stay_the_text_typed():
    data = load("a: no\nb: on\nc: 010\nd: 1:30\ne: 2024-08-20\nf: 1.10\ng: yes\nh: .inf\n")
    assert data == {
        "a": "no",
        "b": "on",
        "c": "010",
        "d": "1:30",
        "e": "2024-08-20",
        "f": "1.10",
        "g": "yes",
        "h": ".inf",
    }


def test_yaml_12_core_scalars_resolve():
    assert load("a: true\nb: false\nc: 4\nd: -2\ne: null\nf: ~\ng:\n") == {
        "a": True,
        "b": False,
        "c": 4,
        "d": -2,
        "e": None,
        "f": None,
        "g": None,
    }


def test_quoted_scalars_are_always_text():
    assert load("a: 'true'\nb: \"4\"\n") == {"a": "true", "b": "4"}


def test_duplicate_keys_all_reported_with_positions():
    found = problems("name: a\nname: b\nnested:\n  count: 1\n  count: 2\n")
    assert [(line, col) for _, line, col in found] == [(2, 1), (5, 3)]
    assert "first at 1:1" in found[0][0]


def test_anchors_aliases_and_merge_keys_are_refused():
    found = problems("base: &b {x: 1}\nother:\n  <<: *b\n")
    assert ("anchor" in found[0][0], found[0][1:]) == (True, (1, 7))
    assert any("alias '*b'" in m and (line, col) == (3, 7) for m, line, col in found)
    assert any("merge key '<<'" in m and (line, col) == (3, 3) for m, line, col in found)


def test_tags_are_refused_never_constructed():
    found = problems("a: !!python/object/apply:os.system ['echo PWNED']\n")
    assert found[0][1:] == (1, 4) and "tag" in found[0][0]
    assert problems("a: !!int abc\n")[0][1:] == (1, 4)


def test_non_string_keys_are_refused():
    assert problems("1: a\n")[0][1:] == (1, 1)
    assert problems("true: a\n")[0][1:] == (1, 1)


def test_complex_keys_are_refused():
    assert problems("? [a, b]\n: c\n")[0][1:] == (1, 3)


def test_syntax_error_positions():
    assert problems("a:\n  b: 1\n c: 2\n")[0][1:] == (3, 2)
    assert problems("a:\n\tb: 1\n")[0] == (
        "YAML syntax error: a tab used for indentation: indent with spaces",
        2,
        1,
    )


def test_multiple_documents_and_empty_files():
    assert problems("a: 1\n---\nb: 2\n")[0][1:] == (2, 1)
    assert "empty" in problems("# only a comment\n")[0][0]
    assert "mapping" in problems("- a\n- b\n")[0][0]


def test_depth_limit():
    deep = "a: " + "[" * 200 + "]" * 200 + "\n"
    message, line, _ = problems(deep)[0]
    assert "nesting deeper than the limit of 64 (max-depth)" in message and line == 1


def test_huge_integers_are_refused():
    assert "too large" in problems("n: " + "9" * 5000 + "\n")[0][0]


def test_encoding_problems_name_the_byte():
    assert problems(b"a: caf\xe9\n")[0][1:] == (1, 7)
    assert "UTF-8" in problems(b"\xff\xfea\x00:\x00")[0][0]
    assert problems(b"a: x\x1by\n")[0][1:] == (1, 5)


def test_bom_crlf_and_missing_newline_change_nothing():
    plain = load("a: 1\nb: two\n")
    assert load_document("f.yaml", b"\xef\xbb\xbfa: 1\r\nb: two").data == plain


def test_json_is_parsed_as_json_with_positions():
    doc = load_document("f.json", b'{\n\t"a": {"b": [1, 2]}\n}\n')
    assert doc.data == {"a": {"b": [1, 2]}}
    assert doc.position(("a", "b", 1)) == (2, 17)
    assert doc.position(("a",), key=True) == (2, 2)


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ('{"a": 1, "a": 2}', (1, 10), "duplicate key"),
        ('{"a": NaN}', (1, 7), "NaN and Infinity are not JSON numbers"),
        ('{"a": -Infinity}', (1, 7), "NaN and Infinity are not JSON numbers"),
        ("{'a': 1}", (1, 2), "double quotes"),
        ('{"a": 1e400}', (1, 7), "out of range"),
        ('{"a": 1,}', (1, 9), "trailing comma"),
        ('{"a": [1,]}', (1, 10), "trailing comma"),
        ("{a: 1}", (1, 2), "expected a quoted key"),
        ('{"a": 1} // c', (1, 10), "comments are not allowed in JSON"),
        ('{"a": 1 /* c */}', (1, 9), "comments are not allowed in JSON"),
        ('{"a": @}', (1, 7), "unexpected character '@'"),
        ('{"a": ' + "[" * 100 + "]" * 100 + "}", (1, 70), "nesting"),
        ('"x"', (1, 1), "object"),
    ],
)
def test_json_problems(text, where, words):
    message, line, col = problems(text, "f.json")[0]
    assert (line, col) == where and words in message


def test_yaml_positions_for_keys_and_values():
    doc = load_document("f.yaml", b"a:\n  - x\n  - {b: 2}\n")
    assert doc.position(("a", 1, "b")) == (3, 9)
    assert doc.position(("a", 1, "b"), key=True) == (3, 6)
    assert doc.position(("a", 9)) == (2, 3)  # missing items fall back to their parent


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("a: b: c\n", (1, 5), "a value that holds ': ' must be quoted"),
        ("a: @x\n", (1, 4), "quote the value"),
        ("a: 'open\nb: 1\n", (1, 4), "the quote opened at 1:4 is never closed"),
        ("a:\n  b: 1\n c: 2\n", (3, 2), "check the indentation of this line"),
        ("%YAML 2.0\n---\na: 1\n", (1, 1), "remove the directive"),
        ("- " + "k" * 1100 + ": v\n", (1, 3), "key of 1,100 characters is over YAML's limit"),
        ("a: " + "[" * 2000 + "\n", (1, 1003), "nesting deeper than the limit of 64"),
    ],
)
def test_yaml_syntax_errors_say_what_to_change(text, where, words):
    message, line, col = problems(text)[0]
    assert (line, col) == where and words in message, message


@pytest.mark.parametrize("code", [*range(0x20), *range(0x7F, 0xA2), 0xC2, 0x2028, 0x10000])
def test_decode_refuses_exactly_the_control_characters(code: int):
    """The byte test that spares most files the search agrees with the pattern."""
    from claimcheck.loader.text import CONTROL_RE, decode

    text = f"a: 'x{chr(code)}é'\n"
    if CONTROL_RE.search(text):
        with pytest.raises(LoadError, match=f"control character U\\+{code:04X}"):
            decode(text.encode())
    else:
        assert decode(text.encode()) == text
