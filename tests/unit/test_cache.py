"""The result cache: a hit gives the same findings; any change to what they depend on misses."""

import dataclasses
import json
from pathlib import Path

import pytest

from claimcheck.app import Options, verify
from claimcheck.check.inputs import input_name, read_input
from claimcheck.check.result import FileResult
from claimcheck.core.dates import PartialDate
from claimcheck.core.findings import Finding, Location, Severity
from claimcheck.core.limits import Limits
from claimcheck.core.options import RuleSettings
from claimcheck.run import cache
from tests.helpers import BRICS, write_claims


def run(project: Path, **changes) -> tuple[list[dict], list[tuple]]:
    options = Options(paths=(str(project),), cache_dir=str(project / ".cache"), **changes)
    result = verify(options)
    files = [(f.path, f.status, f.claims, f.claim_ids, f.verdict_json) for f in result.files]
    return [f.to_dict() for f in result.findings], files


def test_a_hit_returns_the_same_findings_without_checking(project, checks, monkeypatch):
    monkeypatch.chdir(project)
    write_claims(project, BRICS)
    first = run(project)
    assert checks == ["a.claims.yaml"] and "CC101" in {f["rule"] for f in first[0]}
    assert run(project) == first
    assert checks == ["a.claims.yaml"]  # the second run was served from the cache


@pytest.mark.parametrize(
    "change",
    ["file", "article", "article-removed", "select", "limits", "version", "code"],
)
def test_any_change_to_an_input_misses(project, checks, monkeypatch, change):
    monkeypatch.chdir(project)
    path = write_claims(project, BRICS)
    run(project)
    options: dict = {}
    if change == "file":
        path.write_text(path.read_text().replace("[brazil, russia]", "[brazil]"))
    elif change == "article":
        (project / "articles" / "a.txt").write_text("Another text.\n", encoding="utf-8")
    elif change == "article-removed":
        (project / "articles" / "a.txt").unlink()
    elif change == "select":
        options["select"] = ("CC1",)
    elif change == "limits":
        options["limits"] = Limits(max_depth=32)
    elif change == "version":
        monkeypatch.setattr(cache, "__version__", "99.0")
    elif change == "code":
        monkeypatch.setattr(cache, "_code_fingerprint", lambda: [("rules/new.py", 1, 1)])
    after = run(project, **options)
    assert checks == ["a.claims.yaml", "a.claims.yaml"]
    assert after == run(project, **options)  # and the new result is cached in its turn
    assert len(checks) == 2


def test_options_that_do_not_change_findings_still_hit(project, checks, monkeypatch):
    monkeypatch.chdir(project)
    write_claims(project, BRICS)
    run(project)
    run(project, fail_on=Severity.ERROR, jobs=1)
    assert len(checks) == 1


# One changed value for each Options field that affects findings. A field added to Options
# fails this test until it is given one here or is named in cache._NOT_IN_KEY. (``root``
# and ``kb`` name places: their files are in the key by content, tested below.)
CHANGED = {
    "select": ("CC1",),
    "ignore": ("CC1",),
    "limits": Limits(max_claims=1),
    "as_of": PartialDate(2025),
    "rule_settings": {"CC111": RuleSettings(Severity.INFO)},
}


def test_every_options_field_is_in_the_key_or_named_as_not():
    base = cache.fingerprint(Options(), {})
    fields = {f.name for f in dataclasses.fields(Options)} - cache._NOT_IN_KEY
    assert fields == set(CHANGED)
    for name, value in CHANGED.items():
        assert cache.fingerprint(Options(**{name: value}), {}) != base, name


def test_shared_inputs_change_the_fingerprint():
    assert cache.fingerprint(Options(), {"kb": "a"}) != cache.fingerprint(Options(), {"kb": "b"})


KB = """claimcheck-kb: 1
verified: 2025-10-21
entities:
  brics: {name: BRICS, kind: organisation}
  india: {name: India, kind: country}
facts:
  - id: brics-india
    kind: membership
    group: brics
    member: india
    start: "2009-06-16"
    sources: [{title: 1st BRIC summit, publisher: Wikipedia}]
"""


