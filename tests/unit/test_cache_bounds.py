"""The cache keyed on what decides a result, not on where the project lies; and bounded."""

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from claimcheck.app import Options, verify
from claimcheck.check.result import FileResult
from claimcheck.core.findings import Finding, Location, Severity
from claimcheck.core.limits import Limits
from claimcheck.run import cache
from tests.helpers import BRICS, write_claims


def _outcome(options: Options) -> tuple[list[dict], list[tuple]]:
    result = verify(options)
    files = [(f.path, f.status, f.claims, f.claim_ids, f.verdict_json) for f in result.files]
    return [f.to_dict() for f in result.findings], files


def _run(where: Path, cache_dir: Path, **changes) -> tuple[list[dict], list[tuple]]:
    return _outcome(Options(paths=(".",), cache_dir=str(cache_dir), **changes))


def test_a_moved_project_keeps_its_cached_results(tmp_path, project, checks, monkeypatch):
    monkeypatch.chdir(project)
    write_claims(project, BRICS)
    first = _run(project, project / ".cache")
    moved = tmp_path.parent / f"{tmp_path.name}-moved"
    shutil.move(project, moved)
    monkeypatch.chdir(moved)
    assert _run(moved, moved / ".cache") == first
    assert checks == ["a.claims.yaml"]  # the second run was served from the moved cache
    assert _outcome(Options(paths=(".",))) == first  # and it is what a fresh check says


def test_a_root_marker_added_above_keeps_the_results(tmp_path, checks, monkeypatch):
    """A folder without a marker is its own root; a .git above makes the parent the root."""
    claims = tmp_path / "site" / "claims"
    (claims / "articles").mkdir(parents=True)
    (claims / "articles" / "a.txt").write_text("As a member of the BRICS forum\n")
    write_claims(claims, BRICS)
    monkeypatch.chdir(claims)
    store = tmp_path / "store"
    first = _run(claims, store)
    (tmp_path / "site" / ".git").mkdir()
    assert _run(claims, store) == first
    assert len(checks) == 1


def test_an_article_the_new_root_lets_in_is_read_again(tmp_path, checks, monkeypatch):
    """The place matters where it changes the result: an article outside the old root."""
    site = tmp_path / "site"
    (site / "claims").mkdir(parents=True)
    (site / "articles").mkdir()
    (site / "articles" / "a.txt").write_text("As a member of the BRICS forum\n")
    path = write_claims(site / "claims", BRICS)
    path.write_text(path.read_text().replace("text: articles/", "text: ../articles/"))
    monkeypatch.chdir(site / "claims")
    store = tmp_path / "store"
    refused = _run(site, store)
    assert "leaves the project root" in str(refused[0])
    (site / ".git").mkdir()
    allowed = _run(site, store)
    assert "leaves the project root" not in str(allowed[0])
    assert len(checks) == 2
    assert allowed == _outcome(Options(paths=(".",)))


def _fake_library(site: Path, version: str, extension: bool = False) -> None:
    for old in site.glob("fakeparser-*.dist-info"):
        shutil.rmtree(old)
    (site / "fakeparser").mkdir(parents=True, exist_ok=True)
    (site / "fakeparser" / "__init__.py").write_text("")
    (site / f"fakeparser-{version}.dist-info").mkdir()
    so = site / "fakeparser" / "_speedups.cpython-311-x86_64-linux-gnu.so"
    if extension:
        so.write_bytes(b"\0" * 10)
    else:
        so.unlink(missing_ok=True)


@pytest.mark.parametrize("change", ["version", "extension"])
def test_a_parsing_library_upgrade_misses(tmp_path, project, checks, monkeypatch, change):
    site = tmp_path / "site-packages"
    _fake_library(site, "1.0")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setattr(
        cache, "PARSING_LIBRARIES", {**cache.PARSING_LIBRARIES, "fakeparser": "FakeParser"}
    )
    monkeypatch.chdir(project)
    write_claims(project, BRICS)
    _run(project, project / ".cache")
    _run(project, project / ".cache")
    assert len(checks) == 1
    if change == "version":
        _fake_library(site, "1.1")
    else:
        _fake_library(site, "1.0", extension=True)  # as PyYAML built with libyaml
    _run(project, project / ".cache")
    assert len(checks) == 2


