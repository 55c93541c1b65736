"""Files a repository cannot hold, made at run time: a folder, a FIFO, /dev/zero, link loops,
links out of the project, and a file that changes while it is read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcheck.app import Options, verify
from claimcheck.check import engine as engine_module
from claimcheck.core.limits import Limits
from claimcheck.loader import reader
from claimcheck.loader.reader import ReadError, read_bytes
from tests.conftest import SEED
from tests.helpers import CLEAN_BODY, write_claims
from tests.hostile import assert_safe_output, make_project, run_child

SECRET = "TOP-SECRET-TOKEN-1234"


@pytest.fixture
def proj(project: Path) -> Path:
    return project


@pytest.fixture
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A file outside the project that holds a secret nobody may print."""
    folder = tmp_path_factory.mktemp("outside")
    secret = folder / "secret.claims.yaml"
    secret.write_text(f"claimcheck: 1\n{SECRET}: [\n", encoding="utf-8")
    return secret


def _messages(result) -> str:
    return "\n".join(f"{f.location.path}: {f.message}" for f in result.findings)


def test_a_fifo_named_on_the_command_line_does_not_block(proj: Path):
    fifo = proj / "pipe.claims.yaml"
    os.mkfifo(fifo)
    run = run_child("verify", "pipe.claims.yaml", cwd=proj, timeout=20)
    assert run.returncode == 2
    assert "pipe.claims.yaml: error CC001 is not a regular file (a FIFO" in run.stdout
    run = run_child("verify", ".", cwd=proj, timeout=20)  # found by walking the folder
    assert run.returncode == 2 and "is not a regular file" in run.stdout


def test_dev_zero_and_a_directory_are_refused(proj: Path):
    run = run_child("verify", "/dev/zero", cwd=proj, timeout=20)
    assert run.returncode == 2
    assert "/dev/zero: error CC001 is not a regular file" in run.stdout
    assert run.max_rss_kb < 120 * 1024
    # A folder named like a claim file is walked into, never read as one.
    (proj / "d.claims.yaml").mkdir()
    inner = write_claims(proj / "d.claims.yaml", CLEAN_BODY, name="inner.claims.yaml")
    inner.write_text(inner.read_text().replace("articles/a.txt", "../articles/a.txt"))
    run = run_child("verify", ".", cwd=proj)
    assert run.returncode == 0, run.stdout
    assert run.stdout.endswith("\n1 file, 1 claim: 0 errors, 0 warnings, 0 info\n")
    with pytest.raises(ReadError, match="is a directory"):
        read_bytes(str(proj / "d.claims.yaml"), Limits())


def test_article_text_that_is_a_directory_a_fifo_or_a_device(proj: Path, monkeypatch):
    monkeypatch.chdir(proj)
    os.mkfifo(proj / "articles" / "fifo.txt")
    (proj / "articles" / "dir.txt").mkdir()
    (proj / "articles" / "zero.txt").symlink_to("/dev/zero")
    cases = {
        "articles/dir.txt": "is a directory",
        "articles/fifo.txt": "is not a regular file",
        "articles/zero.txt": "leads out of the project root",
    }
    for ref, words in cases.items():
        path = write_claims(proj, CLEAN_BODY)
        path.write_text(path.read_text().replace("articles/a.txt", ref))
        result = verify(Options(paths=(".",)))
        assert result.exit_code == 2, _messages(result)
        assert f"article text path '{ref}'" in _messages(result) or (
            f"article text '{ref}'" in _messages(result)
        )
        assert words in _messages(result)


def test_symbolic_link_loops(proj: Path, monkeypatch):
    monkeypatch.chdir(proj)
    (proj / "a.claims.yaml").symlink_to("b.claims.yaml")
    (proj / "b.claims.yaml").symlink_to("a.claims.yaml")
    walked = verify(Options(paths=(".",)))
    assert walked.exit_code == 2
    assert "a.claims.yaml: a symbolic link loop" in _messages(walked)
    named = verify(Options(paths=("a.claims.yaml",)))
    assert named.exit_code == 2 and "symbolic link loop" in _messages(named)
    (proj / "a.claims.yaml").unlink()
    (proj / "b.claims.yaml").unlink()
    (proj / "articles" / "loop.txt").symlink_to("loop.txt")
    path = write_claims(proj, CLEAN_BODY)
    path.write_text(path.read_text().replace("articles/a.txt", "articles/loop.txt"))
    result = verify(Options(paths=(".",)))
    assert result.exit_code == 2
    assert "article text path 'articles/loop.txt': a symbolic link loop" in _messages(result)


def test_a_link_found_in_a_folder_is_not_followed_out_of_it(proj: Path, outside: Path):
    (proj / "claims").mkdir()
    (proj / "claims" / "leak.claims.yaml").symlink_to(outside)
    run = run_child("verify", "claims", cwd=proj)
    assert run.returncode == 2
    assert "claims/leak.claims.yaml: error CC001 a symbolic link that leads out of 'claims'" in (
        run.stdout
    )
    assert SECRET not in run.stdout + run.stderr
    assert str(outside.parent) not in run.stdout


def test_a_link_that_stays_in_the_folder_is_checked_once(proj: Path, monkeypatch):
    monkeypatch.chdir(proj)
    (proj / "claims").mkdir()
    path = write_claims(proj / "claims", CLEAN_BODY)
    path.write_text(path.read_text().replace("articles/a.txt", "../articles/a.txt"))
    (proj / "claims" / "b.claims.yaml").symlink_to("a.claims.yaml")
    result = verify(Options(paths=("claims",)))
    assert result.exit_code == 0, _messages(result)
    assert [f.path for f in result.files] == ["claims/a.claims.yaml"]


