"""What checking files gives: one ``FileResult`` per file, and the run's ``Tally`` and exit code.

A ``FileResult`` is the one per-file type: the engine returns it, worker processes send it
back, the result cache stores and restores it, reporters write it, and ``app.verify``
collects it. It carries its verdicts as objects or as their JSON records (what the JSON
report writes and the cache stores) and makes the other form only when asked, so a cached
run, or a worker process handing its results back, never builds objects for nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimcheck.core import exitcodes
from claimcheck.core.findings import Finding, Severity

if TYPE_CHECKING:  # a run answered from the cache decodes no verdict, and imports neither
    from claimcheck.context import QuotePlaces
    from claimcheck.core.dates import PartialDate
    from claimcheck.core.verdicts import ClaimVerdict, EvidenceMemo
    from claimcheck.formats.records import ClaimFile

# The verdicts in the order reports count them (``core.verdicts.ORDER``, by value: a cached
# run never loads the verdict types), and each one's index in ``FileResult.verdict_counts``.
VERDICT_NAMES = ("supported", "refuted", "stale", "incomplete", "conflicting", "not_enough_info")
VERDICT_INDEX = {name: i for i, name in enumerate(VERDICT_NAMES)}
NO_VERDICTS = (0,) * len(VERDICT_NAMES)

# Between two records of a list in the JSON report: they sit one per line, indented.
RECORD_SEPARATOR = ",\n    "


def encode_record(value: Any) -> str:
    """One JSON record as every report writes it: ASCII only, on one line.

    ensure_ascii keeps control and bidi characters escaped in the bytes we write; without
    `indent`, json uses its C encoder.
    """
    return json.dumps(value, ensure_ascii=True, separators=(", ", ": "))


def parse_records(text: str) -> list[Any]:
    """The records of a list body written with RECORD_SEPARATOR; ValueError if not JSON."""
    return json.loads(f"[{text}]") if text else []


Counts = tuple[int, ...]  # one per verdict, in VERDICT_NAMES order


def count_verdicts(verdicts: Iterable[ClaimVerdict]) -> Counts:
    counts = list(NO_VERDICTS)
    for v in verdicts:
        counts[VERDICT_INDEX[v.verdict.value]] += 1
    return tuple(counts)


class ArticleText:
    """The article text a claim file names (None: it could not be read), and where its
    quotes stand when the quote rule (CC114) looked for them in this run. A plain record:
    a dataclass costs every start-up half a millisecond."""

    __slots__ = ("places", "text")

    def __init__(self, text: str | None, places: QuotePlaces | None) -> None:
        self.text = text
        self.places = places


class FileResult:
    """One file's outcome: its findings (sorted within the file) and its verdicts.

    ``inputs`` maps each other file the findings depend on (the article text, as the claim
    file names it) to the state it was read in: the result cache re-reads them before
    reusing a result.
    """

    __slots__ = (
        "_memo",
        "_records",
        "_verdicts",
        "article",
        "claim_ids",
        "claims",
        "findings",
        "inputs",
        "model",
        "path",
        "status",
        "verdict_counts",
    )

    def __init__(
        self,
        path: str,
        status: str,
        claims: int = 0,
        claim_ids: tuple[str, ...] = (),
        findings: list[Finding] | None = None,
        verdicts: list[ClaimVerdict] | None = None,
        inputs: Mapping[str, str] | None = None,
    ):
        self.path = path
        self.status = status  # "checked" or "unreadable"
        self.claims = claims
        self.claim_ids = claim_ids
        self.findings = findings if findings is not None else []
        self.inputs: Mapping[str, str] = inputs or {}
        self._verdicts: list[ClaimVerdict] | None = verdicts if verdicts is not None else []
        self._records: str | None = None if verdicts else ""
        self.verdict_counts = count_verdicts(verdicts) if verdicts else NO_VERDICTS
        self._memo: EvidenceMemo | None = None
        # The validated claim file as the engine checked it, for a caller that wants it
        # (``claimcheck export``) and takes it; never pickled or cached.
        self.model: ClaimFile | None = None
        # The article as the engine read it, for the review page (the html format); like
        # ``model``, never pickled or cached.
        self.article: ArticleText | None = None

    @classmethod
    def from_records(
        cls,
        path: str,
        status: str,
        claims: int,
        claim_ids: tuple[str, ...],
        findings: list[Finding],
        records: str,
        counts: Counts,
        inputs: Mapping[str, str],
        memo: EvidenceMemo | None = None,
    ) -> FileResult:
        """A result whose verdicts are their records, joined with RECORD_SEPARATOR; ``memo``
        shares evidence objects between files when they are decoded."""
        result = cls(path, status, claims, claim_ids, findings, None, inputs)
        result._verdicts, result._records, result.verdict_counts = None, records, counts
        result._memo = memo
        return result

    @property
    def verdicts(self) -> list[ClaimVerdict]:
        """The verdicts as objects, decoded from their records on first use."""
        if self._verdicts is None:
            # lazy: start-up (a run answered from the cache never decodes a verdict)
            from claimcheck.core.verdicts import ClaimVerdict

            memo = self._memo if self._memo is not None else {}
            records = parse_records(self._records or "")
            self._verdicts = [ClaimVerdict.from_dict(r, memo) for r in records]
        return self._verdicts

    @property
    def verdict_json(self) -> str:
        """The verdict records joined as the JSON report lists them, encoded on first use."""
        if self._records is None:
            self._records = RECORD_SEPARATOR.join([v.encode() for v in self.verdicts])
        return self._records

    def sorted(self) -> FileResult:
        """This result with its findings in report order."""
        self.findings.sort(key=lambda f: f.sort_key)
        return self

    def with_findings(self, findings: list[Finding]) -> FileResult:
        result = FileResult.from_records(
            self.path,
            self.status,
            self.claims,
            self.claim_ids,
            findings,
            self.verdict_json,
            self.verdict_counts,
            self.inputs,
            self._memo,
        )
        result._verdicts, result.model, result.article = self._verdicts, self.model, self.article
        return result

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FileResult):
            return NotImplemented
        return self._state() == other._state()

    __hash__ = None  # type: ignore[assignment]

    def _state(self) -> tuple[Any, ...]:
        return (
            self.path,
            self.status,
            self.claims,
            self.claim_ids,
            self.findings,
            self.verdict_json,
            dict(self.inputs),
        )

    def __repr__(self) -> str:
        return f"FileResult({self.path!r}, {self.status!r}, claims={self.claims})"

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as records only: a worker hands back the encoded verdicts, not objects."""
        return (
            FileResult.from_records,
            (
                self.path,
                self.status,
                self.claims,
                self.claim_ids,
                self.findings,
                self.verdict_json,
                self.verdict_counts,
                dict(self.inputs),
            ),
        )


