"""Rules about who belongs to a group, inside one article."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.context import ArticleContext
from claimcheck.core.findings import Finding, Severity
from claimcheck.core.verdicts import Verdict
from claimcheck.core.wording import NAMED_LIMIT, enumeration
from claimcheck.formats.records import MembershipClaim
from claimcheck.rules.base import Rule


class IncompleteMemberList(Rule):
    """A list presented as complete leaves out a member the article itself names.

    "BRICS, comprising Brazil, Russia, China and South Africa" claims to be the whole
    group; when the same article calls India a member of BRICS, the list and the article
    cannot both be right, and readers are told something false either way.

    Triggers:

        - {id: brics-list, kind: membership, group: brics, complete: true,
           members: [brazil, russia, china, south-africa], quote: "..."}
        - {id: india-brics, kind: membership, group: brics, complete: false,
           members: [india], quote: "..."}

    Passes: the complete list names India too, or the other claim is about another group or
    another date (`at: 1967-08-08` for ASEAN's founders, a member named for today; or
    `founding: true`, the founders whatever their date). Groups and
    members are entities, however a claim spells them: `quad` and "Quad" are
    one group (see `claimcheck.kb.resolve`).

    One finding per complete list, naming the first few members it omits and how many
    more: linear in the file, however many lists and members the article has.
    """

    id = "CC101"
    name = "incomplete-member-list"
    severity = Severity.ERROR
    proves = Verdict.REFUTED

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        published = ctx.model.article.published
        for group, claims in ctx.index.memberships.items():
            if not any(c.complete for _, c in claims):
                continue
            # A list speaks of its own date (`at`, else the publication date): the founders of
            # 1967 are not refuted by a member of today. Dates are compared as written, so a
            # list "in 2024" and a claim "on 20 August 2024" are not compared: a missed
            # finding, never a false one.
            # The founders ("founding: true") are a time of their own, whatever the date.
            by_date: dict[str, list[tuple[int, MembershipClaim]]] = {}
            for i, claim in claims:
                when = "founding" if claim.founding else str(claim.at or published)
                by_date.setdefault(when, []).append((i, claim))
            for same_date in by_date.values():
                if not any(c.complete for _, c in same_date):
                    continue
                named: dict[str, tuple[int, str]] = {}  # member -> the first claim naming it
                for i, claim in same_date:
                    for member in claim.members:
                        named.setdefault(ctx.key(member), (i, claim.id))
                order = list(named)
                for i, claim in same_date:
                    if claim.complete:
                        yield from self._omitted(ctx, group, i, claim, named, order)

    def _omitted(
        self,
        ctx: ArticleContext,
        group: str,
        i: int,
        claim: MembershipClaim,
        named: dict[str, tuple[int, str]],
        order: list[str],
    ) -> Iterator[Finding]:
        """One finding for a complete list: how many members it omits, the first few named.

        Linear in the list, not in the members the article names: the omitted are counted
        from the listed, and only the first few are looked for.
        """
        listed = {ctx.key(m) for m in claim.members}
        missing = len(named) - len(listed & named.keys())
        if not missing:
            return
        first: list[str] = []
        wanted = min(missing, NAMED_LIMIT)
        for member in order:  # passes at most len(listed) members before the first few
            if member not in listed:
                first.append(member)
                if len(first) == wanted:
                    break
        names = enumeration([ctx.name(m) for m in first], missing)
        others = list(dict.fromkeys(named[m] for m in first))
        ids = [f"'{other_id}'" for _, other_id in others]
        if missing > len(first):
            ids.append("others")
        claims = ("claim " if len(ids) == 1 else "claims ") + enumeration(ids, limit=len(ids))
        verb = "names" if len(ids) == 1 else "name"
        said = f"{claims} {verb} as {'a member' if missing == 1 else 'members'}"
        yield self.report(
            ctx,
            f"the list of {ctx.name(group)} presented as complete omits {names}, which {said}",
            ("claims", i, "members"),
            claim.id,
            related=tuple(("claims", where) for where, _ in others),
        )
