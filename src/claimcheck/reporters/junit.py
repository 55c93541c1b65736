"""JUnit XML for CI systems that draw test reports: a test case per claim, a failure per finding.

The shape keeps to the common JUnit schema (Jenkins' junit-10.xsd): a suite per claim file,
a ``(file)`` case for what concerns the file as a whole, ``<error>`` for a file that could
not be read, ``<skipped>`` for a claim whose only findings are suppressed. Text XML 1.0
cannot hold (most controls, lone surrogates, U+FFFE/U+FFFF) is escaped, never written raw.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from claimcheck.api import FileResult, Result
from claimcheck.escape import safe
from claimcheck.findings import Finding
from claimcheck.reporters.base import Reporter
from claimcheck.reporters.text import format_finding

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


def _suite(root: ET.Element, fr: FileResult, findings: list[Finding]) -> dict[str, int]:
    by_claim: dict[str | None, list[Finding]] = defaultdict(list)
    for f in findings:
        by_claim[f.claim_id].append(f)
    names = list(dict.fromkeys(fr.claim_ids))
    names += sorted(c for c in by_claim if c is not None and c not in set(fr.claim_ids))
    suite = ET.SubElement(root, "testsuite", {"name": xml_text(fr.path)})
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    cases = [(FILE_CASE, by_claim.get(None, []))] + [(n, by_claim.get(n, [])) for n in names]
    for name, found in cases:
        counts = _case(suite, fr.path, name, found)
        totals["tests"] += 1
        for k, v in counts.items():
            totals[k] += v
    for k in ("tests", "failures", "errors", "skipped"):
        suite.set(k, str(totals[k]))
    return totals


class JunitReporter(Reporter):
    name = "junit"

    def render(self, result: Result) -> str:
        root = ET.Element("testsuites", {"name": "claimcheck"})
        by_path: dict[str, list[Finding]] = defaultdict(list)
        for f in result.findings:
            by_path[f.location.path].append(f)
        files = list(result.files)
        known = {fr.path for fr in files}
        files += [FileResult(p, "checked") for p in sorted(by_path) if p not in known]
        totals = {"tests": 0, "failures": 0, "errors": 0}
        for fr in files:
            counts = _suite(root, fr, by_path.get(fr.path, []))
            for k in totals:
                totals[k] += counts[k]
        for k, v in totals.items():
            root.set(k, str(v))
        ET.indent(root)
        body = ET.tostring(root, encoding="unicode")
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
