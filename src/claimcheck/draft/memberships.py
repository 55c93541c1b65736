"""Membership and count patterns: complete and partial lists, one member, counts, founders."""

from __future__ import annotations

import re
from typing import Any

from claimcheck.draft.lexicon import (
    MEMBER_NOUNS,
)
from claimcheck.draft.link import Mention, new_id
from claimcheck.draft.reading import (
    GROUPISH,
    Reader,
    Sentence,
    number,
)


class Memberships(Reader):
    """Lists, members and counts of the group in view."""

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
                    subject = self._subject_before(s, s.start + prior.start())
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

    def _subject_before(self, s: Sentence, end: int) -> Mention | None:
        """Who "is a member" (or ", a member"): the name right before ``end``, else the one
        an aside follows ("Hungary, which joined in 2004, is a member"). A name inside the
        aside is never it: "The company, founded in Berlin, is a member" is not Berlin's."""
        kinds = ("country", "organisation", "person", "other")
        for m in reversed(s.mentions):
            if m.end > end or m.kind not in kinds:
                continue
            gap = self.text[m.end : end]
            if not gap.strip() or (
                gap.startswith(",") and gap.rstrip().endswith(",") and len(gap.strip()) > 1
            ):
                return m
        return None

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
