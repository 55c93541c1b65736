"""The knowledge base compiled into SQLite: large KBs answered without loading them whole.

A Wikidata import holds millions of facts; parsing them on every run would cost minutes and
gigabytes. `compile_store` reads the KB files once (streaming the line layout that
`claimcheck kb import` writes, loading any other file as `load_kb` does) into one SQLite
file named by the content of the KB files, so it is rebuilt only when they change. Answering
opens it read-only and builds, for each claim file, the in-memory `KnowledgeBase` of just
the facts that file's entities can reach (`KBStore.slice`): the judge, the rules and the
queries run unchanged on it, so the verdicts are those of the whole KB, and memory follows
one claim file, not the KB.

What a slice holds, for the entities a claim file names (by id, name, alias, Wikidata id,
or a run of words of any of its text): every fact in which such an entity is the group, the
member, the office, the holder, the event, the series or the subject; the facts whose
object it is, for the predicates the file's claims use; the other facts of each event of a
series it holds; the places its places lie in (the containment chain); the events dated to
any day the file names or the week before it; and every entity those facts name.
"""

from __future__ import annotations

import datetime
import json
import os
import sqlite3
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:  # as `loader.reader`: hashlib would load OpenSSL
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - CPython always has it
    from hashlib import blake2b

from claimcheck.core.dates import PartialDate
from claimcheck.core.diagnostics import SCHEMA, unreadable
from claimcheck.core.findings import Finding, Location, Severity
from claimcheck.core.limits import Limits
from claimcheck.core.textnorm import skeleton
from claimcheck.formats import records
from claimcheck.formats.validate import kb_file
from claimcheck.kb.resolve import name_key
from claimcheck.kb.store import CONTAINMENT, KnowledgeBase, fold, redefined
from claimcheck.loader import LoadError, load_document
from claimcheck.loader.document import Document, Pointer, pointer_str
from claimcheck.loader.reader import ReadError, read_bytes

