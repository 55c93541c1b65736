"""`claimcheck init ARTICLE`: a claim file to start from, where `verify` looks for it.

The file goes into the project's first claim folder (`claims/` by default, see
`config.load_project`), so that a bare `claimcheck verify` checks it. Every placeholder is a
value the schema accepts, so the editor's schema check works from the first line; CC119
reports the placeholders until they are replaced, so the file cannot pass CI as it is. The
``yaml-language-server`` line names the schema by a relative path, to the copy in the
project's `schema/` folder (`claimcheck schema --write schema/`; init writes it when it is
missing): an editor resolves it offline.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

from claimcheck.config import load_project
from claimcheck.core.escape import UNSAFE_CHARS
from claimcheck.core.limits import DEFAULT_LIMITS
from claimcheck.core.options import UsageError
from claimcheck.core.output import open_output
from claimcheck.core.paths import PathRefusedError, did_you_mean, resolved
from claimcheck.core.project import CLAIM_SUFFIXES, display_path, find_root
from claimcheck.formats.records import SCHEMA_ID
from claimcheck.formats.schema import SCHEMAS, render
from claimcheck.loader import LoadError
from claimcheck.loader.reader import ReadError, read_bytes
from claimcheck.loader.text import CONTROL_RE, decode

SCHEMA_FOLDER = "schema"
SCHEMA_FILE = Path(SCHEMA_FOLDER) / "claims-v1.json"
_DATE_TODO = "the publication date (YYYY, YYYY-MM or YYYY-MM-DD)"
# The placeholder line `template` writes when the date is not known yet.
_PUBLISHED_TODO = re.compile(
    rf"^(  published: )\d{{4}}-\d{{2}}-\d{{2}}  # TODO: {re.escape(_DATE_TODO)}$", re.MULTILINE
)


def shown_path(path: Path) -> str:
    """A path as messages show it: from the current folder, as the writer typed it."""
    return display_path(path, Path.cwd().resolve())


def article_id(article: Path) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", article.stem.lower()).strip("-")
    return slug or "article"


def default_target(article: Path, claims: tuple[str, ...]) -> Path:
    """In the project's first claim folder (`claims/` unless configured), where verify looks;
    beside the first claim file when the configuration names files, not folders."""
    first = Path(claims[0])
    folder = first.parent if first.is_file() or first.name.endswith(CLAIM_SUFFIXES) else first
    return folder / f"{article.stem}.claims.yaml"


def write_schemas(folder: Path, root: str | None = None) -> list[Path]:
    """Write the published schemas into ``folder`` (`claimcheck schema --write`); the files."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in SCHEMAS.items():
        target = folder / name
        try:
            with open_output(str(target), root) as handle:
                handle.write(render(make()))
        except PathRefusedError as exc:
            raise UsageError(f"cannot write {shown_path(target)}: {exc}") from None
        except OSError as exc:
            raise UsageError(f"cannot write {shown_path(target)}: {exc.strerror}") from None
        written.append(target)
    return written


def _rel(target: Path, base: Path) -> str:
    return Path(os.path.relpath(target, base)).as_posix()


def _comment(text: str) -> str:
    """``text`` as it may stand in a YAML comment: as it is when it is one plain line.

    A file name may hold a line break, which would end the comment and start YAML of the
    name's choosing, or characters a terminal acts on: such a name is written as a JSON
    string, ASCII only, so the comment stays one line and the name can still be read.
    """
    if "\n" in text or "\r" in text or "\t" in text or UNSAFE_CHARS.search(text):
        return json.dumps(text)
    return text


def _title(text: str, fallback: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return fallback


def fill_published(text: str, published: str) -> str:
    """``text`` with init's placeholder publication date replaced by ``published``, once
    `claimcheck draft --update` is told the date; a date a person wrote is kept as written.
    Else the drafts' "on Thursday" would be read against the day init ran (CC105)."""
    return _PUBLISHED_TODO.sub(lambda m: m.group(1) + published, text, count=1)


def template(article: Path, target: Path, today: date, published: str | None = None) -> str:
    """The starting file; ``published`` (when known, as `claimcheck draft` knows it) replaces
    the placeholder date."""
    try:
        text = decode(read_bytes(str(article), DEFAULT_LIMITS))
    except ReadError as exc:
        raise UsageError(f"cannot read the article: {exc}") from None
    except LoadError as exc:
        raise UsageError(f"{article}: {exc.problems[0].message}") from None
    folder = resolved(target.parent)
    root = find_root(folder)
    if not resolved(article).is_relative_to(root):
        raise UsageError(f"{article} is outside the project root {root}: copy it inside first")
    schema_ref = _rel(root / SCHEMA_FILE, folder)
    if _comment(schema_ref) != schema_ref:  # the editor's modeline takes no quotes
        schema_ref = SCHEMA_ID
    text_ref = _rel(resolved(article), folder)
    if CONTROL_RE.search(text_ref):
        raise UsageError(
            f"the article's path {json.dumps(text_ref)} holds a control character, which a "
            "claim file may not: rename the file"
        )
    q = json.dumps  # a JSON string is a valid YAML double-quoted scalar
    return f"""# yaml-language-server: $schema={schema_ref}
#
# Claims of the article in {_comment(text_ref)}. Replace the TODO values, then add
# one entry under `claims` per checkable statement, its `quote` copied from the article.
claimcheck: 1
article:
  id: {q(article_id(article))}
  title: {q(_title(text, article.stem))}
  publisher: {q("TODO: who published the article")}
  published: {published or f"{today.isoformat()}  # TODO: {_DATE_TODO}"}
  text: {q(text_ref)}
entities: {{}}
# For example:
#   entities:
#     brics: {{name: BRICS, kind: organisation}}
#     india: {{name: India, kind: country}}
#   claims:
#     - id: india-in-brics
#       kind: membership
#       group: brics
#       members: [india]
#       complete: false
#       quote: As a member of the BRICS forum
#       sources:
#         - url: https://example.org/about-brics
claims: []
"""


def init_claims(
    article: str, output: str | None = None, today: date | None = None
) -> tuple[Path, list[Path]]:
    """Write the starting claim file, and the schemas when the project has none yet.

    Returns the claim file and the schema files written; never overwrites a claim file.
    """
    source = Path(article)
    if not source.is_file():
        raise UsageError(f"no article text at {article}{did_you_mean(source, article)}")
    project = load_project((article,))
    if output:
        target = Path(output)
    else:
        target = default_target(source, project.claims)
        target.parent.mkdir(parents=True, exist_ok=True)
    body = template(source, target, today or date.today())
    schemas = []
    if not (project.root / SCHEMA_FILE).exists():
        schemas = write_schemas(project.root / SCHEMA_FOLDER, str(project.root))
    try:
        with open_output(str(target), overwrite=False) as handle:
            handle.write(body)
    except PathRefusedError as exc:
        raise UsageError(f"cannot write {shown_path(target)}: {exc}") from None
    except FileExistsError:
        shown = shown_path(target)
        raise UsageError(f"{shown} exists: claimcheck init never overwrites a file") from None
    except OSError as exc:
        raise UsageError(f"cannot write {shown_path(target)}: {exc.strerror}") from None
    return target, schemas
