"""Every file claimcheck writes (a report, a baseline, an export, a new claim file): one way.

A regular file appears whole or not at all: the text goes to a temporary file beside it,
renamed over it once complete, so a reader never sees half a report and a failed run leaves
the old file. A link is not replaced: the file it leads to is. A device, a FIFO or a link to
one (``-o /dev/null``, ``-o /dev/stdout``) cannot be renamed over, so it is written in place,
as is the file stdout or stderr already writes to (``-o /dev/stdout > report.txt``).
A path comes from the command line, which is trusted, but a link on it may come from the
checked repository (a pull request can commit ``accepted.claims.yaml`` as a link to a file in
the home folder): a link that leads out of the project root is refused, and nothing is written.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from claimcheck.core.paths import PathRefusedError, is_inside, real_path
from claimcheck.core.project import find_root


@contextmanager
def open_output(path: str, root: str | None = None, *, overwrite: bool = True) -> Iterator[TextIO]:
    """A text stream to ``path``; the file is in place once the ``with`` block ends.

    ``root``: the project root (default: the one around the cwd). ``overwrite=False`` raises
    ``FileExistsError`` rather than replace a file. Raises ``PathRefusedError`` for a link
    that leads out of the root, ``OSError`` when the file cannot be written.
    """
    target = Path(path)
    try:
        found: os.stat_result | None = target.stat()  # follows links: what would be written
    except FileNotFoundError:
        found = None
    if found is not None and (_special(found) or _open_as_stdout_or_stderr(found)):
        if not overwrite:
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), path)
        with target.open("w", encoding="utf-8", newline="\n") as out:
            yield out
        return
    real = _confined(target, Path(root) if root else find_root(Path.cwd()))
    fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    try:
        os.close(fd)
        umask = os.umask(0)
        os.umask(umask)
        Path(tmp).chmod(0o666 & ~umask)  # as a file written in place would be, not 0600
        with Path(tmp).open("w", encoding="utf-8", newline="\n") as out:
            yield out
        if overwrite:
            Path(tmp).replace(real)
        else:
            _link(Path(tmp), real)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _special(found: os.stat_result) -> bool:
    """A device, a FIFO or a socket: renaming a file over it would replace it."""
    return not stat.S_ISREG(found.st_mode) and not stat.S_ISDIR(found.st_mode)


def _open_as_stdout_or_stderr(found: os.stat_result) -> bool:
    """``-o /dev/stdout`` with stdout sent to a file: the file the shell opened for us."""
    for fd in (1, 2):
        try:
            std = os.fstat(fd)
        except OSError:
            continue
        if (std.st_dev, std.st_ino) == (found.st_dev, found.st_ino):
            return True
    return False


def _confined(target: Path, root: Path) -> Path:
    """Where ``target`` really is, refused when a link on the way leads out of ``root``."""
    real = real_path(target)
    lexical = Path(os.path.abspath(target))  # noqa: PTH100 (no link followed, unlike resolve)
    if real != lexical and not is_inside(real, real_path(root)):
        raise PathRefusedError(
            f"{target.as_posix()!r} is a symbolic link that leads out of the project root: "
            "not written (name a file inside it, or the real file)"
        )
    return real


def _link(tmp: Path, target: Path) -> None:
    """``tmp`` at ``target`` too, never over a file already there (``FileExistsError``)."""
    try:
        os.link(tmp, target)  # fails, atomically, when a file is already there
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: create it exclusively instead
        with target.open("xb") as out:
            out.write(tmp.read_bytes())