STORE_FORMAT = 1
_BATCH = 2000
_MAX_RUN = 6  # the longest run of words looked up as a name
_WEEK = 7  # an event claim's weekday resolves to a day up to a week before the date given
_SQL_VARS = 500

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(n INTEGER PRIMARY KEY, name TEXT NOT NULL, verified TEXT);
CREATE TABLE entities(n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, file INTEGER NOT NULL,
                      line INTEGER NOT NULL, col INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE names(key TEXT NOT NULL, entity INTEGER NOT NULL);
CREATE TABLE facts(n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, file INTEGER NOT NULL,
                   idx INTEGER NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL,
                   data TEXT NOT NULL);
CREATE TABLE roles(entity TEXT NOT NULL, role TEXT NOT NULL, fact INTEGER NOT NULL);
CREATE TABLE findings(n INTEGER PRIMARY KEY, data TEXT NOT NULL);
"""
_INDEXES = """
CREATE INDEX names_key ON names(key);
CREATE INDEX roles_entity ON roles(entity, role);
"""
# The roles a fact gives the entities it names; a relation's object carries its predicate.
SUBJECT_ROLES = ("g", "m", "o", "h", "e", "s", "rs")


def fact_roles(fact: dict[str, Any]) -> list[tuple[str, str]]:
    """(entity, role) for every entity a fact names, and ("<day>", "d") for a dated event."""
    kind = fact.get("kind")
    if kind == "membership":
        return [(fact["group"], "g"), (fact["member"], "m")]
    if kind == "tenure":
        return [(fact["office"], "o"), (fact["holder"], "h")]
    if kind == "event":
        out = [(fact["event"], "e")]
        if fact.get("series") is not None:
            out.append((fact["series"], "s"))
        if fact.get("place") is not None:
            out.append((fact["place"], "p"))
        out += [(p, "p") for p in fact.get("participants") or ()]
        if len(str(fact["date"])) == len("2024-08-20"):
            out.append((str(fact["date"]), "d"))
        return out
    if kind in ("complete", "count"):
        return [(fact["group"], "g")]
    if kind == "property":
        return [(fact["subject"], "rs")]
    if kind == "statement":
        return [(fact["subject"], "ss"), (fact["object"], "so")]
    return [(fact["subject"], "rs"), (fact["object"], f"ro:{fact['predicate']}")]


def name_keys(texts: Iterable[str]) -> set[str]:
    """Every key under which a text may be looked up: as `kb.resolve`, the resolver and the
    look-alike suggestions compare names."""
    out: set[str] = set()
    for text in texts:
        out.add(text)
        out.add(fold(text))
        key = name_key(text)
        if key is not None:
            out.add(key)
        out.add(skeleton(text))
    return out


def _runs(text: str) -> Iterator[str]:
    """The runs of words of a text, up to `_MAX_RUN` words: "Diaoyu Islands" holds "Diaoyu"."""
    words = text.split()
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + _MAX_RUN) + 1):
            yield " ".join(words[i:j])


# -- building ----------------------------------------------------------------------------------


@dataclass
class _Problem:
    file: int
    pointer: Pointer
    message: str
    key: bool = False
    where: tuple[int, int] = (0, 0)  # the fact's or entity's position, for the line layout
    order: tuple[int, ...] = ()  # as `kb.store.build` finds them: entities, facts, aliases


@dataclass
class _Build:
    db: sqlite3.Connection
    limits: Limits
    names: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    problems: list[_Problem] = field(default_factory=list)
    documents: dict[int, Document] = field(default_factory=dict)
    facts: int = 0


def compile_store(files: list[Path], shown: list[str], limits: Limits, target: Path) -> None:
    """Write the store of ``files`` to ``target`` (atomically: a reader never sees half)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".building-", suffix=".sqlite", dir=target.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp, isolation_level=None)
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        db.execute("BEGIN")
        build = _Build(db, limits)
        for n, (path, name) in enumerate(zip(files, shown, strict=True)):
            build.names.append(name)
            _add_file(build, n, path, name)
        _check_references(build)
        for finding in build.findings + _problem_findings(build):
            db.execute("INSERT INTO findings(data) VALUES (?)", (_finding_json(finding),))
        db.execute("INSERT INTO meta VALUES ('format', ?)", (str(STORE_FORMAT),))
        db.execute("COMMIT")
        db.executescript(_INDEXES)
        db.close()
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _add_file(build: _Build, n: int, path: Path, name: str) -> None:
    """One KB file: the line layout streamed, any other file loaded and validated whole."""
    try:
        streamed = _stream_file(build, n, path, name)
    except OSError as exc:
        build.findings.append(unreadable(name, f"cannot read: {exc.strerror or exc}"))
        return
    if streamed:
        return
    try:
        raw = read_bytes(str(path), build.limits)
        doc = load_document(name, raw, build.limits)
    except ReadError as exc:
        build.findings.append(unreadable(name, str(exc)))
        return
    except LoadError as exc:
        build.findings.extend(unreadable(name, p.message, p.line, p.column) for p in exc.problems)
        return
    model, refused = kb_file(doc, name)
    if model is None:
        build.findings.extend(refused)
        return
    build.documents[n] = doc
    data = doc.data if isinstance(doc.data, dict) else {}
    verified = model.verified
    build.db.execute(
        "INSERT INTO files VALUES (?, ?, ?)", (n, name, None if verified is None else str(verified))
    )
    for entity_id, record in (data.get("entities") or {}).items():
        line, col = doc.position(("entities", entity_id))
        _add_entity(build, n, entity_id, record, (line, col))
    batch: list[_Row] = [
        (i, fact, doc.position(("facts", i)), None)
        for i, fact in enumerate(data.get("facts") or ())
    ]
    _insert_facts(build, n, batch)


def _stream_file(build: _Build, n: int, path: Path, name: str) -> bool:
    """Read a file in the line layout of `claimcheck kb import`, one line per entity or fact,
    validating them in batches; False (nothing added) when it is in another layout."""
    with path.open("rb") as stream:
        head = stream.readline(build.limits.max_file_bytes)
        if not head.startswith(b'{"claimcheck-kb": ') or not head.rstrip().endswith(b","):
            return False
        try:
            top = json.loads(head.rstrip()[:-1] + b"}")
        except ValueError:
            return False
        if stream.readline() != b'"entities": {\n':
            return False
        checked = records.kb_file(top)
        if checked is None:
            build.findings.append(_refused(name, 1, 1, "the file's head (`verified`, `imported`)"))
            return True
        verified = None if checked.verified is None else str(checked.verified)
        build.db.execute("INSERT INTO files VALUES (?, ?, ?)", (n, name, verified))
        line_no = 2
        section = "entities"
        batch: list[_Row] = []
        index = 0
        for raw in stream:
            line_no += 1
            text = raw.rstrip(b"\n")
            if section == "entities" and text == b"},":
                section = "between"
                continue
            if section == "between":
                if text != b'"facts": [':
                    build.findings.append(_refused(name, line_no, 1, 'expected `"facts": [`'))
                    return True
                section = "facts"
                continue
            if section == "facts" and text == b"]}":
                section = "end"
                continue
            if section == "end" or not text:
                if text:
                    build.findings.append(_refused(name, line_no, 1, "text after the facts"))
                continue
            body = text[:-1] if text.endswith(b",") else text
            try:
                item = json.loads(body if section == "facts" else b"{" + body + b"}")
            except ValueError as exc:
                build.findings.append(unreadable(name, f"not JSON: {exc}", line_no, 1))
                continue
            if section == "entities":
                (entity_id, record), *_ = item.items()
                if records.kb_file({"claimcheck-kb": 1, "entities": item}) is None:
                    build.findings.append(_refused(name, line_no, 1, f"entity '{entity_id}'"))
                    continue
                _add_entity(build, n, entity_id, record, (line_no, 1))
            else:
                batch.append((index, item, (line_no, 1), body))
                index += 1
                if len(batch) >= _BATCH:
                    _add_facts(build, n, name, batch)
                    batch = []
        _add_facts(build, n, name, batch)
        if section != "end":
            build.findings.append(unreadable(name, "the file ends before `]}`", line_no, 1))
    return True


def _refused(name: str, line: int, col: int, what: str) -> Finding:
    return Finding(
        SCHEMA.id,
        SCHEMA.severity,
        f"{what} does not match the knowledge base schema (docs/kb.md)",
        Location(name, line, col),
    )


_Row = tuple[int, dict[str, Any], tuple[int, int], bytes | None]  # index, fact, place, line


def _add_facts(build: _Build, n: int, name: str, batch: list[_Row]) -> None:
    """Validate a batch at once; on a refusal, each fact alone, to name the bad one."""
    if not batch:
        return
    whole = records.kb_file({"claimcheck-kb": 1, "facts": [row[1] for row in batch]})
    if whole is None:
        good = []
        for row in batch:
            if records.kb_file({"claimcheck-kb": 1, "facts": [row[1]]}) is None:
                fid = row[1].get("id") if isinstance(row[1], dict) else None
                build.findings.append(_refused(name, row[2][0], row[2][1], f"fact '{fid}'"))
            else:
                good.append(row)
        batch = good
    _insert_facts(build, n, batch)


def _add_entity(
    build: _Build, n: int, entity_id: str, record: dict[str, Any], where: tuple[int, int]
) -> None:
    data = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    cur = build.db.execute(
        "INSERT OR IGNORE INTO entities(id, file, line, col, data) VALUES (?, ?, ?, ?, ?)",
        (entity_id, n, where[0], where[1], data),
    )
    if cur.rowcount == 0:
        first, written = build.db.execute(
            "SELECT file, data FROM entities WHERE id = ?", (entity_id,)
        ).fetchone()
        if json.loads(written) == record:
            return  # topic files that each declare a shared entity, word for word
        message = redefined(entity_id, build.names[first])
        problem = _Problem(n, ("entities", entity_id), message, True, where, (0, n, where[0]))
        build.problems.append(problem)
        return
    rowid = cur.lastrowid
    texts = [entity_id, record["name"], *(a["name"] for a in record.get("aliases") or ())]
    keys = name_keys(texts)
    if record.get("wikidata"):
        keys.add(record["wikidata"])
    build.db.executemany("INSERT INTO names VALUES (?, ?)", [(k, rowid) for k in keys])


