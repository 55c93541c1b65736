"""The knowledge base as an open world (issue 14): it refutes only from what it knows.

Each test is one of the issue's cases, judged through `verify` on a small KB: a count above
the members the KB lists is open, a gap in a membership refutes, an unknown start never
supports, a handover or departure day is never refuted by the convention alone, and the
messages name the fact that decided (who joined or left, when, and the source).
"""

import shutil
import textwrap

from claimcheck.app import Options, verify
from claimcheck.core.dates import PartialDate
from tests.conftest import CLAIMS
from tests.helpers import judge_claims, write_claims

S = "sources: [{url: 'https://example.org/s', title: S}]"

KB = f"""claimcheck-kb: 1
verified: 2025-10-21
entities:
  g20: {{name: G20, kind: organisation}}
  quad: {{name: Quad, kind: organisation}}
  eu: {{name: European Union, kind: organisation}}
  club: {{name: Club, kind: organisation}}
  uk: {{name: United Kingdom, kind: country}}
  france: {{name: France, kind: country}}
  japan: {{name: Japan, kind: country}}
  india: {{name: India, kind: country}}
  australia: {{name: Australia, kind: country}}
  china: {{name: China, kind: country}}
  taiwan: {{name: Taiwan, kind: country}}
  isles: {{name: Senkaku Islands, kind: place}}
  pm: {{name: Prime Minister, kind: office}}
  p1: {{name: Old PM, kind: person}}
  p2: {{name: New PM, kind: person}}
  talks: {{name: two-plus-two, kind: series}}
  m1: {{name: first meeting, kind: event}}
  m2: {{name: second meeting, kind: event}}
  m3: {{name: third meeting, kind: event}}
facts:
  - {{id: g20-japan, kind: membership, group: g20, member: japan, start: "1999", {S}}}
  - {{id: g20-india, kind: membership, group: g20, member: india, start: "1999", {S}}}
  - {{id: quad-au-1, kind: membership, group: quad, member: australia, start: "2007",
      end: "2008", {S}}}
  - {{id: quad-au-2, kind: membership, group: quad, member: australia, start: "2017", {S}}}
  - {{id: quad-jp, kind: membership, group: quad, member: japan, start: "2007", {S}}}
  - {{id: uk-eu, kind: membership, group: eu, member: uk, start: 1973-01-01,
      end: 2020-01-31, {S}}}
  - {{id: fr-eu, kind: membership, group: eu, member: france, start: 1958-01-01, {S}}}
  - {{id: club-jp, kind: membership, group: club, member: japan, start: 2024-06, {S}}}
  - {{id: pm-1, kind: tenure, office: pm, holder: p1, start: 2021-10-04, end: 2024-10-01, {S}}}
  - {{id: pm-2, kind: tenure, office: pm, holder: p2, start: 2024-10-01, {S}}}
  - {{id: cn-claims, kind: relation, subject: china, predicate: claims, object: isles, {S}}}
  - {{id: cn-claims-dated, kind: relation, subject: china, predicate: claims, object: isles,
      start: "1971", {S}}}
  - {{id: tw-claims, kind: relation, subject: taiwan, predicate: claims, object: isles,
      start: "1971", {S}}}
  - {{id: talks-all, kind: complete, group: talks, of: events, start: "2019", {S}}}
  - {{id: meet-1, kind: event, event: m1, series: talks, date: 2019-11-30, {S}}}
  - {{id: meet-2, kind: event, event: m2, series: talks, date: 2022-09-08, {S}}}
  - {{id: meet-3, kind: event, event: m3, series: talks, date: 2024-08-20, {S}}}
  - {{id: meet-3-other, kind: event, event: m3, series: talks, date: 2024-08-21, {S}}}
"""


def _verdicts(project, claims: str, as_of: str | None = None):
    return judge_claims(project, KB, claims, as_of, select=("CC2",))


