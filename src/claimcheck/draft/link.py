"""Mentions of entities in an article, found by one pass of a multi-pattern matcher.

Every name and alias of the knowledge base (which may hold millions) goes into one
Aho-Corasick automaton; the article is read once, whatever the number of names. Names and
text are folded the same way (case, punctuation and spacing ignored) with a map back to
the article's characters, so a quote is always the article's own words. Letters are never
folded into others: a Cyrillic "а" stays itself, so a look-alike never matches a name.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from claimcheck.core.textnorm import lookalike_problems
from claimcheck.draft.lexicon import COUNTRIES, TITLES

KEEP = "+&"  # punctuation that names carry: "2+2", "AT&T"


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` in lower case, each run of punctuation and space one space, with the index
    of the article's character each folded character came from."""
    out: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(text):
        if c.isalnum() or c in KEEP:
            low = c.lower()
            out.append(low if len(low) == 1 else c)
            origin.append(i)
        elif out and out[-1] != " ":
            out.append(" ")
            origin.append(i)
    if out and out[-1] == " ":
        out.pop()
        origin.pop()
    return "".join(out), origin


# ASCII punctuation, controls and space as one space: `fold` for ASCII, in C.
_ASCII_FOLD = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) in KEEP)}
)


def key(name: str) -> str:
    """A name folded as `fold` folds the article (a fast path for ASCII names: a KB of
    millions of names is folded in a second or two)."""
    if name.isascii():
        return " ".join(name.lower().translate(_ASCII_FOLD).split())
    return fold(name)[0]


# What a folded name stands for: (entity id, kind, how the article may use the name: "name",
# "demonym" or "capital"). A plain tuple: millions are made for a big KB.
Name = tuple[str, str, str]


@dataclass(frozen=True)
class Mention:
    start: int  # in the article's characters
    end: int
    text: str
    entity: str | None  # None: a proper name the knowledge base lacks
    kind: str
    how: str


class Gazetteer:
    """Every known name in one automaton; a name two entities share links to neither."""

    def __init__(self, names: Iterable[tuple[str, str, str]]) -> None:
        """``names``: (entity id, name, kind) for every name and alias."""
        found: dict[str, list[Name]] = {}
        self.kinds: dict[str, str] = {}
        self.display: dict[str, str] = {}
        for entity, name, kind in names:
            k = key(name)
            if not k:
                continue
            meaning = (entity, kind, "name")
            same = found.get(k)
            if same is None:
                found[k] = [meaning]
            elif meaning not in same:
                same.append(meaning)
            if entity not in self.kinds:
                self.kinds[entity] = kind
                self.display[entity] = name
        self.countries: dict[str, str] = {}  # country name -> entity id (known or new)
        for country, (demonym, capital) in sorted(COUNTRIES.items()):
            named = found.get(key(country), [])
            ids = sorted(n[0] for n in named if n[1] == "country")
            entity = ids[0] if len(ids) == 1 else new_id(country)
            self.countries[country] = entity
            self.kinds.setdefault(entity, "country")
            self.display.setdefault(entity, country)
            if not named:
                found.setdefault(key(country), []).append((entity, "country", "name"))
            for word, how in ((demonym, "demonym"), (capital, "capital")):
                k = key(word)
                if k == key(country):
                    continue
                # A capital the KB knows as a place keeps that entry too: "in New Delhi".
                found.setdefault(k, []).append((entity, "country", how))
        self.automaton = ahocorasick.Automaton()
        for k, meanings in found.items():
            ordered = tuple(sorted(meanings, key=_order)) if len(meanings) > 1 else tuple(meanings)
            self.automaton.add_word(k, (len(k), ordered))
        self.automaton.make_automaton()

    def mentions(self, text: str) -> list[Mention]:
        """The longest known names in ``text``, left to right, then the unknown proper names."""
        folded, origin = fold(text)
        hits: list[tuple[int, int, tuple[Name, ...]]] = []
        if folded:
            for end, (length, meanings) in self.automaton.iter(folded):
                start = end - length + 1
                before_ok = start == 0 or folded[start - 1] == " "
                after_ok = end + 1 == len(folded) or folded[end + 1] == " "
                if before_ok and after_ok:
                    hits.append((start, end, meanings))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        found: list[Mention] = []
        last = -1
        for start, end, meanings in hits:
            if start <= last:
                continue
            a, b = origin[start], origin[end] + 1
            mention = self._choose(text, a, b, meanings)
            if mention is not None:
                found.append(mention)
                last = end
        known = [(m.start, m.end) for m in found]
        new, drop = unknown_names(text, known)
        found = [m for m in found if (m.start, m.end) not in drop] + new
        found.sort(key=lambda m: m.start)
        return found

    def _choose(self, text: str, a: int, b: int, meanings: tuple[Name, ...]) -> Mention | None:
        written = text[a:b]
        hows = {how for _, _, how in meanings}
        if written[:1].islower() and "demonym" not in hows:
            return None  # "quad" in running text is a word, not the Quad
        named = [m for m in meanings if m[2] == "name"]
        if len({entity for entity, _, _ in named}) > 1:
            return None  # shared by two entities: never resolved to either
        if named and "capital" in hows:
            entity, kind, _ = named[0]
            if kind == "country":  # "Beijing" as the KB's alias of China
                return Mention(a, b, written, entity, "country", "capital")
            # A capital the KB knows as a place: the place, or the government (chosen later).
            gov = next(m[0] for m in meanings if m[2] == "capital")
            return Mention(a, b, written, entity, kind, f"place|{gov}")
        entity, kind, how = named[0] if named else meanings[0]
        return Mention(a, b, written, entity, kind, how)


