"""Event patterns: a verb or an event noun with its date, place and parties; series."""

from __future__ import annotations

import re
from typing import Any

from claimcheck.core.dates import PartialDate
from claimcheck.draft.lexicon import (
    NUMBERS,
    ORDINALS,
)
from claimcheck.draft.link import Mention, key, new_id
from claimcheck.draft.reading import (
    ORDINALS_NAME,
    Reader,
    Sentence,
    quote_start,
    what_text,
)


class Events(Reader):
    """What happened, when, where, to whom, and its place in a series."""

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
        start = quote_start(self.text, s, min(starts))
        fields: dict[str, Any] = {"event": "?", "what": what_text(self.text[start:end])}
        if when is not None:
            fields["date"] = str(when.date)
            if when.weekday:
                fields["weekday"] = when.weekday
                if when.relative:  # "on Sunday, 13 September 2020" names its day
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
            "what": what_text(self.text[who.start : end]),
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
                "what": what_text(name),
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
                        "what": f"first {what_text(name)}",
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
