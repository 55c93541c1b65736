"""From sentences to typed claims: patterns over the words, the linked names and the dates.

Each pattern reads one construction newspapers use ("comprising A, B and C", "Prime
Minister X", "the third ... since", "controlled by Tokyo") and drafts the claim it states,
quoting the article's words that state it. A sentence of opinion or analysis gives nothing.
What no pattern reads is left to the reviewer: a draft proposes, it never decides.
"""

from __future__ import annotations

from claimcheck.draft.events import Events
from claimcheck.draft.link import Mention
from claimcheck.draft.memberships import Memberships
from claimcheck.draft.offices import Offices
from claimcheck.draft.reading import Draft, Sentence, is_opinion, sentences
from claimcheck.draft.relations import Relations
from claimcheck.draft.when import When, dates_in

__all__ = ["Draft", "Drafter"]


class Drafter(Memberships, Offices, Events, Relations):
    """Reads an article sentence by sentence, keeping what a reader keeps between sentences:
    the group in view ("the bloc"), the company ("the board"), the country the article is
    about, the main event ("marking the third ..."), and the place the sentence is about."""

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
