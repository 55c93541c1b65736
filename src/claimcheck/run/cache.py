"""A result cache: one file's findings, keyed by the content hash of everything they depend on.

An entry is found by a key over the run's fingerprint (``fingerprint``: version, code,
options, and ``shared_inputs``, the files every result depends on) and the checked file (its
bytes, the name it is shown under, where it lives). It records the hash of every other file
the result read (``FileResult.inputs``: the article text, and whatever else the engine adds
there), and is used only while those hashes still match. Entries hold serialised findings
and verdict records only, never code: they are read with ``json`` and checked field by field;
anything unexpected (a corrupt, truncated or foreign entry) is a miss, never an error. The
verdict records, which the JSON report writes as they are, are checked against the checksum
and the counts stored with them rather than parsed again: an archive's records are as large as
its claim files, and parsing them cost more than the rest of a run where nothing changed.
Entries are written to a temporary file and renamed into place, so a reader never sees half
of one, and two processes writing the same entry both leave a whole one.
"""

from __future__ import annotations

import dataclasses
import json
import os
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimcheck import __version__
from claimcheck.core.findings import Finding, Location, Severity
from claimcheck.core.limits import Limits
from claimcheck.loader.reader import digest, input_state

if TYPE_CHECKING:
    from claimcheck.check.result import FileResult
    from claimcheck.core.options import Options
    from claimcheck.core.verdicts import ClaimVerdict, Evidence
    from claimcheck.run.stream import FileReport

CACHE_DIR_NAME = ".claimcheck_cache"
ENTRY_FORMAT = 3

# Options fields that do not change one file's findings: they choose which files are checked,
# how, or what exit code the findings give. Every other field is part of the key.
# (A baseline is applied to the whole run's findings after the files are checked.)
_NOT_IN_KEY = frozenset({"paths", "jobs", "cache_dir", "fail_on", "baseline"})

Outcome = tuple["FileResult", list[Finding]]


def default_dir(root: str | None) -> str:
    """``.claimcheck_cache`` in the project root: ``root``, else the one around the cwd."""
    from claimcheck.core.project import find_root

    return str((Path(root) if root else find_root(Path.cwd())) / CACHE_DIR_NAME)


def _code_fingerprint() -> list[tuple[str, int, int]]:
    """Size and modification time of every module of this package.

    The version alone would miss a rule edited in a development checkout.
    """
    base = Path(__file__).parent.parent  # the whole package, not only run/
    out = []
    for folder, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                path = Path(folder) / name
                st = path.stat()
                out.append((path.relative_to(base).as_posix(), st.st_size, st.st_mtime_ns))
    return out


def fingerprint(options: Options, shared: Mapping[str, str]) -> str:
    """Hash every input that affects every file's findings alike.

    It covers the claimcheck version and code, each field of ``Options`` (rule selection,
    limits, root, and any field added later) but those in ``_NOT_IN_KEY``, and ``shared``:
    the content hash of every file all results depend on (the knowledge base today; add new
    ones where the run builds this mapping, `parallel.Checker`). An option that names a file
    is in the fingerprint by its name only, so its content must come through ``shared``.
    """
    parts: dict[str, Any] = {
        "version": __version__,
        "code": _code_fingerprint(),
        "options": {
            f.name: repr(getattr(options, f.name))
            for f in dataclasses.fields(options)
            if f.name not in _NOT_IN_KEY
        },
        "inputs": dict(shared),
    }
    return digest(json.dumps(parts, sort_keys=True).encode())


def file_key(run: str, path: Path, shown: str, raw: bytes, root: Path) -> str:
    """The key of one file's entry: the run's fingerprint and what is particular to the file.

    ``shown`` is in the findings; the absolute path and the project root decide which article
    text the file may name (the article's own bytes are checked through the entry's inputs).
    """
    parts = [ENTRY_FORMAT, run, shown, str(path.resolve()), str(root), digest(raw)]
    return digest(json.dumps(parts).encode())


def _location(loc: Location) -> list[Any]:
    return [loc.path, loc.line, loc.column, loc.end_line, loc.end_column]


def _of(*types: type) -> Callable[[Any], Any]:
    """A reader that returns a value of exactly one of ``types``, else raises TypeError."""

    def read(value: Any) -> Any:
        if type(value) not in types:
            raise TypeError(f"{type(value).__name__} in a cache entry")
        return value

    return read


_text, _int = _of(str), _of(int)


