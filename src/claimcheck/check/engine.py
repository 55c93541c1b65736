"""Check one claim file: load, validate, build its context, judge its claims, run the rules.

Each step's output is the next one's input; the context is complete (article text and
judgements in it) before the first rule runs, and no rule changes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.check.inputs import input_name, read_input
from claimcheck.check.result import FileResult
from claimcheck.context import ArticleContext, ClaimIndex
from claimcheck.core.diagnostics import DIAGNOSTICS, UNREADABLE, UNUSED_SUPPRESSION, unreadable
from claimcheck.core.findings import Finding
from claimcheck.core.limits import Limits, claim_count
from claimcheck.core.options import Options, RuleSettings, UsageError
from claimcheck.core.project import find_root
from claimcheck.formats.validate import claim_file
from claimcheck.judge import VerdictMemo, judge_file
from claimcheck.loader import LoadError, load_document
from claimcheck.loader.reader import ReadError, read_bytes
from claimcheck.loader.text import decode
from claimcheck.rules import RULES, unknown_code
from claimcheck.rules.base import Rule

if TYPE_CHECKING:
    from claimcheck.core.dates import PartialDate
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
        if model is None:
            return FileResult(shown, "checked", findings=problems).sorted()
        index = ClaimIndex.build(model)
        ctx = ArticleContext(shown, doc, model, index, kb=self.kb, as_of=self.as_of)
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
        findings.extend(self._suppress(ctx, found))
        verdicts = judgements.verdicts()
        ids = tuple(c.id for c in model.claims)
        n = len(model.claims)
        result = FileResult(shown, "checked", n, ids, findings, verdicts, inputs)
        result.model = model
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
