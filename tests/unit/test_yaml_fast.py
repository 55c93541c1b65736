"""The C composer path and the event composer agree on every input: the same data, the same
position for every key and value, and the same problems (the fast path gives up, and the
event composer reports them).
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from bench.corpus import write_corpus
from hypothesis import currently_in_test_context, event, given, settings
from hypothesis import strategies as st

from claimcheck.core.limits import DEFAULT_LIMITS, Limits
from claimcheck.loader import Document, LoadError, load_document
from claimcheck.loader.document import Pointer
from claimcheck.loader.text import decode
from claimcheck.loader.yamlfast import fast_path_allowed, libyaml_caps_nesting, load_yaml_fast
from claimcheck.loader.yamlload import load_yaml_events
from tests.conftest import CLAIMS, FIXTURES
from tests.hostile import BAD_INPUTS
from tests.schema_strategies import claim_files, hostile_yaml, mutated_documents, to_yaml

YAML_FIXTURES = sorted(
    p for p in (*FIXTURES.rglob("*.yaml"), *CLAIMS.rglob("*.yaml")) if p.is_file()
)


def _probes(doc: Document) -> list[tuple[Pointer, bool]]:
    """Every key and value of the file, and pointers just past them that do not exist."""
    assert doc._values is not None and doc._keys is not None
    out: list[tuple[Pointer, bool]] = []
    for pointer in {*doc._values, *doc._keys}:
        for extra in ((), ("zz",), (0,), (999,), (-1,), (True,)):
            out += [((*pointer, *extra), False), ((*pointer, *extra), True)]
    return out


def same_result(text: str, limits: Limits = DEFAULT_LIMITS) -> bool:
    """Assert both paths agree on ``text``; True when the fast path read it.

    Both ways: what the fast path reads, the event composer reads alike (data and every
    position); what it declines, the event composer refuses, unless the text may hide an
    anchor, alias or tag (``fast_path_allowed``), which only the events can tell.
    """
    try:
        events: Document | None = load_yaml_events("f.yaml", text, limits)
        refused = None
    except LoadError as exc:
        events, refused = None, [(p.message, p.line, p.column, p.pointer) for p in exc.problems]
    fast = load_yaml_fast("f.yaml", text, limits)
    if fast is None:
        assert events is None or not fast_path_allowed(text), "declined a file the events read"
        _label("declined, " + ("refused" if events is None else "may hide a property"))
        return False
    _label("read")
    assert events is not None, f"the fast path accepted what the events refuse: {refused}"
    # repr tells True from 1 and keeps the order of keys.
    assert repr(fast.data) == repr(events.data)
    for pointer, key in _probes(events):
        assert fast.position(pointer, key=key) == events.position(pointer, key=key), pointer
    return True


def _label(outcome: str) -> None:
    """Tally the outcome in Hypothesis's statistics (``--hypothesis-show-statistics``)."""
    if currently_in_test_context():
        event(f"fast path: {outcome}")


@dataclass
class FastShare:
    """How many of a property test's examples the fast path read, against a floor.

    An example the fast path declines compares no data or positions, so a generator drifting
    towards text it declines would leave the equivalence untested while the test passed.
    The floors are about half the shares measured; the CI profile's fixed examples clear them.
    """

    read: int = 0
    seen: int = 0

    def add(self, read: bool) -> None:
        self.read += read
        self.seen += 1

    def assert_at_least(self, floor: float) -> None:
        assert self.seen, "no example ran"
        share = self.read / self.seen
        assert share >= floor, f"the fast path read {self.read} of {self.seen} examples"


@pytest.mark.parametrize("path", YAML_FIXTURES, ids=lambda p: p.name)
def test_every_fixture_file_reads_the_same(path: Path):
    try:
        text = decode(path.read_bytes())
    except LoadError:
        assert BAD_INPUTS in path.parents  # not text, on purpose: neither YAML path sees it
        return
    # Every claim and KB fixture is plain YAML: only the hostile corpus may be declined.
    assert same_result(text) or BAD_INPUTS in path.parents


def test_the_bad_inputs_the_loader_refuses_all_go_to_the_event_composer():
    taken, loads = [], []
    for path in sorted(BAD_INPUTS.glob("*.yaml")):
        try:
            text = decode(path.read_bytes())
        except LoadError:
            continue
        if same_result(text):
            taken.append(path.name)
        try:
            load_yaml_events(path.name, text, DEFAULT_LIMITS)
            loads.append(path.name)
        except LoadError:
            pass
    # The files that load (their problems are the schema's) take the fast path, and only they.
    assert taken == loads and "y12_crlf.yaml" in taken