def test_the_fingerprint_names_pyyaml_and_whether_it_has_libyaml():
    import yaml

    found = {name: rest for name, *rest in cache.library_fingerprint()}
    assert found["yaml"][0] == yaml.__version__
    assert any(e.startswith("_yaml.") for e in found["yaml"][1:]) == yaml.__with_libyaml__
    assert found["python"] == [sys.version]
    assert found["pydantic"][0] != "absent"


def _site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *names: str) -> Path:
    """A folder on ``sys.path`` (alone) holding the package `fakeparser` and ``names``."""
    site = tmp_path / "site"
    (site / "fakeparser").mkdir(parents=True)
    (site / "fakeparser" / "__init__.py").write_text("")
    for name in names:  # the dist-info folders beside it
        (site / name).mkdir(parents=True)
    monkeypatch.setattr(sys, "path", [str(site)])
    return site


def _fake() -> tuple[str, ...]:
    return cache._library("fakeparser", cache._normal("Fake-Parser"), {})


def test_a_librarys_version_is_read_from_its_dist_info_whatever_its_spelling(tmp_path, monkeypatch):
    """The project's name normalised as packaging does (Fake-Parser, fake_parser, fake.parser
    are one), and the version after its last '-'; another project's folder is not read."""
    _site(tmp_path, monkeypatch, "fake_parser-2.1.dist-info", "fakeparsers-9.dist-info")
    assert _fake() == ("2.1",)
    _site(tmp_path / "b", monkeypatch, "fake-parser-2.2.dist-info")
    assert _fake() == ("2.2",)


def test_a_library_without_its_dist_info_is_absent_and_one_not_found_not_installed(
    tmp_path, monkeypatch
):
    _site(tmp_path, monkeypatch)
    assert _fake() == ("absent",)
    monkeypatch.setattr(sys, "path", [str(tmp_path / "nowhere")])
    assert _fake() == ("not installed",)


def test_a_librarys_compiled_modules_are_listed_by_name_with_size_and_time(tmp_path, monkeypatch):
    """Linux's .so and Windows' .pyd, sorted by name whatever order the folder lists them in."""
    site = _site(tmp_path, monkeypatch, "fake_parser-1.0.dist-info")
    for name in ("_b.cpython-311.so", "_a.pyd", "_c.py"):
        (site / "fakeparser" / name).write_bytes(b"\0" * 3)
        os.utime(site / "fakeparser" / name, ns=(5, 5))
    assert _fake() == ("1.0", "_a.pyd:3:5", "_b.cpython-311.so:3:5")


def test_an_empty_entry_on_sys_path_is_the_working_folder(tmp_path, monkeypatch):
    site = _site(tmp_path, monkeypatch, "fake_parser-3.0.dist-info")
    monkeypatch.setattr(sys, "path", [""])
    monkeypatch.chdir(site)
    assert _fake() == ("3.0",)


def test_the_order_of_the_shared_inputs_does_not_change_the_fingerprint():
    options = Options(paths=("a",))
    assert cache.fingerprint(options, {"a.kb.yaml": "1", "b.kb.yaml": "2"}) == cache.fingerprint(
        options, {"b.kb.yaml": "2", "a.kb.yaml": "1"}
    )
    assert cache.fingerprint(options, {"a.kb.yaml": "1"}) != cache.fingerprint(
        options, {"a.kb.yaml": "2"}
    )


def _entry(store: cache.Cache, name: str, size: int, used: int) -> Path:
    path = store.directory / f"v{cache.ENTRY_FORMAT}" / name[:2] / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    os.utime(path, (used, used))
    return path


