"""Invariants of the verdicts (issue 21), as properties over small generated knowledge bases.

Each property runs a fixed, derandomised set of examples (a red build is reproducible) and
stays under a few seconds: every example is one in-process `verify` on a tiny project.
"""

from __future__ import annotations

import datetime
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.app import Options, Result, verify
from claimcheck.reporters import get_reporter
from tests.helpers import HEADER

FAST = settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

S = "sources: [{title: S}]"
D = "status: disputed, note: contested"
ENTITIES = """entities:
  s: {name: Summits, kind: series}
  e1: {name: first summit, kind: event}
  e2: {name: second summit, kind: event}
  e3: {name: third summit, kind: event}
  club: {name: Club, kind: organisation}
  pm: {name: Prime Minister, kind: office}
  p1: {name: Pat, kind: person}
  p2: {name: Sam, kind: person}
  a: {name: Alpha, kind: country}
  b: {name: Beta, kind: country}
  c: {name: Gamma, kind: country}
  isle: {name: Isle, kind: place}
  city: {name: City, kind: place}
  u-club: {name: Other Club, kind: organisation}
  u-office: {name: Mayor, kind: office}
  u-person: {name: Lee, kind: person}
  u-ev0: {name: fair 0, kind: event}
  u-ev1: {name: fair 1, kind: event}
  u-ev2: {name: fair 2, kind: event}
  u-ev3: {name: fair 3, kind: event}
  u-series: {name: Fairs, kind: series}
  u-a: {name: Delta, kind: country}
  u-b: {name: Epsilon, kind: country}
"""
# One fact per line, keyed by id: the properties add, remove or annotate whole lines.
FACTS = {
    "ev1": f"{{id: ev1, kind: event, event: e1, series: s, date: 2019-11-30, participants: [a], "
    f"place: city, {S}}}",
    "ev2": f"{{id: ev2, kind: event, event: e2, series: s, date: 2022-09-08, {D}, {S}}}",
    "ev3": f'{{id: ev3, kind: event, event: e3, series: s, date: "2024", {S}}}',
    "m1": f"{{id: m1, kind: membership, group: club, member: a, start: 2024-06, {S}}}",
    "m2": f"{{id: m2, kind: membership, group: club, member: b, start: '2010', end: '2020', {S}}}",
    "m3": f'{{id: m3, kind: membership, group: club, member: c, start: "2015", {D}, {S}}}',
    "t1": f"{{id: t1, kind: tenure, office: pm, holder: p1, start: 2021-10-04, end: 2024-10-01, "
    f"{S}}}",
    "t2": f"{{id: t2, kind: tenure, office: pm, holder: p2, start: 2024-10-01, {S}}}",
    "r1": f"{{id: r1, kind: relation, subject: a, predicate: borders, object: c, {D}, {S}}}",
    "r2": f"{{id: r2, kind: relation, subject: a, predicate: administers, object: isle, "
    f"start: '2000', {S}}}",
    "r3": f"{{id: r3, kind: relation, subject: b, predicate: borders, object: a, start: '1990', "
    f"end: '2000', {S}}}",
}
# Claims reaching every verdict path: supported, refuted and undecided of each kind.
CLAIMS = [
    "{id: n-ev2, kind: count, of: events, group: s, count: 2, at: '2023', quote: q}",
    "{id: n-ev3, kind: count, of: events, group: s, count: 3, quote: q}",
    "{id: n-mem, kind: count, of: members, group: club, count: 2, at: '2016', quote: q}",
    "{id: mem-a, kind: membership, group: club, members: [a], complete: false, quote: q}",
    "{id: mem-all, kind: membership, group: club, members: [a, b, c], complete: true, quote: q}",
    (
        "{id: mem-b, kind: membership, group: club, members: [b], complete: false, at: '2012', "
        "quote: q}"
    ),
    "{id: pm-1, kind: office, office: pm, holder: p1, at: 2024-03-01, quote: q}",
    "{id: pm-2, kind: office, office: pm, holder: p2, at: 2024-03-01, quote: q}",
    "{id: pm-now, kind: office, office: pm, holder: p2, quote: q}",
    "{id: rel-ac, kind: relation, subject: a, predicate: borders, object: c, quote: q}",
    "{id: rel-ab, kind: relation, subject: a, predicate: borders, object: b, quote: q}",
    "{id: adm-b, kind: relation, subject: b, predicate: administers, object: isle, quote: q}",
    "{id: adm-a, kind: relation, subject: a, predicate: administers, object: isle, quote: q}",
    "{id: ev-who, kind: event, event: e1, what: w, participants: [a, b], quote: q}",
    "{id: ev-day, kind: event, event: e1, what: w, date: 2019-11-30, place: city, quote: q}",
    "{id: ev-ord, kind: event, event: e2, what: w, series: s, ordinal: 2, quote: q}",
    "{id: ev-3, kind: event, event: e3, what: w, date: 2024-08-20, quote: q}",
]

