"""ClaimReview JSON-LD: every property Google's fact-check documentation requires, and more.

Google's list (Search Central, "Fact check (ClaimReview) structured data"): required on
ClaimReview are claimReviewed, reviewRating and url, and on the Rating, alternateName;
recommended are author, datePublished and itemReviewed (a Claim with appearance, author,
datePublished, firstAppearance), and the Rating's bestRating, ratingValue and worstRating.
"""

import json
from datetime import date
from pathlib import Path

import pytest

from claimcheck.app import UsageError
from claimcheck.core.verdicts import ClaimVerdict, Evidence, SourceRef, Verdict
from claimcheck.export.claimreview import ReviewSettings, claim_reviews, reader_quote, render
from claimcheck.formats.records import claim_file, replace
from claimcheck.loader import load_document
from tests.conftest import SEED

GOOGLE_REQUIRED = {"claimReviewed", "reviewRating", "url"}
GOOGLE_RECOMMENDED = {"author", "datePublished", "itemReviewed"}
RATING_REQUIRED = {"alternateName"}
RATING_RECOMMENDED = {"bestRating", "ratingValue", "worstRating"}
CLAIM_RECOMMENDED = {"appearance", "author", "datePublished", "firstAppearance"}
PATH = "claims/japan-india-2plus2.claims.yaml"


@pytest.fixture(scope="module")
def seed():
    return claim_file(load_document(str(SEED), SEED.read_bytes()).data)


def _verdict(claim_id, verdict):
    return ClaimVerdict(
        PATH,
        claim_id,
        "membership",
        verdict,
        f"explained {claim_id}",
        (
            Evidence(
                "f1",
                "India is a member of BRICS",
                (SourceRef(url="https://brics.br/en/about-the-brics"),),
            ),
        ),
    )


VERDICTS = [
    _verdict("india-in-brics", Verdict.STALE),
    _verdict("brics-members", Verdict.REFUTED),
    _verdict("quad-members", Verdict.NOT_ENOUGH_INFO),
    ClaimVerdict("other.claims.yaml", "x", "event", Verdict.SUPPORTED, "not loaded"),
]
SETTINGS = ReviewSettings(
    author="Example Fact Desk",
    author_url="https://facts.example.org",
    url="https://facts.example.org/reviews/2plus2",
    date="2026-11-26",
)


def test_every_google_property_is_present(seed):
    reviews = claim_reviews(VERDICTS, {PATH: seed}, SETTINGS)
    assert len(reviews) == 3  # the verdict on a file that was not loaded is skipped
    for review in reviews:
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        assert set(review) >= GOOGLE_REQUIRED | GOOGLE_RECOMMENDED
        assert set(review["reviewRating"]) >= RATING_REQUIRED | RATING_RECOMMENDED
        assert review["itemReviewed"]["@type"] == "Claim"
        assert set(review["itemReviewed"]) >= CLAIM_RECOMMENDED
        assert all(review[k] for k in GOOGLE_REQUIRED)


def test_the_content_comes_from_the_claim_the_article_and_the_verdict(seed):
    reviews = claim_reviews(VERDICTS, {PATH: seed}, SETTINGS)
    # File order: quad-members, india-in-brics, brics-members.
    assert [r["url"].rsplit("#", 1)[1] for r in reviews] == [
        "quad-members",
        "india-in-brics",
        "brics-members",
    ]
    quad, india, brics = reviews
    assert (
        brics["claimReviewed"] == "BRICS forum—comprising Brazil, Russia, China, and South Africa"
    )
    assert brics["url"] == "https://facts.example.org/reviews/2plus2#brics-members"
    assert brics["reviewRating"]["alternateName"] == "False"
    assert brics["reviewRating"]["ratingValue"] == 1
    assert india["reviewRating"]["alternateName"] == "Outdated"
    assert india["reviewRating"]["ratingExplanation"] == "explained india-in-brics"
    assert quad["reviewRating"]["alternateName"] == "Unproven"
    for r in reviews:
        rating = r["reviewRating"]
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    # The seed's claims say who checked them: that person, of the desk, is the author.
    assert brics["author"] == {
        "@type": "Person",
        "name": "claimcheck showcase",
        "affiliation": {
            "@type": "Organization",
            "name": "Example Fact Desk",
            "url": "https://facts.example.org",
        },
    }
    assert brics["datePublished"] == "2026-11-26"  # --date wins over checked_on
    item = brics["itemReviewed"]
    assert item["datePublished"] == "2024-08-20"
    assert item["appearance"]["@type"] == "CreativeWork"
    assert item["appearance"]["headline"].startswith("Japan and India Hold Security Talks")
    assert item["author"]["name"] == seed.article.publisher


