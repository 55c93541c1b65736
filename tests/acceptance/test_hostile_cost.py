"""Crafted claim files cannot make a rule do unbounded work: small versions of the attacks
in `bench/hostile.py`, asserting the work done (comparisons, findings), not the time taken."""

from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path

import pytest

from claimcheck.app import Options, verify
from claimcheck.rules import entities, quotes
from tests.helpers import HEADER

SOURCE = "sources: [{url: 'https://e.org/a', accessed: 2026-11}]"


def _write(folder: Path, claims: list[str], entity_ids: list[str] = ()) -> None:
    lines = [HEADER.rstrip("\n"), "entities:"]
    lines += [f"  {e}: {{name: {e.upper()}, kind: country}}" for e in entity_ids]
    if not entity_ids:
        lines[-1] = "entities: {}"
    lines += ["claims:", *(f"  - {c}" for c in claims)]
    (folder / "a.claims.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _run(folder: Path, monkeypatch: pytest.MonkeyPatch, rule: str) -> list[str]:
    monkeypatch.chdir(folder)
    result = verify(Options(paths=(".",), select=(rule,)))
    return [f.message for f in result.findings if f.rule_id == rule]


@pytest.fixture
def areas(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The area (quote words x window words) of every longest-match search difflib makes."""
    seen: list[int] = []
    original = SequenceMatcher.find_longest_match

    def counting(self, alo=0, ahi=None, blo=0, bhi=None):  # type: ignore[no-untyped-def]
        ahi = len(self.a) if ahi is None else ahi
        bhi = len(self.b) if bhi is None else bhi
        seen.append((ahi - alo) * (bhi - blo))
        return original(self, alo, ahi, blo, bhi)

    monkeypatch.setattr(SequenceMatcher, "find_longest_match", counting)
    return seen


def test_one_cc101_finding_per_complete_list(project: Path, monkeypatch):
    # 30 members named once; 20 complete lists of one member each omit the other 29.
    members = ", ".join(f"m{k}" for k in range(30))
    claims = [
        f"{{id: all, kind: membership, group: g, complete: false, members: [{members}], quote: q}}"
    ]
    claims += [
        f"{{id: l{k}, kind: membership, group: g, complete: true, members: [m{k}], quote: q}}"
        for k in range(20)
    ]
    _write(project, claims, ["g", *(f"m{k}" for k in range(30))])
    found = _run(project, monkeypatch, "CC101")
    assert len(found) == 20  # one per list, not 20 x 29
    assert found[0] == (
        "the list of G presented as complete omits M1, M2, M3, M4, M5 and 24 more, which "
        "claims 'all' and others name as members"
    )


def test_a_cc101_list_omitting_a_few_names_them_all(project: Path, monkeypatch):
    claims = [
        "{id: a, kind: membership, group: g, complete: false, members: [m1, m2], quote: q}",
        "{id: b, kind: membership, group: g, complete: false, members: [m3], quote: q}",
        "{id: all, kind: membership, group: g, complete: true, members: [m0], quote: q}",
    ]
    _write(project, claims, ["g", "m0", "m1", "m2", "m3"])
    assert _run(project, monkeypatch, "CC101") == [
        (
            "the list of G presented as complete omits M1, M2 and M3, which claims 'a' and 'b' "
            "name as members"
        )
    ]


def test_cc201_names_the_first_five_members_a_list_leaves_out(project: Path, monkeypatch):
    ids = [f"m{k}" for k in range(12)]
    kb = ["claimcheck-kb: 1", "verified: 2025-10-21", "entities:", "  g: {name: G, kind: group}"]
    kb += [f"  {m}: {{name: {m.upper()}, kind: country}}" for m in ids]
    kb += ["facts:"]
    kb += [
        f"  - {{id: f{k}, kind: membership, group: g, member: {m}, start: '2000', "
        "sources: [{url: 'https://e.org/k'}]}"
        for k, m in enumerate(ids)
    ]
    (project / "w.kb.yaml").write_text("\n".join(kb) + "\n", encoding="utf-8")
    claims = [
        f"{{id: l, kind: membership, group: g, complete: true, members: [m0], quote: q, {SOURCE}}}"
    ]
    _write(project, claims)
    assert _run(project, monkeypatch, "CC201") == [
        (
            "the list of G presented as complete leaves out M1, M10, M11, M2, M3 and 6 more, "
            "members on 20 August 2024"
        )
    ]


def test_closest_passages_in_a_repetitive_article_stay_within_the_budget(
    project: Path, monkeypatch, areas
):
    # Each near miss would compare 300 words with 49 windows of 300 alike words.
    (project / "articles" / "a.txt").write_text("a " * 3000, encoding="utf-8")
    quote = " ".join(["a"] * 298 + ["b"])
    _write(
        project,
        [
            f"{{id: c{k}, kind: count, of: members, group: g, count: 1, quote: '{quote}'}}"
            for k in range(10)
        ],
    )
    found = _run(project, monkeypatch, "CC114")
    assert len(found) == 10
    assert all("no closest passage was searched for" in m for m in found)
    assert sum(areas) <= quotes._QUOTE_BUDGET  # not 10 x 49 x 300 x 300


def test_closest_passages_stop_when_the_files_budget_is_spent(project: Path, monkeypatch, areas):
    monkeypatch.setattr(quotes, "_FILE_BUDGET", 60_000, raising=False)
    (project / "articles" / "a.txt").write_text("a " * 3000, encoding="utf-8")
    quote = "b" + " a" * 20  # 49 windows x (21 + 21 + 20 x 27) = 28,518: two fit
    _write(
        project,
        [
            f"{{id: c{k}, kind: count, of: members, group: g, count: 1, quote: '{quote}'}}"
            for k in range(10)
        ],
    )
    found = _run(project, monkeypatch, "CC114")
    searched = [m for m in found if "the closest passage" in m]
    assert len(searched) == 2 and len(found) == 10
    assert all("no closest passage was searched for" in m for m in found[2:])


def test_quotes_in_an_article_that_repeats_itself_are_looked_up_within_a_budget(
    project: Path, monkeypatch
):
    monkeypatch.setattr(quotes, "_FIND_BUDGET", 20_000, raising=False)
    monkeypatch.setattr(quotes, "_SCAN_LIMIT", 1000)  # a "very long" article, at test size
    (project / "articles" / "a.txt").write_text("a " * 5000, encoding="utf-8")
    quotes_ = [" ".join(["a"] * 60 + [f"b{k}"]) for k in range(10)]
    _write(
        project,
        [
            f"{{id: c{k}, kind: count, of: members, group: g, count: 1, quote: '{q}'}}"
            for k, q in enumerate(quotes_)
        ],
    )
    found = _run(project, monkeypatch, "CC114")
    # Each look-up of a quote "a a ... b" visits the 5,000 places an "a a ..." starts.
    assert len(found) == 10
    assert sum("was not looked for" in m for m in found) >= 8


def test_did_you_mean_compares_within_a_budget(project: Path, monkeypatch):
    monkeypatch.setattr(entities, "_SUGGEST_BUDGET", 100_000, raising=False)
    ratios = []
    original = SequenceMatcher.ratio

    def counting(self):  # type: ignore[no-untyped-def]
        ratios.append(1)
        return original(self)

    monkeypatch.setattr(SequenceMatcher, "ratio", counting)
    defined = [f"entity-number-{k:04d}" for k in range(150)]
    claims = [
        f"{{id: c{k}, kind: count, of: members, group: entity-numbr-{k:04d}, count: 1, quote: q}}"
        for k in range(150)
    ]
    claims += [
        "{id: again, kind: count, of: members, group: entity-numbr-0000, count: 1, quote: q}"
    ] * 3
    _write(project, claims, defined)
    found = _run(project, monkeypatch, "CC115")
    assert len(found) == 153
    assert "did you mean 'entity-number-0000'?" in found[0]
    assert "no similar id was searched for" in found[-4]
    # Every full comparison is charged 18 x 19 characters: at most 100,000 / 342 of them.
    assert len(ratios) <= 100_000 // (18 * 19) + 1  # not 150 x 150