def test_eviction_keeps_the_most_recently_used_within_the_bound(tmp_path):
    store = cache.Cache(tmp_path / "c", Limits(), max_bytes=1000)
    entries = [_entry(store, f"{n:02x}aa", 200, 1_000_000 + n) for n in range(8)]
    stale = tmp_path / "c" / "v5" / "ab" / "old.json"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"x")
    kept = store.evict()
    assert kept == 800 <= 1000 * cache.KEEP_FRACTION
    assert [p.exists() for p in entries] == [False] * 4 + [True] * 4  # the newest four
    assert not stale.exists()  # another format's entry is never read again


def test_a_run_keeps_the_cache_within_its_bound(project, monkeypatch):
    monkeypatch.chdir(project)
    bound = 6000
    for n in range(12):
        write_claims(project, BRICS.replace("id: full", f"id: full{n}"), f"f{n:02}.claims.yaml")
    _run(project, project / ".cache", cache_max_bytes=bound)
    sizes = [p.stat().st_size for p in (project / ".cache").rglob("*.json")]
    assert 0 < sum(sizes) <= bound
    assert len(sizes) < 12
    usage = int((project / ".cache" / cache.USAGE_FILE).read_text())
    assert usage == sum(sizes)


def test_a_hit_marks_its_entry_used(project, monkeypatch):
    monkeypatch.chdir(project)
    write_claims(project, BRICS)
    _run(project, project / ".cache")
    (entry,) = (project / ".cache").rglob("*.json")
    os.utime(entry, (1000, 1000))
    _run(project, project / ".cache")
    assert entry.stat().st_mtime > 1000


def test_the_cache_folder_and_bound_come_from_the_environment_and_the_config(project, run_cli):
    write_claims(project, BRICS)
    elsewhere = project.parent / f"{project.name}-ci-cache"
    out = run_cli("verify", ".", cwd=project, env={"CLAIMCHECK_CACHE_DIR": str(elsewhere)})
    assert out.returncode == 1, out.stderr
    assert list(elsewhere.rglob("*.json")) and not (project / ".claimcheck_cache").exists()
    with (project / "pyproject.toml").open("a") as f:
        f.write("[tool.claimcheck]\ncache-max-mb = -1\n")
    out = run_cli("verify", ".", cwd=project)
    assert out.returncode == 2
    assert "cache-max-mb: expected a positive number of megabytes" in out.stderr


@pytest.mark.parametrize(
    ("value", "bytes_"), [(512, 512 * 2**20), (0.5, 2**19), (True, None), ("1", None), (0, None)]
)
def test_the_bound_in_the_configuration_is_a_positive_number_of_megabytes(value, bytes_):
    from claimcheck.config import ConfigError, parse_table

    if bytes_ is None:
        with pytest.raises(ConfigError, match="expected a positive number of megabytes"):
            parse_table({"cache-max-mb": value})
    else:
        assert parse_table({"cache-max-mb": value}) == {"cache_max_bytes": bytes_}


