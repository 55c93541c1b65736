"""How good a draft is against the claims a person expects: recall, field accuracy, false drafts.

An expected claim names its kind, a few of the article's words its quote must hold (`words`),
its `category` (for the misses table) and the key values a reviewer would check (`keys`).
A drafted claim of that kind whose quote holds the words (or lies inside them) is the
candidate; it is right when every key value agrees (lists as sets). A drafted claim that
no expected claim accounts for is a false draft.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from claimcheck.core.textnorm import normalise


def _words(text: str) -> str:
    return normalise(text).casefold()


def _same(want: Any, got: Any) -> bool:
    if isinstance(want, list):
        return isinstance(got, list) and {str(x) for x in want} == {str(x) for x in got}
    return str(want) == str(got) if got is not None else False


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    keys: int = 0
    keys_right: int = 0
    drafted: int = 0
    false: int = 0
    misses: Counter[str] = field(default_factory=Counter)
    wrong: Counter[str] = field(default_factory=Counter)
    missed: list[str] = field(default_factory=list)
    false_quotes: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def accuracy(self) -> float:
        return self.keys_right / self.keys if self.keys else 1.0

    def add(self, other: Score) -> None:
        for name in ("expected", "found", "keys", "keys_right", "drafted", "false"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.update(other.misses)
        self.wrong.update(other.wrong)
        self.missed.extend(other.missed)
        self.false_quotes.extend(other.false_quotes)


def score(drafted: list[dict[str, Any]], expected: list[dict[str, Any]]) -> Score:
    out = Score(expected=len(expected), drafted=len(drafted))
    used: set[int] = set()
    for want in expected:
        words = _words(str(want["words"]))
        candidates = [
            (n, c)
            for n, c in enumerate(drafted)
            if c["kind"] == want["kind"]
            and (words in _words(c["quote"]) or _words(c["quote"]) in words)
        ]
        keys = want.get("keys", {})
        best = max(
            candidates,
            key=lambda nc: (sum(_same(v, nc[1].get(k)) for k, v in keys.items()), -nc[0]),
            default=None,
        )
        if best is None:
            out.misses[want["category"]] += 1
            out.missed.append(f"{want['category']}: {want['words']}")
            continue
        out.found += 1
        used.add(best[0])
        for name, value in keys.items():
            out.keys += 1
            if _same(value, best[1].get(name)):
                out.keys_right += 1
            else:
                out.wrong[f"{want['category']}.{name}"] += 1
    for n, c in enumerate(drafted):
        if n in used:
            continue
        accounted = any(
            c["kind"] == w["kind"]
            and (
                _words(str(w["words"])) in _words(c["quote"])
                or _words(c["quote"]) in _words(str(w["words"]))
            )
            for w in expected
        )
        if not accounted:
            out.false += 1
            out.false_quotes.append(f"{c['kind']}: {c['quote']}")
    return out
