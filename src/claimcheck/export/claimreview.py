"""schema.org ClaimReview JSON-LD, for publishers who send their fact checks to aggregators.

One ClaimReview per claim that has a verdict: ``claimReviewed`` is the article's words,
``reviewRating`` carries the verdict as ``alternateName`` on a three-step scale, and
``itemReviewed`` is a ``Claim`` whose ``appearance`` is the article. Google's required
properties (claimReviewed, reviewRating with alternateName, url) are always present. A claim
nothing was found about (not enough info, and no fact that bears on it) was not reviewed,
so it is left out rather than published as "Unproven".

The ratings (``RATINGS``; worstRating 1, bestRating 3, unchanged since the first export):

    verdict          ratingValue  alternateName
    refuted          1            False
    stale            2            Outdated          (true when published, not any more)
    incomplete       2            Missing context
    conflicting      2            Disputed
    not_enough_info  2            Unproven          (only when some fact bore on it)
    supported        3            True

Every verdict between true and false sits in the middle of the scale: the numbers order
verdicts for aggregators that sort, and the name says which one it is. A claim proven wrong
by the article itself (a wrong weekday, a count its own list denies) is refuted, knowledge
base or not, and exported as False.

A claim that says who checked it (`checked_by`) has that person as the review's ``author``,
with the fact-checking organisation (``--reviewer``, else `reviewer` in
`[tool.claimcheck.export]`) as their ``affiliation``; its `checked_on` is the review's
``datePublished`` unless ``--date`` gives one for the export. The reviewer is never taken
to be the article's publisher: a newsroom does not review its own article for aggregators.

``claimReviewed`` is the claim as a reader would quote it: the article's whole sentence
holding the claim's `quote`, else the quote itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote, urldefrag, urlsplit

from claimcheck.app import verify_stream
from claimcheck.check.inputs import input_name, read_input
from claimcheck.check.result import FileResult, Result
from claimcheck.config import load_project
from claimcheck.core.limits import DEFAULT_LIMITS, Limits
from claimcheck.core.options import Options, UsageError
from claimcheck.core.verdicts import ClaimVerdict, Verdict
from claimcheck.formats import validate
from claimcheck.formats.records import Article, ClaimFile, claim_file
from claimcheck.formats.validate import valid_claims
from claimcheck.loader import LoadError, load_document
from claimcheck.loader.reader import ReadError, read_bytes
from claimcheck.loader.text import decode
from claimcheck.run.stream import Stream, collect

CONTEXT = "https://schema.org"
WORST, BEST = 1, 3
RATINGS: dict[Verdict, tuple[int, str]] = {
    Verdict.REFUTED: (1, "False"),
    Verdict.STALE: (2, "Outdated"),
    Verdict.INCOMPLETE: (2, "Missing context"),
    Verdict.CONFLICTING: (2, "Disputed"),
    Verdict.NOT_ENOUGH_INFO: (2, "Unproven"),
    Verdict.SUPPORTED: (3, "True"),
}


@dataclass(frozen=True)
class ReviewSettings:
    author: str | None = None  # the fact-checking organisation (the reviewer)
    author_url: str | None = None
    url: str | None = None  # the page that publishes the reviews; the article's url if None
    date: str | None = None  # when the reviews are published (ISO 8601); today if None

    def with_defaults(self, config: Mapping[str, str]) -> ReviewSettings:
        """These settings, with `[tool.claimcheck.export]` filling what the options left out."""
        return ReviewSettings(
            self.author or config.get("reviewer"),
            self.author_url or config.get("reviewer-url"),
            self.url or config.get("url"),
            self.date,
        )


# Where a sentence ends: a stop (and closing quotes or brackets) before a space, or a blank line.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s)|\n[ \t]*\n")
_LONGEST_SENTENCE = 600


def reader_quote(text: str | None, quote: str) -> str:
    """The article's sentence that holds ``quote``, one line; the quote when it is not found.

    A reader quotes a claim as a sentence ("The BRICS forum, comprising Brazil, Russia, China
    and South Africa, ..."), not as the fragment a claim anchors on.
    """
    if not text:
        return quote
    words = quote.split()
    found = re.search(r"\s+".join(re.escape(w) for w in words), text) if words else None
    if found is None:
        return quote
    # The first line is the headline (as `init` reads it), never the start of a sentence.
    headline = text.lstrip()
    start = len(text) - len(headline) + len(headline.split("\n", 1)[0])
    if found.end() <= start:  # a claim on the headline: the headline is what readers quote
        return " ".join(text[:start].split())
    if found.start() < start:
        start = 0
    for end in _SENTENCE_END.finditer(text, start, found.start()):
        start = end.end()
    after = _SENTENCE_END.search(text, max(found.end() - 1, found.start()))
    sentence = " ".join(text[start : after.end() if after else len(text)].split())
    return sentence if len(sentence) <= _LONGEST_SENTENCE else quote


def _organisation(name: str, url: str | None = None) -> dict[str, Any]:
    org: dict[str, Any] = {"@type": "Organization", "name": name}
    if url:
        org["url"] = url
    return org


def _author(checked_by: str | None, organisation: dict[str, Any]) -> dict[str, Any]:
    """Who reviewed the claim: the person who checked it, of the organisation, when named."""
    if checked_by is None:
        return organisation
    return {"@type": "Person", "name": checked_by, "affiliation": organisation}


def _review_url(base: str, claim_id: str) -> str:
    return f"{urldefrag(base).url}#{quote(claim_id, safe='')}"


def _appearance(article: Article) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if article.url:
        work["url"] = article.url
    work["headline"] = article.title
    work["datePublished"] = str(article.published)
    work["publisher"] = _organisation(article.publisher)
    return work


def claim_review(
    verdict: ClaimVerdict,
    model: ClaimFile,
    settings: ReviewSettings,
    today: date,
    text: str | None = None,
) -> dict[str, Any]:
    claim = next(c for c in model.claims if c.id == verdict.claim_id)
    article = model.article
    base = settings.url or article.url
    if not base:
        raise UsageError(
            f"{verdict.path}: ClaimReview needs the url of the page that publishes the review: "
            "pass --url, or give the article a url"
        )
    value, name = RATINGS[verdict.verdict]
    explanation = verdict.explanation
    if settings.author is None:
        raise UsageError(
            "ClaimReview needs who reviewed the claims (not the article's publisher): pass "
            "--reviewer, or set reviewer in [tool.claimcheck.export]"
        )
    organisation = _organisation(settings.author, settings.author_url)
    checked_on = None if claim.checked_on is None else str(claim.checked_on)
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": _review_url(base, claim.id),
        "claimReviewed": reader_quote(text, claim.quote),
        "datePublished": settings.date or checked_on or today.isoformat(),
        "author": _author(claim.checked_by, organisation),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": name,
            "ratingExplanation": explanation,
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": _organisation(article.publisher),
            "datePublished": str(article.published),
            "appearance": _appearance(article),
            "firstAppearance": _appearance(article),
        },
    }


def check_settings(settings: ReviewSettings) -> None:
    """Refuse what a reader of the JSON-LD would reject, before anything is written."""
    for option, value in (("--url", settings.url), ("--author-url", settings.author_url)):
        if value is not None and urlsplit(value).scheme not in ("http", "https"):
            raise UsageError(f"{option} {value!r} is not an http(s) address")
    if settings.date is not None:
        try:
            date.fromisoformat(settings.date)
        except ValueError:
            raise UsageError(f"--date {settings.date!r} is not a date: use YYYY-MM-DD") from None


def _reviewed(verdict: ClaimVerdict) -> bool:
    """Whether some knowledge-base fact bore on the claim: only then is there a review."""
    return verdict.verdict is not Verdict.NOT_ENOUGH_INFO or bool(verdict.evidence)


def claim_reviews(
    verdicts: Iterable[ClaimVerdict],
    models: Mapping[str, ClaimFile],
    settings: ReviewSettings,
    today: date | None = None,
    texts: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Reviews in file order, then claim order; verdicts of files not loaded are skipped, and
    so are drafts (`draft: true`): no person has checked them, so nothing is published.

    ``texts`` holds each file's article text, by the file's path, where it could be read.
    """
    check_settings(settings)
    order = {
        (path, c.id): (path, n)
        for path, m in models.items()
        for n, c in enumerate(m.claims)
        if not c.draft
    }
    chosen = sorted(
        (v for v in verdicts if (v.path, v.claim_id) in order and _reviewed(v)),
        key=lambda v: order[(v.path, v.claim_id)],
    )
    day = today or date.today()
    texts = texts or {}
    return [claim_review(v, models[v.path], settings, day, texts.get(v.path)) for v in chosen]


def render(reviews: list[dict[str, Any]]) -> str:
    """JSON that is also safe inside <script type="application/ld+json">."""
    text = json.dumps(reviews, indent=2, ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def load_models(result: Result, limits: Limits = DEFAULT_LIMITS) -> dict[str, ClaimFile]:
    """The claim files verify checked, loaded again within the run's limits: for the
    results that came without their model (from the cache, or from a worker process)."""
    models = {}
    for fr in result.files:
        if fr.status != "checked":
            continue
        try:
            doc = load_document(fr.path, read_bytes(str(Path(fr.path)), limits), limits)
        except (ReadError, LoadError):
            continue  # verify reported it already
        model = claim_file(doc.data)
        if model is None:  # its valid claims, as verify checked them (`valid_claims`)
            _, problems = validate.claim_file(doc, fr.path)
            partial = valid_claims(doc, problems)
            model = partial.model if partial is not None and partial.keep else None
        if model is not None:  # else verify reported its schema problems
            models[fr.path] = model
    return models


def verify_with_models(options: Options) -> tuple[Result, dict[str, ClaimFile]]:
    """``verify``'s result, and the claim file models the engine checked, taken as the files
    stream by: a file is read again only when its result came without one."""
    models: dict[str, ClaimFile] = {}

    def taking(files: Iterator[FileResult]) -> Iterator[FileResult]:
        for fr in files:
            if fr.model is not None:
                models[fr.path], fr.model = fr.model, None
            yield fr

    stream = verify_stream(options)
    result = collect(Stream(stream.info, taking(stream.files)))
    missing = [fr for fr in result.files if fr.status == "checked" and fr.path not in models]
    models.update(load_models(Result(files=missing), options.limits))
    return result, models


def article_texts(models: Mapping[str, ClaimFile], root: Path, limits: Limits) -> dict[str, str]:
    """Each file's article text, read as `verify` reads it (inside the root), where it can be."""
    texts = {}
    for path, model in models.items():
        name = input_name("article text path", Path(path).parent, model.article.text)
        read = read_input(root, name, limits)
        if read.raw is not None:
            try:
                texts[path] = decode(read.raw)
            except LoadError:
                continue  # verify reported it
    return texts


class LeftOut(NamedTuple):
    """The claims an export publishes no review of, by why: told apart, because a draft
    asks its writer to review it, and a claim no fact bears on asks for the KB."""

    no_fact: int  # no knowledge-base fact bears on it
    drafts: int  # `draft: true`: no person has checked it


def export(
    options: Options, settings: ReviewSettings, *, named: bool = True
) -> tuple[str, Result, LeftOut]:
    """The JSON-LD text, the verify result it came from, and the claims left out (`LeftOut`).

    The options go through the project (`config.load_project`) as `verify`'s do, so both
    check the same files against the same knowledge base; ``named``: the paths were named
    (else the project's claim files are exported).
    """
    given = {"paths"} if named else set()
    project = load_project(options.paths if named else (), options.root)
    settings = settings.with_defaults(project.export)
    check_settings(settings)
    result, found = verify_with_models(project.apply(options, given))
    models = {fr.path: found[fr.path] for fr in result.files if fr.path in found}  # file order
    texts = article_texts(models, project.root, options.limits)
    reviews = claim_reviews(result.verdicts, models, settings, texts=texts)
    claims = sum(len(m.claims) for m in models.values())
    drafts = sum(c.draft for m in models.values() for c in m.claims)
    return render(reviews), result, LeftOut(claims - drafts - len(reviews), drafts)
