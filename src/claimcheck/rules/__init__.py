"""The one explicit registry of rules. Add a rule here, in ID order, and nowhere else."""

from __future__ import annotations

from claimcheck.rules.base import Rule
from claimcheck.rules.knowledge import (
    DisputedFact,
    EventDateVsKB,
    EventPlaceVsKB,
    EventWeekdayVsKB,
    MemberCountVsKB,
    MemberListVsKB,
    OfficeHolderVsTenures,
    OrdinalVsSeries,
    RelationVsKB,
    StaleClaim,
)
from claimcheck.rules.membership import IncompleteMemberList

RULES: tuple[type[Rule], ...] = (
    IncompleteMemberList,
    MemberListVsKB,
    MemberCountVsKB,
    OrdinalVsSeries,
    EventDateVsKB,
    EventWeekdayVsKB,
    EventPlaceVsKB,
    OfficeHolderVsTenures,
    RelationVsKB,
    DisputedFact,
    StaleClaim,
)

ENTRY_POINT_GROUP = "claimcheck.rules"


def by_id() -> dict[str, type[Rule]]:
    return {rule.id: rule for rule in RULES}
