"""The fields drafting needed, judged: a tenure's start, "former", co-hosts, founding members."""

from __future__ import annotations

import tempfile
from pathlib import Path

from claimcheck.app import Options, verify
from claimcheck.core.dates import PartialDate
from claimcheck.core.verdicts import Verdict
from tests.helpers import judge_claims, write_claims

KB = """claimcheck-kb: 1
verified: 2025-10-21
entities:
  japan: {name: Japan, kind: country}
  india: {name: India, kind: country}
  brazil: {name: Brazil, kind: country}
  russia: {name: Russia, kind: country}
  china: {name: China, kind: country}
  south-africa: {name: South Africa, kind: country}
  brics: {name: BRICS, kind: organisation}
  jp-pm: {name: Prime Minister of Japan, kind: office}
  kishida: {name: Fumio Kishida, kind: person}
  ishiba: {name: Shigeru Ishiba, kind: person}
  talks: {name: Japan-India 2+2, kind: series}
  m2024: {name: third 2+2, kind: event}
  new-delhi: {name: New Delhi, kind: place}
facts:
  - {id: t1, kind: tenure, office: jp-pm, holder: kishida, start: 2021-10-04, end: 2024-10-01,
     sources: [{url: "https://example.org/t"}]}
  - {id: t2, kind: tenure, office: jp-pm, holder: ishiba, start: 2024-10-01, end: 2025-10-21,
     sources: [{url: "https://example.org/t"}]}
  - {id: b1, kind: membership, group: brics, member: brazil, start: 2009-06-16,
     sources: [{url: "https://example.org/b"}]}
  - {id: b2, kind: membership, group: brics, member: russia, start: 2009-06-16,
     sources: [{url: "https://example.org/b"}]}
  - {id: b3, kind: membership, group: brics, member: india, start: 2009-06-16,
     sources: [{url: "https://example.org/b"}]}
  - {id: b4, kind: membership, group: brics, member: china, start: 2009-06-16,
     sources: [{url: "https://example.org/b"}]}
  - {id: b5, kind: membership, group: brics, member: south-africa, start: 2010-12-24,
     sources: [{url: "https://example.org/b"}]}
  - {id: bc, kind: complete, group: brics, of: members, start: 2009-06-16, end: 2010-12-24,
     sources: [{url: "https://example.org/b"}]}
  - {id: e3, kind: event, event: m2024, date: 2024-08-20, place: new-delhi,
     participants: [japan, india], series: talks, ordinal: 3,
     sources: [{url: "https://example.org/e"}]}
"""
Q = "quote: The foreign and defense ministers of Japan and India convened in New Delhi on Tuesday"


def _one(claim: str) -> tuple[Verdict, dict[tuple[str | None, str], str]]:
    verdicts, findings = judge_claims_in(claim)
    return verdicts["c"].verdict, findings