@pytest.mark.parametrize(
    ("verdict", "value", "name"),
    [
        (Verdict.SUPPORTED, 3, "True"),
        (Verdict.REFUTED, 1, "False"),
        (Verdict.STALE, 2, "Outdated"),
        (Verdict.INCOMPLETE, 2, "Missing context"),
        (Verdict.CONFLICTING, 2, "Disputed"),
    ],
)
def test_export_rates_stale_incomplete_and_conflicting_on_the_same_scale(
    seed, verdict, value, name
):
    (review,) = claim_reviews([_verdict("brics-members", verdict)], {PATH: seed}, SETTINGS)
    rating = review["reviewRating"]
    assert (rating["ratingValue"], rating["alternateName"]) == (value, name)
    assert (rating["worstRating"], rating["bestRating"]) == (1, 3)


def test_an_unreviewed_draft_is_never_published_as_a_review(seed):
    claims = [replace(c, draft=c.id == "brics-members") for c in seed.claims]
    reviews = claim_reviews(VERDICTS, {PATH: replace(seed, claims=claims)}, SETTINGS)
    reviewed = [r["url"].rsplit("#", 1)[1] for r in reviews]
    assert reviewed == ["quad-members", "india-in-brics"]  # file order


def _unchecked(model):
    """The claims without who checked them and when."""
    claims = [replace(c, checked_by=None, checked_on=None) for c in model.claims]
    return replace(model, claims=claims)


def test_the_reviewer_is_never_the_publisher_and_a_url_is_required(seed):
    seed = _unchecked(seed)
    with_url = replace(seed, article=replace(seed.article, url="https://news.example/a#top"))
    desk = ReviewSettings(author="Desk")
    (review,) = claim_reviews(VERDICTS[1:2], {PATH: with_url}, desk, date(2026, 1, 2))
    assert review["author"] == {"@type": "Organization", "name": "Desk"}
    assert review["url"] == "https://news.example/a#brics-members"
    assert review["itemReviewed"]["appearance"]["url"] == "https://news.example/a#top"
    assert review["datePublished"] == "2026-01-02"
    with pytest.raises(UsageError, match="--url"):
        claim_reviews(VERDICTS[1:2], {PATH: seed}, desk)
    with pytest.raises(UsageError, match=r"not the article's publisher.*--reviewer"):
        claim_reviews(VERDICTS[1:2], {PATH: with_url}, ReviewSettings())


def test_settings_fill_in_from_the_export_table_options_first():
    config = {"reviewer": "Desk", "reviewer-url": "https://d.example", "url": "https://r.example"}
    assert ReviewSettings().with_defaults(config) == ReviewSettings(
        "Desk", "https://d.example", "https://r.example", None
    )
    given = ReviewSettings("Me", None, "https://me.example", "2026-01-01")
    assert given.with_defaults(config) == ReviewSettings(
        "Me", "https://d.example", "https://me.example", "2026-01-01"
    )


