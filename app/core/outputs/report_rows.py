"""The QA report's tables as plain rows, shared by the HTML, CSV and Excel writers.

Editors who know Xbench or Verifika expect issues grouped by check, with counts, and on
every row the check's name, the source and the target text with the flagged span marked.
The target shown is the text the issue was found in: the editor's for open and ignored
issues, the machine translation for fixed ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.core.model.issues import Side
from app.core.outputs.report_data import STATUSES, IssueStatus, ReportData

MARK_OPEN, MARK_CLOSE = "⟦", "⟧"  # the flagged span in plain-text tables (CSV)


@dataclass(frozen=True)
class Marked:
    """A text cut around its flagged span (span empty: nothing marked on this side)."""

    before: str
    span: str
    after: str

    @property
    def text(self) -> str:
        return self.before + self.span + self.after

    def plain(self) -> str:
        """The text with the span between ⟦ ⟧, for tables without formatting."""
        if not self.span:
            return self.text
        return f"{self.before}{MARK_OPEN}{self.span}{MARK_CLOSE}{self.after}"


@dataclass(frozen=True)
class IssueRow:
    check: str
    check_name: str
    segment: int  # 1-based, as editors count
    severity: str
    status: str
    side: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str
    source: Marked
    target: Marked


@dataclass(frozen=True)
class CheckGroup:
    """One check's issues, with its counts by status."""

    check: str
    check_name: str
    rows: tuple[IssueRow, ...]

    def count(self, status: str | None = None) -> int:
        return sum(1 for r in self.rows if status is None or r.status == status)

    def counts(self) -> dict[str, int]:
        return {status: self.count(status) for status in STATUSES}


def check_names() -> dict[str, str]:
    """Check id -> its label, in the registry's report order."""
    from app.core.checks.registry import CHECK_CLASSES, OPTIONAL_CHECK_CLASSES

    return {cls.id: cls.label for cls in (*CHECK_CLASSES, *OPTIONAL_CHECK_CLASSES)}


def mark(text: str, start: int, end: int, flagged: str) -> Marked:
    """Cut `text` at the issue's span; when the offsets do not hold the flagged text (the
    text changed since), the first occurrence of it is marked, else nothing."""
    if not (0 <= start <= end <= len(text)) or (flagged and text[start:end] != flagged):
        found = text.find(flagged) if flagged else -1
        if found < 0:
            return Marked(text, "", "")
        start, end = found, found + len(flagged)
    return Marked(text[:start], text[start:end], text[end:])


def issue_row(data: ReportData, item: IssueStatus, names: dict[str, str]) -> IssueRow:
    issue = item.issue
    has_pair = 0 <= issue.pair < len(data.pairs)
    source = data.pairs[issue.pair].source if has_pair else ""
    target = ""
    if has_pair:
        target = data.pairs[issue.pair].target
        edited = data.edited
        if item.status != "fixed" and edited is not None and issue.pair < len(edited):
            target = edited[issue.pair]
    if issue.side is Side.SOURCE:
        source_marked = mark(source, issue.start, issue.end, issue.text)
        target_marked = Marked(target, "", "")
    else:
        target_marked = mark(target, issue.start, issue.end, issue.text)
        source_marked = Marked(source, "", "")
        if issue.source_start is not None and issue.source_end is not None:
            term = source[issue.source_start : issue.source_end]
            source_marked = mark(source, issue.source_start, issue.source_end, term)
    return IssueRow(
        check=issue.check,
        check_name=names.get(issue.check, issue.check),
        segment=issue.pair + 1,
        severity=issue.severity.value,
        status=item.status,
        side=issue.side.value,
        start=issue.start,
        end=issue.end,
        text=issue.text,
        message=issue.message,
        suggestion=issue.suggestion or "",
        source=source_marked,
        target=target_marked,
    )


def check_groups(data: ReportData) -> list[CheckGroup]:
    """Issues grouped by check in the registry's order (unknown ids after, by name);
    inside a group by segment, then position."""
    names = check_names()
    order = {check: n for n, check in enumerate(names)}
    by_check: dict[str, list[IssueRow]] = {}
    for item in data.issues:
        by_check.setdefault(item.issue.check, []).append(issue_row(data, item, names))
    groups = [
        CheckGroup(check, names.get(check, check),
                   tuple(sorted(rows, key=lambda r: (r.segment, r.side, r.start))))
        for check, rows in by_check.items()
    ]  # fmt: skip
    groups.sort(key=lambda g: (order.get(g.check, len(order)), g.check))
    return groups


def all_rows(groups: Sequence[CheckGroup]) -> list[IssueRow]:
    return [row for group in groups for row in group.rows]
