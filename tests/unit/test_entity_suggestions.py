"""CC115's did-you-mean and what it says of the knowledge-base files it could not read.

The suggestion is what `difflib.get_close_matches(ref, known, n=1, cutoff=0.75)` would
give, found without comparing the reference with every key; these tests pin its edges (a
likeness of exactly 0.75, a key longer than the reference) and its cost (the budget a file
spends on suggestions, and an answer reused for a reference written twice).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.app import Options, verify
from claimcheck.rules import entities
from tests.helpers import write_claims

NOWHERE = "is defined in this file's entities or the knowledge base"


def _messages(
    project: Path, *refs: str, first: str = "", others: tuple[str, ...] = ()
) -> list[tuple[str, str]]:
    """CC115's findings for membership claims of group `osaka` naming ``refs``."""
    body = "entities:\n  osaka: {name: Osaka, kind: place}\n"
    body += "".join(f"  {e}: {{name: {e.title()}, kind: place}}\n" for e in others)
    body += "claims:\n" + first
    body += "".join(
        f"  - {{id: c{k}, kind: membership, group: osaka, members: [{ref}], complete: false,"
        " quote: q}\n"
        for k, ref in enumerate(refs)
    )
    write_claims(project, body)
    result = verify(Options(paths=(str(project),), select=("CC115",)))
    return [(f.claim_id, f.message) for f in result.findings]


@pytest.mark.parametrize(
    ("ref", "hint"),
    [
        ("osa", "; did you mean 'osaka'?"),  # 2 * 3 / 8: just alike enough
        ("os", ""),  # 2 * 2 / 7: not
        ("osak", "; did you mean 'osaka'?"),  # the key is longer than the reference
        ("osaka-prefecture", ""),
        ("osakajpn", "; did you mean 'osaka'?"),  # 2 * 5 / 13: the key shorter
        ("osakacity", ""),  # 2 * 5 / 14
    ],
)
def test_a_reference_as_alike_as_the_cutoff_is_suggested_and_no_less(project, ref, hint):
    assert _messages(project, ref) == [("c0", f"no entity '{ref}' {NOWHERE}{hint}")]


def test_a_claim_after_one_naming_only_this_files_entities_is_still_checked(project):
    first = "  - {id: own, kind: membership, group: osaka, members: [osaka], complete: false,"
    first += " quote: q}\n"
    assert _messages(project, "nara", first=first) == [("c0", f"no entity 'nara' {NOWHERE}")]


def _charged(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    charges: list[int] = []
    charge = entities._Suggestions._charge

    def counted(self: entities._Suggestions, work: int) -> None:
        charges.append(work)
        charge(self, work)

    monkeypatch.setattr(entities._Suggestions, "_charge", counted)
    return charges


def test_a_suggestion_is_charged_for_the_keys_of_a_length_it_could_reach(project, monkeypatch):
    """'osak' (4 characters) may be like keys of 2 to 7 characters: 'x' and 'yokohama' are
    never looked at; 'fuji' is charged its length and the reference's to be looked at
    (4 + 4), and no more, as it shares no letter; 'osaka' is looked at (4 + 5), then compared
    (4 * 5). An id and a name that are one key are charged once."""
    charges = _charged(monkeypatch)
    others = ("x", "fuji", "yokohama")
    assert _messages(project, "osak", others=others) == [
        ("c0", f"no entity 'osak' {NOWHERE}; did you mean 'osaka'?")
    ]
    assert charges == [8, 9, 20]


@pytest.mark.parametrize("spare", [0, -1])
def test_a_reference_written_twice_is_compared_once_within_the_files_budget(
    project, monkeypatch, spare
):
    charges = _charged(monkeypatch)
    _messages(project, "osak")
    monkeypatch.setattr(entities, "_SUGGEST_BUDGET", sum(charges) + spare)
    hint = (
        "; did you mean 'osaka'?"
        if spare == 0
        else ("; no similar id was searched for (too many to compare)")
    )
    assert _messages(project, "osak", "osak") == [
        ("c0", f"no entity 'osak' {NOWHERE}{hint}"),
        ("c1", f"no entity 'osak' {NOWHERE}{hint}"),
    ]


def test_more_knowledge_base_files_left_out_than_a_message_names_are_counted(project, monkeypatch):
    monkeypatch.chdir(project)  # files are named as the run names them: here, from the project
    for name in "abcdef":  # each refused by the schema, so left out whole
        bad = f"claimcheck-kb: 1\nentities:\n  {name}: {{name: X, kind: nation}}\n"
        (project / f"{name}.kb.yaml").write_text(bad, encoding="utf-8")
    write_claims(
        project,
        "claims:\n  - {id: c, kind: membership, group: nara, members: [nara], complete: false,"
        " quote: q}\n",
    )
    result = verify(Options(paths=(str(project),), select=("CC115",)))
    left_out = (
        " (a.kb.yaml, b.kb.yaml, c.kb.yaml, d.kb.yaml, e.kb.yaml and 1 more may define it, but"
        " were left out for their errors: fix them first)"
    )
    assert [(f.pointer, f.message) for f in result.findings if f.rule_id == "CC115"] == [
        ("/claims/0/group", f"no entity 'nara' {NOWHERE}{left_out}"),
        ("/claims/0/members/0", f"no entity 'nara' {NOWHERE}{left_out}"),
    ]
