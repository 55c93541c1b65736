"""Verdicts against the knowledge base, made once per file before the rules run.

Each claim gets a verdict (supported, refuted, stale, incomplete, conflicting, not enough
info: `core.verdicts`), the facts that decided it
and its issues; the CC2xx rules only choose which issues they report, so a report never
shows a refutation without its finding, or a finding without its verdict. One module per
kind of claim holds how that kind is judged; `shared` holds what they all use.

A claim about the present (no `at` of its own) is judged at the publication date; with
`--as-of` it is judged again at that date, and a claim that was true when published but is
false then is stale: its own verdict, never counted with the refuted, since a claim that
was true when published is a different thing from a claim that was wrong to begin with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.core.dates import PartialDate
from claimcheck.core.verdicts import ClaimVerdict, Judgement, Judgements, Problem, Verdict
from claimcheck.formats.records import (
    CountClaim,
    EventClaim,
    MembershipClaim,
    OfficeClaim,
    PropertyClaim,
    RelationClaim,
)
from claimcheck.judge import count, event, membership, office, relation
from claimcheck.judge import property as properties  # the module, not the builtin
from claimcheck.judge.memo import VerdictMemo, defined_alike
from claimcheck.judge.shared import NEI, REFUTED, STALE, SUPPORTED, Outcome, Scope, human

if TYPE_CHECKING:
    from claimcheck.context import ArticleContext
    from claimcheck.formats.records import Claim, Entity
    from claimcheck.kb.store import KnowledgeBase

__all__ = ["VerdictMemo", "judge_claim", "judge_file", "time_relative"]


def judge_file(ctx: ArticleContext, memo: VerdictMemo | None = None) -> Judgements:
    """Every claim of the article, judged; with a memo, a verdict is reused where it fits."""
    kb = ctx.kb
    if kb is None:
        return Judgements.of([_no_kb(ctx, i, claim) for i, claim in ctx.index.claims])
    if memo is None:
        return Judgements.of([judge_claim(ctx, kb, i, claim)[0] for i, claim in ctx.index.claims])
    # The dates as text, whose hash is kept: a key is made for every claim.
    as_of = None if ctx.as_of is None else str(ctx.as_of)
    dates = (str(ctx.model.article.published), as_of)
    return Judgements.of([_reused(ctx, kb, memo, dates, i, c) for i, c in ctx.index.claims])


def _reused(
    ctx: ArticleContext,
    kb: KnowledgeBase,
    memo: VerdictMemo,
    dates: tuple[str, str | None],
    i: int,
    claim: Claim,
) -> Judgement:
    """A claim's judgement, reused from an earlier claim that says the same in the same terms.

    The file's own entities the first judgement looked up must be defined alike here.
    """
    key = memo.key(claim, dates)
    found = memo.get(kb, key)
    if found is not None:
        first, looked = found
        if defined_alike(ctx.model.entities, looked):
            v = first.verdict
            verdict = ClaimVerdict(ctx.path, claim.id, v.kind, v.verdict, v.explanation, v.evidence)
            return Judgement(i, verdict, first.issues, first.disputes)
    judgement, seen = judge_claim(ctx, kb, i, claim)
    memo.put(kb, key, (judgement, tuple(seen.items())))
    return judgement


def time_relative(claim: Claim) -> bool:
    """Claims about the state of the world without a date of their own."""
    return not isinstance(claim, EventClaim) and claim.at is None


def judge_claim(
    ctx: ArticleContext, kb: KnowledgeBase, i: int, claim: Claim
) -> tuple[Judgement, dict[str, Entity | None]]:
    """One claim judged afresh, with the file's own entities it looked up on the way."""
    s = Scope(ctx, kb)
    if isinstance(claim, EventClaim):
        return _judgement(s, i, claim, event.judge(s, claim)), s.seen
    if isinstance(claim, MembershipClaim | CountClaim) and claim.founding:
        return _judgement(s, i, claim, _founding(s, claim)), s.seen
    on = claim.at or ctx.model.article.published
    then = _at(s, claim, on)
    # True as far as it goes (supported, or incomplete) when published: judged again.
    true_then = then.verdict is SUPPORTED or then.verdict is Verdict.INCOMPLETE
    if ctx.as_of is None or not time_relative(claim) or not true_then:
        return _judgement(s, i, claim, then), s.seen
    now = _at(s, claim, ctx.as_of)
    if now.verdict is not REFUTED:
        return _judgement(s, i, claim, now), s.seen
    return _judgement(s, i, claim, _stale(then, now, on, ctx.as_of)), s.seen


def _at(s: Scope, claim: Claim, on: PartialDate) -> Outcome:
    """A claim about the state of the world, judged on one date by its kind's module."""
    if isinstance(claim, MembershipClaim):
        return membership.judge(s, claim, on)
    if isinstance(claim, CountClaim):
        return count.judge(s, claim, on)
    if isinstance(claim, OfficeClaim):
        return office.judge(s, claim, on)
    if isinstance(claim, PropertyClaim):
        return properties.judge(s, claim, on)
    assert isinstance(claim, RelationClaim)
    return relation.judge(s, claim, on)


def _founding(s: Scope, claim: MembershipClaim | CountClaim) -> Outcome:
    """ "The founding members": judged on the first day the earliest membership is sure."""
    group = s.resolve(claim.group)
    starts = [f.start for f in s.kb.memberships.get(group or "", ()) if f.start is not None]
    if group is None or not starts:
        out = Outcome()
        out.aspect(NEI, f"the knowledge base records no founding of {claim.group}")
        return out
    first = min(starts, key=lambda d: d.sort_key())
    return _at(s, claim, PartialDate.of(first.end))


def _stale(then: Outcome, now: Outcome, on: PartialDate, as_of: PartialDate) -> Outcome:
    """True when published, false at --as-of: one issue, at the field that is now wrong."""
    stale = Outcome(facts={**then.facts, **now.facts})
    why = now.explanation()
    stale.aspect(STALE, f"true on {human(on)}, when published, but not on {human(as_of)}: {why}")
    # The field now wrong: a refutation always comes with an issue, and an issue of a kind
    # of claim is at the same field as its disputes.
    first = now.issues[0].field if now.issues else ()
    stale.issue(Problem.STALE, f"stale: true when published ({human(on)}), but {why}", *first)
    return stale


def _judgement(s: Scope, i: int, claim: Claim, out: Outcome) -> Judgement:
    kb = s.kb
    evidence = tuple([kb.evidence(f) for f in out.facts.values()] + out.aliases)
    decided = out.verdict
    verdict = ClaimVerdict(
        path=s.ctx.path,
        claim_id=claim.id,
        kind=claim.kind,
        verdict=decided,
        explanation=out.explanation(decided),
        evidence=evidence,
    )
    return Judgement(i, verdict, tuple(out.issues), tuple(out.disputes))


def _no_kb(ctx: ArticleContext, i: int, claim: Claim) -> Judgement:
    """Without a knowledge base every claim is "not enough info", and says why."""
    verdict = ClaimVerdict(ctx.path, claim.id, claim.kind, NEI, "no knowledge base was loaded", ())
    return Judgement(i, verdict, ())
