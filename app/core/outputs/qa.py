"""The QA report's content, built one way for the CLI and the window.

An issue is "open" when it is in the current text and not ignored, "ignored"
when the editor ignored it, and "fixed" when the machine translation had it and
the current text no longer does. Pairs keep their structure for the whole review,
so an MT issue is matched to a current one by check, pair, side and flagged text
(counted: two Kievs in the MT and one left means one fixed).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from app.core.model.issues import Issue
from app.core.outputs.metrics import compute_metrics
from app.core.outputs.report import IssueStatus, ReportData
from app.core.review.checking import Checker
from app.core.review.model import Review


def _key(issue: Issue) -> tuple[str, int, str, str]:
    return (issue.check, issue.pair, issue.side.value, issue.text)


def issue_statuses(
    review: Review, current: Sequence[Issue], mt_issues: Sequence[Issue]
) -> list[IssueStatus]:
    """Every issue of the current text (open or ignored) and each MT issue now gone (fixed)."""
    out = [IssueStatus(i, "ignored" if review.is_ignored(i) else "open") for i in current]
    remaining = Counter(_key(i) for i in current)
    for issue in mt_issues:
        key = _key(issue)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            out.append(IssueStatus(issue, "fixed"))
    out.sort(key=lambda s: (s.issue.pair, s.issue.start, s.issue.check))
    return out


def report_title(review: Review) -> str:
    shown = review.path or review.target_path or review.source_path or "review"
    return Path(shown).name


def build_report(
    review: Review, checker: Checker, current: Sequence[Issue] | None = None
) -> ReportData:
    """The report of a review; `current` are the issues the window shows (checked here
    when not given). The checker must be the review's (same languages and glossary)."""
    now = list(current) if current is not None else checker.check(review.pairs)
    mt_issues = checker.check(review.original)
    mt = [p.target for p in review.original]
    metrics = compute_metrics(mt, list(review.targets), review.seconds_spent or None)
    return ReportData(
        title=report_title(review),
        source_lang=review.source_lang,
        target_lang=review.target_lang,
        pairs=review.original,
        edited=list(review.targets),
        issues=issue_statuses(review, now, mt_issues),
        metrics=metrics,
        glossary_added=list(review.glossary_added),
    )