def test_an_edit_to_the_knowledge_base_misses_and_verdicts_come_back(project, checks, monkeypatch):
    monkeypatch.chdir(project)
    write_claims(project, BRICS)
    (project / "world.kb.yaml").write_text(KB, encoding="utf-8")
    first = run(project)
    assert run(project) == first  # verdicts included: FileResult holds them
    assert len(checks) == 1
    verdicts = {v.claim_id: v.verdict.value for v in verify(_options(project)).verdicts}
    assert verdicts["india"] == "supported"
    (project / "world.kb.yaml").write_text(KB.replace("2009-06-16", "2025-01-01"))
    run(project)
    assert len(checks) == 2
    verdicts = {v.claim_id: v.verdict.value for v in verify(_options(project)).verdicts}
    assert verdicts["india"] == "refuted"


def _options(project: Path) -> Options:
    return Options(paths=(str(project),), cache_dir=str(project / ".cache"))


def test_every_finding_field_is_stored():
    assert len(Finding("x", Severity.INFO, "m", Location("p")).to_record()) == len(
        dataclasses.fields(Finding)
    )


def _entries(project: Path) -> list[Path]:
    return sorted((project / ".cache").glob(f"v{cache.ENTRY_FORMAT}/*/*.json"))


def _body(entry: Path) -> dict:
    """An entry's fields, past its keyed hash."""
    return cache.unpack_entry(entry.read_bytes().split(b"\n", 1)[1])


def _reseal(project: Path, body: bytes) -> bytes:
    """An entry signed with the cache's own key: as if its key holder had written it."""
    sealed = cache.Cache(project / ".cache", Limits()).seal(body)
    assert sealed is not None
    return sealed


TAMPER = {
    "severity": lambda d: d["findings"][0].__setitem__(1, 7),
    "message": lambda d: d["findings"][0].__setitem__(2, 5),
    "location": lambda d: d["findings"][0].__setitem__(3, ["a", 1, "2", 0, 0]),
    "extra-field": lambda d: d["findings"][0].append("red"),
    "fatal": lambda d: d["findings"][0].__setitem__(7, "no"),
    "claims": lambda d: d["file"].update(claims="2"),
    "outside-input": lambda d: d["inputs"].update({"article\0/etc\0hostname": "x"}),
    "findings": lambda d: d.update(findings={"a": 1}),
    "key": lambda d: d.update(key="0" * 64),  # another file's entry, under this one's name
    "format": lambda d: d.update(format=cache.ENTRY_FORMAT - 1),
}


@pytest.mark.parametrize(
    "garbage",
    [b"", b"{", b"not json", b"[]", b'{"format": 1}', b"\xff\xfe", *TAMPER],
)
def test_a_corrupt_entry_is_ignored(project, checks, monkeypatch, garbage):
    monkeypatch.chdir(project)
    write_claims(project, BRICS)
    first = run(project)
    (entry,) = _entries(project)
    if isinstance(garbage, str):
        # Signed again: the fields are still checked, even in an authentic entry.
        data = _body(entry)
        TAMPER[garbage](data)
        garbage = _reseal(project, cache.pack_entry(data))
    entry.write_bytes(garbage)
    assert run(project) == first
    assert len(checks) == 2
    assert run(project) == first  # the entry was rewritten whole
    assert len(checks) == 2


def _records(edit):
    """A tampering of an entry's verdict records: ``edit`` changes the parsed records."""

    def tamper(d):
        records = json.loads(f"[{d['verdicts']}]")
        edit(records)
        d["verdicts"] = ",\n    ".join(json.dumps(r) for r in records)

    return tamper


VERDICT_TAMPER = {
    "not-text": lambda d: d.update(verdicts=json.loads(f"[{d['verdicts']}]")),
    "not-a-list-body": lambda d: d.update(verdicts=d["verdicts"] + "]}, {"),
    "not-ascii": lambda d: d.update(verdicts=d["verdicts"].replace("BRICS", "BR\u202eICS")),
    "verdict": _records(lambda rs: rs[0].update(verdict="true")),
    "path": _records(lambda rs: rs[0].update(path="other.claims.yaml")),
    "extra-key": _records(lambda rs: rs[0].update(colour="red")),
    "stale": _records(lambda rs: rs[0].update(stale="no")),
    "claim": _records(lambda rs: rs[0].update(claim=None)),
    "evidence": _records(lambda rs: rs[0].update(evidence={"fact": "x"})),
    "status": _records(lambda rs: rs[0]["evidence"][0].update(status="maybe")),
    "sources": _records(lambda rs: rs[0]["evidence"][0].update(sources="https://a.example")),
    "source": _records(lambda rs: rs[0]["evidence"][0].update(sources=[1])),
    "not-an-object": _records(lambda rs: rs.append([1, 2])),
    "one-record-fewer": _records(lambda rs: rs.pop()),
    "counts": lambda d: d.update(verdict_counts=d["verdict_counts"][1:] + d["verdict_counts"][:1]),
    "counts-not-fitting": lambda d: d.update(verdict_counts=[9, 0, 0, 0]),
    "counts-not-numbers": lambda d: d.update(verdict_counts=["1", 0, 0, 0]),
}