def test_a_count_above_the_members_the_kb_lists_is_not_enough_info(project):
    verdicts, findings = _verdicts(
        project, "- {id: c, kind: count, of: members, group: g20, count: 21, quote: q}"
    )
    assert verdicts["c"].verdict.value == "not_enough_info"
    assert verdicts["c"].explanation == (
        "the knowledge base lists 2 of G20's members and does not say its list is complete"
    )
    assert ("c", "CC202") not in findings


def test_a_count_below_the_sure_members_is_refuted_naming_them(project):
    verdicts, findings = _verdicts(
        project, "- {id: c, kind: count, of: members, group: g20, count: 1, quote: q}"
    )
    assert verdicts["c"].verdict.value == "refuted"
    assert findings[("c", "CC202")] == (
        "says 1 members of G20; the knowledge base records at least 2 on 20 August 2024: "
        "India and Japan"
    )


def test_a_gap_in_a_membership_refutes_naming_the_departure_and_return(project):
    verdicts, findings = _verdicts(
        project,
        """
        - {id: au, kind: membership, group: quad, members: [australia],
           complete: false, at: "2012", quote: q}
        - {id: now, kind: membership, group: quad, members: [australia],
           complete: false, quote: q}
        """,
    )
    assert verdicts["au"].verdict.value == "refuted"
    assert (
        "Australia left in 2008 (fact quad-au-1, source https://example.org/s)"
        in (findings[("au", "CC201")])
    )
    assert "and joined again in 2017 (fact quad-au-2" in findings[("au", "CC201")]
    assert verdicts["now"].verdict.value == "supported"


def test_an_unknown_start_never_supports(project):
    """China's claim with no start is open in 1950; the dated fact says it began in 1971."""
    verdicts, _ = _verdicts(
        project,
        "- {id: c1950, kind: relation, subject: china, predicate: claims, object: isles, "
        'at: "1950", quote: q}',
    )
    assert verdicts["c1950"].verdict.value != "supported"
    assert "does not say when it began" in verdicts["c1950"].explanation


def test_the_departure_day_is_never_refuted_by_the_convention(project):
    """The UK left the EU on 31 January 2020: a claim about that day is left open."""
    verdicts, findings = _verdicts(
        project,
        """
        - {id: day, kind: membership, group: eu, members: [uk],
           complete: false, at: 2020-01-31, quote: q}
        - {id: after, kind: membership, group: eu, members: [uk],
           complete: false, at: 2020-02-01, quote: q}
        - {id: pm, kind: office, office: pm, holder: p1, at: 2024-10-01, quote: q}
        """,
    )
    assert verdicts["day"].verdict.value == "not_enough_info"
    assert verdicts["pm"].verdict.value == "not_enough_info"
    assert ("day", "CC201") not in findings and ("pm", "CC207") not in findings
    assert verdicts["after"].verdict.value == "refuted"
    assert "United Kingdom left on 31 January 2020 (fact uk-eu" in findings[("after", "CC201")]


def test_a_refuted_holder_names_who_took_office_and_when(project):
    _, findings = _verdicts(
        project, "- {id: pm, kind: office, office: pm, holder: p1, at: 2025-01-01, quote: q}"
    )
    message = findings[("pm", "CC207")]
    assert "New PM took office on 1 October 2024 (fact pm-2, source https://example.org/s)" in (
        message
    )
    assert "Old PM left office on 1 October 2024 (fact pm-1" in message


def test_a_partial_start_is_sure_only_after_its_whole_month(project):
    verdicts, _ = _verdicts(
        project,
        """
        - {id: june, kind: membership, group: club, members: [japan],
           complete: false, at: 2024-06-15, quote: q}
        - {id: july, kind: membership, group: club, members: [japan],
           complete: false, at: 2024-07-01, quote: q}
        - {id: may, kind: membership, group: club, members: [japan],
           complete: false, at: 2024-05-31, quote: q}
        """,
    )
    assert verdicts["june"].verdict.value == "not_enough_info"
    assert verdicts["july"].verdict.value == "supported"
    assert verdicts["may"].verdict.value == "refuted"


