"""The review page (--format html) without a browser: escaping, links, the DOM contract
(docs/review.md), overlapping quotes, determinism. tests/browser/ opens it in Chromium."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from claimcheck.app import Options, verify
from claimcheck.core.escape import safe
from claimcheck.core.textnorm import normal_map, normalise
from claimcheck.reporters import REPORTERS
from claimcheck.reporters.html import paragraphs, safe_href, shown
from tests.conftest import ROOT, SEED
from tests.review_pages import (
    HOSTILE_IDS,
    LONG_WORD,
    render,
    write_article,
    write_hostile,
)

VOID = {"meta", "input", "br", "img", "link"}


class Page(HTMLParser):
    """The page parsed: its marks (attributes and text), scripts, links, and whether every
    element closes where it opened."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.marks: list[dict[str, str]] = []  # attributes, and "text": the text inside
        self.open_marks: list[dict[str, str]] = []
        self.scripts = 0
        self.hrefs: list[str] = []
        self.ids: list[str] = []
        self.bad_nesting: list[str] = []
        self.handlers: list[str] = []  # on* attributes
        self.in_tag = False  # inside a highlight's symbol link, which is not the quote's text
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.handlers += [k for k in a if k.startswith("on")]
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "script":
            self.scripts += 1
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
            self.in_tag = a.get("class") == "tag"
        if tag == "mark":
            a["text"] = ""
            self.marks.append(a)
            self.open_marks.append(a)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.bad_nesting.append(tag)
            return
        self.stack.pop()
        self.in_tag = self.in_tag and tag != "a"
        if tag == "mark":
            self.open_marks.pop()

    def handle_data(self, data: str) -> None:
        if self.in_tag:
            return
        for m in self.open_marks:
            m["text"] += data


@pytest.fixture(scope="module")
def seed_page() -> str:
    return render(SEED, root=ROOT, no_cache=True)[0]


def test_html_is_a_format_of_verify():
    assert REPORTERS["html"] == "claimcheck.reporters.html:HtmlReporter"


def test_every_highlight_carries_its_claim_and_verdict(seed_page):
    page = Page(seed_page)
    assert not page.bad_nesting and page.stack == []
    result = verify(Options(paths=(str(SEED),), root=str(ROOT)))
    verdicts = {v.claim_id: v.verdict.value for v in result.verdicts}
    marked = {m["data-claim"]: m["data-verdict"] for m in page.marks}
    # Every claim of the showcase quotes the article: each is lit, with its own verdict.
    assert marked == verdicts
    assert marked["brics-members"] == "refuted"
    # The pieces of a quote, joined, are the quote (elisions aside), as written.
    pieces = "".join(m["text"] for m in page.marks if m["data-claim"] == "brics-members")
    assert pieces == "BRICS forum\u2014comprising Brazil, Russia, China, and South Africa"


def test_the_refuted_list_shows_what_it_omits_and_the_sources(seed_page):
    entry = seed_page[seed_page.index('data-claim="brics-members"', seed_page.index("<aside")) :]
    entry = entry[: entry.index("</details>")]
    assert "brics-india" in entry and "India is a member of BRICS" in entry
    assert 'href="https://brics.br/en/about-the-brics"' in entry
    assert "CC101" in entry and "CC201" in entry
    assert "Checked by</dt><dd>claimcheck showcase, on 2026-11-30" in entry


def test_the_page_loads_nothing_and_runs_only_its_own_script(seed_page):
    page = Page(seed_page)
    assert page.scripts == 1 and not page.handlers
    assert not re.search(r"<(link|img|iframe|object|embed)\b", seed_page)
    assert all(h.startswith(("#", "https://", "http://")) for h in page.hrefs)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', seed_page)
    assert policy is not None and "default-src &#39;none&#39;" in policy.group(1)
    for tag in ("style", "script"):
        body = re.search(f"<{tag}>(.*?)</{tag}>", seed_page, re.DOTALL)
        assert body is not None
        digest = base64.b64encode(hashlib.sha256(body.group(1).encode()).digest()).decode()
        assert f"{tag}-src &#39;sha256-{digest}&#39;" in policy.group(1)
    assert len(set(page.ids)) == len(page.ids)


def test_the_same_input_gives_the_same_bytes(seed_page):
    assert render(SEED, root=ROOT, no_cache=True)[0] == seed_page