def _project(folder: str) -> Path:
    """A project in ``folder`` whose article is the quote's sentence."""
    project = Path(folder)
    (project / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (project / "articles").mkdir()
    (project / "articles" / "a.txt").write_text(Q.removeprefix("quote: ") + "\n", encoding="utf-8")
    return project


def judge_claims_in(claim: str):
    with tempfile.TemporaryDirectory() as folder:
        return judge_claims(_project(folder), KB, claim, select=("CC2",))


def test_a_tenure_that_began_in_the_month_written_is_supported():
    verdict, findings = _one(
        f"- {{id: c, kind: office, office: jp-pm, holder: ishiba, since: 2024-10, "
        f"at: 2025-01-01, {Q}}}"
    )
    assert verdict is Verdict.SUPPORTED
    assert ("c", "CC207") not in findings


def test_a_tenure_that_began_in_another_month_is_refuted_at_since():
    verdict, findings = _one(
        f"- {{id: c, kind: office, office: jp-pm, holder: ishiba, since: 2024-09, "
        f"at: 2025-01-01, {Q}}}"
    )
    assert verdict is Verdict.REFUTED
    assert findings[("c", "CC207")].startswith(
        "Shigeru Ishiba did not become Prime Minister of Japan in September 2024: Fumio Kishida "
        "held it throughout (Fumio Kishida took office on 4 October 2021"
    )


def test_a_tenure_start_the_kb_cannot_place_is_not_enough_info():
    # Kishida's tenure in the KB began in 2021; an earlier one it does not record may have
    # begun in 2012, and nobody else is recorded then: never refuted from what it lacks.
    verdict, findings = _one(
        f"- {{id: c, kind: office, office: jp-pm, holder: kishida, since: 2012-12, {Q}}}"
    )
    assert verdict is Verdict.NOT_ENOUGH_INFO
    assert ("c", "CC207") not in findings


def test_former_holds_after_the_tenure_ended_and_is_refuted_during_it():
    after, findings = _one(
        f"- {{id: c, kind: office, office: jp-pm, holder: kishida, former: true, "
        f"at: 2025-01-01, {Q}}}"
    )
    assert after is Verdict.SUPPORTED
    during, findings = _one(
        f"- {{id: c, kind: office, office: jp-pm, holder: kishida, former: true, "
        f"at: 2024-08-20, {Q}}}"
    )
    assert during is Verdict.REFUTED
    assert "not a former one" in findings[("c", "CC207")]


def test_former_about_someone_who_never_held_it_is_not_enough_info():
    verdict, _ = _one(
        f"- {{id: c, kind: office, office: jp-pm, holder: ishiba, former: true, "
        f"at: 2024-08-20, {Q}}}"
    )
    assert verdict is Verdict.NOT_ENOUGH_INFO


def test_founding_members_are_counted_at_the_founding_not_the_publication():
    good, _ = _one(
        f"- {{id: c, kind: count, of: members, group: brics, count: 4, founding: true, {Q}}}"
    )
    assert good is Verdict.SUPPORTED
    bad, findings = _one(
        f"- {{id: c, kind: count, of: members, group: brics, count: 5, founding: true, {Q}}}"
    )
    assert bad is Verdict.REFUTED
    assert ("c", "CC202") in findings
    # The same count about the present (2024) is judged with South Africa in.
    now, _ = _one(f"- {{id: c, kind: count, of: members, group: brics, count: 4, {Q}}}")
    assert now is not Verdict.SUPPORTED


def test_a_complete_founding_list_is_judged_at_the_founding():
    verdict, findings = _one(
        f"- {{id: c, kind: membership, group: brics, members: [brazil, russia, india, china], "
        f"complete: true, founding: true, {Q}}}"
    )
    assert verdict is Verdict.SUPPORTED, findings


def test_founding_of_a_group_the_kb_has_no_members_of_is_not_enough_info():
    verdict, _ = _one(
        f"- {{id: c, kind: count, of: members, group: japan, count: 4, founding: true, {Q}}}"
    )
    assert verdict is Verdict.NOT_ENOUGH_INFO
    verdicts, _ = judge_claims_in(
        f"- {{id: c, kind: count, of: members, group: japan, count: 4, founding: true, {Q}}}"
    )
    assert verdicts["c"].explanation == "the knowledge base records no founding of japan"


def test_co_hosts_are_checked_as_participants():
    ok, _ = _one(f"- {{id: c, kind: event, event: m2024, what: talks, hosts: [india, japan], {Q}}}")
    assert ok is Verdict.SUPPORTED
    unknown, _ = _one(
        f"- {{id: c, kind: event, event: m2024, what: talks, hosts: [india, brazil], {Q}}}"
    )
    assert unknown is Verdict.NOT_ENOUGH_INFO


def _pointers(claims: str, as_of: str | None = None, kb: str = KB) -> list[tuple[str, str, str]]:
    """(rule, claim, pointer) of each finding, for claims after a first one that passes."""
    first = f"- {{id: ok, kind: membership, group: brics, members: [india], complete: false, {Q}}}"
    with tempfile.TemporaryDirectory() as folder:
        project = _project(folder)
        (project / "k.kb.yaml").write_text(kb, encoding="utf-8")
        write_claims(project, f"claims:\n  {first}\n  {claims}\n")
        when = PartialDate.parse(as_of) if as_of else None
        result = verify(Options(paths=(str(project),), as_of=when, select=("CC2",)))
        return [(f.rule_id, f.claim_id or "", f.pointer) for f in result.findings]


def test_a_founding_claim_is_reported_at_its_own_field():
    claim = f"- {{id: c, kind: count, of: members, group: brics, count: 5, founding: true, {Q}}}"
    assert ("CC202", "c", "/claims/1/count") in _pointers(claim)


def test_a_claim_judged_again_at_as_of_is_reported_at_its_own_place():
    """True when published and still true at --as-of: the verdict of the later date, and its
    findings (here: resting on an unsourced fact) point at the claim."""
    kb = KB.replace(
        "member: china, start: 2009-06-16,", "member: china, start: 2009-06-16, unsourced: true,"
    )
    claim = f"- {{id: c, kind: membership, group: brics, members: [china], complete: false, {Q}}}"
    assert _pointers(claim, "2025-10-21", kb) == [("CC212", "c", "/claims/1")]
