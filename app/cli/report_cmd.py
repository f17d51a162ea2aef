"""`report INPUT [EDITED] --to FILE`: the QA report of a review as HTML, CSV or Excel.

Issues the machine translation had that the edited text no longer has count as
fixed, those a review ignores as ignored, the rest as open (core's qa.py, the
same builder the window uses).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.inputs import (
    add_check_selection,
    add_input_arguments,
    glossary_index,
    open_from_args,
    selected_checks,
)
from app.core.outputs.qa import build_report
from app.core.outputs.report import csv_paths, write_report
from app.core.review.checking import checker_for


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "report",
        help="QA report (HTML, CSV or Excel): issues by check, fixed, ignored and open, metrics",
        description=(
            "Write the QA report of a review (.verso), of a bilingual file or of an article "
            "pair (SOURCE MT); give the EDITED translation after it to count fixes and "
            "post-editing metrics against the machine translation. CSV writes one file a "
            "table: the issues in FILE, then FILE's name with .checks, .segments, .article "
            "and .glossary beside it."
        ),
    )
    add_input_arguments(p, edited=True)
    p.add_argument("--to", dest="out", metavar="FILE", required=True,
                   help="report file (.html, .csv or .xlsx)")  # fmt: skip
    p.add_argument("--format", choices=("html", "csv", "xlsx"), help="default: from the extension")
    add_check_selection(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    checks = selected_checks(args)
    review = open_from_args(args, edited=True)
    checker = checker_for(review, glossary_index(review, args), checks)
    data = build_report(review, checker)
    fmt = write_report(args.out, data, args.format)
    counts = data.status_counts()
    print(
        f"wrote {fmt.upper()} report {args.out}: {len(data.issues)} issues "
        f"({counts['fixed']} fixed, {counts['ignored']} ignored, {counts['open']} open)",
        file=sys.stderr,
    )
    if fmt == "csv":
        others = [str(path) for kind, path in csv_paths(args.out).items() if kind != "issues"]
        print(f"  and beside it: {', '.join(others)}", file=sys.stderr)
    for failure in checker.failures:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if checker.failures else 0
