"""Rules about where a claim comes from: its sources, their addresses and dates."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from claimcheck.context import ArticleContext
from claimcheck.core.findings import Finding, Severity
from claimcheck.loader.document import Pointer
from claimcheck.rules.base import Rule


class MissingSource(Rule):
    """A claim has no source.

    A fact-checker's work is only as good as the record of where each fact was found; a
    claim with no source cannot be re-checked by the next editor. Some claims are common
    knowledge or were checked by other means: say so with a suppression and its reason,
    or lower this rule's severity in `[tool.claimcheck.rules.CC111]`.

    Triggers: `{id: a, kind: relation, ..., quote: "..."}` with no `sources`.

    Passes: `sources: [{url: "https://example.org/a", accessed: "2026-11"}]`.
    """

    id = "CC111"
    name = "missing-source"
    severity = Severity.WARNING

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        for i, claim in ctx.index.claims:
            if not claim.sources:
                yield self.report(
                    ctx,
                    "this claim has no source: add where the fact was found (a URL and the "
                    "date it was read), or suppress CC111 with the reason it needs none",
                    ("claims", i, "id"),
                    claim.id,
                )


@dataclass(frozen=True)
class IncompleteSourceOptions:
    """CC112's settings: which parts of a source it asks for."""

    require_url: bool = True
    require_accessed: bool = True


class IncompleteSource(Rule):
    """A source has no URL, or no date it was read.

    A title alone does not let a reader find the page, and a page read without a date
    cannot be compared with the page as it is now: web pages change. Either requirement
    can be switched off in the rule's options (`require-url`, `require-accessed`).

    Triggers: `sources: [{title: About the BRICS}]`.

    Passes: `sources: [{url: "https://brics.br/en/about-the-brics", accessed: "2026-11"}]`.
    """

    id = "CC112"
    name = "incomplete-source"
    severity = Severity.WARNING
    Options = IncompleteSourceOptions
    options: IncompleteSourceOptions

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        for i, claim in ctx.index.claims:
            for k, source in enumerate(claim.sources):
                missing = []
                if self.options.require_url and source.url is None:
                    missing.append("a URL")
                if self.options.require_accessed and source.accessed is None:
                    missing.append("the date it was read (`accessed`)")
                if not missing:
                    continue
                label = f"source {k + 1}" + (f" ({source.title!r})" if source.title else "")
                yield self.report(
                    ctx,
                    f"{label} lacks {' and '.join(missing)}: add "
                    f"{'them' if len(missing) > 1 else 'it'}, so a reader can find the source "
                    "and compare it with what was read",
                    ("claims", i, "sources", k),
                    claim.id,
                )


# An http(s) address with a plain host, in printable ASCII: what almost every source has,
# and what `urlsplit` would accept. Anything else is taken apart in full.
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?:[/?#][!-~]*)?", re.IGNORECASE)


def _bad_url(url: str) -> str | None:
    """Why ``url`` is not an http(s) address a reader can open, or None."""
    return None if _PLAIN_URL.fullmatch(url) else _url_problem(url)


def _url_problem(url: str) -> str | None:
    """What taking ``url`` apart finds wrong with it, or None."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return f"is not a valid URL ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        scheme = f"'{parts.scheme}:'" if parts.scheme else "no scheme"
        return f"has {scheme}, not http(s)"
    if not parts.hostname:
        return "has no host"
    if any(c.isspace() for c in url):
        return "contains white space"
    return None


class NonHttpUrl(Rule):
    """A source URL (or the article's) is not an http(s) address.

    A reader checks a source by opening it: `file:`, `javascript:` and `ftp:` addresses,
    relative paths and addresses without a host cannot be opened from a browser, and some
    are unsafe to click.

    Triggers: `url: file:///home/me/notes.html`, `url: www.example.org/a` (no scheme).

    Passes: `url: https://www.example.org/a`.
    """

    id = "CC113"
    name = "non-http-url"
    severity = Severity.ERROR

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        url = ctx.model.article.url
        if url is not None and (why := _bad_url(url)) is not None:
            yield self._bad(ctx, url, why, ("article", "url"), None)
        for i, claim in ctx.index.claims:
            for k, source in enumerate(claim.sources):
                url = source.url
                if url is not None and (why := _bad_url(url)) is not None:
                    yield self._bad(ctx, url, why, ("claims", i, "sources", k, "url"), claim.id)

    def _bad(
        self, ctx: ArticleContext, url: str, why: str, pointer: Pointer, claim_id: str | None
    ) -> Finding:
        return self.report(
            ctx, f"URL {url!r} {why}: give the full https:// address of the page", pointer, claim_id
        )


class UnreviewedDraft(Rule):
    """A claim drafted by `claimcheck draft` that no person has reviewed yet.

    A draft is a proposal read off the article's words by patterns: its kind, its entities
    and its dates may be wrong, and it has no sources. Until someone checks it against the
    article and the sources, a clean run would say the facts were checked when they were
    not, so every draft is an error. Reviewing it means deleting `draft: true` (and adding
    its sources); a draft that is wrong is deleted or corrected.

    Triggers: `{id: a, kind: relation, draft: true, ...}`.

    Passes: the same claim without `draft` (or with `draft: false`).
    """

    id = "CC118"
    name = "unreviewed-draft"
    severity = Severity.ERROR

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        for i, claim in ctx.index.claims:
            if claim.draft:
                yield self.report(
                    ctx,
                    "this claim is an unreviewed draft: check its values against the article, "
                    "add its sources, then delete `draft: true`",
                    ("claims", i, "draft"),
                    claim.id,
                )
