"""A cold run on a valid file never imports pydantic (nor the drafter and its matcher, nor
Jinja2, nor Dask without --executor dask, nor difflib where every quote and name is found);
a broken file still gets its messages."""

import subprocess
import sys

from tests.conftest import ROOT, SEED
from tests.helpers import BRICS, write_claims

# The CLI's own entry point, as the installed `claimcheck` script runs it.
SCRIPT = """
import sys
from claimcheck.cli import main
sys.argv = ["claimcheck", "verify", "--no-cache", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
heavy = {"pydantic", "pydantic_core", "ahocorasick", "jinja2", "markupsafe", "dask", "distributed",
         "difflib"}  # difflib: only a near miss (a quote or a name not found) needs it
print(code, sorted({m.split(".")[0] for m in sys.modules} & heavy
                   | {m for m in sys.modules if m.startswith("claimcheck.draft")}))
"""


def _run(*args: str, cwd=ROOT) -> str:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args], cwd=cwd, capture_output=True, text=True, check=True
    )
    return out.stdout.strip().splitlines()[-1]


def test_a_cold_verify_of_the_valid_seed_claims_does_not_import_pydantic():
    # Exit 1: the seed article's findings; the claims and the knowledge base are valid.
    assert _run(str(SEED.relative_to(ROOT))) == "1 []"


def test_a_file_that_breaks_the_schema_is_explained_by_pydantic(project):
    write_claims(project, "claims: [{id: x, kind: membership, quote: q, group: g}]\n")
    out = subprocess.run(
        [sys.executable, "-m", "claimcheck", "verify", "--no-cache", "."],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 1
    assert "CC002 missing required field 'members'" in out.stdout
    assert _run(".", cwd=project) == "1 ['pydantic', 'pydantic_core']"


# A run the cache answers: what it imports besides the command line, the cache and a report.
CACHED = """
import sys
from claimcheck.cli import main
sys.argv = ["claimcheck", "verify", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
heavy = {"yaml", "tomllib", "tempfile", "shutil", "multiprocessing", "pydantic", "dask"}
engine = {"claimcheck.check.engine", "claimcheck.rules", "claimcheck.kb.load"}
found = sorted({m.split(".")[0] for m in sys.modules} & heavy)
print(code, found, sorted(set(sys.modules) & engine))
"""


def test_an_unchanged_run_imports_no_parser_engine_or_toml(project):
    """The project's pyproject.toml has no [tool.claimcheck]: tomllib is not even loaded."""
    write_claims(project, BRICS)

    def cached() -> str:
        out = subprocess.run(
            [sys.executable, "-c", CACHED, "."],
            cwd=project,
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip().splitlines()[-1]

    # A miss: parsed, checked, and stored (tempfile brings shutil).
    assert (
        cached()
        == "1 ['shutil', 'tempfile', 'yaml'] ['claimcheck.check.engine', 'claimcheck.rules']"
    )
    assert cached() == "1 [] []"
    (project / "pyproject.toml").write_text("[tool.claimcheck]\nfail-on = 'warning'\n")
    cached()
    assert cached() == "1 ['tomllib'] []"  # a table of ours: read, and the rest still cached
