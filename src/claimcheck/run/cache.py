"""A result cache: one file's findings, keyed by the content hash of everything they depend on.

An entry is found by a key over the run's fingerprint (``fingerprint``: version, code, the
parsing libraries, options, and ``shared_inputs``, the files every result depends on) and the
checked file (its bytes and the name it is shown under), never by where the project lies: a
project moved, or given a new root by a marker above it, keeps its entries. It records the
state of every other file the result read (``FileResult.inputs``: the article text as the
claim file names it, relative to the claim file's folder, resolved inside the root of today's
run and read again, so a link re-pointed elsewhere, or a root that no longer holds the
article, is a miss), and is used only while those states still match. A result that names
the project's absolute place (a message quoting a path) is bound to that place. Entries hold
serialised findings and verdict records only, never code.

The cache is bounded (``max_bytes``): a hit marks its entry used (its modification time), and
a run that wrote entries evicts the least recently used ones once the total passes the bound.
The total is kept in ``usage`` so that a run does not walk every entry to know it.

A cache may come from elsewhere (CI restores it from a shared store), so an entry is
untrusted input, read as a claim file is: a regular file only, never through a link, and
bounded. Every entry is authenticated as a whole: it starts with a keyed hash (blake2b in
its MAC mode) of all its other bytes, under a random key made when the cache was (``key``,
mode 0600, in the cache folder). Anything else is a miss, never an error or a result: a
damaged, truncated or hand-edited entry, one copied from another cache, one whose findings
were emptied. The key lives with the entries, so this authenticates what this cache's key
holder wrote; it cannot defend against whoever can replace the whole folder, key included
(see the README's Security section). The fields are still read back with their types
checked. A cache folder that is a symbolic link, or holds one where its folders belong, is
not used (a warning says so): entries would be written outside the project.

Entries live in ``<dir>/v6/<2 hex>/<key>.json``, written to a temporary file and renamed into
place, so a reader never sees half of one, and two processes writing the same entry both
leave a whole one.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimcheck import __version__
from claimcheck.check.inputs import input_name, read_input
from claimcheck.check.result import VERDICT_NAMES, FileResult
from claimcheck.core.findings import Finding
from claimcheck.core.limits import Limits
from claimcheck.core.project import find_root
from claimcheck.loader.reader import ReadError, digest, read_bytes

try:  # hashlib itself would load OpenSSL: a few ms of every cached run
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - CPython always has it
    from hashlib import blake2b

if TYPE_CHECKING:
    from claimcheck.core.options import Options
    from claimcheck.core.verdicts import EvidenceMemo

CACHE_DIR_NAME = ".claimcheck_cache"
ENTRY_FORMAT = 6  # 6: no absolute place in the key, inputs relative to the claim file
KEY_FILE = "key"
KEY_BYTES = 32
MAC_HEX = 64  # the hex digits of an entry's first line
# An entry holds a file's verdict records, which may be several times the file's size.
ENTRY_BYTES_PER_FILE_BYTE = 16
DEFAULT_MAX_MB = 512  # [tool.claimcheck] cache-max-mb, --cache-max-mb
USAGE_FILE = "usage"
KEEP_FRACTION = 0.9  # eviction goes below the bound, so that the next run need not evict
STALE_TEMP_SECONDS = 3600  # a temporary file this old was left by a run that was killed
_FORMAT_FOLDER = re.compile(r"v[0-9]+")

# The libraries whose parsing decides findings: import name -> distribution name. Their
# versions, and the extension modules they ship (libyaml, pydantic-core), are in the key.
PARSING_LIBRARIES = {"yaml": "PyYAML", "pydantic": "pydantic", "pydantic_core": "pydantic-core"}

# Options fields that do not change one file's findings: they choose which files are checked,
# how, or what exit code the findings give. Every other field is part of the key.
# (A baseline is applied to the whole run's findings after the files are checked.)
# ``root`` and ``kb`` name places: the files they lead to are in the key by content (the
# knowledge base through ``shared``, the article through an entry's inputs).
_NOT_IN_KEY = frozenset(
    {
        "paths",
        "jobs",
        "cache_dir",
        "cache_max_bytes",
        "executor",
        "scheduler",
        "fail_on",
        "baseline",
        "root",
        "kb",
    }
)


def default_dir(root: str | None) -> str:
    """``.claimcheck_cache`` in the project root: ``root``, else the one around the cwd."""
    return str((Path(root) if root else find_root(Path.cwd())) / CACHE_DIR_NAME)


def _code_fingerprint() -> list[tuple[str, int, int]]:
    """Size and modification time of every module of this package.

    The version alone would miss a rule edited in a development checkout.
    """
    out: list[tuple[str, int, int]] = []
    _modules(Path(__file__).parent.parent, "", out)
    return out


def _modules(folder: Path, prefix: str, out: list[tuple[str, int, int]]) -> None:
    """``os.scandir`` hands over each file's stat with its name: one call less per module."""
    with os.scandir(folder) as it:
        entries = sorted(it, key=lambda e: e.name)
    for entry in entries:
        if entry.name.endswith(".py") and entry.is_file():
            st = entry.stat()
            out.append((prefix + entry.name, st.st_size, st.st_mtime_ns))
        elif entry.is_dir() and entry.name != "__pycache__":
            _modules(folder / entry.name, f"{prefix}{entry.name}/", out)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def library_fingerprint() -> list[tuple[str, ...]]:
    """The Python version, and each parsing library's installed version and extensions.

    Found without importing the libraries (a cached run never needs them): the library's
    folder on ``sys.path``, the ``*.dist-info`` folder next to it (its name holds the
    version), and the size and time of each compiled module in the library's folder (whether
    PyYAML has libyaml, and which build). A library not found is in the key as absent.
    """
    out: list[tuple[str, ...]] = [("python", sys.version)]
    listed: dict[Path, list[str]] = {}  # site folders, listed once
    for module, dist in sorted(PARSING_LIBRARIES.items()):
        out.append((module, *_library(module, _normal(dist), listed)))
    return out