def test_hostile_text_is_escaped_and_links_are_http_only(tmp_path, monkeypatch):
    path = write_hostile(tmp_path)
    monkeypatch.chdir(tmp_path)
    text, code = render(path, root=tmp_path)
    assert code == 1
    page = Page(text)
    assert page.scripts == 1 and not page.handlers and not page.bad_nesting
    assert "<script>alert" not in text and "<b onmouseover" not in text
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in text
    links = [h for h in page.hrefs if not h.startswith("#")]
    assert links and all(h.startswith("https://example.org/") for h in links)
    assert 'href="javascript' not in text and 'href="data:' not in text
    # Bidi controls are shown, never obeyed, in text and attributes alike.
    assert "\u202e" not in text
    assert 'data-claim="bidi-\\u202eid"' in text
    marks = {m["data-claim"] for m in page.marks}
    assert marks == {safe(claim) for claim in HOSTILE_IDS}
    long = "".join(m["text"] for m in page.marks if m["data-claim"] == "long")
    assert long.endswith(LONG_WORD)
    # The quote no longer in the article is listed, with its finding, never dropped.
    unplaced = text[text.index("Claims not found in the text") :]
    assert "gone" in unplaced[: unplaced.index("</ul>")]
    assert "CC114" in text


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a?b=1#c", True),
        ("http://example.org", True),
        ("HTTPS://EXAMPLE.ORG/", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,x", False),
        ("vbscript:x", False),
        ("//example.org/", False),
        ("https://", False),
        ("https://exa mple.org/", False),
        ("https://example.org/\u202e", False),
        ("file:///etc/passwd", False),
        ("", False),
        (None, False),
    ],
)
def test_only_http_and_https_addresses_become_links(url, kept):
    assert safe_href(url) == (url if kept else None)


def test_control_and_bidi_characters_are_shown_as_escapes():
    assert shown("a\u202eb\u200bc\x1b[31m\r\nd") == "a\\u202eb\\u200bc\\x1b[31m\\x0d\\nd"
    assert shown("plain “text” — ok") == "plain “text” — ok"
    assert shown(Markup("<li>made by the page</li>")) == "<li>made by the page</li>"
    assert shown(3) == 3


def test_overlapping_quotes_nest_and_each_stays_whole(tmp_path, monkeypatch):
    text = "Alpha beta gamma delta epsilon.\n\nSecond paragraph here.\n"
    claims = """entities:
  g: {name: G, kind: organisation}
  m: {name: M, kind: country}
claims:
"""
    for cid, quote in [
        ("outer", "Alpha beta gamma delta"),
        ("inner", "beta gamma"),
        ("cross", "delta epsilon"),
        ("other", "Second paragraph"),
    ]:
        claims += f"""  - id: {cid}
    kind: membership
    group: g
    members: [m]
    complete: false
    quote: {quote}
    sources: [{{url: "https://example.org/", accessed: 2024-08}}]
"""
    path = write_article(tmp_path, text, claims)
    monkeypatch.chdir(tmp_path)
    page = Page(render(path, root=tmp_path, no_cache=True)[0])
    assert not page.bad_nesting
    whole = {}
    for m in page.marks:
        whole[m["data-claim"]] = whole.get(m["data-claim"], "") + m["text"]
    # Each quote's pieces, joined, are its words.
    assert whole == {
        "outer": "Alpha beta gamma delta",
        "inner": "beta gamma",
        "cross": "delta epsilon",
        "other": "Second paragraph",
    }
    # "beta gamma" lies inside "outer": nested one deeper; "delta" is shared with "cross".
    depth = {(m["data-claim"], m["text"]): m["class"] for m in page.marks}
    assert "d2" in depth[("inner", "beta gamma")] and "d1" in depth[("outer", "Alpha ")]
    assert list(paragraphs(text)) == [(0, 31), (33, 55)]


def test_a_text_without_blank_lines_has_a_paragraph_a_line():
    assert list(paragraphs("one\ntwo\r\nthree\n")) == [(0, 3), (4, 7), (9, 14)]
    assert list(paragraphs("one\ntwo\n \n\nthree")) == [(0, 7), (11, 16)]


_TEXT = st.text(
    alphabet=st.sampled_from(list("ab c\n\t\u2019\u201c\u2014\u2026e\u0301\u00e9 ")),
    max_size=40,
)


@settings(max_examples=60)
@given(_TEXT, st.data())
def test_a_place_in_the_normalised_text_maps_back_to_the_same_words(text, data):
    mapping = normal_map(text)
    norm = normalise(text)
    assert mapping is not None
    if not norm:
        return
    a = data.draw(st.integers(0, len(norm) - 1))
    b = data.draw(st.integers(a + 1, len(norm)))
    if norm[a] == " " or norm[b - 1] == " ":
        return  # a quote starts and ends on a word
    lo, hi = mapping.original(a, b)
    # The original span holds the normalised one: exactly, or widened to whole words.
    assert norm[a:b] in normalise(text[lo:hi])


