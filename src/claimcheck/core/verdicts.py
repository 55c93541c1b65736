"""A claim's verdict against the knowledge base, and the facts that decided it.

A verdict has one record (``to_dict``), written by every report and stored by the result
cache; ``encode`` is that record as JSON text, and ``from_dict`` reads one back, checked.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from json.encoder import encode_basestring_ascii as _quote
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


# Evidence read back, by its fields: the many verdicts that cite one fact share one object.
# The caller owns the memo (one per run), so nothing outlives the run that filled it.
EvidenceMemo = dict[tuple[str, str, tuple[str, ...], str], Evidence]

_VERDICT_KEYS = frozenset({"path", "claim", "kind", "verdict", "explanation", "stale", "evidence"})
_EVIDENCE_KEYS = frozenset({"fact", "statement", "sources", "status"})


def _text(value: Any) -> str:
    if type(value) is not str:
        raise TypeError(f"{type(value).__name__} where text was expected")
    return value


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
        """The record: every report writes it, the result cache stores it."""
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

    def encode(self) -> str:
        """``json.dumps(self.to_dict(), ensure_ascii=True, separators=(", ", ": "))``, directly.

        A report encodes one verdict per claim, and for a record this small json.dumps spends
        most of its time setting up: this is four times faster. ``_quote`` is the C function
        json.dumps quotes strings with when ``ensure_ascii`` is set, so the bytes are the same
        (a property test pins it to ``to_dict``).
        """
        evidence = ", ".join(
            [
                f'{{"fact": {_quote(e.fact_id)}, "statement": {_quote(e.statement)}, '
                f'"sources": [{", ".join(map(_quote, e.sources))}], "status": {_quote(e.status)}}}'
                for e in self.evidence
            ]
        )
        return (
            f'{{"path": {_quote(self.path)}, "claim": {_quote(self.claim_id)}, '
            f'"kind": {_quote(self.kind)}, "verdict": {_quote(self.verdict.value)}, '
            f'"explanation": {_quote(self.explanation)}, '
            f'"stale": {"true" if self.stale else "false"}, "evidence": [{evidence}]}}'
        )

    @classmethod
    def from_dict(cls, data: Any, memo: EvidenceMemo | None = None) -> ClaimVerdict:
        """A verdict from its record, every field checked: TypeError or ValueError if not one.

        Records are read back from disk (the result cache), so nothing in them is trusted.
        """
        if type(data) is not dict or data.keys() != _VERDICT_KEYS:
            raise TypeError("not a verdict")
        evidence = data["evidence"]
        if type(evidence) is not list:
            raise TypeError("not a list of evidence")
        stale = data["stale"]
        if type(stale) is not bool:
            raise TypeError("stale is not true or false")
        return cls(
            path=_text(data["path"]),
            claim_id=_text(data["claim"]),
            kind=_text(data["kind"]),
            verdict=Verdict(_text(data["verdict"])),
            explanation=_text(data["explanation"]),
            evidence=tuple(_evidence(e, {} if memo is None else memo) for e in evidence),
            stale=stale,
        )


def _evidence(data: Any, memo: EvidenceMemo) -> Evidence:
    if type(data) is not dict or data.keys() != _EVIDENCE_KEYS:
        raise TypeError("not evidence")
    sources = data["sources"]
    if type(sources) is not list or any(type(s) is not str for s in sources):
        raise TypeError("not a list of sources")
    fields = (_text(data["fact"]), _text(data["statement"]), tuple(sources), _text(data["status"]))
    found = memo.get(fields)
    if found is None:
        found = memo[fields] = Evidence(*fields)
    return found


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