def test_a_folder_lost_on_the_way_is_an_error_not_the_working_folder(tmp_path, monkeypatch):
    """`os.scandir(None)` lists the working folder: eviction must never walk it."""
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(TypeError):
        cache._children(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cache._children(None, files=True)  # type: ignore[arg-type]
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_a_claim_file_below_the_folder_a_run_starts_in_is_served_from_the_cache(
    project, checks, monkeypatch
):
    """The article is named from the claim file's folder, not from where the run starts."""
    monkeypatch.chdir(project)
    (project / "claims").mkdir()
    path = write_claims(project / "claims", BRICS)
    path.write_text(path.read_text().replace("text: articles/", "text: ../articles/"))
    first = _run(project, project / ".cache")
    assert "leaves the project root" not in str(first[0])
    assert _run(project, project / ".cache") == first
    assert checks == ["claims/a.claims.yaml"]  # the second run was served from the cache


def test_eviction_removes_the_temporary_files_of_a_killed_run_but_not_of_a_running_one(tmp_path):
    store = cache.Cache(tmp_path / "c", Limits(), max_bytes=1000)
    kept = _entry(store, "aa01", 300, 1_000_000)
    folder = kept.parent
    killed, running = folder / ".tmp-old.json", folder / ".tmp-new.json"
    killed.write_bytes(b"x" * 100)
    running.write_bytes(b"x" * 100)
    hours_ago = int(time.time()) - 2 * cache.STALE_TEMP_SECONDS
    os.utime(killed, (hours_ago, hours_ago))
    assert store.evict() == 300  # a temporary file is not an entry: not counted
    assert sorted(p.name for p in folder.iterdir()) == [".tmp-new.json", "aa01.json"]


def test_eviction_leaves_folders_that_hold_no_entry_format_alone(tmp_path):
    """Whatever order the folders are listed in, eviction goes on past the others."""
    store = cache.Cache(tmp_path / "c", Limits(), max_bytes=1000)
    old, new = _entry(store, "aa01", 600, 1_000_000), _entry(store, "bb01", 600, 2_000_000)
    others = [tmp_path / "c" / name / "aa" / "aa01.json" for name in ("va", "v6x", "V7")]
    others += [tmp_path / "c" / f"notes-{n}" / "aa" / "aa01.json" for n in range(16)]
    for path in others:
        path.parent.mkdir(parents=True)
        path.write_bytes(b"x" * 600)
    assert store.evict() == 600
    assert (old.exists(), new.exists()) == (False, True)
    assert all(p.exists() for p in others)


def test_an_entry_that_cannot_be_removed_is_left_for_the_next_run(tmp_path, monkeypatch):
    store = cache.Cache(tmp_path / "c", Limits(), max_bytes=1000)
    stuck, old, new = (
        _entry(store, "aa01", 600, 1_000_000),
        _entry(store, "bb01", 600, 1_500_000),
        _entry(store, "cc01", 600, 2_000_000),
    )
    unlink = Path.unlink

    def read_only(path: Path, missing_ok: bool = False) -> None:
        if path == stuck:
            raise PermissionError(13, "Permission denied", str(path))
        unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", read_only)
    assert store.evict() == 600
    assert (stuck.exists(), old.exists(), new.exists()) == (True, False, True)


def test_the_code_in_the_key_is_every_module_of_the_package_by_size_and_time():
    package = Path(cache.__file__).parent.parent
    modules = sorted(
        (p.relative_to(package).as_posix(), p.stat().st_size, p.stat().st_mtime_ns)
        for p in package.rglob("*.py")
        if "__pycache__" not in p.parts
    )
    found = cache._code_fingerprint()
    assert sorted(found) == modules and len(found) == len(modules)
    assert "run/cache.py" in {name for name, *_ in found}
    assert not any(name.endswith((".js", ".css", ".j2")) for name, *_ in found)  # not code


def test_the_cache_folder_lies_in_the_project_root_the_run_is_given_or_finds(tmp_path, monkeypatch):
    (tmp_path / "site" / ".git").mkdir(parents=True)
    (tmp_path / "site" / "claims").mkdir()
    monkeypatch.chdir(tmp_path / "site" / "claims")
    assert cache.default_dir(None) == str(tmp_path / "site" / ".claimcheck_cache")
    given = tmp_path / "other"
    assert cache.default_dir(str(given)) == str(given / ".claimcheck_cache")


def test_a_moved_project_named_by_its_full_path_keeps_its_cached_results(
    tmp_path, project, checks, monkeypatch
):
    monkeypatch.chdir(project)
    write_claims(project, BRICS)
    first = _outcome(Options(paths=(str(project),), cache_dir=str(project / ".cache")))
    moved = tmp_path.parent / f"{tmp_path.name}-moved"
    shutil.move(project, moved)
    monkeypatch.chdir(moved)
    again = _outcome(Options(paths=(str(moved),), cache_dir=str(moved / ".cache")))
    assert again == first
    assert checks == ["a.claims.yaml"]  # the second run was served from the moved cache


def _result(message: str) -> FileResult:
    finding = Finding("CC001", Severity.ERROR, message, Location("a.claims.yaml", 1, 1))
    return FileResult("a.claims.yaml", "checked", findings=[finding])


def test_an_entry_as_large_as_the_bound_of_one_is_kept_and_a_larger_one_is_not(
    tmp_path, monkeypatch
):
    """An entry may be 16 times a claim file's bound; here once, to measure it exactly."""
    monkeypatch.setattr(cache, "ENTRY_BYTES_PER_FILE_BYTE", 1)
    measure = cache.Cache(tmp_path / "measure", Limits())
    measure.put("aa01", _result("x" * 500))
    (entry,) = (tmp_path / "measure").rglob("aa01.json")
    size = entry.stat().st_size
    fits = cache.Cache(tmp_path / "fits", Limits(max_file_bytes=size))
    fits.put("aa01", _result("x" * 500))
    hit = fits.get("aa01", tmp_path)
    assert hit is not None and hit.findings[0].message == "x" * 500
    over = cache.Cache(tmp_path / "over", Limits(max_file_bytes=size - 1))
    over.put("aa01", _result("x" * 500))
    assert list((tmp_path / "over").rglob("*.json")) == []


def test_a_run_that_wrote_nothing_leaves_the_cache_as_it_is(tmp_path):
    store = cache.Cache(tmp_path / "c", Limits(), max_bytes=1000)
    entries = [_entry(store, f"{n:02x}aa", 400, 1_000_000 + n) for n in range(4)]
    store.close()
    assert all(p.exists() for p in entries)
    assert not (tmp_path / "c" / cache.USAGE_FILE).exists()


def test_a_run_that_stays_within_the_bound_evicts_nothing(tmp_path):
    store = cache.Cache(tmp_path / "c", Limits(), max_bytes=1000)
    entries = [_entry(store, f"{n:02x}aa", 330, 1_000_000 + n) for n in range(2)]
    (tmp_path / "c" / cache.USAGE_FILE).write_text("660")
    store.put("ff01", _result("new"))
    written = store.written
    assert 900 < 660 + written <= 1000  # over the 90% eviction keeps, under the bound
    store.close()
    assert all(p.exists() for p in entries)
    assert (tmp_path / "c" / cache.USAGE_FILE).read_text() == str(660 + written)


def test_a_hit_in_a_read_only_cache_is_still_a_hit(project, checks, monkeypatch):
    monkeypatch.chdir(project)
    write_claims(project, BRICS)
    first = _run(project, project / ".cache")

    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cache.os, "utime", read_only)
    assert _run(project, project / ".cache") == first
    assert checks == ["a.claims.yaml"]  # the second run was served from the cache


