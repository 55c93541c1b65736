"""Make user text safe to print: no control, escape or bidi characters reach a terminal or CI."""

from __future__ import annotations

import re

# C0/C1 controls, DEL, and the Unicode format characters that reorder or hide text.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def _escape_char(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: str) -> str:
    """Escape what a terminal or a log reader would act on; keep tab and newline visible."""
    return _UNSAFE.sub(_escape_char, text).replace("\n", "\\n").replace("\t", "\\t")
