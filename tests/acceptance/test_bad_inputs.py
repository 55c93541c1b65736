"""Every file in tests/fixtures/bad-inputs gets a clear answer in bounded time and memory.

The files and expectations.json are a copy of the project's shared hostile corpus, so that
the suite does not depend on anything outside the repository.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import FrameType

import jsonschema
import pytest
from click.testing import CliRunner

from claimcheck.app import Options, verify
from claimcheck.cli import cli
from tests.conftest import SCHEMA_DIR
from tests.hostile import (
    BAD_INPUTS,
    FINDING_LINE,
    MAX_CHILD_CPU_S,
    MAX_CHILD_RSS_KB,
    Run,
    assert_safe_output,
    make_project,
    run_child,
)

EXPECTATIONS: dict[str, dict[str, object]] = json.loads(
    (BAD_INPUTS / "expectations.json").read_text(encoding="utf-8")
)
FILES = sorted(EXPECTATIONS)

# The positions the corpus names (expectations.json says where each problem is), and words
# the message must hold so that an editor knows what to change.
POSITIONS: dict[str, list[tuple[int, int]]] = {
    "j01_duplicate_keys.json": [(1, 19)],
    "j02_nan_infinity.json": [(1, 7)],
    "j03_huge_int.json": [(1, 7)],
    "j04_huge_float.json": [(1, 7)],
    "j05_deep_100000.json": [(1, 65)],
    "j07_comments.json": [(1, 9)],
    "j07_trailing_comma.json": [(1, 9)],
    "j11_raw_control_in_string.json": [(1, 9)],
    "j15_invalid_utf8.json": [(1, 8)],
    "y03_alias_undefined.yaml": [(1, 4)],
    "y06_duplicate_keys.yaml": [(2, 1), (5, 3)],
    "y07_bad_explicit_tags.yaml": [(1, 4)],
    "y10_multi_doc.yaml": [(2, 1)],
    "y10_yaml_directive_2.yaml": [(1, 1)],
    "y11_invalid_utf8.yaml": [(1, 9)],
    "y11_latin1.yaml": [(1, 13)],
    "y11_nul_byte.yaml": [(1, 12)],
    "y11_raw_escape_char.yaml": [(1, 9)],
    "y12_tab_indent.yaml": [(2, 1)],
    "y14_long_implicit_key.yaml": [(1, 1)],
    "y16_bad_indent.yaml": [(3, 2)],
    # The corpus names the end (4:1) and the opening (2:4): reported where the quote opens.
    "y16_unclosed_quote.yaml": [(2, 4)],
}
WORDS: dict[str, tuple[str, ...]] = {
    "j01_duplicate_keys.json": ("duplicate key 'name'",),
    "j02_nan_infinity.json": ("NaN and Infinity are not JSON",),
    "j05_deep_100000.json": ("nesting deeper than the limit of 64 (max-depth)",),
    "j07_comments.json": ("comments are not allowed in JSON",),
    "j07_trailing_comma.json": ("trailing comma",),
    "j09_utf16le_bom.json": ("save it as UTF-8",),
    "j12_empty.json": ("file is empty",),
    "j13_top_scalar.json": ("top level must be an object",),
    "y01_billion_laughs.yaml": ("anchor '&a' is not allowed", "alias '*a' is not allowed"),
    "y02_alias_recursive.yaml": ("alias '*a' is not allowed",),
    "y03_alias_undefined.yaml": ("alias '*nope'", "no '&nope' defines it"),
    "y04_anchor_redefined.yaml": ("already defined at 1:4",),
    "y05_deep_flow_list_1000.yaml": ("nesting deeper than the limit of 64 (max-depth)",),
    "y05_deep_flow_list_10000.yaml": ("nesting deeper than the limit of 64 (max-depth)",),
    "y05_deep_flow_list_100000.yaml": ("nesting deeper than the limit of 64 (max-depth)",),
    "y06_duplicate_keys.yaml": ("first at 1:1", "first at 4:3"),
    "y07_bad_explicit_tags.yaml": ("tag 'tag:yaml.org,2002:int' is not allowed",),
    "y07_huge_int.yaml": ("too large",),
    "y08_merge_keys.yaml": ("merge key '<<' is not allowed",),
    "y09_bad_binary.yaml": ("tag 'tag:yaml.org,2002:binary' is not allowed",),
    "y09_local_tags.yaml": ("tag '!include' is not allowed",),
    "y09_python_apply.yaml": ("python/object/apply", "is not allowed"),
    "y09_python_name.yaml": ("python/name:os.system", "is not allowed"),
    "y10_multi_doc.yaml": ("a second YAML document",),
    "y10_yaml_directive_2.yaml": ("%YAML directive", "remove the directive"),
    "y11_escaped_ansi.yaml": ("control character U+001B",),
    "y11_nul_byte.yaml": ("control character U+0000",),
    "y11_utf16le_bom.yaml": ("save it as UTF-8",),
    "y11_utf16le_nobom.yaml": ("save it as UTF-8",),
    "y12_tab_indent.yaml": ("tab used for indentation",),
    "y13_comment_only.yaml": ("file is empty",),
    "y13_empty.yaml": ("file is empty",),
    "y13_top_list.yaml": ("top level must be a mapping",),
    "y14_complex_key_seq.yaml": ("keys must be plain text",),
    "y14_long_implicit_key.yaml": ("key of 2,000 characters", "1,024", "max-key-length"),
    "y16_unclosed_quote.yaml": ("the quote opened at 2:4 is never closed",),
    "y16_bad_indent.yaml": ("check the indentation of this line",),
}
# Files the corpus says load as data (they are not claim files, so the schema speaks).
SAME_DATA = {
    "y12_crlf.yaml": "a: 1\nb: |\n  two\n  lines\n",
    "y12_no_trailing_newline.yaml": "a: 1\n",
    "y11_utf8_bom.yaml": None,
    "j08_utf8_bom.json": None,
}


def test_the_corpus_is_complete():
    on_disk = {p.name for p in BAD_INPUTS.iterdir()} - {"README.md", "expectations.json"}
    assert on_disk == set(EXPECTATIONS)
    assert set(POSITIONS) <= on_disk and set(WORDS) <= on_disk


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("bad-inputs"))


@pytest.fixture(scope="module")
def runs(workdir: Path) -> dict[str, Run]:
    """Each file in its own child, as many at once as there are cores: rusage stays per child."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        done = pool.map(lambda n: run_child("verify", str(BAD_INPUTS / n), cwd=workdir), FILES)
        return dict(zip(FILES, done, strict=True))


