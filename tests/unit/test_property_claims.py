"""Claims about a property of an entity ("a group of uninhabited islets"), judged via `verify`.

Supported by an accepted fact that the entity has the property on the date; refuted only by
an accepted fact that it lacked it for certain then; conflicting when the deciding fact is
disputed; "not enough info" when the knowledge base says nothing, or nothing dated.
"""

from claimcheck.app import Options, verify
from tests.helpers import judge_claims, write_claims

S = "sources: [{url: 'https://example.org/s', title: S}]"

KB = f"""claimcheck-kb: 1
verified: 2025-10-21
entities:
  isles: {{name: Senkaku Islands, kind: place, aliases: [{{name: Diaoyu}}]}}
  crimea: {{name: Crimea, kind: place}}
  rock: {{name: Rock, kind: place}}
  atoll: {{name: Atoll, kind: place}}
  club: {{name: Club, kind: organisation}}
facts:
  - {{id: isles-empty, kind: property, subject: isles, property: uninhabited, start: "1940",
      {S}}}
  - {{id: crimea-lived, kind: property, subject: crimea, property: uninhabited, holds: false,
      permanent: true, {S}}}
  - {{id: rock-empty, kind: property, subject: rock, property: uninhabited, status: disputed,
      note: sources disagree, start: "1900", {S}}}
  - {{id: atoll-empty, kind: property, subject: atoll, property: uninhabited, {S}}}
  - {{id: club-gone, kind: property, subject: club, property: disbanded, start: "2020", {S}}}
"""


def _judged(project, claims: str, as_of: str | None = None):
    return judge_claims(project, KB, claims, as_of, select=())


def test_a_property_the_kb_records_is_supported(project):
    verdicts, findings = _judged(
        project, "- {id: p, kind: property, subject: isles, property: uninhabited, quote: q}"
    )
    assert verdicts["p"].verdict.value == "supported"
    assert verdicts["p"].explanation == "Senkaku Islands is uninhabited on 20 August 2024"
    assert [e.fact_id for e in verdicts["p"].evidence] == ["isles-empty"]
    assert ("p", "CC211") not in findings


def test_a_property_claim_resolves_its_subject_by_alias(project):
    verdicts, findings = _judged(
        project, "- {id: p, kind: property, subject: Diaoyu, property: uninhabited, quote: q}"
    )
    assert verdicts["p"].verdict.value == "supported"
    assert ("p", "CC115") not in findings


def test_a_property_a_source_says_the_entity_lacks_is_refuted_by_cc211(project):
    verdicts, findings = _judged(
        project, "- {id: p, kind: property, subject: crimea, property: uninhabited, quote: q}"
    )
    assert verdicts["p"].verdict.value == "refuted"
    assert findings[("p", "CC211")] == (
        "Crimea is uninhabited is not true on 20 August 2024: Crimea is not uninhabited "
        "(fact crimea-lived, source https://example.org/s)"
    )


def test_a_property_resting_on_a_disputed_fact_is_conflicting(project):
    verdicts, findings = _judged(
        project, "- {id: p, kind: property, subject: rock, property: uninhabited, quote: q}"
    )
    assert verdicts["p"].verdict.value == "conflicting"
    assert ("p", "CC209") in findings
    assert ("p", "CC211") not in findings


def test_a_property_the_kb_does_not_record_is_not_enough_info(project):
    verdicts, findings = _judged(
        project, "- {id: p, kind: property, subject: isles, property: landlocked, quote: q}"
    )
    assert verdicts["p"].verdict.value == "not_enough_info"
    assert verdicts["p"].explanation == (
        "the knowledge base does not record whether Senkaku Islands is landlocked"
    )
    assert not [k for k in findings if k[1].startswith("CC2")]


def test_a_property_fact_with_no_start_never_supports(project):
    verdicts, _ = _judged(
        project, "- {id: p, kind: property, subject: atoll, property: uninhabited, quote: q}"
    )
    assert verdicts["p"].verdict.value == "not_enough_info"
    assert "does not say when it began" in verdicts["p"].explanation


def test_a_property_recorded_only_later_is_not_refuted(project):
    verdicts, findings = _judged(
        project,
        "- {id: p, kind: property, subject: club, property: disbanded, at: '2010', quote: q}",
    )
    assert verdicts["p"].verdict.value == "not_enough_info"
    assert ("p", "CC211") not in findings


def test_a_property_past_the_kb_verified_date_is_not_enough_info(project):
    verdicts, _ = _judged(
        project,
        "- {id: p, kind: property, subject: isles, property: uninhabited, quote: q}",
        as_of="2030-01-01",
    )
    assert verdicts["p"].verdict.value == "not_enough_info"
    assert "last verified on 21 October 2025" in verdicts["p"].explanation


def test_a_misspelt_property_is_refused_at_its_field(project):
    (project / "k.kb.yaml").write_text(KB, encoding="utf-8")
    claim = "{id: p, kind: property, subject: isles, property: uninhabitted, quote: q}"
    write_claims(project, f"claims:\n  - {claim}\n")
    result = verify(Options(paths=(str(project),)))
    refused = [f for f in result.findings if f.rule_id.startswith("CC00")]
    assert refused, result.findings
    assert "uninhabitted" in refused[0].message or "property" in refused[0].message


def test_a_property_fact_naming_an_unknown_entity_is_a_kb_error(project):
    (project / "k.kb.yaml").write_text(
        KB + f"  - {{id: ghost, kind: property, subject: ghost, property: island, {S}}}\n",
        encoding="utf-8",
    )
    write_claims(project, "claims: []\n")
    result = verify(Options(paths=(str(project),)))
    assert any("ghost" in f.message for f in result.findings), result.findings


def test_an_undefined_or_lookalike_property_subject_is_reported(project):
    _, findings = _judged(
        project,
        """
        - {id: ghost, kind: property, subject: nowhere, property: island, quote: q}
        - {id: fake, kind: property, subject: "cr\u0456mea", property: island, quote: q}
        """,
    )
    assert ("ghost", "CC115") in findings
    assert ("fake", "CC116") in findings


def test_kb_entity_lists_a_property_fact(project, run_cli):
    (project / "k.kb.yaml").write_text(KB, encoding="utf-8")
    out = run_cli("kb", "entity", "isles", "--kb", "k.kb.yaml", cwd=project)
    assert "Senkaku Islands is uninhabited from 1940" in out.stdout, out.stdout