@dataclass
class Tally:
    """The run's summary and exit code: counts only, never the findings or verdicts."""

    fail_on: Severity = Severity.WARNING
    files: int = 0
    claims: int = 0
    active: dict[Severity, int] = field(default_factory=lambda: dict.fromkeys(Severity, 0))
    suppressed: int = 0
    fatal: bool = False
    verdicts: list[int] = field(default_factory=lambda: list(NO_VERDICTS))  # VERDICT_NAMES

    def add_findings(self, findings: Iterable[Finding]) -> None:
        for f in findings:
            if f.suppressed is not None:
                self.suppressed += 1
                continue
            self.active[f.severity] += 1
            self.fatal = self.fatal or f.fatal

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.claims += result.claims
        self.add_findings(result.findings)
        for i, n in enumerate(result.verdict_counts):
            self.verdicts[i] += n

    @property
    def exit_code(self) -> int:
        return exitcodes.exit_code(self.active, fatal=self.fatal, fail_on=self.fail_on)


@dataclass
class Result:
    """A whole run collected in memory (what ``app.verify`` returns to library users)."""

    files: list[FileResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    verdicts: list[ClaimVerdict] = field(default_factory=list)
    fail_on: Severity = Severity.WARNING
    kb_files: list[str] = field(default_factory=list)
    as_of: PartialDate | None = None

    def tally(self) -> Tally:
        """The summary a streamed run of these files gives."""
        tally = Tally(self.fail_on)
        tally.add_findings(self.findings)
        for f in self.files:
            tally.files += 1
            tally.claims += f.claims
            for i, n in enumerate(f.verdict_counts):
                tally.verdicts[i] += n
        return tally

    @property
    def exit_code(self) -> int:
        return self.tally().exit_code
