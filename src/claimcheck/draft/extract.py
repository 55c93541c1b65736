"""From sentences to typed claims: patterns over the words, the linked names and the dates.

Each pattern reads one construction newspapers use ("comprising A, B and C", "Prime
Minister X", "the third ... since", "controlled by Tokyo") and drafts the claim it states,
quoting the article's words that state it. A sentence of opinion or analysis gives nothing.
What no pattern reads is left to the reviewer: a draft proposes, it never decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from claimcheck.core.dates import PartialDate
from claimcheck.draft.lexicon import (
    CORPORATE,
    MEMBER_NOUNS,
    NUMBERS,
    OPINION,
    ORDINALS,
    TITLES,
)
from claimcheck.draft.link import Gazetteer, Mention, key, new_id
from claimcheck.draft.when import When, dates_in
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


class Drafter:
    """Reads an article sentence by sentence, keeping what a reader keeps between sentences:
    the group in view ("the bloc"), the company ("the board"), the country the article is
    about, the main event ("marking the third ..."), and the place the sentence is about."""

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

    def run(self) -> Draft:
        """Every sentence in order (the context a sentence leaves is the next one's), then
        the file's entities cut down to those the claims use."""
        headline = self.text.strip().split("\n", 1)[0]
        for m in self.names.mentions(headline) + self.names.mentions(self.text):
            if m.kind == "country" and m.entity is not None:
                self.home = m.how.split("|")[1] if m.how.startswith("place|") else m.entity
                break
        for start, body in sentences(self.text):
            mentions = [
                Mention(start + m.start, start + m.end, m.text, m.entity, m.kind, m.how)
                for m in self.names.mentions(body)
            ]
            dates = [
                When(start + w.start, start + w.end, w.date, w.weekday, w.relative)
                for w in dates_in(body, self.published)
            ]
            for m in mentions:
                if m.kind == "lookalike" and m.text not in self.draft.lookalikes:
                    self.draft.lookalikes.append(m.text)
            mentions = [m for m in mentions if m.kind != "lookalike"]
            s = Sentence(start, body, mentions, dates)
            if is_opinion(body):
                self.draft.skipped.append(body)
                continue
            self.sentence(s)
            for m in s.mentions:
                if m.kind in ("organisation", "group") and m.how in ("name", "new"):
                    self.last_org = self.entity(m, "organisation")
                elif m.kind == "agreement":
                    self.last_agreement = self.entity(m, "agreement")
        for claim in self.draft.claims:
            if claim["kind"] == "event":
                self._define(claim["event"], claim["what"], "event")
        used = self.draft.referenced()
        self.draft.entities = {k: v for k, v in self.draft.entities.items() if k in used}
        return self.draft

    def sentence(self, s: Sentence) -> None:
        """Memberships and counts first (they set the group in view), events last (they
        skip what a series or an agreement claim already quotes)."""
        for step in (
            self.complete_members,
            self.partial_members,
            self.member_of,
            self.counts,
            self.offices,
            self.series,
            self.hosts,
            self.relations,
            self.events,
            self.properties,
        ):
            step(s)

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

    # -- memberships -----------------------------------------------------------------------

    def complete_members(self, s: Sentence) -> None:
        """The whole list: "BRICS, comprising A, B and C", "made up of", "whose members are"."""
        for kw in re.finditer(
            r"\b(?:comprising|comprises|comprised of|made up of|consisting of|consists of|"
            r"composed of|whose members are)\b",
            s.text,
        ):
            at = s.start + kw.start()
            ref = self.group_ref(s, at)
            listed = self.chain(s, s.start + kw.end())
            if ref is None or len(listed) < 2:
                continue
            gid, start = ref
            members = self.members(listed)
            founding = "founding" in self.text[start - 20 : at].lower()
            fields: dict[str, Any] = {"group": gid, "members": members, "complete": True}
            if founding:
                fields["founding"] = True
            self.add("membership", start, listed[-1].end, fields)
            self.last_group, self.last_members = gid, members
        self.numbered_list(s)

    def numbered_list(self, s: Sentence) -> None:
        """ "six countries, Belgium, France, ...": a list as long as its number is whole."""
        nouns = "|".join(MEMBER_NOUNS)
        for m in re.finditer(
            rf"\b(?P<n>\d+|[a-z]+(?:-[a-z]+)?)\s+(?P<founding>founding\s+)?(?:{nouns})(?:[,:]|\s+were|\s+are)\s+",
            s.text,
        ):
            n = number(m.group("n"))
            listed = self.chain(s, s.start + m.end())
            if n is None or len(listed) != n or n < 2:
                continue
            at = s.start + m.start()
            ref = self.group_ref(s, at)
            if ref is None:
                continue
            gid = ref[0]
            head = self.text[s.start : at].lower()
            founding = bool(m.group("founding")) or bool(
                re.search(r"\b(?:founded|created|established|formed)\b", head)
            )
            fields: dict[str, Any] = {
                "group": gid,
                "members": self.members(listed),
                "complete": True,
            }
            if founding:
                fields["founding"] = True
            self.add("membership", at, listed[-1].end, fields)
            self.last_members = fields["members"]

    def partial_members(self, s: Sentence) -> None:
        """Some members, not all: "the Quad, which includes A and B", "X and Y are members
        of G, which includes"."""
        for kw in re.finditer(r"\b(?:including|includes|include|such as|among them)\b", s.text):
            at = s.start + kw.start()
            ref = self.group_ref(s, at)
            listed = self.chain(s, s.start + kw.end())
            if ref is None or not listed:
                continue
            gid, gstart = ref
            if not all(m.kind in ("country", "organisation", "other", "person") for m in listed):
                continue
            head = re.search(
                r"\b(?:are|is|were|was)\s+(?:also\s+)?(?:\w+\s+)?members?\s+of\s+(?:the\s+)?$",
                self.text[s.start : gstart],
            )
            before: list[Mention] = []
            if head:
                before = self.chain_before(s, s.start + head.start() - 1)
            members = self.members(before + listed)
            fields: dict[str, Any] = {"group": gid, "members": members, "complete": False}
            if "founding" in self.text[max(s.start, at - 30) : at].lower():
                fields["founding"] = True
            start = before[0].start if before else min(gstart, at)
            if not before and len(self.text[start : listed[0].start].split()) > 12:
                start = at
            self.add("membership", start, listed[-1].end, fields)
            self.last_group, self.last_members = gid, members

    def founded(self, s: Sentence) -> None:
        """ "founded in 1967 by five countries": how many founded it (a count at founding)."""
        nouns = "|".join(MEMBER_NOUNS)
        for m in re.finditer(
            rf"\b(?:founded|created|established|formed)\b[^.;]*?\bby\s+(?:the\s+)?"
            rf"(?P<n>\d+|[a-z]+(?:-[a-z]+)?)\s+(?:founding\s+)?(?:{nouns})\b",
            s.text,
        ):
            n = number(m.group("n"))
            if n is None:
                continue
            at = s.start + m.start()
            ref = self.group_ref(s, at)
            subject = self.subject_before(s, at)
            group = (
                self.entity(subject[0], "organisation")
                if subject and subject[0].kind in GROUPISH
                else (ref[0] if ref else None)
            )
            if group is None:
                continue
            start = s.start + m.start("n") - len("by ")
            if "the " in self.text[start - 4 : s.start + m.start("n")]:
                start = s.start + m.start("n")
            self.add(
                "count",
                at,
                s.start + m.end(),
                {"of": "members", "group": group, "count": n, "founding": True},
            )

    def member_of(self, s: Sentence) -> None:
        """One member: "As a member of G, X ...", "X, a member of G", "X is a member of G"."""
        for kw in re.finditer(
            r"\b(?:[Aa]s\s+)?an?\s+(?:(founding|full|permanent|non-permanent)\s+)?member\s+of\s+(?:the\s+)?",
            s.text,
        ):
            at, after = s.start + kw.start(), s.start + kw.end()
            group = self.next_mention(s, after)
            if group is None or group.start != after:
                noun = re.match(
                    r"(?:council|bloc|alliance|group|union|board|league|club|party|committee)\b",
                    self.text[after : s.end],
                )
                if noun is None:
                    continue
                context = self.last_group or self.last_org
                if context is None:  # "a member of the league", none named: one of its own
                    context = new_id(noun.group())
                    self._define(context, noun.group(), "organisation")
                group = Mention(
                    after, after + noun.end(), noun.group(), context, "organisation", "name"
                )
            gid = self.entity(group, "organisation")
            subject: Mention | None = None
            start = at
            if kw.group().lower().startswith("as"):
                # "As a member of G—...—X has": X, the first name after G's aside.
                rest = [m for m in s.mentions if m.start > group.end]
                aside_end = group.end
                dash = re.search(r"[—–]|\s-\s", self.text[group.end : s.end])
                if dash and len(self.text[group.end : group.end + dash.start()].split()) <= 2:
                    close = re.search(r"[—–]|\s-\s", self.text[group.end + dash.end() : s.end])
                    if close:
                        aside_end = group.end + dash.end() + close.end()
                for m in rest:
                    if m.start >= aside_end:
                        subject = m
                        break
                noun = re.match(
                    r"\s+(?:forum|bloc|alliance|group|club|organisation|organization)\b",
                    self.text[group.end : s.end],
                )
                end = group.end + (noun.end() if noun else 0)
            else:
                prior = re.search(
                    r"(?:,\s*|\s+(?:is|was|became|remains)\s+)$", self.text[s.start : at]
                )
                if prior:
                    subject = self.previous(s, at, ("country", "organisation", "person", "other"))
                    if subject is not None:
                        start = subject.start
                end = group.end
            if subject is None or subject.kind not in (
                "country",
                "organisation",
                "person",
                "other",
            ):
                continue
            fields: dict[str, Any] = {
                "group": gid,
                "members": self.members([subject]),
                "complete": False,
            }
            if kw.group(1) == "founding":
                fields["founding"] = True
            self.add("membership", start, end, fields)
            self.last_group = gid

    def counts(self, s: Sentence) -> None:
        """A count of the group in view: "the four nations", "the bloc's 27 members", "made
        up of ten member states"; "five permanent members" counts a part and gives none."""
        nouns = "|".join(MEMBER_NOUNS)
        for m in re.finditer(
            rf"\b(?:(?:the|its|their|(?P<owner>[A-Za-z]+)['’]s)\s+|(?P<made>made\s+up\s+of|"
            rf"comprising|consisting\s+of|with|has|have|had|(?:a|the)\s+(?:coalition|"
            rf"alliance|union|group|bloc)\s+of)\s+)(?P<n>\d+|[a-z]+(?:-[a-z]+)?)\s+"
            rf"(?:(?P<founding>founding)\s+|(?P<qualified>permanent|non-permanent|elected|"
            rf"new|other|remaining)\s+)?(?P<noun>{nouns})\b",
            s.text,
            re.IGNORECASE,
        ):
            n = number(m.group("n"))
            if n is None or m.group("qualified"):
                continue  # "five permanent members" counts a part of the group, not the group
            owner = m.group("owner")
            at = s.start + m.start()
            if owner and re.search(r"\b[Tt]he\s+$", self.text[s.start : at]):
                at -= len(re.search(r"[Tt]he\s+$", self.text[s.start : at]).group())  # type: ignore[union-attr]
            group: str | None = None
            named = None
            if owner:
                named = next(
                    (x for x in s.mentions if x.start <= at < x.end or x.start == at), None
                )
            if named is not None and named.kind in GROUPISH:
                group = self.entity(named, "organisation")
            else:
                ref = self.group_ref(s, at)
                group = ref[0] if ref else self.last_group or self.last_org
            if group is None:
                continue
            clause = re.search(r"[,;]|$", self.text[s.start + m.end() : s.end])
            end = s.start + m.end() + (clause.start() if clause else 0)
            if m.group("made"):
                end = s.start + m.end()
            fields: dict[str, Any] = {"of": "members", "group": group, "count": n}
            head = self.text[s.start : at].lower()
            if m.group("founding") or re.search(r"\b(?:founded|created|established)\b", head):
                fields["founding"] = True
            self.add("count", at, end, fields)
        self.founded(s)
        joint = re.search(r"\bjoint\s+(?:\w+\s+)?(?:exercises|drills|patrols|operations)\b", s.text)
        if joint and self.last_members:
            lead = re.search(
                r"(?:\w+\s+)?(?:through|in|with|via)\s+$",
                self.text[s.start : s.start + joint.start()],
            )
            start = s.start + (lead.start() if lead else joint.start())
            self.add(
                "event",
                start,
                s.start + joint.end(),
                {
                    "event": new_id(joint.group()),
                    "what": joint.group(),
                    "participants": list(self.last_members),
                },
            )

    # -- offices ---------------------------------------------------------------------------

    # The titles of the lexicon, and any "<Portfolio> Minister" ("Energy Minister").
    _TITLES = "|".join(sorted((re.escape(t) for t in TITLES), key=len, reverse=True)) + (
        r"|[A-Z][a-z]+\s+[Mm]inister"
    )

    def owner(
        self, s: Sentence, at: int, title: str, carried: Mention | None
    ) -> tuple[str, str | None, Mention | None] | None:
        """Whose office a title names: the country (or demonym) right before it, the one the
        sentence named for an earlier title, a company's for a company title, else the
        country the article is about (its headline's)."""
        before = self.previous(s, at, ("country",))
        if before is not None and re.fullmatch(r"\s*", self.text[before.end : at]):
            cid, note = self.government(before)
            return cid, note, before
        if carried is not None:
            cid, note = self.government(carried)
            return cid, note, None
        if title.lower() in CORPORATE and self.last_org is not None:
            return self.last_org, None, None
        if self.home is not None:
            home = self.names.display.get(self.home, self.home)
            return self.home, f"no country named: read as {home}, the article's country", None
        return None

    def offices(self, s: Sentence) -> None:
        """Titles before names ("Japanese Foreign Minister X and Defense Minister Y": the
        second keeps the country), then the other office constructions."""
        carried: Mention | None = None
        found: list[tuple[str, str, Mention]] = []  # (title, owner id, holder)
        for m in re.finditer(
            rf"\b(?:(?P<former>former|ex-)\s*)?(?P<title>{self._TITLES})\s+", s.text, re.IGNORECASE
        ):
            title = m.group("title")
            if not title[0].isupper():
                continue
            at = s.start + m.start()
            holder = self.next_mention(s, s.start + m.end())
            if holder is None or holder.start != s.start + m.end():
                continue
            if holder.kind not in ("person", "other") and holder.entity is not None:
                continue
            owner = self.owner(s, at, title, carried)
            if owner is None:
                continue
            oid, note, adjacent = owner
            if adjacent is not None:
                carried = adjacent
            start = adjacent.start if adjacent is not None else at
            self.office(title, oid, holder, start, holder.end, note, former=bool(m.group("former")))
            found.append((title, oid, holder))
        self.respectively(s, found)
        self.became(s)
        self.led_by(s)
        self.sworn_in(s)
        self.whose_title(s)

    def whose_title(self, s: Sentence) -> None:
        """ "Hungary, whose prime minister, Viktor Orban", "Japan's prime minister, X"."""
        for m in re.finditer(
            rf"\b(?:whose|its|their|(?P<owner>\w+)['’]s)\s+(?P<title>{self._TITLES}),?\s+",
            s.text,
            re.IGNORECASE,
        ):
            at = s.start + m.start()
            holder = self.next_mention(s, s.start + m.end())
            if (
                holder is None
                or holder.start != s.start + m.end()
                or holder.kind not in ("person", "other")
            ):
                continue
            if m.group("owner"):
                who = next((x for x in s.mentions if x.start <= at < x.end), None)
            else:
                who = self.previous(s, at, ("country", "organisation", "other"))
            context = self.last_group or self.last_org
            if who is not None:
                oid, note = (
                    self.government(who) if who.kind == "country" else (self.entity(who), None)
                )
            elif context is not None:  # "The group, whose secretary-general, X"
                oid, note = context, None
            else:
                continue
            start = who.start if m.group("owner") and who is not None else at
            self.office(m.group("title"), oid, holder, start, holder.end, note)

    def office(
        self,
        title: str,
        owner: str,
        holder: Mention,
        a: int,
        b: int,
        note: str | None = None,
        *,
        former: bool = False,
        since: PartialDate | None = None,
    ) -> None:
        """The office claim: dated like the sentence's event, or `former`, or with `since`."""
        oid = self.office_id(title, owner)
        fields: dict[str, Any] = {"office": oid, "holder": self.entity(holder, "person")}
        if self.main_date is not None and not former and since is None:
            fields["at"] = str(self.main_date)
        if former:
            fields["former"] = True
        if since is not None:
            fields["since"] = str(since)
        self.add("office", a, b, fields, note)

    def office_id(self, title: str, country: str) -> str:
        """The KB's office for a title and a country (its name holds both), else a new one."""
        title = " ".join(title.split())
        words = TITLES.get(title.lower(), (title.split()[0].lower(),))
        cname = key(self.names.display.get(country, country))
        if self.kb is not None:
            for ident, entity in sorted(self.kb.entities.items()):
                if entity.kind != "office":
                    continue
                name = key(entity.name)
                if cname in name and any(key(w) in name for w in words):
                    self._define(ident, entity.name, "office")
                    return str(ident)
        ident = new_id(f"{country}-{title}")
        owner = self.names.display.get(country) or self.draft.entities.get(country, {}).get(
            "name", country
        )
        self._define(ident, f"{title.title()} of {owner}", "office")
        return ident

    def respectively(self, s: Sentence, found: list[tuple[str, str, Mention]]) -> None:
        """Counterparts: "A and B met their Indian counterparts, C and D, respectively" gives
        C and D the titles of A and B, for India."""
        m = re.search(r"\b(?:their|its)\s+(\w+)\s+counterparts?,?\s+", s.text)
        if not m or "respectively" not in s.text or not found:
            return
        demonym = next((x for x in s.mentions if x.start == s.start + m.start(1)), None)
        listed = self.chain(s, s.start + m.end())
        if demonym is None or len(listed) != len(found):
            return
        tail = re.search(r"respectively", self.text[listed[-1].end : s.end])
        end = listed[-1].end + (tail.end() if tail else 0)
        cid, note = self.government(demonym)
        for (title, _, _), person in zip(found, listed, strict=True):
            self.office(title, cid, person, s.start + m.start(), end, note)

    _BY: ClassVar[dict[str, str]] = {
        "coached": "coach",
        "managed": "manager",
        "chaired": "chair",
        "captained": "captain",
    }

    def led_by(self, s: Sentence) -> None:
        """ "The club, coached by Xabi Alonso since October 2022": an office and its start."""
        for m in re.finditer(r"\b(?P<verb>coached|managed|chaired|captained)\s+by\s+", s.text):
            at = s.start + m.start()
            holder = self.next_mention(s, s.start + m.end())
            if holder is None or holder.start != s.start + m.end():
                continue
            owner = self.owner(s, at, self._BY[m.group("verb")], None)
            if owner is None:
                continue
            since = re.match(r"\s+since\s+", self.text[holder.end : s.end])
            when = next((w for w in s.dates if since and w.start == holder.end + since.end()), None)
            end = when.end if when is not None else holder.end
            self.office(
                self._BY[m.group("verb")],
                owner[0],
                holder,
                at,
                end,
                owner[1],
                since=when.date if when is not None else None,
            )

    def sworn_in(self, s: Sentence) -> None:
        """ "X was sworn in as India's prime minister": the office, its holder named before."""
        for m in re.finditer(
            rf"\b(?:was|were|is)\s+(?:sworn\s+in|elected|re-elected|appointed|named)\s+"
            rf"(?:as\s+)?(?:(?P<owner>\w+)['’]s\s+|the\s+)?(?P<title>{self._TITLES})\b",
            s.text,
            re.IGNORECASE,
        ):
            at = s.start + m.start()
            holder = self.chain_before(s, at)
            if len(holder) != 1 or holder[0].kind not in ("person", "other"):
                continue
            if m.group("owner"):
                who = next((x for x in s.mentions if x.start == s.start + m.start("owner")), None)
                found = self.government(who) if who is not None and who.kind == "country" else None
            else:
                first = self.owner(s, at, m.group("title"), None)
                found = (first[0], first[1]) if first is not None else None
            if found is None:
                continue
            self.office(
                m.group("title"), found[0], holder[0], holder[0].start, s.start + m.end(), found[1]
            )

    def became(self, s: Sentence) -> None:
        """A tenure's start: "X, who became prime minister in July 2024"."""
        for m in re.finditer(
            rf",\s+who\s+(?:became|was\s+appointed|was\s+named|took\s+office\s+as|took\s+over\s+as)\s+"
            rf"(?:(?P<dem>[A-Z]\w+)\s+)?(?P<title>{self._TITLES})\b",
            s.text,
            re.IGNORECASE,
        ):
            at = s.start + m.start()
            holder = self.previous(s, at, ("person", "other"))
            when = next((w for w in s.dates if w.start >= s.start + m.end()), None)
            if holder is None or when is None or when.start - (s.start + m.end()) > 20:
                continue
            dem = next(
                (x for x in s.mentions if m.group("dem") and x.start == s.start + m.start("dem")),
                None,
            )
            country = dem or self.previous(s, holder.start, ("country",))
            if country is not None:
                oid, note = self.government(country)
            else:
                found = self.owner(s, at, m.group("title"), None)
                if found is None:
                    continue
                oid, note, _ = found
            self.office(
                m.group("title"), oid, holder, holder.start, when.end, note, since=when.date
            )

    # -- events ----------------------------------------------------------------------------

    _EVENT = re.compile(
        r"\b(?:met|meet|convened|gathered|held\s+talks|hosted|co-hosted|signed|visited|"
        r"launched|won|beat|defeated|elected|entered|invaded|is\s+considering|are\s+considering|"
        r"opened|closed|attended|announced|agreed|took\s+place|was\s+held|were\s+held|joined|"
        r"rejoined|withdrew|left|founded|created|established|adopted|ratified|failed|vetoed|"
        r"named|appointed|resigned|collapsed|ended|dissolved|concluded|completed|reached|"
        r"approved|rejected|passed|sworn\s+in|"
        r"struck|sealed|"
        r"(?P<noun>election|summit|conference|ceremony|referendum|final|vote|victory|win|defeat))\b"
    )
    _MET = ("met", "meet")
    _WITH_OBJECT = ("met", "meet", "beat", "defeated", "joined", "rejoined", "named", "appointed",
                    "visited", "elected")  # fmt: skip
    _GATHERING = ("met", "meet", "convened", "gathered", "held talks", "hosted", "co-hosted")

    def events(self, s: Sentence) -> None:
        """An event per verb or event noun ("met", "signed", "the election on Thursday"),
        and an invasion read as an event and a relation."""
        invasion = re.search(r"\b(\w[\w ]*?)['’]s\s+invasion\s+of\s+", s.text)
        if invasion:
            self.invasion(s, invasion)
        if s.text.startswith("If "):
            return
        for verb in self._EVENT.finditer(s.text):
            at = s.start + verb.start()
            if verb.group() == "invaded":
                continue  # read by `invasion`
            if any(a <= at < b for a, b in self.taken):
                continue
            if self.text[at - 4 : at] in ("to ", "will ") or self.text[at - 3 : at] == "to ":
                continue
            self.event_at(s, verb)

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

    def event_at(self, s: Sentence, verb: re.Match[str]) -> None:
        """The event one verb states: the date and place in its clause, who did it and to
        whom ("beat France", "named Maria Lopez"). Without a date, a place or two parties
        it is too vague to check, and gives nothing."""
        at = s.start + verb.start()
        name = verb.group()
        noun = verb.group("noun") is not None
        # The verb's own clause: its date and place, not those of a later aside.
        tail = re.search(r",|;|\bsince\b|\band\s+(?=\w+ed\b)|$", self.text[at + len(name) : s.end])
        clause_end = at + len(name) + (tail.start() if tail else 0)
        when = next((w for w in s.dates if at <= w.start < clause_end), None)
        if when is None and not noun:
            when = next(
                (
                    w
                    for w in s.dates
                    if at - 40 <= w.start < at and "," not in self.text[w.end : at]
                ),
                None,
            )
        if noun and (when is None or when.start - (at + len(name)) > 25):
            return
        place = self.place_in(s, at, clause_end)
        kinds = ("country", "person", "organisation", "other")
        subjects = [] if noun else self.subject_before(s, at)
        objects: list[Mention] = []
        if name in self._MET:
            subjects = [m for m in s.mentions if m.end <= at and m.kind == "person"] or subjects
            objects = [m for m in s.mentions if m.start > at and m.kind == "person"]
        elif name in self._WITH_OBJECT:
            objects = [m for m in self.chain(s, at + len(name)) if m.kind in kinds]
        elif "considering" in name:
            objects = [m for m in s.mentions if at < m.start < clause_end and m.how == "demonym"]
            objects = objects[:1]
        if place is not None:
            objects = [m for m in objects if m is not place]
        people = [m for m in subjects + objects if m.kind == "person"]
        if name in self._MET and len(people) >= 2:
            who = people
        else:
            who = [
                m
                for m in subjects + objects
                if m.kind in ("country", "organisation", "person")
                or (m.entity is None and m.kind == "other")
            ]
        if name == "entered" and place is None:
            place = self.next_mention(s, at, ("place",))
        pair = name in self._WITH_OBJECT and len(who) >= 2
        if (
            when is None
            and place is None
            and not pair
            and name != "entered"
            and "consider" not in name
        ):
            return
        ends = [x.end for x in [*who, place] if x is not None and x.start < clause_end]
        ends += [when.end] if when is not None else []
        end = max([at + len(name), *ends])
        if name in ("entered",) or "considering" in name:
            end = clause_end
        if name in self._MET and "respectively" in self.text[at : s.end]:
            end = at + self.text[at : s.end].index("respectively") + len("respectively")
        starts = [x.start for x in who if x.start < at] + [at]
        if noun:
            lead = re.search(r"(?:\bthe\s+)?(?:\w+\s+)?$", self.text[max(s.start, at - 30) : at])
            starts.append(
                at - (len(self.text[max(s.start, at - 30) : at]) - lead.start()) if lead else at
            )
        start = _sentence_start_if_close(self.text, s, min(starts))
        fields: dict[str, Any] = {"event": "?", "what": _what(self.text[start:end])}
        if when is not None:
            fields["date"] = str(when.date)
            if when.weekday:
                fields["weekday"] = when.weekday
                fields["relative"] = True
        if place is not None:
            fields["place"] = self.entity(place, "place")
        if who:
            fields["participants"] = self.members(who)
        same = self.main_event is not None and when is None and name in self._MET
        claim = self.add("event", start, end, fields)
        self.taken.append((start, end))
        if same and self.main_event is not None:
            claim["event"] = self.main_event["event"]
        else:
            claim["event"] = self._event_id(claim)
        if self.main_event is None and name in self._GATHERING:
            self.main_event = claim
            self.main_date = when.date if when is not None else None

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

    def invasion(self, s: Sentence, m: re.Match[str]) -> None:
        """An invasion: "Russia's invasion of Ukraine in February 2022", event and relation."""
        who = self.previous(s, s.start + m.end(1) + 1, ("country",))
        target = self.next_mention(s, s.start + m.end(), ("country", "place"))
        if who is None or target is None or target.start != s.start + m.end():
            return
        when = next(
            (w for w in s.dates if w.start >= target.end and w.start - target.end < 6), None
        )
        end = when.end if when else target.end
        a, b = self.entity(who), self.entity(target)
        fields: dict[str, Any] = {
            "event": new_id(f"invasion of {target.text}"),
            "what": _what(self.text[who.start : end]),
        }
        if when:
            fields["date"] = str(when.date)
        fields["participants"] = [a, b]
        self.add("event", who.start, end, fields)
        rel: dict[str, Any] = {"subject": a, "predicate": "invaded", "object": b}
        if when:
            rel["at"] = str(when.date)
        self.add("relation", who.start, end, rel)

    def series(self, s: Sentence) -> None:
        """A place in a series: "the third two-plus-two dialogue ... since the talks were
        initiated in November 2019" gives the third meeting and the first, dated."""
        ords = "|".join(ORDINALS)
        for m in re.finditer(
            rf"\b(?:marking\s+|mark\s+)?(?:the|its|their|his|her|[A-Z]\w*['’]s)\s+(?P<ord>{ords}|\d+(?:st|nd|rd|th))\s+"
            r"(?P<name>[^,.;]{1,80}?)"
            r"(?=\s+(?:between|since|under|in|at|to|was|were|is|will|has|have|had|cast|by|for|"
            r"of\s+the)\b|\s+[a-z]+ed\b|[,.;]|$)",
            s.text,
            re.IGNORECASE,
        ):
            word = m.group("ord").lower()
            ordinal = ORDINALS.get(word) or int(re.sub(r"\D", "", word))
            name = m.group("name")
            if re.match(r"(?:member|members|largest|biggest|time\s+in)\b", name, re.IGNORECASE):
                continue
            at = s.start + m.start()
            person = re.match(r"(?:marking\s+|mark\s+)?(?:his|her)\b", m.group(), re.IGNORECASE)
            if person and not re.match(
                r"(?:consecutive\s+|successive\s+|straight\s+)?(?:term|title|victory|win)\b",
                name,
            ):
                continue  # "her first summit": her attendance, not a series of her own
            if ordinal == 1 and re.match(r"[^,.;]*\bsince\b", self.text[s.start + m.end() : s.end]):
                continue  # "the first Labour victory since 2005": the first in a while
            countries = [x for x in s.mentions if x.kind == "country"]
            series_id = self.series_id(name, countries, s, s.start + m.start("name"))
            clause = re.search(r"\s+since\b|,|$", self.text[s.start + m.end() : s.end])
            end = s.start + m.end() + (clause.start() if clause else 0)
            marking = (
                m.group().lower().startswith("mark") and "would" not in self.text[at - 15 : at]
            )
            fields: dict[str, Any] = {
                "event": "?",
                "what": _what(name),
                "series": series_id,
                "ordinal": ordinal,
            }
            when = next((w for w in s.dates if at < w.start < end), None)
            if when is not None:
                fields["date"] = str(when.date)
            place = self.place_in(s, s.start + m.end("name"), end)
            if place is not None:
                fields["place"] = self.entity(place, "place")
            if marking and self.main_event is not None:
                fields["event"] = self.main_event["event"]
                self.main_event.setdefault("series", series_id)
            else:
                parties = self.members(
                    [
                        x
                        for x in s.mentions
                        if x.kind == "country"
                        and at < x.start < end
                        and x.how != "capital"
                        and not re.search(r"\b(?:in|at)\s+$", self.text[x.start - 4 : x.start])
                    ]
                )
                if parties:
                    fields["participants"] = parties
            claim = self.add("event", at, end, fields)
            self.taken.append((at, end))
            claim["event"] = self._kb_event(series_id, ordinal, None) or (
                fields["event"]
                if fields["event"] != "?"
                else new_id(f"{ORDINALS_NAME.get(ordinal, ordinal)} {name}")
            )
            if marking and self.main_event is not None:
                old = self.main_event["event"]
                for other in self.draft.claims:
                    if other.get("event") == old:
                        other["event"] = claim["event"]
            since = re.search(
                r"\bsince\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:first\s+met|first\s+gathered|"
                r"(?:were|was)\s+(?:initiated|launched|started|begun|first\s+held)|began|started)\s+",
                self.text[end : s.end],
            )
            if since:
                when = next((w for w in s.dates if w.start >= end + since.start()), None)
                if when is not None:
                    first = {
                        "event": self._kb_event(series_id, 1, when.date)
                        or new_id(f"first {name} {when.date}"),
                        "what": f"first {_what(name)}",
                        "date": str(when.date),
                        "series": series_id,
                        "ordinal": 1,
                    }
                    self.add("event", end + since.start(), when.end, first)
                    self.taken.append((end + since.start(), when.end))

    def series_id(self, name: str, countries: list[Mention], s: Sentence, at: int) -> str:
        """The KB's series whose name holds the words written (number words as digits,
        "two-plus-two" as "2+2"), the one naming the sentence's countries first; else new."""
        text = re.sub(r"[“”\"‘’']", "", name)
        for word, n in NUMBERS.items():
            text = re.sub(rf"\b{word}\b", str(n), text, flags=re.IGNORECASE)
        text = re.sub(r"\s*-?plus-?\s*", "+", text)
        k = key(text)
        cnames = [
            key(self.names.display.get(c.entity or "", c.text)) for c in countries if c.entity
        ]
        if self.kb is not None:
            best = []
            for ident, entity in sorted(self.kb.entities.items()):
                if entity.kind != "series":
                    continue
                name_k = key(entity.name)
                words = [w for w in k.split() if w not in ("dialogue", "meeting", "talks", "round")]
                if words and all(w in name_k.split() or w in name_k for w in words):
                    score = sum(c in name_k for c in cnames)
                    best.append((-score, ident))
            if best:
                ident = min(best)[1]
                self._define(ident, self.kb.entities[ident].name, "series")
                return str(ident)
        ident = new_id(name)
        self._define(ident, re.sub(r"[“”\"]", "", name), "series")
        return ident

    def _kb_event(self, series: str, ordinal: int | None, date: PartialDate | None) -> str | None:
        """The KB's event of a series with that ordinal or date, so that the claim is judged."""
        if self.kb is None:
            return None
        for fact in self.kb.series.get(series, []):
            if (ordinal is not None and fact.ordinal == ordinal) or (
                date is not None and date.contains(fact.date)
            ):
                self._define(
                    fact.event,
                    self.kb.entities[fact.event].name
                    if fact.event in self.kb.entities
                    else fact.event,
                    "event",
                )
                return str(fact.event)
        return None

    # -- relations -------------------------------------------------------------------------

    def relations(self, s: Sentence) -> None:
        """The relation constructions, each for a predicate the KB records."""
        self.by_verbs(s)
        self.calls(s)
        self.disputes(s)
        self.lies_in(s)
        self.agreement(s)
        self.party_to(s)
        self.located(s)
        self.signed(s)

    def topic_before(self, s: Sentence, pos: int) -> Mention | None:
        """The place a sentence is about, which a relative clause ("which refers to them")
        points back to."""
        if self.topic is not None and s.start <= self.topic.start < pos:
            return self.topic
        for m in reversed(s.mentions):
            if m.end <= pos and m.kind == "place" and self.text[m.start - 3 : m.start] != "by ":
                return m
        return None

    def by_verbs(self, s: Sentence) -> None:
        """A government and a place: "controlled by Tokyo" (administers), "claimed by
        Beijing" (claims)."""
        for m in re.finditer(r"\b(controlled|administered|governed|claimed|ruled)\s+by\s+", s.text):
            at = s.start + m.start()
            who = self.next_mention(s, s.start + m.end())
            what = self.topic_before(s, at)
            if who is None or what is None or who.start != s.start + m.end():
                continue
            gov, note = self.government(who)
            predicate = "claims" if m.group(1) == "claimed" else "administers"
            start = at
            lead = re.search(r"\bbut\s+$", self.text[max(s.start, at - 6) : at])
            if lead:
                start = at - (len(self.text[max(s.start, at - 6) : at]) - lead.start())
            self.add(
                "relation",
                start,
                who.end,
                {"subject": gov, "predicate": predicate, "object": self.entity(what)},
                note,
            )
            self.topic = what

    def calls(self, s: Sentence) -> None:
        """A name: "Beijing, which refers to them as Diaoyu"."""
        for m in re.finditer(
            r"\b(?:which|who)\s+(?:refers\s+to|calls|names)\s+(?:them|it)\s+(?:as\s+)?(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)",
            s.text,
        ):
            at = s.start + m.start()
            who = self.previous(s, at, ("country",))
            if who is None:
                continue
            gov, note = self.government(who)
            what = (
                self.topic
                if self.topic is not None and self.topic.start >= s.start
                else self.topic_before(s, who.start)
            )
            if what is None:
                continue
            self.add(
                "relation",
                at,
                s.start + m.end(),
                {
                    "subject": gov,
                    "predicate": "calls",
                    "object": self.entity(what),
                    "name": m.group("name"),
                },
                note,
            )

    def disputes(self, s: Sentence) -> None:
        """A dispute: "a territorial dispute with China in the Himalayan border region", and
        the border the region implies."""
        m = re.search(r"\b(?:territorial|border)\s+dispute\s+with\s+", s.text)
        if not m:
            return
        other = self.next_mention(s, s.start + m.end(), ("country",))
        subject = next(
            (x for x in s.mentions if x.kind == "country" and x.end <= s.start + m.start()), None
        )
        if other is None or subject is None or other.start != s.start + m.end():
            return
        a, b = self.government(subject)[0], self.government(other)[0]
        tail = re.search(r"\s+in\s+the\s+[\w\s-]*?border\s+region", self.text[other.end : s.end])
        end = other.end + (tail.end() if tail else 0)
        self.add(
            "relation",
            subject.start,
            end,
            {"subject": a, "predicate": "disputes_territory_with", "object": b},
        )
        if tail:
            self.add(
                "relation",
                other.end + tail.start(),
                end,
                {"subject": a, "predicate": "borders", "object": b},
            )

    def located(self, s: Sentence) -> None:
        """ "X lies in the Y", "X, which is located in Y", "X borders Y", "shares a border with"."""
        places = ("place", "country")
        for m in re.finditer(
            r"\b(?P<verb>lies|lie|is\s+located|are\s+located|is\s+situated|are\s+situated)\s+in\s+"
            r"(?:the\s+)?|\b(?P<border>borders|border|shares\s+a\s+border\s+with|share\s+a\s+"
            r"border\s+with)\s+(?:the\s+)?",
            s.text,
        ):
            at = s.start + m.start()
            other = self.next_mention(s, s.start + m.end())

            def placed(x: Mention) -> bool:  # a known place or country, or a new name
                return x.kind in places or (x.entity is None and x.kind == "other")

            if other is None or other.start != s.start + m.end() or not placed(other):
                continue
            subjects = [x for x in self.subject_before(s, at) if placed(x)]
            if not subjects:
                continue
            if m.group("border"):
                predicate = "borders"
            else:
                predicate = "located_in" if other.kind == "country" else "lies_in"
            target = self.entity(other, "place")
            for x in subjects:
                fields = {
                    "subject": self.entity(x, "place"),
                    "predicate": predicate,
                    "object": target,
                }
                self.add("relation", subjects[0].start, other.end, fields)

    def signed(self, s: Sentence) -> None:
        """ "Japan and India signed the agreement in 2015": each signatory is a party to it."""
        for m in re.finditer(r"\b(?:signed|ratified|joined)\s+the\s+", s.text):
            at = s.start + m.start()
            after = s.start + m.end()
            named = self.next_mention(s, after)
            if named is not None and named.start == after and named.kind == "agreement":
                agreement, end = self.entity(named, "agreement"), named.end
            else:
                noun = re.match(
                    r"(?:agreement|treaty|accord|pact|convention)\b", self.text[after : s.end]
                )
                if noun is None or self.last_agreement is None:
                    continue
                agreement, end = self.last_agreement, after + noun.end()
            parties = [
                x for x in self.subject_before(s, at) if x.kind in ("country", "organisation")
            ]
            for party in self.members(parties):
                fields = {"subject": party, "predicate": "party_to", "object": agreement}
                self.add("relation", parties[0].start, end, fields)

    def party_to(self, s: Sentence) -> None:
        """ "The United States, a party to the agreement": the last agreement named."""
        for m in re.finditer(
            r",\s+(?:a|one)\s+(?:of\s+the\s+)?(?:party|parties|signatory|signatories)\s+to\s+"
            r"the\s+(?:agreement|treaty|accord|pact|convention)\b",
            s.text,
        ):
            at = s.start + m.start()
            who = self.chain_before(s, at)
            if not who or self.last_agreement is None:
                continue
            for party in self.members(who):
                self.add(
                    "relation",
                    who[0].start,
                    s.start + m.end(),
                    {"subject": party, "predicate": "party_to", "object": self.last_agreement},
                )

    def hosts(self, s: Sentence) -> None:
        """ "co-hosted by A, B and C in 2026": the hosts of an event, and its date."""
        for m in re.finditer(r"\b(?:co-hosted|hosted|co-organised|organised)\s+by\s+", s.text):
            at = s.start + m.start()
            listed = [
                x
                for x in self.chain(s, s.start + m.end())
                if x.kind in ("country", "organisation", "other")
            ]
            if not listed:
                continue
            tail = re.search(r",|;|$", self.text[listed[-1].end : s.end])
            end = listed[-1].end + (tail.start() if tail else 0)
            when = next((w for w in s.dates if listed[-1].end <= w.start < end), None)
            subject = self.subject_before(s, at)
            start = subject[0].start if subject else at
            start = _sentence_start_if_close(self.text, s, start)
            fields: dict[str, Any] = {"event": "?", "what": _what(self.text[start:end])}
            if when is not None:
                fields["date"] = str(when.date)
                end = max(end, when.end)
            fields["hosts"] = self.members(listed)
            claim = self.add("event", start, end, fields)
            claim["event"] = self._event_id(claim)
            self.taken.append((start, end))

    def lies_in(self, s: Sentence) -> None:
        """A place in a sea: "the East China Sea, where ... the Senkaku Islands"."""
        for sea in s.mentions:
            if sea.kind != "place" or not re.match(
                r",\s+where\b", self.text[sea.end : sea.end + 8]
            ):
                continue
            if not re.search(
                r"\b(?:sea|ocean|gulf|bay|strait|region|basin)$", sea.text, re.IGNORECASE
            ):
                continue
            inner = next((x for x in s.mentions if x.start > sea.end and x.kind == "place"), None)
            if inner is None:
                continue
            self.add(
                "relation",
                sea.start,
                inner.end,
                {"subject": self.entity(inner), "predicate": "lies_in", "object": self.entity(sea)},
            )
            self.topic = inner

    def agreement(self, s: Sentence) -> None:
        """An agreement: "the Japan-India ... agreement signed in 2015" gives each country a
        party, and the signing, dated."""
        for m in re.finditer(
            r"\bthe\s+(?P<parties>[A-Z][\w]+(?:-[A-Z][\w]+)+)\s+(?P<what>[\w\s-]{0,80}?)\b(?P<noun>agreement|treaty|accord|pact|convention)\b",
            s.text,
        ):
            start, end = s.start + m.start("parties"), s.start + m.end()
            parties = [
                x
                for x in s.mentions
                if start <= x.start and x.end <= s.start + m.end("parties") and x.kind == "country"
            ]
            if len(parties) < 2:
                continue
            name = self.text[start:end]
            agreement = new_id(name)
            self.last_agreement = agreement
            self._define(agreement, f"{name[0].upper()}{name[1:]}", "agreement")
            ids = self.members(parties)
            for party in ids:
                self.add(
                    "relation",
                    s.start + m.start(),
                    end,
                    {"subject": party, "predicate": "party_to", "object": agreement},
                )
            signed = re.match(r"\s+(?:was\s+)?signed\b", self.text[end : s.end])
            if signed:
                when = next((w for w in s.dates if w.start >= end and w.start - end < 20), None)
                if when is not None:
                    fields: dict[str, Any] = {
                        "event": new_id(f"signing {name}"),
                        "what": f"signing of the {name}",
                        "date": str(when.date),
                        "participants": ids,
                    }
                    self.add("event", s.start + m.start(), when.end, fields)
                    self.taken.append((s.start + m.start(), when.end))

    # -- properties ------------------------------------------------------------------------

    def properties(self, s: Sentence) -> None:
        """A property: "a group of uninhabited islets", of the place before it."""
        for m in re.finditer(r"\b(uninhabited|landlocked|disbanded)\b", s.text):
            at = s.start + m.start()
            subject = self.previous(s, at, ("place", "country", "organisation"))
            if subject is None:
                continue
            lead = re.search(r"(?:an?\s+(?:group\s+of\s+)?)$", self.text[s.start : at])
            start = s.start + lead.start() if lead else at
            tail = re.match(r"\s+\w+", self.text[at + len(m.group()) : s.end])
            end = at + len(m.group()) + (tail.end() if tail else 0)
            self.add(
                "property", start, end, {"subject": self.entity(subject), "property": m.group(1)}
            )
            self.topic = subject


ORDINALS_NAME = {v: k for k, v in reversed(list(ORDINALS.items()))}


def _what(text: str) -> str:
    text = " ".join(re.sub(r"[“”\"]", "", text).split())
    return text[:120] or "event"


def _sentence_start_if_close(text: str, s: Sentence, start: int) -> int:
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
