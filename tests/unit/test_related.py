"""A finding points at the other claims it rests on, including the file's first claim."""

from claimcheck.app import Options, verify
from tests.helpers import write_claims

BODY = """entities:
  talks: {name: talks, kind: series}
  m2019: {name: the 2019 meeting, kind: event}
  m2022: {name: the 2022 meeting, kind: event}
  m2024: {name: the 2024 meeting, kind: event}
claims:
  - {id: a-date, kind: event, event: m2019, what: x, quote: q, date: "2019-11"}
  - {id: a-series, kind: event, event: m2019, what: x, quote: q, series: talks}
  - {id: b, kind: event, event: m2022, what: x, quote: q, series: talks, date: "2022-09"}
  - {id: c, kind: event, event: m2024, what: x, quote: q, series: talks, ordinal: 2,
     date: 2024-08-20}
"""


def test_ordinal_finding_points_at_the_claims_that_give_the_earlier_dates(project):
    path = write_claims(project, BODY)
    result = verify(Options(paths=(str(path),), select=("CC103",), root=str(project)))
    (finding,) = result.findings
    lines = path.read_text(encoding="utf-8").splitlines()
    starts = [n for n, line in enumerate(lines, 1) if line.startswith("  - {id: ")]
    assert [r.line for r in finding.related] == [starts[0], starts[2]]  # a-date, b
    assert finding.location.line == starts[3]  # c's ordinal
