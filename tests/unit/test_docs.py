"""The committed rule reference is what the registry generates."""

from claimcheck.docs import PAGE, entries, explain, find, render_rules
from claimcheck.rules import RULES
from tests.conftest import ROOT


def test_committed_rules_page_is_current():
    committed = (ROOT / PAGE).read_text(encoding="utf-8")
    assert committed == render_rules(), "stale: run `python -m claimcheck.docs`"


def test_every_rule_has_a_section_and_a_table_row():
    page = render_rules()
    for rule in RULES:
        assert f"\n## {rule.id} {rule.name}\n" in page
        assert f"| {rule.name} | {rule.severity} |" in page


def test_ids_are_unique_and_found_by_id_or_name():
    ids = [e.id for e in entries()]
    assert len(ids) == len(set(ids)) == len(RULES) + 3
    assert find("cc114") == find("quote-not-in-article") is not None
    assert find("CC999") is None


def test_explain_gives_the_configuration_with_defaults():
    entry = find("CC114")
    assert entry is not None
    text = explain(entry)
    assert '[tool.claimcheck.rules.CC114]\nseverity = "error"\nmax-search-words = 300' in text
