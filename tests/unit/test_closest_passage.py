"""CC114's near miss: the closest passage it shows, what it says differs, and why it shows none.

The editor reads this part of the message to fix a misquote, so each test pins it word for
word: the passage in the article's own case, its likeness, the first difference, and the
limit (a setting, or the search's cost) that stopped a search.
"""

from __future__ import annotations

import pytest

from claimcheck.app import Options, verify
from claimcheck.config import apply_config
from claimcheck.rules import quotes
from claimcheck.rules.quotes import _Passages, _TooCostlyError, difference
from tests.helpers import write_claims

ARTICLE = "met in New Delhi on Tuesday for talks"
UNSOUGHT = ": no closest passage was searched for, as "
# What CC114 tells of the quote "met in Old Delhi" in ARTICLE.
OLD_DELHI = (
    "; the closest passage (75% alike) is \"met in New Delhi\": the article has 'New' where the"
    " quote has 'Old'"
)


@pytest.mark.parametrize(
    ("quote", "passage", "said"),
    [
        ("met in Old Delhi", "met in New Delhi", "the article has 'New' where the quote has 'Old'"),
        ("met in Paris", "met in", "the quote adds 'Paris'"),
        ("met in Delhi", "met in New Delhi", "the quote leaves out 'New'"),
        ("met in Delhi", "met in the capital Delhi", "the quote leaves out 'the capital'"),
        (
            "met in Delhi",
            "met at the capital Delhi",
            "the article has 'at the capital' where the quote has 'in'",
        ),
        (
            "talks on trade and money in Tokyo",
            "talks on security in Tokyo",
            "the article has 'security' where the quote has 'trade and money'",
        ),
        # Only the first difference is told, in the words as each side writes them.
        (
            "The Big summit of Spring",
            "the small Summit of autumn",
            "the article has 'small' where the quote has 'Big'",
        ),
        ("THE Ministers", "the ministers", "they differ only in upper and lower case"),
    ],
)
def test_the_first_difference_is_told_in_each_sides_words(quote, passage, said):
    assert difference(quote, passage) == said


@pytest.mark.parametrize(
    ("quote", "passage", "ratio"),
    [
        # The longest shared run comes late in the quote: the window starts at the article's
        # first word, not before it.
        ("Yesterday the ministers met in New Delhi", "met in New Delhi", 8 / 11),
        # ... and ends at its last word.
        ("for talks about trade and security", "for talks", 4 / 8),
        ("met in New Delhi on Monday for talks", "met in New Delhi on Tuesday for talks", 14 / 16),
        ("MET IN NEW delhi", "met in New Delhi", 1.0),  # case is a near miss, shown as written
    ],
)
def test_the_closest_passage_is_the_articles_words(quote, passage, ratio):
    assert _Passages(ARTICLE).closest(quote) == (passage, ratio)


def test_no_shared_word_is_no_passage():
    passages = _Passages(ARTICLE)
    budget = passages.budget
    assert passages.closest("nothing alike here", bounded=True) is None
    assert passages.budget == budget  # nothing was compared, nothing is charged


def test_a_window_wider_or_narrower_than_the_quote_is_tried():
    article = "the ministers of Japan and India met in New Delhi"
    # Two words left out of the middle: the passage is two words longer than the quote.
    assert _Passages(article).closest("the ministers of India met in New Delhi") == (
        "the ministers of Japan and India met in New Delhi",
        16 / 18,
    )
    # Two words added: the passage is two words shorter.
    assert _Passages(article).closest("ministers of Japan and of course India met in") == (
        "ministers of Japan and India met in",
        14 / 16,
    )


