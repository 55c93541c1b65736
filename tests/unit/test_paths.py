"""paths.resolve_inside: the one check every path written in a data file goes through."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.core.paths import PathRefusedError, follow_link, resolve_inside


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "proj" / "claims" / "articles").mkdir(parents=True)
    (tmp_path / "proj" / "claims" / "articles" / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    return tmp_path / "proj"


def test_a_relative_path_inside_the_project_resolves(root: Path):
    base = root / "claims"
    assert resolve_inside(root, base, "articles/a.txt") == (base / "articles/a.txt").resolve()
    assert resolve_inside(root, base, "./articles/../articles/a.txt").name == "a.txt"
    # Climbing is fine while it stays inside; a missing file is the reader's business.
    assert resolve_inside(root, base, "../claims/articles/missing.txt").name == "missing.txt"


@pytest.mark.parametrize(
    ("ref", "words"),
    [
        ("../../outside.txt", "leaves the project root"),
        ("../../../../../../../../etc/passwd", "leaves the project root"),
        ("/etc/passwd", "is absolute"),
        ("C:\\Windows\\win.ini", "is absolute"),
        ("\\\\server\\share\\x", "is absolute"),
        ("~/x.txt", "is absolute"),
        ("", "is not a file name"),
        ("a\x00b", "is not a file name"),
    ],
)
def test_paths_that_leave_are_named_and_refused(root: Path, ref: str, words: str):
    with pytest.raises(PathRefusedError) as info:
        resolve_inside(root, root / "claims", ref, what="article text path")
    assert str(info.value).startswith(f"article text path {ref!r} ")
    assert words in str(info.value)


def test_links_out_are_refused_links_inside_are_followed(root: Path):
    articles = root / "claims" / "articles"
    (articles / "out.txt").symlink_to(root.parent / "outside.txt")
    (articles / "in.txt").symlink_to("a.txt")
    (articles / "outdir").symlink_to(root.parent, target_is_directory=True)
    with pytest.raises(PathRefusedError, match="symbolic link that leads out of the project"):
        resolve_inside(root, root / "claims", "articles/out.txt")
    with pytest.raises(PathRefusedError, match="symbolic link that leads out of the project"):
        resolve_inside(root, root / "claims", "articles/outdir/outside.txt")
    assert resolve_inside(root, root / "claims", "articles/in.txt") == articles / "a.txt"


def test_a_link_loop_is_refused(root: Path):
    (root / "loop").symlink_to("loop")
    with pytest.raises(PathRefusedError, match="'loop': a symbolic link loop"):
        resolve_inside(root, root, "loop")


def test_a_root_reached_through_a_link_still_contains_its_files(root: Path, tmp_path: Path):
    alias = tmp_path / "alias"
    alias.symlink_to(root, target_is_directory=True)
    got = resolve_inside(alias, alias / "claims", "articles/a.txt")
    assert got == (root / "claims" / "articles" / "a.txt").resolve()


def test_follow_link_stays_in_the_walked_folder(root: Path):
    claims = root / "claims"
    (claims / "in.claims.yaml").symlink_to("articles/a.txt")
    (claims / "out.claims.yaml").symlink_to(root.parent / "outside.txt")
    assert follow_link(claims / "in.claims.yaml", claims) == claims / "articles" / "a.txt"
    with pytest.raises(PathRefusedError, match="leads out of"):
        follow_link(claims / "out.claims.yaml", claims)
