"""Relation and property patterns: the predicates the knowledge base records."""

from __future__ import annotations

import re
from typing import Any

from claimcheck.draft.link import Mention, new_id
from claimcheck.draft.reading import (
    Reader,
    Sentence,
    quote_start,
    what_text,
)


class Relations(Reader):
    """Subject, predicate, object: governments, places, agreements."""

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
            start = quote_start(self.text, s, start)
            fields: dict[str, Any] = {"event": "?", "what": what_text(self.text[start:end])}
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
