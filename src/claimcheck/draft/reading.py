"""What every pattern shares: the article's sentences with their names and dates, the
entities and claims drafted so far, and what a reader keeps in mind between sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from claimcheck.core.dates import PartialDate
from claimcheck.draft.lexicon import (
    MEMBER_NOUNS,
    NUMBERS,
    OPINION,
    ORDINALS,
)
from claimcheck.draft.link import Gazetteer, Mention, new_id
from claimcheck.draft.when import When
from claimcheck.kb.store import KnowledgeBase

_ABBREV = re.compile(r"(?:\b[A-Z]|Mr|Ms|Mrs|Dr|St|Jr|Sr|No|vs|U\.S|U\.K|etc)\.$")
_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
GROUPISH = ("organisation", "group", "series", "other")


@dataclass
class Sentence:
    """One sentence: where it starts in the article, its names and its dates (article
    offsets, so that every quote is cut from the article itself)."""

    start: int
    text: str
    mentions: list[Mention]
    dates: list[When]

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def sentences(text: str) -> list[tuple[int, str]]:
    """The article's sentences with their offsets; the first line (the headline) is left out."""
    out: list[tuple[int, str]] = []
    pos = 0
    first = True
    for line in text.splitlines(keepends=True):
        body = line.strip()
        offset = pos + len(line) - len(line.lstrip())
        pos += len(line)
        if not body:
            continue
        if first:
            first = False
            continue
        if len(body.split()) < 4:
            continue
        start = 0
        for m in _END.finditer(body):
            if _ABBREV.search(body[: m.start() + 1]):
                continue
            out.append((offset + start, body[start : m.start() + 1]))
            start = m.end()
        if start < len(body):
            out.append((offset + start, body[start:]))
    return out


def is_opinion(text: str) -> bool:
    low = text.lower()
    return any(word in low for word in OPINION)


def number(word: str) -> int | None:
    """ "27", "twelve", "twenty-seven": the number, or None."""
    word = word.lower().replace(",", "")
    if word.isdigit():
        return int(word)
    tens, _, unit = word.partition("-")
    if unit:
        if (
            NUMBERS.get(tens, 0) >= 20
            and NUMBERS.get(tens, 0) % 10 == 0
            and 0 < NUMBERS.get(unit, 0) < 10
        ):
            return NUMBERS[tens] + NUMBERS[unit]
        return None
    return NUMBERS.get(word)


@dataclass
class Draft:
    """The claims and entities drafted from one article, in article order."""

    claims: list[dict[str, Any]] = field(default_factory=list)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    skipped: list[str] = field(default_factory=list)  # sentences read as opinion
    lookalikes: list[str] = field(default_factory=list)  # names never linked, shown to the reviewer

    def referenced(self, claims: list[dict[str, Any]] | None = None) -> set[str]:
        """The entity ids the claims use: only those get an entry in the file."""
        out: set[str] = set()
        for claim in self.claims if claims is None else claims:
            for name in ("event", "group", "office", "holder", "subject", "object", "place"):
                if isinstance(claim.get(name), str):
                    out.add(claim[name])
            for name in ("members", "participants", "hosts"):
                out.update(claim.get(name) or ())
            if isinstance(claim.get("series"), str):
                out.add(claim["series"])
        return out