_dates = st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2030, 12, 31))


@st.composite
def _partial_date(draw: st.DrawFn) -> str:
    day = draw(_dates)
    precision = draw(st.sampled_from(["year", "month", "day"]))
    text = {"year": f"{day:%Y}", "month": f"{day:%Y-%m}", "day": day.isoformat()}[precision]
    return f'"{text}"'


@st.composite
def _unrelated_fact(draw: st.DrawFn) -> str:
    """A fact naming only entities no claim mentions (the u-* ones)."""
    start = draw(_partial_date())
    status = draw(st.sampled_from(["", f"{D}, "]))
    body = draw(
        st.sampled_from(
            [
                f"kind: membership, group: u-club, member: u-a, start: {start}",
                f"kind: tenure, office: u-office, holder: u-person, start: {start}",
                f"kind: event, event: u-evN, series: u-series, date: {start}",
                f"kind: relation, subject: u-a, predicate: borders, object: u-b, start: {start}",
                (
                    f"kind: relation, subject: u-b, predicate: administers, object: u-a, "
                    f"start: {start}"
                ),
            ]
        )
    )
    return f"{{{body}, {status}{S}}}"


def _write(folder: Path, facts: list[str], claims: list[str], name: str = "a") -> None:
    rows = "".join(f"  - {f}\n" for f in facts)
    head = "claimcheck-kb: 1\nverified: 2025-10-21\n"  # a horizon no source date moves
    kb = head + ENTITIES + ("facts:\n" + rows if rows else "facts: []\n")
    (folder / "k.kb.yaml").write_text(kb, encoding="utf-8")
    body = "claims:\n" + "".join(f"  - {c}\n" for c in claims)
    path = folder / f"{name}.claims.yaml"
    path.write_text(HEADER + body, encoding="utf-8")


def _run(folder: Path, *paths: str) -> Result:
    result = verify(Options(paths=paths or (str(folder),), select=("CC2",)))
    assert not [f for f in result.findings if f.rule_id.startswith("CC00")], result.findings
    return result


