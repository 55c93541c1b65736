"""The contract every output format keeps: render a result to text, deterministically."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.api import Result


class Reporter:
    name: str = ""
    verbose: bool = False  # -v: formats that summarise may show every verdict

    def render(self, result: Result) -> str:
        raise NotImplementedError