class Reader:
    """The state the patterns share (the article, its names, the KB, the draft so far, and
    the context between sentences) and the helpers they read sentences with."""

    def __init__(
        self,
        text: str,
        published: PartialDate,
        names: Gazetteer,
        kb: KnowledgeBase | None = None,
    ) -> None:
        self.text = text
        self.published = published
        self.names = names
        self.kb = kb
        self.draft = Draft()
        self.last_group: str | None = None
        self.last_org: str | None = None
        self.last_agreement: str | None = None
        self.home: str | None = None  # the country the article is about: its headline's
        self.last_members: list[str] = []
        self.main_event: dict[str, Any] | None = None
        self.main_date: PartialDate | None = None
        self.topic: Mention | None = None
        self.surnames: dict[str, str] = {}  # a new person's last name -> the person's id
        self.taken: list[tuple[int, int]] = []  # spans an event claim already quotes

    # -- entities ---------------------------------------------------------------------------

    def entity(self, m: Mention, kind: str | None = None) -> str:
        """The id a claim uses for a mention, adding its entry to the file's entities."""
        if m.entity is None:
            ident = self.surnames.get(m.text) if " " not in m.text else None
            if ident is not None:
                return ident  # "Lopez", after "Maria Lopez": the same person
            ident = new_id(m.text)
            if " " in m.text and m.kind in ("person", "other") and kind in (None, "person"):
                self.surnames.setdefault(m.text.split()[-1], ident)
            self._define(ident, m.text, kind or (m.kind if m.kind != "lookalike" else "other"))
            return ident
        ident = (
            m.how.split("|")[1] if m.how.startswith("place|") and kind == "country" else m.entity
        )
        self._define(
            ident, self.names.display.get(ident, m.text), self.names.kinds.get(ident, m.kind)
        )
        return ident

    def _define(self, ident: str, name: str, kind: str) -> None:
        """An entity entry, once: the KB's name, kind and Wikidata id when the KB has it."""
        if ident in self.draft.entities:
            return
        entry: dict[str, Any] = {"name": name, "kind": kind}
        known = self.kb.entities.get(ident) if self.kb is not None else None
        if known is not None:
            entry = {"name": known.name, "kind": known.kind}
            if known.wikidata:
                entry["wikidata"] = known.wikidata
        self.draft.entities[ident] = entry

    def government(self, m: Mention) -> tuple[str, str | None]:
        """A country, government or capital used for its government, and the note that says so."""
        if m.how == "demonym":
            ident = self.entity(m)
            return ident, f"'{m.text}' read as {self.names.display.get(ident, ident)}"
        if m.how == "capital" or m.how.startswith("place|"):
            gov = m.how.split("|")[1] if m.how.startswith("place|") else m.entity
            assert gov is not None
            self._define(gov, self.names.display.get(gov, gov), "country")
            return gov, f"'{m.text}' read as {self.names.display.get(gov, gov)}, its government"
        return self.entity(m), None

    # -- claims ------------------------------------------------------------------------------

    def add(
        self, kind: str, a: int, b: int, fields: dict[str, Any], note: str | None = None
    ) -> dict[str, Any]:
        """A claim with a unique readable id, its quote cut from the article, marked a draft."""
        quote = self.text[a:b].strip(" ,;:—-").rstrip(".")
        base = new_id("-".join(str(v) for v in _id_parts(kind, fields)))[:60].strip("-") or kind
        ident = base
        n = 2
        while ident in self.draft.ids:
            ident = f"{base}-{n}"
            n += 1
        self.draft.ids.add(ident)
        claim: dict[str, Any] = {"id": ident, "kind": kind, **fields, "quote": quote, "draft": True}
        if note:
            claim["notes"] = note
        self.draft.claims.append(claim)
        return claim

    # -- the run -----------------------------------------------------------------------------

    # -- helpers -------------------------------------------------------------------------

    def chain(self, s: Sentence, after: int, kinds: tuple[str, ...] | None = None) -> list[Mention]:
        """The list of names that starts right after position ``after``: "A, B, and C"."""
        out: list[Mention] = []
        pos = after
        for m in s.mentions:
            if m.start < pos:
                continue
            gap = self.text[pos : m.start]
            sep = (
                r"\s*(?:the\s+)?"
                if not out
                else r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|,\s+(?:which|who)\s+[^,]*,\s*"
                r"(?:and\s+)?)(?:the\s+)?"
            )
            if not re.fullmatch(sep, gap):
                break
            if kinds and m.kind not in kinds and m.entity is not None:
                break
            out.append(m)
            pos = m.end
        return out

    def chain_before(self, s: Sentence, before: int) -> list[Mention]:
        """The list of names that ends right before ``before``: "Japan and India are"."""
        out: list[Mention] = []
        pos = before
        for m in reversed(s.mentions):
            if m.end > pos:
                continue
            gap = self.text[m.end : pos]
            sep = r"\s*" if not out else r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"
            if not re.fullmatch(sep, gap):
                break
            out.insert(0, m)
            pos = m.start
        return out

    def previous(self, s: Sentence, pos: int, kinds: tuple[str, ...]) -> Mention | None:
        """The last name of one of ``kinds`` that ends before ``pos``."""
        for m in reversed(s.mentions):
            if m.end <= pos and m.kind in kinds:
                return m
        return None

    def next_mention(
        self, s: Sentence, pos: int, kinds: tuple[str, ...] | None = None
    ) -> Mention | None:
        for m in s.mentions:
            if m.start >= pos and (kinds is None or m.kind in kinds):
                return m
        return None

    def group_before(self, s: Sentence, pos: int) -> Mention | None:
        """The last group-like name before ``pos``: what a list that follows belongs to."""
        for m in reversed(s.mentions):
            if m.end <= pos and m.kind in GROUPISH and m.how in ("name", "new"):
                return m
        return None

    _GROUP_NOUN = re.compile(
        r"\b(?P<article>[Tt]he|[Aa])\s+(?P<noun>board|committee|cabinet|panel|team|bloc|alliance|"
        r"group|union|council|organisation|organization|league|club|forum|coalition)\b"
        r"(?:['’]s)?[^.]*?$"
    )
    _SUBGROUP = ("board", "committee", "cabinet", "panel", "team")

    def group_ref(self, s: Sentence, at: int) -> tuple[str, int] | None:
        """The group a list or a count is about: a name before it in the sentence, else "the
        bloc" (the group the article is about), "the board" (of the company it is about), or
        "27 members, including" (the group of the last sentences)."""
        head = self.text[s.start : at]
        noun = self._GROUP_NOUN.search(head)
        group = self.group_before(s, at)
        if group is not None and (noun is None or group.start > s.start + noun.start()):
            return self.entity(group, "organisation"), group.start
        context = self.last_group or self.last_org
        if noun is not None:
            word = noun.group("noun").lower()
            where = s.start + noun.start()
            if noun.group("article").lower() == "a":
                # "a coalition of three parties": a group of its own, named by the reviewer.
                ident = new_id(f"{self.names.display.get(self.home or '', '')} {word}")
                self._define(ident, f"{word} ({self.text[where:at].strip()})", "group")
                return ident, where
            if word in self._SUBGROUP and self.last_org is not None:
                owner = self.names.display.get(self.last_org) or self.draft.entities.get(
                    self.last_org, {}
                ).get("name", self.last_org)
                ident = new_id(f"{self.last_org} {word}")
                self._define(ident, f"{owner} {word}", "group")
                return ident, where
            if context is not None:
                return context, where
        nouns = "|".join(MEMBER_NOUNS)
        if context is not None and re.search(rf"\b(?:{nouns})\b[^.]{{0,40}}$", head):
            return context, at
        return None

    def members(self, ms: list[Mention]) -> list[str]:
        """Mentions as entity ids, a demonym or a capital as its country, each once."""
        out: list[str] = []
        for m in ms:
            ident = self.government(m)[0] if m.kind == "country" else self.entity(m)
            if ident not in out:
                out.append(ident)
        return out

    def subject_before(self, s: Sentence, at: int) -> list[Mention]:
        """Who does what the verb at ``at`` says: "X, which joined", else the sentence's
        first names when they open it, else the names right before the verb."""
        head = self.text[s.start : at]
        rel = re.search(r",\s+(?:which|who)\s+(?:\w+\s+){0,2}$", head)
        if rel:
            return self.chain_before(s, s.start + rel.start())
        kinds = ("country", "person", "organisation", "other")
        openers = list(re.finditer(r"(?:,\s+|\b)(?:where|when|while|after|as)\s+", head))
        if openers:
            opener = openers[-1]
            inner = [m for m in s.mentions if s.start + opener.end() <= m.start and m.end <= at]
            if inner and inner[0].kind in kinds:
                return self.chain(s, inner[0].start) or inner[:1]
        first = next((m for m in s.mentions if m.start < at), None)
        if first is not None and len(self.text[s.start : first.start].split()) <= 7:
            chain = self.chain(s, first.start) or [first]
            chain = [m for m in chain if m.end <= at and m.kind in kinds]
            if chain:
                return chain
        return [m for m in self.chain_before(s, at) if m.kind in kinds]

    def place_in(self, s: Sentence, at: int, end: int) -> Mention | None:
        """The place of a clause: "in X" or "at X", X a place, a country or a new name."""
        for m in re.finditer(r"\b(?:in|at)\s+(?:the\s+)?", self.text[at:end]):
            cand = self.next_mention(s, at + m.end())
            if cand is None or cand.start != at + m.end():
                continue
            if cand.how == "capital":  # "in Paris": the city, not the government
                return Mention(cand.start, cand.end, cand.text, None, "place", "new")
            if cand.kind in ("place", "country") or (cand.entity is None and cand.kind == "other"):
                return cand
        return None

    def _event_id(self, claim: dict[str, Any]) -> str:
        """A short id from the event's first words and its date: a reviewer renames it."""
        parts = str(claim.get("what", "event")).split()[:6]
        if "date" in claim:
            parts.append(str(claim["date"]))
        return new_id(" ".join(parts))[:80]


ORDINALS_NAME = {v: k for k, v in reversed(list(ORDINALS.items()))}


def what_text(text: str) -> str:
    text = " ".join(re.sub(r"[“”\"]", "", text).split())
    return text[:120] or "event"


def quote_start(text: str, s: Sentence, start: int) -> int:
    """Start the quote at the sentence when only a few words precede the first name."""
    head = text[s.start : start]
    return s.start if len(head.split()) <= 8 and not re.search(r"[,;]", head) else start


def _id_parts(kind: str, fields: dict[str, Any]) -> list[Any]:
    if kind == "membership":
        return [fields["group"], "members" if fields["complete"] else fields["members"][0]]
    if kind == "count":
        return [fields["group"], fields["count"], fields["of"]]
    if kind == "office":
        return [fields["holder"], fields["office"]]
    if kind == "relation":
        return [fields["subject"], fields["predicate"], fields["object"]]
    if kind == "property":
        return [fields["subject"], fields["property"]]
    return [" ".join(str(fields.get("what", "event")).split()[:6]), fields.get("date", "")]
