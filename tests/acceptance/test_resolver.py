"""One entity resolver for every rule and the judge (SPEC14 F): ids, names and aliases in
any case, the file's entities and the knowledge base's, ambiguous names never guessed,
look-alike characters never matched, and events matched by id, series and date, or date,
place and participants."""

from __future__ import annotations

import textwrap
from pathlib import Path

from claimcheck.app import Options, verify
from claimcheck.check.result import Result
from claimcheck.kb import resolve
from tests.helpers import write_claims

SOURCE = "sources: [{url: 'https://e.org/a', accessed: 2026-11}]"

KB = """claimcheck-kb: 1
entities:
  japan: {name: Japan, kind: country}
  india: {name: India, kind: country}
  china: {name: China, kind: country, wikidata: Q148}
  korea: {name: Korea, kind: country}
  georgia: {name: Georgia, kind: country}
  georgia-us: {name: Georgia, kind: place}
  club: {name: Club, kind: organisation}
  new-delhi: {name: New Delhi, kind: place}
  hyderabad-house: {name: Hyderabad House, kind: place}
  tokyo: {name: Tokyo, kind: place}
  senkaku-islands:
    name: Senkaku Islands
    kind: place
    aliases:
      - {name: Diaoyu, used_by: [china]}
  talks: {name: Japan-India 2+2 talks, kind: series}
  m2019: {name: first 2+2 meeting, kind: event}
  m2022: {name: second 2+2 meeting, kind: event}
  m2024: {name: third 2+2 meeting, kind: event}
facts:
  - {id: f2019, kind: event, event: m2019, series: talks, date: 2019-11-30, place: new-delhi,
     participants: [japan, india], $S}
  - {id: f2022, kind: event, event: m2022, series: talks, date: 2022-09-08, place: tokyo,
     participants: [japan, india], $S}
  - {id: f2024, kind: event, event: m2024, series: talks, ordinal: 3, date: 2024-08-20,
     place: hyderabad-house, participants: [japan, india], $S}
  - {id: hh-delhi, kind: relation, subject: hyderabad-house, predicate: located_in,
     object: new-delhi, $S}
  - {id: club-japan, kind: membership, group: club, member: japan, start: 2001-01-01, $S}
  - {id: club-korea, kind: membership, group: club, member: korea, start: 2001-01-01, $S}
  - {id: china-claims, kind: relation, subject: china, predicate: claims,
     object: senkaku-islands, start: 1971-12-30, $S}
""".replace("$S", "sources: [{title: S, accessed: 2026-01}]")


def _run(
    project: Path, entities: str, claims: str, *, kb: bool = False, select: tuple[str, ...] = ()
) -> Result:
    if kb:
        (project / "k.kb.yaml").write_text(KB, encoding="utf-8")
    body = "entities:\n" + textwrap.indent(textwrap.dedent(entities).strip("\n"), "  ") + "\n"
    if not entities.strip():
        body = "entities: {}\n"
    lines = textwrap.dedent(claims).strip("\n").replace("$S", SOURCE)
    body += "claims:\n" + textwrap.indent(lines, "  ") + "\n"
    write_claims(project, body)
    return verify(Options(paths=(str(project),), select=select))


def _messages(result: Result, rule: str) -> list[str]:
    return [f.message for f in result.findings if f.rule_id == rule]


def _verdicts(result: Result) -> dict[str, tuple[str, str]]:
    return {v.claim_id: (v.verdict.value, v.explanation) for v in result.verdicts}


QUAD = """
quad: {name: Quad, kind: organisation, aliases: [Quadrilateral Security Dialogue]}
japan: {name: Japan, kind: country}
india: {name: India, kind: country}
australia: {name: Australia, kind: country}
"""


def test_quad_and_quad_in_another_case_are_one_group_for_cc101(project):
    result = _run(
        project,
        QUAD,
        """
        - {id: some, kind: membership, group: Quad, members: [India], complete: false,
           quote: q, $S}
        - {id: all, kind: membership, group: quad, members: [japan, india], complete: true,
           quote: q, $S}
        - {id: full, kind: membership, group: QUAD, members: [japan], complete: true,
           quote: q, $S}
        """,
        select=("CC101", "CC115"),
    )
    assert _messages(result, "CC115") == []
    # "India" and `india` are one member: the list naming `india` omits nobody.
    assert _messages(result, "CC101") == [
        ("the list of Quad presented as complete omits India, which claim 'some' names as a member")
    ]


