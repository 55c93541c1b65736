"""Normalised comparison for quotes; look-alike characters reported, never normalised away."""

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.core.textnorm import _TYPOGRAPHY, lookalike_problems, normalise, skeleton
from claimcheck.rules.quotes import _Passages, _Text, difference


def test_normalise_typography_and_space():
    assert normalise("the  third\n“two‑plus–two”\u00a0dialogue — Kishida’s") == (
        'the third "two-plus-two" dialogue - Kishida\'s'
    )
    assert normalise("Curac\u0327ao") == "Curaçao"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Indіa", "Latin mixed with Cyrillic letters: 'і' (U+0456"),
        ("India\u200b", "invisible zero-width space (U+200B) at character 6"),
        ("Inde\u200f", "right-to-left mark, a bidi control (U+200F)"),
        ("Curac\u0327ao", "decomposed text, not Unicode NFC"),
        ("Ｉｎｄｉａ", "compatibility forms 'Ｉ' (U+FF29"),
        ("sourсe", "'с' (U+0441 CYRILLIC SMALL LETTER ES) at character 5"),
        ("Αthens", "Latin mixed with Greek letters"),
    ],
)
def test_lookalikes_are_named(text, needle):
    assert any(needle in p for p in lookalike_problems(text)), lookalike_problems(text)


@pytest.mark.parametrize("text", ["India", "Curaçao", "Москва", "Αθήνα", "Kòrsou", "São Paulo"])
def test_honest_text_passes(text):
    assert lookalike_problems(text) == []


def test_skeleton_only_suggests():
    assert skeleton("Indіa") == skeleton("India\u200b") == skeleton("Ｉｎｄｉａ") == "india"
    assert "Indіa" != "India"  # what decides a match is the text, never its skeleton


def test_elisions_must_keep_order():
    text = normalise("Japan and India convened in New Delhi on Tuesday")
    assert _Text(text).has("Japan ... New Delhi")
    assert _Text(text).has("Japan [...] on Tuesday")
    assert not _Text(text).has("New Delhi ... Japan")


def test_closest_passage_and_difference():
    text = normalise(
        "Opening words. Marking the third “two-plus-two” dialogue between the two nations "
        "since the talks were initiated. Closing words follow here."
    )
    quote = normalise('marking the fourth "two-plus-two" dialogue between the two nations')
    found = _Passages(text).closest(quote)
    assert found is not None
    passage, ratio = found
    assert passage == 'Marking the third "two-plus-two" dialogue between the two nations'
    assert 0.7 < ratio < 1
    assert difference(quote, passage) == "the article has 'third' where the quote has 'fourth'"
    assert difference("india", "India") == "they differ only in upper and lower case"
    assert _Passages(text).closest("zebras") is None


SPACES = "\t\n\r\x0b\x0c\x1c\x1f \x85\xa0\u1680\u2000\u2028\u3000"


@given(st.lists(st.sampled_from([*SPACES, "a", "B", "’", "“", "—", "e\u0301", "…"])).map("".join))
def test_normalise_splits_where_the_regular_expression_would(text):
    composed = unicodedata.normalize("NFC", text).translate(_TYPOGRAPHY)
    assert normalise(text) == re.sub(r"\s+", " ", composed).strip()
