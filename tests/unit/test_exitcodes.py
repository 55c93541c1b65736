"""One exit-code function: the collected result and the streamed tally both ask it."""

from __future__ import annotations

import pytest

from claimcheck.check.result import Result, Tally
from claimcheck.core import exitcodes
from claimcheck.core.findings import Severity
from tests.helpers import BAD_BODY, write_claims


@pytest.mark.parametrize(
    ("counts", "fatal", "fail_on", "code"),
    [
        ({}, False, Severity.WARNING, 0),
        ({Severity.INFO: 3}, False, Severity.WARNING, 0),
        ({Severity.INFO: 1}, False, Severity.INFO, 1),
        ({Severity.ERROR: 0, Severity.WARNING: 1}, False, Severity.ERROR, 0),
        ({Severity.ERROR: 1}, False, Severity.ERROR, 1),
        ({}, True, Severity.ERROR, 2),
    ],
)
def test_exit_code(counts, fatal, fail_on, code):
    assert exitcodes.exit_code(counts, fatal=fatal, fail_on=fail_on) == code


@pytest.mark.parametrize("fail_on", list(Severity))
def test_the_result_and_the_tally_agree(project, fail_on):
    from claimcheck.app import Options, verify, verify_stream

    write_claims(project, BAD_BODY)
    options = Options(paths=(str(project),), fail_on=fail_on)
    result: Result = verify(options)
    tally = Tally(fail_on)
    stream = verify_stream(options)
    tally.add_findings(stream.info.kb_findings)
    for report in stream.files:
        tally.add(report)
    assert result.exit_code == tally.exit_code
