"""The answers claimcheck gives a shell: decided here and nowhere else.

A run that ends by itself exits 0, 1 or 2, by ``exit_code``: the collected result and the
streamed tally both ask it. A run that is cut short exits as a shell expects of any command,
whichever command was running and whichever way the output went:

- Ctrl-C (SIGINT): ``INTERRUPTED``, 130 (128 + SIGINT), after "Aborted!" on stderr.
- stdout closed under it (``claimcheck verify | head -1``): ``BROKEN_PIPE``, 141
  (128 + SIGPIPE, what a C tool killed by the signal gives), quietly: nothing on stderr.
  The report was cut, so neither "clean" nor "findings" would be true.
"""

from __future__ import annotations

from collections.abc import Mapping

from claimcheck.core.findings import Severity

CLEAN = 0
FINDINGS = 1
USAGE_OR_UNREADABLE = 2
INTERRUPTED = 130
BROKEN_PIPE = 141


def exit_code(active: Mapping[Severity, int], *, fatal: bool, fail_on: Severity) -> int:
    """A finished run's exit code from its unsuppressed findings counted by severity.

    ``fatal``: a file could not be read or parsed, which no ``--fail-on`` makes clean.
    """
    if fatal:
        return USAGE_OR_UNREADABLE
    if any(n for severity, n in active.items() if severity >= fail_on):
        return FINDINGS
    return CLEAN
