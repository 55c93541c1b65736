"""What a rule is: a stable ID, a name, a default severity, typed options and a check."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import ClassVar

from claimcheck.context import ArticleContext
from claimcheck.core.findings import Finding, Severity
from claimcheck.core.verdicts import Verdict
from claimcheck.loader.document import Pointer

# A finding points at a few other claims, not every one: reports stay linear in size.
RELATED_LIMIT = 10


@dataclass(frozen=True)
class NoOptions:
    """A rule without options."""


class Rule:
    """Base class. The subclass docstring is the rule's documentation.

    It says why the rule exists and has a "Triggers:" and a "Passes:" example; the rules
    page and `claimcheck explain` are generated from it.
    """

    id: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    Options: ClassVar[type] = NoOptions
    # What an active finding of this rule proves about its claim, knowledge base or not:
    # REFUTED when the claim cannot be right (the calendar, the article's own list),
    # CONFLICTING when it and another claim of the article cannot both be; None: nothing.
    proves: ClassVar[Verdict | None] = None

    def __init__(self, severity: Severity | None = None, options: object | None = None):
        self.effective_severity = severity or self.severity
        self.options = options if options is not None else self.Options()

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        raise NotImplementedError

    def report(
        self,
        ctx: ArticleContext,
        message: str,
        pointer: Pointer,
        claim_id: str | None = None,
        *,
        key: bool = False,
        related: tuple[Pointer, ...] = (),
    ) -> Finding:
        return ctx.finding(
            self.id,
            self.effective_severity,
            message,
            pointer,
            claim_id,
            key=key,
            related=related[:RELATED_LIMIT],
        )

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def option_defaults(cls) -> dict[str, object]:
        """The rule's options as configuration keys (dashes, not underscores) and defaults."""
        return {
            f.name.replace("_", "-"): getattr(cls.Options(), f.name) for f in fields(cls.Options)
        }

    @classmethod
    def summary(cls) -> str:
        return cls.doc().split("\n", 1)[0]
