"""The compiled KB store gives the answers the KB files give, on every shipped and fixture KB.

`verify` and `claimcheck kb` answer a big KB from its SQLite store (`kb.db`), one claim file's
slice at a time; here the store is forced on small KBs and every report and every query is
compared with the in-memory answer.
"""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

import claimcheck.kb.files as kb_files
from claimcheck.app import VerifyRequest, run_verify
from claimcheck.core.dates import PartialDate
from claimcheck.core.limits import DEFAULT_LIMITS
from claimcheck.kb import db, query
from claimcheck.kb.files import KBSource, find_kb_files
from claimcheck.kb.load import load_kb
from claimcheck.kb.wikidata import Selection, import_wikidata
from tests.helpers import write_claims
from tests.unit.test_kb_edges import UNKNOWN

ROOT = Path(__file__).parent.parent.parent
# The shipped KB in the default run; every fixture KB under the `kbstore` marker (.ci/run).
KB_FOLDERS = [ROOT / "claims"] + [
    pytest.param(folder, marks=pytest.mark.kbstore)
    for folder in sorted(
        {p.parent for p in (ROOT / "tests" / "fixtures" / "rules").rglob("*.kb.yaml")}
    )
]


def _name(folder: Path) -> str:
    return str(folder.relative_to(ROOT))


def _report(paths: tuple[str, ...], fmt: str) -> tuple[int, str]:
    out = io.StringIO()
    request = VerifyRequest(paths=paths, no_cache=True, fmt=fmt, verbosity=1, root=str(ROOT))
    return run_verify(request, out), out.getvalue()