def _verdicts(result: Result) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each claim's verdict and the facts it rests on."""
    return {
        v.claim_id: (v.verdict.value, tuple(sorted(e.fact_id or "" for e in v.evidence)))
        for v in result.verdicts
    }


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("invariants")
    (path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (path / "articles").mkdir()
    (path / "articles" / "a.txt").write_text("q\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def reference(folder: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    _write(folder, list(FACTS.values()), CLAIMS)
    verdicts = _verdicts(_run(folder))
    # The pool reaches every verdict: a property over it says something about each path.
    assert {v for v, _ in verdicts.values()} == {
        "supported",
        "refuted",
        "conflicting",
        "not_enough_info",
    }
    return verdicts


@FAST
@given(extra=st.lists(_unrelated_fact(), min_size=1, max_size=4))
def test_a_fact_about_an_unrelated_entity_never_changes_a_verdict(folder, reference, extra):
    extra = [f"{{id: x{i}, {f[1:]}".replace("u-evN", f"u-ev{i}") for i, f in enumerate(extra)]
    facts = list(FACTS.values()) + extra
    _write(folder, facts, CLAIMS)
    assert _verdicts(_run(folder)) == reference


@FAST
@given(
    later=_partial_date(),
    which=st.sets(st.sampled_from(sorted(FACTS)), min_size=1),
    field=st.sampled_from(["accessed", "published"]),
)
def test_a_later_source_date_never_changes_a_verdict(folder, reference, later, which, field):
    """A source read or published later does not move what the fact says.

    Today's stand-in for "a claim supported at a date stays supported when the KB's verified
    horizon moves later": the KB has no `verified` horizon yet (issue 14 brings one).
    """
    dated = f"sources: [{{title: S, {field}: {later}}}]"
    facts = [f.replace(S, dated) if k in which else f for k, f in FACTS.items()]
    _write(folder, facts, CLAIMS)
    assert _verdicts(_run(folder)) == reference


@FAST
@given(order=st.permutations(range(len(CLAIMS))))
def test_reordering_claims_never_changes_a_verdict_or_a_kb_finding(folder, reference, order):
    """The order the JSON report defines is the file's; each claim's verdict, evidence and
    knowledge-base findings (rule and message) are the same in any order."""
    _write(folder, list(FACTS.values()), [CLAIMS[i] for i in order])
    result = _run(folder)
    assert _verdicts(result) == reference
    _write(folder, list(FACTS.values()), CLAIMS)
    base = _run(folder)
    assert sorted((f.claim_id, f.rule_id, f.message) for f in result.findings) == sorted(
        (f.claim_id, f.rule_id, f.message) for f in base.findings
    )


def test_reordering_files_never_changes_the_json_report(folder):
    """A folder's report is byte-identical whatever order its files were written in; files
    named on the command line are reported in that order (the README's "in the order files
    are found"), and apart from that order the report is the same."""
    halves = {"a": CLAIMS[: len(CLAIMS) // 2], "b": CLAIMS[len(CLAIMS) // 2 :]}
    walked = set()
    for names in ("ab", "ba"):
        for name in "ab":
            (folder / f"{name}.claims.yaml").unlink(missing_ok=True)
        for name in names:
            _write(folder, list(FACTS.values()), halves[name], name=name)
        walked.add(get_reporter("json").render(_run(folder)))
    assert len(walked) == 1
    paths = [str(folder / f"{n}.claims.yaml") for n in "ab"]
    named = []
    for order in itertools.permutations(paths):
        report = json.loads(get_reporter("json").render(_run(folder, *order)))
        assert [f["path"] for f in report["files"]] == list(order)
        for rows in report.values():  # files, findings, verdicts: stable, so within a file
            if isinstance(rows, list):  # the order the report defines stays
                rows.sort(key=lambda row: row.get("path", ""))
        named.append(json.dumps(report, sort_keys=True))
    assert named[0] == named[1]
    (folder / "b.claims.yaml").unlink()


def _not_enough_info_never_refuted(folder, reference, removed, kinds):
    _write(folder, [f for k, f in FACTS.items() if k not in removed], CLAIMS)
    now = _verdicts(_run(folder))
    for claim, (verdict, _) in reference.items():
        if verdict in {"not_enough_info", "conflicting"} and claim.split("-")[0] in kinds:
            assert now[claim][0] != "refuted", (claim, sorted(removed))


@FAST
@given(removed=st.sets(st.sampled_from(sorted(FACTS)), min_size=1))
def test_not_enough_info_never_turns_into_refuted_by_removing_facts(folder, reference, removed):
    """Membership, office, relation and event claims; counts are the exception below."""
    _not_enough_info_never_refuted(folder, reference, removed, {"mem", "pm", "rel", "adm", "ev"})


def test_not_enough_info_never_turns_into_refuted_by_removing_facts_in_a_count(folder, reference):
    """Issue 14's open world: a count is refuted only below what the KB is sure of."""
    _not_enough_info_never_refuted(folder, reference, {"ev1"}, {"n"})
