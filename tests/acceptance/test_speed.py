"""The cache and --jobs from the command line: same bytes as a cold, single-process run."""

import json
import subprocess
import sys

import pytest

from claimcheck.core.limits import Limits
from claimcheck.run.cache import ENTRY_FORMAT, Cache, pack_entry, unpack_entry
from tests.helpers import write_claims

CLAIM = """  - id: full-{n}
    kind: membership
    group: g{n}
    members: [a, b]
    complete: true
    quote: The BRICS forum
  - id: part-{n}
    kind: membership
    group: g{n}
    members: [c]
    complete: false
    quote: As a member of the BRICS forum
"""


@pytest.fixture
def archive(project):
    """Several files with findings, one that breaks the schema and one that does not load."""
    for i in range(7):
        body = "claims:\n" + "".join(CLAIM.format(n=f"{i}-{k}") for k in range(i + 1))
        write_claims(project, body, name=f"f{i}.claims.yaml")
    write_claims(project, "claims: [{id: x, kind: nope, quote: q}]\n", name="g.claims.yaml")
    (project / "h.claims.json").write_text('{"claimcheck": 1,', encoding="utf-8")
    return project


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_cached_run_gives_the_same_bytes(run_cli, archive, fmt):
    cold = run_cli("verify", ".", "--format", fmt, "--no-cache", cwd=archive)
    first = run_cli("verify", ".", "--format", fmt, cwd=archive)
    second = run_cli("verify", ".", "--format", fmt, cwd=archive)
    assert cold.returncode == first.returncode == second.returncode == 2
    assert cold.stdout == first.stdout == second.stdout
    assert "CC101" in cold.stdout and "CC002" in cold.stdout and "CC001" in cold.stdout
    assert (archive / ".claimcheck_cache" / f"v{ENTRY_FORMAT}").is_dir()


def test_the_cache_is_what_answers_and_no_cache_ignores_it(run_cli, project):
    write_claims(project, "claims:\n" + CLAIM.format(n=1))
    run_cli("verify", ".", "--cache-dir", "cc", cwd=project)
    (entry,) = (project / "cc").glob(f"v{ENTRY_FORMAT}/*/*.json")
    data = unpack_entry(entry.read_bytes().split(b"\n", 1)[1])
    data["findings"][0][2] = "served from the cache"
    # Signed with the cache's key, as claimcheck itself would have written it.
    sealed = Cache(project / "cc", Limits()).seal(pack_entry(data))
    assert sealed is not None
    entry.write_bytes(sealed)
    assert (
        "served from the cache" in run_cli("verify", ".", "--cache-dir", "cc", cwd=project).stdout
    )
    assert "served from the cache" not in run_cli("verify", ".", "--no-cache", cwd=project).stdout
    assert not (project / ".claimcheck_cache").exists()


def test_a_fully_cached_run_imports_neither_pydantic_nor_yaml(project):
    write_claims(project, "claims:\n" + CLAIM.format(n=1))
    script = (
        "import sys\n"
        "from claimcheck.app import Options, verify\n"
        "verify(Options(paths=('.',), cache_dir='cc'))\n"
        "print(sorted(m for m in ('pydantic', 'yaml') if m in sys.modules))\n"
    )

    def imported() -> str:
        out = subprocess.run(
            [sys.executable, "-c", script], cwd=project, capture_output=True, text=True, check=True
        )
        return out.stdout.strip()

    assert imported() == "['yaml']"  # cold: the file was parsed; valid, so no pydantic
    assert imported() == "[]"


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_jobs_give_the_same_bytes_as_one_process(run_cli, archive, fmt):
    args = ("verify", ".", "--format", fmt, "--no-cache")
    one = run_cli(*args, "--jobs", "1", cwd=archive)
    for jobs in ("2", "3", "0"):
        many = run_cli(*args, "--jobs", jobs, cwd=archive)
        assert (many.returncode, many.stdout, many.stderr) == (one.returncode, one.stdout, "")
    # In JSON, a verdict names CC101 too (the article proves the list wrong): count findings.
    if fmt == "json":
        rules = [f["rule"] for f in json.loads(one.stdout)["findings"]]
    else:
        rules = one.stdout.split()
    assert rules.count("CC101") == 28


def test_jobs_with_a_bad_selection_is_a_usage_error(run_cli, archive):
    result = run_cli("verify", ".", "--jobs", "2", "--select", "ZZ9", cwd=archive)
    assert result.returncode == 2 and "no rule matches 'ZZ9'" in result.stderr
    assert "Traceback" not in result.stderr
