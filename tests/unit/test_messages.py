"""The commonest mistakes in a claim or KB file, each said with what to write instead.

One test per mistake, at its line and column; and a file where one claim breaks the schema
still has every other claim checked (the file fails all the same).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.app import Options, verify
from claimcheck.core.dates import date_hint
from claimcheck.formats import validate
from claimcheck.loader import LoadError, load_document
from tests.helpers import BRICS_ENTITIES, HEADER

CLAIM = """  - id: c
    kind: membership
    group: brics
    members: [brazil]
    complete: false
    quote: BRICS forum
"""


def _findings(body: str) -> list[tuple[int, int, str]]:
    """The schema findings of a claim file whose claims are ``body``."""
    text = HEADER + BRICS_ENTITIES + "claims:\n" + body
    doc = load_document("a.claims.yaml", text.encode())
    model, problems = validate.claim_file(doc, "a.claims.yaml")
    assert model is None
    return [(f.location.line, f.location.column, f.message) for f in problems]


# The claim starts at line 15 (after HEADER and BRICS_ENTITIES).
@pytest.mark.parametrize(
    ("change", "want"),
    [
        (
            ("kind: membership", "kind: membrship"),
            (
                17,
                11,
                (
                    "unknown kind 'membrship': did you mean 'membership'? the kinds are "
                    "membership, event, count, office, relation, property"
                ),
            ),
        ),
        (
            ("members: [brazil]", "member: [brazil]"),
            (19, 5, "unknown field 'member': did you mean 'members'?"),
        ),
        (
            ("members: [brazil]", "members: brazil"),
            (19, 14, "members: write a list, as in `members: [brazil]`, or one `- item` per line"),
        ),
        (
            ("members: [brazil]", "members:\n      brazil\n      india"),
            (
                20,
                7,
                (
                    "members: these lines are one text, not a list: start each item on its own "
                    "line with a dash, as in `- brazil`"
                ),
            ),
        ),
        (
            ("complete: false", "complete: yes"),
            (
                20,
                15,
                "complete: write true or false (yes, no, on and off are text in a claim file)",
            ),
        ),
        (
            ("complete: false", 'complete: "false"'),
            (20, 15, "complete: write false without quotes (quoted, it is text)"),
        ),
        (
            ("quote: BRICS forum", "quote: BRICS forum\n    at: 20/08/2024"),
            (
                22,
                9,
                (
                    "at: '20/08/2024' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD: "
                    "did you mean 2024-08-20?"
                ),
            ),
        ),
        (
            ("quote: BRICS forum", "quote: BRICS forum\n    at: 08/20/2024"),
            (
                22,
                9,
                (
                    "at: '08/20/2024' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD: "
                    "did you mean 2024-08-20?"
                ),
            ),
        ),
        (
            ("quote: BRICS forum", "quote: BRICS forum\n    sources: [{title: Washington, D.C.}]"),
            (
                22,
                35,
                (
                    "unknown field 'D.C.': inside {...} a comma separates fields, so 'D.C.' was "
                    'read as a field; if the comma belongs to the value, quote it: "Washington, '
                    'D.C."'
                ),
            ),
        ),
    ],
)
def test_a_common_mistake_says_what_to_write_instead(change, want):
    old, new = change
    assert old in CLAIM
    assert _findings(CLAIM.replace(old, new)) == [want]


def test_words_on_one_line_are_suggested_as_a_list_and_aliases_in_a_claim_file_too():
    (finding,) = _findings(CLAIM.replace("members: [brazil]", "members: brazil india"))
    assert finding[2] == (
        "members: write a list, as in `members: [brazil, india]`, or one `- item` per line"
    )
    entities = BRICS_ENTITIES.replace("kind: country}", "kind: country, aliases: Brasil}", 1)
    text = HEADER + entities + "claims:\n" + CLAIM
    doc = load_document("a.claims.yaml", text.encode())
    _, problems = validate.claim_file(doc, "a.claims.yaml")
    assert [f.message for f in problems] == [
        "aliases: write a list, as in `aliases: [Brasil]`, or one `- item` per line"
    ]


def test_a_count_in_words_or_in_quotes_says_write_digits():
    count = CLAIM.replace("kind: membership", "kind: count\n    of: members").replace(
        "    members: [brazil]\n    complete: false\n", "    count: four\n"
    )
    assert _findings(count) == [(20, 12, "count: write a whole number in digits, as in `count: 4`")]
    quoted = count.replace("count: four", 'count: "4"')
    assert _findings(quoted) == [(20, 12, "count: write 4 without quotes (quoted, it is text)")]


def test_an_unknown_field_near_no_name_keeps_the_plain_words():
    (finding,) = _findings(CLAIM.replace("quote: BRICS forum", "quote: x\n    zzqxv: 1"))
    assert finding[2] == "unknown field 'zzqxv': check its spelling against the schema"


def test_a_suggestion_is_only_a_field_allowed_where_the_misspelt_one_stands():
    # 'countt' is close to a claim's `count`, but a membership claim has no `count`, so
    # the fields of the models that fit its other keys are offered, never another model's.
    (finding,) = _findings(CLAIM.replace("quote: BRICS forum", "quote: x\n    countt: 4"))
    assert finding[2] == "unknown field 'countt': check its spelling against the schema"
    (finding,) = _findings(CLAIM.replace("complete: false", "complete: false\n    qoute: x"))
    assert finding[2].startswith("unknown field 'qoute': did you mean 'quote'?")


def test_a_kb_alias_written_as_text_says_write_a_mapping():
    text = (
        "claimcheck-kb: 1\nentities:\n"
        "  brics: {name: BRICS, kind: organisation, aliases: [Brics]}\n"
    )
    doc = load_document("x.kb.yaml", text.encode())
    model, problems = validate.kb_file(doc, "x.kb.yaml")
    assert model is None
    assert [(f.location.line, f.location.column, f.message) for f in problems] == [
        (
            3,
            54,
            (
                "aliases: in a knowledge base each alias is a mapping, not text: write "
                "`- {name: Brics}` (with `used_by` and `sources` when only some use it)"
            ),
        )
    ]


def test_an_unclosed_quote_is_reported_where_it_opens():
    text = HEADER + 'claims:\n  - id: c\n    quote: "BRICS forum\n  - id: d\n    quote: x\n'
    with pytest.raises(LoadError) as info:
        load_document("a.claims.yaml", text.encode())
    (problem,) = info.value.problems
    assert (problem.line, problem.column) == (10, 12)
    assert problem.message == (
        "YAML syntax error: the quote opened at 10:12 is never closed (the parser read on to "
        '13:1): end the value with " on its line'
    )


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("20/08/2024", ": did you mean 2024-08-20?"),
        ("08/20/2024", ": did you mean 2024-08-20?"),
        ("20.08.2024", ": did you mean 2024-08-20?"),
        (
            "05/08/2024",
            (
                ": did you mean 2024-08-05 (day first, as in Europe) or 2024-05-08 (month first, "
                "as in the US)?"
            ),
        ),
        ("20 August 2024", ": did you mean 2024-08-20?"),
        ("Aug. 20, 2024", ": did you mean 2024-08-20?"),
        ("31/02/2024", ""),  # no reading of it is a day
        ("2024/08/20", ": did you mean 2024-08-20?"),  # year first: one reading
        ("2024-2-1", ": did you mean 2024-02-01?"),  # the zeros the format needs
        ("2024-8", ": did you mean 2024-08?"),
        ("2024/1", ": did you mean 2024-01?"),  # the first month and the last are months
        ("2024.12", ": did you mean 2024-12?"),
        ("2024-0", ""),
        ("2024-13", ""),
        ("2024-2-30", ""),
        ("soon", ""),
    ],
)
def test_date_hints(text, hint):
    assert date_hint(text) == hint


def test_one_invalid_claim_hides_no_other_claims_findings(tmp_path: Path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("BRICS forum.\n", encoding="utf-8")
    bad = CLAIM.replace("members: [brazil]", "member: [brazil]")
    other = CLAIM.replace("id: c", "id: d").replace("[brazil]", "[brazl]")
    path = tmp_path / "a.claims.yaml"
    path.write_text(HEADER + BRICS_ENTITIES + "claims:\n" + bad + other, encoding="utf-8")
    result = verify(Options(paths=(str(path),), select=("CC0", "CC115")))
    got = {(f.rule_id, f.location.line, f.location.column, f.pointer) for f in result.findings}
    assert got == {
        ("CC002", 19, 5, "/claims/0/member"),  # the misspelt field, said once
        ("CC115", 25, 15, "/claims/1/members/0"),  # the other claim's unknown entity, at its place
    }
    assert result.exit_code == 1
    assert [fr.claims for fr in result.files] == [1]
    # When the article or the entities are wrong, no claim can be checked against them.
    path.write_text(HEADER + "entities: []\nclaims:\n" + other, encoding="utf-8")
    result = verify(Options(paths=(str(path),), select=("CC0", "CC115")))
    assert [f.rule_id for f in result.findings] == ["CC002"]