def _sizes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*.json"))


@pytest.mark.parametrize(
    ("usage", "evicted"),
    [
        ("a damaged count", True),  # counted again: the entries themselves, then evicted
        ("0", False),
        ("660", False),  # 660 + the new entry: within the bound, nothing to evict
        ("1000", True),  # past the bound: evicted down to 90% of it
    ],
)
def test_the_usage_count_is_kept_and_evicts_only_past_the_bound(tmp_path, usage, evicted):
    store = cache.Cache(tmp_path / "c", Limits(), max_bytes=1000)
    entries = [_entry(store, f"{n:02x}aa", 330, 1_000_000 + n) for n in range(2)]
    store.put("ff01", _result("new"))
    written = store.written
    (tmp_path / "c" / cache.USAGE_FILE).write_text(usage)
    store.close()
    count = int((tmp_path / "c" / cache.USAGE_FILE).read_text())
    if evicted:
        assert count == _sizes(tmp_path / "c") <= 900
        assert not entries[0].exists()
    else:
        assert count == int(usage) + written
        assert all(p.exists() for p in entries)


def test_a_usage_count_exactly_at_the_bound_evicts_nothing(tmp_path):
    store = cache.Cache(tmp_path / "c", Limits(), max_bytes=1000)
    entries = [_entry(store, f"{n:02x}aa", 330, 1_000_000 + n) for n in range(2)]
    store.put("ff01", _result("new"))
    (tmp_path / "c" / cache.USAGE_FILE).write_text(str(1000 - store.written))
    store.close()
    assert (tmp_path / "c" / cache.USAGE_FILE).read_text() == "1000"
    assert all(p.exists() for p in entries)


