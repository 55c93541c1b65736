"""The streamed run: each file is reported before the next is checked, never all at the end."""

import io
import json
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.app import Options, verify, verify_stream
from claimcheck.check.engine import Engine
from claimcheck.check.result import FileResult, encode_record, parse_records
from claimcheck.core.verdicts import ClaimVerdict, Evidence, SourceRef, Verdict
from claimcheck.reporters import REPORTERS, get_reporter
from tests.helpers import write_claims

CLAIM = """claims:
  - id: c{n}
    kind: membership
    group: g{n}
    members: [a, b]
    complete: true
    quote: The BRICS forum
"""
FILES = 4


@pytest.fixture
def archive(project, monkeypatch):
    monkeypatch.chdir(project)
    for n in range(FILES):
        write_claims(project, CLAIM.format(n=n), name=f"f{n}.claims.yaml")
    return project


def test_each_report_comes_before_the_next_file_is_checked(archive, checks):
    stream = verify_stream(Options(paths=(".",)))
    assert checks == []  # nothing is checked until a report is asked for
    seen = []
    for report in stream.files:
        seen.append(report.path)
        assert checks == seen  # only the files already reported, and this one
    assert seen == [f"f{n}.claims.yaml" for n in range(FILES)]


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_a_reporter_writes_each_file_as_it_arrives(archive, monkeypatch, fmt):
    """When the last file is checked, the first file's findings are already written out.

    JUnit puts totals on its root, and the JSON report findings after the file list: those
    wait in a spool (on disk when large), so the check is on what the reporter has written
    anywhere by then, not on what it holds in memory.
    """
    written: list[str] = []

    class Recording(io.StringIO):
        def write(self, text: str) -> int:
            written.append(text)
            return super().write(text)

    from claimcheck.reporters import base

    spooled: list[str] = []
    original_init = base.Spool.__init__

    def recording_spool(self) -> None:
        original_init(self)
        inner = self.write

        def write(text: str) -> int:
            spooled.append(text)
            return inner(text)

        self.write = write

    monkeypatch.setattr(base.Spool, "__init__", recording_spool)
    before_last: list[str] = []
    original = Engine.check_file

    def snapshot(self, path, shown, raw=None):
        if shown == f"f{FILES - 1}.claims.yaml":
            before_last.append("".join(written + spooled))
        return original(self, path, shown, raw)

    monkeypatch.setattr(Engine, "check_file", snapshot)
    out = Recording()
    tally = get_reporter(fmt).write(verify_stream(Options(paths=(".",))), out)
    assert tally.files == FILES and tally.exit_code == 1
    (so_far,) = before_last
    assert "f0.claims.yaml" in so_far
    assert "f3.claims.yaml" not in so_far
    assert "f0.claims.yaml" in out.getvalue() and "f3.claims.yaml" in out.getvalue()


def test_verify_collects_the_stream(archive):
    result = verify(Options(paths=(".",)))
    reports = list(verify_stream(Options(paths=(".",))).files)
    assert [fr.path for fr in result.files] == [r.path for r in reports]
    assert result.findings == [f for r in reports for f in r.findings]
    assert result.verdicts == [v for r in reports for v in r.verdicts]


def test_a_report_travels_without_its_decoded_verdicts(archive, tmp_path):
    """A worker hands back the encoded records only; the parent decodes them if asked."""
    (tmp_path / "world.kb.yaml").write_text(
        "claimcheck-kb: 1\nentities:\n  g0: {name: G, kind: organisation}\n", encoding="utf-8"
    )
    (report, *_) = verify_stream(Options(paths=(".",))).files
    assert report.verdicts  # decoded in this process
    copy = pickle.loads(pickle.dumps(report))
    assert isinstance(copy, FileResult) and copy._verdicts is None
    assert copy.verdict_json == report.verdict_json
    assert copy.verdicts == report.verdicts
    assert [v.to_dict() for v in report.verdicts] == parse_records(report.verdict_json)
    assert json.loads(f"[{report.verdict_json}]")[0]["claim"] == "c0"


# Text json escapes: quotes, backslashes, controls, non-ASCII, a lone surrogate.
_ODD = st.text() | st.sampled_from(['"', "\\", "\x00\n\t", "é ✓ 𝄞", "\u2028", "\ud800", ""])
_SOURCE = st.builds(
    SourceRef,
    **{k: st.none() | _ODD for k in SourceRef.FIELDS},  # type: ignore[arg-type]
)
_EVIDENCE = st.builds(
    Evidence,
    _ODD,
    _ODD,
    st.lists(_SOURCE, max_size=3).map(tuple),
    st.sampled_from(["accepted"]),
    st.none() | st.sampled_from(["CC104"]),
    st.lists(_ODD, max_size=2).map(tuple),
)


@given(
    strings=st.tuples(_ODD, _ODD, _ODD, _ODD),
    verdict=st.sampled_from(Verdict),
    evidence=st.lists(_EVIDENCE, max_size=3).map(tuple),
    by=st.tuples(st.none() | _ODD, st.none() | _ODD),
)
def test_a_verdict_is_encoded_as_json_dumps_encodes_its_record(strings, verdict, evidence, by):
    path, claim, kind, why = strings
    v = ClaimVerdict(path, claim, kind, verdict, why, evidence, *by)
    assert v.encode() == encode_record(v.to_dict())
    assert ClaimVerdict.from_dict(v.to_dict()) == v


def _kb_finding():
    from claimcheck.core.findings import Finding, Location, Severity

    return Finding("CC003", Severity.ERROR, "bad fact", Location("w.kb.yaml", 2, 3))


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
@pytest.mark.parametrize("kb_findings", [0, 1])
def test_a_run_with_no_files_is_still_one_valid_document(fmt, kb_findings):
    """The lists a format opens as items arrive are written whole when none do."""
    import xml.etree.ElementTree as ET

    from claimcheck.formats.report_model import Report
    from claimcheck.run.stream import RunInfo, Stream

    findings = [_kb_finding()] * kb_findings
    out = io.StringIO()
    get_reporter(fmt).write(Stream(RunInfo(kb_findings=findings), iter(())), out)
    text = out.getvalue()
    if fmt == "json":
        report = Report.model_validate(json.loads(text))
        assert report.files == [] and len(report.findings) == kb_findings
        assert report.summary.exit_code == (1 if kb_findings else 0)
    elif fmt == "sarif":
        assert len(json.loads(text)["runs"][0]["results"]) == kb_findings
    else:
        root = ET.fromstring(text.split("\n", 1)[1])
        assert root.get("failures") == str(kb_findings)
        assert [s.get("name") for s in root] == ["w.kb.yaml"] * kb_findings
