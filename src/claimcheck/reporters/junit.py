"""JUnit XML for CI systems that draw test reports: a test case per claim, a failure per finding.

The shape keeps to the common JUnit schema (Jenkins' junit-10.xsd): a suite per claim file
(each written as its file is checked, spooled until the root's totals are known),
a ``(file)`` case for what concerns the file as a whole, ``<error>`` for a file that could
not be read, ``<skipped>`` for a claim whose only findings are suppressed. Each suite's
``<properties>`` give each claim's verdict (``verdict:<claim id>`` = supported, refuted,
stale, incomplete, conflicting or not_enough_info): a test result has no place for it. Text
XML 1.0 cannot hold (most controls, lone surrogates, U+FFFE/U+FFFF) is escaped, never written raw.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TextIO

from claimcheck.check.result import FileResult, Tally
from claimcheck.core.escape import safe
from claimcheck.core.findings import Finding
from claimcheck.reporters.base import Reporter, Spool
from claimcheck.reporters.text import format_finding
from claimcheck.run.stream import RunInfo

FILE_CASE = "(file)"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", safe(text))


def _case(suite: ET.Element, path: str, name: str, findings: list[Finding]) -> dict[str, int]:
    case = ET.SubElement(suite, "testcase", {"name": xml_text(name), "classname": xml_text(path)})
    counts = {"failures": 0, "errors": 0, "skipped": 0}
    active = [f for f in findings if f.suppressed is None]
    for f in active:
        tag = "error" if f.fatal else "failure"
        counts["errors" if f.fatal else "failures"] += 1
        node = ET.SubElement(case, tag, {"type": f.rule_id, "message": xml_text(f.message)})
        node.text = xml_text(format_finding(f))
    suppressed = [f for f in findings if f.suppressed is not None]
    if suppressed and not active:
        counts["skipped"] += 1
        reasons = "; ".join(f"{f.rule_id}: {f.suppressed}" for f in suppressed)
        ET.SubElement(case, "skipped", {"message": xml_text(f"suppressed: {reasons}")})
    elif suppressed:
        out = ET.SubElement(case, "system-out")
        out.text = "\n".join(xml_text(format_finding(f)) for f in suppressed)
    return counts


def _suite(
    path: str,
    claim_ids: tuple[str, ...],
    findings: list[Finding],
    verdicts: list[tuple[str, str]],
) -> tuple[str, dict[str, int]]:
    """One file's ``<testsuite>`` as text, indented as in the whole document; its counts."""
    by_claim: dict[str | None, list[Finding]] = defaultdict(list)
    for f in findings:
        by_claim[f.claim_id].append(f)
    names = list(dict.fromkeys(claim_ids))
    names += sorted(c for c in by_claim if c is not None and c not in set(claim_ids))
    suite = ET.Element("testsuite", {"name": xml_text(path)})
    if verdicts:
        props = ET.SubElement(suite, "properties")
        for claim, verdict in verdicts:
            name = xml_text(f"verdict:{claim}")
            ET.SubElement(props, "property", {"name": name, "value": verdict})
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    cases = [(FILE_CASE, by_claim.get(None, []))] + [(n, by_claim.get(n, [])) for n in names]
    for name, found in cases:
        counts = _case(suite, path, name, found)
        totals["tests"] += 1
        for k, v in counts.items():
            totals[k] += v
    for k in ("tests", "failures", "errors", "skipped"):
        suite.set(k, str(totals[k]))
    ET.indent(suite, level=1)
    return "  " + ET.tostring(suite, encoding="unicode") + "\n", totals


class JunitReporter(Reporter):
    """Suites are spooled as files are checked: the root element carries the totals."""

    name = "junit"

    def start(self, out: TextIO, info: RunInfo) -> None:
        self.out = out
        self.suites = Spool()
        self.totals = {"tests": 0, "failures": 0, "errors": 0}
        self.any = False
        # The knowledge base's findings: a suite for each file of theirs, by path.
        by_path: dict[str, list[Finding]] = defaultdict(list)
        for f in info.kb_findings:
            by_path[f.location.path].append(f)
        for path in sorted(by_path):
            self._add(path, (), by_path[path])

    def _add(
        self,
        path: str,
        claim_ids: tuple[str, ...],
        findings: list[Finding],
        verdicts: list[tuple[str, str]] | None = None,
    ) -> None:
        text, counts = _suite(path, claim_ids, findings, verdicts or [])
        self.suites.write(text)
        self.any = True
        for k in self.totals:
            self.totals[k] += counts[k]

    def file(self, report: FileResult) -> None:
        verdicts = [(v.claim_id, v.verdict.value) for v in report.verdicts]
        self._add(report.path, report.claim_ids, report.findings, verdicts)

    def finish(self, tally: Tally) -> None:
        root = ET.Element("testsuites", {"name": "claimcheck"})
        for k, v in self.totals.items():
            root.set(k, str(v))
        if not self.any:
            body = ET.tostring(root, encoding="unicode") + "\n"
        else:
            root.text = "\n"
            head = ET.tostring(root, encoding="unicode")
            body = head[: -len("</testsuites>")]
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n' + body)
        self.suites.copy_to(self.out)  # nothing when no suite was written
        if self.any:
            self.out.write("</testsuites>\n")
