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
from claimcheck.formats import records
from claimcheck.formats.records import kb_file
from claimcheck.judge.memo import UNJUDGED, VerdictMemo, judged_fields
from claimcheck.kb.store import Tri, build
from claimcheck.loader import load_document
from claimcheck.rules.provenance import _PLAIN_URL, _url_problem
from tests.conftest import ROOT, SCHEMA_DIR
from tests.helpers import HEADER, write_claims

CLAIM_KINDS = {
    "membership": records.MembershipClaim,
    "event": records.EventClaim,
    "count": records.CountClaim,
    "office": records.OfficeClaim,
    "relation": records.RelationClaim,
    "property": records.PropertyClaim,
}


def _corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_corpus"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_verdict_key_holds_every_field_a_verdict_depends_on():
    """Every field of the published schema is in the key but the few known not to matter."""
    schema = json.loads((SCHEMA_DIR / "claims-v1.json").read_text(encoding="utf-8"))
    kinds = {}
    for definition in schema["$defs"].values():
        kind = definition.get("properties", {}).get("kind", {}).get("const")
        if kind is not None:
            kinds[kind] = set(definition["properties"]) - UNJUDGED - {"kind"}
    assert kinds == {k: set(judged_fields(cls)) for k, cls in CLAIM_KINDS.items()}


def test_a_field_added_to_a_claim_is_in_the_verdict_key_by_default():
    class Wider(records.RelationClaim):
        __slots__ = ("tone",)

    assert "tone" in judged_fields(Wider)
    assert set(judged_fields(Wider)) == set(judged_fields(records.RelationClaim)) | {"tone"}


def _claim(kind: str, **fields: object) -> Any:
    """One claim through the real loader and models, as a claim file gives it."""
    claim = json.dumps({"id": "c", "quote": "q", "kind": kind, **fields})
    doc = load_document("t.claims.yaml", f"{HEADER}claims:\n  - {claim}\n".encode())
    built = records.claim_file(doc.data)
    assert built is not None, "the test's claim must be valid"
    return built.claims[0]


# Two claims per kind that differ in one judged field only (the first field of each pair).
ONE_FIELD_APART = [
    ("relation", {"subject": "a", "predicate": "calls", "object": "b"}, "name", "X", "Y"),
    ("event", {"event": "e", "what": "w", "weekday": "Tuesday"}, "relative", True, False),
    ("event", {"event": "e", "what": "w"}, "participants", ["a"], ["a", "b"]),
    ("membership", {"group": "g", "members": ["a"]}, "complete", True, False),
    ("count", {"group": "g", "count": 3}, "of", "members", "events"),
    ("office", {"office": "o", "holder": "h"}, "at", "2024", "2025"),
    ("property", {"subject": "s"}, "property", "uninhabited", "landlocked"),
]


@pytest.mark.parametrize(("kind", "common", "name", "one", "other"), ONE_FIELD_APART)
def test_claims_one_judged_field_apart_never_share_a_key(kind, common, name, one, other):
    memo = VerdictMemo()
    dates = ("20 August 2024", None)
    first = memo.key(_claim(kind, **common, **{name: one}), dates)
    second = memo.key(_claim(kind, **common, **{name: other}), dates)
    assert first != second


def test_a_claim_one_field_from_an_earlier_one_gets_its_own_verdict(project):
    """`name` and `relative` are read by the judge: a hand-kept key that left them out
    handed the second claim of each pair the first one's verdict."""
    kb = KB.replace("facts:", "  e: {name: Talks, kind: event}\nfacts:")
    kb += "  - {id: ev, kind: event, event: e, date: 2024-08-20, sources: [{title: S}]}\n"
    kb += "  - {id: n, kind: relation, subject: a, predicate: calls, object: club, name: Ours,"
    kb += " sources: [{title: S}]}\n"
    (project / "k.kb.yaml").write_text(kb, encoding="utf-8")
    body = """claims:
  - {id: ours, kind: relation, subject: a, predicate: calls, object: club, name: Ours, quote: q}
  - {id: theirs, kind: relation, subject: a, predicate: calls, object: club, name: Theirs, quote: q}
  - {id: then, kind: event, event: e, what: w, weekday: Tuesday, relative: true, quote: q}
  - {id: undated, kind: event, event: e, what: w, weekday: Tuesday, relative: false, quote: q}
"""
    write_claims(project, body, name="a.claims.yaml")
    result = verify(Options(paths=(str(project),), select=("CC2",)))
    verdicts = {v.claim_id: v for v in result.verdicts}
    assert verdicts["ours"].verdict.value == "supported"
    assert verdicts["theirs"].verdict.value == "refuted"
    assert [(f.claim_id, f.rule_id) for f in result.findings] == [("theirs", "CC208")]
    # Relative to the publication date, "on Tuesday" is a date: it is checked as one.
    assert "took place on 20 August 2024" in verdicts["then"].explanation
    assert "took place" not in verdicts["undated"].explanation


def _signature(result: Result) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    return [f.to_dict() for f in result.findings], [v.to_dict() for v in result.verdicts]


@pytest.mark.parametrize("as_of", [None, "2025-06-01"])
def test_a_reused_verdict_is_the_verdict_judging_again_gives(tmp_path, monkeypatch, as_of):
    corpus = _corpus_module()
    corpus.write_corpus(tmp_path, seed=3, total_claims=400, per_file=50, fmt="json", error_rate=0.3)
    options = Options(paths=(str(tmp_path),), as_of=PartialDate.parse(as_of) if as_of else None)
    reused = verify(options)
    looked: list[object] = []

    def never_found(self, kb, key):
        looked.append(key)

    monkeypatch.setattr(VerdictMemo, "get", never_found)
    again = verify(options)
    assert len(looked) == len(reused.verdicts) == 400
    assert _signature(reused) == _signature(again)
    assert any(f.rule_id.startswith("CC2") for f in again.findings)


KB = """claimcheck-kb: 1
verified: 2025-10-21
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
    kb += "  - {id: all, kind: complete, group: club, of: members, start: '2000', $S}\n"
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


def test_a_claim_whose_content_cannot_hash_is_judged_afresh():
    """A future field holding a list of lists cannot key the memo: a miss, not a crash."""

    class Odd(records.OfficeClaim):
        __slots__ = ("extra",)

    claim = _claim("office", office="o", holder="h")
    odd = object.__new__(Odd)
    for name in records.OfficeClaim.__slots__:
        setattr(odd, name, getattr(claim, name))
    odd.extra = [["x"]]
    memo, kb = VerdictMemo(), _kb()
    key = memo.key(odd, ("20 August 2024", None))
    memo.put(kb, key, (None, ()))
    assert memo.get(kb, key) is None
