"""Each claim kind validates, and the models refuse what they must."""

import pytest
from pydantic import ValidationError

from claimcheck.core.dates import PartialDate
from claimcheck.formats.models import ClaimFile

ARTICLE = {
    "id": "a",
    "title": "T",
    "publisher": "P",
    "published": "2024-08-20",
    "text": "a.txt",
}

KINDS = {
    "membership": {"group": "brics", "members": ["india"], "complete": False},
    "event": {
        "event": "e",
        "what": "talks",
        "date": "2019-11",
        "weekday": "Tuesday",
        "relative": True,
        "place": "new-delhi",
        "participants": ["japan"],
        "series": "s",
        "ordinal": 3,
    },
    "count": {"of": "members", "group": "quad", "count": 4, "at": "2024"},
    "office": {"office": "pm", "holder": "kishida"},
    "relation": {"subject": "china", "predicate": "calls", "object": "senkaku", "name": "Diaoyu"},
}


def model(claim: dict) -> ClaimFile:
    return ClaimFile.model_validate({"claimcheck": 1, "article": ARTICLE, "claims": [claim]})


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_validates(kind):
    claim = {"id": "c", "kind": kind, "quote": "q", **KINDS[kind]}
    parsed = model(claim).claims[0]
    assert parsed.kind == kind
    assert parsed.model_dump(mode="json", exclude_defaults=True) == claim


def test_partial_dates_keep_their_precision():
    claim = model({"id": "c", "kind": "event", "quote": "q", **KINDS["event"]}).claims[0]
    assert claim.date == PartialDate(2019, 11)
    assert claim.date.precision == "month"


@pytest.mark.parametrize(
    ("change", "error_type"),
    [
        ({"complete": "yes"}, "bool_type"),
        ({"members": []}, "too_short"),
        ({"colour": "red"}, "extra_forbidden"),
        ({"kind": "rumour"}, "union_tag_invalid"),
    ],
)
def test_membership_refusals(change, error_type):
    claim = {"id": "c", "kind": "membership", "quote": "q", **KINDS["membership"], **change}
    with pytest.raises(ValidationError) as info:
        model(claim)
    assert error_type in {e["type"] for e in info.value.errors()}


def test_count_must_be_an_integer_not_text():
    claim = {"id": "c", "kind": "count", "quote": "q", **KINDS["count"], "count": "4"}
    with pytest.raises(ValidationError):
        model(claim)


def test_impossible_date_is_refused():
    claim = {"id": "c", "kind": "event", "quote": "q", **KINDS["event"], "date": "2024-02-30"}
    with pytest.raises(ValidationError, match="not a day of the calendar"):
        model(claim)
