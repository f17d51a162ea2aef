"""The cost table of app/core/review/split.py, measured: CPU seconds of each family of
checks run alone in a fresh process (its memos cold, as in a split), on the NTREX pairs
with the starter glossary. Re-run after a change that moves a check's cost; paste the
figures into split.COST.

    .venv/bin/python -m bench.split_costs
"""

from __future__ import annotations

import subprocess
import sys

from app.core.checks.registry import all_checks
from app.core.review.split import family
from bench.process_bench import NTREX, ROOT, STARTER

_ONE = """
import sys, time
from app.core.checks.registry import select_checks
from app.core.glossary.version import load_index
from app.core.model.document import Pair
from app.core.review.checking import checker_for
from app.core.review.model import Review
from app.core.text.morphology import lemmas
lemmas("Києві", "uk")
uk, en, glossary, ids = sys.argv[1:5]
src = open(uk, encoding="utf-8").read().splitlines()
tgt = open(en, encoding="utf-8").read().splitlines()
pairs = [Pair(i, s, t, i) for i, (s, t) in enumerate(zip(src, tgt, strict=True))]
review = Review.from_pairs(pairs, "uk", "en")
checker = checker_for(review, load_index(glossary, "uk"), select_checks(ids.split(",")))
t = time.process_time()
checker.check(pairs)
print(time.process_time() - t)
"""


def main() -> int:
    if not (NTREX / "uk.txt").exists():
        print(f"skipped: {NTREX} not found")
        return 0
    families: dict[str, list[str]] = {}
    for check in all_checks():
        families.setdefault(family(check), []).append(check.id)
    for name, ids in families.items():
        out = subprocess.run(
            [sys.executable, "-c", _ONE, str(NTREX / "uk.txt"), str(NTREX / "en.txt"),
             str(STARTER), ",".join(ids)],
            capture_output=True, text=True, cwd=ROOT, check=True,
        )  # fmt: skip
        print(f'    "{name}": {float(out.stdout.strip()):.2f},')
    return 0


if __name__ == "__main__":
    sys.exit(main())
