"""The quote index finds what a plain search finds, without scanning the text per quote."""

import pytest

from claimcheck.rules import quotes
from claimcheck.rules.quotes import _Text

TEXT = (
    "The foreign and defense ministers of Japan and India convened in New Delhi on Tuesday "
    "for security talks. Japanese Prime Minister Fumio Kishida’s administration has placed "
    "considerable emphasis on strengthening ties."
)


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("convened in New Delhi on Tuesday", True),
        ("Fumio Kishida’s administration", True),
        ("ishida’s administration has placed", True),  # starts inside a word: plain search
        ("The foreign ... ministers of Japan ... on Tuesday", True),
        ("on Tuesday ... The foreign and defense", False),  # elided parts keep their order
        ("convened in New Delhi on Wednesday", False),
        ("Delhi", True),  # shorter than the index key
    ],
)
def test_found_like_a_plain_search(quote, found):
    assert _Text(TEXT).has(quote) is found


def test_a_very_long_text_is_not_scanned_for_each_quote(monkeypatch):
    monkeypatch.setattr(quotes, "_SCAN_LIMIT", len(TEXT) - 1)
    text = _Text(TEXT)
    assert text.has("Fumio Kishida’s administration")  # at a word: the index finds it
    assert not text.has("ishida’s administration has placed")  # inside a word: not scanned


def test_many_quotes_that_begin_alike_are_told_apart():
    # Over 32 word starts share the first 16 characters: the index splits them further.
    sentences = [f"the meeting number {n} of the series took place." for n in range(200)]
    text = _Text(" ".join(sentences))
    assert all(text.has(f"the meeting number {n} of the series") for n in range(200))
    assert not text.has("the meeting number 200 of the series")
    assert text.has("the meeting number 7 of the series ... number 150 of")
    assert not text.has("the meeting number 150 of the series ... number 7 of")