def _read_location(data: Any) -> Location:
    if type(data) is not list or len(data) != 5:
        raise TypeError("not a location")
    return Location(_text(data[0]), *map(_int, data[1:]))


# How each field of Finding is read back from an entry, checking its type: an entry is data
# from disk, so nothing in it is trusted. A field added to Finding needs a line here (until
# then its findings are not cached: ``put`` stores only what reads back identical).
_READ_FIELD: dict[str, Callable[[Any], Any]] = {
    "rule_id": _text,
    "severity": Severity,
    "message": _text,
    "location": _read_location,
    "pointer": _text,
    "claim_id": _of(str, type(None)),
    "suppressed": _of(str, type(None)),
    "fatal": _of(bool),
    "baselined": _of(bool),
    "related": lambda rs: tuple(_read_location(r) for r in _of(list)(rs)),
}


_EVIDENCE_KEYS = frozenset({"fact", "statement", "sources", "status"})
# Evidence read back, by its fields: the many verdicts that cite one fact share one object.
_evidence_memo: dict[tuple[str, str, tuple[str, ...], str], Evidence] = {}


def _read_evidence(data: Any) -> Evidence:
    if type(data) is not dict or data.keys() != _EVIDENCE_KEYS:
        raise TypeError("not evidence")
    sources = data["sources"]
    if type(sources) is not list or any(type(s) is not str for s in sources):
        raise TypeError("not a list of sources")
    fields = (_text(data["fact"]), _text(data["statement"]), tuple(sources), _text(data["status"]))
    found = _evidence_memo.get(fields)
    if found is None:
        from claimcheck.core.verdicts import Evidence

        found = _evidence_memo[fields] = Evidence(*fields)
    return found


_VERDICT_KEYS = frozenset({"path", "claim", "kind", "verdict", "explanation", "stale", "evidence"})


def decode_verdicts(records: list[Any]) -> list[ClaimVerdict]:
    """Verdicts from parsed records, every field checked; TypeError, ValueError or KeyError if not.

    The verdict types are imported here, once per file, not once per verdict: a run that
    never decodes a verdict never loads them.
    """
    from claimcheck.core.verdicts import ClaimVerdict, Verdict

    def decode(data: Any) -> ClaimVerdict:
        if type(data) is not dict or data.keys() != _VERDICT_KEYS:
            raise TypeError("not a verdict")
        return ClaimVerdict(
            path=_text(data["path"]),
            claim_id=_text(data["claim"]),
            kind=_text(data["kind"]),
            verdict=Verdict(_text(data["verdict"])),
            explanation=_text(data["explanation"]),
            evidence=tuple(_read_evidence(e) for e in _of(list)(data["evidence"])),
            stale=_of(bool)(data["stale"]),
        )

    return [decode(d) for d in records]


def verdict_counts(data: Any, records: str) -> tuple[int, int, int, int]:
    """The stored counts of the verdict records, when they can be the counts of ``records``.

    ``records`` hold one record per line (RECORD_SEPARATOR; ``encode_record`` escapes every
    newline inside one), so their number is known without parsing them.
    """
    if type(data) is not list or len(data) != 4 or any(type(n) is not int for n in data):
        raise TypeError("not verdict counts")
    supported, refuted, unknown, stale = data
    total = records.count("\n") + 1 if records else 0
    if min(data) < 0 or supported + refuted + unknown != total or stale > total:
        raise ValueError("verdict counts that do not fit the records")
    return (supported, refuted, unknown, stale)


def _records_digest(counts: tuple[int, ...], records: str) -> int:
    """What an entry's verdict records and their counts are checked against when read.

    A checksum, not a hash: it catches damage to an entry that claimcheck wrote (the key
    already says whose it is), at a quarter of the cost of hashing the records again.
    """
    return zlib.crc32(f"{list(counts)}\n{records}".encode("ascii"))