def test_a_claim_naming_one_claimant_of_several_is_flagged_incomplete(project):
    verdicts, _ = _verdicts(
        project,
        "- {id: cn, kind: relation, subject: china, predicate: claims, object: isles, quote: q}",
    )
    assert verdicts["cn"].verdict.value == "incomplete"
    assert verdicts["cn"].explanation == (
        "Taiwan also claims Senkaku Islands (fact tw-claims, source https://example.org/s)"
    )


def test_a_claim_that_says_it_is_partial_is_not_incomplete(project):
    verdicts, _ = _verdicts(
        project,
        "- {id: cn, kind: relation, subject: china, predicate: claims, object: isles, "
        "partial: true, quote: q}",
    )
    assert verdicts["cn"].verdict.value == "supported", verdicts["cn"].explanation


def test_an_ordinal_is_refuted_by_earlier_meetings_the_kb_dates(project):
    """'The second' meeting on 2024-08-20, with two earlier meetings in the KB."""
    verdicts, findings = _verdicts(
        project,
        """
        - {id: own, kind: event, what: w, quote: q, event: own-id, series: talks,
           date: 2024-08-20, ordinal: 2}
        - {id: kb, kind: event, what: w, quote: q, event: m2, series: talks, ordinal: 1}
        - {id: right, kind: event, what: w, quote: q, event: m2, series: talks, ordinal: 2}
        - {id: high, kind: event, what: w, quote: q, event: m2, series: talks, ordinal: 4}
        """,
    )
    assert verdicts["own"].verdict.value == "refuted"
    message = findings[("own", "CC203")]
    assert "the knowledge base records 2 before it" in message
    assert "first meeting on 30 November 2019 (fact meet-1" in message
    assert "second meeting on 8 September 2022 (fact meet-2" in message
    assert verdicts["kb"].verdict.value == "refuted"
    assert verdicts["right"].verdict.value == "supported"
    # Too high is refuted only because the KB says it lists every meeting (talks-all).
    assert verdicts["high"].verdict.value == "refuted"
    assert "lists every meeting of two-plus-two (fact talks-all" in findings[("high", "CC203")]


def test_several_facts_for_one_event_are_kept_and_disagreeing_dates_leave_it_open(project):
    verdicts, _ = _verdicts(
        project,
        "- {id: d, kind: event, what: w, quote: q, event: m3, date: 2024-08-20}",
    )
    assert verdicts["d"].verdict.value == "conflicting"
    why = verdicts["d"].explanation
    assert why.startswith("the knowledge base's sources disagree on the date")
    assert "fact meet-3," in why and "fact meet-3-other," in why


def test_a_complete_list_of_a_large_disputed_group_gives_five_disputes_and_a_count(project):
    """Cost: the disputes a claim reports are bounded, whatever the size of the group."""
    members = "".join(f"  c{k}: {{name: C{k}, kind: country}}\n" for k in range(12))
    facts = "".join(
        f"  - {{id: d{k}, kind: membership, group: big, member: c{k}, start: '2000', "
        f"status: disputed, note: n, {S}}}\n"
        for k in range(12)
    )
    kb = KB.replace(
        "facts:\n", members + "  big: {name: Big, kind: organisation}\nfacts:\n" + facts
    )
    (project / "k.kb.yaml").write_text(kb, encoding="utf-8")
    write_claims(
        project,
        "claims:\n  - {id: l, kind: membership, group: big, members: [japan], complete: true, "
        "quote: q}\n",
    )
    result = verify(Options(paths=(str(project),), select=("CC2",)))
    disputes = [f for f in result.findings if f.rule_id == "CC209"]
    assert len(disputes) == 5, disputes
    (verdict,) = result.verdicts
    assert verdict.verdict.value == "conflicting"
    assert len(verdict.evidence) <= 5


