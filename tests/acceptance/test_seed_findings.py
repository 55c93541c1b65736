"""The seed article gives exactly the BRICS errors, plus one suppressed finding.

Inside the article, the BRICS list omits India (CC101); against the knowledge base it also
leaves out the four members that joined on 1 January 2024 (CC201), and Saudi Arabia's
membership is disputed (CC209, a warning). Everything else in it is right (the third
two-plus-two, "on Tuesday", the Quad's four nations, every quote), so any other finding
here is a false positive.
"""

from __future__ import annotations

from claimcheck.app import Options, verify
from tests.conftest import ROOT, SEED


def _line_of(needle: str) -> int:
    for n, line in enumerate(SEED.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


def test_seed_findings_are_exactly_these():
    result = verify(Options(paths=(str(SEED),), root=str(ROOT)))
    got = [
        (f.rule_id, f.location.line, f.location.column, f.claim_id, f.suppressed)
        for f in result.findings
    ]
    assert got == [
        (
            "CC111",
            _line_of("- id: india-china-border-dispute"),
            9,
            "india-china-border-dispute",
            "The research notes give no source for it; kept so that the claim is tracked.",
        ),
        *(
            (
                rule,
                _line_of("members: [brazil, russia, china, south-africa]"),
                14,
                "brics-members",
                None,
            )
            for rule in ("CC101", "CC201", "CC209")
        ),
    ]
    assert result.exit_code == 1


def test_suppression_reason_shows_in_text_and_json(run_cli):
    text = run_cli("verify", "claims/").stdout
    assert (
        "warning CC111 this claim has no source: add where the fact was found (a URL and the "
        "date it was read), or suppress CC111 with the reason it needs none "
        "[india-china-border-dispute] (suppressed: The research notes give no source for it; "
        "kept so that the claim is tracked.)"
    ) in text
    assert text.endswith("1 file, 20 claims: 2 errors, 1 warning, 0 info, 1 suppressed\n")
    import json

    report = json.loads(run_cli("verify", "claims/", "--format", "json").stdout)
    suppressed = [f for f in report["findings"] if f["suppressed"]]
    assert [(f["rule"], f["claim"]) for f in suppressed] == [
        ("CC111", "india-china-border-dispute")
    ]
    assert suppressed[0]["suppressed"].startswith("The research notes give no source")
    assert report["summary"]["suppressed"] == 1


def test_removing_the_suppression_turns_the_finding_back_on(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines(keepends=True) if "rule: CC111" not in line]
    edited = "".join(lines).replace("    suppress:\n", "")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "japan-india-2plus2.txt").write_text(
        (SEED.parent / "articles" / "japan-india-2plus2.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    path = tmp_path / "seed.claims.yaml"
    path.write_text(edited, encoding="utf-8")
    result = verify(Options(paths=(str(path),), root=str(tmp_path)))
    active = sorted(f.rule_id for f in result.findings if f.suppressed is None)
    assert active == ["CC101", "CC111"]