def test_a_file_named_on_the_command_line_may_be_anywhere(proj: Path, outside: Path):
    # The user's explicit choice: read, and its problems reported (its secret key included,
    # since the user named that file).
    link = proj / "mine.claims.yaml"
    link.symlink_to(outside)
    for name in (str(outside), "mine.claims.yaml"):
        run = run_child("verify", name, cwd=proj)
        assert run.returncode == 2, run.stdout
        assert "YAML syntax error" in run.stdout


def test_an_article_link_out_of_the_project_is_named_never_read(proj: Path, outside: Path):
    (proj / "articles" / "leak.txt").symlink_to(outside)
    path = write_claims(proj, CLEAN_BODY)
    path.write_text(path.read_text().replace("articles/a.txt", "articles/leak.txt"))
    run = run_child("verify", ".", cwd=proj)
    assert run.returncode == 2
    assert (
        "article text path 'articles/leak.txt' is a symbolic link that leads out of the "
        "project root" in run.stdout
    )
    assert SECRET not in run.stdout + run.stderr
    assert_safe_output(run.stdout)


@pytest.mark.parametrize(
    "ref",
    ["../../../../../../etc/passwd", "/etc/passwd", "articles/../../x.txt", "~/x.txt", "C:/x"],
)
def test_article_paths_that_leave_the_project(proj: Path, monkeypatch, ref: str):
    monkeypatch.chdir(proj)
    path = write_claims(proj, CLEAN_BODY)
    path.write_text(path.read_text().replace("articles/a.txt", f"'{ref}'"))
    result = verify(Options(paths=(".",)))
    assert result.exit_code == 2
    message = _messages(result)
    assert f"article text path '{ref}'" in message
    assert "leaves the project root" in message or "is absolute" in message
    assert "root:x:0:0" not in message


def test_a_file_that_grows_while_it_is_read(tmp_path: Path, monkeypatch):
    path = tmp_path / "grow.claims.yaml"
    path.write_bytes(b"a: 1\n")
    real_read = os.read

    def read_then_grow(fd: int, n: int) -> bytes:
        data = real_read(fd, n)
        with path.open("ab") as f:  # another process appends between two reads
            f.write(b"b: 2\n" * 40)
        return data

    monkeypatch.setattr(reader.os, "read", read_then_grow)
    with pytest.raises(ReadError, match=r"grew past the limit of 100 \(max-file-bytes\)"):
        read_bytes(str(path), Limits(max_file_bytes=100))


def test_each_file_is_read_once_and_its_snapshot_parsed(proj: Path, monkeypatch):
    """A file rewritten after it was read does not change the answer: the snapshot is parsed."""
    monkeypatch.chdir(proj)
    path = write_claims(proj, CLEAN_BODY)
    reads: list[str] = []
    real = engine_module.read_bytes

    def read_then_clobber(name: str, limits: Limits) -> bytes:
        data = real(name, limits)
        reads.append(Path(name).name)
        if name.endswith(".claims.yaml"):
            Path(name).write_text("a: [\n", encoding="utf-8")  # would be a syntax error
        return data

    monkeypatch.setattr(engine_module, "read_bytes", read_then_clobber)
    monkeypatch.setattr("claimcheck.check.inputs.read_bytes", read_then_clobber)
    result = verify(Options(paths=(".",)))
    assert result.exit_code == 0, _messages(result)
    assert reads == ["a.claims.yaml", "a.txt"]
    assert path.read_text(encoding="utf-8") == "a: [\n"


def test_the_seed_claims_still_pass_through_a_linked_folder(tmp_path: Path, monkeypatch):
    # A folder named on the command line through a link is the user's choice too.
    make_project(tmp_path)
    (tmp_path / "seed").symlink_to(SEED.parent, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    result = verify(Options(paths=("seed/japan-india-2plus2.claims.yaml",)))
    assert result.exit_code == 1
    assert any(f.rule_id == "CC101" for f in result.findings)


def test_a_file_named_twice_is_checked_once(proj: Path, monkeypatch):
    monkeypatch.chdir(proj)
    write_claims(proj, CLEAN_BODY)
    result = verify(Options(paths=(".", "a.claims.yaml", "./a.claims.yaml")))
    assert [f.path for f in result.files] == ["a.claims.yaml"]


def test_hostile_text_in_a_claim_file_is_escaped_in_every_format(proj: Path):
    body = (
        "claims:\n"
        '  - id: "x\\n::error file=a::pwned \\u202eevil"\n'
        "    kind: office\n"
        '    "colour\\u200b\\n::warning::": red\n'
        "    quote: q\n"
    )
    write_claims(proj, body, name="::error::x.claims.yaml")
    for fmt in ("text", "json"):
        run = run_child("verify", "--format", fmt, ".", cwd=proj)
        assert run.returncode == 1, run.stdout
        assert_safe_output(run.stdout)
        assert "pwned" in run.stdout  # reported, escaped, not dropped
    assert "./::error::x.claims.yaml:" in run_child("verify", ".", cwd=proj).stdout


def test_a_report_that_cannot_be_written_is_a_usage_error(proj: Path):
    write_claims(proj, CLEAN_BODY)
    run = run_child("verify", ".", "-o", "missing/dir/report.txt", cwd=proj)
    assert run.returncode == 2
    assert "cannot write the report to 'missing/dir/report.txt'" in run.stderr
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr
