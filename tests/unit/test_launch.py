"""The entry point's own reading of a plain `verify` command line agrees with click's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.cli import verify as verify_command
from claimcheck.launch import OVERRIDES, parse_verify
from tests.conftest import ROOT, SEED

SEED_ARG = str(SEED.relative_to(ROOT))


def click_reading(args: list[str]) -> tuple[dict, frozenset[str]] | None:
    """The parameters click gives `verify` for ``args``, and those from the command line."""
    try:
        ctx = verify_command.make_context("verify", list(args[1:]))
    except (click.exceptions.ClickException, click.exceptions.Exit):
        return None
    source = ctx.get_parameter_source
    commandline = click.core.ParameterSource.COMMANDLINE
    return ctx.params, frozenset(p for p in OVERRIDES.values() if source(p) is commandline)


@pytest.fixture(scope="module")
def places(tmp_path_factory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("places")
    (base / "a.claims.yaml").write_text("claims: []\n", encoding="utf-8")
    (base / "folder").mkdir()
    return {
        "file": str(base / "a.claims.yaml"),
        "folder": str(base / "folder"),
        "absent": str(base / "absent"),
    }


OPTIONS = ["-q", "--quiet", "-v", "--verbose", "--no-cache", "--no-cache=1"]
OPTIONS += ["--format", "--fail-on", "--root", "--as-of", "-j", "--jobs", "--cache-dir"]
OPTIONS += ["--select", "--ignore", "--kb", "-o", "--output", "--baseline", "-h", "--help"]
OPTIONS += ["-qv", "-j4", "--jobs=2", "--format=json", "--kb=", "--", "-", "--bogus"]
VALUES = ["json", "text", "sarif", "bogus", "error", "info", "4", "04", "-1", " 4", "", "CC1"]
VALUES += ["2024", "x.claims.yaml", "\u0664"]


@settings(max_examples=300)
@given(data=st.data())
def test_every_command_line_it_reads_is_read_the_same_by_click(places, data):
    vocabulary = [*OPTIONS, *VALUES, *places.values()]
    tokens = data.draw(st.lists(st.sampled_from(vocabulary) | st.text(max_size=4), max_size=8))
    args = ["verify", *tokens]
    ours = parse_verify(args)
    if ours is not None:  # declining is always safe: click then reads it
        assert click_reading(args) == (ours[0], ours[1] & set(OVERRIDES.values()))


@pytest.mark.parametrize(
    "args",
    [
        ["verify"],
        ["verify", "claims", "a.claims.json", "--no-cache"],
        ["verify", "--format", "json", "-q", "--jobs", "2", "claims"],
        ["verify", "--format=sarif", "--select", "CC1", "--select=CC2", "--ignore", "CC3"],
        ["verify", "--kb", "kb", "--kb=other", "--fail-on", "error", "--root", "."],
        ["verify", "--cache-dir", ".cache", "-v", "--as-of", "2024-08", "-j", "0"],
    ],
)
def test_a_plain_verify_is_read_here(args):
    ours = parse_verify(args)
    assert ours is not None
    assert click_reading(args) == (ours[0], ours[1] & set(OVERRIDES.values()))


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["rules"],
        ["--version"],
        ["verify", "--help"],
        ["verify", "-h"],
        ["verify", "-o", "report.txt"],
        ["verify", "--write-baseline", "b.json"],
        ["verify", "-qv"],
        ["verify", "--format", "bogus"],
        ["verify", "--format"],
        ["verify", "--jobs", "-1"],
        ["verify", "--jobs", "4_0"],
        ["verify", "--no-cache=yes"],
        ["verify", "--cache-dir", "pyproject.toml"],  # a file where a folder goes
        ["verify", "--", "claims"],
        ["verify", "-"],
    ],
)
def test_anything_else_is_left_to_click(args, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert parse_verify(args) is None


def _run(script: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"},
    )


THROUGH = """
import sys
from claimcheck.{module} import main
sys.argv = ["claimcheck", *sys.argv[1:]]
try:
    main()
finally:
    print("click" in sys.modules, file=sys.stderr)
"""


@pytest.mark.parametrize(
    ("args", "code", "needs_click"),
    [
        (["verify", SEED_ARG, "--no-cache"], 1, False),
        (["verify", "--no-cache", "-v", "--format", "json"], 1, False),
        (["verify", "--no-cache", "--format", "sarif", "-q", "--as-of", "2030"], 1, False),
        (["verify", "--no-cache", "nowhere"], 2, False),  # a finding: no such file
        # Usage errors, found by the library or by click: click says them.
        (["verify", "--no-cache", "--select", "CC9"], 2, True),
        (["verify", "-q", "-v"], 2, True),
        (["verify", "--as-of", "2024-13"], 2, True),
    ],
)
def test_both_ways_in_write_the_same_report(args, code, needs_click):
    fast = _run(THROUGH.format(module="launch"), *args)
    slow = _run(THROUGH.format(module="cli"), *args)
    *said, loaded = fast.stderr.splitlines()
    assert (fast.returncode, fast.stdout, said) == (
        code,
        slow.stdout,
        slow.stderr.splitlines()[:-1],
    )
    assert slow.returncode == code
    assert loaded == str(needs_click)
    assert ("Usage:" in fast.stderr) is needs_click


def test_a_closed_pipe_ends_the_run_quietly():
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "verify", "--no-cache", "-v", "--format", "json"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    with proc.stderr:
        err = proc.stderr.read()
    assert proc.wait(timeout=120) == 1
    assert err == b""
