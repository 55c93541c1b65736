"""The quote index finds what a plain search finds, without scanning the text per quote."""

import re
from difflib import SequenceMatcher

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from claimcheck.rules import quotes
from claimcheck.rules.quotes import _Passages, _Text

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
        ("defense ministers of Japan ... Japan and India", False),  # and do not overlap
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


WORDS = st.sampled_from(["the", "The", "of", "Country", "7,", "met", "in", "Delhi", "x", "..."])
TEXTS = st.lists(WORDS, max_size=60).map(" ".join)


@given(text=TEXTS, quote=st.lists(WORDS, min_size=1, max_size=12))
# A run of the article that grows a second end: its state is split (cloned), and the runs
# that led to the old state must lead to the clone, or "of the" is found one word early.
@example(text="the the the of met the of the met the met met the the", quote=["of", "the", "the"])
def test_the_longest_shared_run_is_difflibs(text, quote):
    article = text.casefold().split()
    words = " ".join(quote).casefold().split(" ")
    expected = SequenceMatcher(None, words, article, autojunk=False).find_longest_match(
        0, len(words), 0, len(article)
    )
    assert _Passages(text).longest_match(words) == tuple(expected)


def _closest_by_every_window(text: str, quote: str) -> tuple[str, float] | None:
    """The closest passage as found by comparing every window in full: the reference."""
    raw, article = text.split(), text.casefold().split()
    words = quote.casefold().split(" ")
    a, b, size = SequenceMatcher(None, words, article, autojunk=False).find_longest_match(
        0, len(words), 0, len(article)
    )
    if size == 0:
        return None
    best = (-1.0, "")
    for shift in range(-3, 4):
        for extra in range(-3, 4):
            lo = max(0, b - a + shift)
            hi = min(len(article), lo + len(words) + extra)
            if hi > lo:
                ratio = SequenceMatcher(None, words, article[lo:hi], autojunk=False).ratio()
                best = max(best, (ratio, " ".join(raw[lo:hi])))
    return best[1], best[0]


@given(text=TEXTS, quote=st.lists(WORDS, min_size=1, max_size=15).map(" ".join))
def test_the_closest_passage_is_the_one_every_window_would_give(text, quote):
    assert _Passages(text).closest(quote) == _closest_by_every_window(text, quote)


def _plain_search(text: str, quote: str, *, long: bool) -> bool:
    """Where a quote may stand: anywhere, or in a very long text at a word (a long quote)."""
    if not long or len(quote) < 4:
        return quote in text
    return any(text.startswith(quote, m.start()) for m in re.finditer(r"\S+", text))


