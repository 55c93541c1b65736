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
