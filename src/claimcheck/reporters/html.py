"""The review page: each article as an editor reads it, every claim's quote lit by its verdict.

One self-contained HTML file for the whole run: a summary and (for several articles) an
index on top, then each article in turn, its text with each quote highlighted where it
stands, beside it the list of its claims (verdict, findings, deciding facts and their
sources). Everything that came from a file is untrusted: control and bidi characters and
line breaks are shown as escapes (as the text report shows them), Jinja2 escapes the rest
(autoescape), a link is written only for an http or https address, and a
Content-Security-Policy lets only the page's own style and script run. The page's contract
for tools (the highlight elements and their attributes) is in docs/review.md.

Articles are written as they are checked (spooled: the summary on top needs the totals);
placing one article's quotes costs time linear in its text and its quotes.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.resources
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from claimcheck import __version__
from claimcheck.check.result import VERDICT_NAMES, FileResult, Tally
from claimcheck.core.escape import UNSAFE_CHARS, safe
from claimcheck.core.findings import Finding, Severity
from claimcheck.core.textnorm import normal_map
from claimcheck.kb.store import source_refs
from claimcheck.reporters.base import Reporter, Spool
from claimcheck.rules.quotes import locate_quotes

if TYPE_CHECKING:
    from claimcheck.context import QuotePlaces
    from claimcheck.core.verdicts import ClaimVerdict, Evidence, SourceRef
    from claimcheck.formats.records import ClaimFile
    from claimcheck.run.stream import RunInfo

TEMPLATES = "templates"


@dataclass(frozen=True)
class VerdictStyle:
    name: str
    label: str
    symbol: str  # said as well as the colour: a verdict is never told by colour alone
    meaning: str


STYLES = {
    s.name: s
    for s in (
        VerdictStyle("supported", "supported", "\u2713", "the facts bear it out"),
        VerdictStyle("refuted", "refuted", "\u2717", "the facts or the article prove it wrong"),
        VerdictStyle("stale", "stale", "\u21ba", "true when published, not at the as-of date"),
        VerdictStyle(
            "incomplete", "incomplete", "\u25d0", "true as far as it goes, but leaves facts out"
        ),
        VerdictStyle(
            "conflicting", "conflicting", "\u21c4", "the deciding facts are disputed or disagree"
        ),
        VerdictStyle("not_enough_info", "not enough info", "?", "nothing known decides it"),
    )
}
assert tuple(STYLES) == VERDICT_NAMES
NO_FINDING = "none"  # the severity filter's value for a claim with no active finding
SEVERITIES = [str(s) for s in reversed(Severity)]  # error, warning, info
_SCHEMES = frozenset({"http", "https"})
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_BREAK = re.compile(r"\r?\n")
_LAYOUT = str.maketrans("\r\n\t", "   ")
_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f]")


def safe_href(url: str | None) -> str | None:
    """``url`` when a browser may follow it from the page: an http or https address with a
    host, and no white space or control character; else None (shown as text, not a link)."""
    if not url or _URL_UNSAFE.search(url) or UNSAFE_CHARS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SCHEMES or not parts.hostname:
        return None
    return url


def shown(value: object) -> object:
    """What the page writes of every value (Jinja2's ``finalize``, before autoescaping):
    text as the text report shows it (``core.escape.safe``: control, bidi and invisible
    characters and line breaks as escapes such as ``\\u202e``), so it can neither reorder the
    page, hide in it, nor break a line of it; markup the page made itself as it is."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return safe(value)
    return value


@cache
def _resources() -> tuple[jinja2.Template, str, str]:
    """The template, the style sheet and the script, read once from the package."""
    folder = importlib.resources.files("claimcheck.reporters") / TEMPLATES
    env = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        finalize=shown,
    )
    template = env.from_string((folder / "review.html.j2").read_text(encoding="utf-8"))
    style = (folder / "review.css").read_text(encoding="utf-8")
    script = (folder / "review.js").read_text(encoding="utf-8")
    return template, style, script


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def content_policy(style: str, script: str) -> str:
    """Nothing loads or runs but the page's own style and script (by their hashes)."""
    return (
        f"default-src 'none'; style-src {_sha256(style)}; script-src {_sha256(script)}; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; "
        "form-action 'none'"
    )


# --- What the template shows -------------------------------------------------------------


