"""Each limit refuses what exceeds it, with a message that names the key to raise it."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.app import Options, verify
from claimcheck.core.limits import DEFAULT_LIMITS, Limits, LimitsError
from claimcheck.loader import LoadError, load_document
from claimcheck.loader.reader import ReadError, read_bytes
from tests.helpers import write_claims


def _problems(text: str, limits: Limits, name: str = "f.yaml") -> list[tuple[str, int, int]]:
    with pytest.raises(LoadError) as info:
        load_document(name, text.encode("utf-8"), limits)
    return [(p.message, p.line, p.column) for p in info.value.problems]


def test_from_mapping_reads_kebab_case_keys_and_keeps_defaults():
    limits = Limits.from_mapping({"max-file-bytes": 1024, "max-claims": 5})
    assert limits == Limits(max_file_bytes=1024, max_claims=5)
    assert Limits.from_mapping({}) == DEFAULT_LIMITS
    assert Limits.keys() == (
        "max-file-bytes",
        "max-depth",
        "max-key-length",
        "max-scalar-length",
        "max-claims",
    )


@pytest.mark.parametrize(
    ("mapping", "words"),
    [
        ({"max-file-byte": 1}, "unknown key 'max-file-byte': did you mean 'max-file-bytes'?"),
        ({"max_depth": 3}, "unknown key 'max_depth': did you mean 'max-depth'?"),
        ({"colour": 3}, "unknown key 'colour' (known: max-file-bytes, max-depth"),
        ({"max-depth": 0}, "max-depth must be a positive whole number, got 0"),
        ({"max-depth": -4}, "got -4"),
        ({"max-depth": True}, "got True"),
        ({"max-file-bytes": "8MB"}, "max-file-bytes must be a positive whole number, got '8MB'"),
        ({"max-claims": 1.5}, "got 1.5"),
        ({"max-depth": 100_000}, "max-depth must be at most 512"),
    ],
)
def test_from_mapping_refuses_unknown_keys_and_bad_values(mapping, words):
    with pytest.raises(LimitsError) as info:
        Limits.from_mapping(mapping, where="[tool.claimcheck.limits]")
    assert str(info.value).startswith("[tool.claimcheck.limits]: ")
    assert words in str(info.value)


def test_largest_file(tmp_path: Path):
    path = tmp_path / "big.claims.yaml"
    path.write_bytes(b"a: " + b"x" * 200 + b"\n")
    with pytest.raises(ReadError, match=r"is 204 bytes, larger than the limit of 100 \(max-file"):
        read_bytes(str(path), Limits(max_file_bytes=100))
    assert read_bytes(str(path), Limits(max_file_bytes=204)).startswith(b"a: x")


def test_deepest_nesting_in_yaml_and_json():
    limits = Limits(max_depth=3)
    assert load_document("f.yaml", b"a: {b: [1]}\n", limits).data == {"a": {"b": [1]}}
    found = _problems("a: {b: [[1]]}\n", limits)
    assert found == [("nesting deeper than the limit of 3 (max-depth)", 1, 9)]
    found = _problems('{"a": {"b": [[1]]}}', limits, "f.json")
    assert found[0][0] == "nesting deeper than the limit of 3 (max-depth)"
    assert found[0][1:] == (1, 14)


def test_longest_key_and_scalar():
    limits = Limits(max_key_length=5, max_scalar_length=8)
    assert load_document("f.yaml", b"abcde: abcdefgh\n", limits).data == {"abcde": "abcdefgh"}
    found = _problems("abcdef: x\nk: abcdefghi\n", limits)
    assert found == [
        ("key of 6 characters is longer than the limit of 5 (max-key-length)", 1, 1),
        ("value of 9 characters is longer than the limit of 8 (max-scalar-length)", 2, 4),
    ]


def test_number_of_claims(project: Path, monkeypatch):
    body = "claims:\n" + "".join(
        f"  - {{id: c{i}, kind: office, office: pm, holder: p{i}, quote: q}}\n" for i in range(3)
    )
    write_claims(project, body)
    monkeypatch.chdir(project)
    only_limits = ("CC001",)  # the claims are minimal: no rule should judge them here
    assert (
        verify(Options(paths=(".",), limits=Limits(max_claims=3), select=only_limits)).exit_code
        == 0
    )
    result = verify(Options(paths=(".",), limits=Limits(max_claims=2)))
    assert result.exit_code == 2
    [finding] = result.findings
    assert finding.message == "3 claims in one file, more than the limit of 2 (max-claims)"
    assert (finding.location.line, finding.location.column) == (11, 5)  # the third claim
    assert result.files[0].status == "unreadable"


def test_a_flood_of_problems_stops_at_a_hundred():
    found = _problems("a: [" + "*x, " * 5000 + "]\n", DEFAULT_LIMITS)
    assert len(found) == 101
    assert found[-1][0].startswith("more than 100 problems")
    found = _problems("{" + '"a": 1, ' * 5000 + '"a": 1}', DEFAULT_LIMITS, "f.json")
    assert len(found) == 101


def test_the_readme_documents_every_limit_and_its_default():
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = {
        line.split("|")[1].strip().strip("`"): line.split("|")[2].strip()
        for line in readme.splitlines()
        if line.startswith("| `max-")
    }
    assert set(rows) == set(Limits.keys())
    for name, key in zip(Limits.names(), Limits.keys(), strict=True):
        assert rows[key].split()[0] == str(getattr(DEFAULT_LIMITS, name)), key


def test_a_flood_of_schema_problems_stops_at_a_hundred(project: Path, monkeypatch):
    claim = "  - {{id: c{}, kind: office, colour: red}}\n"
    body = "claims:\n" + "".join(claim.format(i) for i in range(60))
    write_claims(project, body)
    monkeypatch.chdir(project)
    result = verify(Options(paths=(".",)))
    assert len(result.findings) == 101  # 60 claims x 4 problems, the first hundred shown
    [more] = [f for f in result.findings if "not shown" in f.message]
    assert more.message == "140 more schema problems not shown: fix these first"
    assert (more.location.line, more.location.column) == (9 + 100 // 4, 5)


def test_the_default_size_limit_refuses_a_file_before_parsing_it(tmp_path: Path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    big = tmp_path / "big.claims.json"
    big.write_bytes(b'{"x": [' + b"1," * DEFAULT_LIMITS.max_file_bytes + b"1]}")
    monkeypatch.chdir(tmp_path)
    result = verify(Options(paths=("big.claims.json",)))
    assert result.exit_code == 2
    [finding] = result.findings
    assert finding.message == (
        f"is {big.stat().st_size:,} bytes, larger than the limit of 2,097,152 (max-file-bytes)"
    )