def test_the_usage_count_is_written_beside_the_entries_then_renamed(tmp_path, monkeypatch):
    """In the cache folder, so that the rename stays on one file system: never half written.
    So are the key and the entries."""
    made: list[Path] = []
    real = cache._mkstemp

    def spy(*, dir: Path, prefix: str, suffix: str = "") -> tuple[int, str]:
        made.append(Path(dir))
        return real(dir=dir, prefix=prefix, suffix=suffix)

    monkeypatch.setattr(cache, "_mkstemp", spy)
    store = cache.Cache(tmp_path / "c", Limits(), max_bytes=1000)
    store.put("ff01", _result("new"))
    store.close()
    assert made[-1] == tmp_path / "c"
    assert all(d == tmp_path / "c" or tmp_path / "c" in d.parents for d in made)  # key too
    assert len(made) == 3  # the key, the entry, the usage count
    assert (tmp_path / "c" / cache.USAGE_FILE).read_text() == str(_sizes(tmp_path / "c"))


def test_eviction_keeps_entries_that_fill_exactly_90_percent_of_the_bound(tmp_path):
    store = cache.Cache(tmp_path / "c", Limits(), max_bytes=1000)
    entries = [_entry(store, f"{n:02x}aa", 300, 1_000_000 + n) for n in range(3)]
    assert store.evict() == 900
    assert all(p.exists() for p in entries)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_eviction_neither_follows_nor_removes_a_link_in_the_cache(tmp_path, what):
    outside = tmp_path / "outside"
    (outside / "aa").mkdir(parents=True)
    (outside / "aa" / "aa01.json").write_bytes(b"x" * 100)
    store = cache.Cache(tmp_path / "c", Limits(), max_bytes=0)
    entry = _entry(store, "bb01", 100, 1_000_000)
    link = entry.parent / "cc01.json" if what == "file" else entry.parent.parent / "dd"
    link.symlink_to(outside / "aa" / "aa01.json" if what == "file" else outside / "aa")
    assert store.evict() == 0
    assert not entry.exists()
    assert link.is_symlink() and (outside / "aa" / "aa01.json").exists()


def _evicted_after_listing(monkeypatch: pytest.MonkeyPatch, gone: Path) -> None:
    """Another run's eviction removes ``gone`` just after this run lists its folder (listed
    in name order)."""
    children = cache._children

    def listed_then_evicted(folder: str, *, files: bool = False) -> list[os.DirEntry[str]]:
        found = sorted(children(folder, files=files), key=lambda e: e.name)
        if gone.exists() and any(e.path == str(gone) for e in found):
            gone.unlink()
        return found

    monkeypatch.setattr(cache, "_children", listed_then_evicted)


def test_an_entry_another_run_evicted_after_it_was_listed_is_passed_over(tmp_path, monkeypatch):
    """Two runs evict at once: an entry gone between the listing and its stat is skipped,
    and the run ends without a traceback."""
    store = cache.Cache(tmp_path / "c", Limits(), max_bytes=1000)
    gone, old, new = (
        _entry(store, "aa01", 600, 1_000_000),
        _entry(store, "bb01", 600, 1_500_000),
        _entry(store, "cc01", 600, 2_000_000),
    )
    _evicted_after_listing(monkeypatch, gone)
    assert store.evict() == 600
    assert (gone.exists(), old.exists(), new.exists()) == (False, False, True)