@dataclass(frozen=True)
class Count:
    name: str
    label: str
    symbol: str
    count: int
    meaning: str


@dataclass(frozen=True)
class SeverityCount:
    name: str
    count: int


@dataclass(frozen=True)
class FindingView:
    severity: str
    rule: str
    message: str
    suppressed: str | None
    where: str  # file:line:column, for findings not shown on a claim


@dataclass(frozen=True)
class SourceView:
    label: str
    href: str | None
    fields: list[tuple[str, str]]  # the fields the label does not say
    archive_href: str | None


@dataclass(frozen=True)
class EvidenceView:
    fact: str
    disputed: bool
    rule: str | None
    claims: tuple[str, ...]
    statement: str
    sources: list[SourceView]


@dataclass(frozen=True)
class ClaimView:
    ref: str  # the element id of the claim's entry in the list
    id: str
    kind: str
    quote: str
    verdict: str
    label: str
    symbol: str
    explanation: str
    findings: list[FindingView]
    severity: str  # the worst active finding's, or NO_FINDING
    severities: list[SeverityCount]
    evidence: list[Markup]  # each rendered once per run (``Renderer``)
    sources: list[Markup]
    checked_by: str | None
    checked_on: str | None
    placed: bool


@dataclass(frozen=True)
class MarkView:
    ref: str
    claim: str
    verdict: str
    label: str
    symbol: str
    depth: int  # 1 outermost; deeper marks draw their underline lower
    first: bool  # the first piece of the claim's quote: it carries the link to the claim


@dataclass(frozen=True)
class Segment:
    text: str
    marks: list[MarkView]


@dataclass(frozen=True)
class ArticleView:
    anchor: str
    path: str
    title: str
    publisher: str | None
    published: str | None
    url: str | None
    href: str | None
    text_ref: str | None
    as_of: str
    verdicts: list[Count]
    severities: list[SeverityCount]
    file_findings: list[FindingView]
    unplaced: list[ClaimView]
    paragraphs: list[list[Segment]] | None
    claims: list[ClaimView]


@dataclass(frozen=True)
class IndexEntry:
    anchor: str
    title: str
    path: str
    verdicts: list[Count]
    severities: list[SeverityCount]


# --- Building the views ------------------------------------------------------------------


def _counts(counts: Iterable[int]) -> list[Count]:
    return [
        Count(s.name, s.label, s.symbol, n, s.meaning)
        for s, n in zip(STYLES.values(), counts, strict=True)
        if n
    ]


def _severity_counts(findings: Iterable[Finding]) -> list[SeverityCount]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        if f.suppressed is None:
            counts[str(f.severity)] += 1
    return [SeverityCount(k, n) for k, n in counts.items() if n]


def _finding(f: Finding, where: bool = False) -> FindingView:
    loc = f.location
    at = f"{loc.path}:{loc.line}:{loc.column}" if loc.line else loc.path
    return FindingView(str(f.severity), f.rule_id, f.message, f.suppressed, at if where else "")


def _source(src: SourceRef) -> SourceView:
    href = safe_href(src.url)
    said = {"url"} if src.url else {"citation", "published"} if src.citation else set()
    if not src.url and not src.citation:
        said = {"title", "publisher", "published"}  # what the label says is not said twice
    fields = [(k, v) for k, v in src.items() if k not in said]
    return SourceView(src.label, href, fields, safe_href(src.archive))


def _worst(findings: list[Finding]) -> str:
    active = [f.severity for f in findings if f.suppressed is None]
    return str(max(active)) if active else NO_FINDING


class Renderer:
    """The template's pieces, and the knowledge base's facts rendered once a run: a fact
    decides many claims. Only facts are kept (they are bounded by the knowledge base); what
    belongs to one claim (the article's own findings, the claim's sources) is not."""

    def __init__(self) -> None:
        template, self.style, self.script = _resources()
        self.module: Any = template.module
        # A macro's output is Markup (its values escaped by autoescape).
        self._facts: dict[Evidence, Markup] = {}

    def evidence(self, e: Evidence) -> Markup:
        found = self._facts.get(e) if e.fact_id else None
        if found is None:
            view = EvidenceView(
                e.fact_id,
                e.status == "disputed",
                e.rule,
                e.claims,
                e.statement,
                [_source(s) for s in e.sources],
            )
            found = self.module.evidence(view)
            if e.fact_id:
                self._facts[e] = found
        return found

    def source(self, src: SourceRef) -> Markup:
        rendered: Markup = self.module.source(_source(src))
        return rendered


