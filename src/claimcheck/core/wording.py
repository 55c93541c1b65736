"""Lists of names in messages, cut short: a report stays linear in the size of its input."""

from __future__ import annotations

from collections.abc import Sequence

NAMED_LIMIT = 5  # names a message spells out before "and 38 more"


def enumeration(names: Sequence[str], total: int | None = None, limit: int = NAMED_LIMIT) -> str:
    """``India, Egypt and Iran``; past ``limit`` of ``total``, ``India, ..., Iran and 38 more``.

    ``names`` may hold only the first ``limit`` of ``total``: a caller need not build them all.
    """
    total = len(names) if total is None else total
    shown = list(names[:limit])
    if total > len(shown):
        return ", ".join(shown) + f" and {total - len(shown)} more"
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " and " + shown[-1]