def test_the_cost_counts_each_place_a_quote_word_has_near_the_window():
    words = [*"abacdefghijklmnopqr", "a"]
    passages = _Passages(" ".join(words))
    quote = ["a", "x", "a"]
    # Window [lo - 3, hi + 6): from 2 to 10 for [5, 7) holds one 'a' (at 2), visited twice.
    assert passages.cost(quote, 5, 7) == quotes._WINDOWS * (3 + 2 + 2)
    # From 0 to 9 for [0, 3): the 'a's at 0 and 2, each visited twice.
    assert passages.cost(quote, 0, 3) == quotes._WINDOWS * (3 + 3 + 4)
    # From 14 to 20 for [17, 20): the last 'a', at 19, is in.
    assert passages.cost(quote, 17, 20) == quotes._WINDOWS * (3 + 3 + 2)
    # From 3 to 19 for [6, 13): both 'a's near it (at 2 and 19) are just out.
    assert passages.cost(quote, 6, 13) == quotes._WINDOWS * (3 + 7 + 0)


def test_a_bounded_search_charges_its_cost_to_the_files_budget():
    passages = _Passages(ARTICLE)
    quote = "met in Old Delhi"
    cost = passages.cost(["met", "in", "old", "delhi"], 0, 4)
    passages.budget = 2 * cost
    assert passages.closest(quote, bounded=True) == ("met in New Delhi", 6 / 8)
    assert passages.budget == cost
    assert passages.closest(quote, bounded=True) == ("met in New Delhi", 6 / 8)  # just fits
    assert passages.budget == 0
    with pytest.raises(_TooCostlyError):
        passages.closest(quote, bounded=True)
    assert passages.closest(quote) == ("met in New Delhi", 6 / 8)  # unbounded: not charged
    assert passages.budget == 0


def test_the_charge_is_for_the_windows_where_the_quotes_longest_run_puts_it():
    """Its run "ministers met in Old Delhi" is the article's first five words but the quote's
    third to seventh: the windows start at the article's first word, not before or after."""
    article = (
        "Ministers met in Old Delhi on Monday and in Tokyo, met in Osaka; the ministers met in"
        " New Delhi for talks"
    )
    passages = _Passages(article)
    quote = "Yesterday the ministers met in Old Delhi"
    words = quote.casefold().split(" ")
    budget = passages.budget
    assert passages.closest(quote, bounded=True) == ("Ministers met in Old Delhi", 10 / 12)
    assert budget - passages.budget == passages.cost(words, 0, 7)


def test_a_window_is_at_most_three_words_longer_than_the_quote():
    """Four words left out: the whole passage is out of reach, its opening is the closest."""
    article = "the foreign and defence ministers of Japan and India met in Delhi on Tuesday"
    quote = "the foreign and defence ministers met in Delhi"
    passage = "the foreign and defence ministers"
    assert _Passages(article).closest(quote) == (passage, 10 / 13)
    assert difference(quote, passage) == "the quote adds 'met in Delhi'"


# A long quote in an article that uses few words, each many times: 210 words of 6 kinds.
VOCABULARY = "the of and in a to ministers met talks Delhi Tokyo security trade defence said"
REPEATED = [VOCABULARY.split()[(i * i * 7 + 3 * i) % 15] for i in range(210)]


def test_a_long_quote_of_common_words_is_compared_word_for_word():
    """No word is taken for noise however often it comes (difflib's "autojunk" is off)."""
    article = " ".join(REPEATED)
    quote = " ".join([*REPEATED[:105], "Paris", *REPEATED[106:]])
    assert _Passages(article).closest(quote) == (article, 418 / 420)
    assert (
        difference(quote, article)
        == f"the article has '{REPEATED[105]}' where the quote has 'Paris'"
    )
    assert (
        difference(article, quote)
        == f"the article has 'Paris' where the quote has '{REPEATED[105]}'"
    )


def test_a_bounded_search_over_the_quotes_budget_is_refused(monkeypatch):
    passages = _Passages(ARTICLE)
    cost = passages.cost(["met", "in", "old", "delhi"], 0, 4)
    monkeypatch.setattr(quotes, "_QUOTE_BUDGET", cost)
    assert passages.closest("met in Old Delhi", bounded=True) == ("met in New Delhi", 6 / 8)
    monkeypatch.setattr(quotes, "_QUOTE_BUDGET", cost - 1)
    budget = passages.budget
    with pytest.raises(_TooCostlyError):
        passages.closest("met in Old Delhi", bounded=True)
    assert passages.budget == budget  # refused before any work: nothing charged