def _library(module: str, dist: str, listed: dict[Path, list[str]]) -> tuple[str, ...]:
    for entry in sys.path:
        folder = Path(entry or ".") / module
        if not (folder / "__init__.py").is_file():
            continue
        if folder.parent not in listed:
            listed[folder.parent] = os.listdir(folder.parent)  # noqa: PTH208 - no Path each
        found = ["absent"]
        for name in listed[folder.parent]:
            project, _, version = name.removesuffix(".dist-info").rpartition("-")
            if (
                name.endswith(".dist-info")
                and project[:1].lower() == dist[:1]  # cheap first: hundreds are listed
                and _normal(project) == dist
            ):
                found = [version]
        with os.scandir(folder) as it:
            extensions = sorted(
                (e for e in it if e.name.endswith((".so", ".pyd"))), key=lambda e: e.name
            )
        for e in extensions:
            st = e.stat()
            found.append(f"{e.name}:{st.st_size}:{st.st_mtime_ns}")
        return tuple(found)
    return ("not installed",)


def fingerprint(options: Options, shared: Mapping[str, str]) -> str:
    """Hash every input that affects every file's findings alike.

    It covers the claimcheck version and code, the parsing libraries
    (``library_fingerprint``), each field of ``Options`` (rule selection, limits, and any
    field added later) but those in ``_NOT_IN_KEY``, and ``shared``:
    the content hash of every file all results depend on (the knowledge base today; add new
    ones where the run builds this mapping, `parallel.Checker`). An option that names a file
    is in the fingerprint by its name only, so its content must come through ``shared``.
    """
    parts: dict[str, Any] = {
        "version": __version__,
        "code": _code_fingerprint(),
        "libraries": library_fingerprint(),
        "options": {
            f.name: repr(getattr(options, f.name))
            for f in dataclasses.fields(options)
            if f.name not in _NOT_IN_KEY
        },
        "inputs": dict(shared),
    }
    return digest(json.dumps(parts, sort_keys=True).encode())


def file_key(run: str, shown: str, raw: bytes) -> str:
    """The key of one file's entry: the run's fingerprint, the file's bytes and its name.

    ``shown`` is in the findings. Where the file lies is not: what its place decides (the
    article it reaches inside the root) is checked through the entry's inputs.
    """
    parts = [ENTRY_FORMAT, run, shown, digest(raw)]
    return digest(json.dumps(parts).encode())


def _portable(inputs: Mapping[str, str], folder: Path) -> dict[str, str]:
    """Inputs named from ``folder`` (the claim file's) with that folder left out of the name:
    ``_located`` puts back the folder the file is in when the entry is read."""
    out = {}
    for name, state in inputs.items():
        what, _, rest = name.partition("\0")
        base, _, ref = rest.partition("\0")
        out[input_name(what, Path(), ref) if base == str(folder) else name] = state
    return out


