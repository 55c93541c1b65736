"""Small builders shared by the tests: a minimal valid claim file, written as YAML."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

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
# Entities are defined and claims sourced, so that no other rule has anything to say.
BRICS_ENTITIES = """entities:
  brics: {name: BRICS, kind: organisation}
  india: {name: India, kind: country}
  brazil: {name: Brazil, kind: country}
  russia: {name: Russia, kind: country}
  china: {name: China, kind: country}
  south-africa: {name: South Africa, kind: country}
"""
_SOURCE = """    sources:
      - {url: "https://brics.br/en/about-the-brics", title: About the BRICS, accessed: 2026-11}
"""
BRICS_MEMBER = (
    """  - id: india-in-brics
    kind: membership
    group: brics
    members: [india]
    complete: false
    quote: As a member of the BRICS forum
"""
    + _SOURCE
)
BRICS_LIST = (
    """  - id: brics-members
    kind: membership
    group: brics
    members: [brazil, russia, china, south-africa]
    complete: true
    quote: BRICS forum—comprising Brazil, Russia, China, and South Africa
"""
    + _SOURCE
)
GOOD_BODY = BRICS_ENTITIES + "claims:\n" + BRICS_MEMBER
BAD_BODY = BRICS_ENTITIES + "claims:\n" + BRICS_MEMBER + BRICS_LIST

# One claim that every rule accepts: the body of a clean claim file.
CLEAN_BODY = GOOD_BODY


# CC101 flags this body: the complete member list omits India, which the next claim names.
BRICS = """claims:
  - id: full
    kind: membership
    group: brics
    members: [brazil, russia]
    complete: true
    quote: BRICS forum—comprising Brazil, Russia, China, and South Africa
  - id: india
    kind: membership
    group: brics
    members: [india]
    complete: false
    quote: As a member of the BRICS forum
"""


def judge_claims(
    project: Path, kb: str, claims: str, as_of: str | None = None, select: tuple[str, ...] = ()
) -> tuple[dict[str, Any], dict[tuple[str | None, str], str]]:
    """Write ``kb`` and a claim file of ``claims`` (YAML list items) into ``project``, verify
    it, and return each claim's verdict by id and each finding's message by (claim, rule)."""
    from claimcheck.app import Options, verify
    from claimcheck.core.dates import PartialDate

    (project / "k.kb.yaml").write_text(kb, encoding="utf-8")
    body = "claims:\n" + textwrap.indent(textwrap.dedent(claims).strip("\n"), "  ") + "\n"
    write_claims(project, body)
    when = PartialDate.parse(as_of) if as_of else None
    result = verify(Options(paths=(str(project),), as_of=when, select=select))
    assert not [f for f in result.findings if f.rule_id.startswith("CC00")], result.findings
    verdicts = {v.claim_id: v for v in result.verdicts}
    findings = {(f.claim_id, f.rule_id): f.message for f in result.findings}
    return verdicts, findings
