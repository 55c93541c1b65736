"""`schema`, `init`, colour, verbosity and how a run ends: what a person at a terminal sees."""

import json
import subprocess
import sys

import jsonschema
import pytest

from claimcheck.core import exitcodes
from claimcheck.formats.schema import SCHEMAS, render
from claimcheck.loader import load_document
from claimcheck.reporters.color import want_color
from tests.conftest import ROOT, SCHEMA_DIR

NO_COLOR_ENV = {"NO_COLOR": "", "FORCE_COLOR": "", "TERM": "xterm"}


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_prints_each_published_schema(run_cli, name):
    short = name.split("-v", 1)[0]
    out = run_cli("schema", short)
    assert out.returncode == 0
    assert out.stdout == render(SCHEMAS[name]())
    assert out.stdout == (SCHEMA_DIR / name).read_text(encoding="utf-8")


def test_schema_defaults_to_claims_and_refuses_unknown_names(run_cli):
    assert run_cli("schema").stdout == (SCHEMA_DIR / "claims-v1.json").read_text(encoding="utf-8")
    assert run_cli("schema", "nope").returncode == 2


def test_colour_follows_no_color_force_color_and_the_tty():
    assert want_color(True, {}) is True
    assert want_color(False, {}) is False
    assert want_color(True, {"NO_COLOR": "1"}) is False
    assert want_color(False, {"FORCE_COLOR": "1"}) is True
    assert want_color(False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}) is False
    assert want_color(True, {"NO_COLOR": ""}) is True  # empty means unset
    assert want_color(True, {"TERM": "dumb"}) is False


def test_colour_in_the_text_report(run_cli):
    plain = run_cli("verify", "claims/", env=NO_COLOR_ENV)  # a pipe: no colour
    assert "\x1b[" not in plain.stdout
    forced = run_cli("verify", "claims/", env={**NO_COLOR_ENV, "FORCE_COLOR": "1"})
    assert "\x1b[31merror\x1b[0m \x1b[1mCC101\x1b[0m" in forced.stdout
    both = run_cli("verify", "claims/", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in both.stdout


def test_quiet_and_verbose(run_cli):
    quiet = run_cli("verify", "claims/", "-q")
    assert quiet.returncode == 1
    rules = [line.split()[2] for line in quiet.stdout.splitlines()]
    # findings only, no summary; the seed's suppressed CC111 and CC112 are shown too
    assert [r for r in rules if r not in ("CC111", "CC112")] == ["CC101", "CC201", "CC209"]
    assert len(rules) == 17
    verbose = run_cli("verify", "claims/", "-v").stdout.splitlines()
    at = next(i for i, line in enumerate(verbose) if " CC101 " in line)
    assert verbose[at + 1] == "    at /claims/26/members"
    assert verbose[at + 2].startswith("    related: claims/japan-india-2plus2.claims.yaml:")
    assert verbose[-1].startswith("1 file, 29 claims")
    assert run_cli("verify", "claims/", "-q", "-v").returncode == 2


def test_init_starts_a_valid_claim_file_and_never_overwrites(run_cli, project):
    (project / "schema").mkdir()
    (project / "schema" / "claims-v1.json").write_text(
        (SCHEMA_DIR / "claims-v1.json").read_text(encoding="utf-8"), encoding="utf-8"
    )
    out = run_cli("init", "articles/a.txt", cwd=project)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("wrote claims/a.claims.yaml: fill in its TODO values")
    target = project / "claims" / "a.claims.yaml"  # where a bare `claimcheck verify` looks
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/claims-v1.json"
    data = load_document(str(target), target.read_bytes()).data
    schema = json.loads((SCHEMA_DIR / "claims-v1.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["article"]["id"] == "a"
    assert data["article"]["text"] == "../articles/a.txt"
    assert data["article"]["title"].startswith("Japan and India Hold Security Talks")
    # Valid, but its placeholders are findings until they are replaced (CC119).
    placeholders = run_cli("verify", cwd=project)
    assert placeholders.returncode == 1
    assert placeholders.stdout.count(" error CC119 ") == 2
    filled = text.replace('"TODO: who published the article"', "The Daily Example")
    filled = (
        filled.replace("2026", "2024", 1).split("  # TODO")[0]
        + "\n"
        + (filled.split("  # TODO")[1].split("\n", 1)[1])
    )
    target.write_text(filled, encoding="utf-8")
    assert run_cli("verify", cwd=project).returncode == 0

    again = run_cli("init", "articles/a.txt", cwd=project)
    assert again.returncode == 2
    assert "Error: claims/a.claims.yaml exists: claimcheck init never overwrites" in again.stderr
    assert target.read_text(encoding="utf-8") == filled


def test_init_writes_the_schema_the_claim_file_names_when_the_project_has_none(run_cli, project):
    article = project / "News Story 1.txt"
    article.write_text('Headline: "quoted"\n\nbody\n', encoding="utf-8")
    out = run_cli("init", article.name, "-o", "sub.claims.yaml", cwd=project)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == (
        "wrote schema/claims-v1.json (the schema your editor reads)"
    )
    text = (project / "sub.claims.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=schema/claims-v1.json"
    written = (project / "schema" / "claims-v1.json").read_text(encoding="utf-8")
    assert written == (SCHEMA_DIR / "claims-v1.json").read_text(encoding="utf-8")
    data = load_document("x.yaml", text.encode()).data
    assert data["article"]["id"] == "news-story-1"
    assert data["article"]["title"] == 'Headline: "quoted"'
    assert run_cli("verify", "sub.claims.yaml", "--ignore", "CC119", cwd=project).returncode == 0
    assert run_cli("init", "missing.txt", cwd=project).returncode == 2


# A run cut short exits as core.exitcodes says, whichever command and output it had.
INTERRUPT = """
import os, signal, sys, time
import claimcheck.app, claimcheck.docs
def interrupted(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(30)
claimcheck.app.run_verify = claimcheck.docs.entries = interrupted
sys.argv = ["claimcheck", *sys.argv[1:]]
from claimcheck.cli import main
main()
"""


@pytest.mark.parametrize("args", [["verify", "--no-cache"], ["rules"]])
def test_ctrl_c_exits_130(args):
    run = subprocess.run(
        [sys.executable, "-c", INTERRUPT, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == exitcodes.INTERRUPTED == 130
    assert run.stderr == "\nAborted!\n"


@pytest.mark.parametrize(
    "args",
    [["verify", "--no-cache", "-v", "--format", "json"], ["schema"], ["rules"], ["--help"]],
)
def test_a_closed_pipe_exits_141_quietly(args):
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    with proc.stderr:
        err = proc.stderr.read()
    assert proc.wait(timeout=120) == exitcodes.BROKEN_PIPE == 141
    # Only -v's line naming the root and the configuration; nothing about the pipe.
    assert all(line.startswith(b"claimcheck: project root ") for line in err.splitlines())


def test_click_reads_the_command_line_the_hook_and_the_readme_use(run_cli, tmp_path):
    # Once refused by the fast path and so sent to click: now there is only click.
    report = tmp_path / "claimcheck.sarif"
    sarif = run_cli("verify", "claims/", "--format", "sarif", "-o", str(report))
    assert sarif.returncode == 1 and sarif.stdout == ""
    assert '"version": "2.1.0"' in report.read_text(encoding="utf-8")
    hook = run_cli("verify", "--baseline", "claimcheck-baseline.json", "claims/")
    assert hook.returncode == 0, hook.stdout + hook.stderr


def test_usage_errors_from_click_and_from_the_library_read_alike(run_cli):
    for args in (["--select", "CC9"], ["-q", "-v"], ["--as-of", "2024-13"]):
        run = run_cli("verify", "--no-cache", *args)
        assert run.returncode == 2 and run.stdout == ""
        assert run.stderr.startswith("Usage: claimcheck verify [OPTIONS] [PATHS]...\n")
