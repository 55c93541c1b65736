"""Check one claim file: load, validate, build its context, judge its claims, run the rules.

Each step's output is the next one's input; the context is complete (article text and
judgements in it) before the first rule runs, and no rule changes it. After the rules, what
their findings prove about a claim (a rule's `proves`) joins the claim's verdict.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.check.inputs import input_name, read_input
from claimcheck.check.result import ArticleText, FileResult
from claimcheck.context import ArticleContext, ClaimIndex
from claimcheck.core.diagnostics import DIAGNOSTICS, UNREADABLE, UNUSED_SUPPRESSION, unreadable
from claimcheck.core.findings import Finding
from claimcheck.core.limits import Limits, claim_count
from claimcheck.core.options import Options, RuleSettings, UsageError
from claimcheck.core.project import find_root
from claimcheck.core.verdicts import ClaimVerdict, Evidence, Verdict, combine
from claimcheck.formats.validate import claim_file, valid_claims
from claimcheck.judge import VerdictMemo, judge_file
from claimcheck.loader import LoadError, load_document
from claimcheck.loader.reader import ReadError, read_bytes
from claimcheck.loader.text import decode
from claimcheck.rules import RULES, unknown_code
from claimcheck.rules.base import Rule

if TYPE_CHECKING:
    from claimcheck.core.dates import PartialDate
    from claimcheck.core.findings import Location
    from claimcheck.formats.records import ClaimFile
    from claimcheck.kb.store import KnowledgeBase


def is_selected(rule_id: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """Whether an ID starts with a selected prefix (any, when none is) and no ignored one."""
    if select and not any(rule_id.startswith(s) for s in select):
        return False
    return not any(rule_id.startswith(s) for s in ignore)


def select_rules(select: tuple[str, ...], ignore: tuple[str, ...]) -> list[type[Rule]]:
    """Rules whose ID starts with a selected prefix and with no ignored one."""
    code = unknown_code((*select, *ignore))
    if code is not None:
        raise UsageError(f"no rule matches {code!r}: see `claimcheck rules`")
    return [rule for rule in RULES if is_selected(rule.id, select, ignore)]


class Engine:
    def __init__(
        self,
        rules: list[Rule],
        root: Path | None,
        limits: Limits,
        *,
        check_suppressions: bool = True,
    ):
        self.rules = rules
        self.root = root
        self.limits = limits
        self.check_suppressions = check_suppressions
        self.kb: KnowledgeBase | None = None
        # A big knowledge base: each claim file's slice of the compiled store (`kb.db`).
        self.kb_for: Callable[[ClaimFile], KnowledgeBase] | None = None
        self.as_of: PartialDate | None = None
        self.memo = VerdictMemo()  # verdicts reused across this engine's files
        self.roots: dict[Path, Path] = {}  # find_root's answers, for this engine's run

    @classmethod
    def from_options(cls, options: Options, root: Path | None) -> Engine:
        rules = []
        for rule in select_rules(options.select, options.ignore):
            settings = options.rule_settings.get(rule.id) or RuleSettings()
            rules.append(rule(settings.severity, settings.options))
        unused = is_selected(UNUSED_SUPPRESSION.id, options.select, options.ignore)
        engine = cls(rules, root, options.limits, check_suppressions=unused)
        engine.as_of = options.as_of
        return engine

    def check_file(self, path: Path, shown: str, raw: bytes | None = None) -> FileResult:
        """Check one file; ``raw`` is its bytes when the caller already read them (once)."""
        if raw is None:
            try:
                raw = read_bytes(str(path), self.limits)
            except ReadError as exc:
                return FileResult(shown, "unreadable", findings=[unreadable(shown, str(exc))])
        try:
            doc = load_document(shown, raw, self.limits)
        except LoadError as exc:
            bad = [unreadable(shown, p.message, p.line, p.column) for p in exc.problems]
            return FileResult(shown, "unreadable", findings=bad).sorted()
        claims = claim_count(doc.data)
        if claims > self.limits.max_claims:
            line, col = doc.position(("claims", self.limits.max_claims))
            message = f"{claims:,} claims in one file, more than {self.limits.cap('max_claims')}"
            return FileResult(shown, "unreadable", findings=[unreadable(shown, message, line, col)])
        model, problems = claim_file(doc, shown)
        partial = None
        if model is None:
            # One invalid claim hides nothing: the others are checked when they stand alone.
            partial = valid_claims(doc, problems)
            if partial is None or not partial.keep:  # nothing left to check
                return FileResult(shown, "checked", findings=problems).sorted()
            doc, model = partial.doc, partial.model
        kb = self.kb_for(model) if self.kb_for is not None else self.kb
        index = ClaimIndex.build(model, kb)
        ctx = ArticleContext(shown, doc, model, index, kb=kb, as_of=self.as_of)
        findings: list[Finding] = []
        inputs: dict[str, str] = {}  # the files read besides this one, for the result cache
        problem, text, article_path = self._load_article(path, ctx, inputs)
        if problem is not None:
            findings.append(problem)
        judgements = judge_file(ctx, self.memo)
        ctx = replace(ctx, article_text=text, article_path=article_path, judgements=judgements)
        found: list[Finding] = []
        for rule in self.rules:
            found.extend(rule.check(ctx))
        checked = self._suppress(ctx, found)
        findings.extend(checked)
        if partial is not None:
            findings = [replace(f, pointer=partial.pointer(f.pointer)) for f in findings]
            findings.extend(problems)
        verdicts = proven_verdicts(ctx, judgements.verdicts(), checked, self.rules)
        verdicts = with_checkers(ctx, verdicts)
        ids = tuple(c.id for c in model.claims)
        n = len(model.claims)
        result = FileResult(shown, "checked", n, ids, findings, verdicts, inputs)
        result.model = model
        result.article = ArticleText(text, ctx.quote_places())
        return result.sorted()

    def _load_article(
        self, path: Path, ctx: ArticleContext, inputs: dict[str, str]
    ) -> tuple[Finding | None, str | None, str | None]:
        """The article's text and path, read once, or why not: no path may leave the root."""
        ref = ctx.model.article.text
        root = self.root or find_root(path.parent, self.roots)
        name = input_name("article text path", path.parent, ref)
        read = read_input(root, name, self.limits)
        inputs[name] = read.state
        if read.raw is None:
            if read.target is None:  # refused: the message names the path
                return self._article_problem(ctx, str(read.problem)), None, None
            return self._article_problem(ctx, f"article text {ref!r}: {read.problem}"), None, None
        try:
            text = decode(read.raw)
        except LoadError as exc:
            problem = f"article text {ref!r}: {exc.problems[0].message}"
            return self._article_problem(ctx, problem), None, None
        return None, text, str(read.target)

    @staticmethod
    def _article_problem(ctx: ArticleContext, message: str) -> Finding:
        found = ctx.finding(UNREADABLE.id, UNREADABLE.severity, message, ("article", "text"))
        return replace(found, fatal=True)

    def _suppress(self, ctx: ArticleContext, findings: Iterable[Finding]) -> list[Finding]:
        """Mark what claims switched off, and report switches that switched nothing off."""
        reasons: dict[tuple[str, str], str] = {}
        for claim in ctx.model.claims:
            for s in claim.suppress:
                reasons.setdefault((claim.id, s.rule), s.reason)
        used: set[tuple[str, str]] = set()
        out = []
        for f in findings:
            reason = reasons.get((f.claim_id, f.rule_id)) if f.claim_id else None
            if reason is None:
                out.append(f)
                continue
            used.add((f.claim_id or "", f.rule_id))
            out.append(f.with_suppression(reason))
        if self.check_suppressions:
            out.extend(self._unused(ctx, used))
        return out

    def _unused(self, ctx: ArticleContext, used: set[tuple[str, str]]) -> Iterator[Finding]:
        ran = {rule.id for rule in self.rules}
        known = {rule.id for rule in RULES} | {d.id for d in DIAGNOSTICS}
        for i, claim in enumerate(ctx.model.claims):
            for j, s in enumerate(claim.suppress):
                if s.rule not in known:
                    message = f"no rule {s.rule} exists: see `claimcheck rules`, or remove this"
                elif s.rule in ran and (claim.id, s.rule) not in used:
                    message = (
                        f"{s.rule} reports nothing for this claim, so the suppression is not "
                        "needed: remove it"
                    )
                else:
                    continue
                yield ctx.finding(
                    UNUSED_SUPPRESSION.id,
                    UNUSED_SUPPRESSION.severity,
                    message,
                    ("claims", i, "suppress", j, "rule"),
                    claim.id,
                )