@pytest.mark.parametrize("name", FILES)
def test_bad_input_in_a_child_process(name: str, runs: dict[str, Run]):
    expected = EXPECTATIONS[name]
    run = runs[name]
    out = run.stdout + run.stderr
    assert run.returncode in expected["exit"], f"{name}: exit {run.returncode}\n{out}"
    assert "Traceback" not in out and "internal error" not in out
    assert run.stderr == ""
    assert "PWNED" not in out.replace("PWNED: code ran during load", "")
    assert_safe_output(run.stdout)
    findings = [FINDING_LINE.match(line) for line in run.stdout.splitlines()[:-1]]
    assert findings and all(findings), run.stdout
    if run.returncode == 2:
        # Every refusal names file:line:column, 1-based.
        for m in findings:
            assert m is not None and int(m["line"]) >= 1 and int(m["col"]) >= 1, run.stdout
    where = {(int(m["line"]), int(m["col"])) for m in findings if m is not None}
    for pos in POSITIONS.get(name, []):
        assert pos in where, f"{name}: expected a finding at {pos}, got {sorted(where)}"
    for words in WORDS.get(name, ()):
        assert words in run.stdout, f"{name}: {words!r} not in\n{run.stdout}"
    assert run.cpu_s < MAX_CHILD_CPU_S, f"{name}: {run.cpu_s:.2f} s of CPU"
    assert run.max_rss_kb < MAX_CHILD_RSS_KB, f"{name}: {run.max_rss_kb} KB"


# The work one bad file may cost in process, counted in function calls and returns (Python
# and C) rather than seconds, so that the bound holds on a slow or busy machine: measured,
# 3,000 to 6,600 for every file of the corpus; an alias bomb, a quadratic scan or a deep
# recursion costs millions.
MAX_CALLS = 50_000


def count_calls(run: Callable[[], object]) -> int:
    """The function calls and returns made while ``run`` runs: deterministic, unlike a clock."""
    count = 0

    def profile(_frame: FrameType, _event: str, _arg: object) -> None:
        nonlocal count
        count += 1

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("name", FILES)
def test_bad_input_in_process_costs_few_calls_and_reports_valid_json(
    name: str, workdir: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.chdir(workdir)
    options = Options(paths=(str(BAD_INPUTS / name),))
    result = verify(options)  # also imports what the file needs: the count below excludes it
    calls = count_calls(lambda: verify(options))
    assert calls < MAX_CALLS, f"{name}: {calls} function calls"
    assert result.exit_code in EXPECTATIONS[name]["exit"]
    invoked = CliRunner().invoke(cli, ["verify", "--format", "json", str(BAD_INPUTS / name)])
    assert invoked.exception is None or isinstance(invoked.exception, SystemExit)
    assert invoked.exit_code == result.exit_code
    assert invoked.output.isascii()
    assert_safe_output(invoked.output)
    report = json.loads(invoked.output)
    schema = json.loads((SCHEMA_DIR / "report-v2.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(report)
    assert report["summary"]["exit_code"] == result.exit_code


@pytest.mark.parametrize("name", sorted(SAME_DATA))
def test_line_endings_and_boms_give_the_same_data(name: str):
    from claimcheck.loader import load_document

    raw = (BAD_INPUTS / name).read_bytes()
    plain = SAME_DATA[name]
    if plain is None:  # the same file without its BOM
        assert raw.startswith(b"\xef\xbb\xbf")
        plain = raw[3:].decode("utf-8")
    got = load_document(name, raw).data
    assert got == load_document(name, plain.encode("utf-8")).data


def test_bad_date_in_a_claim_file_points_at_the_value(tmp_path: Path):
    # y07_bad_date is not a claim file, so its date is an unknown field; in a claim file the
    # impossible date is a schema error at the value's own column.
    make_project(tmp_path)
    article = "article: {id: a, title: A, publisher: P, published: 2024-02-30, text: a.txt}"
    (tmp_path / "a.claims.yaml").write_text(f"claimcheck: 1\n{article}\n", encoding="utf-8")
    run = CliRunner().invoke(cli, ["verify", str(tmp_path / "a.claims.yaml")])
    assert run.exit_code == 1
    column = article.index("2024-02-30") + 1
    assert f":2:{column}: error CC002 published:" in run.output, run.output
