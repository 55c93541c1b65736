"""Problems found before any rule runs: the file could not be read, or broke the schema.

They carry IDs like rules so that reports, baselines and `claimcheck explain` treat all
findings alike, but they cannot be selected away: a file that did not load was not checked.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.core.findings import Finding, Location, Severity


@dataclass(frozen=True)
class Diagnostic:
    """A finding about the file itself, not a claim: its ID, name, severity and help."""

    id: str
    name: str
    severity: Severity
    doc: str

    def summary(self) -> str:
        return self.doc.split("\n", 1)[0]


UNREADABLE = Diagnostic(
    "CC001",
    "unreadable-file",
    Severity.ERROR,
    """The file could not be read or parsed as one YAML or JSON mapping.

A claim file that does not load was not checked at all, so claimcheck exits 2 and says
where the problem is: a YAML or JSON syntax error, a duplicate key, an anchor, alias or
tag, a value YAML 1.1 would have coerced into something else, text that is not UTF-8, or a
file over the size and depth limits.

Triggers: `name: a` followed by `name: b` in one mapping (duplicate key).

Passes: every key once, plain values, UTF-8 text.
""",
)

SCHEMA = Diagnostic(
    "CC002",
    "schema-violation",
    Severity.ERROR,
    """The file loads but does not match the claim file schema.

Unknown fields, missing fields, wrong types and impossible dates are errors rather than
guesses: a typo in a field name would otherwise switch a check off without a word.

Triggers: `complete: yes` (text, not a boolean), or `date: 2024-02-30`.

Passes: `complete: true`, `date: "2024-02-29"`.
""",
)

UNUSED_SUPPRESSION = Diagnostic(
    "CC003",
    "unused-suppression",
    Severity.WARNING,
    """A claim suppresses a rule that reports nothing for it.

A suppression is a written exception; once the claim is fixed, or the rule no longer
fires, a stale one would silently hide the next real problem. It is reported so that it
can be removed. Suppressions of rules that were not run (`--select`, `--ignore`) are not
judged. Unlike CC001 and CC002, this check can be ignored (`--ignore CC003`).

Triggers: `suppress: [{rule: CC111, reason: ...}]` on a claim that has a source.

Passes: the same suppression on a claim with no source.
""",
)

DIAGNOSTICS: tuple[Diagnostic, ...] = (UNREADABLE, SCHEMA, UNUSED_SUPPRESSION)


def unreadable(shown: str, message: str, line: int = 0, column: int = 0) -> Finding:
    """The fatal finding for a file that could not be read or used (exit 2)."""
    return Finding(
        UNREADABLE.id, UNREADABLE.severity, message, Location(shown, line, column), fatal=True
    )
