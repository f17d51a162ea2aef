"""Flags on wmt23-uk-en-news (issue 11, item 9): the human reference and each MT system.

Every column (reference_en and the 11 mt:* systems) is checked article by article with
the default checks and no glossary; printed per half of the split (bench/eval_split.py):
warnings+errors per 100 segments of the issue-11 checks (names and numbers: the
reference should carry at most 1 per 100) and of all default checks. The reference is
a clean human translation, so its flags are false alarms or real slips of the
reference; a system's flags are what an editor would be shown.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from app.core.checks.base import CheckContext
from app.core.checks.registry import all_checks
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity
from app.core.review.checking import Checker
from bench.eval_split import HALVES, TUNE, half_of, per100

ISSUE11 = frozenset({"name-mismatch", "name-inconsistent", "name-missing", "number-mismatch"})


def columns(path: Path) -> dict[str, dict[str, list[Pair]]]:
    """column -> doc_id -> pairs, for reference_en and every mt:* column."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = list(reader)
        names = [f for f in reader.fieldnames or [] if f == "reference_en" or f.startswith("mt:")]
    out: dict[str, dict[str, list[Pair]]] = {}
    for name in names:
        docs: dict[str, list[Pair]] = defaultdict(list)
        for row in rows:
            doc = docs[row["doc_id"]]
            doc.append(Pair(len(doc), row["source"], row[name] or ""))
        out[name] = dict(docs)
    return out


def flags(docs: dict[str, list[Pair]]) -> dict[str, tuple[int, list[tuple[Issue, Pair]]]]:
    """half -> (segments, warnings and errors with their pairs)."""
    checker = Checker(CheckContext("uk", "en"), all_checks())
    out: dict[str, tuple[int, list[tuple[Issue, Pair]]]] = {h: (0, []) for h in HALVES}
    for doc_id, doc in docs.items():
        n, found = out[half_of(doc_id)]
        found.extend(
            (i, doc[i.pair]) for i in checker.check(doc) if i.severity is not Severity.INFO
        )
        out[half_of(doc_id)] = (n + len(doc), found)
    return out


def report(path: Path, show: int = 0) -> None:
    if not path.exists():
        print(f"\nwmt23: skipped, {path} is absent")
        return
    print("\nwmt23-uk-en-news, warnings+errors per 100 segments, tuning / held-out half"
          " (names+numbers | all checks):")
    for name, docs in columns(path).items():
        counted = flags(docs)
        cells = []
        for h in HALVES:
            n, found = counted[h]
            mine = sum(1 for i, _ in found if i.check in ISSUE11)
            cells.append(f"{per100(mine, n)} | {per100(len(found), n)}")
        target = "   (reference target <= 1.00 names+numbers)" if name == "reference_en" else ""
        print(f"  {name:16} {'     '.join(cells)}{target}")
        if name == "reference_en":
            for issue, pair in counted[TUNE][1][:show]:
                print(f"    [{issue.check}] {issue.text!r} -> {issue.suggestion!r}")
                print(f"        S: {pair.source[:200]}\n        T: {pair.target[:200]}")
