"""The seed article against the shipped knowledge base: verdicts, sources, --as-of, `kb`."""

import json

import jsonschema
import pytest

from tests.conftest import ROOT, SCHEMA_DIR, SEED

SUPPORTED = {
    # claim id -> the fact that must be among its evidence
    "2plus2-2024-new-delhi-tuesday": "2plus2-third",  # New Delhi, on Tuesday
    "2plus2-2024-ministers": "2plus2-third",  # the four ministers
    "2plus2-2024-third": "2plus2-third",  # the third two-plus-two
    "2plus2-initiated-2019": "2plus2-first",
    "kamikawa-foreign-minister": "kamikawa-foreign-minister",
    "kihara-defense-minister": "kihara-defense-minister",
    "jaishankar-external-affairs-minister": "jaishankar-external-affairs-minister",
    "rajnath-defence-minister": "rajnath-defence-minister",
    "kishida-prime-minister": "kishida-prime-minister",
    "defence-transfer-agreement-2015": "defence-transfer-signed",
    "senkaku-in-east-china-sea": "senkaku-in-east-china-sea",
    "senkaku-administered-by-japan": "senkaku-administered-by-japan",
    "quad-members": "quad-australia",
    "quad-four-nations": "quad-united-states",
    "india-in-brics": "brics-india",
    "russia-invaded-ukraine-feb-2022": "invasion-of-ukraine-2022",
    "russia-invaded-ukraine": "russia-invaded-ukraine-2014",  # invaded, and since 2014
    "unicorn-export-considered": "unicorn-export-reported",
    "unicorn-first-export": "unicorn-memorandum-signed",
    "japan-party-to-defence-transfer": "japan-party-to-defence-transfer",
    "india-party-to-defence-transfer": "india-party-to-defence-transfer",
    "quad-joint-exercises": "malabar-2020-exercise",
}
# Claims no fact bears on: the research notes have no source for them.
UNDECIDED = {"india-china-border-dispute", "india-borders-china", "coast-guard-incursions"}
# The titles of the ministers and the prime minister at the meeting of 20 August 2024.
AT_THE_MEETING = {
    "kishida-prime-minister",
    "kamikawa-foreign-minister",
    "kihara-defense-minister",
    "jaishankar-external-affairs-minister",
    "rajnath-defence-minister",
}