def test_names_and_aliases_of_the_files_own_entities_resolve_without_a_kb(project):
    # "Names work for the KB only": the file's own names and aliases resolve too.
    result = _run(
        project,
        QUAD,
        """
        - {id: alias, kind: count, of: members, group: Quadrilateral Security Dialogue,
           count: 1, quote: q, $S}
        - {id: list, kind: membership, group: quad, members: [japan, india], complete: true,
           quote: q, $S}
        """,
        select=("CC102", "CC115"),
    )
    assert _messages(result, "CC115") == []
    assert _messages(result, "CC102") == [
        (
            "the article counts 1 members of Quad, but claim 'list' presents its list of 2 as "
            "complete: the count should be 2, or the list is wrong"
        )
    ]


def test_the_files_name_for_an_entity_reaches_the_kb_through_its_wikidata_id(project):
    result = _run(
        project,
        "prc: {name: People's Republic of China, kind: country, wikidata: Q148}",
        """
        - {id: c, kind: relation, subject: People\u2019s Republic of China, predicate: claims,
           object: senkaku-islands, quote: q, $S}
        """,
        kb=True,
        select=("CC115", "CC2"),
    )
    assert _messages(result, "CC115") == []
    assert _verdicts(result)["c"][0] == "supported", _verdicts(result)["c"]


def test_diaoyu_islands_gets_a_did_you_mean_naming_the_senkaku_islands(project):
    result = _run(
        project,
        "",
        """
        - {id: c, kind: relation, subject: china, predicate: claims, object: Diaoyu Islands,
           quote: q, $S}
        """,
        kb=True,
        select=("CC115",),
    )
    assert _messages(result, "CC115") == [
        (
            "no entity 'Diaoyu Islands' is defined in this file's entities or the knowledge "
            "base; did you mean 'senkaku-islands' (alias Diaoyu)?"
        )
    ]


def test_a_name_two_entities_share_resolves_to_neither(project):
    result = _run(
        project,
        "",
        """
        - {id: g, kind: membership, group: club, members: [Georgia], complete: false,
           quote: q, $S}
        - {id: r, kind: relation, subject: Georgia, predicate: claims, object: tokyo,
           quote: q, $S}
        """,
        kb=True,
        select=("CC115", "CC2"),
    )
    assert (
        _messages(result, "CC115")
        == [
            (
                "ambiguous: 'Georgia' is the id, name or alias of 2 entities, 'georgia' (Georgia, "
                "country) and 'georgia-us' (Georgia, place): write the id of the one meant"
            )
        ]
        * 2
    )
    assert _verdicts(result)["r"] == (
        "not_enough_info",
        "Georgia (ambiguous: 'georgia' and 'georgia-us') is not in the knowledge base",
    )
    assert _verdicts(result)["g"][0] == "not_enough_info"
    assert "ambiguous" in _verdicts(result)["g"][1]


def test_a_name_found_among_one_files_entities_is_not_reused_for_another(project):
    # The KB does not know Q17: the file's entity links to Japan by its name and kind.
    kb = KB.replace("japan: {name: Japan", "japan: {name: Nippon")
    (project / "k.kb.yaml").write_text(kb, encoding="utf-8")
    claim = (
        "claims:\n  - {id: m, kind: membership, group: club, members: [Nippon], "
        f"complete: false, quote: q, {SOURCE}}}\n"
    )
    one = "entities:\n  jp: {name: Nippon, kind: country, wikidata: Q17}\n"
    two = one + "  nippon-ltd: {name: Nippon, kind: organisation}\n"
    write_claims(project, one + claim, name="a.claims.yaml")
    write_claims(project, two + claim, name="b.claims.yaml")
    result = verify(Options(paths=(str(project),), select=("CC2",), jobs=1))
    by_file = {(v.path.rsplit("/", 1)[-1], v.claim_id): v for v in result.verdicts}
    assert by_file[("a.claims.yaml", "m")].verdict.value == "supported"
    assert by_file[("b.claims.yaml", "m")].verdict.value == "not_enough_info"
    assert "ambiguous" in by_file[("b.claims.yaml", "m")].explanation


def test_a_lookalike_character_never_matches(project):
    # A Kelvin sign (U+212A) folds to "k" in any case-insensitive comparison; a Cyrillic
    # "а" (U+0430) in "Quаd" and "с" (U+0441) in "сlub" only look Latin.
    result = _run(
        project,
        "quad: {name: Quad, kind: organisation}",
        """
        - {id: q, kind: count, of: members, group: "Qu\\u0430d", count: 4, quote: q, $S}
        - {id: k, kind: membership, group: club, members: ["\\u212Aorea"], complete: false,
           quote: q, $S}
        - {id: c, kind: membership, group: "\\u0441lub", members: [korea], complete: false,
           quote: q, $S}
        """,
        kb=True,
        select=("CC115", "CC2"),
    )
    found = _messages(result, "CC115")
    assert len(found) == 3 and all("this id only looks like it" in m for m in found), found
    assert "did you mean 'quad'?" in found[0]
    assert {v for v, _ in _verdicts(result).values()} == {"not_enough_info"}


