"""Every command the README shows is run, in a copy of this repository, as a reader would.

The `claimcheck` commands (in shell blocks, after a `$ ` prompt, or in inline code) must
not be usage errors, and the showcase's output is the one the README prints. The other
commands (installing, the tests, the linters, the benchmark) are what `.ci/run` runs: the
test checks that it runs each, or says why not. Marked `walkthrough` (a dozen runs of the
command line, several seconds).
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import OUTPUT_SETTINGS, ROOT

pytestmark = pytest.mark.walkthrough

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
# A token a reader replaces (`claimcheck init ARTICLE`), or a choice (`[claims|report|...]`).
PLACEHOLDER = re.compile(r"^(?!CC\d)[A-Z_]{3,}$|[\[\]|]|\.\.\.")
ENTITY_DATA = "https://www.wikidata.org/wiki/Special:EntityData"
# Commands the README shows that .ci/run does not run as written, and why.
NOT_RUN = {
    "pip install claimcheck-news": "from the package index, once released",
    "pip install .": "claimcheck without the test tools; CI installs it with them (-e '.[test]')",
    ".venv/bin/pip install -e '.[bench,dask]'": "the benchmark's tools, for bench/run.py",
    ".venv/bin/pip install check-jsonschema": "optional: the benchmark's comparison row",
    ".venv/bin/python bench/run.py --markdown bench/out/results.json": "the benchmark's table",
    ".venv/bin/python bench/run.py --quick": "the benchmark: minutes, not a check",
    "python -m claimcheck.formats.recordgen": "regenerates files (test_records checks them)",
    "python -m claimcheck.docs": "regenerates docs/rules.md (test_docs checks it)",
    "mkdir -p kb/wikidata": "the downloads' folder: the test puts real entity files there",
    **{
        f"curl -sL -o kb/wikidata/{q}.json {ENTITY_DATA}/{q}.json": (
            "a download: tests use no network; tests/fixtures/wikidata holds Q2112's real file"
        )
        for q in ("Q2112", "Q627637")
    },
    "pip install 'claimcheck-news[dask]'": "from the package index, once released",
    "claimcheck verify archive/ --executor dask --scheduler tcp://scheduler:8786": (
        "needs a cluster; tests/acceptance/test_dask.py runs one (.ci/run, marker dask)"
    ),
    "claimcheck verify archive/ --executor dask --jobs 4": (
        "needs an archive and the dask extra; test_dask.py runs it on a seeded one"
    ),
    "apt-get install -y chromium": ".ci/run installs it only as root, quietly, or skips",
    ".venv/bin/pip install -e '.[test,browser]'": ".ci/run adds the browser extra to its venv",
    "npm install --prefix /tmp axe-core": ".ci/run installs axe-core in a temporary folder",
    "AXE_CORE_JS=/tmp/node_modules/axe-core/axe.min.js .venv/bin/python -m pytest -m browser": (
        ".ci/run runs `pytest -m browser` with its own axe-core"
    ),
}


def _commands() -> list[str]:
    """Each command the README shows, in order, with its trailing comment removed."""
    found: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", README, re.DOTALL):
        for line in block.replace("\\\n", " ").splitlines():  # a command continued with `\`
            command = re.split(r"\s{2,}#", line)[0].strip()
            if command and not command.startswith("#"):
                found.extend(" ".join(part.split()) for part in command.split(" && "))
    found += re.findall(r"^\$ (.+)$", README, re.MULTILINE)
    found += re.findall(r"`(claimcheck [^`]+)`", README)
    return list(dict.fromkeys(found))


def _claimcheck(command: str) -> list[str] | None:
    """The argument list of a claimcheck command that can run as written, else None."""
    if "\\|" in command or "|" in command.replace("\\|", ""):
        return None
    words = shlex.split(command)
    if not words or Path(words[0]).name != "claimcheck":
        return None
    # Named in prose; shown in full elsewhere.
    if words[1:] in (["kb"], ["draft"], ["review"], ["kb", "import", "wikidata"]):
        return None
    if any(PLACEHOLDER.search(w) for w in words[1:]):
        return None
    return words[1:]


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's files as committed or staged, in a folder of their own."""
    copy = tmp_path_factory.mktemp("readme")
    for name in ("claims", "schema", "pyproject.toml", "claimcheck-baseline.json", "README.md"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name)
        else:
            shutil.copy2(source, copy / name)
    # The Wikidata section's downloads, as `curl` would leave them (real EntityData files).
    (copy / "kb" / "wikidata").mkdir(parents=True)
    shutil.copy2(ROOT / "tests" / "fixtures" / "wikidata" / "Q2112.json", copy / "kb" / "wikidata")
    # The newsroom section's article (`claimcheck init articles/talks.txt`).
    (copy / "articles").mkdir()
    (copy / "articles" / "talks.txt").write_text("Talks\n\nThe ministers met.\n", "utf-8")
    return copy


def test_the_readme_shows_runnable_commands():
    commands = _commands()
    runnable = [c for c in commands if _claimcheck(c) is not None]
    assert "claimcheck verify claims/" in runnable
    assert "claimcheck export --format claimreview claims/" in runnable
    assert len(runnable) >= 10, runnable


def test_every_claimcheck_command_in_the_readme_runs(checkout: Path):
    env = {k: v for k, v in os.environ.items() if k not in OUTPUT_SETTINGS}
    env.pop("CLAIMCHECK_DEBUG", None)
    env["BROWSER"] = "true"  # `review --open` hands the page to a browser that does nothing
    ran = []
    for command in _commands():
        args = _claimcheck(command)
        if args is None or command in NOT_RUN:
            continue
        # The shell would expand `kb/wikidata/*.json`: so does the test, in the checkout.
        args = [a for w in args for a in (sorted(glob.glob(w, root_dir=checkout)) or [w])]
        run = subprocess.run(
            [sys.executable, "-m", "claimcheck", *args],
            cwd=checkout,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert run.returncode in (0, 1), f"{command}: exit {run.returncode}\n{run.stderr}"
        assert "Traceback" not in run.stderr, command
        ran.append(command)
        if command == "claimcheck verify claims/":
            # The showcase output the README opens with is what the command prints.
            shown = README.split("$ claimcheck verify claims/\n", 1)[1].split("```", 1)[0]
            assert run.returncode == 1
            assert run.stdout == shown
    assert ran


def test_the_quick_start_and_the_other_commands_are_what_ci_runs():
    quick = re.search(r"## Quick start.*?```sh\n(.*?)\n```", README, re.DOTALL)
    assert quick is not None
    # .ci/run runs the quick start as written (the install quietly), then checks its status.
    for part in quick.group(1).split("&&"):
        assert part.strip().replace("pip install -e", "pip install -q -e") in CI, part
    missing: list[str] = []
    for command in _commands():
        if _claimcheck(command) is not None or command.startswith(("claimcheck", "$")):
            continue
        if command in NOT_RUN:
            continue
        missing.extend(
            part
            for part in (p.strip() for p in command.split("&&"))
            if part not in CI and part.replace("pip install -e", "pip install -q -e") not in CI
        )
    assert missing == [], "the README shows these, .ci/run does not run them (nor NOT_RUN says why)"
