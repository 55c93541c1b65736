"""Where a run's project root and configuration come from, and paths that name folders oddly:
through a link, in a loop, or below a folder with another user's pyproject.toml or .git."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.app import Options, verify
from claimcheck.cli import cli
from claimcheck.config import ConfigError, describe_project, find_config
from claimcheck.core.project import find_root
from tests.helpers import CLEAN_BODY, write_claims
from tests.hostile import make_project

OTHER_USER = 4242


def give_away(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``path`` look owned by another user: chown it when root, else change who we are."""
    if os.geteuid() == 0:
        os.chown(path, OTHER_USER, OTHER_USER, follow_symlinks=False)
    else:
        monkeypatch.setattr(os, "geteuid", lambda: OTHER_USER)


def _verify(*args: str):
    return CliRunner().invoke(cli, ["verify", "--no-cache", *args])


# -- links and loops named on the command line --------------------------------------------------


def test_a_link_loop_named_on_the_command_line_exits_2_with_a_message(
    run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    make_project(tmp_path)
    (tmp_path / "loop").symlink_to("loop")
    for named in ("loop", "loop/a.claims.yaml"):
        run = run_cli("verify", "--no-cache", named, cwd=tmp_path)
        assert run.returncode == 2, run.stdout + run.stderr
        assert "internal error" not in run.stderr and "Traceback" not in run.stderr
        assert run.stdout.startswith(f"{named}: error CC001 "), run.stdout
    monkeypatch.chdir(tmp_path)
    assert find_root(Path("loop")) == tmp_path
    assert find_config(["loop/a.claims.yaml"]) == tmp_path / "pyproject.toml"


def test_a_folder_named_through_a_link_is_walked(run_cli, tmp_path: Path):
    make_project(tmp_path)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("As a member of the BRICS forum.\n")
    (tmp_path / "claims").mkdir()
    path = write_claims(tmp_path / "claims", CLEAN_BODY)
    path.write_text(path.read_text().replace("articles/a.txt", "../articles/a.txt"))
    (tmp_path / "linked").symlink_to("claims", target_is_directory=True)
    for named in ("linked", "linked/"):
        run = run_cli("verify", "--no-cache", named, cwd=tmp_path)
        assert "is a directory" not in run.stdout
        assert run.returncode == 0, run.stdout + run.stderr
        assert run.stdout.endswith("1 file, 1 claim: 0 errors, 0 warnings, 0 info\n"), run.stdout


# -- the project root ----------------------------------------------------------------------------


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """A shared parent folder (think /tmp) holding a checkout with no pyproject.toml or .git,
    and a file of another user's beside it."""
    work = tmp_path / "work"
    (work / "articles").mkdir(parents=True)
    (work / "articles" / "a.txt").write_text("As a member of the BRICS forum.\n")
    write_claims(work, CLEAN_BODY)
    (tmp_path / "secret.txt").write_text("As a member of the BRICS forum. TOP-SECRET\n")
    return tmp_path


def test_another_users_git_in_a_parent_folder_does_not_make_the_root(
    shared: Path, monkeypatch: pytest.MonkeyPatch
):
    (shared / ".git").mkdir()
    give_away(shared / ".git", monkeypatch)
    work = shared / "work"
    assert find_root(work / "a.claims.yaml") == work
    # The command refuses it by name rather than run with another root in silence...
    monkeypatch.chdir(work)
    run = _verify("a.claims.yaml")
    assert run.exit_code == 2, run.output
    assert f"{(shared / '.git').as_posix()} belongs to another user" in run.output
    # ...and below the command line, an article path may not climb into the shared folder.
    claims = work / "a.claims.yaml"
    claims.write_text(claims.read_text().replace("articles/a.txt", "../secret.txt"))
    result = verify(Options(paths=("a.claims.yaml",)))
    assert result.exit_code == 2
    assert any("'../secret.txt' leaves the project root" in f.message for f in result.findings)


def test_another_users_pyproject_in_a_parent_folder_is_refused_by_name(
    shared: Path, monkeypatch: pytest.MonkeyPatch
):
    config = shared / "pyproject.toml"
    config.write_text('[tool.claimcheck]\nignore = ["CC"]\n')
    give_away(config, monkeypatch)
    monkeypatch.chdir(shared / "work")
    with pytest.raises(ConfigError, match="belongs to another user"):
        find_config(["a.claims.yaml"])
    run = _verify("a.claims.yaml")
    assert run.exit_code == 2
    assert f"{config.as_posix()} belongs to another user" in run.output
    # --root names the root: the checkout itself, with no configuration.
    named = _verify("--root", ".", "a.claims.yaml")
    assert named.exit_code == 0, named.output


def test_a_project_of_ones_own_is_found_from_a_subfolder(shared: Path, monkeypatch):
    config = shared / "work" / "pyproject.toml"
    config.write_text('[tool.claimcheck]\nfail-on = "error"\n')
    (shared / "work" / "claims").mkdir()
    monkeypatch.chdir(shared / "work" / "claims")
    assert find_root(Path(".")) == shared / "work"
    assert find_config(["."]) == config
    line = describe_project(Options(paths=(".",)))
    assert line == (
        f"claimcheck: project root {(shared / 'work').as_posix()}, configuration "
        f"{config.as_posix()}"
    )
    assert describe_project(Options(paths=(".",), root="../..")) == (
        f"claimcheck: project root {shared.as_posix()}, configuration none"
    )


def test_the_walk_stops_at_another_users_marker(shared: Path, monkeypatch):
    # A .git of one's own higher up (a home folder kept in git, say) is not reached through
    # another user's folder either: the root stays the narrowest.
    if os.geteuid() != 0:  # as another user every file would look foreign: no contrast
        pytest.skip("needs root to give one file away")
    (shared / "mid").mkdir()
    (shared / "mid" / "pyproject.toml").write_text("")
    (shared / ".git").mkdir()
    (shared / "mid" / "work").mkdir()
    give_away(shared / "mid" / "pyproject.toml", monkeypatch)
    assert find_root(shared / "mid" / "work") == shared / "mid" / "work"


def test_a_root_that_is_no_folder_exits_2(tmp_path: Path, monkeypatch):
    make_project(tmp_path)
    (tmp_path / "loop").symlink_to("loop")
    monkeypatch.chdir(tmp_path)
    for root in ("loop", "missing"):
        run = _verify("--root", root, ".")
        assert run.exit_code == 2, run.output
        assert f"--root {root}: no such folder" in run.output


def test_verbose_says_which_root_and_configuration_decided_the_run(run_cli, project: Path):
    """-v names the root and the configuration on stderr; without -v stderr stays empty."""
    write_claims(project, CLEAN_BODY)
    (project / "pyproject.toml").write_text(
        "[project]\nname = 'x'\n[tool.claimcheck]\nfail-on = 'error'\n", encoding="utf-8"
    )
    verbose = run_cli("verify", "-v", ".", cwd=project)
    quiet = run_cli("verify", ".", cwd=project)
    line = f"claimcheck: project root {project.resolve().as_posix()}, configuration "
    assert verbose.stderr.splitlines()[0].startswith(line)
    assert verbose.stderr.splitlines()[0].endswith("pyproject.toml")
    assert quiet.stderr == ""


def test_write_baseline_through_a_link_loop_exits_2_without_a_traceback(run_cli, project: Path):
    write_claims(project, CLEAN_BODY)
    (project / "loop").symlink_to("loop")
    result = run_cli("verify", ".", "--write-baseline", "loop/b.json", cwd=project)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert "loop/b.json" in result.stderr
