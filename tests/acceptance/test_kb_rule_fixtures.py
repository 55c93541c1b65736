"""Each knowledge-base rule (CC2xx) has a folder that must trigger it and one that must not.

`tests/fixtures/rules/<ID>/{trigger,pass}/` holds a claim file, a KB file, the article, an
`expected` file listing `<ID> line:column` for every finding of that rule (empty for
`pass`), and optionally `args` (extra `verify` options such as `--as-of`).
"""

from pathlib import Path

import pytest

from claimcheck.api import Options, verify
from claimcheck.dates import PartialDate
from claimcheck.rules import RULES
from tests.conftest import FIXTURES

RULE_FIXTURES = FIXTURES / "rules"
KB_RULES = sorted(r.id for r in RULES if r.id.startswith("CC2"))


def _options(folder: Path) -> Options:
    args = (folder / "args").read_text().split() if (folder / "args").exists() else []
    as_of = PartialDate.parse(args[args.index("--as-of") + 1]) if "--as-of" in args else None
    return Options(paths=(str(folder),), as_of=as_of)


@pytest.mark.parametrize("rule_id", KB_RULES)
@pytest.mark.parametrize("case", ["trigger", "pass"])
def test_rule_fixture(rule_id: str, case: str):
    folder = RULE_FIXTURES / rule_id / case
    assert (folder / "expected").is_file(), f"{rule_id} has no {case} fixture"
    expected = sorted((folder / "expected").read_text().split("\n")[:-1])
    result = verify(_options(folder))
    assert not [f for f in result.findings if f.fatal or f.rule_id == "CC002"]
    found = sorted(
        f"{f.rule_id} {f.location.line}:{f.location.column}"
        for f in result.findings
        if f.rule_id == rule_id
    )
    assert found == expected
    if case == "trigger":
        assert found, f"{rule_id} trigger fixture does not trigger it"


def test_every_kb_rule_has_docs_and_both_fixtures():
    for rule in RULES:
        if not rule.id.startswith("CC2"):
            continue
        assert "Triggers:" in rule.doc() and "Passes:" in rule.doc(), rule.id
        for case in ("trigger", "pass"):
            assert (RULE_FIXTURES / rule.id / case / "fixture.claims.yaml").is_file()
