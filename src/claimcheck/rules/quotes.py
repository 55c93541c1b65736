"""The quote a claim rests on must be the article's words."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from claimcheck.context import ArticleContext, QuotePlaces, Spans
from claimcheck.core.findings import Finding, Severity
from claimcheck.core.textnorm import normalise
from claimcheck.rules.base import Rule

_WORDS = re.compile(r"\S+")
_ELISION = re.compile(r"\s*(?:\.\.\.|\[\.\.\.\])\s*")


@dataclass(frozen=True)
class QuoteOptions:
    """CC114's settings: how far it searches for the closest passage."""

    # Longer quotes, or quotes in longer articles, are reported without a closest passage:
    # the search stays cheap (it compares the quote with every word of the article).
    max_search_words: int = 300
    max_article_words: int = 50_000


_KEY = 16  # characters from a word's start that index it
_CROWDED = 32  # word starts under one key before the key is split by a longer prefix
_LONG_KEY = 96
_SCAN_LIMIT = 1 << 20  # a quote the index cannot place is searched for in this much text
_NEAR = 512  # characters around the last quote found where the next one is looked for first
_SCANS = 4  # whole-text searches for quotes found elsewhere, before the index is built
# Looking quotes up costs a step per place a quote may start, or per _FIND_SPEED characters
# searched by `str.find`. An ordinary file costs a few steps per quote; past the budget (some
# 2 s), a quote is reported as not looked for. It grows with the article, which one full
# search per quote of a long article may cost.
_FIND_SPEED = 64
_FIND_BUDGET = 8_000_000
_SPREAD = 3  # words a window of the closest-passage search is shifted, widened, narrowed by
_WINDOWS = (2 * _SPREAD + 1) ** 2
# The work of comparing words (``_Passages.cost``) one quote, and one file, may spend on
# closest passages: an ordinary misquote of 300 words costs about 100,000.
_QUOTE_BUDGET = 1_000_000
_FILE_BUDGET = 10_000_000


class _TooCostlyError(Exception):
    """A search would cost more than the budget left: it is not made."""


