"""One KB file per topic: an entity two topics share may be declared in each, word for word."""

from __future__ import annotations

from pathlib import Path

from claimcheck.core.limits import DEFAULT_LIMITS
from claimcheck.kb.load import load_kb

SOURCE = "sources: [{url: 'https://example.org/a', accessed: 2025-10}]"
BRICS = f"""claimcheck-kb: 1
entities:
  india: {{name: India, kind: country}}
  brics: {{name: BRICS, kind: organisation}}
facts:
  - {{id: india-brics, kind: membership, group: brics, member: india, start: "2009", {SOURCE}}}
"""
QUAD = f"""claimcheck-kb: 1
entities:
  india: {{name: India, kind: country}}
  quad: {{name: Quad, kind: organisation}}
facts:
  - {{id: india-quad, kind: membership, group: quad, member: india, start: 2017-11, {SOURCE}}}
"""


def _load(tmp_path: Path, *texts: str):
    files = []
    for n, text in enumerate(texts):
        path = tmp_path / f"t{n}.kb.yaml"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return load_kb(files, DEFAULT_LIMITS, lambda p: p.name)


def test_an_entity_declared_identically_in_two_topic_files_loads(tmp_path: Path):
    kb, findings = _load(tmp_path, BRICS, QUAD)
    assert findings == []
    assert {"india-brics", "india-quad"} <= set(kb.facts)


def test_an_entity_declared_differently_is_still_an_error(tmp_path: Path):
    other = QUAD.replace(
        "india: {name: India, kind: country}", "india: {name: Bharat, kind: country}"
    )
    _, findings = _load(tmp_path, BRICS, other)
    assert [(f.location.path, f.location.line, f.message) for f in findings] == [
        (
            "t1.kb.yaml",
            3,
            (
                "entity 'india' is already defined in t0.kb.yaml, differently: declare it the "
                "same way in every file, or in one"
            ),
        )
    ]


def test_a_fact_without_sources_is_told_what_a_source_is(tmp_path: Path):
    """The writer's most common slip in a topic file: the message says what to add."""
    _, findings = _load(tmp_path, BRICS.replace(f", {SOURCE}", ""))
    said = (
        "missing required field 'sources': every fact needs at least one source a reader "
        "can find again (a `url`, or a `citation` when there is none)"
    )
    assert [(f.location.line, f.message) for f in findings] == [(6, said)]


def test_an_entity_of_a_topic_file_left_out_for_its_errors_says_so(project: Path):
    """A broken topic file is dropped whole: its entities are "not defined", and CC115 says
    where they may be, instead of sending the writer to define them again."""
    from claimcheck.app import Options, verify
    from tests.helpers import write_claims

    (project / "brics.kb.yaml").write_text(BRICS.replace(f", {SOURCE}", ""), encoding="utf-8")
    (project / "quad.kb.yaml").write_text(QUAD, encoding="utf-8")
    claim = (
        "claims:\n  - {id: q, kind: membership, group: GROUP, members: [india], "
        "complete: false, quote: q}\n"
    )
    write_claims(project, claim.replace("GROUP", "brics"))
    result = verify(Options(paths=(str(project),), select=("CC115",)))
    [message] = [f.message for f in result.findings if f.rule_id == "CC115"]
    assert message.endswith(
        "brics.kb.yaml may define it, but was left out for its errors: fix them first)"
    )
    write_claims(project, claim.replace("GROUP", "nato"))  # with no KB file left out: as before
    (project / "brics.kb.yaml").unlink()
    result = verify(Options(paths=(str(project),), select=("CC115",)))
    [message] = [f.message for f in result.findings if f.rule_id == "CC115"]
    assert message == "no entity 'nato' is defined in this file's entities or the knowledge base"
