"""The one explicit registry of rules. Add a rule here, in ID order, and nowhere else."""

from __future__ import annotations

from claimcheck.rules.base import Rule
from claimcheck.rules.membership import IncompleteMemberList

RULES: tuple[type[Rule], ...] = (IncompleteMemberList,)

ENTRY_POINT_GROUP = "claimcheck.rules"


def by_id() -> dict[str, type[Rule]]:
    return {rule.id: rule for rule in RULES}
