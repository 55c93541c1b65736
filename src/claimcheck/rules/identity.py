"""Rules about claim ids, which suppressions, baselines and reports refer to."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.context import ArticleContext
from claimcheck.core.findings import Finding, Severity
from claimcheck.rules.base import Rule


class DuplicateClaimId(Rule):
    """Two claims share one id.

    A claim id names one statement: suppressions, reports and baselines refer to claims
    by id, so a second claim with the same id is suppressed, reported or accepted along
    with the first without anyone deciding it.

    Triggers: two claims with `id: quad-members`.

    Passes: `id: quad-members` and `id: quad-four-nations`.
    """

    id = "CC117"
    name = "duplicate-claim-id"
    severity = Severity.ERROR

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        for claim_id, where in ctx.index.ids.items():
            for i in where[1:]:
                yield self.report(
                    ctx,
                    f"claim id '{claim_id}' is already used by claim {where[0] + 1} of this "
                    "file: give this claim an id of its own",
                    ("claims", i, "id"),
                    claim_id,
                    related=(("claims", where[0], "id"),),
                )
