"""`claimcheck kb`'s answers, in process: what the knowledge base believes on a date, and why.

The command is also tested end to end; these tests run the query functions where a mutation
of them can be seen (a child process imports the unmutated package).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.core.dates import PartialDate
from claimcheck.kb import query
from claimcheck.kb.query import QueryError

D = PartialDate.parse
S = "sources: [{url: 'https://example.org/s', title: Club records}]"
KB = f"""claimcheck-kb: 1
verified: 2025-10-21
entities:
  club: {{name: Club, kind: organisation, aliases: [{{name: The Club, used_by: [a]}}]}}
  a: {{name: Aland, kind: country, wikidata: Q1}}
  b: {{name: Bland, kind: country}}
  c: {{name: Cland, kind: country, notes: A small place.}}
  chair: {{name: Chair of the Club, kind: office}}
  p1: {{name: Pat One, kind: person}}
  p2: {{name: Pat Two, kind: person}}
  talks: {{name: Club talks, kind: series}}
  t1: {{name: first talks, kind: event}}
  t2: {{name: second talks, kind: event}}
  georgia: {{name: Georgia, kind: country}}
  georgia-us: {{name: Georgia, kind: place}}
facts:
  - {{id: club-a, kind: membership, group: club, member: a, start: 2001-01-01, {S}}}
  - {{id: club-b, kind: membership, group: club, member: b, start: 2001-01-01,
      end: 2010-06-01, note: Left in 2010., {S}}}
  - {{id: club-c, kind: membership, group: club, member: c, start: 2005-01-01,
      status: disputed, note: Disputed by b., {S}}}
  - {{id: chair-1, kind: tenure, office: chair, holder: p1, start: 2001-01-01,
      end: 2020-01-01, {S}}}
  - {{id: chair-2, kind: tenure, office: chair, holder: p2, start: 2020-01-01, {S}}}
  - {{id: talks-1, kind: event, event: t1, series: talks, date: 2019-11-30, place: a,
      ordinal: 1, {S}}}
  - {{id: talks-2, kind: event, event: t2, series: talks, date: 2022-09-08, {S}}}
