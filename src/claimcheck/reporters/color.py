"""Whether to colour: NO_COLOR, then FORCE_COLOR, then TERM=dumb, then whether it is a TTY."""

from __future__ import annotations

from collections.abc import Mapping

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
DIM = "\x1b[2m"
SEVERITY = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}


def want_color(isatty: bool, environ: Mapping[str, str]) -> bool:
    """https://no-color.org and https://force-color.org: any non-empty value counts."""
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    if environ.get("TERM") == "dumb":
        return False
    return isatty


def paint(text: str, code: str, on: bool) -> str:
    """Wrap text we wrote (already made safe) in an SGR code; user text is never a code."""
    return f"{code}{text}{RESET}" if on else text
