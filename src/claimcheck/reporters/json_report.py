"""The canonical, versioned JSON report (schema/report-v1.json)."""

from __future__ import annotations

import json
from typing import Any

from claimcheck import __version__
from claimcheck.api import Result
from claimcheck.findings import Severity
from claimcheck.reporters.base import REPORT_VERSION, Reporter


def report_dict(result: Result) -> dict[str, Any]:
    active = [f for f in result.findings if f.suppressed is None]
    return {
        "format": "claimcheck-report",
        "version": REPORT_VERSION,
        "tool": {"name": "claimcheck", "version": __version__},
        "files": [
            {"path": fr.path, "status": fr.status, "claims": fr.claims} for fr in result.files
        ],
        "findings": [f.to_dict() for f in result.findings],
        "summary": {
            "files": len(result.files),
            "claims": sum(fr.claims for fr in result.files),
            "findings": {
                str(s): sum(1 for f in active if f.severity == s) for s in reversed(Severity)
            },
            "suppressed": len(result.findings) - len(active),
            "exit_code": result.exit_code,
        },
        "verdicts": [v.to_dict() for v in result.verdicts],
        "knowledge_base": {
            "files": list(result.kb_files),
            "as_of": str(result.as_of) if result.as_of is not None else None,
        },
    }


def _dump(value: Any) -> str:
    # ensure_ascii keeps control and bidi characters escaped in the bytes we write; without
    # `indent`, json uses its C encoder, ten times faster on an archive's report.
    return json.dumps(value, ensure_ascii=True, separators=(", ", ": "))


def render_lines(report: dict[str, Any]) -> str:
    """The report as JSON with one finding, file or verdict per line: fast, and easy to diff."""
    lines = ["{"]
    last = len(report) - 1
    for n, (key, value) in enumerate(report.items()):
        comma = "," if n < last else ""
        if isinstance(value, list) and value:
            lines.append(f"  {_dump(key)}: [")
            end = len(value) - 1
            lines.extend(
                f"    {_dump(item)}{',' if i < end else ''}" for i, item in enumerate(value)
            )
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {_dump(key)}: {_dump(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


class JsonReporter(Reporter):
    name = "json"

    def render(self, result: Result) -> str:
        return render_lines(report_dict(result))
