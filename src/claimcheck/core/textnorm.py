"""Text compared as a reader sees it, and characters that only look like what they seem.

Quotes are matched after normalising what typing and typesetting change (white space,
typographic quotes and dashes, Unicode composition). Look-alike characters are the
opposite case: they must never be normalised away silently, only reported.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
    }
)


def normalise(text: str) -> str:
    """NFC, straight quotes, one kind of dash, single spaces: what a retyped quote keeps."""
    if not text.isascii():  # ASCII is NFC already and has no typographic characters
        text = unicodedata.normalize("NFC", text).translate(_TYPOGRAPHY)
    return " ".join(text.split())  # the same white space as the regular expression `\s`


_RUN = re.compile(r"\S+")


class NormalMap:
    """Where each word of ``normalise(text)`` stands in ``text``: a place found in the
    normalised text (a quote) is shown where it was written.

    A word normalised character for character maps offset by offset; one whose length
    changed ("…" became "...", or Unicode composition joined characters) maps as a whole.
    A plain record: a dataclass costs every cold start half a millisecond.
    """

    __slots__ = ("exact", "spans", "starts")

    def __init__(self, starts: list[int], spans: list[tuple[int, int]], exact: list[bool]) -> None:
        self.starts = starts  # each word's start in the normalised text
        self.spans = spans  # each word's start and end in the original
        self.exact = exact  # normalised character for character

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span [start, end), which lies on words."""
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        j = max(0, bisect.bisect_right(self.starts, max(start, end - 1)) - 1)
        (a, a_end), (b, b_end) = self.spans[i], self.spans[j]
        lo = a + (start - self.starts[i]) if self.exact[i] else a
        hi = b + (end - self.starts[j]) if self.exact[j] else b_end
        return min(lo, a_end), max(lo, min(hi, b_end))


def normal_map(text: str) -> NormalMap | None:
    """The map of ``normalise(text)`` back to ``text``; None in the rare case where
    normalising word by word differs from normalising the whole (composition across white
    space), where no place can be mapped."""
    starts: list[int] = []
    spans: list[tuple[int, int]] = []
    exact: list[bool] = []
    words: list[str] = []
    at = 0
    for m in _RUN.finditer(text):
        word = m.group()
        plain = word.isascii()
        norm = word if plain else unicodedata.normalize("NFC", word).translate(_TYPOGRAPHY)
        starts.append(at)
        spans.append(m.span())
        exact.append(plain or (len(norm) == len(word) and unicodedata.is_normalized("NFC", word)))
        words.append(norm)
        at += len(norm) + 1
    if " ".join(words) != normalise(text):
        return None
    return NormalMap(starts, spans, exact)


INVISIBLE = {
    "\u00ad": "soft hyphen",
    "\u061c": "Arabic letter mark, a bidi control",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u200e": "left-to-right mark, a bidi control",
    "\u200f": "right-to-left mark, a bidi control",
    "\u202a": "left-to-right embedding, a bidi control",
    "\u202b": "right-to-left embedding, a bidi control",
    "\u202c": "pop directional formatting, a bidi control",
    "\u202d": "left-to-right override, a bidi control",
    "\u202e": "right-to-left override, a bidi control",
    "\u2060": "word joiner",
    "\u2066": "left-to-right isolate, a bidi control",
    "\u2067": "right-to-left isolate, a bidi control",
    "\u2068": "first strong isolate, a bidi control",
    "\u2069": "pop directional isolate, a bidi control",
    "\ufeff": "zero-width no-break space",
}

# Cyrillic and Greek letters drawn like Latin ones: enough to suggest the intended id.
_CONFUSABLE = str.maketrans(
    "асеіјоԁрѕхуһӏАВЕІЈКМНОРСЅТХУαικνορτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aceijodpsxyhlABEIJKMHOPCSTXYaikvoptuxABEZHIKMNOPTYX",
)
_WORD = re.compile(r"[^\W\d_]+")
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


def skeleton(text: str) -> str:
    """What ``text`` looks like: for did-you-mean hints only, never to decide a match."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if c not in INVISIBLE)
    return text.translate(_CONFUSABLE).casefold()


def _char(c: str) -> str:
    return f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'unnamed character')})"


def _script(c: str) -> str | None:
    name = unicodedata.name(c, "")
    return next((s for s in _SCRIPTS if name.startswith(s)), None)


def lookalike_problems(text: str) -> list[str]:
    """What in ``text`` is not what it looks like, described for an editor."""
    problems = []
    compat = []
    for n, c in enumerate(text, 1):
        if c in INVISIBLE:
            problems.append(f"an invisible {INVISIBLE[c]} (U+{ord(c):04X}) at character {n}")
        elif unicodedata.category(c)[0] in "LN" and unicodedata.normalize("NFKC", c) != c:
            compat.append(f"{_char(c)} at character {n}")
    if compat:
        more = f" and {len(compat) - 2} more" if len(compat) > 2 else ""
        plain = unicodedata.normalize("NFKC", text)
        problems.append(f"compatibility forms {', '.join(compat[:2])}{more} (plain: '{plain}')")
    for word in _WORD.finditer(text):
        scripts = {s for c in word.group() if (s := _script(c)) is not None}
        if "LATIN" in scripts and len(scripts) > 1:
            odd = [
                (word.start() + k + 1, c)
                for k, c in enumerate(word.group())
                if _script(c) not in (None, "LATIN")
            ]
            where = ", ".join(f"{_char(c)} at character {n}" for n, c in odd[:3])
            problems.append(
                f"Latin mixed with {'/'.join(sorted(scripts - {'LATIN'})).title()} letters: {where}"
            )
    if not problems and not unicodedata.is_normalized("NFC", text):
        marks = [c for c in text if unicodedata.combining(c)]
        what = f" (a separate {_char(marks[0])})" if marks else ""
        problems.append(f"decomposed text, not Unicode NFC{what}")
    return problems
