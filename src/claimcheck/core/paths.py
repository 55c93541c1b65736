"""Paths written inside data files stay inside the project: the one check everything uses.

A claim file or knowledge base comes from anyone, so a path in it (the article's text, a
source snapshot, an included table) is an untrusted request to read a file. It may name a
file below the project root, reached through links or not, and nothing else: no absolute
path, no ``..`` that climbs out, no symbolic link that leads out. A refused path is named in
the message; nothing at it is opened, so its contents can never be echoed.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path, PurePosixPath, PureWindowsPath

# "C:", "C:\\x", "\\\\server\\share": absolute on Windows even when read on POSIX.
_WINDOWS_ABSOLUTE = re.compile(r"^(?:[A-Za-z]:|[\\/]{2})")


class PathRefusedError(Exception):
    """The path may not be read; the message names it and says what to write instead."""


def real_path(path: Path) -> Path:
    """``path`` with every link followed; a loop or a too-long chain is refused."""
    try:
        return Path(os.path.realpath(path, strict=True))
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            # A missing or unreadable file is not a refusal: the reader says "no such file"
            # or "permission denied" when it tries to open it.
            return Path(os.path.realpath(path))
        message = "a symbolic link loop (or a chain of links too long to follow)"
        raise PathRefusedError(message) from exc


def resolved(path: Path) -> Path:
    """``path`` made absolute with its links followed as far as they lead, never an error.

    A loop, a missing part or an unreadable folder is left as written: ``Path.resolve``
    raises ``RuntimeError`` on a loop (before Python 3.13), which would be an internal error.
    Only for finding folders; a file about to be read goes through ``real_path``.
    """
    return Path(os.path.realpath(path))


def is_inside(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def resolve_inside(root: Path, base: Path, ref: str, *, what: str = "path") -> Path:
    """The real path of ``ref``, written relative to the folder ``base``, inside ``root``.

    ``what`` names the field in messages ("article text path"). Raises ``PathRefusedError``.
    """
    shown = repr(ref)
    if not ref or "\x00" in ref:
        raise PathRefusedError(f"{what} {shown} is not a file name")
    if (
        PurePosixPath(ref).is_absolute()
        or PureWindowsPath(ref).is_absolute()
        or _WINDOWS_ABSOLUTE.match(ref)
        or ref.startswith("~")
    ):
        raise PathRefusedError(
            f"{what} {shown} is absolute: write it relative to this file, inside the project"
        )
    root = real_path(root)
    lexical = Path(os.path.normpath(base / ref))
    try:
        target = real_path(lexical)
    except PathRefusedError as exc:
        raise PathRefusedError(f"{what} {shown}: {exc}") from None
    if not is_inside(target, root):
        if is_inside(Path(os.path.normpath(real_path(base) / ref)), root):
            raise PathRefusedError(
                f"{what} {shown} is a symbolic link that leads out of the project root: "
                "name a file inside it"
            )
        raise PathRefusedError(f"{what} {shown} leaves the project root: name a file inside it")
    return target


def follow_link(link: Path, folder: Path) -> Path:
    """Where a link met while walking ``folder`` leads, refused when it leaves the folder."""
    target = real_path(link)
    if not is_inside(target, real_path(folder)):
        raise PathRefusedError(
            f"a symbolic link that leads out of {folder.as_posix()!r}: not followed "
            "(name the file itself to check it)"
        )
    return target


def did_you_mean(path: Path, given: str) -> str:
    """`` (did you mean claims/?)`` for a near miss among the names beside ``path``, said
    as the path was ``given`` (`claims/eu-sumit.claims.yaml`: its folder kept)."""
    # lazy: start-up (difflib: only a path that does not exist needs a near miss)
    import difflib

    try:
        names = [p.name for p in path.parent.iterdir() if not p.name.startswith(".")]
    except OSError:
        return ""
    close = difflib.get_close_matches(path.name, names, n=1, cutoff=0.75)
    if not close:
        return ""
    suffix = "/" if (path.parent / close[0]).is_dir() else ""
    return f" (did you mean {Path(given).parent / close[0]}{suffix}?)"
