"""A claim's verdict against the knowledge base, and the facts that decided it."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Verdict(enum.Enum):
    SUPPORTED = "supported"
    REFUTED = "refuted"
    NOT_ENOUGH_INFO = "not_enough_info"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One knowledge-base fact that decided a verdict, with where it comes from."""

    fact_id: str
    statement: str
    sources: tuple[str, ...] = ()  # source URLs (or titles when a source has no URL)
    status: str = "accepted"  # or "disputed"


@dataclass(frozen=True, slots=True)
class ClaimVerdict:
    path: str
    claim_id: str
    kind: str
    verdict: Verdict
    explanation: str
    evidence: tuple[Evidence, ...] = field(default=())
    stale: bool = False  # true when published, no longer true at --as-of

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "claim": self.claim_id,
            "kind": self.kind,
            "verdict": self.verdict.value,
            "explanation": self.explanation,
            "stale": self.stale,
            "evidence": [
                {
                    "fact": e.fact_id,
                    "statement": e.statement,
                    "sources": list(e.sources),
                    "status": e.status,
                }
                for e in self.evidence
            ],
        }


class Problem(enum.Enum):
    """What the judge found wrong with a claim; which rule reports it is the rule's business."""

    NOT_A_MEMBER = "not-a-member"  # a list names someone who was not a member
    MEMBER_LEFT_OUT = "member-left-out"  # a list presented as complete leaves one out
    WRONG_COUNT = "wrong-count"
    WRONG_ORDINAL = "wrong-ordinal"
    WRONG_DATE = "wrong-date"
    WRONG_WEEKDAY = "wrong-weekday"
    WRONG_PLACE = "wrong-place"
    OTHER_HOLDER = "other-holder"  # someone else held the office
    RELATION_AT_OTHER_TIMES = "relation-at-other-times"
    OTHER_ADMINISTRATOR = "other-administrator"
    OTHER_NAME = "other-name"  # the subject calls the object something else
    STALE = "stale"  # true when published, false at --as-of


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem with a claim, said in words, at a field of that claim: ("members",)."""

    problem: Problem
    message: str
    field: tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Dispute:
    """A fact recorded as disputed that a claim rests on: it leaves the verdict open."""

    fact_id: str
    note: str | None
    what: str  # what rests on it: "Saudi Arabia's membership on 20 August 2024"
    field: tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Judgement:
    """A claim's verdict, issues and disputes, made once before the rules run, never changed."""

    index: int  # the claim's position in the file
    verdict: ClaimVerdict
    issues: tuple[Issue, ...]
    disputes: tuple[Dispute, ...] = ()


@dataclass(frozen=True, slots=True)
class Judgements:
    """Every claim's judgement in file order, and their issues in that order, for the rules.

    Lives here, below the context that carries it, so that the context need not import the
    judge that makes it.
    """

    claims: tuple[Judgement, ...] = ()
    issues: tuple[tuple[Judgement, Issue], ...] = ()
    disputes: tuple[tuple[Judgement, Dispute], ...] = ()

    @classmethod
    def of(cls, judgements: list[Judgement]) -> Judgements:
        issues = tuple((j, issue) for j in judgements for issue in j.issues)
        disputes = tuple((j, d) for j in judgements for d in j.disputes)
        return cls(tuple(judgements), issues, disputes)

    def verdicts(self) -> list[ClaimVerdict]:
        return [j.verdict for j in self.claims]