def _insert_facts(build: _Build, n: int, batch: list[_Row]) -> None:
    """Insert validated facts, numbered in order; a fact id already used is a problem, at
    the first use's place, as `kb.store.build` reports it."""
    ids = [row[1]["id"] for row in batch]
    used: dict[str, tuple[int, int, int]] = {}
    for i in range(0, len(ids), _SQL_VARS):
        chunk = ids[i : i + _SQL_VARS]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT id, file, line, col FROM facts WHERE id IN ({marks})"  # noqa: S608 - "?" only
        for fid, file, line, col in build.db.execute(sql, chunk):
            used[fid] = (file, line, col)
    facts, roles = [], []
    for i, fact, where, raw in batch:
        fid = fact["id"]
        first = used.get(fid)
        if first is not None:
            at = f"{build.names[first[0]]}:{first[1]}:{first[2]}"
            message = f"fact id '{fid}' is already used at {at}"
            build.problems.append(_Problem(n, ("facts", i, "id"), message, False, where, (1, n, i)))
            continue
        used[fid] = (n, *where)
        build.facts += 1
        rowid = build.facts
        if raw is None:
            data = json.dumps(fact, ensure_ascii=False, separators=(",", ":"))
        else:
            data = raw.decode("utf-8")
        facts.append((rowid, fid, n, i, where[0], where[1], data))
        roles += [(e, r, rowid) for e, r in fact_roles(fact)]
    build.db.executemany("INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?)", facts)
    build.db.executemany("INSERT INTO roles VALUES (?, ?, ?)", roles)


def _references(fact: dict[str, Any]) -> list[tuple[str, int | None, str | None]]:
    """The entities a fact names, field by field, in the order `kb.store` checks them."""
    kind = fact.get("kind")
    if kind == "membership":
        return [("group", None, fact["group"]), ("member", None, fact["member"])]
    if kind == "tenure":
        return [("office", None, fact["office"]), ("holder", None, fact["holder"])]
    if kind == "event":
        refs = [("event", None, fact["event"]), ("place", None, fact.get("place"))]
        refs += [("series", None, fact.get("series"))]
        return refs + [("participants", i, p) for i, p in enumerate(fact.get("participants") or ())]
    if kind in ("complete", "count"):
        return [("group", None, fact["group"])]
    if kind == "property":
        return [("subject", None, fact["subject"])]
    return [("subject", None, fact["subject"]), ("object", None, fact["object"])]


def _unknown(ref: str) -> str:
    return f"unknown entity '{ref}': define it under `entities` in a KB file"


def _check_references(build: _Build) -> None:
    """Every entity a fact or an alias names must be defined, as `kb.store.build` checks."""
    rows = build.db.execute(
        "SELECT DISTINCT facts.n, facts.file, facts.idx, facts.line, facts.col, facts.data "
        "FROM roles JOIN facts ON facts.n = roles.fact "
        "LEFT JOIN entities ON entities.id = roles.entity "
        "WHERE entities.id IS NULL AND roles.role != 'd' ORDER BY facts.n"
    ).fetchall()
    for _, file, idx, line, col, data in rows:
        for seq, (key, index, ref) in enumerate(_references(json.loads(data))):
            if ref is None or _defined(build, ref):
                continue
            pointer: Pointer = ("facts", idx, key) if index is None else ("facts", idx, key, index)
            order: tuple[int, ...] = (1, file, idx, seq)
            build.problems.append(_Problem(file, pointer, _unknown(ref), False, (line, col), order))
    for n, doc in build.documents.items():
        data = doc.data if isinstance(doc.data, dict) else {}
        for entity_id, record in (data.get("entities") or {}).items():
            for a, alias in enumerate(record.get("aliases") or ()):
                for u, user in enumerate(alias.get("used_by") or ()):
                    if not _defined(build, user):
                        ptr = ("entities", entity_id, "aliases", a, "used_by", u)
                        order = (2, n, len(build.problems))
                        build.problems.append(_Problem(n, ptr, _unknown(user), order=order))


def _defined(build: _Build, entity_id: str) -> bool:
    found = build.db.execute("SELECT 1 FROM entities WHERE id = ?", (entity_id,))
    return found.fetchone() is not None


def _problem_findings(build: _Build) -> list[Finding]:
    out = []
    for p in sorted(build.problems, key=lambda p: p.order):
        doc = build.documents.get(p.file)
        line, col = doc.position(p.pointer, key=p.key) if doc is not None else p.where
        out.append(
            Finding(
                rule_id=SCHEMA.id,
                severity=SCHEMA.severity,
                message=p.message,
                location=Location(build.names[p.file], line, col),
                pointer=pointer_str(p.pointer),
            )
        )
    return out


