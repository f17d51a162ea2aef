"""The issue table model and its filter, checked by pytest-qt's model tester."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from app.core.model.issues import Issue, Severity, Side
from app.ui.issue_model import COL_CHECK, COL_SEGMENT, COL_SUGGESTION, IssueFilter, IssueModel


def make(check: str, severity: Severity, pair: int, suggestion: str | None = None) -> Issue:
    return Issue(check, severity, pair, Side.TARGET, 0, 4, "Kiev", f"{check} here", suggestion)


ISSUES = [
    make("glossary-forbidden", Severity.ERROR, 0, "Kyiv"),
    make("spacing-punctuation", Severity.WARNING, 1),
    make("glossary-forbidden", Severity.ERROR, 2, "Kyiv"),
    make("name-unknown", Severity.INFO, 3),
]


def test_model_passes_modeltester(qtmodeltester: ModelTester) -> None:
    model = IssueModel()
    model.set_issues(ISSUES)
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert model.data(model.index(0, COL_SEGMENT)) == "1"
    assert model.data(model.index(0, COL_SUGGESTION)) == "Kyiv"
    assert model.data(model.index(1, COL_SUGGESTION)) == ""
    assert model.data(model.index(0, COL_CHECK)) == "Rejected term"
    model.set_issues([])
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_filter_passes_modeltester_and_filters(qtmodeltester: ModelTester) -> None:
    model = IssueModel()
    model.set_issues(ISSUES)
    proxy = IssueFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_check("glossary-forbidden")
    assert [proxy.issue_at(r).pair for r in range(proxy.rowCount())] == [0, 2]
    proxy.set_check(None)
    proxy.set_severity(Severity.INFO)
    assert [proxy.issue_at(r).check for r in range(proxy.rowCount())] == ["name-unknown"]
    proxy.set_check("glossary-forbidden")
    assert proxy.rowCount() == 0
    proxy.set_check(None)
    proxy.set_severity(None)
    assert proxy.rowCount() == 4
    qtmodeltester.check(proxy)


def test_sorting_by_severity_puts_errors_first() -> None:
    model = IssueModel()
    model.set_issues(list(reversed(ISSUES)))
    proxy = IssueFilter()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    severities = [proxy.issue_at(r).severity for r in range(proxy.rowCount())]
    assert severities == [Severity.ERROR, Severity.ERROR, Severity.WARNING, Severity.INFO]