def _claim_views(
    anchor: str,
    model: ClaimFile,
    verdicts: list[ClaimVerdict],
    by_claim: dict[str, list[Finding]],
    placed: list[bool],
    render: Renderer,
) -> list[ClaimView]:
    # One verdict per claim, in file order: two claims that share an id keep their own.
    aligned = len(verdicts) == len(model.claims) and all(
        v.claim_id == c.id for v, c in zip(verdicts, model.claims, strict=True)
    )
    verdict_of: dict[str, ClaimVerdict] = {}
    for verdict in verdicts:
        verdict_of.setdefault(verdict.claim_id, verdict)
    views = []
    for i, claim in enumerate(model.claims):
        v = verdicts[i] if aligned else verdict_of.get(claim.id)
        style = STYLES[v.verdict.value if v is not None else "not_enough_info"]
        found = by_claim.get(claim.id, [])
        views.append(
            ClaimView(
                ref=f"{anchor}-c{i + 1}",
                id=claim.id,
                kind=claim.kind,
                quote=claim.quote,
                verdict=style.name,
                label=style.label,
                symbol=style.symbol,
                explanation=v.explanation if v is not None else "",
                findings=[_finding(f) for f in found],
                severity=_worst(found),
                severities=_severity_counts(found),
                evidence=[render.evidence(e) for e in (v.evidence if v is not None else ())],
                sources=[render.source(s) for s in source_refs(claim.sources)],
                checked_by=v.checked_by if v is not None else None,
                checked_on=v.checked_on if v is not None else None,
                placed=placed[i],
            )
        )
    return views


