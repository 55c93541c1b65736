"""The registry of rules: every `Rule` subclass with an ID in a module of this package.

Adding a rule is adding a module here (or a class to one): the registry, the rules page,
SARIF's rule table and the fixture tests all read `RULES`, so no list elsewhere needs the
new rule. Only this package is searched, never the checked repository.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from claimcheck.core.diagnostics import DIAGNOSTICS
from claimcheck.rules.base import Rule


def _discover() -> tuple[type[Rule], ...]:
    """The rules of this package's modules, in ID order; two rules with one ID is a bug."""
    found: dict[str, type[Rule]] = {}
    # The folder listed, not pkgutil walked: pkgutil costs a cold start a few milliseconds.
    names = {p.stem for folder in __path__ for p in Path(folder).glob("*.py")}
    for name in sorted(names - {"__init__"}):
        module = importlib.import_module(f"{__name__}.{name}")
        for cls in vars(module).values():
            if not isinstance(cls, type) or not issubclass(cls, Rule):
                continue
            if cls.__module__ != module.__name__:  # imported, not defined here
                continue
            if "id" not in vars(cls):  # a base class that rules share
                continue
            if cls.id in found:
                raise RuntimeError(f"{cls.id} is both {found[cls.id]} and {cls}")
            found[cls.id] = cls
    return tuple(found[rule_id] for rule_id in sorted(found))


RULES: tuple[type[Rule], ...] = _discover()


def unknown_code(codes: tuple[str, ...] | list[str]) -> str | None:
    """The first ID or prefix that names no rule or diagnostic, or None."""
    known = [r.id for r in RULES] + [d.id for d in DIAGNOSTICS]
    return next((c for c in codes if not any(k.startswith(c) for k in known)), None)


def by_id() -> dict[str, type[Rule]]:
    return {rule.id: rule for rule in RULES}
