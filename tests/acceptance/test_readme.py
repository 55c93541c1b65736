"""Every command the README shows is run, in a copy of this repository, as a reader would.

The `claimcheck` commands (in shell blocks, after a `$ ` prompt, or in inline code) must
not be usage errors, and the showcase's output is the one the README prints. The other
commands (installing, the tests, the linters, the benchmark) are what `.ci/run` runs: the
test checks that it runs each, or says why not. Marked `walkthrough` (a dozen runs of the
command line, several seconds).
"""

from __future__ import annotations

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
# Commands the README shows that .ci/run does not run as written, and why.
NOT_RUN = {
    "pip install claimcheck-news": "from the package index, once released",
    "pip install .": "claimcheck without the test tools; CI installs it with them (-e '.[test]')",
    ".venv/bin/pip install check-jsonschema": "optional: the benchmark's comparison row",
    ".venv/bin/python bench/run.py --quick": "the benchmark: minutes, not a check",
    "python -m claimcheck.formats.recordgen": "regenerates files (test_records checks them)",
    "python -m claimcheck.docs": "regenerates docs/rules.md (test_docs checks it)",
    "apt-get install -y chromium": ".ci/run installs it only as root, quietly, or skips",
    ".venv/bin/pip install -e '.[test,browser]'": ".ci/run adds the browser extra to its venv",
    "npm install --prefix /tmp axe-core": ".ci/run installs axe-core in a temporary folder",
    "AXE_CORE_JS=/tmp/node_modules/axe-core/axe.min.js .venv/bin/python -m pytest -m browser": (
        ".ci/run runs `pytest -m browser` with its own axe-core"
    ),
    ".venv/bin/python bench/run.py --markdown bench/out/results.json": (
        "the benchmark's tables, from a run's results"
    ),
    ".venv/bin/pip install -e '.[bench,dask]'": "the benchmark's extras, for its optional rows",
    "pip install 'claimcheck-news[dask]'": "from the package index, once released",
    "mkdir -p kb/wikidata": "the checkout fixture makes it, with the entity files in it",
    "curl -sL -o kb/wikidata/Q2112.json "
    "https://www.wikidata.org/wiki/Special:EntityData/Q2112.json": (
        "a download: the checkout fixture copies tests/fixtures/wikidata/Q2112.json instead"
    ),
    "curl -sL -o kb/wikidata/Q627637.json "
    "https://www.wikidata.org/wiki/Special:EntityData/Q627637.json": (
        "a download; the import runs on Q2112 alone"
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


# Commands that need what a test has not: a Dask cluster and an archive to send it.
NEEDS_A_CLUSTER = (
    "claimcheck verify archive/ --executor dask --scheduler tcp://scheduler:8786",
    "claimcheck verify archive/ --executor dask --jobs 4",
)


def _claimcheck(command: str) -> list[str] | None:
    """The argument list of a claimcheck command that can run as written, else None."""
    if command in NEEDS_A_CLUSTER:
        return None
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
    # The newsroom section's article (`claimcheck init articles/talks.txt`).
    (copy / "articles").mkdir()
    (copy / "articles" / "talks.txt").write_text("Talks\n\nThe ministers met.\n", "utf-8")
    # The Wikidata section's download (`curl ... kb/wikidata/Q2112.json`), offline.
    (copy / "kb" / "wikidata").mkdir(parents=True)
    shutil.copy2(ROOT / "tests" / "fixtures" / "wikidata" / "Q2112.json", copy / "kb" / "wikidata")
    return copy


def _glob(folder: Path, pattern: str) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.glob(pattern)) or [pattern]


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
        if args is None:
            continue
        # A shell expands `kb/wikidata/*.json`; here the test does.
        args = [x for a in args for x in (_glob(checkout, a) if "*" in a else [a])]
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
    for command in _commands():
        if _claimcheck(command) is not None or command.startswith(("claimcheck", "$")):
            continue
        if command in NOT_RUN:
            continue
        parts = [p.strip() for p in command.split("&&")]
        for part in parts:
            quiet = part.replace("pip install -e", "pip install -q -e")
            assert part in CI or quiet in CI, f"README shows `{part}`, .ci/run does not run it"
