"""Source URLs, date order and digests at their edges (issue 21's survivors)."""

from __future__ import annotations

import pytest

from claimcheck.app import Options, verify
from claimcheck.core.dates import PartialDate
from claimcheck.loader.reader import digest
from tests.helpers import write_claims

P = PartialDate.parse

CLAIM = """entities:
  club: {{name: Club, kind: organisation}}
  a: {{name: Alpha, kind: country}}
claims:
  - id: m
    kind: membership
    group: club
    members: [a]
    complete: false
    quote: q
    sources: [{{url: "{url}", title: T}}]
"""


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https:///about", "has no host"),
        ("https://example.org/a b", "contains white space"),
        ("http://example.org/a b", "contains white space"),  # http is as good as https
        ("HTTP://example.org/a b", "contains white space"),
        ("ftp://example.org/a", "has 'ftp:', not http(s)"),
        ("example.org/a", "has no scheme, not http(s)"),
    ],
)
def test_a_source_url_a_reader_cannot_open_says_why(project, url, why):
    write_claims(project, CLAIM.format(url=url))
    result = verify(Options(paths=(str(project),), select=("CC113",)))
    assert [(f.claim_id, f.pointer, f.message) for f in result.findings] == [
        (
            "m",
            "/claims/0/sources/0/url",
            f"URL {url!r} {why}: give the full https:// address of the page",
        )
    ]


def test_a_day_is_not_before_itself_but_before_the_next():
    assert not P("2019-11-30").is_before(P("2019-11-30"))
    assert P("2019-11-29").is_before(P("2019-11-30"))
    assert not P("2019-11").is_before(P("2019-11-30"))


def test_a_year_reads_as_the_year():
    assert P("2019").human() == "2019"
    assert P("2019-11").human() == "November 2019"


def test_a_digest_is_the_256_bit_blake2b_of_the_bytes():
    """The cache keys on it: a different digest silently drops every cached result."""
    assert digest(b"claimcheck") == (
        "f19dfb55c0c95f2cfe7d99ebba72a83916fc084b7b87555af4d3c85d545cb274"
    )