"""


@pytest.fixture
def kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (tmp_path / "k.kb.yaml").write_text(KB, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    loaded, findings = query.open_kb(("k.kb.yaml",))
    assert findings == []
    return loaded


def test_members_on_a_date_are_the_facts_that_may_hold_then_with_their_certainty(kb):
    answer = query.members(kb, "club", D("2008-05-01"))
    assert (answer["query"], answer["of"], answer["name"], answer["on"]) == (
        "members",
        "club",
        "Club",
        "2008-05-01",
    )
    rows = {r["entity"]: r for r in answer["results"]}
    assert sorted(rows) == ["a", "b", "c"]
    assert rows["a"] == {
        "entity": "a",
        "name": "Aland",
        "fact": "club-a",
        "statement": "Aland is a member of Club from 1 January 2001",
        "status": "accepted",
        "unsourced": False,
        "note": None,
        "sources": ["https://example.org/s"],
        "defined_at": "k.kb.yaml:17:5",
        "certain": True,
    }
    assert rows["c"]["status"] == "disputed"
    assert rows["b"]["note"] == "Left in 2010."


def test_a_member_that_left_is_not_listed_after_its_end(kb):
    after = query.members(kb, "club", D("2012"))
    assert [r["entity"] for r in after["results"]] == ["a", "c"]


def test_past_the_verified_date_a_member_is_uncertain_and_the_answer_says_why(kb):
    answer = query.members(kb, "club", D("2026-11-30"))
    row = next(r for r in answer["results"] if r["entity"] == "a")
    assert row["certain"] is False
    assert row["uncertain"] == "the knowledge base was last verified on 21 October 2025"
    text = query.render_text(answer)
    assert (
        "- Aland is a member of Club from 1 January 2001 "
        "[the knowledge base was last verified on 21 October 2025]  (club-a, k.kb.yaml:17:5)"
    ) in text.splitlines()


def test_the_holder_of_an_office_on_a_date_and_on_the_handover_day(kb):
    before = query.holder(kb, "chair", D("2019-12-31"))
    assert [(r["entity"], r["certain"]) for r in before["results"]] == [("p1", True)]
    handover = query.holder(kb, "Chair of the Club", D("2020-01-01"))
    # The end day is "maybe" for the one leaving; the start day is certain for the successor.
    assert {r["entity"]: r["certain"] for r in handover["results"]} == {"p1": False, "p2": True}


def test_the_events_of_a_series_up_to_a_date_and_all_of_them(kb):
    until = query.events(kb, "talks", D("2020"))
    assert [r["entity"] for r in until["results"]] == ["t1"]
    assert until["on"] == "2020"
    every = query.events(kb, "talks", None)
    assert [r["entity"] for r in every["results"]] == ["t1", "t2"]
    assert every["on"] is None
    assert query.render_text(every).splitlines()[0] == "events of Club talks (talks): 2"


def test_an_entity_by_alias_with_its_aliases_notes_and_facts(kb):
    answer = query.entity(kb, "the club")
    assert answer["of"] == "club" and answer["kind"] == "organisation"
    assert answer["aliases"] == [{"name": "The Club", "used_by": ["a"], "sources": []}]
    assert [r["fact"] for r in answer["results"]] == ["club-a", "club-b", "club-c"]
    text = query.render_text(answer).splitlines()
    assert text[0] == "Club (club): organisation"
    assert text[1] == "  also called The Club (used by a)"
    assert (
        "- Cland is a member of Club from 1 January 2005 [disputed]  (club-c, k.kb.yaml:20:5)"
        in text
    )
    assert "    note: Disputed by b." in text
    assert "    source: https://example.org/s" in text


def test_an_entity_shows_its_wikidata_id_and_notes(kb):
    assert query.render_text(query.entity(kb, "a")).splitlines()[0] == "Aland (a): country, Q1"
    lines = query.render_text(query.entity(kb, "c")).splitlines()
    assert lines[:2] == ["Cland (c): country", "  note: A small place."]


def test_a_disputed_and_uncertain_row_shows_both_flags(kb):
    answer = query.members(kb, "club", D("2026-11-30"))
    line = next(x for x in query.render_text(answer).splitlines() if "(club-c," in x)
    assert line == (
        "- Cland is a member of Club from 1 January 2005 "
        "[the knowledge base was last verified on 21 October 2025, disputed]  "
        "(club-c, k.kb.yaml:20:5)"
    )


def test_an_unknown_or_ambiguous_reference_is_refused_by_name(kb):
    with pytest.raises(QueryError, match=r"^no entity 'nosuch' in the knowledge base"):
        query.members(kb, "nosuch", D("2020"))
    with pytest.raises(QueryError) as shared:
        query.entity(kb, "Georgia")
    assert str(shared.value) == (
        "ambiguous: 'Georgia' is the id, name or alias of 'georgia' and 'georgia-us': give the id"
    )


def test_the_answer_is_plain_json(kb):
    answer = query.members(kb, "club", D("2008"))
    assert json.loads(json.dumps(answer)) == answer


def test_no_knowledge_base_or_a_missing_one_is_a_query_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (tmp_path / "claims").mkdir()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(QueryError, match=r"^no knowledge base found \(\*\.kb"):
        query.open_kb(())
    with pytest.raises(QueryError, match=r"^--kb nope\.kb\.yaml: no such file or folder$"):
        query.open_kb(("nope.kb.yaml",))


def test_the_holder_answer_names_the_office_the_date_and_each_holder_with_its_fact(kb):
    answer = query.holder(kb, "chair", D("2020-01-01"))
    row = {
        "status": "accepted",
        "unsourced": False,
        "note": None,
        "sources": ["https://example.org/s"],
    }
    assert answer == {
        "query": "holder",
        "of": "chair",
        "name": "Chair of the Club",
        "on": "2020-01-01",
        "results": [
            {
                "entity": "p1",
                "name": "Pat One",
                "fact": "chair-1",
                "statement": "Pat One holds the office of Chair of the Club "
                "from 1 January 2001 until 1 January 2020",
                **row,
                "defined_at": "k.kb.yaml:22:5",
                "certain": False,
            },
            {
                "entity": "p2",
                "name": "Pat Two",
                "fact": "chair-2",
                "statement": "Pat Two holds the office of Chair of the Club from 1 January 2020",
                **row,
                "defined_at": "k.kb.yaml:24:5",
                "certain": True,
            },
        ],
    }
    assert query.render_text(answer) == (
        "holder of Chair of the Club (chair) on 2020-01-01: 2\n"
        "- Pat One holds the office of Chair of the Club from 1 January 2001 until "
        "1 January 2020 [uncertain dates]  (chair-1, k.kb.yaml:22:5)\n"
        "    source: https://example.org/s\n"
        "- Pat Two holds the office of Chair of the Club from 1 January 2020  "
        "(chair-2, k.kb.yaml:24:5)\n"
        "    source: https://example.org/s\n"
    )


def test_an_alias_nobody_is_said_to_use_is_shown_without_users(kb):
    answer = query.entity(kb, "club")
    answer["aliases"][0]["used_by"] = []
    assert query.render_text(answer).splitlines()[1] == "  also called The Club"
    answer["aliases"][0]["used_by"] = ["a", "b"]
    assert query.render_text(answer).splitlines()[1] == "  also called The Club (used by a, b)"


def test_a_name_more_than_five_entities_share_is_refused_counting_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    same = "".join(f"  s{k}: {{name: Same, kind: place}}\n" for k in range(1, 8))
    (tmp_path / "k.kb.yaml").write_text(f"claimcheck-kb: 1\nentities:\n{same}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    kb, _ = query.open_kb(("k.kb.yaml",))
    with pytest.raises(QueryError) as shared:
        query.entity(kb, "same")
    assert str(shared.value) == (
        "ambiguous: 'same' is the id, name or alias of 's1', 's2', 's3', 's4', 's5' "
        "and 2 more: give the id"
    )


def test_the_kb_is_found_in_the_claims_folder_and_inside_the_given_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "x.kb.yaml").write_text(KB, encoding="utf-8")
    (tmp_path / "k.kb.yaml").write_text(KB, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    found, findings = query.open_kb(())
    assert (found.files, findings) == (["claims/x.kb.yaml"], [])
    with pytest.raises(QueryError, match=r"^--kb k\.kb\.yaml: outside the project root .*sub$"):
        query.open_kb(("k.kb.yaml",), root=str(tmp_path / "sub"))
    monkeypatch.chdir(tmp_path / "sub")
    assert query.open_kb(("../k.kb.yaml",), root=str(tmp_path))[0].files == ["../k.kb.yaml"]


def test_a_big_kb_answers_a_query_from_its_store_as_the_files_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Over `STORE_BYTES`, a query about one entity reads only its facts from the compiled
    store, kept in the folder given: every fact that names it, in any role, as the whole KB
    gives them (Aland is a member, the object of a relation and the subject of a statement)."""
    import claimcheck.kb.files as kb_files

    more = (
        f"  - {{id: c-borders-a, kind: relation, subject: c, predicate: borders, object: a, {S}}}\n"
        f"  - {{id: a-p1, kind: statement, subject: a, property: P17, object: b, {S}}}\n"
    )
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (tmp_path / "k.kb.yaml").write_text(KB + more, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    whole, _ = query.open_kb(("k.kb.yaml",))
    expected = {ref: query.entity(whole, ref) for ref in ("a", "club", "t1", "talks")}
    assert [r["fact"] for r in expected["a"]["results"]] == ["a-p1", "c-borders-a", "club-a"]

    monkeypatch.setattr(kb_files, "STORE_BYTES", -1)
    store = tmp_path / "store"
    for ref, answer in expected.items():
        sliced, findings = query.open_kb(("k.kb.yaml",), about=ref, store_dir=store)
        assert findings == []
        assert query.entity(sliced, ref) == answer
        assert len(sliced.facts) < len(whole.facts)  # a slice, not the whole KB
    assert len(list(store.glob("kb/*.sqlite"))) == 1  # built once, in the folder given
    # Without an entity to ask about, the whole KB is loaded: no store is needed.
    monkeypatch.setattr(kb_files, "STORE_BYTES", 1 << 30)
    sliced, _ = query.open_kb(("k.kb.yaml",), about="a", store_dir=tmp_path / "small")
    assert len(sliced.facts) == len(whole.facts) and not (tmp_path / "small").exists()


def test_no_knowledge_base_says_where_one_is_looked_for_and_how_to_name_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(QueryError) as missing:
        query.open_kb(())
    assert str(missing.value) == (
        "no knowledge base found (*.kb.yaml files below kb/ or the claim folders, see "
        "docs/kb.md): name its files or folders with --kb, or set `kb` in [tool.claimcheck]"
    )