@pytest.mark.parametrize(
    ("quote", "want"),
    [
        ("comprising Brazil", "The BRICS forum, comprising Brazil and Russia, met."),
        ("India   joined", "Then India joined."),  # spaces as the article has them
        ("Russia, met. Then", "Russia, met. Then"),  # across two sentences: no one sentence
        ("not in it", "not in it"),
    ],
)
def test_claim_reviewed_is_the_sentence_a_reader_would_quote(quote, want):
    text = "Title\n\nThe BRICS forum, comprising\nBrazil and Russia, met. Then India joined.\n"
    got = reader_quote(text, quote)
    if quote == "Russia, met. Then":
        assert got == "The BRICS forum, comprising Brazil and Russia, met. Then India joined."
    else:
        assert got == want
    assert reader_quote(None, quote) == quote
    # The headline, a line without a stop, is not part of the first sentence.
    assert reader_quote("Talks Held\nThe ministers met. Then", "ministers") == "The ministers met."
    assert reader_quote("Talks Held\nThe ministers met.", "Talks") == "Talks Held"


def test_who_checked_a_claim_and_when_are_the_reviews_author_and_date(seed):
    settings = ReviewSettings(author="Example Fact Desk", url="https://facts.example.org/r")
    (review,) = claim_reviews(VERDICTS[1:2], {PATH: seed}, settings, date(2027, 1, 1))
    assert review["author"] == {
        "@type": "Person",
        "name": "claimcheck showcase",
        "affiliation": {"@type": "Organization", "name": "Example Fact Desk"},
    }
    assert review["datePublished"] == "2026-11-30"  # the claim's checked_on, not today
    (review,) = claim_reviews(VERDICTS[1:2], {PATH: _unchecked(seed)}, settings, date(2027, 1, 1))
    assert review["author"] == {"@type": "Organization", "name": "Example Fact Desk"}
    assert review["datePublished"] == "2027-01-01"


def test_rendered_json_ld_is_safe_inside_a_script_tag(seed):
    hostile = replace(
        seed,
        claims=[
            replace(c, quote="</script><b>&") if c.id == "brics-members" else c for c in seed.claims
        ],
    )
    text = render(claim_reviews(VERDICTS[1:2], {PATH: hostile}, SETTINGS))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)[0]["claimReviewed"] == "</script><b>&"


def test_export_command_reviews_every_claim_the_knowledge_base_judged(run_cli):
    # The README's command, as written: the page and the reviewer come from this
    # repository's [tool.claimcheck.export], never from the article's publisher.
    out = run_cli("export", "--format", "claimreview", "claims/")
    assert out.returncode == 0, out.stderr
    reviews = {r["url"].rsplit("#", 1)[1]: r for r in json.loads(out.stdout)}
    first = next(iter(reviews.values()))
    assert first["url"].startswith("https://claimcheck.example/reviews/japan-india-2plus2#")
    assert first["author"]["affiliation"]["name"] == "claimcheck showcase desk"
    assert first["claimReviewed"].startswith("The foreign and defense ministers of Japan")
    # The border dispute, the border and the coast guard incursions: no fact bears on
    # them, so nothing was reviewed.
    unjudged = {"india-china-border-dispute", "india-borders-china", "coast-guard-incursions"}
    assert len(reviews) == 26 and not unjudged & set(reviews)
    assert "3 claim(s) no knowledge-base fact bears on are left out" in out.stderr
    assert reviews["brics-members"]["reviewRating"]["alternateName"] == "False"
    assert reviews["india-in-brics"]["reviewRating"]["alternateName"] == "True"
    # A fact bears on "uninhabited" but no source dates it: reviewed, and left unproven.
    assert reviews["senkaku-uninhabited"]["reviewRating"]["alternateName"] == "Unproven"