def test_event_matched_by_series_and_date_then_judged(project):
    result = _run(
        project,
        "second-2plus2: {name: the second two-plus-two, kind: event}",
        """
        - {id: e, kind: event, event: second-2plus2, series: talks, date: 2024-08-20,
           ordinal: 2, what: w, quote: q, $S}
        """,
        kb=True,
        select=("CC2",),
    )
    verdict, why = _verdicts(result)["e"]
    assert "does not record" not in why
    assert verdict == "refuted", why
    assert "number 3 of Japan-India 2+2 talks" in why
    assert [f.rule_id for f in result.findings] == ["CC203"]  # no longer exit 0


def test_event_matched_by_date_place_and_participants(project):
    result = _run(
        project,
        "the-talks: {name: the talks, kind: event}",
        """
        - {id: e, kind: event, event: the-talks, date: 2024-08-20, place: new-delhi,
           participants: [japan, India], what: w, quote: q, $S}
        """,
        kb=True,
        select=("CC2",),
    )
    verdict, why = _verdicts(result)["e"]
    assert verdict == "supported", why
    assert "by its date, place and participants" in why
    assert [e.fact_id for v in result.verdicts for e in v.evidence] == ["f2024", "hh-delhi"]


def test_no_event_match_when_only_the_date_agrees(project):
    result = _run(
        project,
        "the-talks: {name: the talks, kind: event}",
        """
        - {id: place, kind: event, event: the-talks, date: 2024-08-20, place: tokyo,
           participants: [japan, india], what: w, quote: q, $S}
        - {id: who, kind: event, event: the-talks, date: 2024-08-20, place: new-delhi,
           participants: [japan, china], what: w, quote: q, $S}
        - {id: month, kind: event, event: the-talks, series: talks, date: 2024-08,
           what: w, quote: q, $S}
        - {id: all, kind: event, event: the-talks, date: 2024-08-20, place: hyderabad-house,
           participants: [japan, india], what: w, quote: q, $S}
        """,
        kb=True,
        select=("CC2",),
    )
    assert _verdicts(result)["all"][0] == "supported"  # all three agree
    for claim in ("place", "who", "month"):
        assert _verdicts(result)[claim] == (
            "not_enough_info",
            "the knowledge base does not record the talks",
        )


def test_kb_entity_resolves_like_verify_and_refuses_a_shared_name(project, run_cli):
    (project / "k.kb.yaml").write_text(KB, encoding="utf-8")
    found = run_cli("kb", "entity", "NEW DELHI", "--kb", "k.kb.yaml", cwd=project)
    assert found.returncode == 0, found.stderr
    assert "new-delhi" in found.stdout
    shared = run_cli("kb", "entity", "Georgia", "--kb", "k.kb.yaml", cwd=project)
    assert shared.returncode == 2
    assert "ambiguous: 'Georgia' is the id, name or alias of 'georgia' and 'georgia-us'" in (
        shared.stderr
    )


def test_a_files_entity_with_another_wikidata_id_is_not_the_kbs(project):
    # The file's `china` is another entity (Q999, not the KB's Q148): never the KB's China.
    result = _run(
        project,
        "china: {name: China, kind: country, wikidata: Q999}",
        """
        - {id: c, kind: relation, subject: china, predicate: claims, object: senkaku-islands,
           quote: q, $S}
        """,
        kb=True,
        select=("CC2",),
    )
    assert _verdicts(result)["c"] == ("not_enough_info", "China is not in the knowledge base")


def test_the_kbs_names_are_indexed_once_for_every_file(project, monkeypatch):
    built = []
    original = resolve.name_key

    def counted(text):  # type: ignore[no-untyped-def]
        built.append(text)
        return original(text)

    monkeypatch.setattr(resolve, "name_key", counted)
    monkeypatch.setattr(resolve, "_LAST", [])
    (project / "k.kb.yaml").write_text(KB, encoding="utf-8")
    claim = f"  - {{id: c, kind: count, of: members, group: Club, count: 2, quote: q, {SOURCE}}}\n"
    for name in ("a", "b", "c"):
        write_claims(project, "entities: {}\nclaims:\n" + claim, name=f"{name}.claims.yaml")
    result = verify(Options(paths=(str(project),), select=("CC115",)))
    assert len(result.files) == 3 and not result.findings
    # Every id, name and alias of the KB once, then "Club" once per file.
    assert built.count("Club") == 1 + 3
    assert built.count("club") == 1
