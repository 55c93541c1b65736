"""A claim's verdict, and the facts (or the article's own findings) that decided it.

Six verdicts, in the order reports list them (`ORDER`). A claim judged on several aspects
(its date, its weekday, its place...) takes the most serious one (`combine`): refuted if any
aspect is refuted; else conflicting; else stale; else not enough info; else incomplete;
else supported. Stale comes from the time logic alone (true when published, false at
`--as-of`), and gives way to what proves the claim wrong or disputed when it was published.

A verdict has one record (``to_dict``), written by every report and stored by the result
cache; ``encode`` is that record as JSON text, and ``from_dict`` reads one back, checked.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from json.encoder import encode_basestring_ascii as _quote
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from collections.abc import Iterable


class Verdict(enum.Enum):
    SUPPORTED = "supported"
    REFUTED = "refuted"
    STALE = "stale"  # true when published (or at the claim's own time), false at --as-of
    INCOMPLETE = "incomplete"  # true as far as it goes, but leaves out what the KB records
    CONFLICTING = "conflicting"  # the deciding facts are disputed or disagree
    NOT_ENOUGH_INFO = "not_enough_info"


# The order reports list and count verdicts in (check.result.VERDICT_NAMES, by value).
ORDER = (
    Verdict.SUPPORTED,
    Verdict.REFUTED,
    Verdict.STALE,
    Verdict.INCOMPLETE,
    Verdict.CONFLICTING,
    Verdict.NOT_ENOUGH_INFO,
)
# Most serious first: what one aspect (or the article) proves outweighs what another leaves open.
PRECEDENCE = (
    Verdict.REFUTED,
    Verdict.CONFLICTING,
    Verdict.STALE,
    Verdict.NOT_ENOUGH_INFO,
    Verdict.INCOMPLETE,
    Verdict.SUPPORTED,
)


def combine(found: Iterable[Verdict]) -> Verdict:
    """The verdict of a claim from its aspects' (SPEC14 A); nothing to go on: not enough info."""
    seen = set(found)
    return next((v for v in PRECEDENCE if v in seen), Verdict.NOT_ENOUGH_INFO)


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A source as a report shows it: every field the claim or KB file gave, as text.

    In a record only the fields given appear, in this order (`FIELDS`); a reader follows
    `url`, else `citation` (a document with no address), and `label` is that, in short.
    """

    url: str | None = None
    citation: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    accessed: str | None = None
    quote: str | None = None  # the source's exact words
    archive: str | None = None  # an archived copy

    FIELDS: ClassVar[tuple[str, ...]] = (
        "url",
        "citation",
        "title",
        "publisher",
        "published",
        "accessed",
        "quote",
        "archive",
    )

    def items(self) -> list[tuple[str, str]]:
        """The fields given, in record order."""
        return [(k, v) for k in self.FIELDS if (v := getattr(self, k)) is not None]

    @property
    def label(self) -> str:
        """What a reader follows, in one line (what messages cite): the URL, else the
        citation, else the title and publisher, with the date it was published."""
        if self.url:
            return self.url
        label = self.citation or ", ".join(x for x in (self.title, self.publisher) if x)
        label = label or "unnamed source"
        return label + (f" ({self.published})" if self.published else "")

    def __str__(self) -> str:
        return self.label

    def to_dict(self) -> dict[str, str]:
        return dict(self.items())

    def encode(self) -> str:
        return "{" + ", ".join(f"{_quote(k)}: {_quote(v)}" for k, v in self.items()) + "}"

    @classmethod
    def from_dict(cls, data: Any) -> SourceRef:
        if type(data) is not dict or not data.keys() <= _SOURCE_KEYS:
            raise TypeError("not a source")
        return cls(**{k: _text(v) for k, v in data.items()})


@dataclass(frozen=True, slots=True)
class Evidence:
    """What decided a verdict: a knowledge-base fact with its sources, or the article itself.

    A fact has its id in `fact_id`; a finding of the article's own rules (a wrong weekday,
    a count its own list contradicts) has an empty `fact_id` (null in the record), the
    rule's id in `rule`, and in `claims` the ids of the other claims of the article that
    prove it.
    """

    fact_id: str
    statement: str
    sources: tuple[SourceRef, ...] = ()
    status: str = "accepted"  # or "disputed"
    rule: str | None = None
    claims: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "fact": self.fact_id or None,
            "rule": self.rule,
            "claims": list(self.claims),
            "statement": self.statement,
            "sources": [s.to_dict() for s in self.sources],
            "status": self.status,
        }

    def encode(self) -> str:
        """``to_dict`` as JSON text, the bytes ``json.dumps`` gives (see ClaimVerdict.encode)."""
        fact = _quote(self.fact_id) if self.fact_id else "null"
        rule = "null" if self.rule is None else _quote(self.rule)
        claims = ", ".join(map(_quote, self.claims))
        sources = ", ".join([s.encode() for s in self.sources])
        return (
            f'{{"fact": {fact}, "rule": {rule}, "claims": [{claims}], '
            f'"statement": {_quote(self.statement)}, '
            f'"sources": [{sources}], "status": {_quote(self.status)}}}'
        )


# Evidence read back, by its fields: the many verdicts that cite one fact share one object.
# The caller owns the memo (one per run), so nothing outlives the run that filled it.
EvidenceMemo = dict[
    tuple[str, str, tuple[SourceRef, ...], str, str | None, tuple[str, ...]], Evidence
]

_VERDICT_KEYS = frozenset(
    {"path", "claim", "kind", "verdict", "explanation", "stale", "checked", "evidence"}
)
_SOURCE_KEYS = frozenset(SourceRef.FIELDS)
_EVIDENCE_KEYS = frozenset({"fact", "rule", "claims", "statement", "sources", "status"})


def _text(value: Any) -> str:
    if type(value) is not str:
        raise TypeError(f"{type(value).__name__} where text was expected")
    return value


def _sources(value: Any) -> tuple[SourceRef, ...]:
    if type(value) is not list:
        raise TypeError("not a list of sources")
    return tuple(SourceRef.from_dict(s) for s in value)


def _texts(value: Any) -> tuple[str, ...]:
    if type(value) is not list or any(type(s) is not str for s in value):
        raise TypeError("not a list of texts")
    return tuple(value)


@dataclass(frozen=True, slots=True)
class ClaimVerdict:
    """What the judge decided about one claim, and the facts and sources it rests on."""

    path: str
    claim_id: str
    kind: str
    verdict: Verdict
    explanation: str
    evidence: tuple[Evidence, ...] = field(default=())
    # Who checked the claim and when (the claim's checked_by, checked_on), when it says.
    checked_by: str | None = None
    checked_on: str | None = None

    @property
    def checked(self) -> dict[str, str | None] | None:
        """The record's `checked`: null when the claim names neither who nor when."""
        if self.checked_by is None and self.checked_on is None:
            return None
        return {"by": self.checked_by, "on": self.checked_on}

    @property
    def stale(self) -> bool:
        """Kept for readers of report version 1, where stale was a flag on a refutation."""
        return self.verdict is Verdict.STALE

    def to_dict(self) -> dict[str, Any]:
        """The record: every report writes it, the result cache stores it."""
        return {
            "path": self.path,
            "claim": self.claim_id,
            "kind": self.kind,
            "verdict": self.verdict.value,
            "explanation": self.explanation,
            "stale": self.stale,
            "checked": self.checked,
            "evidence": [e.to_dict() for e in self.evidence],
        }

    def encode(self) -> str:
        """``json.dumps(self.to_dict(), ensure_ascii=True, separators=(", ", ": "))``, directly.

        A report encodes one verdict per claim, and for a record this small json.dumps spends
        most of its time setting up: this is four times faster. ``_quote`` is the C function
        json.dumps quotes strings with when ``ensure_ascii`` is set, so the bytes are the same
        (a property test pins it to ``to_dict``).
        """
        evidence = ", ".join([e.encode() for e in self.evidence])
        checked = "null"
        if self.checked_by is not None or self.checked_on is not None:
            by = "null" if self.checked_by is None else _quote(self.checked_by)
            on = "null" if self.checked_on is None else _quote(self.checked_on)
            checked = f'{{"by": {by}, "on": {on}}}'
        return (
            f'{{"path": {_quote(self.path)}, "claim": {_quote(self.claim_id)}, '
            f'"kind": {_quote(self.kind)}, "verdict": {_quote(self.verdict.value)}, '
            f'"explanation": {_quote(self.explanation)}, '
            f'"stale": {"true" if self.stale else "false"}, "checked": {checked}, '
            f'"evidence": [{evidence}]}}'
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
        checked = data["checked"]
        by = on = None
        if checked is not None:
            if type(checked) is not dict or checked.keys() != {"by", "on"}:
                raise TypeError("not who checked a claim and when")
            by, on = (None if x is None else _text(x) for x in (checked["by"], checked["on"]))
            if by is None and on is None:
                raise ValueError("checked by nobody on no date: null is written instead")
        verdict = cls(
            path=_text(data["path"]),
            claim_id=_text(data["claim"]),
            kind=_text(data["kind"]),
            verdict=Verdict(_text(data["verdict"])),
            explanation=_text(data["explanation"]),
            evidence=tuple(_evidence(e, {} if memo is None else memo) for e in evidence),
            checked_by=by,
            checked_on=on,
        )
        if verdict.stale is not stale:  # derived from the verdict: a record must agree
            raise ValueError("stale does not match the verdict")
        return verdict


def _evidence(data: Any, memo: EvidenceMemo) -> Evidence:
    if type(data) is not dict or data.keys() != _EVIDENCE_KEYS:
        raise TypeError("not evidence")
    fact, rule = data["fact"], data["rule"]
    fields = (
        "" if fact is None else _text(fact),
        _text(data["statement"]),
        _sources(data["sources"]),
        _text(data["status"]),
        None if rule is None else _text(rule),
        _texts(data["claims"]),
    )
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
    PROPERTY_NOT_HELD = "property-not-held"  # a source says the entity lacks the property
    WRONG_TENURE = "wrong-tenure"  # "became X in ..." or "former X" against the tenures


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
