"""Rules about who belongs to a group, inside one article."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.context import ArticleContext
from claimcheck.core.findings import Finding, Severity
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

    Passes: the complete list names India too, or the other claim is about another group.
    """

    id = "CC101"
    name = "incomplete-member-list"
    severity = Severity.ERROR

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        for group, claims in ctx.index.memberships.items():
            complete = [(i, c) for i, c in claims if c.complete]
            if not complete:
                continue
            named: dict[str, tuple[int, str]] = {}
            for i, claim in claims:
                for member in claim.members:
                    named.setdefault(member, (i, claim.id))
            for i, claim in complete:
                listed = set(claim.members)
                for member, (where, other_id) in named.items():
                    if member in listed:
                        continue
                    yield self.report(
                        ctx,
                        f"the list of {ctx.name(group)} presented as complete omits "
                        f"{ctx.name(member)}, which claim '{other_id}' names as a member",
                        ("claims", i, "members"),
                        claim.id,
                        related=(("claims", where),),
                    )
