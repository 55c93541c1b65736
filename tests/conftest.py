from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
CLAIMS = ROOT / "claims"
SEED = CLAIMS / "japan-india-2plus2.claims.yaml"
SCHEMA_DIR = ROOT / "schema"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
OUTPUT_SETTINGS = ("GITHUB_ACTIONS", "FORCE_COLOR", "NO_COLOR")

# Property tests are derandomised in CI (CI is set there): the same examples on every run,
# so a red build is reproducible and never a coin toss. Locally they explore freely.
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture
def run_cli():
    """Run the installed CLI as a user would, in a child process."""

    def run(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None):
        # Inherited settings that change the output (format, colour) are the test's to give.
        inherited = {k: v for k, v in os.environ.items() if k not in OUTPUT_SETTINGS}
        full_env = {**inherited, **(env or {})}
        full_env.pop("CLAIMCHECK_DEBUG", None)
        return subprocess.run(
            [sys.executable, "-m", "claimcheck", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            env=full_env,
            timeout=120,
            check=False,
        )

    return run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty project (a folder with pyproject.toml) holding a copy of the seed article."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(
        (CLAIMS / "articles" / "japan-india-2plus2.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    return tmp_path


@pytest.fixture
def checks(monkeypatch):
    """The files the engine really checked, in order (the others came from the cache)."""
    from claimcheck.check.engine import Engine

    calls: list[str] = []
    original = Engine.check_file

    def counting(self, path, shown, raw=None):
        calls.append(shown)
        return original(self, path, shown, raw)

    monkeypatch.setattr(Engine, "check_file", counting)
    return calls
