"""The hook, run by the real pre-commit: `try-repo` builds its environment from this repository.

`try-repo` installs the hook's dependencies from the package index (a minute or two on a
cold machine), so that test is marked `network`: the default run leaves it out, and
`.ci/run` runs it on its own (`pytest -m network`). The others need only git.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import OUTPUT_SETTINGS, ROOT
from tests.helpers import BAD_BODY, GOOD_BODY, write_claims

GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _run(args, cwd, env, timeout=600):
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def _git(cwd, env, *args):
    result = _run(["git", *args], cwd, env)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """pre-commit's cache in a temporary folder; this venv's tools first on PATH."""
    skip = ("GIT_", "PRE_COMMIT", *OUTPUT_SETTINGS)
    out = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
    out.update(GIT_ENV)
    out["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    out["PATH"] = str(Path(sys.executable).parent) + os.pathsep + out.get("PATH", "")
    out.pop("CLAIMCHECK_DEBUG", None)
    return out


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory, env):
    """A git repository holding this worktree as it is now, committed (try-repo reads HEAD)."""
    listed = _run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT, env
    )
    assert listed.returncode == 0, listed.stderr
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in filter(None, listed.stdout.split("\0")):
        src = ROOT / name
        if src.is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, repo / name)
    _git(repo, env, "init", "-q", "-b", "main")
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "-m", "snapshot")
    return repo


def _pre_commit(*args, cwd, env):
    return _run([sys.executable, "-m", "pre_commit", *args], cwd, env)


def test_manifest_and_config_are_valid(env):
    hooks = _pre_commit("validate-manifest", ".pre-commit-hooks.yaml", cwd=ROOT, env=env)
    assert hooks.returncode == 0, hooks.stdout + hooks.stderr
    config = _pre_commit("validate-config", ".pre-commit-config.yaml", cwd=ROOT, env=env)
    assert config.returncode == 0, config.stdout + config.stderr


@pytest.mark.network
def test_try_repo_passes_the_good_file_and_fails_the_bad_one(env, hook_repo, project):
    write_claims(project, GOOD_BODY, "good.claims.yaml")
    write_claims(project, BAD_BODY, "bad.claims.yaml")
    (project / "notes.yaml").write_text("a: 1\na: 1\n", encoding="utf-8")  # not a claim file
    _git(project, env, "init", "-q", "-b", "main")
    _git(project, env, "add", "-A")

    def try_repo(*args):
        return _pre_commit("try-repo", str(hook_repo), "claimcheck", *args, cwd=project, env=env)

    good = try_repo("--files", "good.claims.yaml", "notes.yaml")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout

    bad = try_repo("--files", "bad.claims.yaml", "good.claims.yaml")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "bad.claims.yaml:27:14: error CC101" in bad.stdout

    everything = try_repo("--all-files")
    assert everything.returncode == 1
    assert "notes.yaml" not in everything.stdout  # the files pattern keeps other YAML out


def test_the_project_runs_its_own_hook_on_its_claims(env, hook_repo):
    own = _pre_commit("run", "claimcheck", "--all-files", cwd=hook_repo, env=env)
    assert own.returncode == 0, own.stdout + own.stderr
    assert "Passed" in own.stdout
    # The baseline is what lets it pass: the seed article's CC101 is still found.
    empty = '{"format": "claimcheck-baseline", "version": 1, "findings": []}'
    (hook_repo / "claimcheck-baseline.json").write_text(empty, encoding="utf-8")
    try:
        failed = _pre_commit("run", "claimcheck", "--all-files", cwd=hook_repo, env=env)
    finally:
        _git(hook_repo, env, "checkout", "--", "claimcheck-baseline.json")
    assert failed.returncode == 1
    assert "CC101" in failed.stdout


def test_the_default_run_leaves_out_only_the_network_test():
    def collected(*args):
        run = _run(
            [sys.executable, "-m", "pytest", "--co", "-q", "-p", "no:cacheprovider", *args],
            ROOT,
            {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
            timeout=120,
        )
        return sorted(line for line in run.stdout.splitlines() if "::" in line)

    here = "tests/acceptance/test_precommit.py"
    network = [f"{here}::test_try_repo_passes_the_good_file_and_fails_the_bad_one"]
    assert collected(here, "-m", "network") == network
    default = collected(here)
    assert default and not set(default) & set(network)