@pytest.mark.parametrize("tamper", sorted(VERDICT_TAMPER))
def test_tampered_verdict_records_are_a_miss(project, checks, monkeypatch, tamper):
    """Verdict records are written into reports as they are stored: any edit is a miss."""
    monkeypatch.chdir(project)
    write_claims(project, BRICS)
    (project / "world.kb.yaml").write_text(KB, encoding="utf-8")
    first = verify(_options(project)).verdicts
    assert first and first[0].evidence  # something to tamper with
    (entry,) = (e for e in _entries(project) if _body(e)["verdicts"])
    head = entry.read_bytes().split(b"\n", 1)[0]
    data = _body(entry)
    VERDICT_TAMPER[tamper](data)
    # Verdict records are not parsed when read: the keyed hash is what refuses these.
    if tamper == "not-text":  # the records inside the JSON line, where they never are
        body = json.dumps(data).encode() + b"\n"
    elif tamper == "not-ascii":  # what pack_entry refuses to write
        records = data.pop("verdicts")
        body = json.dumps(data).encode() + b"\n" + records.encode()
    else:
        body = cache.pack_entry(data)
    entry.write_bytes(head + b"\n" + body)
    assert verify(_options(project)).verdicts == first
    assert len(checks) == 2  # checked again, not served from the bad entry


def test_unwritable_cache_costs_speed_not_results(project, checks, monkeypatch):
    monkeypatch.chdir(project)
    write_claims(project, BRICS)
    (project / ".cache").write_text("a file where the folder should be", encoding="utf-8")
    assert "CC101" in {f["rule"] for f in run(project)[0]}
    assert "CC101" in {f["rule"] for f in run(project)[0]}
    assert len(checks) == 2


def test_the_cache_folder_keeps_out_of_version_control(project, monkeypatch):
    monkeypatch.chdir(project)
    write_claims(project, BRICS)
    run(project)
    assert (project / ".cache" / ".gitignore").read_text() == "*\n"
    assert (project / ".cache" / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f59")
    assert not list((project / ".cache").rglob(".tmp-*"))


def test_findings_round_trip_every_field():
    finding = Finding(
        rule_id="CC101",
        severity=Severity.WARNING,
        message="m \u202e \n",
        location=Location("a b.yaml", 3, 4, 3, 9),
        pointer="/claims/0/members",
        claim_id="c",
        suppressed="because it is so, for a reason",
        fatal=True,
        related=(Location("a b.yaml", 1, 2), Location("x", 5, 6)),
    )
    encoded = json.loads(json.dumps(finding.to_record()))
    assert Finding.from_record(encoded) == finding


def test_the_project_root_is_found_again_by_each_run(tmp_path):
    """No process-wide memo: a long-lived process sees a project made after its first run."""
    from claimcheck.core.project import find_root

    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    inner = tmp_path / "inner" / "claims"
    inner.mkdir(parents=True)
    memo: dict[Path, Path] = {}
    assert find_root(inner, memo) == tmp_path == find_root(inner)
    (tmp_path / "inner" / "pyproject.toml").write_text("", encoding="utf-8")
    assert find_root(inner) == tmp_path / "inner"
    assert find_root(inner, memo) == tmp_path  # the run that asked first keeps its answer


def test_the_collector_is_restored_even_on_error():
    import gc

    from claimcheck.run.parallel import paused_gc

    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused_gc():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # a caller that paused it keeps it paused
    finally:
        gc.enable()


def test_a_programming_error_in_put_is_not_a_silent_miss(project, monkeypatch):
    monkeypatch.chdir(project)
    write_claims(project, BRICS)

    def broken(self):
        raise AttributeError("a refactoring bug")

    monkeypatch.setattr(Finding, "to_record", broken)
    with pytest.raises(AttributeError):
        verify(_options(project))


def test_the_verdict_counts_of_a_file_without_verdicts_read_back_as_zeros():
    """A claim file with no claims is cached too: no records, every count 0."""
    zeros = [0] * len(cache.VERDICT_NAMES)
    assert cache.verdict_counts(zeros, "") == tuple(zeros)
    with pytest.raises(ValueError, match="verdict counts that do not fit the records"):
        cache.verdict_counts([1, *zeros[1:]], "")
    assert cache.verdict_counts([2, *zeros[1:]], "{}\n{}") == (2, *zeros[1:])
    with pytest.raises(TypeError):
        cache.verdict_counts([2], "{}\n{}")  # counts of another version's verdict names


@pytest.mark.parametrize(
    "body",
    [b'{"format": 6}', b'{"format": 6, "verdicts": ""}\n', b'["format"]\n'],
    ids=["no-records-line", "records-in-the-head", "not-an-object"],
)
def test_an_entry_body_of_another_shape_is_refused(body):
    with pytest.raises(TypeError):
        cache.unpack_entry(body)


def test_two_runs_making_the_cache_key_at_once_both_use_the_one_that_won(tmp_path, monkeypatch):
    """The loser of the race reads the winner's key: entries either writes, both can open."""
    folder = tmp_path / "cache"
    winner, loser = cache.Cache(folder, Limits()), cache.Cache(folder, Limits())
    real_link = cache.os.link

    def late(src: str, dst: str) -> None:
        monkeypatch.setattr(cache.os, "link", real_link)
        assert winner.seal(b"first") is not None  # the winner's key lands first
        real_link(src, dst)

    monkeypatch.setattr(cache.os, "link", late)
    sealed = loser.seal(b"body")
    assert sealed is not None
    assert winner._open(sealed) == b"body"
    assert loser._open(winner.seal(b"other") or b"") == b"other"
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".tmp")) == []


def test_a_key_made_while_another_run_was_making_its_own_is_never_overwritten(
    tmp_path, monkeypatch
):
    """No key file when the loser looked, the winner's by the time it writes: the loser
    takes the winner's key, so that the entries the winner already sealed stay readable."""
    folder = tmp_path / "cache"
    winner, loser = cache.Cache(folder, Limits()), cache.Cache(folder, Limits())
    real_mkstemp = cache._mkstemp
    first: list[bytes | None] = []

    def late(**kwargs: object):
        monkeypatch.setattr(cache, "_mkstemp", real_mkstemp)
        first.append(winner.seal(b"first"))  # the winner's key lands first
        return real_mkstemp(**kwargs)

    monkeypatch.setattr(cache, "_mkstemp", late)
    assert loser.seal(b"body") is not None
    assert first[0] is not None
    assert loser._open(first[0]) == b"first"


def test_an_entry_sealed_with_another_caches_key_is_refused(tmp_path):
    """The keyed hash needs the secret: an entry copied from (or forged for) another cache
    folder does not open here."""
    ours, theirs = cache.Cache(tmp_path / "ours", Limits()), cache.Cache(tmp_path / "b", Limits())
    sealed = theirs.seal(b"body")
    assert sealed is not None and theirs._open(sealed) == b"body"
    assert ours.seal(b"other") is not None  # our own key exists
    assert ours._open(sealed) is None


def test_the_cache_is_bounded_at_512_mb_unless_told_otherwise(tmp_path):
    assert cache.Cache(tmp_path, Limits()).max_bytes == 512 * 2**20
    assert cache.Cache(tmp_path, Limits(), max_bytes=1000).max_bytes == 1000


def test_a_damaged_cache_key_is_replaced_and_the_cache_still_works(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / cache.KEY_FILE).write_bytes(b"short")
    store = cache.Cache(folder, Limits())
    sealed = store.seal(b"body")
    assert sealed is not None
    assert len((folder / cache.KEY_FILE).read_bytes()) == cache.KEY_BYTES
    assert cache.Cache(folder, Limits())._open(sealed) == b"body"


def test_a_project_below_a_folder_with_a_non_ascii_name_is_cached(tmp_path, checks, monkeypatch):
    project = tmp_path / "café"
    (project / "articles").mkdir(parents=True)
    (project / "articles" / "a.txt").write_text("As a member of the BRICS forum\n")
    write_claims(project, BRICS)
    monkeypatch.chdir(project)
    options = Options(paths=(".",), cache_dir=str(project / ".cache"))
    first = [f.to_dict() for f in verify(options).findings]
    assert [f.to_dict() for f in verify(options).findings] == first
    assert checks == ["a.claims.yaml"]  # the second run was served from the cache


def _finding(message: str) -> Finding:
    return Finding("CC001", Severity.ERROR, message, Location("a.claims.yaml", 1, 1))


@pytest.mark.parametrize("folder", ["here", "café"])
def test_a_result_that_names_where_its_project_lies_is_used_only_there(tmp_path, folder):
    """A message quoting the project's absolute place would be wrong once it moved."""
    store = cache.Cache(tmp_path / "cache", Limits())
    here, moved = tmp_path / folder / "a.claims.yaml", tmp_path / "moved" / "a.claims.yaml"
    named = f"cannot read {here.parent / 'articles' / 'a.txt'}"
    store.put("aa01", FileResult("a.claims.yaml", "checked", findings=[_finding(named)]), here)
    store.put("aa02", FileResult("a.claims.yaml", "checked", findings=[_finding("no place")]), here)
    hit = store.get("aa01", tmp_path, here)
    assert hit is not None and [f.message for f in hit.findings] == [named]
    assert store.get("aa01", tmp_path, moved) is None
    elsewhere = store.get("aa02", tmp_path, moved)
    assert elsewhere is not None and [f.message for f in elsewhere.findings] == ["no place"]


def test_an_input_named_from_another_folder_keeps_that_folder(tmp_path):
    """Only inputs named from the claim file's folder are named again from where it lies."""
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "a.txt").write_text("the shared text\n")
    claim = tmp_path / "claims" / "a.claims.yaml"
    name = input_name("article text path", tmp_path / "shared", "a.txt")
    store = cache.Cache(tmp_path / "cache", Limits())
    state = read_input(tmp_path, name, Limits()).state
    store.put("aa01", FileResult("a.claims.yaml", "checked", inputs={name: state}), claim)
    hit = store.get("aa01", tmp_path, claim)
    assert hit is not None and dict(hit.inputs) == {name: state}


def test_a_cache_folder_that_is_a_link_is_not_used_and_a_warning_says_so_once(tmp_path, capsys):
    real, link = tmp_path / "real", tmp_path / "link"
    real.mkdir()
    link.symlink_to(real)
    store = cache.Cache(link, Limits())
    store.put("aa01", FileResult("a.claims.yaml", "checked"))
    assert store.get("aa01", tmp_path) is None
    assert list(real.iterdir()) == []
    assert capsys.readouterr().err == (
        f"claimcheck: warning: the cache folder {link} is a symbolic link: the cache is not used\n"
    )


def test_a_link_inside_the_cache_folder_stops_the_cache_with_one_warning(tmp_path, capsys):
    folder, elsewhere = tmp_path / "cache", tmp_path / "elsewhere"
    (elsewhere / "aa").mkdir(parents=True)
    (elsewhere / "bb").mkdir()
    folder.mkdir()
    (folder / f"v{cache.ENTRY_FORMAT}").symlink_to(elsewhere)
    store = cache.Cache(folder, Limits())
    assert store.get("aa01", tmp_path) is None
    assert store.get("bb01", tmp_path) is None
    store.put("cc01", FileResult("a.claims.yaml", "checked"))
    assert sorted(p.name for p in elsewhere.iterdir()) == ["aa", "bb"]
    link = folder / f"v{cache.ENTRY_FORMAT}"
    assert capsys.readouterr().err == (
        f"claimcheck: warning: {link} in the cache is a symbolic link: the cache is not used\n"
    )


def test_a_hit_counts_the_same_verdicts_in_the_summary(project, checks, monkeypatch):
    monkeypatch.chdir(project)
    write_claims(project, BRICS)
    first = verify(_options(project)).tally()
    again = verify(_options(project)).tally()
    assert checks == ["a.claims.yaml"]  # the second run was served from the cache
    assert sum(first.verdicts) == 2
    assert (again.files, again.claims, again.verdicts) == (1, 2, first.verdicts)


def test_looking_an_entry_up_in_a_new_cache_writes_nothing(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    store = cache.Cache(folder, Limits())
    entry = folder / f"v{cache.ENTRY_FORMAT}" / "aa" / "aa01.json"
    entry.parent.mkdir(parents=True)
    entry.write_bytes(b"0" * cache.MAC_HEX + b"\n{}")
    assert store.get("aa01", tmp_path) is None
    assert sorted(p.name for p in folder.iterdir()) == [f"v{cache.ENTRY_FORMAT}"]  # no key made
