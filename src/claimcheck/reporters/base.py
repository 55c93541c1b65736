"""The contract every output format keeps: render a result to text, deterministically."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.api import Result

# The version of the JSON report (schema/report-v1.json). Here, not in report_model, so that
# writing a report does not import pydantic.
REPORT_VERSION = 1


class Reporter:
    name: str = ""

    def render(self, result: Result) -> str:
        raise NotImplementedError