def test_review_writes_the_page_verify_writes(tmp_path):
    from click.testing import CliRunner

    from claimcheck.cli import cli

    out = tmp_path / "r.html"
    runner = CliRunner()
    review = runner.invoke(cli, ["review", str(SEED), "-o", str(out), "--root", str(ROOT)])
    assert review.exit_code == 1, review.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'data-claim="brics-members"' in page
    assert Path(out).read_bytes() == render(SEED, root=ROOT, no_cache=True)[0].encode()


def test_several_articles_make_one_page_with_an_index(tmp_path, monkeypatch):
    claims = """entities:
  g: {name: G, kind: organisation}
  m: {name: M, kind: country}
claims:
  - id: same-id
    kind: membership
    group: g
    members: [m]
    complete: false
    quote: words
    sources: [{url: "https://example.org/", accessed: 2024-08}]
"""
    first = write_article(tmp_path, "Some words.\n", claims, name="a")
    second = write_article(tmp_path, "Other words.\n", claims, name="b")
    monkeypatch.chdir(tmp_path)
    text = render(first, second, root=tmp_path, no_cache=True)[0]
    index = text[text.index('<nav class="index"') : text.index("</nav>")]
    assert index.count("<li>") == 2 and 'href="#a1"' in index and 'href="#a2"' in index
    page = Page(text)
    # One claim id in two files: two highlights, each pointing at its own article's entry.
    assert [(m["data-claim"], m["data-ref"]) for m in page.marks] == [
        ("same-id", "a1-c1"),
        ("same-id", "a2-c1"),
    ]
    assert len(set(page.ids)) == len(page.ids)


def test_a_collected_result_renders_the_same_page(seed_page):
    """``Reporter.render`` of what ``app.verify`` collected: the page a run streams."""
    from claimcheck.reporters import get_reporter

    result = verify(Options(paths=(str(SEED),), root=str(ROOT)))
    assert get_reporter("html").render(result) == seed_page


_ONE_CLAIM = """entities:
  g: {name: G, kind: organisation}
  m: {name: M, kind: country}
claims:
  - id: one
    kind: membership
    group: g
    members: [m]
    complete: false
    quote: Some words
    sources: [{url: "https://example.org/", accessed: 2024-08}]
"""


def _marked(text: str) -> list[tuple[str, str]]:
    return [(m["data-claim"], m["text"]) for m in Page(text).marks]


def test_the_page_places_quotes_with_the_quote_rule_left_out(tmp_path, monkeypatch):
    path = write_article(tmp_path, "Some words here.\n", _ONE_CLAIM)
    monkeypatch.chdir(tmp_path)
    with_rule = render(path, root=tmp_path, no_cache=True)[0]
    without = render(path, root=tmp_path, no_cache=True, given=frozenset({"ignore"}))[0]
    ignored = render(
        path, root=tmp_path, no_cache=True, ignore=("CC114",), given=frozenset({"ignore"})
    )[0]
    assert _marked(with_rule) == _marked(without) == _marked(ignored) == [("one", "Some words")]


def test_a_cache_and_jobs_do_not_take_the_text_away(tmp_path, monkeypatch, checks):
    """The page needs the article: every file is checked again, in this process."""
    path = write_article(tmp_path, "Some words here.\n", _ONE_CLAIM)
    other = write_article(tmp_path, "Some words again.\n", _ONE_CLAIM, name="b")
    monkeypatch.chdir(tmp_path)
    cache = str(tmp_path / "cache")
    render(path, other, root=tmp_path, cache_dir=cache, fmt="json")  # fills the cache
    first = render(path, other, root=tmp_path, cache_dir=cache, jobs=2)[0]
    second = render(path, other, root=tmp_path, cache_dir=cache, jobs=2)[0]
    assert first == second and _marked(first) == [("one", "Some words")] * 2
    # The json run, then each page: no cache hit, and no worker process (whose checks
    # this process would not see).
    assert checks == ["a.claims.yaml", "b.claims.yaml"] * 3


def test_an_unreadable_article_is_said_and_its_finding_listed(tmp_path, monkeypatch):
    path = write_article(tmp_path, "Some words here.\n", _ONE_CLAIM)
    (tmp_path / "articles" / "a.txt").unlink()
    monkeypatch.chdir(tmp_path)
    text, code = render(path, root=tmp_path, no_cache=True)
    assert code == 2
    assert "The article text could not be read" in text and "CC001" in text
    assert Page(text).marks == []


def test_review_open_writes_a_file_and_opens_it(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from claimcheck.cli import cli

    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    path = write_article(tmp_path, "Some words here.\n", _ONE_CLAIM)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["review", str(path), "--open"])
    assert result.exit_code == 0, result.output
    assert result.output == ""  # the page went to the file, not to stdout
    (url,) = opened
    page = Path(url.removeprefix("file://"))
    try:
        assert 'data-claim="one"' in page.read_text(encoding="utf-8")
    finally:
        page.unlink()