def _finding_json(f: Finding) -> str:
    where = f.location
    return json.dumps(
        [
            f.rule_id,
            int(f.severity),
            f.message,
            where.path,
            where.line,
            where.column,
            f.pointer,
            f.fatal,
        ]
    )


def _finding(text: str) -> Finding:
    rule, severity, message, path, line, col, pointer, fatal = json.loads(text)
    return Finding(
        rule, Severity(severity), message, Location(path, line, col), pointer, fatal=fatal
    )


# -- keeping ----------------------------------------------------------------------------------

_KEY_BYTES = 32
_CHUNK = 1 << 20


def open_store(
    folder: Path, content: str, files: list[Path], shown: list[str], limits: Limits
) -> KBStore:
    """The store of KB files whose content hashes to ``content``, from ``folder`` when a
    sealed one is there, else built (and sealed) first.

    A store is untrusted input like the result cache (README, "Security"): a keyed hash of
    its bytes, under a random key kept beside it (``key``, mode 0600), is checked when it
    is first opened, and a store that does not match, or a folder that is a link, is built
    again (in a folder of its own, for a link). Checking reads the store once, a chunk at a
    time; then a keyed hash of the file's identity and change time (``_identity``) stands
    for it, so that later opens read nothing: any write to the file, or a copy of it, moves
    its change time, which nobody can set back.
    """
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        folder = Path(tempfile.mkdtemp(prefix="claimcheck-kb-"))
    target = folder / f"{content}-v{STORE_FORMAT}.sqlite"
    seal = target.with_suffix(".mac")
    key = _key(folder)
    if not _sealed(target, seal, key):
        compile_store(files, shown, limits, target)
        key = key or _key(folder)
        mac = _mac(target, key) if key is not None else None
        if key is not None and mac is not None:
            _write_seal(seal, mac, _identity(target, key))
    return KBStore(target)


def content_digest(folder: Path, path: Path, compute: Callable[[Path], str]) -> str:
    """``compute(path)`` (a big KB file's content hash), remembered in ``folder`` under the
    file's keyed identity (`_identity`): a file unchanged since it was hashed, by its inode
    and change time, is not read again."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        return compute(path)
    key = _key(folder)
    identity = _identity(path, key) if key is not None else None
    if key is None or identity is None:
        return compute(path)
    name = blake2b(str(path.resolve()).encode(), digest_size=16).hexdigest()
    record = folder / "digests" / name
    try:
        if record.is_file() and not record.is_symlink():
            digest, mac = [*record.read_text(encoding="ascii")[:200].split("\n"), ""][:2]
            sealed = blake2b(f"{identity}|{digest}".encode(), digest_size=32, key=key)
            if mac == sealed.hexdigest():
                return digest
    except (OSError, UnicodeDecodeError):
        pass
    digest = compute(path)
    if digest.startswith("unreadable"):
        return digest
    mac = blake2b(f"{identity}|{digest}".encode(), digest_size=32, key=key).hexdigest()
    try:
        record.parent.mkdir(exist_ok=True)
        tmp = record.with_name(f".{name}.{os.getpid()}")
        tmp.write_text(f"{digest}\n{mac}\n", encoding="ascii")
        tmp.replace(record)
    except OSError:
        pass
    return digest


def _write_seal(seal: Path, mac: str, identity: str | None) -> None:
    """Seal the store, or leave it unsealed (built again next time) when the seal cannot be
    written: a folder standing where it goes, a full disk."""
    tmp = seal.with_name(f".{seal.name}.{os.getpid()}")
    try:
        tmp.write_text(f"{mac}\n{identity or ''}\n", encoding="ascii")
        tmp.replace(seal)
    except OSError:
        tmp.unlink(missing_ok=True)


def _identity(path: Path, key: bytes) -> str | None:
    """A keyed hash of what changes when the file does: its device, inode, size, and its
    modification and change times (the kernel sets the change time on every write, copy or
    `touch`, and it cannot be set back)."""
    try:
        st = path.stat(follow_symlinks=False)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    text = f"{path.name}|{st.st_dev}|{st.st_ino}|{st.st_size}|{st.st_mtime_ns}|{st.st_ctime_ns}"
    return blake2b(text.encode(), digest_size=32, key=key).hexdigest()


def _key(folder: Path) -> bytes | None:
    """The folder's random key: read, or made when missing (whoever wins a race sets it)."""
    path = folder / "key"
    folder.mkdir(parents=True, exist_ok=True)
    for _ in range(2):
        if path.is_file() and not path.is_symlink():
            secret = path.read_bytes()[: _KEY_BYTES + 1]
            if len(secret) == _KEY_BYTES:
                return secret
            path.unlink(missing_ok=True)  # damaged: made again
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".key-")  # mode 0600
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(os.urandom(_KEY_BYTES))
            try:
                os.link(tmp, path)
            except FileExistsError:
                continue  # another process made it first: read theirs
        finally:
            Path(tmp).unlink(missing_ok=True)
    return None