def test_facts_that_date_one_event_alike_at_different_precision_agree(project):
    kb = KB.replace(
        "  - {id: meet-3-other,",
        f"  - {{id: meet-2-year, kind: event, event: m2, series: talks, date: '2022', {S}}}\n"
        "  - {id: meet-3-other,",
    )
    (project / "k.kb.yaml").write_text(kb, encoding="utf-8")
    write_claims(
        project,
        "claims:\n  - {id: d, kind: event, what: w, quote: q, event: m2, date: 2022-09-08}\n",
    )
    (verdict,) = verify(Options(paths=(str(project),), select=("CC2",))).verdicts
    assert verdict.verdict.value == "supported", verdict.explanation


# -- phase 2: what the KB says it knows (verified horizon, completeness, counts, permanent) --

PHASE2 = f"""
  - {{id: eu-all, kind: complete, group: eu, of: members, start: 2020-02-01, {S}}}
  - {{id: quad-count, kind: count, group: quad, of: members, count: 4, start: 2017-11, {S}}}
  - {{id: isles-in-sea, kind: relation, subject: isles, predicate: lies_in, object: sea,
      permanent: true, {S}}}
  - {{id: jp-admin, kind: relation, subject: japan, predicate: administers, object: isles,
      start: "1972", {S}}}
"""


def _phase2(project, claims: str, as_of: str | None = None):
    kb = KB.replace("  isles: {", "  sea: {name: East China Sea, kind: place}\n  isles: {")
    (project / "k.kb.yaml").write_text(kb + PHASE2, encoding="utf-8")
    body = "claims:\n" + textwrap.indent(textwrap.dedent(claims).strip("\n"), "  ") + "\n"
    write_claims(project, body)
    when = PartialDate.parse(as_of) if as_of else None
    result = verify(Options(paths=(str(project),), as_of=when, select=("CC2",)))
    assert not [f for f in result.findings if f.rule_id.startswith("CC00")], result.findings
    verdicts = {v.claim_id: v for v in result.verdicts}
    findings = {(f.claim_id, f.rule_id): f.message for f in result.findings}
    return verdicts, findings


def test_an_open_tenure_past_the_verified_date_is_not_enough_info(project):
    """'New PM holds office in 2030': the KB was verified on 21 October 2025."""
    verdicts, findings = _phase2(
        project,
        """
        - {id: later, kind: office, office: pm, holder: p2, at: "2030", quote: q}
        - {id: now, kind: office, office: pm, holder: p1, quote: q}
        """,
    )
    assert verdicts["later"].verdict.value == "not_enough_info"
    assert verdicts["later"].explanation == (
        "New PM's tenure on 2030: the knowledge base was last verified on 21 October 2025"
    )
    assert verdicts["now"].verdict.value == "supported"
    assert not findings


def test_a_count_inside_a_complete_window_is_refuted_naming_who_left(project):
    """'The EU's 28 member states' in 2021: the KB lists them all, and the UK had left."""
    verdicts, findings = _phase2(
        project,
        """
        - {id: eu28, kind: count, of: members, group: eu, count: 28, at: "2021", quote: q}
        - {id: eu1, kind: count, of: members, group: eu, count: 1, at: "2021", quote: q}
        - {id: extra, kind: membership, group: eu, members: [france, japan], complete: true,
           at: "2021", quote: q}
        """,
    )
    assert verdicts["eu28"].verdict.value == "refuted"
    message = findings[("eu28", "CC202")]
    assert "the knowledge base lists all 1 (fact eu-all, source https://example.org/s)" in message
    assert "United Kingdom left on 31 January 2020 (fact uk-eu, source" in message
    assert verdicts["eu1"].verdict.value == "supported"
    # Naming a member the KB does not record refutes only inside a complete window.
    assert verdicts["extra"].verdict.value == "refuted"
    assert (
        "Japan is not a member on 2021: the knowledge base lists all its members (fact eu-all"
        in (verdicts["extra"].explanation)
    )