def test_an_entry_gone_before_its_stat_does_not_hide_the_next_one_in_its_folder(
    tmp_path, monkeypatch
):
    store = cache.Cache(tmp_path / "c", Limits(), max_bytes=1000)
    gone = _entry(store, "aa01", 600, 1_000_000)
    newest, old = _entry(store, "aa02", 600, 2_000_000), _entry(store, "bb01", 600, 1_500_000)
    _evicted_after_listing(monkeypatch, gone)
    assert store.evict() == 600
    assert (newest.exists(), old.exists()) == (True, False)


def test_a_temporary_file_exactly_an_hour_old_is_kept(tmp_path, monkeypatch):
    """Older than `STALE_TEMP_SECONDS` is a killed run's; as old may be a slow one's."""
    store = cache.Cache(tmp_path / "c", Limits(), max_bytes=1000)
    folder = _entry(store, "aa01", 300, 1_000_000).parent
    temp = folder / ".tmp-x.json"
    temp.write_bytes(b"x")
    os.utime(temp, (1_000_000, 1_000_000))
    monkeypatch.setattr(time, "time", lambda: 1_000_000 + cache.STALE_TEMP_SECONDS)
    store.evict()
    assert temp.exists()
    monkeypatch.setattr(time, "time", lambda: 1_000_001 + cache.STALE_TEMP_SECONDS)
    store.evict()
    assert not temp.exists()


KEY = "ab" + "0" * 62


def test_a_run_killed_mid_write_leaves_a_temporary_file_eviction_knows(tmp_path, monkeypatch):
    """Written beside the entry as `.tmp-*.json` and renamed over it: a run killed between
    the two (nothing cleans up) leaves a file eviction counts as no entry, then removes."""
    store = cache.Cache(tmp_path / "c", Limits(), max_bytes=1000)
    target = store._entry(KEY)

    def killed(self: Path, other: Path) -> Path:
        raise SystemExit(137)

    monkeypatch.setattr(Path, "replace", killed)
    monkeypatch.setattr(Path, "unlink", lambda self, missing_ok=False: None)
    with pytest.raises(SystemExit):
        store._write(target, b"{}")
    monkeypatch.undo()
    [left] = list(target.parent.iterdir())
    assert left.name.startswith(".tmp-") and left.name.endswith(".json")
    assert store.evict() == 0
    os.utime(left, (1, 1))
    store.evict()
    assert list(target.parent.iterdir()) == []


def test_a_write_stopped_by_an_interrupt_cleans_up_and_lets_the_interrupt_through(
    tmp_path, monkeypatch
):
    store = cache.Cache(tmp_path / "c", Limits(), max_bytes=1000)
    target = store._entry(KEY)

    def interrupted(self: Path, other: Path) -> Path:
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store._write(target, b"{}")
    assert list(target.parent.iterdir()) == []


def test_a_new_cache_folder_is_kept_out_of_git_and_backups(tmp_path):
    store = cache.Cache(tmp_path / "c", Limits(), max_bytes=1000)
    store._write(store._entry(KEY), b"{}")
    assert (tmp_path / "c" / ".gitignore").read_text(encoding="utf-8") == "*\n"
    assert (tmp_path / "c" / "CACHEDIR.TAG").read_text(encoding="utf-8") == (
        "Signature: 8a477f597d28d172789f06886806bc55\n"
        "# claimcheck's result cache: safe to delete.\n"
    )


def test_the_usage_count_adds_every_entry_a_run_wrote(tmp_path):
    store = cache.Cache(tmp_path / "c", Limits(), max_bytes=10**6)
    store.close()  # nothing written: no count
    assert not (tmp_path / "c" / cache.USAGE_FILE).exists()
    for k in ("ab", "cd"):
        store._write(store._entry(k + "0" * 62), b"{}")
    size = len(store.seal(b"{}") or b"")
    (tmp_path / "c" / cache.USAGE_FILE).write_text("100", encoding="ascii")  # counted before
    store.close()
    assert (tmp_path / "c" / cache.USAGE_FILE).read_text(encoding="ascii") == str(100 + 2 * size)
