"""`claimcheck draft` measured: recall, field accuracy and false drafts on the drafting
corpus (tests/fixtures/draft: the seed article and short articles with their expected
claims), misses by category, and the time of a 1,000-word article with the showcase KB and
with a synthetic KB of one million names.

    python bench/draft.py            # quality, and the timings
    python bench/draft.py --quick    # quality only
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "draft"


def load_case(path: Path) -> dict[str, Any]:
    case: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    case["path"] = path
    article = case.get("article") or path.name.replace(".expected.yaml", ".txt")
    case["text"] = (path.parent / article).read_text(encoding="utf-8")
    return case


def run_case(case: dict[str, Any], kbs: dict[str, Any]) -> tuple[Any, list[dict[str, Any]]]:
    from claimcheck.core.dates import PartialDate
    from claimcheck.draft.compose import draft_text
    from claimcheck.draft.score import score

    kb = kbs.get(str(case.get("kb")))
    draft = draft_text(case["text"], PartialDate.parse(str(case["published"])), kb)
    counted = [e for e in case["expected"] if not e.get("extra")]
    result = score(draft.claims, case["expected"])
    result.expected = len(counted) + int(case.get("unencodable", 0))
    result.misses["not encodable"] += int(case.get("unencodable", 0))
    # Extra entries account for drafts; the recall counts the statements only.
    result.found -= sum(
        1
        for e in case["expected"]
        if e.get("extra") and f"{e['category']}: {e['words']}" not in result.missed
    )
    return result, draft.claims


def load_kbs(cases: list[dict[str, Any]]) -> dict[str, Any]:
    from claimcheck.core.limits import DEFAULT_LIMITS
    from claimcheck.kb.files import find_kb_files
    from claimcheck.kb.load import load_kb

    kbs: dict[str, Any] = {}
    for case in cases:
        if case.get("kb") and str(case["kb"]) not in kbs:
            folder = (case["path"].parent / case["kb"]).resolve()
            kb, _ = load_kb(find_kb_files([folder]), DEFAULT_LIMITS, str)
            kbs[str(case["kb"])] = kb
    return kbs


def opinion_drafts(case: dict[str, Any], claims: list[dict[str, Any]]) -> list[str]:
    marks = [m.casefold() for m in case.get("opinion", [])]
    return [c["quote"] for c in claims if any(m in c["quote"].casefold() for m in marks)]


def verified(case: dict[str, Any]) -> dict[str, int]:
    """The case drafted by the command into a project of its own, then verified: the
    findings that mean the draft is broken (CC0xx: unreadable or invalid; CC114: a quote not
    in the article; CC115: an undefined entity) and what the article proves by itself
    (CC101-CC110: the seed article's BRICS list is one), by rule."""
    from claimcheck.app import Options, verify
    from claimcheck.core.dates import PartialDate
    from claimcheck.draft.compose import draft_claims

    here = Path.cwd()
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        (project / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
        (project / "article.txt").write_text(case["text"], encoding="utf-8")
        kb: tuple[str, ...] = ()
        if case.get("kb"):
            shutil.copytree((case["path"].parent / case["kb"]).resolve(), project / "kb")
            kb = ("kb",)
        os.chdir(project)
        try:
            published = PartialDate.parse(str(case["published"]))
            draft_claims("article.txt", published, kb, "a.claims.yaml")
            options = Options(
                paths=("a.claims.yaml",),
                kb=kb,
                select=("CC0", "CC1"),
                ignore=("CC111", "CC112", "CC113", "CC116", "CC117", "CC118", "CC119"),
            )
            found = verify(options).findings
        finally:
            os.chdir(here)
    counts: dict[str, int] = {}
    for finding in found:
        counts[finding.rule_id] = counts.get(finding.rule_id, 0) + 1
    return counts


def quality(check: bool = False) -> dict[str, Any]:
    from claimcheck.draft.score import Score

    cases = [load_case(p) for p in sorted(CORPUS.glob("*.expected.yaml"))]
    kbs = load_kbs(cases)
    total, corpus, heldout, heldout2, heldout3 = Score(), Score(), Score(), Score(), Score()
    rows = []
    opinions = 0
    broken: dict[str, int] = {}
    for case in cases:
        if check:
            for rule, n in verified(case).items():
                broken[rule] = broken.get(rule, 0) + n
        result, claims = run_case(case, kbs)
        from_opinion = opinion_drafts(case, claims)
        opinions += len(from_opinion)
        total.add(result)
        if case.get("heldout3"):
            heldout3.add(result)
        elif case.get("heldout2"):
            heldout2.add(result)
        elif case.get("heldout"):
            heldout.add(result)
        elif case["path"].name != "seed.expected.yaml":
            corpus.add(result)
        rows.append((case["path"].name.removesuffix(".expected.yaml"), result, len(from_opinion)))
    return {
        "rows": rows,
        "total": total,
        "corpus": corpus,
        "heldout": heldout,
        "heldout2": heldout2,
        "heldout3": heldout3,
        "opinion": opinions,
        "broken": broken,
    }


def report(q: dict[str, Any]) -> None:
    print(f"{'article':28} {'recall':>7} {'fields':>7} {'drafts':>6} {'false':>5} {'opinion':>7}")
    for name, r, op in q["rows"]:
        recall = f"{r.found}/{r.expected}"
        print(f"{name:28} {recall:>7} {r.accuracy:>7.0%} {r.drafted:>6} {r.false:>5} {op:>7}")
    for label in ("corpus", "heldout", "heldout2", "heldout3", "total"):
        r = q[label]
        print(
            f"{label}: recall {r.found}/{r.expected} = {r.recall:.0%}, field accuracy "
            f"{r.keys_right}/{r.keys} = {r.accuracy:.0%}, false drafts {r.false}/{r.drafted}"
        )
    print(f"claims drafted from opinion phrases: {q['opinion']}")
    if "broken" in q:
        print(f"findings in the drafts (CC0xx, CC101-CC110, CC114, CC115): {q['broken'] or 'none'}")
    print("misses by category:", dict(sorted(q["total"].misses.items())))
    print("wrong key values by category.field:", dict(sorted(q["total"].wrong.items())))
    for line in q["total"].missed:
        print("  missed", line)
    for line in q["total"].false_quotes:
        print("  false ", line)


def thousand_words() -> str:
    seed = (ROOT / "claims" / "articles" / "japan-india-2plus2.txt").read_text(encoding="utf-8")
    title, body = seed.split("\n", 1)
    paragraphs = [p for p in body.splitlines() if len(p.split()) > 5]
    words, out = 0, [title]
    while words < 1000:
        for p in paragraphs:
            out.append(p)
            words += len(p.split())
    return "\n".join(out) + "\n"


def command_time(text: str) -> float:
    """`claimcheck draft` as a user runs it, start to file written, in a project of its own."""
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        (project / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
        shutil.copytree(ROOT / "claims" / "kb", project / "kb")
        (project / "article.txt").write_text(text, encoding="utf-8")
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "claimcheck", "draft", "article.txt", "--published",
             "2024-08-20", "--kb", "kb"],
            cwd=project, check=True, capture_output=True,
        )  # fmt: skip
        return time.perf_counter() - start


def peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timings() -> None:
    from claimcheck.core.dates import PartialDate
    from claimcheck.draft.compose import draft_text, kb_names
    from claimcheck.draft.link import Gazetteer

    text = thousand_words()
    published = PartialDate.parse("2024-08-20")
    cases = [load_case(CORPUS / "seed.expected.yaml")]
    t0 = time.perf_counter()
    kb = load_kbs(cases)[str(cases[0]["kb"])]
    t1 = time.perf_counter()
    draft = draft_text(text, published, kb)
    t2 = time.perf_counter()
    print(
        f"1,000-word article ({len(text.split())} words), showcase KB: load {t1 - t0:.2f} s, "
        f"draft {t2 - t1:.3f} s ({len(draft.claims)} claims); the whole command "
        f"{command_time(text):.2f} s"
    )
    rng = random.Random(7)
    syllables = [
        "ka",
        "to",
        "ri",
        "na",
        "mo",
        "shi",
        "be",
        "lu",
        "va",
        "zen",
        "or",
        "tem",
        "da",
        "pe",
        "go",
        "mi",
        "sa",
        "ku",
        "ne",
        "ho",
    ]
    names = kb_names(kb)
    for n in range(1_000_000):
        first = "".join(rng.choice(syllables) for _ in range(3)).title()
        last = "".join(rng.choice(syllables) for _ in range(4)).title()
        names.append((f"synthetic-{n}", f"{first} {last}", "person"))
    t3, cpu = time.perf_counter(), time.process_time()
    gazetteer = Gazetteer(names)
    t4, cpu = time.perf_counter(), time.process_time() - cpu
    draft = draft_text(text, published, kb, gazetteer)
    t5 = time.perf_counter()
    print(
        f"one-million-name KB: matcher built in {t4 - t3:.2f} s ({cpu:.2f} s of CPU; the "
        f"machine's load shows in the difference), draft {t5 - t4:.3f} s "
        f"({len(draft.claims)} claims), peak memory {peak_mb():.0f} MB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="quality only, no timings")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    report(quality(check=True))
    if not args.quick:
        timings()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
