"""The review page as an editor uses it, in headless Chromium (``pytest -m browser``).

CLAIMCHECK_SCREENSHOT=docs/review.png makes the screenshot test write the README's picture.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from claimcheck.core.escape import safe
from tests.conftest import ROOT, SEED
from tests.review_pages import HOSTILE_IDS, render, write_hostile

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def showcase(tmp_path_factory: pytest.TempPathFactory) -> Path:
    page = tmp_path_factory.mktemp("showcase") / "report.html"
    page.write_text(render(SEED, root=ROOT, no_cache=True)[0], encoding="utf-8")
    return page


def _open(browser: Any, path: Path) -> tuple[Any, list[str]]:
    """The page opened from its file, and every request it made (each one's URL)."""
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    page.errors = errors
    return page, requests


def _events(page: Any) -> list[str]:
    return [*page.evaluate("window.__events"), *page.errors]


def test_clicking_a_highlight_shows_its_claim(browser, showcase):
    page, requests = _open(browser, showcase)
    entry = page.locator('details.claim[data-claim="brics-members"]')
    assert not entry.evaluate("d => d.open")
    page.click('mark[data-claim="brics-members"] a.tag')
    assert entry.evaluate("d => d.open")
    assert entry.is_visible()
    text = entry.inner_text()
    assert "refuted" in text and "India is a member of BRICS" in text and "CC201" in text
    link = entry.locator('a[href="https://brics.br/en/about-the-brics"]').first
    assert link.is_visible()
    selected = page.locator("mark.selected")
    assert selected.count() >= 1
    assert {m.get_attribute("data-claim") for m in selected.all()} == {"brics-members"}
    # Another highlight: the first claim's entry closes, the new one opens.
    page.click('mark[data-claim="india-in-brics"] a.tag')
    assert not entry.evaluate("d => d.open")
    assert page.locator('details.claim[data-claim="india-in-brics"]').evaluate("d => d.open")
    assert requests == [showcase.as_uri()]  # nothing left the page
    assert _events(page) == []
    page.close()


def test_the_keyboard_reaches_and_opens_a_claim(browser, showcase):
    page, _ = _open(browser, showcase)
    page.focus('mark[data-claim="brics-members"] a.tag')
    page.keyboard.press("Enter")
    entry = page.locator('details.claim[data-claim="brics-members"]')
    assert entry.evaluate("d => d.open")
    # Focus moved to the claim's summary; Enter there closes it again.
    assert page.evaluate("document.activeElement.closest('details').dataset.claim") == (
        "brics-members"
    )
    page.keyboard.press("Enter")
    assert not entry.evaluate("d => d.open")
    # Tab walks the page: the filters are reachable too.
    page.focus('input[data-filter="verdict"][value="supported"]')
    page.keyboard.press("Space")
    assert not page.is_checked('input[data-filter="verdict"][value="supported"]')
    page.close()


def test_the_list_filters_by_verdict_and_severity(browser, showcase):
    page, _ = _open(browser, showcase)
    items = page.locator("li.claim-item")
    total = items.count()
    assert total == 29
    assert page.inner_text("#shown") == "29 of 29 claims listed"
    page.uncheck('input[data-filter="verdict"][value="supported"]')
    visible = [i.get_attribute("data-verdict") for i in items.all() if i.is_visible()]
    assert "supported" not in visible and "refuted" in visible and len(visible) == 6
    assert page.inner_text("#shown") == "6 of 29 claims listed"
    for severity in ("warning", "info", "none"):
        page.uncheck(f'input[data-filter="severity"][value="{severity}"]')
    visible = [i.locator("details").get_attribute("data-claim") for i in items.all()]
    shown = [c for c, i in zip(visible, items.all(), strict=True) if i.is_visible()]
    assert shown == ["brics-members"]  # the one claim with an error that is not supported
    page.check('input[data-filter="verdict"][value="supported"]')
    assert page.inner_text("#shown") == "1 of 29 claims listed"
    page.close()


def test_a_screenshot_of_the_refuted_list(browser, showcase, tmp_path):
    page, _ = _open(browser, showcase)
    page.set_viewport_size({"width": 1400, "height": 1500})
    page.click('mark[data-claim="brics-members"] a.tag')
    page.evaluate(
        "document.querySelector('mark[data-claim=\"brics-members\"]')"
        ".scrollIntoView({block: 'center'})"
    )
    assert page.locator('details.claim[data-claim="brics-members"] summary').is_visible()
    target = Path(os.environ.get("CLAIMCHECK_SCREENSHOT") or tmp_path / "review.png")
    page.screenshot(path=str(target))
    assert target.read_bytes().startswith(b"\x89PNG") and target.stat().st_size > 20_000
    page.close()


def test_print_shows_every_claim_and_hides_the_controls(browser, showcase):
    page, _ = _open(browser, showcase)
    page.emulate_media(media="print")
    assert not page.is_visible(".filters")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details.claim:not([open])").count() == 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("details.claim[open]").count() == 0
    page.close()


def _axe_violations(page: Any, axe_source: str) -> list[dict[str, Any]]:
    page.evaluate(axe_source)
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"][:3]]}
        for v in result
    ]


def test_no_accessibility_violations(browser, showcase, axe_source):
    page, _ = _open(browser, showcase)
    page.click('mark[data-claim="brics-members"] a.tag')  # with a claim open, too
    found = _axe_violations(page, axe_source)
    assert found == [], json.dumps(found, indent=1)
    page.close()


def test_the_hostile_page_is_accessible_too(browser, tmp_path, monkeypatch, axe_source):
    """A 64 KB quote in an open entry: nothing to scroll that the keyboard cannot reach."""
    path = write_hostile(tmp_path)
    monkeypatch.chdir(tmp_path)
    html = tmp_path / "hostile.html"
    html.write_text(render(path, root=tmp_path)[0], encoding="utf-8")
    page, _ = _open(browser, html)
    page.click('mark[data-claim="long"] a.tag')
    found = _axe_violations(page, axe_source)
    assert found == [], json.dumps(found, indent=1)
    page.close()


def test_a_hostile_claim_file_runs_nothing_and_keeps_the_layout(browser, tmp_path, monkeypatch):
    path = write_hostile(tmp_path)
    monkeypatch.chdir(tmp_path)
    html = tmp_path / "hostile.html"
    html.write_text(render(path, root=tmp_path)[0], encoding="utf-8")
    page, requests = _open(browser, html)
    for claim in HOSTILE_IDS:
        ref = page.evaluate(
            "id => [...document.querySelectorAll('details.claim')]"
            ".find(d => d.dataset.claim === id).id",
            safe(claim),  # the id as the text report shows it
        )
        page.click(f'mark[data-ref="{ref}"] a.tag')
        assert page.locator(f"#{ref}").evaluate("d => d.open")
    # Nothing ran, nothing was blocked trying, nothing was fetched.
    assert _events(page) == []
    assert requests == [html.as_uri()]
    # The 64 KB word wraps: the page is no wider than the window, the list stays beside it.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"]
    text = page.locator(".text").bounding_box()
    aside = page.locator("aside.claims").bounding_box()
    assert text is not None and aside is not None
    assert aside["x"] >= text["x"] + text["width"]
    # Links go only to http(s) pages.
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.protocol)")
    assert set(hrefs) <= {"file:", "https:"}
    page.close()
