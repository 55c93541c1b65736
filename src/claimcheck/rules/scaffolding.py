"""Rules about what `claimcheck init` leaves for the writer to replace."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.context import ArticleContext
from claimcheck.core.findings import Finding, Severity
from claimcheck.rules.base import Rule

# What `claimcheck init` writes where it cannot know the answer (scaffold.py): a text that
# starts with it, or a `# TODO` comment on the line of a value that only looks real.
PLACEHOLDER = "TODO"
ARTICLE_TEXT_FIELDS = ("id", "title", "publisher", "url", "notes")


class Placeholder(Rule):
    """A placeholder that `claimcheck init` wrote is still in the article's details.

    `init` writes a claim file that passes the schema, so that an editor's checks work from
    the first line; without this rule its placeholders would pass CI as facts: a publisher
    "TODO: who published the article", and a publication date that is only the day the file
    was written (init marks it with a `# TODO` comment on its line). Replace the value and
    remove the comment.

    Triggers: `publisher: "TODO: who published the article"`, or
    `published: 2026-11-30  # TODO: the publication date`.

    Passes: `publisher: The Daily Example` and `published: 2024-08-20`.
    """

    id = "CC119"
    name = "placeholder"
    severity = Severity.ERROR

    def check(self, ctx: ArticleContext) -> Iterator[Finding]:
        article = ctx.model.article
        for field in ARTICLE_TEXT_FIELDS:
            value = getattr(article, field)
            if isinstance(value, str) and value.lstrip().startswith(PLACEHOLDER):
                yield self.report(
                    ctx,
                    f"the article's {field} is still init's placeholder ({value!r}): "
                    "write the real one",
                    ("article", field),
                )
        line, _ = ctx.document.position(("article", "published"))
        lines = ctx.document.text.splitlines()
        if 0 < line <= len(lines):
            _, hash_, comment = lines[line - 1].partition("#")
            if hash_ and comment.strip().startswith(PLACEHOLDER):
                yield self.report(
                    ctx,
                    "the publication date is init's placeholder (the day the file was "
                    "written, marked `# TODO`): write the article's date and remove the comment",
                    ("article", "published"),
                )