def original_spans(text: str, places: QuotePlaces) -> list[list[tuple[int, int]] | None]:
    """Each claim's quote as spans of the article as written (None: not in the text)."""
    mapping = normal_map(text)
    out: list[list[tuple[int, int]] | None] = []
    for spans in places.spans:
        if spans is None or mapping is None:
            out.append(None)
            continue
        out.append([mapping.original(a, b) for a, b in spans if b > a])
    return out


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """The article's paragraphs as spans, white space trimmed: split at blank lines, or at
    every line break in a text with no blank line (one paragraph a line)."""
    breaks = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else _LINE_BREAK
    start = 0
    for m in [*breaks.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            yield start + lead, start + trail
        if m is not None:
            start = m.end()


_Key = tuple[int, int, int]  # (start, -end, claim): the order marks nest in


def segments(
    text: str, spans: list[list[tuple[int, int]] | None], claims: list[ClaimView]
) -> list[list[Segment]]:
    """The paragraphs cut where a quote starts or ends, each piece with the quotes over it.

    Overlapping quotes nest: the piece they share holds one mark per quote, the one that
    starts first (then the longer) outermost. A sweep over the sorted ends: linear in the
    text and the quotes (times the depth of the overlap, and a sort of the ends).
    """
    events: list[tuple[int, int, _Key]] = []  # (offset, 0 end / 1 start, key)
    for i, found in enumerate(spans):
        for a, b in found or ():
            key = (a, -b, i)
            events.append((a, 1, key))
            events.append((b, 0, key))
    events.sort()
    out: list[list[Segment]] = []
    active: set[_Key] = set()
    written: set[int] = set()  # claims whose first piece was written (it carries the link)
    k = 0
    for p_start, p_end in paragraphs(text):
        para: list[Segment] = []
        at = p_start
        while True:
            while k < len(events) and events[k][0] <= at:
                _, opens, key = events[k]
                if opens:
                    active.add(key)
                else:
                    active.discard(key)
                k += 1
            end = min(events[k][0] if k < len(events) else len(text), p_end)
            if end > at:
                piece = text[at:end].translate(_LAYOUT)  # white space, as HTML reads it
                para.append(Segment(piece, _marks(sorted(active), claims, written)))
            if end >= p_end:
                break
            at = end
        out.append(para)
    return out


def _marks(
    active: list[tuple[int, int, int]], claims: list[ClaimView], written: set[int]
) -> list[MarkView]:
    marks = []
    for depth, (_start, _neg_end, i) in enumerate(active, 1):
        c = claims[i]
        first = i not in written
        written.add(i)
        marks.append(MarkView(c.ref, c.id, c.verdict, c.label, c.symbol, min(depth, 4), first))
    return marks


def article_view(report: FileResult, anchor: str, as_of: str, render: Renderer) -> ArticleView:
    """One claim file's part of the page, from its result (and the article the engine read)."""
    by_claim: dict[str, list[Finding]] = {}
    model = report.model
    ids = {c.id for c in model.claims} if model is not None else set()
    file_findings = []
    for f in report.findings:
        if f.claim_id is not None and f.claim_id in ids:
            by_claim.setdefault(f.claim_id, []).append(f)
        else:
            file_findings.append(_finding(f, where=True))
    severities = _severity_counts(report.findings)
    verdicts = _counts(report.verdict_counts)
    if model is None:
        return ArticleView(
            anchor, report.path, report.path, None, None, None, None, None, as_of,
            verdicts, severities, file_findings, [], None, [],
        )  # fmt: skip
    article = report.article
    text = article.text if article is not None else None
    spans: list[list[tuple[int, int]] | None] = [None] * len(model.claims)
    if text is not None:
        places = article.places if article is not None else None
        if places is None:  # the quote rule did not run: its search, once, here
            places = locate_quotes(text, [c.quote for c in model.claims])
        spans = original_spans(text, places)
    placed = [s is not None for s in spans]
    claims = _claim_views(anchor, model, report.verdicts, by_claim, placed, render)
    a = model.article
    return ArticleView(
        anchor=anchor,
        path=report.path,
        title=a.title,
        publisher=a.publisher,
        published=str(a.published),
        url=a.url,
        href=safe_href(a.url),
        text_ref=a.text,
        as_of=as_of or f"the publication date ({a.published})",
        verdicts=verdicts,
        severities=severities,
        file_findings=file_findings,
        unplaced=[c for c in claims if not c.placed],
        paragraphs=segments(text, spans, claims) if text is not None else None,
        claims=claims,
    )


@dataclass(frozen=True)
class PageView:
    title: str
    version: str
    csp: str
    style: str
    script: str
    as_of: str
    kb_files: list[str]
    kb_findings: list[FindingView]
    files: int
    claims: int
    verdicts: list[Count]
    severities: list[SeverityCount]
    filter_severities: list[str]
    suppressed: int
    index: list[IndexEntry]


class HtmlReporter(Reporter):
    """The review page; it shows the article text, which only a fresh check keeps."""

    name = "html"
    reads_articles = True

    def start(self, out: TextIO, info: RunInfo) -> None:
        self.out, self.info = out, info
        self.pieces = Renderer()
        self.module = self.pieces.module
        self.body = Spool()
        self.index: list[IndexEntry] = []
        self.as_of = str(info.as_of) if info.as_of is not None else ""

    def file(self, report: FileResult) -> None:
        anchor = f"a{len(self.index) + 1}"
        view = article_view(report, anchor, self.as_of, self.pieces)
        self.body.write(str(self.module.article(view)))
        self.index.append(IndexEntry(anchor, view.title, view.path, view.verdicts, view.severities))

    def finish(self, tally: Tally) -> None:
        all_verdicts = [
            Count(s.name, s.label, s.symbol, n, s.meaning)
            for s, n in zip(STYLES.values(), tally.verdicts, strict=True)
        ]
        page = PageView(
            title="claimcheck review"
            + (f": {self.index[0].title}" if len(self.index) == 1 else ""),
            version=__version__,
            csp=content_policy(self.pieces.style, self.pieces.script),
            style=self.pieces.style,
            script=self.pieces.script,
            as_of=self.as_of or "each article's publication date",
            kb_files=list(self.info.kb_files),
            kb_findings=[_finding(f, where=True) for f in self.info.kb_findings],
            files=tally.files,
            claims=tally.claims,
            verdicts=all_verdicts,
            severities=[SeverityCount(s, tally.active[Severity.parse(s)]) for s in SEVERITIES],
            filter_severities=[*SEVERITIES, NO_FINDING],
            suppressed=tally.suppressed,
            index=self.index,
        )
        self.out.write(str(self.module.head(page)))
        self.body.copy_to(self.out)
        self.out.write(str(self.module.tail(page)))
