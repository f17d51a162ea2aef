"""The issue list (issue 13, item 5): sorting, grouping with counts, filters, a
readable detail line at 1024x700, "No open issues", CSV export."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.core.model.issues import Severity
from app.ui.issue_model import COL_CHECK, COL_SEGMENT, COL_SEVERITY
from app.ui.main_window import MainWindow
from tests.ui.conftest import Sample, open_and_wait

MakeWindow = Callable[[], MainWindow]


def shown(window: MainWindow) -> list[tuple[int, int]]:
    p = window.panel.proxy
    return [(p.issue_at(r).pair, p.issue_at(r).start) for r in range(p.rowCount())]


def test_clicking_headers_sorts(qtbot: QtBot, make_window: MakeWindow, sample: Sample) -> None:
    window = make_window()
    open_and_wait(qtbot, window, sample)
    issues = window.controller.visible_issues()
    panel = window.panel
    assert [panel.proxy.issue_at(r) for r in range(len(issues))] == issues, "checker order"
    header = panel.table.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(COL_SEGMENT) + 4, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    first = [p for p, _ in shown(window)]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    second = [p for p, _ in shown(window)]
    assert {tuple(first), tuple(second)} == {
        tuple(sorted(first)),
        tuple(sorted(first, reverse=True)),
    }, "a click sorts by segment, the next click reverses"
    panel.table.sortByColumn(COL_SEVERITY, Qt.SortOrder.AscendingOrder)
    ranks = [panel.proxy.issue_at(r).severity.rank for r in range(panel.proxy.rowCount())]
    assert ranks == sorted(ranks, reverse=True), "errors first"


def test_group_by_check_with_counts(qtbot: QtBot, make_window: MakeWindow, sample: Sample) -> None:
    window = make_window()
    open_and_wait(qtbot, window, sample)
    panel = window.panel
    issues = window.controller.visible_issues()
    panel.group_box.setChecked(True)
    checks = [panel.proxy.index(r, COL_CHECK).data() for r in range(panel.proxy.rowCount())]
    runs = [c for i, c in enumerate(checks) if i == 0 or checks[i - 1] != c]
    assert len(runs) == len(set(checks)), "each check's issues sit together"
    forbidden = sum(1 for i in issues if i.check == "glossary-forbidden")
    index = panel.check_filter.findData("glossary-forbidden")
    assert panel.check_filter.itemText(index).endswith(f"({forbidden})")
    assert panel.check_filter.itemText(0) == f"All ({len(issues)})"
    assert f": {forbidden}" in panel.counts.text()
    panel.group_box.setChecked(False)
    assert [panel.proxy.issue_at(r) for r in range(len(issues))] == issues


def test_readable_at_1024x700(qtbot: QtBot, make_window: MakeWindow, sample: Sample) -> None:
    window = make_window()
    window.resize(1024, 700)
    open_and_wait(qtbot, window, sample)
    panel = window.panel
    assert panel.table.height() >= 8 * panel.table.verticalHeader().defaultSectionSize()
    issue = window.controller.visible_issues()[0]
    panel.select_issue(issue)
    assert issue.message in panel.detail.text()
    assert panel.proxy.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) == issue.message
    assert panel.table.columnWidth(4) >= 200, "the message column keeps room"


def test_no_open_issues_says_so(qtbot: QtBot, make_window: MakeWindow, small: Sample) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    panel = window.panel
    assert panel.stack.currentWidget() is panel.table
    for issue in window.controller.visible_issues():
        window.controller.ignore(issue)
    assert panel.stack.currentWidget() is panel.empty_label
    assert panel.empty_label.text() == "No open issues."
    panel.status_filter.setCurrentIndex(2)  # all: the ignored ones come back
    assert panel.stack.currentWidget() is panel.table


def test_filters_by_severity_say_when_nothing_matches(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    panel = window.panel
    panel.severity_filter.setCurrentIndex(panel.severity_filter.findData(Severity.INFO))
    if panel.proxy.rowCount() == 0:
        assert panel.empty_label.text() == "No issues match the filters."


def test_csv_export_of_the_rows(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    window = make_window()
    open_and_wait(qtbot, window, small)
    out = tmp_path / "issues"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.panel.csv_button.click()
    with open(tmp_path / "issues.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["severity", "check", "segment", "text", "message", "suggestion", "status"]
    assert len(rows) == 1 + window.panel.proxy.rowCount()
    assert [rows[1][0], rows[1][2], rows[1][3]] == ["error", "1", "Kiev"]
    assert rows[1][-1] == "open"
    assert "issues.csv" in window.statusBar().currentMessage()