@pytest.mark.parametrize("folder", KB_FOLDERS, ids=_name)
def test_verify_reports_are_the_same_from_the_store(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    paths = (str(folder.relative_to(ROOT)),)
    fmts = ("json", "text") if folder.name == "claims" else ("json",)
    expected = [_report(paths, fmt) for fmt in fmts]
    sliced: list[int] = []
    slice_for = db.KBStore.slice_for

    def spy(self: db.KBStore, model: object) -> object:
        kb = slice_for(self, model)
        sliced.append(len(kb.facts))
        return kb

    monkeypatch.setattr(db.KBStore, "slice_for", spy)
    monkeypatch.setattr(kb_files, "STORE_BYTES", -1)
    assert [_report(paths, fmt) for fmt in fmts] == expected
    assert sliced  # the store answered


def _dates(kb: query.KnowledgeBase) -> list[PartialDate]:
    found = {PartialDate.parse("2024-08-20"), PartialDate.parse("2015")}
    for fact in kb.facts.values():
        for name in ("start", "end", "date"):
            value = getattr(fact, name, None)
            if value is not None:
                found.add(value)
    return sorted(found, key=lambda d: d.sort_key())


@pytest.mark.parametrize("folder", KB_FOLDERS, ids=_name)
def test_kb_queries_are_the_same_from_the_store(folder: Path, tmp_path: Path) -> None:
    files = find_kb_files([folder])
    full, findings = load_kb(files, DEFAULT_LIMITS, lambda p: p.name)
    source = KBSource(files, DEFAULT_LIMITS, lambda p: p.name, tmp_path)
    store = source.store()
    assert store.findings() == findings
    dates = _dates(full)
    for entity in full.records:
        one = store.slice_entity(entity, everything=True)
        assert query.entity(one, entity) == query.entity(full, entity)
        for on in dates:
            if entity in full.memberships:
                assert query.members(one, entity, on) == query.members(full, entity, on)
            if entity in full.tenures:
                assert query.holder(one, entity, on) == query.holder(full, entity, on)
        if entity in full.series:
            for until in (None, *dates):
                assert query.events(one, entity, until) == query.events(full, entity, until)


def test_the_store_is_built_once_per_content_and_opened_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = tmp_path / "a.kb.yaml"
    kb.write_text((ROOT / "claims" / "kb" / "groups.kb.yaml").read_text(encoding="utf-8"))
    builds: list[Path] = []
    compile_store = db.compile_store

    def counted(files: list[Path], shown: list[str], limits: object, target: Path) -> None:
        builds.append(target)
        compile_store(files, shown, limits, target)  # type: ignore[arg-type]

    monkeypatch.setattr(db, "compile_store", counted)
    monkeypatch.setattr(kb_files, "STORE_BYTES", -1)
    hashed: list[Path] = []
    mac = db._mac

    def reads(path: Path, key: bytes) -> str | None:
        hashed.append(path)
        return mac(path, key)

    monkeypatch.setattr(db, "_mac", reads)
    for _ in range(3):
        KBSource([kb], DEFAULT_LIMITS, lambda p: p.name, tmp_path / "cache").store()
    assert len(builds) == 1
    assert len(hashed) == 1  # sealed once built; later opens check its identity only
    # A store whose bytes changed (a poisoned cache) is not used: it is built again.
    with builds[0].open("ab") as f:
        f.write(b"\0")
    KBSource([kb], DEFAULT_LIMITS, lambda p: p.name, tmp_path / "cache").store()
    assert builds == [builds[0]] * 2
    kb.write_text(kb.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    store = KBSource([kb], DEFAULT_LIMITS, lambda p: p.name, tmp_path / "cache").store()
    assert len(builds) == 3 and builds[0] != builds[2]
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.db.execute("DELETE FROM facts")


BAD = """claimcheck-kb: 1
entities:
  a: {name: A, kind: organisation}
facts:
  - {id: f1, kind: membership, group: a, member: nobody, sources: [{title: S}]}
  - {id: f1, kind: membership, group: a, member: a, sources: [{title: S}]}
"""


def test_the_store_reports_a_bad_kb_as_the_files_do(tmp_path: Path) -> None:
    (tmp_path / "bad.kb.yaml").write_text(BAD, encoding="utf-8")
    (tmp_path / "more.kb.yaml").write_text(
        BAD.replace("f1", "f2").replace("  a: {", "  b: {"), encoding="utf-8"
    )
    files = sorted(tmp_path.glob("*.kb.yaml"))
    _, findings = load_kb(files, DEFAULT_LIMITS, lambda p: p.name)
    store = KBSource(files, DEFAULT_LIMITS, lambda p: p.name, tmp_path).store()
    assert len(findings) == 4
    assert store.findings() == findings


def test_an_import_is_streamed_into_the_store_with_its_positions(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    data = ROOT / "tests" / "fixtures" / "wikidata"
    with (project / "wd.kb.json").open("w", encoding="utf-8") as out:
        import_wikidata(
            [data / "Q2112.json", data / "Q646148.json"], out, Selection(), PartialDate(2026, 1, 1)
        )
    files = [project / "wd.kb.json"]
    full, findings = load_kb(files, DEFAULT_LIMITS, lambda p: p.name)
    store = KBSource(files, DEFAULT_LIMITS, lambda p: p.name, project).store()
    assert findings == store.findings() == []
    for entity in ("Q2112", "Q646148", "Q627637"):
        one = store.slice_entity(entity, everything=True)
        assert query.entity(one, entity) == query.entity(full, entity)
    write_claims(
        project,
        "claims:\n  - {id: m, kind: membership, group: Q627637, members: [Bielefeld], "
        'complete: false, at: "1990", quote: the talks}\n',
    )
    expected = _report((str(project),), "json")
    monkeypatch.setattr(kb_files, "STORE_BYTES", -1)
    assert _report((str(project),), "json") == expected


def test_a_big_kb_file_is_hashed_again_only_when_it_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = tmp_path / "a.kb.yaml"
    kb.write_text((ROOT / "claims" / "kb" / "groups.kb.yaml").read_text(encoding="utf-8"))
    read: list[Path] = []
    stream_digest = kb_files._stream_digest

    def counted(path: Path) -> str:
        read.append(path)
        return stream_digest(path)

    monkeypatch.setattr(kb_files, "_stream_digest", counted)
    monkeypatch.setattr(kb_files, "STORE_BYTES", -1)

    monkeypatch.chdir(tmp_path)

    def digest() -> str:  # a cache folder named relative to the working folder
        return KBSource([kb], DEFAULT_LIMITS, lambda p: p.name, Path("cache")).digest()

    first = digest()
    assert digest() == first and len(read) == 1
    # The same content as a small file's digest: the cache keys do not depend on the path.
    monkeypatch.setattr(kb_files, "STORE_BYTES", 1 << 30)
    assert digest() == first
    monkeypatch.setattr(kb_files, "STORE_BYTES", -1)
    kb.write_text(kb.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    assert digest() != first and len(read) == 2
    store = KBSource([kb], DEFAULT_LIMITS, lambda p: p.name, Path("cache")).store()
    assert store.slice_entity("brics", everything=True).records


def test_the_store_reports_an_unknown_entity_in_every_role_as_the_files_do(
    tmp_path: Path,
) -> None:
    """A big KB is checked by the store: each role of each kind of fact at its field, and a
    file that is not YAML at its line."""
    (tmp_path / "k.kb.yaml").write_text("claimcheck-kb: 1\n" + UNKNOWN.lstrip(), "utf-8")
    (tmp_path / "l.kb.yaml").write_text("claimcheck-kb: 1\nentities:\n  a: [b\n", "utf-8")
    files = [tmp_path / "k.kb.yaml", tmp_path / "l.kb.yaml"]
    _, findings = load_kb(files, DEFAULT_LIMITS, lambda p: p.name)
    store = KBSource(files, DEFAULT_LIMITS, lambda p: p.name, tmp_path).store()
    assert len(findings) == 17  # 16 unknown entities (two of a statement fact), a YAML error
    (broken,) = [f for f in findings if f.location.path == "l.kb.yaml"]
    assert (broken.location.line, broken.location.column) == (4, 1)  # at the YAML error
    assert store.findings() == findings


DIFFERENTLY = ", differently: declare it the same way in every file, or in one"
SHARED = """claimcheck-kb: 1
entities:
  a: {name: A, kind: country}
  b: {name: B, kind: country, aliases: [{name: Bee}]}
facts:
  - {id: FACT, kind: membership, group: a, member: b, sources: [{title: S}]}
"""


def _declared_twice(tmp_path: Path, second: str) -> tuple[db.KBStore, list[object]]:
    first = tmp_path / "a.kb.yaml"
    first.write_text(SHARED.replace("FACT", "f1"), encoding="utf-8")
    again = tmp_path / "b.kb.yaml"
    again.write_text(second.replace("FACT", "f2"), encoding="utf-8")
    files = [first, again]
    full, findings = load_kb(files, DEFAULT_LIMITS, lambda p: p.name)
    store = KBSource(files, DEFAULT_LIMITS, lambda p: p.name, tmp_path / "cache").store()
    assert store.findings() == findings
    assert full is not None
    for entity in ("a", "b"):
        one = store.slice_entity(entity, everything=True)
        assert query.entity(one, entity) == query.entity(full, entity)
    return store, findings


def test_an_entity_declared_differently_in_another_file_is_reported_as_the_files_do(
    tmp_path: Path,
) -> None:
    """Reported at its second declaration; the first is kept."""
    store, findings = _declared_twice(tmp_path, SHARED.replace("{name: Bee}", "{name: Bea}"))
    assert [(f.message, f.location.path, f.location.line, f.pointer) for f in findings] == [
        (f"entity 'b' is already defined in a.kb.yaml{DIFFERENTLY}", "b.kb.yaml", 4, "/entities/b")
    ]
    assert store.slice_entity("Bea").records == {}


def test_an_entity_declared_word_for_word_in_two_files_is_no_problem(tmp_path: Path) -> None:
    """Topic files may each declare the entities they share (here in another order)."""
    same = SHARED.replace("{name: A, kind: country}", "{kind: country, name: A}")
    _, findings = _declared_twice(tmp_path, same)
    assert findings == []


def test_an_entity_declared_differently_in_two_imports_is_reported_at_the_second(
    tmp_path: Path,
) -> None:
    head = '{"claimcheck-kb": 1,\n"entities": {\n'
    fact = '{"id": "f1", "kind": "membership", "group": "a", "member": "b", "sources": []}'
    fact = fact.replace("[]", '[{"title": "S"}]')
    a, b = '"a": {"name": "A", "kind": "country"}', '"b": {"name": "B", "kind": "country"}'
    first = tmp_path / "a.kb.json"
    first.write_text(f'{head}{a},\n{b}\n}},\n"facts": [\n{fact}\n]}}\n', encoding="utf-8")
    second = tmp_path / "b.kb.json"
    other = '"a": {"name": "Another A", "kind": "country"}'
    second.write_text(f'{head}{b},\n{other}\n}},\n"facts": [\n{fact}\n]}}\n', encoding="utf-8")
    store = KBSource([first, second], DEFAULT_LIMITS, lambda p: p.name, tmp_path).store()
    assert [
        (f.message, f.location.line, f.location.column, f.pointer) for f in store.findings()
    ] == [
        (
            f"entity 'a' is already defined in a.kb.json{DIFFERENTLY}",
            4,
            1,
            "/entities/a",
        ),
        ("fact id 'f1' is already used at a.kb.json:7:1", 7, 1, "/facts/0/id"),
    ]
    assert store.slice_entity("a").records["a"].name == "A"


def test_entities_declared_again_are_reported_in_the_order_they_are_written(
    tmp_path: Path,
) -> None:
    """In a JSON file written by hand, a later key may stand further left than an earlier."""
    first = tmp_path / "a.kb.yaml"
    first.write_text(SHARED.replace("FACT", "f1"), encoding="utf-8")
    again = tmp_path / "b.kb.json"
    again.write_text(
        '{"claimcheck-kb": 1, "entities": {"b": {"name": "B2", "kind": "country"},\n'
        '"a": {"name": "A2", "kind": "country"}}}\n',
        encoding="utf-8",
    )
    files = [first, again]
    _, findings = load_kb(files, DEFAULT_LIMITS, lambda p: p.name)
    store = KBSource(files, DEFAULT_LIMITS, lambda p: p.name, tmp_path / "cache").store()
    assert [(f.message, f.location.line, f.location.column) for f in store.findings()] == [
        (f"entity 'b' is already defined in a.kb.yaml{DIFFERENTLY}", 1, 35),
        (f"entity 'a' is already defined in a.kb.yaml{DIFFERENTLY}", 2, 1),
    ]
    assert store.findings() == findings