def _located(inputs: dict[str, Any], folder: Path) -> dict[str, str]:
    here = input_name("", Path(), "").split("\0")[1]
    out = {}
    for name, state in inputs.items():
        what, _, rest = _text(name).partition("\0")
        base, _, ref = rest.partition("\0")
        out[input_name(what, folder, ref) if base == here else name] = _text(state)
    return out


def _quoted(place: Path) -> bytes:
    """How ``place`` reads inside an entry's JSON (``pack_entry`` escapes non-ASCII)."""
    return json.dumps(str(place), ensure_ascii=True)[1:-1].encode("ascii")


def verdict_counts(data: Any, records: str) -> tuple[int, ...]:
    """The stored counts of the verdict records, when they can be the counts of ``records``.

    ``records`` hold one record per line (RECORD_SEPARATOR; ``encode_record`` escapes every
    newline inside one), so their number is known without parsing them.
    """
    if type(data) is not list or len(data) != len(VERDICT_NAMES):
        raise TypeError("not verdict counts")
    if any(type(n) is not int for n in data):
        raise TypeError("not verdict counts")
    total = records.count("\n") + 1 if records else 0
    if min(data) < 0 or sum(data) != total:
        raise ValueError("verdict counts that do not fit the records")
    return tuple(data)


def pack_entry(payload: dict[str, Any]) -> bytes:
    """An entry's body: its fields as one line of JSON, then its verdict records as written.

    The records stay out of the JSON envelope, so reading an entry does not decode them as
    one long escaped string before parsing them.
    """
    head = {k: v for k, v in payload.items() if k != "verdicts"}
    line = json.dumps(head, ensure_ascii=True, separators=(",", ":"))
    records: str = payload["verdicts"]
    return line.encode() + b"\n" + records.encode("ascii")


def unpack_entry(data: bytes) -> dict[str, Any]:
    """The fields of an entry's body (``pack_entry``); ValueError or TypeError if not one."""
    head, newline, body = data.partition(b"\n")
    fields = json.loads(head)
    if not newline or type(fields) is not dict or "verdicts" in fields:
        raise TypeError("not an entry")
    fields["verdicts"] = body.decode("ascii")
    return fields


def _text(value: Any) -> str:
    if type(value) is not str:
        raise TypeError(f"{type(value).__name__} in a cache entry")
    return value


def _int(value: Any) -> int:
    if type(value) is not int:
        raise TypeError(f"{type(value).__name__} in a cache entry")
    return value


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise TypeError(f"{type(value).__name__} in a cache entry")
    return value


