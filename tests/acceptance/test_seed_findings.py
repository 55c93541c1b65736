"""The seed article gives exactly the BRICS errors, plus suppressed findings with reasons.

Inside the article, the BRICS list omits India (CC101); against the knowledge base it also
leaves out the four members that joined on 1 January 2024 (CC201), and Saudi Arabia's
membership is disputed (CC209, a warning). Everything else in it is right (the third
two-plus-two, "on Tuesday", the Quad's four nations, every quote), so any other active
finding here is a false positive. Three claims have no source in the research notes (CC111)
and eleven sources are known by publisher and date only (CC112): each is suppressed with
its reason, which every report shows.
"""

from __future__ import annotations

from claimcheck.app import Options, verify
from tests.conftest import ROOT, SEED

NO_SOURCE = "The research notes give no source for it; kept so that the claim is tracked."
SUPPRESSED = [
    ("CC111", "coast-guard-incursions"),
    ("CC111", "india-china-border-dispute"),
    ("CC111", "india-borders-china"),
    ("CC112", "unicorn-export-considered"),
    ("CC112", "unicorn-export-considered"),
    ("CC112", "unicorn-first-export"),
    ("CC112", "japan-party-to-defence-transfer"),
    ("CC112", "india-party-to-defence-transfer"),
    ("CC112", "defence-transfer-agreement-2015"),
    ("CC112", "quad-members"),
    ("CC112", "quad-four-nations"),
    ("CC112", "quad-joint-exercises"),
    ("CC112", "russia-invaded-ukraine-feb-2022"),
    ("CC112", "russia-invaded-ukraine"),
]


def _line_of(needle: str) -> int:
    for n, line in enumerate(SEED.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


def test_seed_findings_are_exactly_these():
    result = verify(Options(paths=(str(SEED),), root=str(ROOT)))
    active = [
        (f.rule_id, f.location.line, f.location.column, f.claim_id)
        for f in result.findings
        if f.suppressed is None
    ]
    brics = _line_of("members: [brazil, russia, china, south-africa]")
    assert active == [(rule, brics, 14, "brics-members") for rule in ("CC101", "CC201", "CC209")]
    suppressed = [(f.rule_id, f.claim_id) for f in result.findings if f.suppressed is not None]
    assert suppressed == SUPPRESSED
    assert all(len(f.suppressed or "") >= 10 for f in result.findings if f.suppressed)
    [dispute] = [f for f in result.findings if f.claim_id == "india-china-border-dispute"]
    assert (dispute.location.line, dispute.suppressed) == (
        _line_of("- id: india-china-border-dispute"),
        NO_SOURCE,
    )
    assert result.exit_code == 1


def test_suppression_reason_shows_in_text_and_json(run_cli):
    text = run_cli("verify", "claims/").stdout
    assert (
        "warning CC111 this claim has no source: add where the fact was found (a URL and the "
        "date it was read), or suppress CC111 with the reason it needs none "
        f"[india-china-border-dispute] (suppressed: {NO_SOURCE})"
    ) in text
    assert text.endswith("1 file, 29 claims: 2 errors, 1 warning, 0 info, 14 suppressed\n")
    import json

    report = json.loads(run_cli("verify", "claims/", "--format", "json").stdout)
    suppressed = [f for f in report["findings"] if f["suppressed"]]
    assert [(f["rule"], f["claim"]) for f in suppressed] == SUPPRESSED
    assert suppressed[1]["suppressed"] == NO_SOURCE
    assert report["summary"]["suppressed"] == 14


def test_removing_the_suppression_turns_the_finding_back_on(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    block = f"    suppress:\n      - {{rule: CC111, reason: {NO_SOURCE}}}\n"
    assert text.count(block) == 1
    edited = text.replace(block, "")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "japan-india-2plus2.txt").write_text(
        (SEED.parent / "articles" / "japan-india-2plus2.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    path = tmp_path / "seed.claims.yaml"
    path.write_text(edited, encoding="utf-8")
    result = verify(Options(paths=(str(path),), root=str(tmp_path)))
    active = sorted((f.rule_id, f.claim_id) for f in result.findings if f.suppressed is None)
    assert active == [("CC101", "brics-members"), ("CC111", "india-china-border-dispute")]