def proven_verdicts(
    ctx: ArticleContext, verdicts: list[ClaimVerdict], findings: list[Finding], rules: list[Rule]
) -> list[ClaimVerdict]:
    """Each claim's verdict with what the article's own findings prove about it joined in.

    A finding of a rule with `proves` set (a wrong weekday, a count its own list denies, two
    claims that contradict each other) decides its claim's verdict as an aspect of it would,
    with or without a knowledge base: the more serious of the two verdicts wins
    (`core.verdicts.combine`). Two claims that contradict each other are both conflicting;
    a claim the article proves wrong is refuted, and the claims that prove it are not.
    A finding a claim suppresses proves nothing (its reason says why it does not apply); a
    finding a baseline accepts still does, since accepting a finding does not make the claim
    true (baselines are applied after this, to the findings only). The evidence names the
    rule and the other claims the finding rests on.

    A refutation resting on another claim (a count against the article's own list) says
    only that the two cannot both be right. When the knowledge base supports the claim, it
    is the other claim that is wrong: this one is conflicting, never refuted against the
    knowledge base's word. The calendar alone (a weekday against the claim's own date)
    refutes whatever the knowledge base says.
    """
    proves = {rule.id: rule.proves for rule in rules if rule.proves is not None}
    proven: dict[str, list[tuple[Verdict, str, Evidence]]] = {}
    starts: list[tuple[int, int]] | None = None
    names = {rule.id: rule.name for rule in rules}
    for f in findings:
        verdict = proves.get(f.rule_id)
        if verdict is None or f.claim_id is None or f.suppressed is not None:
            continue
        if starts is None:
            starts = _claim_starts(ctx)
        others = _other_claims(ctx, starts, f, f.claim_id)
        why = f"{f.rule_id} {names[f.rule_id]}: {f.message}"
        evidence = Evidence("", f.message, rule=f.rule_id, claims=others)
        proven.setdefault(f.claim_id, []).append((verdict, why, evidence))
        if verdict is Verdict.CONFLICTING:
            for other in others:
                said = f"claim '{f.claim_id}' says otherwise: {f.message}"
                mirror = Evidence("", said, rule=f.rule_id, claims=(f.claim_id,))
                proven.setdefault(other, []).append(
                    (verdict, f"{f.rule_id} {names[f.rule_id]}: {said}", mirror)
                )
    if not proven:
        return verdicts
    out = []
    for v in verdicts:
        found = proven.get(v.claim_id)
        if not found:
            out.append(v)
            continue
        aspects = [(v.verdict, v.explanation)]
        for proved, said, e in found:
            if proved is Verdict.REFUTED and e.claims and v.verdict in _KB_SAYS_TRUE:
                aspects.append((Verdict.CONFLICTING, f"{said} (the knowledge base supports it)"))
            else:
                aspects.append((proved, said))
        decided = combine(a for a, _ in aspects)
        why = "; ".join(dict.fromkeys(text for a, text in aspects if a is decided))
        joined = tuple(dict.fromkeys([*v.evidence, *(e for _, _, e in found)]))
        out.append(replace(v, verdict=decided, explanation=why, evidence=joined))
    return out