class Cache:
    """Entries under one folder, ``<dir>/v6/<2 hex>/<key>.json``, each authenticated; at most
    about ``max_bytes`` of them once a run is closed (``close``)."""

    def __init__(self, directory: Path, limits: Limits, max_bytes: int | None = None):
        self.directory = directory
        self.limits = limits
        self.max_bytes = DEFAULT_MAX_MB * 2**20 if max_bytes is None else max_bytes
        self.written = 0  # bytes of entries this cache wrote, not yet in ``usage``
        self.entry_limits = dataclasses.replace(
            limits, max_file_bytes=limits.max_file_bytes * ENTRY_BYTES_PER_FILE_BYTE
        )
        # Evidence shared by the verdicts this cache gives back, for this run only.
        self.memo: EvidenceMemo = {}
        self.refused: str | None = None
        self._secret: bytes | None = None
        self._folders: set[Path] = set()  # folders found to be real folders, not links
        if directory.is_symlink():
            self._refuse(f"the cache folder {directory} is a symbolic link")

    def _refuse(self, why: str) -> None:
        """Stop using the cache for this run, and say why once."""
        if self.refused is None:
            self.refused = why
            sys.stderr.write(f"claimcheck: warning: {why}: the cache is not used\n")

    def _entry(self, key: str) -> Path:
        return self.directory / f"v{ENTRY_FORMAT}" / key[:2] / f"{key}.json"

    def _real_folders(self, folder: Path) -> bool:
        """Whether ``folder`` and the folders between it and the cache's are no links."""
        if folder in self._folders:
            return True
        for f in (folder, *folder.parents):
            if f == self.directory:
                break
            if f.is_symlink():
                self._refuse(f"{f} in the cache is a symbolic link")
                return False
        self._folders.add(folder)
        return True

    def _mac(self, body: bytes, secret: bytes) -> bytes:
        return blake2b(body, digest_size=MAC_HEX // 2, key=secret).hexdigest().encode("ascii")

    def _key(self, *, create: bool) -> bytes | None:
        """The cache's secret key: read once; made (or remade, when damaged) before writing."""
        if self._secret is None:
            path = self.directory / KEY_FILE
            try:
                secret = read_bytes(str(path), self.limits)
            except ReadError:
                secret = b""
            if len(secret) == KEY_BYTES:
                self._secret = secret
            elif create:
                self._secret = self._new_key(path, replace=bool(secret) or path.is_symlink())
        return self._secret

    def _new_key(self, path: Path, *, replace: bool) -> bytes | None:
        """A random key, written 0600 next to the entries; whoever wins a race sets it."""
        secret = os.urandom(KEY_BYTES)
        try:
            self._prepare(self.directory)
            fd, tmp = _mkstemp(dir=self.directory, prefix=".tmp-key-")  # mode 0600
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(secret)
                if replace:
                    Path(tmp).replace(path)
                else:
                    try:
                        os.link(tmp, path)
                    except FileExistsError:  # another process made it first: use theirs
                        secret = read_bytes(str(path), self.limits)
            finally:
                Path(tmp).unlink(missing_ok=True)
        except (OSError, ReadError):
            return None
        return secret if len(secret) == KEY_BYTES else None

    def seal(self, body: bytes) -> bytes | None:
        """An entry's bytes: the keyed hash of ``body``, a line break, then ``body``."""
        secret = self._key(create=True)
        return None if secret is None else self._mac(body, secret) + b"\n" + body

    def _open(self, data: bytes) -> bytes | None:
        """The body of an entry whose keyed hash matches; None for anything else."""
        secret = self._key(create=False)
        if secret is None or data[MAC_HEX : MAC_HEX + 1] != b"\n":
            return None
        body = data[MAC_HEX + 1 :]
        # Compared as bytes, case included: a flipped case bit in the hex is a mismatch too.
        return body if data[:MAC_HEX] == self._mac(body, secret) else None

    def get(self, key: str, root: Path, claim: Path = Path("/")) -> FileResult | None:
        """The stored result when the entry is authentic and whole and its inputs unchanged.

        Inputs are named again from the folder of ``claim`` (the claim file), then resolved
        and read again inside ``root``. Verdicts stay the JSON records the entry holds
        (authenticated with it) and are decoded only on use. A hit marks the entry used.
        """
        if self.refused is not None:
            return None
        path = self._entry(key)
        if not self._real_folders(path.parent):
            return None
        try:
            body = self._open(read_bytes(str(path), self.entry_limits))
        except ReadError:
            return None  # absent, a link, a FIFO, a device, too large: not an entry
        if body is None:
            return None
        try:
            data = unpack_entry(body)
            if data["key"] != key or data["format"] != ENTRY_FORMAT:
                return None
            if data.get("place") not in (None, str(claim.resolve())):
                return None  # a result that names where its project was: only there
            if type(data["inputs"]) is not dict:
                return None
            inputs = _located(data["inputs"], claim.parent)
            for name, state in inputs.items():
                if read_input(root, name, self.limits).state != state:
                    return None
            file = data["file"]
            records = _text(data["verdicts"])
            hit = FileResult.from_records(
                path=_text(file["path"]),
                status=_text(file["status"]),
                claims=_int(file["claims"]),
                claim_ids=tuple(_text(c) for c in _list(file["claim_ids"])),
                findings=[Finding.from_record(f) for f in _list(data["findings"])],
                records=records,
                counts=verdict_counts(data["verdict_counts"], records),
                inputs=inputs,
                memo=self.memo,
            )
        except (ValueError, TypeError, KeyError):
            # Data damage only (an authentic entry of another shape: from another version).
            return None
        with contextlib.suppress(OSError):  # a read-only cache is still read
            os.utime(path)  # used now: the last to be evicted
        return hit

    def put(self, key: str, result: FileResult, claim: Path = Path("/")) -> None:
        """Store a result of the claim file ``claim``. Programming errors propagate: they are
        bugs, not cache misses."""
        if self.refused is not None:
            return
        payload: dict[str, Any] = {
            "format": ENTRY_FORMAT,
            "key": key,
            "inputs": _portable(result.inputs, claim.parent),
            "file": {
                "path": result.path,
                "status": result.status,
                "claims": result.claims,
                "claim_ids": list(result.claim_ids),
            },
            "findings": [f.to_record() for f in result.findings],
            "verdict_counts": list(result.verdict_counts),
            "verdicts": result.verdict_json,
        }
        body = pack_entry(payload)
        place = claim.resolve()
        if any(_quoted(p) in body for p in place.parents if p != p.parent):
            payload["place"] = str(place)
            body = pack_entry(payload)
        if len(body) + MAC_HEX + 1 > self.entry_limits.max_file_bytes:
            return  # it would never be read back
        self._write(self._entry(key), body)

    def _write(self, target: Path, body: bytes) -> None:
        try:
            self._prepare(target.parent)
            if not self._real_folders(target.parent):
                return
            data = self.seal(body)
            if data is None:
                return
            fd, tmp = _mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                Path(tmp).replace(target)
                self.written += len(data)
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

    def close(self) -> None:
        """The end of a run: when it wrote entries, keep the cache within its bound."""
        if self.refused is not None or not self.written:
            return
        usage = self.directory / USAGE_FILE
        try:
            known: int | None = int(read_bytes(str(usage), self.limits).decode("ascii"))
        except (ReadError, ValueError, UnicodeDecodeError):
            known = None  # never counted, or damaged: count again
        total = (known or 0) + self.written
        if known is None or total > self.max_bytes:
            total = self.evict()
        self.written = 0
        try:
            fd, tmp = _mkstemp(dir=self.directory, prefix=".tmp-usage-")
            with os.fdopen(fd, "w", encoding="ascii") as f:
                f.write(str(total))
            Path(tmp).replace(usage)
        except OSError:
            pass

    def evict(self) -> int:
        """Delete the least recently used entries until the rest fit well within the bound,
        and every entry of another format (never read again); the bytes kept.

        Only regular files in real folders are considered: a link is neither followed nor
        counted, and ``_real_folders`` already refuses a cache that holds one.
        """
        now = time.time()
        entries: list[tuple[int, int, str]] = []  # (last used, size, path)
        for version in _children(str(self.directory)):
            if not _FORMAT_FOLDER.fullmatch(version.name):
                continue
            current = version.name == f"v{ENTRY_FORMAT}"
            for folder in _children(version.path):
                for e in _children(folder.path, files=True):
                    try:
                        st = e.stat(follow_symlinks=False)
                    except OSError:  # gone since it was listed: another run evicted it
                        continue
                    temp = e.name.startswith(".tmp-")
                    if not current or (temp and now - st.st_mtime > STALE_TEMP_SECONDS):
                        _remove(e.path)
                    elif not temp:
                        entries.append((st.st_mtime_ns, st.st_size, e.path))
        entries.sort(reverse=True)  # the most recently used first
        keep, kept = int(self.max_bytes * KEEP_FRACTION), 0
        for _, size, path in entries:
            if kept + size <= keep:
                kept += size
            else:
                _remove(path)
        return kept


def _mkstemp(*, dir: Path, prefix: str, suffix: str = "") -> tuple[int, str]:
    """A new file, mode 0600, in ``dir``: its descriptor and path."""
    import tempfile  # lazy: start-up (a run the cache answers writes nothing)

    return tempfile.mkstemp(dir=dir, prefix=prefix, suffix=suffix)


def _children(folder: str, *, files: bool = False) -> list[os.DirEntry[str]]:
    """The real folders (or regular files) in ``folder``; none when it cannot be listed.

    ``os.fspath`` refuses None, which `os.scandir` would take for the working folder: a
    cache folder lost on the way must fail, not evict the files of wherever the run is. Not
    mutated: a mutant without it deletes the files of the folder the tests run in.
    """
    try:
        with os.scandir(os.fspath(folder)) as it:  # pragma: no mutate
            if files:
                return [e for e in it if e.is_file(follow_symlinks=False)]
            return [e for e in it if e.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def _remove(path: str) -> None:
    # Gone already (another run evicted it), or read-only: tried again by the next run.
    with contextlib.suppress(OSError):
        Path(path).unlink()
