"""Problems found before any rule runs: the file could not be read, or broke the schema.

They carry IDs like rules so that reports, baselines and `claimcheck explain` treat all
findings alike, but they cannot be selected away: a file that did not load was not checked.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.findings import Severity


@dataclass(frozen=True)
class Diagnostic:
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

DIAGNOSTICS: tuple[Diagnostic, ...] = (UNREADABLE, SCHEMA)
