"""The QA report's data: plain, so that any front end (the review model, the CLI) can fill it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from app.core.glossary.model import GlossaryEntry
from app.core.model.document import Pair
from app.core.model.issues import Issue
from app.core.outputs.metrics import ArticleMetrics

STATUSES = ("open", "fixed", "ignored")


@dataclass(frozen=True)
class IssueStatus:
    issue: Issue
    status: str = "open"  # open | fixed | ignored

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown issue status {self.status!r}")


@dataclass
class ReportData:
    """Everything a QA report shows. `edited[i]` is the editor's text of pair i."""

    title: str
    source_lang: str
    target_lang: str
    pairs: Sequence[Pair]
    edited: Sequence[str] | None = None
    issues: Sequence[IssueStatus] = ()
    metrics: ArticleMetrics | None = None
    glossary_added: Sequence[GlossaryEntry] = ()
    created: str = field(default_factory=lambda: datetime.now().isoformat(timespec="seconds"))

    def status_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for item in self.issues:
            counts[item.status] += 1
        return counts

    def issues_by_check(self) -> list[tuple[str, int]]:
        return Counter(i.issue.check for i in self.issues).most_common()
