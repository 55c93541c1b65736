"""bench/mutation.py's score: what CI's mutation gate holds a change to.

A module the time budget left unchecked must read "not scored", never 0%, and one it left
partly checked must neither pass nor fail its package: CI would otherwise fail a change for
the budget's sake, or pass one on a handful of easy mutants.
"""

from __future__ import annotations

import importlib.util
import json
import sys

from tests.conftest import ROOT


def _bench():
    spec = importlib.util.spec_from_file_location("bench_mutation", ROOT / "bench" / "mutation.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_mutation"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _statuses() -> dict[str, str]:
    whole = {f"cc.kb.store.x_f__mutmut_{k}": "killed" for k in range(1, 9)}
    whole |= {"cc.kb.store.x_f__mutmut_9": "survived", "cc.kb.store.x_f__mutmut_10": "survived"}
    partial = {"cc.kb.files.x_g__mutmut_1": "survived", "cc.kb.files.x_g__mutmut_2": "not checked"}
    unchecked = {f"cc.run.cache.x_h__mutmut_{k}": "not checked" for k in range(1, 4)}
    return whole | partial | unchecked


def test_only_modules_checked_whole_count_and_an_unchecked_one_is_not_scored():
    bench = _bench()
    modules, packages, not_run = bench.score(_statuses(), [], {"*x_f__mutmut_10": "why"})
    assert not_run == 4
    store, files, cache = modules["cc.kb.store"], modules["cc.kb.files"], modules["cc.run.cache"]
    assert (store.state, store.killed, store.total, store.equivalent) == ("scored", 8, 10, 1)
    assert round(store.percent, 1) == 88.9
    assert (files.state, files.total, files.not_run) == ("partial", 1, 1)
    assert (cache.state, cache.total, cache.not_run) == ("not scored", 0, 3)
    kb, run = packages["cc.kb"], packages["cc.run"]
    assert (kb.killed, kb.total, kb.equivalent, kb.not_run) == (8, 10, 1, 2)  # files left out
    assert run.total == 0
    assert "not scored" in bench._row("cc.run.cache", cache)
    assert "%" not in bench._row("cc.run.cache", cache)
    assert "partial: 1 not checked, not gated" in bench._row("cc.kb.files", files)
    assert bench._row("cc.kb", kb, package=True).split()[1:5] == ["8", "10", "1", "88.9%"]


def test_only_the_named_modules_are_scored():
    bench = _bench()
    modules, packages, _ = bench.score(_statuses(), ["cc.kb.files"], {})
    assert list(modules) == ["cc.kb.files"]
    assert packages["cc.kb"].total == 0


def test_a_survivor_a_fresh_interpreter_kills_is_recorded_killed(tmp_path):
    """mutmut's forked children inherit what its first full run left in memory, which can
    hide a mutant: each survivor runs again alone, and one a test then fails is killed."""
    bench = _bench()
    mutants = tmp_path / "mutants"
    (mutants / "src" / "cc").mkdir(parents=True)
    (mutants / "src" / "cc" / "__init__.py").write_text("")
    (mutants / "src" / "cc" / "mod.py").write_text(
        "import os\n\n\ndef f(x):\n"
        "    if os.environ.get('MUTANT_UNDER_TEST') == 'cc.mod.x_f__mutmut_1':\n"
        "        return x - 1\n"
        "    return x + 1\n"
    )
    (mutants / "test_f.py").write_text(
        "from cc.mod import f\n\n\ndef test_f():\n    assert f(1) == 2\n"
    )
    stats = {"tests_by_mangled_function_name": {"cc.mod.x_f": ["test_f.py::test_f"]}}
    (mutants / "mutmut-stats.json").write_text(json.dumps(stats))
    names = [f"cc.mod.x_f__mutmut_{k}" for k in (1, 2)]
    meta = mutants / "src" / "cc" / "mod.py.meta"
    meta.write_text(json.dumps({"exit_code_by_key": dict.fromkeys(names, 0)}))
    statuses = dict.fromkeys(names, "survived") | {"cc.other.x_g__mutmut_1": "survived"}

    assert bench.recheck(statuses, ["cc.mod"], tmp_path, budget=120) == (2, 1)
    assert statuses == {
        names[0]: "killed",
        names[1]: "survived",
        "cc.other.x_g__mutmut_1": "survived",  # not one of the modules asked for
    }
    assert json.loads(meta.read_text())["exit_code_by_key"] == {names[0]: 1, names[1]: 0}
    assert bench.recheck(statuses, ["cc.mod"], tmp_path, budget=0) == (0, 0)


def test_a_survivor_whose_tests_are_gone_is_not_recorded_killed(tmp_path):
    """A re-run that collects no test it names (exit 4: the tests changed since mutmut's
    run) proves nothing: the survivor stays a survivor."""
    bench = _bench()
    mutants = tmp_path / "mutants"
    (mutants / "src" / "cc").mkdir(parents=True)
    (mutants / "src" / "cc" / "__init__.py").write_text("")
    (mutants / "src" / "cc" / "mod.py").write_text("def f(x):\n    return x + 1\n")
    stats = {"tests_by_mangled_function_name": {"cc.mod.x_f": ["test_gone.py::test_f"]}}
    (mutants / "mutmut-stats.json").write_text(json.dumps(stats))
    name = "cc.mod.x_f__mutmut_1"
    meta = mutants / "src" / "cc" / "mod.py.meta"
    meta.write_text(json.dumps({"exit_code_by_key": {name: 0}}))
    statuses = {name: "survived"}
    assert bench.recheck(statuses, ["cc.mod"], tmp_path, budget=120) == (1, 0)
    assert statuses == {name: "survived"}
    assert json.loads(meta.read_text())["exit_code_by_key"] == {name: 0}