def test_export_reads_the_checked_files_and_the_verdicts_verify_returns(monkeypatch):
    import claimcheck.app
    from claimcheck.export import claimreview
    from claimcheck.export.claimreview import export

    real = claimreview.collect

    def with_verdicts(stream):  # what verify returns once a knowledge base decides claims
        result = real(stream)
        result.verdicts[:] = VERDICTS
        return result

    monkeypatch.chdir(SEED.parent.parent)
    monkeypatch.setattr(claimreview, "collect", with_verdicts)
    text, result, left_out = export(claimcheck.app.Options(paths=("claims",)), SETTINGS)
    assert result.exit_code == 1  # the seed's CC101 is still reported by verify
    assert left_out == (26, 0)  # the seed's 29 claims, 3 of them with a verdict here
    assert [r["url"].rsplit("#", 1)[1] for r in json.loads(text)] == [
        "quad-members",
        "india-in-brics",
        "brics-members",
    ]


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (ReviewSettings(url="javascript:alert(1)"), "--url"),
        (ReviewSettings(url="https://x.example", author_url="ftp://x"), "--author-url"),
        (ReviewSettings(url="https://x.example", date="26/11/2026"), "--date"),
    ],
)
def test_bad_settings_are_usage_errors(seed, settings, message):
    with pytest.raises(UsageError, match=message):
        claim_reviews(VERDICTS, {PATH: seed}, settings)


def test_without_a_knowledge_base_nothing_is_published_as_reviewed(run_cli, project):
    from tests.helpers import GOOD_BODY, write_claims

    write_claims(project, GOOD_BODY)
    out = run_cli(
        "export", "--format", "claimreview", ".", "--url", "https://x.example/r", cwd=project
    )
    assert out.returncode == 0
    assert json.loads(out.stdout) == []
    assert "1 claim(s) no knowledge-base fact bears on are left out" in out.stderr
    # A draft is left out for its own reason, which asks the writer, not the KB, to act.
    write_claims(
        project, GOOD_BODY.replace("    kind: membership", "    draft: true\n    kind: membership")
    )
    out = run_cli(
        "export", "--format", "claimreview", ".", "--url", "https://x.example/r", cwd=project
    )
    assert out.returncode == 0
    assert out.stderr.splitlines() == [
        "claimcheck: 1 unreviewed draft(s) are left out: review each, then delete its `draft: true`"
    ]


def test_export_reads_each_claim_file_once_and_applies_the_configuration(project, monkeypatch):
    """The models come from the run itself, and [tool.claimcheck] limits apply as in verify."""
    from claimcheck.app import Options
    from claimcheck.export import claimreview
    from claimcheck.loader import reader
    from tests.helpers import write_claims

    monkeypatch.chdir(project)
    write_claims(project, "claims: []\n")
    reads: list[str] = []
    original = reader.read_bytes

    def counting(path, limits):
        reads.append(path)
        return original(path, limits)

    monkeypatch.setattr("claimcheck.check.engine.read_bytes", counting)
    monkeypatch.setattr(claimreview, "read_bytes", counting)
    claimreview.export(Options(paths=(".",)), claimreview.ReviewSettings(url="https://a.example"))
    assert [Path(p).name for p in reads] == ["a.claims.yaml"]
    with (project / "pyproject.toml").open("a", encoding="utf-8") as f:
        f.write("[tool.claimcheck.limits]\nmax-file-bytes = 10\n")
    _, result, _ = claimreview.export(Options(paths=(".",)), claimreview.ReviewSettings())
    assert result.exit_code == 2  # the file is larger than the configured limit


def test_a_file_read_again_keeps_the_claims_verify_checked(tmp_path: Path):
    """A result that came without its model (from a worker) is read again: a claim that
    broke the schema is left out, as verify left it out; the valid ones are exported."""
    from claimcheck.check.result import FileResult, Result
    from claimcheck.export.claimreview import load_models
    from tests.helpers import BRICS_ENTITIES, HEADER

    claim = "  - {id: ID, kind: membership, group: brics, members: [india], FIELD, quote: q}\n"
    body = claim.replace("ID", "good").replace("FIELD", "complete: false")
    body += claim.replace("ID", "bad").replace("FIELD", "complete: maybe")
    path = tmp_path / "a.claims.yaml"
    path.write_text(HEADER + BRICS_ENTITIES + "claims:\n" + body, encoding="utf-8")
    models = load_models(Result(files=[FileResult(str(path), "checked")]))
    assert [c.id for c in models[str(path)].claims] == ["good"]
