"""Office patterns: titles before names, counterparts, tenures begun, former holders."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from claimcheck.core.dates import PartialDate
from claimcheck.draft.lexicon import (
    CORPORATE,
    TITLES,
)
from claimcheck.draft.link import Mention, key, new_id
from claimcheck.draft.reading import (
    Reader,
    Sentence,
)


class Offices(Reader):
    """Who holds which office, and since when."""

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

    def _of_whom(self, s: Sentence, at: int) -> Mention | None:
        """The name right after a title's "of" ("chair of Acme Bank"): whose office it is."""
        of = re.match(r"\s+of\s+(?:the\s+)?", self.text[at : s.end])
        found = self.next_mention(s, at + of.end()) if of else None
        return found if found is not None and of and found.start == at + of.end() else None

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
            named = self._of_whom(s, s.start + m.end())
            if named is not None:  # "who became chief executive officer of Siemens"
                oid, note = (
                    self.government(named)
                    if named.kind == "country"
                    else (self.entity(named, "organisation"), None)
                )
            elif country is not None:
                oid, note = self.government(country)
            else:
                found = self.owner(s, at, m.group("title"), None)
                if found is None:
                    continue
                oid, note, _ = found
            self.office(
                m.group("title"), oid, holder, holder.start, when.end, note, since=when.date
            )
