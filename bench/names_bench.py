"""False alarms and catches of the name checks on the shared corpora.

ntrex-uk-en: 1,997 professional uk/en pairs (documents from document_ids.tsv).
wmt23-uk-en-news: references (clean) and 11 MT systems. Prints issues per 100 pairs
for the name checks (name-mismatch, name-inconsistent, name-missing).
Usage: .venv/bin/python -m bench.names_bench [--show N] [--systems]
(run it as a module from the checkout, so `app` is this checkout's)
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from app.core.checks.base import CheckContext
from app.core.checks.names import NameMismatchCheck
from app.core.checks.names_inconsistent import NameInconsistentCheck
from app.core.checks.names_missing import NameMissingCheck
from app.core.model.document import Pair
from app.core.model.issues import Issue

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
CHECKS = (NameMismatchCheck(), NameInconsistentCheck(), NameMissingCheck())


def run_docs(docs: dict[str, list[tuple[str, str]]]) -> tuple[int, list[tuple[Issue, Pair]]]:
    ctx = CheckContext("uk", "en")
    found: list[tuple[Issue, Pair]] = []
    total = 0
    for rows in docs.values():
        pairs = [Pair(i, s, t) for i, (s, t) in enumerate(rows)]
        total += len(pairs)
        for check in CHECKS:
            for issue in check.run(pairs, ctx):
                found.append((issue, pairs[issue.pair]))
    return total, found


def report(title: str, total: int, found: Sequence[tuple[Issue, Pair]], show: int) -> None:
    counts = Counter((i.check, i.severity.value) for i, _ in found)
    flagged = sum(1 for i, _ in found if i.severity.value != "info")
    rate = 100 * flagged / total
    print(f"{title}: {total} pairs, {flagged} warnings/errors = {rate:.2f} per 100")
    for (check, severity), n in sorted(counts.items()):
        print(f"    {check:18} {severity:8} {n}")
    for issue, pair in list(found)[:show]:
        print(f"    - {issue.check} {issue.severity.value} {issue.text!r} -> {issue.suggestion!r}")
        print(f"        src: {pair.source[:150]}")
        print(f"        tgt: {pair.target[:150]}")


def ntrex() -> dict[str, list[tuple[str, str]]]:
    base = DATA / "ntrex-uk-en"
    uk = (base / "uk.txt").read_text(encoding="utf-8").splitlines()
    en = (base / "en.txt").read_text(encoding="utf-8").splitlines()
    ids = (base / "document_ids.tsv").read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[tuple[str, str]]] = {}
    for doc, s, t in zip(ids, uk, en, strict=True):
        docs.setdefault(doc, []).append((s, t))
    return docs


def wmt23() -> tuple[list[str], list[dict[str, str]]]:
    path = next((DATA / "wmt23-uk-en-news").glob("*.tsv"))
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = list(reader)
        fields = list(reader.fieldnames or [])
    return fields, rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--systems", action="store_true", help="also run the 11 MT systems")
    args = parser.parse_args(argv)
    total, found = run_docs(ntrex())
    report("ntrex-uk-en references", total, found, args.show)
    fields, rows = wmt23()
    systems = [f for f in fields if f.startswith("mt:")] if args.systems else []
    for column in ["reference_en", *systems]:
        docs: dict[str, list[tuple[str, str]]] = {}
        for row in rows:
            docs.setdefault(row["doc_id"], []).append((row["source"], row[column] or ""))
        total, found = run_docs(docs)
        report(f"wmt23 {column}", total, found, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
