"""What claimcheck prints is safe for a terminal and for a CI log, in every format."""

from __future__ import annotations

import json

import pytest

from claimcheck.app import FileResult, Result
from claimcheck.core.escape import UNSAFE_CHARS, safe, safe_path
from claimcheck.core.findings import Finding, Location, Severity
from claimcheck.reporters import REPORTERS, get_reporter
from tests.hostile import assert_safe_output

HOSTILE = [
    "\x1b[2J\x1b[31mred",  # clears the screen, then paints
    "\x1b]8;;https://evil.example\x07link\x1b]8;;\x07",  # OSC 8 hyperlink
    "\x9b31m",  # C1 control sequence introducer
    "abc\u202edcba",  # right-to-left override
    "\u2066isolate\u2069",
    "zero\u200bwidth\u200d",
    "\u061carabic mark",
    "line\u2028separator\u2029",
    "lone \ud800 surrogate",
    "bell\x07 nul\x00 del\x7f",
    "x\n::error file=a.py::pwned",
    "x\r::error::pwned",
    "::warning::pwned",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_safe_escapes_every_control_and_format_character(text: str):
    out = safe(text)
    assert_safe_output(f"path:1:1: {out}")  # as a reporter embeds it
    assert "\n" not in out and "\r" not in out
    out.encode("utf-8")  # no lone surrogate survives to break the writer


def test_safe_keeps_ordinary_text_and_shows_what_it_escaped():
    assert safe("India, Brasília, 東京, Ελλάδα") == "India, Brasília, 東京, Ελλάδα"
    assert safe("a\tb\nc\x1b") == "a\\tb\\nc\\x1b"
    assert safe("a\u202eb") == "a\\u202eb"


def test_safe_path_never_opens_a_workflow_command():
    assert safe_path("::error::x.claims.yaml") == "./::error::x.claims.yaml"
    assert safe_path("claims/a.claims.yaml") == "claims/a.claims.yaml"


def _result(text: str) -> Result:
    finding = Finding(
        "CC002",
        Severity.ERROR,
        f"unknown field '{text}'",
        Location(text, 3, 4),
        pointer="/" + text,
        claim_id=text,
        suppressed=None,
    )
    suppressed = Finding("CC101", Severity.WARNING, text, Location("a.yaml", 1, 1), suppressed=text)
    return Result(files=[FileResult(text, "checked", 1)], findings=[finding, suppressed])


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
@pytest.mark.parametrize("text", HOSTILE)
def test_no_format_lets_user_text_shape_its_lines(fmt: str, text: str):
    """Whatever the format (those to come too), hostile text changes no line's shape.

    The output has as many lines as for harmless text, and a line opens with ``::`` (an
    annotation the format writes on purpose) exactly where it does for harmless text.
    """
    hostile = get_reporter(fmt).render(_result(text)).splitlines()
    plain = get_reporter(fmt).render(_result("x")).splitlines()
    assert len(hostile) == len(plain)
    assert [h.startswith("::") for h in hostile] == [p.startswith("::") for p in plain]
    for line in hostile:
        bad = UNSAFE_CHARS.search(line)
        assert bad is None, f"{fmt}: unescaped U+{ord(bad.group()):04X} in {line!r}"


@pytest.mark.parametrize("text", HOSTILE)
def test_text_report_is_safe(text: str):
    out = get_reporter("text").render(_result(text))
    assert_safe_output(out)
    assert len(out.splitlines()) == 3  # two findings and the summary: nothing split a line


@pytest.mark.parametrize("text", HOSTILE)
def test_json_report_is_ascii_and_keeps_the_exact_text(text: str):
    out = get_reporter("json").render(_result(text))
    assert out.isascii()
    assert_safe_output(out)
    report = json.loads(out)
    (finding,) = (f for f in report["findings"] if f["rule"] == "CC002")
    assert finding["claim"] == text  # escaped by JSON, not altered
