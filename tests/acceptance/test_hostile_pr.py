"""A pull request is hostile: the names and links it commits must not steer what claimcheck
writes. The hook reads file names as paths, never as options; a writer never follows a link
out of the project, and writes a device in place instead of replacing it."""

from __future__ import annotations

import os
import re
import shlex
import stat
import threading
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.helpers import BAD_BODY, write_claims
from tests.hostile import run_child

ATTACK = "--write-baseline=accepted.claims.yaml"


def _hook() -> dict:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return hook


def test_a_file_named_like_an_option_is_a_path_to_the_hook(project: Path):
    write_claims(project, BAD_BODY, "bad.claims.yaml")
    (project / ATTACK).write_bytes(b"")  # committed empty: it only has to be passed
    hook = _hook()
    assert re.search(hook["files"], ATTACK)  # pre-commit passes it, as a changed claim file
    # As pre-commit builds the command: entry, then args, then the file names.
    program, *entry = shlex.split(hook["entry"])
    assert program == "claimcheck"
    run = run_child(*entry, *hook.get("args", []), "bad.claims.yaml", ATTACK, cwd=project)
    assert not (project / "accepted.claims.yaml").exists()
    assert run.returncode == 2, run.stdout + run.stderr  # the empty "claim file" is unreadable
    assert f"{ATTACK}:1:1:" in run.stdout
    assert " CC101 " in run.stdout  # the real finding still fails the commit


def test_double_dash_ends_the_options(project: Path):
    run = run_child("verify", "--", ATTACK, cwd=project)
    assert run.returncode == 2
    assert run.stderr == f"Error: {ATTACK}: no such file or folder\n"  # a path, not an option
    assert not (project / "accepted.claims.yaml").exists()


@pytest.fixture
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A file outside the project, e.g. in the home folder, that a link in the PR points at."""
    victim = tmp_path_factory.mktemp("home") / "authorized_keys"
    victim.write_text("ssh-ed25519 AAAA keep-me\n", encoding="utf-8")
    return victim


@pytest.mark.parametrize(
    "args",
    [
        ("verify", "--no-cache", "bad.claims.yaml", "--write-baseline", "link.json"),
        ("verify", "--no-cache", "bad.claims.yaml", "-o", "link.json"),
        # CC101 refutes the list with no knowledge base: a review, which needs its page's url.
        (
            "export",
            "--format",
            "claimreview",
            "bad.claims.yaml",
            "--url",
            "https://facts.example/r",
            "--reviewer",
            "Desk",
            "-o",
            "link.json",
        ),
    ],
)
def test_a_link_out_of_the_project_is_never_written_through(project, outside, args):
    write_claims(project, BAD_BODY, "bad.claims.yaml")
    (project / "link.json").symlink_to(outside)
    run = run_child(*args, cwd=project)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "symbolic link that leads out of the project root" in run.stderr
    assert outside.read_text(encoding="utf-8") == "ssh-ed25519 AAAA keep-me\n"
    assert (project / "link.json").is_symlink()


def test_a_dangling_link_out_of_the_project_is_not_created_by_init(project, outside):
    (project / "new.claims.yaml").symlink_to(outside.parent / "planted")
    run = run_child("init", "articles/a.txt", "-o", "new.claims.yaml", cwd=project)
    assert run.returncode == 2
    assert "leads out of the project root" in run.stderr
    assert not (outside.parent / "planted").exists()


def test_a_link_inside_the_project_is_kept_and_its_file_replaced(project):
    write_claims(project, BAD_BODY, "bad.claims.yaml")
    (project / "reports").mkdir()
    (project / "reports" / "real.txt").write_text("old\n", encoding="utf-8")
    (project / "report.txt").symlink_to(Path("reports") / "real.txt")
    run = run_child("verify", "--no-cache", "bad.claims.yaml", "-o", "report.txt", cwd=project)
    assert run.returncode == 1, run.stderr
    assert (project / "report.txt").is_symlink()
    assert " CC101 " in (project / "reports" / "real.txt").read_text(encoding="utf-8")
    assert sorted(p.name for p in (project / "reports").iterdir()) == ["real.txt"]  # no temp


def _null_device(folder: Path) -> Path:
    """A character device like /dev/null, made here: a bug must not replace the real one."""
    node = folder / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return node


@pytest.mark.parametrize("via_link", [False, True])
def test_o_to_a_device_writes_in_place(project, via_link):
    write_claims(project, BAD_BODY, "bad.claims.yaml")
    device = _null_device(project)
    target = device
    if via_link:  # as /dev/stdout is a link to the terminal or the pipe
        target = project / "stdout"
        target.symlink_to(device)
    run = run_child("verify", "--no-cache", "bad.claims.yaml", "-o", target.name, cwd=project)
    assert run.returncode == 1, run.stderr
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert target.is_symlink() is via_link
    assert not list(project.glob(".*.tmp"))


def test_o_dev_stdout_writes_to_the_pipe(project):
    write_claims(project, BAD_BODY, "bad.claims.yaml")
    run = run_child("verify", "--no-cache", "bad.claims.yaml", "-o", "/dev/stdout", cwd=project)
    assert run.returncode == 1, run.stderr
    assert " CC101 " in run.stdout


def test_o_to_a_fifo_writes_in_place(project):
    write_claims(project, BAD_BODY, "bad.claims.yaml")
    fifo = project / "report.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    run = run_child("verify", "--no-cache", "bad.claims.yaml", "-o", fifo.name, cwd=project)
    reader.join(timeout=30)
    assert run.returncode == 1, run.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert b" CC101 " in got[0]
