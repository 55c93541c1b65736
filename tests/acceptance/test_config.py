"""[tool.claimcheck] in pyproject.toml: found from the checked files, strict, under the flags."""

from __future__ import annotations

import pytest

from tests.helpers import write_claims

UNSOURCED = """claims:
  - id: india-brics
    kind: membership
    group: brics
    members: [india]
    complete: false
    quote: As a member of the BRICS forum
"""
HALF_SOURCED = UNSOURCED + "    sources: [{url: https://brics.br/en/about-the-brics}]\n"
ENTITIES = """entities:
  india: {name: India, kind: country}
  brics: {name: BRICS, kind: organisation}
"""


def _configure(project, text: str) -> None:
    path = project / "pyproject.toml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_without_configuration_the_missing_source_is_a_warning(run_cli, project):
    write_claims(project, ENTITIES + UNSOURCED)
    result = run_cli("verify", ".", cwd=project)
    assert result.returncode == 1
    assert "warning CC111" in result.stdout


def test_ignore_and_fail_on_from_the_file(run_cli, project):
    write_claims(project, ENTITIES + UNSOURCED)
    _configure(project, '[tool.claimcheck]\nignore = ["CC111"]\n')
    assert run_cli("verify", ".", cwd=project).returncode == 0
    _configure(project, 'fail-on = "error"\n')
    write_claims(project, ENTITIES + HALF_SOURCED)
    result = run_cli("verify", ".", cwd=project)
    assert result.returncode == 0 and "warning CC112" in result.stdout


def test_flags_override_the_file(run_cli, project):
    write_claims(project, ENTITIES + UNSOURCED)
    _configure(project, '[tool.claimcheck]\nselect = ["CC101"]\nfail-on = "error"\n')
    assert run_cli("verify", ".", cwd=project).stdout.endswith("0 errors, 0 warnings, 0 info\n")
    result = run_cli("verify", ".", "--select", "CC111", "--fail-on", "warning", cwd=project)
    assert result.returncode == 1 and "warning CC111" in result.stdout


def test_per_rule_severity_and_options(run_cli, project):
    write_claims(project, ENTITIES + HALF_SOURCED)
    _configure(
        project,
        '[tool.claimcheck.rules.CC112]\nseverity = "info"\n',
    )
    result = run_cli("verify", ".", cwd=project)
    assert result.returncode == 0 and ": info CC112 source 1 lacks the date" in result.stdout
    _configure(project, "require-accessed = false\n")
    assert run_cli("verify", ".", cwd=project).stdout.endswith("0 errors, 0 warnings, 0 info\n")


def test_found_by_walking_up_from_the_checked_files(run_cli, project, tmp_path_factory):
    deep = project / "a" / "b"
    deep.mkdir(parents=True)
    (project / "articles" / "a.txt").rename(deep / "a.txt")
    path = write_claims(deep, ENTITIES + UNSOURCED)
    path.write_text(path.read_text().replace("articles/a.txt", "a.txt"))
    _configure(project, '[tool.claimcheck]\nignore = ["CC111"]\n')
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    result = run_cli("verify", str(deep), cwd=elsewhere)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[tool.claimcheck]\ncolour = 1\n", "tool.claimcheck.colour: unknown key"),
        ('[tool.claimcheck]\nselect = ["ZZ9"]\n', "tool.claimcheck.select: no rule matches 'ZZ9'"),
        ('[tool.claimcheck]\nfail-on = "fatal"\n', "tool.claimcheck.fail-on: unknown severity"),
        ("[tool.claimcheck.rules.CC999]\n", "tool.claimcheck.rules.CC999: unknown key"),
        (
            "[tool.claimcheck.rules.CC112]\nbogus = 1\n",
            "tool.claimcheck.rules.CC112.bogus: unknown",
        ),
        (
            '[tool.claimcheck.rules.CC112]\nrequire-url = "no"\n',
            "tool.claimcheck.rules.CC112.require-url: expected bool, got str",
        ),
        ("[tool.claimcheck\n", "cannot read the configuration"),
    ],
)
def test_bad_configuration_exits_2_naming_file_and_key(run_cli, project, text, named):
    write_claims(project, ENTITIES + UNSOURCED)
    _configure(project, text)
    result = run_cli("verify", ".", cwd=project)
    assert result.returncode == 2
    assert f"pyproject.toml: {named}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_kb_paths_from_the_file_are_relative_to_it(run_cli, project):
    """A knowledge base kept outside the checked folder is named once, in the configuration."""
    from tests.conftest import CLAIMS

    (project / "reference").mkdir()
    for kb in (CLAIMS / "kb").glob("*.kb.yaml"):
        (project / "reference" / kb.name).write_text(kb.read_text(encoding="utf-8"))
    (project / "checked").mkdir()
    (project / "checked" / "articles").mkdir()
    (project / "checked" / "articles" / "a.txt").write_text(
        (project / "articles" / "a.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    write_claims(project / "checked", HALF_SOURCED)
    unconfigured = run_cli("verify", "checked", "--select", "CC2", "--format", "json", cwd=project)
    assert '"verdict": "not_enough_info"' in unconfigured.stdout
    _configure(project, '[tool.claimcheck]\nkb = ["reference"]\n')
    configured = run_cli("verify", "checked", "--select", "CC2", "--format", "json", cwd=project)
    assert '"verdict": "supported"' in configured.stdout, configured.stdout
    # From another folder, the paths still resolve against the pyproject.toml.
    inside = run_cli("verify", ".", "--select", "CC2", "--format", "json", cwd=project / "checked")
    assert '"verdict": "supported"' in inside.stdout, inside.stdout
    # A flag overrides the file: an empty folder as the knowledge base decides nothing.
    (project / "empty").mkdir()
    flagged = run_cli(
        "verify", "checked", "--kb", "empty", "--select", "CC2", "--format", "json", cwd=project
    )
    assert '"verdict": "supported"' not in flagged.stdout


def test_limits_from_the_file(run_cli, project):
    write_claims(project, ENTITIES + HALF_SOURCED)
    _configure(project, "[tool.claimcheck.limits]\nmax-claims = 1\n")
    assert run_cli("verify", ".", cwd=project).returncode == 1  # a warning, not refused
    write_claims(
        project,
        ENTITIES
        + HALF_SOURCED
        + HALF_SOURCED[len("claims:\n") :].replace("id: india-brics", "id: india-brics-2"),
    )
    tight = run_cli("verify", ".", cwd=project)
    assert tight.returncode == 2 and "(max-claims)" in tight.stdout
    bad = project / "pyproject.toml"
    bad.write_text(bad.read_text().replace("max-claims = 1", "max-clams = 5"))
    typo = run_cli("verify", ".", cwd=project)
    assert typo.returncode == 2 and "tool.claimcheck.limits" in typo.stderr


@pytest.mark.parametrize(
    "nested", ["[" * 100_000 + "]" * 100_000, "{a = " * 2_000 + "1" + "}" * 2_000]
)
def test_configuration_nested_too_deeply_exits_2_naming_the_file(run_cli, project, nested):
    write_claims(project, ENTITIES + UNSOURCED)
    _configure(project, f"[tool.claimcheck]\nx = {nested}\n")
    result = run_cli("verify", ".", cwd=project)
    assert result.returncode == 2, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert "pyproject.toml: cannot read the configuration: arrays or inline tables nested" in (
        result.stderr
    )
