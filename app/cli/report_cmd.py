"""`report SOURCE MT [EDITED] --to FILE`: the QA report of a review as HTML or CSV.

Issues found in the MT that are gone after editing count as fixed, the others
as open. (A saved review file will be accepted once reviews can be loaded.)
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from app.core.files.readers import read_document
from app.core.model.errors import InputError
from app.core.model.issues import Issue
from app.core.outputs.metrics import compute_metrics
from app.core.outputs.report import IssueStatus, ReportData, write_report
from app.core.review.checking import Checker, align_documents, build_context


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "report", help="QA report (HTML or CSV) of a translation and its edited version"
    )
    p.add_argument("source", help="source article")
    p.add_argument("mt", help="machine translation of it")
    p.add_argument("edited", nargs="?", help="the edited translation (for metrics and fixes)")
    p.add_argument("--to", dest="out", required=True, help="report file (.html or .csv)")
    p.add_argument("--format", choices=("html", "csv"), help="default: from the extension")
    p.add_argument("--glossary", help="glossary file to check against")
    p.add_argument("--source-lang", help="source language code; detected when absent")
    p.add_argument("--target-lang", help="target language code; detected when absent")
    p.set_defaults(func=run)


def _signatures(issues: list[Issue], sources: list[str]) -> list[str]:
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    for issue in issues:
        key = (issue.check, sources[issue.pair], issue.text)
        out.append(issue.signature(sources[issue.pair], seen[key]))
        seen[key] += 1
    return out


def build_report_data(args: argparse.Namespace) -> ReportData:
    source = read_document(args.source)
    mt = read_document(args.mt)
    pairs, src_lang, tgt_lang = align_documents(source, mt, args.source_lang, args.target_lang)
    checker = Checker(build_context(src_lang, tgt_lang, args.glossary))
    issues = checker.check(pairs)
    statuses = [IssueStatus(i, "open") for i in issues]
    edited_texts: list[str] | None = None
    metrics = None
    if args.edited:
        edited_doc = read_document(args.edited)
        edited_pairs, _, _ = align_documents(source, edited_doc, src_lang, tgt_lang)
        if [p.source for p in edited_pairs] != [p.source for p in pairs]:
            raise InputError(
                args.edited,
                "does not align with the MT segment by segment; keep the MT's paragraphs",
            )
        edited_texts = [p.target for p in edited_pairs]
        remaining = set(_signatures(checker.check(edited_pairs), [p.source for p in pairs]))
        sources = [p.source for p in pairs]
        statuses = [
            IssueStatus(i, "open" if sig in remaining else "fixed")
            for i, sig in zip(issues, _signatures(issues, sources), strict=True)
        ]
        metrics = compute_metrics([p.target for p in pairs], edited_texts)
    return ReportData(
        title=Path(args.source).name,
        source_lang=src_lang,
        target_lang=tgt_lang,
        pairs=pairs,
        edited=edited_texts,
        issues=statuses,
        metrics=metrics,
    )


def run(args: argparse.Namespace) -> int:
    data = build_report_data(args)
    fmt = write_report(args.out, data, args.format)
    counts = data.status_counts()
    print(
        f"wrote {fmt.upper()} report {args.out}: {len(data.issues)} issues "
        f"({counts['fixed']} fixed, {counts['open']} open)",
        file=sys.stderr,
    )
    return 0
