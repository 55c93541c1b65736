"""Small builders shared by the tests: a minimal valid claim file, written as YAML."""

from __future__ import annotations

from pathlib import Path

HEADER = """claimcheck: 1
article:
  id: a
  title: A
  publisher: P
  published: 2024-08-20
  text: articles/a.txt
"""


def write_claims(folder: Path, body: str, name: str = "a.claims.yaml") -> Path:
    path = folder / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


# A file CC101 must flag (the complete BRICS list omits India, which another claim names)
# and one it must pass; the quotes are the seed article's words.
BRICS_MEMBER = """  - id: india-in-brics
    kind: membership
    group: brics
    members: [india]
    complete: false
    quote: As a member of the BRICS forum
"""
BRICS_LIST = """  - id: brics-members
    kind: membership
    group: brics
    members: [brazil, russia, china, south-africa]
    complete: true
    quote: BRICS forum—comprising Brazil, Russia, China, and South Africa
"""
GOOD_BODY = "claims:\n" + BRICS_MEMBER
BAD_BODY = "claims:\n" + BRICS_MEMBER + BRICS_LIST
