"""Every rule's fixtures: files that must trigger it at given places, and files that must not.

A fixture lives in `tests/fixtures/rules/<RULE>/trigger/` or `.../pass/`. Comment lines in
it say what to expect and how to run:

    # expect: CC105 12:9                         a finding of this rule at line 12, column 9
    # select: CC003 CC111                        the rules to run (default: the folder's rule)
    # config: rules.CC112.require-accessed = false    a [tool.claimcheck] setting, as TOML
    # as-of: 2025-01-01                          judge the claims at this date (--as-of)

A `*.kb.yaml` file beside a fixture is its knowledge base (found as `verify` finds it).

The findings of the selected rules must be exactly the expected ones: a pass file expects
none, so any finding there is a false positive.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from claimcheck.app import Options, verify
from claimcheck.config import parse_table
from claimcheck.core.dates import PartialDate
from claimcheck.core.diagnostics import UNUSED_SUPPRESSION
from claimcheck.rules import RULES
from tests.conftest import FIXTURES, ROOT

RULE_FIXTURES = FIXTURES / "rules"
CHECKED = [r.id for r in RULES] + [UNUSED_SUPPRESSION.id]
FILES = sorted(RULE_FIXTURES.glob("*/*/*.claims.yaml"))
_EXPECT = re.compile(r"^# expect: (CC\d{3}) (\d+):(\d+)\s*$", re.MULTILINE)


def _header(text: str, name: str) -> list[str]:
    return re.findall(rf"^# {name}: (.*?)\s*$", text, re.MULTILINE)


def _run(path: Path) -> tuple[Counter[tuple[str, int, int]], Counter[tuple[str, int, int]]]:
    text = path.read_text(encoding="utf-8")
    rule = path.parent.parent.name
    select = tuple(" ".join(_header(text, "select")).split()) or (rule,)
    settings: dict[str, object] = {}
    for line in _header(text, "config"):
        settings.update(parse_table(tomllib.loads(line)))
    as_of = [PartialDate.parse(d) for d in _header(text, "as-of")]
    options = Options(
        paths=(str(path),), select=select, root=str(ROOT), as_of=as_of[0] if as_of else None
    )
    result = verify(Options(**{**options.__dict__, **settings}))
    assert not any(f.fatal for f in result.findings), [f.message for f in result.findings]
    active = [f for f in result.findings if f.suppressed is None]
    got = Counter((f.rule_id, f.location.line, f.location.column) for f in active)
    want = Counter((r, int(line), int(col)) for r, line, col in _EXPECT.findall(text))
    return got, want


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(RULE_FIXTURES)))
def test_fixture(path: Path) -> None:
    got, want = _run(path)
    kind = path.parent.name
    assert kind in ("trigger", "pass"), path
    if kind == "trigger":
        assert any(r == path.parent.parent.name for r, _, _ in want), "expects no finding"
    else:
        assert not want, "a pass fixture expects no finding"
    assert got == want


@pytest.mark.parametrize("rule_id", CHECKED)
def test_every_rule_has_fixtures_both_ways(rule_id: str) -> None:
    for kind in ("trigger", "pass"):
        found = list((RULE_FIXTURES / rule_id / kind).glob("*.claims.yaml"))
        assert found, f"{rule_id} has no {kind} fixture in {RULE_FIXTURES / rule_id / kind}"


def test_no_fixture_folder_without_a_rule() -> None:
    folders = {p.name for p in RULE_FIXTURES.iterdir() if p.is_dir()}
    assert folders == set(CHECKED)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_is_documented(rule) -> None:
    doc = rule.doc()
    summary, _, body = doc.partition("\n\n")
    assert summary.endswith(".") and "\n" not in summary, "a one-line summary first"
    assert "Triggers:" in body and "Passes:" in body
    assert re.fullmatch(r"CC[12]\d\d", rule.id) and re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)


def test_the_registry_holds_each_rule_of_the_rules_package_once_in_id_order() -> None:
    ids = [r.id for r in RULES]
    assert ids == sorted(set(ids))
    assert {r.__module__.rsplit(".", 1)[0] for r in RULES} == {"claimcheck.rules"}
    assert len(RULES) == len({r.__name__ for r in RULES})