def test_the_bench_corpus_reads_the_same_and_fast(tmp_path: Path):
    write_corpus(tmp_path, seed=1, total_claims=120, per_file=40, fmt="yaml")
    files = sorted(tmp_path.glob("*.claims.yaml"))
    assert len(files) == 3
    assert all(same_result(p.read_text(encoding="utf-8")) for p in files)


def test_the_seed_claims_take_the_fast_path():
    assert same_result((CLAIMS / "japan-india-2plus2.claims.yaml").read_text(encoding="utf-8"))


# Scalars whose meaning depends on the style or on YAML 1.1 against 1.2, and characters that
# could hide an anchor, alias or tag.
TRICKY = [
    "", "~", "null", "Null", "NULL", "true", "True", "false", "FALSE", "yes", "no", "on",
    "0", "-0", "007", "12", "-12", "+1", "1_000", "1.5", ".inf", "0x1F", "2024-08-20", "1:30",
    "123456789012345678", "1234567890123456789", "<<", "a b", "AT&T", "Yahoo!", "x*y",
    "Q & A", "*y", "&x", "!t", "& y", "* z", "&", "*", "!", "x &", "&[", "*,", "&\u2028",
    "é", "k: v", "#c", "- z", "[", "{", "\\t", "\\x1b", "\\ud800",
    "\\u00e9", "\\", "'", '"',
]  # fmt: skip
# Anything decode() lets through (it refuses control characters), line separators included.
ANY_TEXT = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"))
WORDS = st.text("abcxyz019 -_.:", max_size=6)
SCALARS = st.one_of(st.sampled_from(TRICKY), WORDS, WORDS, WORDS, st.text(ANY_TEXT, max_size=6))


def _scalar(value: str, style: str) -> str:
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if style == '"':
        return '"' + value.replace('"', '\\"') + '"'
    return value


LEAVES = st.tuples(SCALARS, st.sampled_from(["", "'", '"']))  # (text, quote style)
TREES = st.recursive(
    LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.lists(st.tuples(LEAVES, inner), max_size=4),
    max_leaves=12,
)


def _render(node: Any, indent: int, flow: bool) -> str:
    """YAML text for a tree of (scalar, style) leaves, lists and lists of pairs."""
    if isinstance(node, tuple):
        return _scalar(*node)
    pairs = bool(node) and isinstance(node[0], tuple) and isinstance(node[0][0], tuple)
    if flow or not node:
        items = [f"{_scalar(*k)}: {_render(v, 0, True)}" if pairs else _render(v, 0, True)
                 for k, v in (node if pairs else [(None, v) for v in node])]  # fmt: skip
        return ("{" if pairs else "[") + ", ".join(items) + ("}" if pairs else "]")
    pad = " " * indent
    lines = []
    for k, v in node if pairs else [(None, v) for v in node]:
        head = f"{pad}{_scalar(*k)}:" if pairs else f"{pad}-"
        if isinstance(v, list) and v:
            lines.append(f"{head}\n{_render(v, indent + 2, False)}")
        else:
            lines.append(f"{head} {_render(v, indent + 2, True)}")
    return "\n".join(lines)


def test_random_trees_read_the_same():
    share = FastShare()

    @settings(max_examples=400)
    @given(
        tree=st.lists(st.tuples(LEAVES, TREES)),
        flow=st.booleans(),
        depth=st.integers(1, 70),
    )
    def check(tree, flow: bool, depth: int):
        text = _render(tree, 0, flow) + "\n" if tree else "{}\n"
        share.add(same_result(text))
        share.add(same_result(text, Limits(max_depth=depth, max_key_length=4, max_scalar_length=5)))

    check()
    share.assert_at_least(0.08)  # measured: 17%; TRICKY scalars often hold '&', '*' or '!'


def test_valid_claim_files_take_the_fast_path():
    share = FastShare()

    @settings(max_examples=200)
    @given(doc=claim_files)
    def check(doc):
        text = to_yaml(doc)
        read = same_result(text)
        # Unless a '&', '*' or '!' outside a word might be an anchor, alias or tag.
        assert read or not fast_path_allowed(text)
        share.add(read)

    check()
    share.assert_at_least(0.5)  # measured: 83%


