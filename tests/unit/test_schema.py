"""The published schemas are generated from the models and are the real contract."""

import json

import jsonschema
import jsonschema_rs
import pytest

from claimcheck.formats.schema import SCHEMAS, render
from claimcheck.loader import load_document
from tests.conftest import CLAIMS, FIXTURES, SCHEMA_DIR


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_matches_models(name):
    committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert committed == render(SCHEMAS[name]()), (
        f"schema/{name} is stale: run `python -m claimcheck.formats.recordgen`"
    )


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_is_valid_draft_2020_12(name):
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def _claims_validator():
    schema = json.loads((SCHEMA_DIR / "claims-v1.json").read_text(encoding="utf-8"))
    return jsonschema_rs.Draft202012Validator(schema)


def test_an_independent_implementation_accepts_the_shipped_claims():
    validator = _claims_validator()
    files = sorted(CLAIMS.rglob("*.claims.yaml")) + sorted(CLAIMS.rglob("*.claims.json"))
    assert files
    for path in files:
        data = load_document(str(path), path.read_bytes()).data
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], f"{path}: {errors}"


def test_an_independent_implementation_rejects_what_claimcheck_rejects(run_cli):
    validator = _claims_validator()
    invalid = sorted((FIXTURES / "invalid").glob("*.claims.yaml"))
    assert len(invalid) >= 5
    for path in invalid:
        data = load_document(str(path), path.read_bytes()).data
        assert not validator.is_valid(data), f"jsonschema-rs accepted {path.name}"
        result = run_cli("verify", str(path))
        assert result.returncode == 1 and "CC002" in result.stdout, result.stdout


def test_an_independent_implementation_accepts_the_shipped_knowledge_base():
    schema = json.loads((SCHEMA_DIR / "kb-v1.json").read_text(encoding="utf-8"))
    validator = jsonschema_rs.Draft202012Validator(schema)
    files = sorted(CLAIMS.rglob("*.kb.yaml"))
    assert files
    for path in files:
        data = load_document(str(path), path.read_bytes()).data
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], f"{path}: {errors}"
    assert not validator.is_valid({"claimcheck-kb": 1, "facts": [{"id": "x", "kind": "tenure"}]})


def test_ci_tests_the_lowest_pydantic_the_project_declares():
    """The declared range is the range CI tests: its newest in the main environment, its
    lowest in a second one (.ci/run); they drift apart the day one is edited alone."""
    import re
    import tomllib

    root = SCHEMA_DIR.parent
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    declared = [d for d in project["project"]["dependencies"] if d.startswith("pydantic")]
    lowest = re.fullmatch(r"pydantic>=([0-9.]+),<3", declared[0])
    pinned = re.findall(r"'pydantic==([0-9.]+)'", (root / ".ci" / "run").read_text("utf-8"))
    assert lowest is not None and len(pinned) == 1

    def padded(version: str) -> list[int]:
        return [*map(int, version.split(".")), 0, 0][:3]

    assert padded(pinned[0]) == padded(lowest.group(1))
