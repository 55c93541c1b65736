"""Read a file a claim file names (its article text), and the state the result cache keeps of it.

The state is taken from the bytes actually read, after every link on the way was followed
inside the project: a cached result is reused only while the same name, resolved again,
still leads to the same bytes (or to the same refusal). A link re-pointed elsewhere in the
project changes the state, even when the file it used to lead to is unchanged. The state
names the target relative to the folder the name is written from, so a project moved as a
whole (or given a new root above it) keeps its states, and its cached results.
"""

from __future__ import annotations

import os
from pathlib import Path

from claimcheck.core.limits import Limits
from claimcheck.core.paths import PathRefusedError, resolve_inside
from claimcheck.loader.reader import ReadError, digest, read_bytes


class Input:
    """A named file as read: its real path and bytes, or why it could not be read.

    A plain record: a dataclass costs every start-up half a millisecond."""

    __slots__ = ("problem", "raw", "state", "target")

    def __init__(
        self, target: Path | None, raw: bytes | None, problem: str | None, state: str
    ) -> None:
        self.target = target
        self.raw = raw
        self.problem = problem  # the refusal or read error, as a finding says it
        # What the result cache compares: the target (relative to the folder the name is
        # written from) and a hash of ``raw``, or why not.
        self.state = state


def input_name(what: str, base: Path, ref: str) -> str:
    """How a result names an input: what it is (for messages), the folder it is written
    relative to, and the text as written."""
    return f"{what}\0{base}\0{ref}"


def read_input(root: Path, name: str, limits: Limits) -> Input:
    """Resolve ``name`` (``input_name``) inside ``root`` and read it once."""
    what, _, rest = name.partition("\0")
    base, _, ref = rest.partition("\0")  # a folder holds no NUL; the text as written may
    try:
        target = resolve_inside(root, Path(base), ref, what=what)
    except PathRefusedError as exc:
        return Input(None, None, str(exc), f"refused: {exc}")
    where = os.path.relpath(target, base)
    try:
        raw = read_bytes(str(target), limits)
    except ReadError as exc:
        return Input(target, None, str(exc), f"unreadable: {where}: {exc}")
    return Input(target, raw, None, f"{where}\0{digest(raw)}")
