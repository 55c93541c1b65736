"""Text compared as a reader sees it, and characters that only look like what they seem.

Quotes are matched after normalising what typing and typesetting change (white space,
typographic quotes and dashes, Unicode composition). Look-alike characters are the
opposite case: they must never be normalised away silently, only reported.
"""

from __future__ import annotations

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
