"""Work done once and reused (verdicts, date queries, URL checks) answers as doing it again.

An archive repeats itself: the same claims published the same day, the same groups asked
about on the same date. What is computed once must be exactly what computing it again
would give, whatever file asks.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.app import Options, Result, verify
from claimcheck.core.dates import PartialDate
from claimcheck.formats.records import kb_file
from claimcheck.judge import judge
from claimcheck.kb.store import Tri, build
from claimcheck.loader import load_document
from claimcheck.rules.provenance import _PLAIN_URL, _url_problem
from tests.conftest import ROOT, SCHEMA_DIR
from tests.helpers import write_claims

# Claim fields no verdict depends on: a claim's name for itself, its words, its paper trail
# (who checked it and when is shown beside a verdict, never part of deciding it).
UNJUDGED = {"id", "kind", "quote", "sources", "notes", "suppress", "what"}
UNJUDGED |= {"checked_by", "checked_on"}
# Fields the format has and the judge will read once issue 14's verdicts land: `partial`
# decides "incomplete". Until the judge lists it in JUDGED_FIELDS, it is not expected there.
AWAITING_JUDGE = {"partial"}


def _corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_corpus"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_verdict_key_holds_every_field_a_verdict_depends_on():
    """A claim field added to the schema must be placed: judged, or known not to be."""
    schema = json.loads((SCHEMA_DIR / "claims-v1.json").read_text(encoding="utf-8"))
    kinds = {}
    for definition in schema["$defs"].values():
        kind = definition.get("properties", {}).get("kind", {}).get("const")
        if kind is not None:
            kinds[kind] = set(definition["properties"]) - UNJUDGED
    judged = {k: set(v) for k, v in judge.JUDGED_FIELDS.items()}
    assert {k: v - (AWAITING_JUDGE - judged.get(k, set())) for k, v in kinds.items()} == judged


def _signature(result: Result) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    return [f.to_dict() for f in result.findings], [v.to_dict() for v in result.verdicts]


@pytest.mark.parametrize("as_of", [None, "2025-06-01"])
def test_a_reused_verdict_is_the_verdict_judging_again_gives(tmp_path, monkeypatch, as_of):
    corpus = _corpus_module()
    corpus.write_corpus(tmp_path, seed=3, total_claims=400, per_file=50, fmt="json", error_rate=0.3)
    options = Options(paths=(str(tmp_path),), as_of=PartialDate.parse(as_of) if as_of else None)
    reused = verify(options)
    judged = []

    def judge_again(ctx, kb, dates, i, claim):
        judged.append(claim.id)
        return judge._judge(ctx, i, claim)

    monkeypatch.setattr(judge, "_judge_once", judge_again)
    again = verify(options)
    assert len(judged) == len(reused.verdicts) == 400
    assert _signature(reused) == _signature(again)
    assert any(f.rule_id.startswith("CC2") for f in again.findings)


KB = """claimcheck-kb: 1
entities:
  club: {name: Club, kind: organisation}
  a: {name: Alpha, kind: country, wikidata: Q1}
facts:
  - {id: m1, kind: membership, group: club, member: a, start: "2000", sources: [{title: S}]}
"""

CLAIM = """claims:
  - {id: c1, kind: count, of: members, group: league, count: 3, quote: The BRICS forum}
  - {id: c2, kind: membership, group: club, members: [alfa], complete: false, quote: q}