def test_a_sourced_count_decides_a_count(project):
    verdicts, findings = _phase2(
        project,
        """
        - {id: four, kind: count, of: members, group: quad, count: 4, at: "2020", quote: q}
        - {id: five, kind: count, of: members, group: quad, count: 5, at: "2020", quote: q}
        """,
    )
    assert verdicts["four"].verdict.value == "supported"
    assert verdicts["five"].verdict.value == "refuted"
    assert "the knowledge base records 4 on 2020 (fact quad-count" in findings[("five", "CC202")]


def test_a_permanent_fact_holds_at_every_date_and_claims_with_their_own_time_keep_it(project):
    verdicts, _ = _phase2(
        project,
        """
        - {id: sea, kind: relation, subject: isles, predicate: lies_in, object: sea, quote: q}
        - {id: meeting, kind: office, office: pm, holder: p1, at: 2024-08-20, quote: q}
        - {id: today, kind: relation, subject: japan, predicate: administers, object: isles,
           quote: q}
        """,
        as_of="2030-01-01",
    )
    assert verdicts["sea"].verdict.value == "supported"
    # Dated at the meeting: judged then, whatever --as-of says.
    assert verdicts["meeting"].verdict.value == "supported"
    # About "now", past the horizon: not enough info, never stale.
    assert verdicts["today"].verdict.value == "not_enough_info"
    assert not verdicts["today"].stale
    assert "last verified on 21 October 2025" in verdicts["today"].explanation


def test_the_issue_cases_against_the_shipped_knowledge_base(project):
    """The issue's examples, on the KB in claims/kb (verified 21 October 2025)."""
    shutil.copytree(CLAIMS / "kb", project / "kb")
    write_claims(
        project,
        """claims:
  - {id: jaishankar-2030, kind: office, office: in-external-affairs-minister,
     holder: s-jaishankar, at: "2030", quote: q}
  - {id: australia-2012, kind: membership, group: quad, members: [australia],
     complete: false, at: "2012", quote: q}
  - {id: china-1950, kind: relation, subject: china, predicate: claims,
     object: senkaku-islands, at: "1950", quote: q}
""",
    )
    result = verify(Options(paths=(str(project),), select=("CC2",)))
    verdicts = {v.claim_id: v for v in result.verdicts}
    assert verdicts["jaishankar-2030"].verdict.value == "not_enough_info"
    assert "last verified on 21 October 2025" in verdicts["jaishankar-2030"].explanation
    assert verdicts["australia-2012"].verdict.value == "refuted"
    assert "Australia left in February 2008" in verdicts["australia-2012"].explanation
    assert verdicts["china-1950"].verdict.value != "supported"


def test_a_year_asks_about_some_day_for_one_member_but_every_day_for_a_count(project):
    """The UK in the EU in 2020 (until 31 January) is true; but a count for 2020 does not
    count the UK as sure. Australia left the Quad in "2008" by this KB, maybe on 1 January:
    whether it was a member on any day of 2008 is open."""
    verdicts, findings = _verdicts(
        project,
        """
        - {id: au2008, kind: membership, group: quad, members: [australia],
           complete: false, at: "2008", quote: q}
        - {id: uk2020, kind: membership, group: eu, members: [uk], complete: false,
           at: "2020", quote: q}
        - {id: pm2024, kind: office, office: pm, holder: p2, at: "2024", quote: q}
        - {id: eu1, kind: count, of: members, group: eu, count: 1, at: "2020", quote: q}
        """,
    )
    assert verdicts["au2008"].verdict.value == "not_enough_info"
    assert verdicts["uk2020"].verdict.value == "supported"
    assert verdicts["pm2024"].verdict.value == "supported"
    # France is sure all year, the UK only in January: 1 is inside the range, not refuted.
    assert verdicts["eu1"].verdict.value != "refuted"
    assert ("eu1", "CC202") not in findings
