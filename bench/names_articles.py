"""What the checks find on the four article pairs of bench/data/names_articles (issue 11).

Each .tsv holds one article (source TAB target, one pair a line); answers.json lists
the errors an editor would correct. An answer is found when a warning or error lands
on its pair and its text overlaps the answer's; it is rightly fixed when the
suggestion is the answer's fix. Flags that match no answer are printed as extras
(false alarms, or errors the key missed).
Usage: .venv/bin/python -m bench.names_articles
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.core.checks.base import CheckContext
from app.core.checks.registry import all_checks
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity
from app.core.review.checking import Checker

DATA = Path(__file__).resolve().parent / "data" / "names_articles"


def load(path: Path) -> list[Pair]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [Pair(i, s, t) for i, (s, t) in enumerate(rows)]


def _overlaps(issue: Issue, text: str) -> bool:
    a, b = issue.text.casefold(), text.casefold()
    return bool(a) and (a in b or b in a)


def score(pairs: list[Pair], answers: list[dict[str, object]]) -> tuple[int, int, list[str]]:
    """(answers found, found with the right suggestion, lines to print)."""
    issues = [
        i for i in Checker(CheckContext("uk", "en"), all_checks()).check(pairs)
        if i.severity is not Severity.INFO
    ]  # fmt: skip
    used: set[int] = set()
    found = fixed = 0
    lines: list[str] = []
    for answer in answers:
        hit = next(
            (k for k, i in enumerate(issues)
             if i.pair == answer["pair"] and _overlaps(i, str(answer["text"]))),
            None,
        )  # fmt: skip
        if hit is None:
            lines.append(f"  MISSED  p{answer['pair']} {answer['text']!r} ({answer['kind']})")
            continue
        used.add(hit)
        issue = issues[hit]
        found += 1
        right = issue.suggestion == answer["fix"]
        fixed += right
        lines.append(
            f"  found   p{answer['pair']} {answer['text']!r} ({answer['kind']}) by "
            f"{issue.check} {issue.severity.value}, suggests {issue.suggestion!r}"
            + ("" if right else f" (fix: {answer['fix']!r})")
        )
    for k, issue in enumerate(issues):
        if k not in used:
            lines.append(
                f"  EXTRA   p{issue.pair} {issue.text!r} by {issue.check} {issue.severity.value}:"
                f" {issue.message[:90]}"
            )
    return found, fixed, lines


def main() -> int:
    key = json.loads((DATA / "answers.json").read_text(encoding="utf-8"))["articles"]
    total = found_all = fixed_all = 0
    for name, answers in key.items():
        found, fixed, lines = score(load(DATA / name), answers)
        total += len(answers)
        found_all += found
        fixed_all += fixed
        print(f"{name}: {found}/{len(answers)} found, {fixed} with the right suggestion")
        print("\n".join(lines))
    print(f"ALL: {found_all}/{total} found, {fixed_all} with the right suggestion")
    return 0


if __name__ == "__main__":
    sys.exit(main())