def _order(name: Name) -> tuple[str, str, str]:
    return (name[2], name[0], name[1])


# A proper name: capitalised words, maybe joined by "of", "for", "the", "and" inside it
# ("Ministry of Foreign Affairs"), and hyphens ("Self-Defense").
_PARTICLE = r"(?:of|for|de|the|bin|ibn|bint|van|von|der|da|di|du|del|al|el)"
_PROPER = re.compile(
    rf"\b[A-Z][\w’'.&-]*[\w&](?:\s+(?:{_PARTICLE}\s+)*(?:al-|el-)?[A-Z][\w’'.&-]*[\w&])*"
    r"|\b[A-Z]\b"
)
_STOP = {
    "A", "An", "The", "As", "In", "On", "At", "If", "It", "Its", "This", "That", "These",
    "Those", "However", "But", "And", "Or", "One", "Beyond", "After", "Before", "Since",
    "While", "When", "With", "For", "From", "By", "Of", "To", "He", "She", "They", "We", "I",
    "His", "Her", "Their", "Our", "Comments", "Mr", "Ms", "Mrs", "Dr", "Also", "Under",
    "Last", "Next", "Earlier", "Later", "Meanwhile", "Both", "Each", "Some", "Many",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
}  # fmt: skip
_TRIM = re.compile(r"(?:['’]s|[.’'-])$")


def unknown_names(
    text: str, known: list[tuple[int, int]]
) -> tuple[list[Mention], set[tuple[int, int]]]:
    """Proper names outside the known mentions: each becomes a new entity, unless its
    letters are not what they look like (`textnorm.lookalike_problems`).

    A run that a known name only begins ("China Coast Guard") is a name of its own when its
    last word says what it is (an organisation, a place); otherwise the known names stand and
    the words between them are read again ("Foreign Minister Jane Doe" gives "Jane Doe").
    """
    out: list[Mention] = []
    drop: set[tuple[int, int]] = set()
    for m in _PROPER.finditer(text):
        inside = [(s, e) for s, e in known if m.start() <= s and e <= m.end()]
        if not inside:
            continue
        a = m.start()
        for word in m.group().split():
            if word not in _STOP:
                break
            a = text.index(word, a) + len(word)
            a += len(text[a:]) - len(text[a:].lstrip())
        written = _TRIM.sub("", text[a : m.end()])
        kind = guess_kind(written)
        longer = a < inside[0][0] or inside[-1][1] < a + len(written)
        if kind != "other" and longer and "," not in written:
            out.append(Mention(a, a + len(written), written, None, kind, "new"))
            drop.update(inside)
    blank = list(text)
    for s, e in known:
        blank[s:e] = " " * (e - s)
    for made in out:
        blank[made.start : made.end] = " " * (made.end - made.start)
    rest = "".join(blank)
    for m in _PROPER.finditer(rest):
        a = m.start()
        words = m.group().split()
        while words and (
            words[0] in _STOP
            or words[0].lower() in _TITLE_WORDS
            or (len(words) > 1 and words[1].lower() in ("minister", "secretary"))
        ):
            a += len(words[0])
            a += len(rest[a:]) - len(rest[a:].lstrip())
            words = words[1:]
        if not words:
            continue
        written = _TRIM.sub("", rest[a : m.end()])
        b = a + len(written)
        if not written or (len(written) == 1 and written.isupper()):
            continue
        if lookalike_problems(written):
            out.append(Mention(a, b, written, None, "lookalike", "lookalike"))
            continue
        out.append(Mention(a, b, written, None, guess_kind(written), "new"))
    return out, drop


_TITLE_WORDS = {w for t in TITLES for w in t.split()} | {
    "minister",
    "secretary",
    "chief",
    "former",
    "ex",
    "then",
}


_KIND_WORDS = (
    ("organisation", ("forum", "organisation", "organization", "union", "council", "bank",
                      "party", "association", "committee", "league", "federation", "club",
                      "fc", "inc", "corp", "ltd", "group", "guard", "force", "ministry",
                      "holdings", "corporation", "airlines", "motors", "bank", "labour",
                      "nations", "alliance", "company", "board", "navy", "army", "court")),
    ("place", ("sea", "ocean", "islands", "island", "river", "mountains", "city", "stadium",
               "region", "province", "state", "strait", "gulf", "bay", "peninsula")),
    ("agreement", ("agreement", "treaty", "accord", "pact", "convention", "protocol")),
    ("series", ("cup", "championship", "olympics", "games", "summit", "open", "series")),
)  # fmt: skip


def guess_kind(name: str) -> str:
    if re.fullmatch(r"[A-Z]{2,6}", name):
        return "organisation"  # NATO, ASEAN, OPEC: an acronym is mostly an organisation's
    words = {w.lower().strip(".,") for w in re.split(r"[\s-]+", name)}
    for kind, nouns in _KIND_WORDS:
        if words & set(nouns):
            return kind
    return "other"


def new_id(name: str) -> str:
    """An id an editor can read: "Luiz Inácio Lula" is `luiz-inacio-lula`, not `luiz-in-cio`."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", plain.replace("’", "").replace("'", ""))
    if slug.strip("-"):
        return slug.strip("-")[:100]
    # No Latin letter left ("北京"): a stable id of its own, so two such names never merge.
    return "entity-" + hashlib.blake2b(name.encode(), digest_size=4).hexdigest()
