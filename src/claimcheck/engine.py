"""Load one claim file, validate it, and run the selected rules over it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from pydantic import ValidationError

from claimcheck.api import FileResult, Options, UsageError, _unreadable, find_root
from claimcheck.context import ArticleContext, ClaimIndex
from claimcheck.diagnostics import DIAGNOSTICS, UNREADABLE
from claimcheck.findings import Finding
from claimcheck.limits import Limits
from claimcheck.loader import LoadError, load_document
from claimcheck.loader.reader import ReadError, read_bytes
from claimcheck.loader.text import decode
from claimcheck.models import ClaimFile
from claimcheck.rules import RULES
from claimcheck.rules.base import Rule
from claimcheck.validate import schema_findings


def select_rules(select: tuple[str, ...], ignore: tuple[str, ...]) -> list[type[Rule]]:
    """Rules whose ID starts with a selected prefix and with no ignored one."""
    known = {r.id for r in RULES} | {d.id for d in DIAGNOSTICS}
    for code in (*select, *ignore):
        if not any(k.startswith(code) for k in known):
            raise UsageError(f"no rule matches {code!r}: see `claimcheck rules`")
    chosen = []
    for rule in RULES:
        if select and not any(rule.id.startswith(s) for s in select):
            continue
        if any(rule.id.startswith(s) for s in ignore):
            continue
        chosen.append(rule)
    return chosen


class Engine:
    def __init__(self, rules: list[Rule], root: Path | None, limits: Limits):
        self.rules = rules
        self.root = root
        self.limits = limits

    @classmethod
    def from_options(cls, options: Options, root: Path | None) -> Engine:
        rules = [r() for r in select_rules(options.select, options.ignore)]
        return cls(rules, root, options.limits)

    def check_file(self, path: Path, shown: str) -> tuple[FileResult, list[Finding]]:
        try:
            raw = read_bytes(str(path), self.limits)
        except ReadError as exc:
            return FileResult(shown, "unreadable"), [_unreadable(shown, str(exc))]
        try:
            doc = load_document(shown, raw, self.limits)
        except LoadError as exc:
            return FileResult(shown, "unreadable"), [
                _unreadable(shown, p.message, p.line, p.column) for p in exc.problems
            ]
        try:
            model = ClaimFile.model_validate(doc.data)
        except ValidationError as exc:
            return FileResult(shown, "checked"), schema_findings(doc, exc, shown)
        ctx = ArticleContext(shown, doc, model, ClaimIndex.build(model))
        findings: list[Finding] = []
        inputs: list[str] = []  # the files read besides this one, for the result cache
        problem = self._load_article(path, ctx, inputs)
        if problem is not None:
            findings.append(problem)
        for rule in self.rules:
            findings.extend(self._suppress(ctx, rule.check(ctx)))
        return FileResult(shown, "checked", len(model.claims), tuple(inputs)), findings

    def _load_article(self, path: Path, ctx: ArticleContext, inputs: list[str]) -> Finding | None:
        """Read the article's text, refusing any path that leaves the project root."""
        ref = ctx.model.article.text
        target = (path.parent / ref).resolve()
        root = self.root or find_root(path.parent)
        if Path(ref).is_absolute() or not target.is_relative_to(root):
            return self._article_problem(
                ctx, f"article text path {ref!r} leaves the project root: name a file inside it"
            )
        inputs.append(str(target))
        try:
            ctx.article_text = decode(read_bytes(str(target), self.limits))
        except (ReadError, LoadError) as exc:
            reason = exc.problems[0].message if isinstance(exc, LoadError) else str(exc)
            return self._article_problem(ctx, f"article text {ref!r}: {reason}")
        ctx.article_path = str(target)
        return None

    @staticmethod
    def _article_problem(ctx: ArticleContext, message: str) -> Finding:
        found = ctx.finding(UNREADABLE.id, UNREADABLE.severity, message, ("article", "text"))
        return replace(found, fatal=True)

    @staticmethod
    def _suppress(ctx: ArticleContext, findings: Iterable[Finding]) -> list[Finding]:
        reasons: dict[tuple[str, str], str] = {}
        for claim in ctx.model.claims:
            for s in claim.suppress:
                reasons[(claim.id, s.rule)] = s.reason
        out = []
        for f in findings:
            reason = reasons.get((f.claim_id, f.rule_id)) if f.claim_id else None
            out.append(f.with_suppression(reason) if reason else f)
        return out
