"""The rule reference, generated from the registry so that it cannot drift from the code.

`python -m claimcheck.docs` writes docs/rules.md; a test fails when the committed page is
stale. `claimcheck explain` prints the same text for one rule.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from claimcheck.core.diagnostics import DIAGNOSTICS
from claimcheck.core.findings import Severity
from claimcheck.rules import RULES

PAGE = Path("docs") / "rules.md"


@dataclass(frozen=True)
class RuleDoc:
    """What the documentation says about one rule or engine-level check."""

    id: str
    name: str
    severity: Severity
    doc: str
    options: dict[str, object]

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0]


def entries() -> list[RuleDoc]:
    """Every check, in ID order: engine-level checks first, then the rules."""
    out = [RuleDoc(d.id, d.name, d.severity, d.doc.strip(), {}) for d in DIAGNOSTICS]
    out += [RuleDoc(r.id, r.name, r.severity, r.doc(), r.option_defaults()) for r in RULES]
    return sorted(out, key=lambda e: e.id)


def find(rule_id: str) -> RuleDoc | None:
    """A check by ID (any case) or by name."""
    return next((e for e in entries() if rule_id.upper() == e.id or rule_id == e.name), None)


def _toml(value: object) -> str:
    if isinstance(value, tuple):
        value = list(value)
    return json.dumps(value)


def configuration(entry: RuleDoc) -> str:
    """The `[tool.claimcheck.rules.<ID>]` table that sets a rule's severity and options."""
    lines = [f"[tool.claimcheck.rules.{entry.id}]", f'severity = "{entry.severity}"']
    lines += [f"{key} = {_toml(value)}" for key, value in entry.options.items()]
    return "\n".join(lines)


def explain(entry: RuleDoc) -> str:
    """The text `claimcheck explain` prints."""
    text = f"{entry.id} {entry.name} ({entry.severity})\n\n{entry.doc}\n"
    if entry.id in {r.id for r in RULES}:
        text += f"\nConfiguration (pyproject.toml), with the defaults:\n\n{configuration(entry)}\n"
    return text


def render_rules() -> str:
    """docs/rules.md."""
    lines = [
        "# Rules",
        "",
        "<!-- Generated from the rule registry by `python -m claimcheck.docs`: do not edit. -->",
        "",
        "Every finding carries one of these IDs. Choose rules with `--select` / `--ignore` (ID",
        "prefixes) or the same keys in `[tool.claimcheck]`; change a rule's severity and",
        "options in `[tool.claimcheck.rules.<ID>]`. `claimcheck explain <ID>` prints one entry.",
        "CC001 and CC002 cannot be switched off: a file that did not load was not checked.",
        "",
        "| ID | Name | Severity | What it finds |",
        "| --- | --- | --- | --- |",
    ]
    for e in entries():
        lines.append(
            f"| [{e.id}](#{e.id.lower()}-{e.name}) | {e.name} | {e.severity} | {e.summary} |"
        )
    for e in entries():
        lines += ["", f"## {e.id} {e.name}", "", f"Default severity: **{e.severity}**.", ""]
        lines.append(e.doc)
        if e.id in {r.id for r in RULES}:
            lines += [
                "",
                "Configuration, with the defaults:",
                "",
                "```toml",
                configuration(e),
                "```",
            ]
    return "\n".join(lines) + "\n"


def write(root: Path = Path()) -> Path:
    path = root / PAGE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_rules(), encoding="utf-8", newline="\n")
    return path


if __name__ == "__main__":
    write()