@pytest.mark.parametrize(("near", "scans", "long"), [(512, 4, False), (3, 0, False), (3, 0, True)])
@given(text=TEXTS, said=st.lists(st.lists(WORDS, min_size=1, max_size=6), max_size=12))
def test_quotes_in_any_order_are_found_as_a_plain_search_finds_them(near, scans, long, text, said):
    """Near the last quote, by a whole-text search, or through the index: the same answer."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(quotes, "_KEY", 4)  # short keys, so the index is used
        patch.setattr(quotes, "_NEAR", near)
        patch.setattr(quotes, "_SCANS", scans)
        if long:
            patch.setattr(quotes, "_SCAN_LIMIT", 0)  # every text is very long
        found = _Text(text)
        for words in said:
            quote = " ".join(w for w in words if w != "...") or "x"
            assert found.has(quote) is _plain_search(text, quote, long=long)


def test_a_quote_that_opens_a_very_long_article_is_placed_at_its_start(monkeypatch):
    monkeypatch.setattr(quotes, "_SCAN_LIMIT", 0)  # every text is very long: quotes start at words
    article = "Ministers met in Delhi. Ministers met in Delhi again the next day."
    places = quotes.locate_quotes(article, ["Ministers met in Delhi", "Ministers met in Delhi"])
    assert places.spans == (((0, 22),), ((0, 22),))


def test_in_a_very_long_article_a_repeated_quote_is_placed_next_to_the_quote_before(monkeypatch):
    """The second quote stands twice: next to the first quote is where the claim means it.
    A quote that starts inside a word is not found at all in a very long article."""
    monkeypatch.setattr(quotes, "_SCAN_LIMIT", 0)  # every text is very long: quotes start at words
    monkeypatch.setattr(quotes, "_NEAR", 20)
    article = (
        "In the morning of a long day of talks, the ministers met in Delhi on Tuesday. "
        "The talks went on, and ministers met in Delhi on Tuesday again."
    )
    said = ["The talks went on", "ministers met in Delhi on Tuesday", "inisters met in Delhi on"]
    first = article.index("The talks")
    second = article.index("ministers", first)
    places = quotes.locate_quotes(article, said)
    assert places.spans == (((first, first + 17),), ((second, second + 33),), None)
    assert article.index("ministers") < first  # the first place it stands, not chosen


def test_in_a_very_long_article_quotes_that_begin_alike_are_told_apart(monkeypatch):
    """Over 32 word starts share the first 16 characters: the index splits them further."""
    monkeypatch.setattr(quotes, "_SCAN_LIMIT", 0)  # every text is very long: quotes start at words
    monkeypatch.setattr(quotes, "_NEAR", 0)  # nothing is looked for next to the quote before
    article = " ".join(f"the meeting number {n} of the series took place." for n in range(200))
    said = [f"the meeting number {n} of the series" for n in (150, 7, 99, 200)]
    places = quotes.locate_quotes(article, said)
    spans = [((article.index(quote), article.index(quote) + len(quote)),) for quote in said[:3]]
    assert places.spans == (*spans, None)
    assert [article[a:b] for ((a, b),) in spans] == said[:3]


@pytest.mark.parametrize(("budget", "looked_for"), [(32, True), (31, False)])
def test_a_quote_costs_a_step_for_each_of_up_to_32_places_it_may_start(
    monkeypatch, budget, looked_for
):
    """32 word starts alike in their first 16 characters are each looked at; past the
    budget, the quote is reported as not looked for."""
    monkeypatch.setattr(quotes, "_SCAN_LIMIT", 0)  # every text is very long: quotes start at words
    monkeypatch.setattr(quotes, "_NEAR", 0)  # nothing is looked for next to the quote before
    monkeypatch.setattr(quotes, "_FIND_BUDGET", budget)
    article = " ".join(f"the meeting number {n} of the series took place." for n in range(32))
    quote = "the meeting number 31 of the series"
    places = quotes.locate_quotes(article, [quote])
    at = article.index(quote)
    assert places.spans == ((((at, at + len(quote)),),) if looked_for else (None,))
    assert places.unsearched == (frozenset() if looked_for else frozenset({0}))


@pytest.mark.parametrize(("budget", "looked_for"), [(64, True), (63, False)])
def test_a_long_quote_costs_a_step_per_64_characters_for_each_place_it_may_start(
    monkeypatch, budget, looked_for
):
    """A quote of 64 to 127 characters: two steps at each of the 32 places."""
    monkeypatch.setattr(quotes, "_SCAN_LIMIT", 0)  # every text is very long: quotes start at words
    monkeypatch.setattr(quotes, "_NEAR", 0)  # nothing is looked for next to the quote before
    monkeypatch.setattr(quotes, "_FIND_BUDGET", budget)
    article = " ".join(
        f"the meeting number {n} of the long series of talks between the two countries ended."
        for n in range(32)
    )
    quote = "the meeting number 31 of the long series of talks between the two"
    assert 64 <= len(quote) < 128
    places = quotes.locate_quotes(article, [quote])
    at = article.index(quote)
    assert places.spans == ((((at, at + len(quote)),),) if looked_for else (None,))


def test_after_a_quote_found_elsewhere_the_next_is_looked_for_where_the_one_before_was(
    monkeypatch,
):
    """The first quote ends just past the article's first stretch: found elsewhere. The next
    quote, said twice, is placed in that first stretch, next to where the claims began."""
    monkeypatch.setattr(quotes, "_NEAR", 10)
    article = "ab cd, and Xy zw then ab cd."
    places = quotes.locate_quotes(article, ["Xy zw", "ab cd"])
    assert places.spans == (((11, 16),), ((0, 5),))


def test_the_first_five_quotes_found_elsewhere_are_placed_where_a_plain_search_finds_them(
    monkeypatch,
):
    """Whole-text searches up to four times the article's length: the fifth quote found
    elsewhere is still placed where `str.find` places it, inside a word; the sixth is looked
    up in the index of word starts."""
    monkeypatch.setattr(quotes, "_NEAR", 0)  # nothing is looked for next to the quote before
    quote = "ministers met in Delhi"
    article = f"First: alpha beta gamma delta. The x{quote} story: {quote} on Tuesday, {quote}."
    places = quotes.locate_quotes(article, ["alpha", "beta", "gamma", "delta", quote, quote])
    inside, at_word = article.index(quote), article.index(f" {quote}") + 1
    assert places.spans[4:] == (((inside, inside + 22),), ((at_word, at_word + 22),))


@pytest.mark.parametrize(
    ("quote", "span"),
    [
        ("ministers met in", None),  # 16 characters, only inside a word: not looked for there
        ("Ministers of both countries ... met", ((0, 27), (28, 31))),  # it opens the article
    ],
)
def test_in_a_very_long_article_a_quote_is_found_only_where_a_word_starts(monkeypatch, quote, span):
    monkeypatch.setattr(quotes, "_SCAN_LIMIT", 0)  # every text is very long: quotes start at words
    article = "Ministers of both countries met; the xministers met in Delhi."
    assert quotes.locate_quotes(article, [quote]).spans == (span,)


def test_an_article_as_long_as_the_scan_limit_is_still_searched_inside_words(monkeypatch):
    article = "Opening: alpha beta. The xministers met in Delhi."
    monkeypatch.setattr(quotes, "_SCAN_LIMIT", len(article))
    monkeypatch.setattr(quotes, "_SCANS", 0)  # one whole-text search, then the index
    monkeypatch.setattr(quotes, "_NEAR", 0)  # nothing is looked for next to the quote before
    places = quotes.locate_quotes(article, ["alpha beta", "ministers met in Delhi"])
    at = article.index("ministers")
    assert places.spans == (((9, 19),), ((at, at + 22),))


@pytest.mark.parametrize(("budget", "looked_for"), [(5, True), (4, False)])
def test_searching_costs_a_step_per_64_characters_searched(monkeypatch, budget, looked_for):
    """Each part of an elided quote is searched for from where the one before ends."""
    monkeypatch.setattr(quotes, "_FIND_BUDGET", budget)
    article = "Opening words " + "of the article " * 11 + "and its ending."
    assert len(article) == 194
    places = quotes.locate_quotes(article, ["Opening words ... its ending"])
    # 194 characters searched for the first part (3 steps), 180 for the second (2 steps)
    expected = ((0, 13), (article.index("its"), len(article) - 1))
    assert places.spans == ((expected,) if looked_for else (None,))
    assert places.unsearched == (frozenset() if looked_for else frozenset({0}))


def test_a_quote_of_no_words_stands_nowhere_in_particular():
    places = quotes.locate_quotes("Ministers met.", ["", " ", "..."])
    assert places.spans == ((), (), ())


@pytest.mark.parametrize(("budget", "looked_for"), [(3, True), (2, False)])
def test_a_whole_text_search_costs_a_step_per_64_characters(monkeypatch, budget, looked_for):
    monkeypatch.setattr(quotes, "_FIND_BUDGET", budget)
    monkeypatch.setattr(quotes, "_NEAR", 0)  # nothing is looked for next to the quote before
    article = "Opening words " + "of the article " * 11 + "and its ending."
    places = quotes.locate_quotes(article, ["its ending"])  # 194 characters: 3 steps
    at = article.index("its ending")
    assert places.spans == ((((at, at + 10),),) if looked_for else (None,))


def test_a_quote_said_twice_is_placed_after_the_quote_before_it(monkeypatch):
    monkeypatch.setattr(quotes, "_NEAR", 10)
    places = quotes.locate_quotes("ab cd. Xy zw and ab cd.", ["Xy zw", "ab cd"])
    assert places.spans == (((7, 12),), ((17, 22),))


def test_a_quote_that_opens_a_very_long_article_is_found_there_again_later(monkeypatch):
    monkeypatch.setattr(quotes, "_SCAN_LIMIT", 0)  # every text is very long: quotes start at words
    monkeypatch.setattr(quotes, "_NEAR", 1)
    article = "Ministers of both countries met. Later on, the talks in Delhi went on until Tuesday."
    opening = "Ministers of both countries"
    said = [opening, "the talks in Delhi went on", opening]
    talks = article.index(said[1])
    places = quotes.locate_quotes(article, said)
    assert places.spans == (((0, 27),), ((talks, talks + 26),), ((0, 27),))


def test_an_article_as_long_as_the_scan_limit_is_searched_in_full_first(monkeypatch):
    """Not a very long article: the first occurrence counts, even inside a word."""
    article = "Opening: The xministers met in Delhi, and ministers met in Delhi again."
    monkeypatch.setattr(quotes, "_SCAN_LIMIT", len(article))
    monkeypatch.setattr(quotes, "_NEAR", 0)  # nothing is looked for next to the quote before
    places = quotes.locate_quotes(article, ["ministers met in Delhi"])
    at = article.index("ministers")
    assert places.spans == (((at, at + 22),),)


def test_in_a_very_long_article_a_quote_next_to_the_last_only_inside_a_word_is_looked_up(
    monkeypatch,
):
    """Next to the last quote it stands only inside a word: the index places it at the first
    word it starts, not at a later one."""
    monkeypatch.setattr(quotes, "_SCAN_LIMIT", 0)  # every text is very long: quotes start at words
    monkeypatch.setattr(quotes, "_NEAR", 5)
    quote = "ministers met in Delhi"
    article = f"Opening words here. {quote} once. alpha beta gamma delta: x{quote}, then {quote}."
    places = quotes.locate_quotes(article, ["alpha beta gamma delta", quote])
    first = article.index("alpha")
    assert places.spans == (((first, first + 22),), ((20, 42),))


def test_in_a_very_long_article_a_quote_is_placed_at_the_first_word_it_starts_nearby(
    monkeypatch,
):
    monkeypatch.setattr(quotes, "_SCAN_LIMIT", 0)  # every text is very long: quotes start at words
    quote = "ministers met in Delhi"
    article = f"alpha beta gamma delta: x{quote}, {quote}, {quote}."
    places = quotes.locate_quotes(article, ["alpha beta gamma delta", quote])
    at = article.index(f" {quote}") + 1
    assert places.spans == (((0, 22),), ((at, at + 22),))


@pytest.mark.parametrize(
    ("text", "quote", "run"),
    [
        ("d c d c a c", "c d a c a", (0, 1, 2)),  # "a c" must not pass for the longer "d c a c"
        ("a d c d b a a a b b b", "b c c c c", (0, 4, 1)),  # the first "b" of the article
    ],
)
def test_the_longest_shared_run_of_an_article_that_repeats_itself(text, quote, run):
    assert _Passages(text).longest_match(quote.split(" ")) == run
