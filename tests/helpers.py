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


# One claim that every rule accepts: the body of a clean claim file.
CLEAN_BODY = """claims:
  - id: india-brics
    kind: membership
    group: brics
    members: [india]
    complete: false
    quote: As a member of the BRICS forum
"""


def write_claims(folder: Path, body: str, name: str = "a.claims.yaml") -> Path:
    path = folder / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path