@pytest.fixture(scope="module")
def report():
    import functools
    import subprocess
    import sys

    @functools.cache
    def run(*args):
        out = subprocess.run(
            [sys.executable, "-m", "claimcheck", "verify", "claims/", "--format", "json", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        return out.returncode, json.loads(out.stdout)

    return run


def _by_claim(data):
    return {v["claim"]: v for v in data["verdicts"]}


def test_every_claim_has_a_verdict_valid_against_the_report_schema(report):
    code, data = report()
    assert code == 1
    schema = json.loads((SCHEMA_DIR / "report-v2.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert len(data["verdicts"]) == data["summary"]["claims"] == 29
    # Report version 2 counts the six verdicts; the seed's are those of the README.
    assert data["version"] == 2
    assert data["summary"]["verdicts"] == {
        "supported": 23,
        "refuted": 1,
        "stale": 0,
        "incomplete": 1,  # Senkaku "claimed by Beijing": Taiwan claims the islands too
        "conflicting": 0,
        "not_enough_info": 4,  # 3 with no fact, and "uninhabited" with no start
    }
    # The BRICS list is refuted by the KB and by the article itself (CC101): both decide.
    brics = _by_claim(data)["brics-members"]
    assert brics["verdict"] == "refuted"
    article = [e for e in brics["evidence"] if e["rule"] is not None]
    assert [(e["fact"], e["rule"], e["claims"]) for e in article] == [
        (None, "CC101", ["india-in-brics"])
    ]
    assert {v["claim"] for v in data["verdicts"]} == {*SUPPORTED, *UNDECIDED, "brics-members"} | {
        "senkaku-called-diaoyu-by-china",
        "senkaku-claimed-by-china",
        "senkaku-uninhabited",
    }
    assert sorted(data["knowledge_base"]["files"]) == [
        "claims/kb/groups.kb.yaml",
        "claims/kb/japan-india.kb.yaml",
        "claims/kb/world.kb.yaml",
    ]


@pytest.mark.parametrize(("claim", "fact"), sorted(SUPPORTED.items()))
def test_seed_claim_is_supported_with_its_source(report, claim, fact):
    verdict = _by_claim(report()[1])[claim]
    assert verdict["verdict"] == "supported", verdict["explanation"]
    evidence = {e["fact"]: e for e in verdict["evidence"]}
    assert fact in evidence
    assert evidence[fact]["sources"], f"{fact} has no source"
    assert not verdict["stale"]


def test_diaoyu_is_supported_by_the_alias_china_uses(report):
    verdict = _by_claim(report()[1])["senkaku-called-diaoyu-by-china"]
    assert verdict["verdict"] == "supported"
    [alias] = verdict["evidence"]
    assert alias["fact"] == "senkaku-islands:alias:Diaoyu"
    assert alias["statement"] == "Senkaku Islands is called 'Diaoyu' by China"
    # Report version 2: a source in full, with every field the KB file gave.
    assert alias["sources"] == [
        {"url": "https://www.wikiwand.com/en/Senkaku_Islands", "title": "Senkaku Islands"}
    ]


def test_brics_list_is_refuted_naming_the_missing_and_the_disputed(report):
    _, data = report()
    verdict = _by_claim(data)["brics-members"]
    assert verdict["verdict"] == "refuted"
    assert (
        "leaves out India, Egypt, Ethiopia, Iran and United Arab Emirates"
        in (verdict["explanation"])
    )
    evidence = {e["fact"]: e for e in verdict["evidence"]}
    for member in ("india", "egypt", "ethiopia", "iran", "united-arab-emirates"):
        assert evidence[f"brics-{member}"]["status"] == "accepted"
    assert evidence["brics-saudi-arabia"]["status"] == "disputed"
    rules = {(f["rule"], f["severity"]) for f in data["findings"] if f["claim"] == "brics-members"}
    assert ("CC201", "error") in rules and ("CC209", "warning") in rules
    [cc201] = [f for f in data["findings"] if f["rule"] == "CC201"]
    lines = SEED.read_text(encoding="utf-8").splitlines()
    brics = next(n for n, line in enumerate(lines, 1) if "[brazil, russia, china, south" in line)
    assert (cc201["line"], cc201["column"]) == (brics, 14)
    assert "Saudi Arabia" not in cc201["message"]  # disputed: a warning, never a refutation


@pytest.mark.parametrize("claim", sorted(UNDECIDED))
def test_unsourced_claim_has_not_enough_info(report, claim):
    verdict = _by_claim(report()[1])[claim]
    assert verdict["verdict"] == "not_enough_info" and verdict["evidence"] == []


def test_claimed_by_beijing_is_incomplete_naming_taiwan(report):
    """True, but the KB records Taiwan's claim too: never a plain "supported"."""
    verdict = _by_claim(report()[1])["senkaku-claimed-by-china"]
    assert verdict["verdict"] == "incomplete"
    assert verdict["explanation"].startswith(
        "Taiwan also claims Senkaku Islands (fact senkaku-claimed-by-taiwan, source "
    )


def test_uninhabited_is_not_enough_info_since_no_source_dates_it(report):
    """The islands are "uninhabited" in the source's present tense, from no date it gives:
    the fact has no start, and an unknown start never supports."""
    verdict = _by_claim(report()[1])["senkaku-uninhabited"]
    assert verdict["verdict"] == "not_enough_info"
    assert verdict["explanation"] == (
        "that Senkaku Islands is uninhabited on 20 August 2024: "
        "the knowledge base does not say when it began"
    )
    assert [e["fact"] for e in verdict["evidence"]] == ["senkaku-uninhabited"]


def test_past_the_verified_date_nothing_about_today_is_supported_or_stale(report):
    """--as-of 2026-11-30 is past the KB's verified date (21 October 2025): claims about
    "now" are not enough info, saying so; the ministers' titles, dated at the meeting, stay
    supported; the permanent geography stays supported."""
    _, data = report("--as-of", "2026-11-30")
    verdicts = _by_claim(data)
    assert not [v for v in data["verdicts"] if v["stale"]]
    for claim in AT_THE_MEETING:
        assert verdicts[claim]["verdict"] == "supported", verdicts[claim]["explanation"]
    for claim in ("india-in-brics", "quad-four-nations", "senkaku-administered-by-japan"):
        assert verdicts[claim]["verdict"] == "not_enough_info"
        assert (
            "the knowledge base was last verified on 21 October 2025"
            in (verdicts[claim]["explanation"])
        )
    assert verdicts["senkaku-in-east-china-sea"]["verdict"] == "supported"
    assert verdicts["brics-members"]["verdict"] == "refuted"
    assert {k: n for k, n in data["summary"]["verdicts"].items() if n} == {
        "supported": 17,
        "refuted": 1,
        "not_enough_info": 11,
    }


def test_as_of_judges_the_titles_at_the_meeting_and_nothing_is_stale(report):
    # The titles are dated at the meeting (`at: 2024-08-20`): Kishida, Kamikawa and Kihara
    # left office on 1 October 2024, but the article describes August 2024, so a later
    # --as-of does not make them stale.
    code, data = report("--as-of", "2025-01-01")
    assert code == 1
    assert {v["claim"] for v in data["verdicts"] if v["stale"]} == set()
    for claim in AT_THE_MEETING:
        verdict = _by_claim(data)[claim]
        assert verdict["verdict"] == "supported", verdict["explanation"]
        assert "on 20 August 2024" in verdict["explanation"]
    # A claim about "now" is judged again at --as-of.
    assert "on 1 January 2025" in _by_claim(data)["india-in-brics"]["explanation"]
    assert not [f for f in data["findings"] if f["rule"] in ("CC207", "CC210")]
    # Wrong when published is not stale: the BRICS list stays refuted, not stale.
    assert _by_claim(data)["brics-members"]["stale"] is False
    assert data["knowledge_base"]["as_of"] == "2025-01-01"


def test_the_kb_records_the_quad_gap_and_when_the_senkaku_claims_began(run_cli):
    def members(on):
        out = run_cli("kb", "members", "quad", "--on", on, "--format", "json")
        return sorted(r["entity"] for r in json.loads(out.stdout)["results"])

    four = ["australia", "india", "japan", "united-states"]
    assert members("2007-12-01") == four
    assert members("2012") == []  # Australia withdrew in February 2008; revived in 2017
    assert members("2018") == four
    entity = run_cli("kb", "entity", "senkaku-islands", "--format", "json").stdout
    facts = {r["fact"]: r for r in json.loads(entity)["results"]}
    assert "from 1971" in facts["senkaku-claimed-by-china"]["statement"]
    assert "from 1971" in facts["senkaku-claimed-by-taiwan"]["statement"]
    assert (
        "from January 1895 until 1945" in facts["senkaku-administered-by-japan-1895"]["statement"]
    )
    assert "memory only" in facts["senkaku-administered-by-japan"]["note"]


def test_text_report_summarises_verdicts_and_lists_them_with_v(run_cli):
    plain = run_cli("verify", "claims/").stdout.splitlines()
    assert plain[-2] == "verdicts: 23 supported, 1 refuted, 1 incomplete, 4 not enough info"
    verbose = run_cli("verify", "claims/", "-v").stdout
    assert "[brics-members] refuted: the list leaves out India" in verbose
    assert "    brics-saudi-arabia (disputed): Saudi Arabia is a member of BRICS" in verbose
    assert "      https://www.mofa.go.jp/s_sa/sw/in/pageite_000001_00002.html" in verbose
    # Said as the summary says it, in the editor's words, not the JSON report's token.
    assert "[coast-guard-incursions] not enough info: the knowledge base does not" in verbose
    assert "not_enough_info" not in verbose


def test_kb_members_holder_entity(run_cli):
    members = run_cli("kb", "members", "brics", "--on", "2024-08-20", "--format", "json")
    data = json.loads(members.stdout)
    names = {r["entity"]: r for r in data["results"]}
    assert len(names) == 10 and "indonesia" not in names
    assert names["saudi-arabia"]["status"] == "disputed"
    assert all(r["sources"] for r in data["results"])
    holder = run_cli("kb", "holder", "jp-prime-minister", "--on", "2025-01-01").stdout
    assert holder.splitlines()[1].startswith("- Shigeru Ishiba holds the office")
    assert "source: Japan's Shigeru Ishiba confirmed as PM, DW (2024-10-01)" in holder
    entity = run_cli("kb", "entity", "Diaoyu").stdout  # an alias resolves to its entity
    assert entity.startswith("Senkaku Islands (senkaku-islands): place")
    assert "also called Diaoyu (used by china)" in entity
    events = json.loads(
        run_cli(
            "kb", "events", "japan-india-2plus2", "--until", "2024-08", "--format", "json"
        ).stdout
    )
    assert [r["fact"] for r in events["results"]] == [
        "2plus2-first",
        "2plus2-second",
        "2plus2-third",
    ]
    missing = run_cli("kb", "entity", "atlantis")
    assert missing.returncode == 2 and "no entity 'atlantis'" in missing.stderr