def with_checkers(ctx: ArticleContext, verdicts: list[ClaimVerdict]) -> list[ClaimVerdict]:
    """Each verdict with who checked its claim and when, as the claim says (`checked_by`,
    `checked_on`): the paper trail a report and the ClaimReview export show."""
    checked = {
        c.id: (c.checked_by, None if c.checked_on is None else str(c.checked_on))
        for c in ctx.model.claims
        if c.checked_by is not None or c.checked_on is not None
    }
    if not checked:
        return verdicts
    out = []
    for v in verdicts:
        by_on = checked.get(v.claim_id)
        out.append(v if by_on is None else replace(v, checked_by=by_on[0], checked_on=by_on[1]))
    return out


# Verdicts by which the knowledge base says a claim was true when the article said it.
_KB_SAYS_TRUE = frozenset({Verdict.SUPPORTED, Verdict.STALE, Verdict.INCOMPLETE})


def _claim_starts(ctx: ArticleContext) -> list[tuple[int, int]]:
    """Where each claim begins in the file, in claim order: a place tells whose claim it is."""
    return [_place(ctx.location(("claims", i))) for i in range(len(ctx.model.claims))]


def _place(loc: Location) -> tuple[int, int]:
    return (loc.line, loc.column)


def _other_claims(
    ctx: ArticleContext, starts: list[tuple[int, int]], f: Finding, own: str
) -> tuple[str, ...]:
    """The ids of the claims a finding's related places lie in, other than its own claim."""
    ids = []
    for loc in f.related:
        i = bisect.bisect_right(starts, _place(loc)) - 1
        if 0 <= i < len(ctx.model.claims) and ctx.model.claims[i].id != own:
            ids.append(ctx.model.claims[i].id)
    return tuple(dict.fromkeys(ids))