def _mac(path: Path, key: bytes) -> str | None:
    """The keyed hash of a regular file's bytes, read a chunk at a time."""
    if path.is_symlink() or not path.is_file():
        return None
    hasher = blake2b(digest_size=32, key=key)
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            hasher.update(chunk)
    return hasher.hexdigest()


def _sealed(target: Path, seal: Path, key: bytes | None) -> bool:
    """Whether the store is the one its seal vouches for: unchanged since its bytes were
    checked, or its bytes match now (and the seal then records its identity)."""
    if key is None or seal.is_symlink() or not seal.is_file():
        return False
    try:
        mac, identity, *_ = [*seal.read_text(encoding="ascii")[:200].split("\n"), ""]
        now = _identity(target, key)
        if now is not None and identity == now:
            return True
        if not mac or _mac(target, key) != mac:
            return False
        _write_seal(seal, mac, now)
        return True
    except (OSError, UnicodeDecodeError):
        return False


# -- answering ---------------------------------------------------------------------------------


class KBStore:
    """A compiled knowledge base, open read-only: findings, and slices for claim files."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pid = -1
        self._db: sqlite3.Connection | None = None
        self.files = self.db.execute("SELECT n, name, verified FROM files ORDER BY n").fetchall()
        self.names = [row[1] for row in self.files]

    @property
    def db(self) -> sqlite3.Connection:
        """The read-only connection of this process: a forked worker opens its own."""
        if self._db is None or self._pid != os.getpid():
            self._db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            self._pid = os.getpid()
        return self._db

    def findings(self) -> list[Finding]:
        return [_finding(t) for (t,) in self.db.execute("SELECT data FROM findings ORDER BY n")]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # -- what a claim file reaches --

    def slice_for(self, model: Any) -> KnowledgeBase:
        """The KB a claim file's judgement needs: see the module docstring."""
        texts: set[str] = set()
        days: set[PartialDate] = set()
        _collect(model, texts, days)
        lookups = set(texts)
        for text in texts:
            lookups.update(_runs(text))
        entities = self._entities_named(name_keys(lookups))
        predicates = {f"ro:{t}" for t in texts}
        dated = {str(PartialDate.of(d.start - datetime.timedelta(days=k))) for d in days
                 for k in range(_WEEK + 1)}  # fmt: skip
        return self._slice(entities, predicates, dated)

    def slice_entity(self, ref: str, everything: bool = False) -> KnowledgeBase:
        """The KB a `claimcheck kb` query about ``ref`` needs; ``everything``: every fact
        that names it, in any role (`claimcheck kb entity`)."""
        entities = self._entities_named(name_keys([ref]))
        if not everything:
            return self._slice(entities, set(), set())
        roles = self._rows("SELECT DISTINCT role FROM roles WHERE entity IN ({})", sorted(entities))
        every = {r for (r,) in roles if r.startswith("ro:") or r in ("ss", "so", "p")}
        return self._slice(entities, every, set())

    def _rows(self, sql: str, values: list[str]) -> list[tuple[Any, ...]]:
        out: list[tuple[Any, ...]] = []
        for i in range(0, len(values), _SQL_VARS):
            chunk = values[i : i + _SQL_VARS]
            out += self.db.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
        return out

    def _entities_named(self, keys: set[str]) -> set[str]:
        rows = self._rows(
            "SELECT DISTINCT entities.id FROM names JOIN entities ON entities.n = names.entity "
            "WHERE names.key IN ({})",
            sorted(keys),
        )
        return {r[0] for r in rows}

    def _facts(self, entities: Iterable[str], roles: set[str]) -> dict[int, dict[str, Any]]:
        if not roles:
            return {}
        out: dict[int, dict[str, Any]] = {}
        wanted = sorted(roles)
        marks = ",".join("?" * len(wanted))
        ids = sorted(set(entities))
        for i in range(0, len(ids), _SQL_VARS):
            chunk = ids[i : i + _SQL_VARS]
            found = ",".join("?" * len(chunk))
            where = f"WHERE roles.entity IN ({found}) AND roles.role IN ({marks})"
            sql = (
                f"SELECT facts.n, facts.data FROM roles JOIN facts ON facts.n = roles.fact {where}"  # noqa: S608 - "?" only
            )
            for n, data in self.db.execute(sql, [*chunk, *wanted]):
                out[n] = data
        return {n: json.loads(d) if isinstance(d, str) else d for n, d in out.items()}

    def _slice(self, entities: set[str], extra_roles: set[str], days: set[str]) -> KnowledgeBase:
        facts = self._facts(entities, {*SUBJECT_ROLES, *extra_roles})
        facts.update(self._facts(days, {"d"}))
        # The other facts of every event a series or a day brought in.
        events = {f["event"] for f in facts.values() if f.get("kind") == "event"}
        facts.update(self._facts(events - entities, {"e"}))
        # The places the places lie in, up to the depth `containers` follows.
        seen = set(entities)
        places = {f["place"] for f in facts.values() if f.get("kind") == "event" and f.get("place")}
        frontier = _containers(facts.values(), seen) | (places - seen)
        for _ in range(8):
            if not frontier:
                break
            seen |= frontier
            found = self._facts(frontier, {"rs"})
            facts.update(found)
            frontier = _containers(found.values(), seen)
        named = set(entities)
        for fact in facts.values():
            named.update(e for e, r in fact_roles(fact) if r != "d")
        return self._build(named, facts)

    def _build(self, named: set[str], facts: dict[int, dict[str, Any]]) -> KnowledgeBase:
        kb = KnowledgeBase()
        for _, name, verified in self.files:
            kb.files.append(name)
            kb.verified[name] = None if verified is None else PartialDate.parse(verified)
        rows = sorted(
            self._rows("SELECT n, id, data FROM entities WHERE id IN ({})", sorted(named))
        )
        entities = {eid: json.loads(data) for _, eid, data in rows}
        origin: dict[int, tuple[str, int, int]] = {}
        ordered = sorted(facts)
        for i in range(0, len(ordered), _SQL_VARS):
            chunk = ordered[i : i + _SQL_VARS]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT n, file, line, col FROM facts WHERE n IN ({marks})"  # noqa: S608 - "?" only
            for n, file, line, col in self.db.execute(sql, chunk):
                origin[n] = (self.names[file], line, col)
        model = records.kb_file(
            {"claimcheck-kb": 1, "entities": entities, "facts": [facts[n] for n in ordered]}
        )
        if model is None:  # pragma: no cover - every row was validated when compiled
            raise RuntimeError(f"{self.path}: a stored fact no longer validates")
        for entity_id, record in model.entities.items():
            kb.add_entity(entity_id, record)
        for n, fact in zip(ordered, model.facts, strict=True):
            kb.add_fact(fact, origin[n])
        kb.finish()
        return kb


def _containers(facts: Iterable[dict[str, Any]], seen: set[str]) -> set[str]:
    return {
        f["object"]
        for f in facts
        if f.get("kind") == "relation" and f["predicate"] in CONTAINMENT and f["object"] not in seen
    }


def _collect(value: Any, texts: set[str], days: set[PartialDate]) -> None:
    """Every text and every day-or-finer date in a claim file's records."""
    if isinstance(value, str):
        texts.add(value)
    elif isinstance(value, PartialDate):
        if value.precision == "day":
            days.add(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            _collect(k, texts, days)
            _collect(v, texts, days)
    elif isinstance(value, list | tuple):
        for v in value:
            _collect(v, texts, days)
    elif hasattr(value, "__slots__"):
        for name in value.__slots__:
            _collect(getattr(value, name, None), texts, days)
