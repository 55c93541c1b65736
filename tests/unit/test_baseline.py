"""Matching findings against a baseline: by rule, file and claim; messages break ties."""

from claimcheck.baseline import apply_baseline, write_baseline
from claimcheck.core.findings import Finding, Location, Severity


def _f(message, claim="c", line=3, pointer="/claims/0/members", rule="CC101"):
    return Finding(
        rule, Severity.ERROR, message, Location("a.claims.yaml", line, 5), pointer, claim
    )


def _active(findings):
    return [f.message for f in findings if f.suppressed is None]


def test_two_findings_on_one_claim_the_new_one_stays_new(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_baseline([_f("omits India")], "b.json")
    found = apply_baseline([_f("omits Brazil", line=9), _f("omits India", line=40)], "b.json")
    assert _active(found) == ["omits Brazil"]
    assert all(f.baselined for f in found if f.suppressed is not None)


def test_a_reworded_message_still_matches_by_claim(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_baseline([_f("old wording")], "b.json")
    assert _active(apply_baseline([_f("new wording")], "b.json")) == []


def test_without_a_claim_id_the_pointer_decides(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_baseline([_f("bad date", claim=None, pointer="/article/published")], "b.json")
    same = _f("bad date", claim=None, pointer="/article/published", line=30)
    other = _f("bad date", claim=None, pointer="/article/title")
    assert _active(apply_baseline([same, other], "b.json")) == ["bad date"]
    assert apply_baseline([same, other], "b.json")[1].suppressed is None


def test_other_rules_and_files_do_not_match(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_baseline([_f("x")], "b.json")
    elsewhere = Finding("CC101", Severity.ERROR, "x", Location("b.claims.yaml", 3, 5), "", "c")
    assert _active(apply_baseline([_f("x", rule="CC102"), elsewhere], "b.json")) == ["x", "x"]
