"""Signal and noise on real MT: what the checks flag in 11 MT systems' output vs the human
reference of the same WMT23 Ukrainian news segments (../shared/data/wmt23-uk-en-news).

    .venv/bin/python -m bench.wmt23_signal [--glossary seeds/glossary.tsv]

Prints, per system, warnings+errors per 100 segments and the checks behind them. The reference
row is the noise floor: a good checker flags MT far more often than the reference.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from app.core.checks.base import CheckContext
from app.core.glossary.version import load_index
from app.core.model.document import Pair
from app.core.model.issues import Severity
from app.core.review.checking import Checker

ROOT = Path(__file__).resolve().parent.parent
DATA = (
    ROOT.parent / "shared" / "data" / "wmt23-uk-en-news" / "wmt23_uk-en_news_src_ref_11systems.tsv"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--glossary", help="glossary file to check against (default: none)")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return 0
    csv.field_size_limit(sys.maxsize)
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    systems = [c for c in rows[0] if c == "reference_en" or c.startswith("mt:")]
    docs: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        docs[row["doc_id"]].append(row)
    index = load_index(args.glossary, "uk") if args.glossary else None
    checker = Checker(CheckContext("uk", "en", index))
    t0 = time.perf_counter()
    print(f"{len(rows)} segments in {len(docs)} documents; glossary: {args.glossary or 'none'}")
    print(f"{'system':<18} {'flags':>6} {'/100 seg':>9}  top checks")
    for system in systems:
        by_check: Counter[str] = Counter()
        for doc_rows in docs.values():
            pairs = [Pair(i, r["source"], r[system], i) for i, r in enumerate(doc_rows)]
            for issue in checker.check(pairs):
                if issue.severity is not Severity.INFO:
                    by_check[issue.check] += 1
        total = sum(by_check.values())
        top = ", ".join(f"{c} {n}" for c, n in by_check.most_common(4))
        name = system.removeprefix("mt:")
        print(f"{name:<18} {total:>6} {100 * total / len(rows):>9.1f}  {top}")
    print(f"({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