def encode_finding(f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for fld in dataclasses.fields(Finding):
        value = getattr(f, fld.name)
        if fld.name == "location":
            value = _location(value)
        elif fld.name == "related":
            value = [_location(r) for r in value]
        elif fld.name == "severity":
            value = int(value)
        out[fld.name] = value
    return out


def decode_finding(data: Any) -> Finding:
    """A finding from an entry; ValueError, TypeError or KeyError when it is not one."""
    if type(data) is not dict or set(data) != set(_READ_FIELD):
        raise TypeError("not a finding")
    return Finding(**{name: read(data[name]) for name, read in _READ_FIELD.items()})


def pack_entry(payload: dict[str, Any]) -> bytes:
    """An entry's bytes: its fields as one line of JSON, then its verdict records as written.

    The records stay out of the JSON envelope, so reading an entry does not decode them as
    one long escaped string before parsing them.
    """
    head = {k: v for k, v in payload.items() if k != "verdicts"}
    line = json.dumps(head, ensure_ascii=True, separators=(",", ":"))
    records: str = payload["verdicts"]
    return line.encode() + b"\n" + records.encode("ascii")


def unpack_entry(data: bytes) -> dict[str, Any]:
    """The fields of an entry (``pack_entry``); ValueError or TypeError when it is not one."""
    head, newline, body = data.partition(b"\n")
    fields = json.loads(head)
    if not newline or type(fields) is not dict or "verdicts" in fields:
        raise TypeError("not an entry")
    fields["verdicts"] = body.decode("ascii")
    return fields


class Cache:
    """Entries under one folder, ``<dir>/v1/<2 hex>/<key>.json``."""

    def __init__(self, directory: Path, limits: Limits):
        self.directory = directory
        self.limits = limits

    def _entry(self, key: str) -> Path:
        return self.directory / f"v{ENTRY_FORMAT}" / key[:2] / f"{key}.json"

    def get(self, key: str, root: Path) -> FileReport | None:
        """The stored report when the entry is whole and its inputs are unchanged.

        Inputs are read only inside ``root``, whatever an entry names. Verdicts stay the
        JSON records the entry holds, each checked for shape, and are decoded only on use.
        """
        from claimcheck.run.stream import FileReport

        try:
            text = self._entry(key).read_bytes()
        except OSError:
            return None
        try:
            data = unpack_entry(text)
            if data["key"] != key or data["format"] != ENTRY_FORMAT:
                return None
            inputs: dict[str, str] = data["inputs"]
            for name, state in inputs.items():
                if not Path(name).is_relative_to(root):
                    return None
                if input_state(name, self.limits) != state:
                    return None
            file = data["file"]
            lines = _text(data["verdicts"])
            counts = verdict_counts(data["verdict_counts"], lines)
            if data["verdict_digest"] != _records_digest(counts, lines):
                return None
            return FileReport(
                path=_text(file["path"]),
                status=_text(file["status"]),
                claims=_int(file["claims"]),
                claim_ids=tuple(_text(c) for c in _of(list)(file["claim_ids"])),
                findings=[decode_finding(f) for f in _of(list)(data["findings"])],
                verdict_json=lines,
                verdict_counts=counts,
                inputs=tuple(inputs),
            )
        except (ValueError, TypeError, KeyError, AttributeError):
            return None  # corrupt or from another version: check the file again

    def put(self, key: str, report: FileReport) -> None:
        """Store a report; skipped silently when it would not read back identical."""
        try:
            payload = {
                "format": ENTRY_FORMAT,
                "key": key,
                "inputs": {name: input_state(name, self.limits) for name in report.inputs},
                "file": {
                    "path": report.path,
                    "status": report.status,
                    "claims": report.claims,
                    "claim_ids": list(report.claim_ids),
                },
                "findings": [encode_finding(f) for f in report.findings],
                "verdict_counts": list(report.verdict_counts),
                "verdict_digest": _records_digest(report.verdict_counts, report.verdict_json),
                "verdicts": report.verdict_json,
            }
            text = pack_entry(payload)
            back = unpack_entry(text)
            if [decode_finding(d) for d in back["findings"]] != report.findings:
                return
            if verdict_counts(back["verdict_counts"], back["verdicts"]) != report.verdict_counts:
                return
        except (TypeError, ValueError, KeyError, AttributeError):
            return
        self._write(self._entry(key), text)

    def _write(self, target: Path, data: bytes) -> None:
        import tempfile

        try:
            self._prepare(target.parent)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                Path(tmp).replace(target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            pass  # a read-only or full disk costs speed, never a result

    def _prepare(self, folder: Path) -> None:
        if folder.is_dir():
            return
        first = not self.directory.exists()
        folder.mkdir(parents=True, exist_ok=True)
        if first:
            # Keep the cache out of version control and backups, whatever the project ignores.
            (self.directory / ".gitignore").write_text("*\n", encoding="utf-8")
            (self.directory / "CACHEDIR.TAG").write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n"
                "# claimcheck's result cache: safe to delete.\n",
                encoding="utf-8",
            )