def _quoting(project, article: str, quotes_: list[str]) -> None:
    """The article, and a claim file with a claim quoting each of ``quotes_``."""
    (project / "articles" / "a.txt").write_text(article, encoding="utf-8")
    claims = "entities:\n  g: {name: G, kind: organisation}\n  a: {name: A, kind: country}\n"
    claims += "claims:\n" + "".join(
        f"  - {{id: c{k}, kind: membership, group: g, members: [a], complete: false, quote: {q}}}\n"
        for k, q in enumerate(quotes_)
    )
    write_claims(project, claims)


def _misquotes(project, article: str, quotes_: list[str], settings: str = "") -> list[str]:
    if settings:
        with (project / "pyproject.toml").open("a", encoding="utf-8") as f:
            f.write(f"[tool.claimcheck.rules.CC114]\n{settings}\n")
    _quoting(project, article, quotes_)
    result = verify(apply_config(Options(paths=(str(project),), select=("CC114",))))
    missing = "the quote is not in the article text (articles/a.txt)"
    assert all(f.message.startswith(missing) for f in result.findings)
    return [f"{f.claim_id}{f.message.removeprefix(missing)}" for f in result.findings]


def test_each_misquote_shows_its_closest_passage_and_what_differs(project):
    assert _misquotes(project, ARTICLE, ["met in Old Delhi", "on Tuesday", "Delhi talks"]) == [
        f"c0{OLD_DELHI}",
        "c2; the closest passage (67% alike) is \"Delhi\": the quote adds 'talks'",
    ]


def test_a_quote_longer_than_max_search_words_is_not_searched_for(project):
    found = _misquotes(
        project, ARTICLE, ["met in Old Delhi", "met in the Old Delhi"], "max-search-words = 4"
    )
    assert found == [
        f"c0{OLD_DELHI}",
        f"c1{UNSOUGHT}the quote has over 4 words (max-search-words)",
    ]


@pytest.mark.parametrize(
    ("most", "told"),
    [
        (8, OLD_DELHI),  # the article has 8 words
        (7, f"{UNSOUGHT}the article has over 7 words (max-article-words)"),
    ],
)
def test_an_article_longer_than_max_article_words_is_not_searched(project, most, told):
    found = _misquotes(project, ARTICLE, ["met in Old Delhi"], f"max-article-words = {most}")
    assert found == [f"c0{told}"]


def test_one_budget_serves_all_the_quotes_of_a_file(project, monkeypatch):
    """The first misquote spends the file's budget; the second is told why it has no passage."""
    cost = _Passages(ARTICLE).cost(["met", "in", "old", "delhi"], 0, 4)
    monkeypatch.setattr(quotes, "_FILE_BUDGET", cost + cost // 2)
    assert _misquotes(project, ARTICLE, ["met in Old Delhi", "met in Old Delhi"]) == [
        f"c0{OLD_DELHI}",
        f"c1{UNSOUGHT}it would cost too much",
    ]


def test_quotes_not_looked_for_are_each_reported_at_their_quote(project, monkeypatch):
    """The lookup's budget is spent at once: every quote is told so, not only the first."""
    monkeypatch.setattr(quotes, "_FIND_BUDGET", -1)
    _quoting(project, ARTICLE, ["met in Old Delhi", "met in Paris"])
    result = verify(Options(paths=(str(project),), select=("CC114",)))
    unsought = (
        "the quote was not looked for in the article text (articles/a.txt): the search would"
        " cost too much (the article repeats itself); check it by hand"
    )
    assert [(f.claim_id, f.message, f.pointer) for f in result.findings] == [
        ("c0", unsought, "/claims/0/quote"),
        ("c1", unsought, "/claims/1/quote"),
    ]


def test_where_the_quotes_stand_is_kept_for_the_review_page(project):
    """Found once by CC114 and kept with the file's result, not searched for again."""
    _misquotes(project, ARTICLE, ["met in Old Delhi", "on Tuesday"])
    result = verify(Options(paths=(str(project),), select=("CC114",)))
    places = result.files[0].article.places
    assert places is not None and places.spans == (None, ((17, 27),))
