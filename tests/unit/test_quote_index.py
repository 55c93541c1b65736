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
