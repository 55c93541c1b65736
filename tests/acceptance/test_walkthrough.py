"""A newsroom's first hour, scripted: a repository of its own, through the real pre-commit.

Built from nothing (articles/, kb/, pyproject.toml), `claimcheck init` starts the claim file
in claims/, commits go through the hook as this repository's `.pre-commit-hooks.yaml`
declares it (its files pattern, types and args; `language: system`, so that the hook runs
this environment's claimcheck and needs no package index), and verify, kb and export give
the same answers from the root and from a subfolder. Marked `walkthrough` (git and the
pre-commit client, about ten seconds): `.ci/run` runs it with `pytest -m walkthrough`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import OUTPUT_SETTINGS, ROOT

pytestmark = pytest.mark.walkthrough

PYPROJECT = """[project]
name = "newsroom"
version = "0"

[tool.claimcheck]
claims = ["claims"]
kb = ["kb"]

[tool.claimcheck.export]
reviewer = "The Fact Desk"
url = "https://facts.example/reviews"
"""
ARTICLE = """Leaders Meet in Tokyo

Prime Minister Fumio Kishida welcomed the delegation on 20 August 2024.
"""
SOURCE = '[{url: "https://japan.kantei.go.jp/", title: Cabinet, accessed: 2025-10}]'
KB = f"""claimcheck-kb: 1
verified: 2025-10-21
entities:
  jp-pm: {{name: Prime Minister of Japan, kind: office}}
  kishida: {{name: Fumio Kishida, kind: person}}
  ishiba: {{name: Shigeru Ishiba, kind: person}}
facts:
  - id: kishida-pm
    kind: tenure
    office: jp-pm
    holder: kishida
    start: 2021-10-04
    end: 2024-10-01
    sources: {SOURCE}
"""
CLAIMS = f"""claims:
  - id: kishida-pm
    kind: office
    office: jp-pm
    holder: kishida
    quote: Prime Minister Fumio Kishida
    sources: {SOURCE}
"""


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    skip = ("GIT_", "PRE_COMMIT", "CLAIMCHECK_DEBUG", *OUTPUT_SETTINGS)
    out = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
    out.update(
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
    )
    out["PATH"] = str(Path(sys.executable).parent) + os.pathsep + out.get("PATH", "")
    return out


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_a_newsroom_repository_from_nothing(tmp_path: Path, env: dict[str, str]) -> None:
    repo = tmp_path / "newsroom"
    for folder in ("articles", "kb"):
        (repo / folder).mkdir(parents=True)
    (repo / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (repo / "articles" / "talks.txt").write_text(ARTICLE, encoding="utf-8")
    (repo / "kb" / "japan.kb.yaml").write_text(KB, encoding="utf-8")
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    local = {**hook, "language": "system"}
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        result = _run(["git", *args], repo, env)
        assert result.returncode == 0, result.stdout + result.stderr
        return result

    def claimcheck(*args: str, cwd: Path = repo) -> subprocess.CompletedProcess[str]:
        return _run([sys.executable, "-m", "claimcheck", *args], cwd, env)

    def commit(message: str) -> tuple[int, str]:
        """The commit's exit code and what the hook said (git shows it on stderr)."""
        _run(["git", "add", "-A"], repo, env)
        done = _run(["git", "commit", "-q", "-m", message], repo, env)
        return done.returncode, done.stdout + done.stderr

    git("init", "-q", "-b", "main")
    installed = _run([sys.executable, "-m", "pre_commit", "install"], repo, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr

    started = claimcheck("init", "articles/talks.txt")
    assert started.returncode == 0, started.stderr
    claim_file = repo / "claims" / "talks.claims.yaml"
    assert claim_file.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schema/claims-v1.json\n"
    )
    assert (repo / "schema" / "claims-v1.json").is_file()

    # Straight after init, the placeholders are findings: the commit is refused.
    code, said = commit("init")
    assert code != 0
    assert said.count(" error CC119 ") == 2, said

    text = claim_file.read_text(encoding="utf-8")
    text = text.replace('"TODO: who published the article"', "The Example Times")
    text = re.sub(r"published: \S+  # TODO.*", "published: 2024-08-20", text)
    claim_file.write_text(text.replace("claims: []\n", CLAIMS), encoding="utf-8")
    code, said = commit("the talks, checked")
    assert code == 0, said

    # An article-only change that breaks the claim's quote: the hook checks its claim file.
    article = repo / "articles" / "talks.txt"
    article.write_text(ARTICLE.replace("Fumio Kishida", "Kishida"), encoding="utf-8")
    code, said = commit("shorter name")
    assert code != 0
    assert "claims/talks.claims.yaml:" in said
    assert " error CC114 the quote is not in the article text" in said
    git("reset", "-q", "--hard")  # the refused change, staged and written, undone

    # A knowledge-base-only change that refutes the claim: every claim file is checked.
    kb = repo / "kb" / "japan.kb.yaml"
    kb.write_text(KB.replace("holder: kishida", "holder: ishiba"), encoding="utf-8")
    code, said = commit("wrong holder")
    assert code != 0
    assert " error CC207 Prime Minister of Japan on 20 August 2024 is Shigeru Ishiba" in said
    git("reset", "-q", "--hard")

    # A change to a text no claim file names passes (nothing depends on it).
    (repo / "NOTES.md").write_text("notes\n", encoding="utf-8")
    assert commit("notes")[0] == 0

    # The same answers from the root and from a subfolder: one project, one knowledge base.
    sub = repo / "articles"
    for args in (
        ("verify", "--format", "json", "--no-cache"),
        ("verify", "claims/talks.claims.yaml", "--format", "json", "--no-cache"),
        ("kb", "holder", "jp-pm", "--on", "2024-08-20", "--format", "json"),
        ("export", "--format", "claimreview", "--date", "2026-01-01"),
    ):
        here = claimcheck(*args)
        named = ["../" + a if a.startswith("claims/") else a for a in args]
        there = claimcheck(*named, cwd=sub)
        assert here.returncode == there.returncode == 0, here.stderr + there.stderr
        assert json.loads(here.stdout) == json.loads(there.stdout.replace("../", "")), args
    report = json.loads(claimcheck("verify", "--format", "json", "--no-cache").stdout)
    assert [v["verdict"] for v in report["verdicts"]] == ["supported"]
    assert report["knowledge_base"]["files"] == ["kb/japan.kb.yaml"]
    reviews = json.loads(claimcheck("export", "--format", "claimreview").stdout)
    assert reviews[0]["author"] == {"@type": "Organization", "name": "The Fact Desk"}
    assert reviews[0]["claimReviewed"] == (
        "Prime Minister Fumio Kishida welcomed the delegation on 20 August 2024."
    )
    missing = claimcheck("verify", "claim/", cwd=repo)
    assert (missing.returncode, missing.stdout) == (2, "")
    assert missing.stderr == "Error: claim/: no such file or folder (did you mean claims/?)\n"
