"""Bytes to text: UTF-8 only, with the position of the first byte that is not."""

from __future__ import annotations

import re

from claimcheck.loader.document import LoadError, Problem

# C0 controls but tab, LF and CR; DEL; C1 controls. Bidi and zero-width characters are
# legal text and are left to the rules, which report them by name.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# The same characters in UTF-8: the C0 controls and DEL are bytes that never occur inside
# another character, and each C1 control is 0xC2 and a second byte.
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def control_name(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def decode(raw: bytes) -> str:
    """Decode UTF-8 (a leading BOM is dropped); refuse anything else with its position."""
    if raw.startswith(_UTF16_32_BOMS) or (len(raw) >= 2 and (raw[0] == 0 or raw[1] == 0)):
        raise LoadError(
            [Problem("file is not UTF-8 (it looks like UTF-16 or UTF-32): save it as UTF-8", 1, 1)]
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8")
        line, col = line_col(good, len(good))
        raise LoadError(
            [
                Problem(
                    f"invalid UTF-8 byte 0x{raw[exc.start]:02X}: save the file as UTF-8",
                    line,
                    col,
                )
            ]
        ) from None
    # The regular expression looks at every character in Python's engine: only text whose
    # bytes may hold a control (found by C loops ten times as fast) is searched.
    suspect = b"\xc2" in raw or len(raw.translate(None, _CONTROL_BYTES)) != len(raw)
    m = CONTROL_RE.search(text) if suspect else None
    if m:
        line, col = line_col(text, m.start())
        raise LoadError(
            [
                Problem(
                    f"control character {control_name(m.group())} is not allowed in a claim file",
                    line,
                    col,
                )
            ]
        )
    return text