class _Text:
    """The article, with every word start indexed by the text that follows it.

    A quote starts at a word, so looking up its first characters finds where it may stand
    at once; searching the whole text for each quote would make a long article's cost
    grow with the square of its claims. Claims mostly follow the article, so each quote is
    looked for next to the last one first, and the index is only built for an article
    whose quotes are not where the last one was.
    """

    def __init__(self, text: str):
        self.text = text
        self.near = 0  # where the last quote found next to the one before ends
        self.jump = 0  # where the last quote found elsewhere ends
        self._scanned = 0  # characters searched outside the index
        self.work = _FIND_BUDGET  # what looking quotes up may still cost, in steps
        self._starts: dict[str, list[int]] | None = None
        # Word starts that share a crowded key, split again by a longer prefix: built once
        # per key and length asked for, so many quotes that begin alike stay cheap.
        self._refined: dict[tuple[str, int], dict[str, list[int]]] = {}

    @property
    def starts(self) -> dict[str, list[int]]:
        if self._starts is None:
            text = self.text
            starts: dict[str, list[int]] = {}
            for m in _WORDS.finditer(text):
                starts.setdefault(text[m.start() : m.start() + _KEY], []).append(m.start())
            self._starts = starts
        return self._starts

    def _candidates(self, part: str) -> list[int]:
        key = part[:_KEY]
        bucket = self.starts.get(key, [])
        if len(bucket) <= _CROWDED:
            return bucket
        length = min(len(part), _LONG_KEY)
        refined = self._refined.get((key, length))
        if refined is None:
            refined = {}
            for at in bucket:
                refined.setdefault(self.text[at : at + length], []).append(at)
            self._refined[(key, length)] = refined
        return refined.get(part[:length], [])

    def _spend(self, work: int) -> None:
        """Charge ``work`` to the file's budget for looking quotes up; raise when it is spent."""
        self.work -= work
        if self.work < 0:
            raise _TooCostlyError

    def find(self, part: str, start: int) -> int:
        if len(part) >= _KEY:
            candidates = self._candidates(part)
            # A crowded bucket means a text that repeats itself: each look costs a step.
            self._spend(len(candidates) * (1 + len(part) // _FIND_SPEED))
            for at in candidates:
                if at >= start and self.text.startswith(part, at):
                    return at
            if len(self.text) > _SCAN_LIMIT:
                return -1  # a quote that starts inside a word, in a very long text
        self._spend((len(self.text) - start) // _FIND_SPEED)
        return self.text.find(part, start)

    def has(self, quote: str) -> bool:
        """Whether the parts of ``quote`` between elisions ("...") occur in order."""
        return self.locate(quote) is not None

    def locate(self, quote: str) -> Spans | None:
        """Where the parts of ``quote`` between elisions ("...") stand, in order, or None."""
        if "..." in quote:  # both kinds of elision mark hold three dots
            parts = [part for part in _ELISION.split(quote) if part]
        else:
            parts = [quote] if quote else []
        if len(parts) == 1:
            at = self._position(parts[0])
            return None if at < 0 else ((at, at + len(parts[0])),)
        spans = []
        start = 0
        for part in parts:
            at = self.find(part, start)
            if at < 0:
                return None
            start = at + len(part)
            spans.append((at, start))
        return tuple(spans)

    def _position(self, part: str) -> int:
        """Where `find` finds ``part``, or -1: looked for next to the last quote first."""
        text = self.text
        at_word = len(part) >= _KEY and len(text) > _SCAN_LIMIT  # where `find` looks
        for around in (self.near, self.jump):
            at = self._around(part, around, at_word)
            if at >= 0:
                self.near = at + len(part)
                return at
        if not at_word and self._scanned <= _SCANS * len(text):
            self._scanned += len(text)
            self._spend(len(text) // _FIND_SPEED)
            at = text.find(part)
        else:
            at = self.find(part, 0)
        if at < 0:
            return -1
        # A quote found elsewhere may be repeated there: the next one is looked for both
        # after the last quote found nearby and after this one.
        self.jump = at + len(part)
        return at

    def _around(self, part: str, around: int, at_word: bool) -> int:
        end = around + _NEAR + len(part)
        at = self.text.find(part, max(0, around - _NEAR), end)
        while at_word and at >= 0 and not self._word_starts(at):
            at = self.text.find(part, at + 1, end)
        return at

    def _word_starts(self, at: int) -> bool:
        """Whether a word (what `_WORDS` matches) starts at ``at``."""
        return not self.text[at].isspace() and (at == 0 or self.text[at - 1].isspace())


class _Passages:
    """The article's words, indexed once, for finding the passage closest to a quote.

    The text is normalised (single spaces), so a passage is its words joined by spaces.
    The longest run a quote shares with the article is found with a suffix automaton of
    the article's words: built in time linear in the article, it answers in time linear in
    the quote, however often the article repeats a word.
    """

    def __init__(self, text: str):
        self.raw = text.split()
        self.words = text.casefold().split()  # case is a near miss
        self.budget = _FILE_BUDGET  # comparison work left for this file's quotes
        ids: dict[str, int] = {}
        # State 0 is the empty run. Per state: its transitions by word, its suffix link, the
        # length of its longest run, and where that run first ends in the article.
        nxt: list[dict[int, int]] = [{}]
        link, length, first = [-1], [0], [-1]
        last = 0
        for j, word in enumerate(self.words):
            c = ids.setdefault(word, len(ids))
            cur = len(length)
            nxt.append({})
            link.append(0)
            length.append(length[last] + 1)
            first.append(j)
            p = last
            while p != -1 and c not in nxt[p]:
                nxt[p][c] = cur
                p = link[p]
            if p != -1:
                q = nxt[p][c]
                if length[p] + 1 == length[q]:
                    link[cur] = q
                else:
                    clone = len(length)
                    nxt.append(dict(nxt[q]))
                    link.append(link[q])
                    length.append(length[p] + 1)
                    first.append(first[q])
                    while p != -1 and nxt[p].get(c) == q:
                        nxt[p][c] = clone
                        p = link[p]
                    link[q] = link[cur] = clone
            last = cur
        self._ids, self._next, self._link, self._length, self._first = ids, nxt, link, length, first

    def longest_match(self, words: list[str]) -> tuple[int, int, int]:
        """The longest run of words the quote shares with the article, as (i, j, size).

        The first such run, by its start in the quote then in the article: what difflib's
        `find_longest_match` answers, in time linear in the quote.
        """
        ids, nxt, link, length, first = (
            self._ids,
            self._next,
            self._link,
            self._length,
            self._first,
        )
        best = (0, 0, 0)
        state = size = 0
        for i, word in enumerate(words):
            c = ids.get(word)
            if c is None:
                state = size = 0
                continue
            while c not in nxt[state]:  # the empty run (state 0) has every word
                state = link[state]
                size = length[state]
            state = nxt[state][c]
            size += 1
            if size > best[2]:  # the first run this long: its end comes first in the quote
                best = (i - size + 1, first[state] - size + 1, size)
        return best

    def cost(self, words: list[str], lo: int, hi: int) -> int:
        """An upper bound on the work of comparing the quote with the windows near [lo, hi).

        difflib's matcher visits, for each word of the quote, every place the word has in
        the window: a quote and a passage that repeat one word cost the product of their
        lengths, not their sum.
        """
        window = Counter(self.words[max(0, lo - _SPREAD) : hi + 2 * _SPREAD])
        visits = sum(window[w] * k for w, k in Counter(words).items())
        return _WINDOWS * (len(words) + hi - lo + visits)

    def closest(self, quote: str, *, bounded: bool = False) -> tuple[str, float] | None:
        """The passage most like the quote and how alike they are, or None (no shared word).

        With ``bounded``, the work is first charged to the quote's and the file's budgets;
        raises `_TooCostlyError`, having searched nothing, when it would exceed either.
        """
        words = quote.casefold().split(" ")
        a, b, size = self.longest_match(words)
        if size == 0:
            return None
        if bounded:
            lo = max(0, b - a)
            cost = self.cost(words, lo, lo + len(words))
            if cost > _QUOTE_BUDGET or cost > self.budget:
                raise _TooCostlyError
            self.budget -= cost
        # lazy: start-up (difflib: only a quote the article does not hold needs a near miss)
        from difflib import SequenceMatcher

        best: tuple[float, str] = (-1.0, "")
        matcher = SequenceMatcher(None, words, autojunk=False)
        tried = set()
        # Align the quote on its longest shared run, then try windows a few words wider,
        # narrower and shifted: the closest one shows what changed. A window that cannot
        # reach the best ratio so far (by its length, then by its words) is not compared.
        for shift in range(-_SPREAD, _SPREAD + 1):
            for extra in range(-_SPREAD, _SPREAD + 1):
                lo = max(0, b - a + shift)
                hi = min(len(self.words), lo + len(words) + extra)
                if hi <= lo or (lo, hi) in tried:
                    continue
                tried.add((lo, hi))
                matcher.set_seq2(self.words[lo:hi])
                if matcher.real_quick_ratio() < best[0] or matcher.quick_ratio() < best[0]:
                    continue
                ratio = matcher.ratio()
                if ratio >= best[0]:
                    best = max(best, (ratio, " ".join(self.raw[lo:hi])))
        return best[1], best[0]


def difference(quote: str, passage: str) -> str:
    """The first place where the quote and the passage differ, in words."""
    # lazy: start-up (difflib: only a quote the article does not hold needs a near miss)
    from difflib import SequenceMatcher

    q, p = quote.split(" "), passage.split(" ")
    folded = SequenceMatcher(
        None, [w.casefold() for w in q], [w.casefold() for w in p], autojunk=False
    )
    for op, i1, i2, j1, j2 in folded.get_opcodes():
        said, wrote = " ".join(q[i1:i2]), " ".join(p[j1:j2])
        if op == "replace":
            return f"the article has '{wrote}' where the quote has '{said}'"
        if op == "delete":
            return f"the quote adds '{said}'"
        if op == "insert":
            return f"the quote leaves out '{wrote}'"
    return "they differ only in upper and lower case"


class QuoteNotInArticle(Rule):
    """The quote is not in the article's text.

    A claim is anchored to the article's exact words: when they are not there, the claim
    describes another version of the article, or the article was edited after the claim
    was written. White space, typographic quotes and dashes, and Unicode composition are
    normalised before comparing, and "..." marks words left out; anything else must
    match. The finding shows the closest passage, so the editor sees what changed.

    Cost: finding a quote costs a step per place it may start, or per 64 characters of
    the article searched, within a budget per file: a quote not looked for when it is spent
    is reported as such (an article that repeats itself). The closest passage is
    searched for in time linear in the article (once per file) and in the quote, plus the
    word comparisons of a few windows; a quote whose comparisons would cost more than a
    budget per quote or per file (an article that repeats the quote's words over and over)
    is reported without one, so a file's cost stays linear in its size. So is a quote of
    over `max-search-words` words, or any quote of an article of over `max-article-words`;
    the message says which limit stopped the search.

    Triggers: `quote: marking the fourth "two-plus-two" dialogue` when the article says
    "marking the third “two-plus-two” dialogue".

    Passes: `quote: marking the third "two-plus-two"  dialogue` (straight quotes, two
    spaces), or `quote: Japanese Foreign Minister ... met with their Indian counterparts`.
    """

    id = "CC114"
    name = "quote-not-in-article"
    severity = Severity.ERROR
    Options = QuoteOptions
    options: QuoteOptions

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        places = ctx.quote_places(locate_quotes)
        if places is None:
            return  # the article could not be read: reported once, as CC001
        passages: _Passages | None = None
        where = ctx.model.article.text
        searchable: bool | None = None
        for i, claim in ctx.index.claims:
            if places.spans[i] is not None:
                continue
            if i in places.unsearched:
                yield self.report(
                    ctx,
                    f"the quote was not looked for in the article text ({where}): the "
                    "search would cost too much (the article repeats itself); check it by hand",
                    ("claims", i, "quote"),
                    claim.id,
                )
                continue
            quote = normalise(claim.quote)
            if searchable is None:
                searchable = len(places.text.split()) <= self.options.max_article_words
            if not searchable:
                most = self.options.max_article_words
                tail = f"{_UNSOUGHT}the article has over {most} words (max-article-words)"
            elif quote.count(" ") >= self.options.max_search_words:
                most = self.options.max_search_words
                tail = f"{_UNSOUGHT}the quote has over {most} words (max-search-words)"
            else:
                passages = passages or _Passages(places.text)
                tail = _near_miss(passages, quote)
            message = f"the quote is not in the article text ({where}){tail}"
            yield self.report(ctx, message, ("claims", i, "quote"), claim.id)


_UNSOUGHT = ": no closest passage was searched for, as "


def _near_miss(passages: _Passages, quote: str) -> str:
    """What CC114's message tells after "not in the article": the closest passage, if any."""
    try:
        closest = passages.closest(quote, bounded=True)
    except _TooCostlyError:
        return f"{_UNSOUGHT}it would cost too much"
    if closest is None:
        return ": no passage resembles it; copy the article's words"
    passage, ratio = closest
    return f'; the closest passage ({ratio:.0%} alike) is "{passage}": {difference(quote, passage)}'


def locate_quotes(article: str, quotes: list[str]) -> QuotePlaces:
    """Where each quote stands in the normalised article, searched within one budget."""
    text = _Text(normalise(article))
    spans: list[Spans | None] = []
    unsearched = set()
    for i, quote in enumerate(quotes):
        try:
            spans.append(text.locate(normalise(quote)))
        except _TooCostlyError:
            spans.append(None)
            unsearched.add(i)
    return QuotePlaces(article, text.text, tuple(spans), frozenset(unsearched))
