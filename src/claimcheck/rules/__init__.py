"""The one explicit registry of rules. Add a rule here, in ID order, and nowhere else."""

from __future__ import annotations

from claimcheck.rules.base import Rule
from claimcheck.rules.contradictions import (
    CountConflict,
    EventDateConflict,
    EventPlaceConflict,
    OfficeHolderConflict,
)
from claimcheck.rules.counts import CountMismatch
from claimcheck.rules.entities import LookalikeCharacters, UndefinedEntity
from claimcheck.rules.identity import DuplicateClaimId
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
from claimcheck.rules.ordinals import OrdinalMismatch, SeriesOutOfOrder
from claimcheck.rules.provenance import IncompleteSource, MissingSource, NonHttpUrl
from claimcheck.rules.quotes import QuoteNotInArticle
from claimcheck.rules.weekdays import RelativeDayMismatch, WrongWeekday

RULES: tuple[type[Rule], ...] = (
    IncompleteMemberList,
    CountMismatch,
    OrdinalMismatch,
    WrongWeekday,
    RelativeDayMismatch,
    EventDateConflict,
    EventPlaceConflict,
    CountConflict,
    OfficeHolderConflict,
    SeriesOutOfOrder,
    MissingSource,
    IncompleteSource,
    NonHttpUrl,
    QuoteNotInArticle,
    UndefinedEntity,
    LookalikeCharacters,
    DuplicateClaimId,
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


def unknown_code(codes: tuple[str, ...] | list[str]) -> str | None:
    """The first ID or prefix that names no rule or diagnostic, or None."""
    from claimcheck.core.diagnostics import DIAGNOSTICS

    known = [r.id for r in RULES] + [d.id for d in DIAGNOSTICS]
    return next((c for c in codes if not any(k.startswith(c) for k in known)), None)


def by_id() -> dict[str, type[Rule]]:
    return {rule.id: rule for rule in RULES}
