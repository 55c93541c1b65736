"""Make user text safe to print: no control, escape or bidi characters reach a terminal or CI.

Every reporter passes text that came from a checked file (paths, ids, messages that quote a
value) through ``safe()``; formats with a syntax of their own (JSON, XML) escape on top.
"""

from __future__ import annotations

import re

# C0/C1 controls, DEL, the Unicode format characters that reorder or hide text (bidi
# embeddings, overrides and isolates, zero-width characters, the Arabic letter mark, word
# joiners, BOM, interlinear annotations), the line and paragraph separators some viewers
# break lines at, and lone surrogates, which no encoder can write.
UNSAFE_CHARS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufeff\ufff9-\ufffb\ud800-\udfff]"
)


def _escape_char(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: str) -> str:
    """Escape what a terminal or a log reader would act on; keep tab and newline visible.

    The result is one line: a newline in the text becomes ``\\n``, so text from a file can
    never start a line of output of its own (CI runners read lines starting ``::`` as
    commands).
    """
    return UNSAFE_CHARS.sub(_escape_char, text).replace("\n", "\\n").replace("\t", "\\t")


def safe_path(path: str) -> str:
    """``safe(path)`` for a path that opens an output line: one starting ``:`` gets ``./``.

    A file named ``::error::x.claims.yaml`` in the current folder would otherwise open a
    line that GitHub Actions runs as a workflow command; ``./`` keeps it the same file.
    """
    out = safe(path)
    return "./" + out if out.startswith(":") else out