"""


def test_each_file_gets_its_own_entities_in_a_reused_verdict(project):
    """The same claims, about entities two files define differently, in one run."""
    (project / "k.kb.yaml").write_text(KB, encoding="utf-8")
    write_claims(
        project,
        "entities:\n  league: {name: The League, kind: organisation}\n"
        "  alfa: {name: Alfa, kind: country, wikidata: Q1}\n" + CLAIM,
        name="a.claims.yaml",
    )
    write_claims(
        project,
        "entities:\n  league: {name: Other League, kind: organisation}\n"
        "  alfa: {name: Alfa, kind: country}\n" + CLAIM,
        name="b.claims.yaml",
    )
    result = verify(Options(paths=(str(project),), select=("CC2",)))
    verdicts = {(Path(v.path).name, v.claim_id): v for v in result.verdicts}
    assert "The League" in verdicts[("a.claims.yaml", "c1")].explanation
    assert "Other League" in verdicts[("b.claims.yaml", "c1")].explanation
    # Alfa is Alpha by its Wikidata id in one file only.
    assert verdicts[("a.claims.yaml", "c2")].verdict.value == "supported"
    assert verdicts[("b.claims.yaml", "c2")].verdict.value == "not_enough_info"


def test_a_verdict_is_reused_only_at_the_same_date(project):
    kb = KB + "  - {id: m2, kind: membership, group: club, member: b, start: 2024-09, $S}\n"
    kb = kb.replace("a: {name: Alpha", "b: {name: Beta, kind: country}\n  a: {name: Alpha")
    (project / "k.kb.yaml").write_text(kb.replace("$S", "sources: [{title: S}]"), "utf-8")
    body = "claims:\n  - {id: c, kind: membership, group: club, members: [a], complete: true, "
    body += "quote: The BRICS forum}\n"
    write_claims(project, body, name="august.claims.yaml")
    late = write_claims(project, body, name="october.claims.yaml")
    late.write_text(late.read_text("utf-8").replace("2024-08-20", "2024-10-01"), "utf-8")
    result = verify(Options(paths=(str(project),), select=("CC2",)))
    verdicts = {Path(v.path).name: v.verdict.value for v in result.verdicts}
    assert verdicts == {"august.claims.yaml": "supported", "october.claims.yaml": "refuted"}


def _kb():
    doc = load_document("t.kb.yaml", KB.encode())
    kb, problems = build([("t.kb.yaml", doc, _records(doc.data))])
    assert problems == []
    return kb


def _records(data: object) -> Any:
    built = kb_file(data)
    assert built is not None, "the test's knowledge base must be valid"
    return built


def test_date_answers_follow_the_facts_and_are_not_shared_lists():
    kb = _kb()
    on = PartialDate.parse("2024")
    first = kb.members_on("club", on)
    assert [(f.member, t) for f, t in first] == [("a", Tri.YES)]
    first.clear()  # a caller's list is its own
    assert [f.member for f, _ in kb.members_on("club", on)] == ["a"]
    doc = load_document(
        "u.kb.yaml",
        b"claimcheck-kb: 1\nfacts:\n"
        b"  - {id: m2, kind: membership, group: club, member: a, start: '2020', "
        b"end: '2021', sources: [{title: S}]}\n",
    )
    model = _records(doc.data)
    kb.add_fact(model.facts[0], ("u.kb.yaml", 1, 1))
    kb.finish()
    assert [f.id for f, _ in kb.members_on("club", on)] == ["m1"]
    assert [f.id for f, _ in kb.members_on("club", PartialDate.parse("2020-06"))] == [
        "m1",
        "m2",
    ]


URL_PARTS = st.sampled_from(
    [
        "http://",
        "https://",
        "HTTPS://",
        "ftp://",
        "http:/",
        "",
        " ",
        "\t",
        "a",
        "Z",
        "0",
        ".",
        "-",
        ":",
        "/",
        "?",
        "#",
        "@",
        "[",
        "]",
        "%",
        "é",
        "\uff0f",
        "\x00",
        "\n",
    ]
)


@given(url=st.lists(URL_PARTS, max_size=12).map("".join))
def test_a_plain_url_is_one_the_full_parse_accepts(url):
    if _PLAIN_URL.fullmatch(url):
        assert _url_problem(url) is None


def test_the_bench_corpus_quotes_the_article_except_its_misquotes(tmp_path):
    corpus = _corpus_module()
    clean, mixed = tmp_path / "clean", tmp_path / "mixed"
    corpus.write_corpus(clean, seed=1, total_claims=300, per_file=100, fmt="yaml", misquote_rate=0)
    corpus.write_corpus(
        mixed, seed=1, total_claims=300, per_file=100, fmt="yaml", misquote_rate=0.1
    )
    quoted = verify(Options(paths=(str(clean),), select=("CC114",)))
    assert quoted.findings == []
    misquoted = verify(Options(paths=(str(mixed),), select=("CC114",)))
    assert 10 <= len(misquoted.findings) <= 50
    assert all("the closest passage" in f.message for f in misquoted.findings)
