"""Shared by the review page's tests: pages rendered in-process, and a hostile claim file."""

from __future__ import annotations

import io
from pathlib import Path

from claimcheck.app import VerifyRequest, run_verify
from tests.helpers import HEADER

# A quote of 64 KB with no space in it: a browser must wrap it, not widen the page.
LONG_WORD = "x" * 65_000
SCRIPT = "<script>alert('quote')</script>"
BIDI = "\u202eevil\u202c"
HOSTILE_ARTICLE = (
    f"Headline {SCRIPT} and javascript:alert(1) in the text.\n\n"
    f"A paragraph with a bidi override {BIDI} inside it, then <img src=x onerror=alert(2)>.\n\n"
    f"{LONG_WORD}\n\n"
    "The last paragraph ends here.\n"
)
HOSTILE_IDS = ('x"><script>alert(3)</script>', "bidi-\u202eid", "long")
HOSTILE_CLAIMS = f"""claimcheck: 1
article:
  id: hostile
  title: "Title </title><script>alert(4)</script>"
  publisher: "Pub <b onmouseover=alert(5)>"
  published: 2024-08-20
  url: "javascript:alert(6)"
  text: articles/hostile.txt
entities:
  brics: {{name: BRICS, kind: organisation}}
  india: {{name: India, kind: country}}
claims:
  - id: '{HOSTILE_IDS[0]}'
    kind: membership
    group: brics
    members: [india]
    complete: false
    quote: "Headline {SCRIPT} and javascript:alert(1)"
    checked_by: "Ed {BIDI} <script>alert(7)</script>"
    checked_on: 2024-08-21
    sources:
      - {{url: "javascript:alert(8)", title: "<script>alert(9)</script>"}}
      - {{url: "data:text/html,<script>alert(10)</script>", title: data}}
      - {{url: " https://example.org/ok", title: leading space}}
      - {{url: "https://example.org/a?b=<c>&d=\\"e\\"", title: "fine, escaped"}}
  - id: "{HOSTILE_IDS[1]}"
    kind: membership
    group: brics
    members: [india]
    complete: false
    quote: "a bidi override {BIDI} inside it"
    sources: [{{url: "https://example.org/", title: ok}}]
  - id: long
    kind: membership
    group: brics
    members: [india]
    complete: false
    quote: {LONG_WORD}
    sources: [{{url: "https://example.org/", title: ok}}]
  - id: gone
    kind: membership
    group: brics
    members: [india]
    complete: false
    quote: "</mark></p><script>alert(11)</script> not in the article"
    sources: [{{url: "https://example.org/", title: ok}}]
"""


def write_hostile(folder: Path) -> Path:
    """A project whose claim file and article try to inject markup, script and bidi tricks."""
    (folder / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (folder / "articles").mkdir(exist_ok=True)
    (folder / "articles" / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    path = folder / "hostile.claims.yaml"
    path.write_text(HOSTILE_CLAIMS, encoding="utf-8")
    return path


def write_article(folder: Path, text: str, claims: str, name: str = "a") -> Path:
    """A claim file (``tests.helpers.HEADER``, whose text is articles/a.txt) and its article."""
    (folder / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (folder / "articles").mkdir(exist_ok=True)
    (folder / "articles" / f"{name}.txt").write_text(text, encoding="utf-8")
    path = folder / f"{name}.claims.yaml"
    header = HEADER.replace("articles/a.txt", f"articles/{name}.txt")
    path.write_text(header + claims, encoding="utf-8")
    return path


def render(*paths: Path, root: Path, **request: object) -> tuple[str, int]:
    """The page ``claimcheck verify PATHS --format html`` writes, and the exit code."""
    out = io.StringIO()
    fields: dict[str, object] = {"fmt": "html", **request}
    code = run_verify(
        VerifyRequest(paths=tuple(str(p) for p in paths), root=str(root), **fields),  # type: ignore[arg-type]
        out,
    )
    return out.getvalue(), code
