"""Properties that hold for every input: valid documents from the published schema, the same
documents broken, and hostile YAML.

Invariants: no unhandled exception; exit code 0, 1 or 2; the JSON report validates against
schema/report-v2.json; the same bytes whatever PYTHONHASHSEED; CRLF, a BOM or a comment
never change a finding; nothing is written but the report.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import jsonschema_rs
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.app import Options, Result, verify
from claimcheck.cli import cli
from claimcheck.reporters import get_reporter
from tests.conftest import CLAIMS
from tests.hostile import assert_safe_output, make_project
from tests.schema_strategies import (
    ARTICLE_TEXT,
    REPORT_SCHEMA,
    claim_files,
    hostile_yaml,
    mutated_documents,
    to_json,
    to_yaml,
)

REPORT = jsonschema_rs.Draft202012Validator(REPORT_SCHEMA)
ARTICLE = (CLAIMS / "articles" / "japan-india-2plus2.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def workspace() -> Iterator[Path]:
    """One project for the module: hypothesis reruns a test body, not a function fixture."""
    with tempfile.TemporaryDirectory() as tmp:
        root = make_project(Path(tmp))
        (root / ARTICLE_TEXT).write_text(ARTICLE, encoding="utf-8")
        yield root


def _check(root: Path, suffix: str, data: bytes) -> Result:
    path = root / f"doc{suffix}"
    path.write_bytes(data)
    result = verify(Options(paths=(str(path),), root=str(root)))
    assert result.exit_code in (0, 1, 2)
    REPORT.validate(json.loads(get_reporter("json").render(result)))
    assert_safe_output(get_reporter("text").render(result))
    return result


def _signature(result: Result, *, positions: bool) -> list[tuple[object, ...]]:
    return [
        (
            f.rule_id,
            f.severity,
            f.message,
            f.pointer,
            f.claim_id,
            f.suppressed,
            (f.location.line, f.location.column) if positions else None,
        )
        for f in result.findings
    ] + [("verdicts", repr(result.verdicts), result.exit_code)]


@settings(max_examples=150)
@given(doc=claim_files, as_json=st.booleans())
def test_valid_documents_load_and_pass_the_schema(workspace: Path, doc, as_json: bool):
    text = to_json(doc) if as_json else to_yaml(doc)
    result = _check(workspace, ".claims.json" if as_json else ".claims.yaml", text.encode())
    # The models and the published schema agree: what the schema allows, the models accept.
    assert not [f for f in result.findings if f.rule_id in ("CC001", "CC002")], result.findings
    assert result.exit_code in (0, 1)


@settings(max_examples=300)
@given(case=mutated_documents())
def test_broken_documents_get_an_answer(workspace: Path, case: tuple[str, str]):
    suffix, text = case
    _check(workspace, suffix, text.encode("utf-8", "surrogatepass"))


@settings(max_examples=300)
@given(text=hostile_yaml)
def test_hostile_yaml_gets_an_answer(workspace: Path, text: str):
    result = _check(workspace, ".claims.yaml", text.encode("utf-8", "surrogatepass"))
    assert result.findings, "hostile fragments never make a clean claim file"


@settings(max_examples=100)
@given(doc=claim_files, comment=st.sampled_from(["# c", "# yaml-language-server: $schema=x"]))
def test_crlf_bom_and_comments_do_not_change_the_findings(workspace: Path, doc, comment: str):
    text = to_yaml(doc)
    base = _check(workspace, ".claims.yaml", text.encode())
    crlf = _check(workspace, ".claims.yaml", text.replace("\n", "\r\n").encode())
    bom = _check(workspace, ".claims.yaml", b"\xef\xbb\xbf" + text.encode())
    assert _signature(crlf, positions=True) == _signature(base, positions=True)
    assert _signature(bom, positions=True) == _signature(base, positions=True)
    commented = "\n".join(
        f"{line}  {comment}" if line.strip() else line for line in text.split("\n")
    )
    with_comments = _check(workspace, ".claims.yaml", f"{comment}\n{commented}".encode())
    assert _signature(with_comments, positions=False) == _signature(base, positions=False)
    js = to_json(doc)
    json_base = _check(workspace, ".claims.json", js.encode())
    json_crlf = _check(
        workspace, ".claims.json", b"\xef\xbb\xbf" + js.replace("\n", "\r\n").encode()
    )
    assert _signature(json_crlf, positions=True) == _signature(json_base, positions=True)


@settings(max_examples=4)
@given(case=mutated_documents())
def test_reports_are_byte_identical_under_two_hash_seeds(workspace: Path, case):
    suffix, text = case
    (workspace / f"seeded{suffix}").write_bytes(text.encode("utf-8", "surrogatepass"))
    outputs = []
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        env.pop("CLAIMCHECK_DEBUG", None)
        run = subprocess.run(
            [sys.executable, "-m", "claimcheck", "verify", "--format", "json", "."],
            cwd=workspace,
            env=env,
            capture_output=True,
            timeout=60,
            check=False,
        )
        assert run.returncode in (0, 1, 2) and b"Traceback" not in run.stderr
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1]
    (workspace / f"seeded{suffix}").unlink()


# The one other write claimcheck may make on purpose: a result cache in the project root.
INTENDED_WRITES = (".claimcheck_cache",)


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    out = {}
    for dirpath, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d not in INTENDED_WRITES]
        for name in files:
            st_ = (Path(dirpath) / name).stat()
            out[str(Path(dirpath, name).relative_to(folder))] = (st_.st_size, st_.st_mtime_ns)
    return out


@settings(max_examples=25)
@given(case=mutated_documents(), fmt=st.sampled_from(["text", "json"]))
def test_nothing_is_written_but_the_report(workspace: Path, case, fmt: str):
    suffix, text = case
    (workspace / f"doc{suffix}").write_bytes(text.encode("utf-8", "surrogatepass"))
    here = Path.cwd()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        os.chdir(out)  # the working folder is where a careless tool would write
        try:
            before = _tree(workspace)
            args = ["verify", "--format", fmt, "-o", "report.out", str(workspace)]
            result = CliRunner().invoke(cli, args)
        finally:
            os.chdir(here)
        assert result.exit_code in (0, 1, 2), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert _tree(workspace) == before
        assert set(_tree(out)) == {"report.out"}