def test_broken_claim_files_read_the_same():
    share = FastShare()

    @settings(max_examples=200)
    @given(case=mutated_documents())
    def check(case: tuple[str, str]):
        share.add(same_result(case[1]))

    check()
    share.assert_at_least(0.3)  # measured: 60%; the others break the YAML itself


@settings(max_examples=200)
@given(text=hostile_yaml)
def test_hostile_yaml_reads_the_same(text: str):
    # Hostile text is made to be refused: the fast path reads about 2% of it, so no floor
    # here; every decline is still checked (the event composer refuses the text too).
    same_result(text)


# Short runs of the characters YAML's grammar turns on: indicators, quotes, breaks, escapes.
SOUP = st.lists(
    st.sampled_from([*"ab: -[]{},'\"&*!?#|>\n\\%.0", "a: ", "\n  ", "\n- "]), max_size=30
).map("".join)


def test_character_soup_reads_the_same():
    share = FastShare()

    @settings(max_examples=400)
    @given(text=SOUP)
    def check(text: str):
        share.add(same_result(text))
        share.add(same_result("k: " + text))

    check()
    share.assert_at_least(0.07)  # measured: 14%; most soup is not YAML


@pytest.mark.parametrize(
    ("text", "fast"),
    [
        ("a: AT&T\nb: Yahoo!\nc: x*y\nd: Procter & Gamble\ne: 5 * 3\n", True),
        ("a: 'Wow !'\n", False),
        ("a: '*starred'\n", False),
        ("a: &x 1\n", False),  # an anchor nothing uses leaves no trace in the tree
        ("a: *x\n", False),
        ("a: ! 1\n", False),  # the non-specific tag: text, though the tree cannot say
        ("a: [&x 1]\n", False),
        ("a: {b: !t 1}\n", False),
        ("&x a: 1\n", False),
    ],
)
def test_text_that_may_hold_an_anchor_alias_or_tag_takes_the_event_path(text: str, fast: bool):
    assert fast_path_allowed(text) is fast
    assert (load_yaml_fast("f.yaml", text, DEFAULT_LIMITS) is not None) is fast


def test_deep_nesting_goes_to_the_event_composer_with_its_message():
    assert libyaml_caps_nesting()
    block = "".join("  " * i + "k:\n" for i in range(70)) + "  " * 70 + "v\n"
    for deep in ("a: " + "[" * 999 + "]" * 999, block):
        assert load_yaml_fast("f.yaml", deep, DEFAULT_LIMITS) is None
        with pytest.raises(LoadError, match="nesting deeper than the limit of 64"):
            load_document("f.yaml", deep.encode())
    name = "y05_deep_flow_list_100000.yaml"
    with pytest.raises(LoadError, match="nesting deeper than the limit of 64"):
        load_document(name, (BAD_INPUTS / name).read_bytes())


def _in_thread(fn: Callable[[], object], stack_kib: int) -> object:
    seen: list[object] = []
    threading.stack_size(stack_kib * 1024)
    try:
        worker = threading.Thread(target=lambda: seen.append(fn()))
        worker.start()
        worker.join()
    finally:
        threading.stack_size(0)
    return seen[0]


def _first_problem(text: str) -> str:
    with pytest.raises(LoadError) as info:
        load_document("f.yaml", text.encode())
    return info.value.problems[0].message


def test_the_c_composer_stays_off_threads_with_small_stacks():
    # 990 levels of LibYAML's recursion overflow a 256 KiB stack: another thread reads with
    # the event composer, which keeps its own stack and caps depth.
    deep = "a: " + "[" * 990 + "]" * 990 + "\n"
    message = _in_thread(lambda: _first_problem(deep), 256)
    assert message == "nesting deeper than the limit of 64 (max-depth)"
    assert _in_thread(lambda: fast_path_allowed("a: 1\n"), 256) is False
    assert fast_path_allowed("a: 1\n")


def test_a_thousand_levels_in_a_child_process_get_an_answer(tmp_path: Path):
    # Just under LibYAML's limit of a thousand levels, the C composer recurses all the way
    # down on the main thread's stack; the walk then finds the file too deep and the event
    # composer reports it.
    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * 999 + "]" * 999 + "\n", encoding="utf-8")
    code = (
        "import sys; from claimcheck.loader import load_document, LoadError\n"
        "try: load_document('d.yaml', open(sys.argv[1], 'rb').read())\n"
        "except LoadError as e: print(e.problems[0].message)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(deep)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0 and "nesting deeper" in run.stdout, run.stderr
