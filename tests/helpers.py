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
