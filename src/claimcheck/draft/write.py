"""The drafted claims as a claim file: YAML whose every string is a JSON string.

A JSON string is a valid YAML double-quoted scalar, so nothing an article holds (a colon,
a quote mark, "no", "2015") can change what the YAML means; keys come out in one order, so
the same article and KB give the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

FIELD_ORDER = (
    "id", "kind", "draft", "event", "what", "of", "group", "members", "complete", "founding",
    "count", "office", "holder", "former", "since", "subject", "predicate", "object", "name",
    "property", "date", "weekday", "relative", "place", "hosts", "participants", "series",
    "ordinal", "at", "quote", "notes",
)  # fmt: skip


# Characters a YAML reader takes as line breaks or refuses raw inside a double-quoted
# scalar; escaped, they stay the article's characters (JSON escapes are YAML escapes).
_YAML_BREAKS = str.maketrans({c: f"\\u{ord(c):04x}" for c in "\u0085\u2028\u2029\ufeff"})


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False).translate(_YAML_BREAKS)


def claim_yaml(claim: dict[str, Any]) -> str:
    keys = sorted(claim, key=lambda k: FIELD_ORDER.index(k) if k in FIELD_ORDER else 99)
    lines = []
    for n, k in enumerate(keys):
        lead = "  - " if n == 0 else "    "
        lines.append(f"{lead}{k}: {scalar(claim[k])}")
    return "\n".join(lines) + "\n"


def entity_yaml(ident: str, entry: dict[str, Any]) -> str:
    body = ", ".join(
        f"{k}: {scalar(entry[k])}" for k in ("name", "kind", "wikidata", "aliases") if k in entry
    )
    return f"  {scalar(ident)}: {{{body}}}\n"
