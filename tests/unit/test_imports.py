"""Imports stay at the top of a module unless start-up speed needs them late, and say so.

A function-level import that dodged a cycle would hide the cycle from the layers contract;
one kept lazy for speed is named with a ``lazy:`` comment, and the warm run that the lazy
imports protect is checked here too.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "claimcheck"
# What a `claimcheck verify` answered from the cache must not import.
HEAVY = {
    "pydantic",
    "pydantic_core",
    "yaml",
    "difflib",
    "signal",  # only a process pool sets signal handlers
    "claimcheck.check.engine",
    "claimcheck.core.diagnostics",  # only a file that cannot be read needs the table
}

# The CLI's own entry point; the last line printed is the heavy modules the run imported.
SCRIPT = """
import sys
from claimcheck.cli import main
heavy = set(sys.argv.pop().split(","))
sys.argv = ["claimcheck", "verify", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(sorted(set(sys.modules) & heavy))
"""


def _function_imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement inside a function body, nested ones included."""
    found: list[ast.Import | ast.ImportFrom] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    found.append(inner)
    return found


def unexplained_imports(folder: Path) -> list[str]:
    """``file:line`` of each function-level import with no ``lazy:`` comment on its line or
    in the two lines above it."""
    bad: set[tuple[str, int]] = set()
    for path in sorted(folder.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for node in _function_imports(ast.parse(text)):
            near = lines[max(0, node.lineno - 3) : node.lineno]
            if not any("# lazy:" in line for line in near):
                bad.add((path.relative_to(folder.parent).as_posix(), node.lineno))
    return [f"{name}:{line}" for name, line in sorted(bad)]


def test_every_function_level_import_says_why_it_is_lazy():
    assert unexplained_imports(PACKAGE) == []


def test_the_scan_finds_an_unexplained_import_and_accepts_an_explained_one(tmp_path: Path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "a.py").write_text(
        "def f():\n"
        "    import json\n"
        "\n"
        "\n"
        "def g():\n"
        "    # lazy: start-up (a test)\n"
        "    import difflib\n"
        "\n"
        "\n"
        "class C:\n"
        "    def h(self):\n"
        "        if True:\n"
        "            from os import path\n"
        "        import shutil  # lazy: start-up (a test)\n",
        encoding="utf-8",
    )
    assert unexplained_imports(pkg) == ["pkg/a.py:2", "pkg/a.py:13"]


def _verify(cwd: Path) -> str:
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, "claims", "--cache-dir", "cache", ",".join(sorted(HEAVY))],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout.strip().splitlines()[-1]


def test_a_warm_verify_imports_no_parser_no_models_and_no_rules(tmp_path: Path):
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    cold = _verify(tmp_path)  # fills the cache
    assert "'claimcheck.check.engine'" in cold and "'yaml'" in cold  # it did check the files
    assert _verify(tmp_path) == "[]"


def test_no_two_modules_import_each_other_even_through_others():
    grimp = pytest.importorskip("grimp")
    graph = grimp.build_graph(
        "claimcheck", include_external_packages=False, exclude_type_checking_imports=True
    )
    cycles = []
    for module in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back is not None:
                cycles.append((module, *back))
    assert cycles == []
