"""SARIF 2.1.0, the subset GitHub code scanning reads, for `upload-sarif`.

Every rule and diagnostic is listed in ``tool.driver.rules`` (so ``ruleIndex`` is stable);
paths stay relative to where claimcheck ran, under ``%SRCROOT%``: run it from the
repository root. ``partialFingerprints`` carries the same line-independent identity as the
baseline, so an alert survives edits elsewhere in the file. The run's ``properties`` count
the claims' verdicts, under their report names (``verdicts``: supported, refuted, stale,
incomplete, conflicting, not_enough_info), as the JSON report's summary does.
"""

from __future__ import annotations

import json
from typing import Any, TextIO
from urllib.parse import quote

from claimcheck import __version__
from claimcheck.baseline import fingerprint
from claimcheck.check.result import NO_VERDICTS, VERDICT_NAMES, FileResult, Tally
from claimcheck.core.diagnostics import DIAGNOSTICS
from claimcheck.core.findings import Finding, Location, Severity
from claimcheck.reporters.base import Reporter
from claimcheck.rules import RULES
from claimcheck.run.stream import RunInfo

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "claimcheck/v1"
INFORMATION_URI = "https://claimcheck.dev"


def _rules() -> list[dict[str, Any]]:
    described = [(d.id, d.name, d.severity, d.summary(), d.doc.strip()) for d in DIAGNOSTICS]
    described += [(r.id, r.name, r.severity, r.summary(), r.doc()) for r in RULES]
    return [
        {
            "id": rule_id,
            "name": name,
            "shortDescription": {"text": summary},
            "fullDescription": {"text": doc},
            "help": {"text": doc, "markdown": doc},
            "defaultConfiguration": {"level": LEVEL[severity]},
            "properties": {"tags": ["claimcheck"], "problem.severity": LEVEL[severity]},
        }
        for rule_id, name, severity, summary, doc in described
    ]


def _uri(path: str) -> dict[str, str]:
    if path.startswith("/"):
        return {"uri": "file://" + quote(path, errors="surrogatepass")}
    return {"uri": quote(path, errors="surrogatepass"), "uriBaseId": "%SRCROOT%"}


def _location(loc: Location) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _uri(loc.path)}
    if loc.line:
        end_line = max(loc.end_line, loc.line)
        column = max(loc.column, 1)
        # SARIF's endColumn is exclusive: at least one character is highlighted.
        end_column = loc.end_column if loc.end_column else column + 1
        if end_line == loc.line:
            end_column = max(end_column, column + 1)
        physical["region"] = {
            "startLine": loc.line,
            "startColumn": column,
            "endLine": end_line,
            "endColumn": end_column,
        }
    return {"physicalLocation": physical}


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    out: dict[str, Any] = {"ruleId": f.rule_id}
    if f.rule_id in index:  # a plug-in rule the registry does not list has no index
        out["ruleIndex"] = index[f.rule_id]
    out |= {
        "level": LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [_location(f.location)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f)},
    }
    if f.related:
        out["relatedLocations"] = [
            {"id": n, **_location(r), "message": {"text": "related claim"}}
            for n, r in enumerate(f.related, 1)
        ]
    if f.claim_id:
        out["properties"] = {"claim": f.claim_id, "pointer": f.pointer}
    if f.suppressed is not None:
        kind = "external" if f.baselined else "inSource"
        out["suppressions"] = [{"kind": kind, "justification": f.suppressed}]
    return out


def sarif_log(
    rules: list[dict[str, Any]],
    results: list[dict[str, Any]],
    verdicts: tuple[int, ...] = NO_VERDICTS,
) -> dict[str, Any]:
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimcheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"verdicts": dict(zip(VERDICT_NAMES, verdicts, strict=True))},
            }
        ],
    }


_RESULTS = '"results": []'
_DEPTH = " " * 8  # where a result sits in the log: {"runs": [{"results": [ here


def _dumps(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=True)


class SarifReporter(Reporter):
    """The log around its results is written first, each result as its file is checked.

    The bytes are those of the whole log dumped at once with ``indent=2``.
    """

    name = "sarif"

    def start(self, out: TextIO, info: RunInfo) -> None:
        self.out = out
        rules = _rules()
        self.index = {r["id"]: i for i, r in enumerate(rules)}
        # A key in the text of the log: inside a JSON string its quotes would be escaped.
        # The tail (the run's verdict counts) is written at the end, when they are known.
        self.head = _dumps(sarif_log(rules, [])).split(_RESULTS)[0]
        self.empty = True
        self._results(info.kb_findings)

    def _results(self, findings: list[Finding]) -> None:
        if not findings:
            return
        items = [
            _DEPTH + _dumps(_result(f, self.index)).replace("\n", "\n" + _DEPTH) for f in findings
        ]
        head = self.head + '"results": [\n' if self.empty else ",\n"
        self.out.write(head + ",\n".join(items))
        self.empty = False

    def file(self, report: FileResult) -> None:
        self._results(report.findings)

    def finish(self, tally: Tally) -> None:
        tail = _dumps(sarif_log([], [], tuple(tally.verdicts))).split(_RESULTS)[1]
        if self.empty:
            self.out.write(self.head + _RESULTS + tail + "\n")
        else:
            self.out.write("\n      ]" + tail + "\n")
