"""The contract every output format keeps: render a result to text, deterministically."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.api import Result

# The version of the JSON report (schema/report-v1.json). Here, not in report_model, so that
# writing a report does not import pydantic.
REPORT_VERSION = 1


@dataclass(frozen=True)
class ReportSettings:
    """How a person asked to see the report; formats that do not apply a setting ignore it."""

    color: bool = False
    verbosity: int = 0  # -1 quiet (findings only), 0 normal, 1 verbose (related places, verdicts)


class Reporter:
    name: str = ""

    def __init__(self, settings: ReportSettings | None = None):
        self.settings = settings or ReportSettings()

    def render(self, result: Result) -> str:
        raise NotImplementedError
