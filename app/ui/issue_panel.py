"""The issue list: filters, the table, and the actions on the selected issue."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.model.issues import Issue, Severity, Side
from app.ui.check_names import severity_name
from app.ui.highlighter import label_for
from app.ui.issue_model import COL_MESSAGE, IssueFilter, IssueModel

ALL = str(QT_TRANSLATE_NOOP("IssuePanel", "All"))


class IssuePanel(QWidget):
    issue_selected = Signal(object)
    apply_requested = Signal(object)
    apply_all_requested = Signal(object)
    ignore_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = IssueModel(self)
        self.proxy = IssueFilter(self)
        self.proxy.setSourceModel(self.model)

        self.check_filter = QComboBox()
        self.check_filter.setAccessibleName(self.tr("Filter by check"))
        self.severity_filter = QComboBox()
        self.severity_filter.setAccessibleName(self.tr("Filter by severity"))
        self.check_filter.setAccessibleDescription(self.tr("Show only the issues of one check"))
        self.severity_filter.setAccessibleDescription(
            self.tr("Filter by severity: show only the issues of one severity")
        )
        self.severity_filter.addItem(self.tr(ALL), None)
        for severity in Severity:
            self.severity_filter.addItem(severity_name(severity).capitalize(), severity)
        self.check_filter.currentIndexChanged.connect(self._filters_changed)
        self.severity_filter.currentIndexChanged.connect(self._filters_changed)

        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Issues"))
        self.table.setAccessibleDescription(
            self.tr("Severity, check, segment, flagged text, message and suggestion of each issue")
        )
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(lambda _i: self._emit(self.apply_requested))

        self.apply_button = QPushButton(self.tr("&Apply suggestion"))
        self.apply_all_button = QPushButton(self.tr("Apply to a&ll"))
        self.ignore_button = QPushButton(self.tr("&Ignore"))
        self.apply_button.setToolTip(self.tr("Replace the flagged text with the suggestion"))
        self.apply_all_button.setToolTip(
            self.tr("Replace every occurrence of the flagged text in the article")
        )
        self.ignore_button.setToolTip(self.tr("Hide this false alarm for this review"))
        self.apply_button.clicked.connect(lambda: self._emit(self.apply_requested))
        self.apply_all_button.clicked.connect(lambda: self._emit(self.apply_all_requested))
        self.ignore_button.clicked.connect(lambda: self._emit(self.ignore_requested))

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Check:")))
        bar.addWidget(self.check_filter)
        bar.addWidget(QLabel(self.tr("Severity:")))
        bar.addWidget(self.severity_filter)
        bar.addStretch(1)
        bar.addWidget(self.apply_button)
        bar.addWidget(self.apply_all_button)
        bar.addWidget(self.ignore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self._update_buttons()

    # -- contents ---------------------------------------------------------------
    def set_issues(self, issues: Sequence[Issue]) -> None:
        """Replace the list; keep the selection on the same issue (or its neighbour)."""
        current = self.current_issue()
        row = self.table.currentIndex().row()
        self.model.set_issues(issues)
        self._refill_checks(issues)
        if current is not None:
            self._restore(current, row)
        self._update_buttons()

    def _refill_checks(self, issues: Sequence[Issue]) -> None:
        chosen = self.check_filter.currentData()
        checks = sorted({i.check for i in issues})
        if chosen is not None and chosen not in checks:
            checks.append(chosen)
        self.check_filter.blockSignals(True)
        self.check_filter.clear()
        self.check_filter.addItem(self.tr(ALL), None)
        for check in checks:
            self.check_filter.addItem(label_for(check), check)
        self.check_filter.setCurrentIndex(max(0, self.check_filter.findData(chosen)))
        self.check_filter.blockSignals(False)

    def _restore(self, issue: Issue, old_row: int) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.issue_at(row) == issue:
                self._select_row(row, emit=False)
                return
        if self.proxy.rowCount() and old_row >= 0:
            self._select_row(min(old_row, self.proxy.rowCount() - 1), emit=False)

    def _filters_changed(self) -> None:
        self.proxy.set_check(self.check_filter.currentData())
        self.proxy.set_severity(self.severity_filter.currentData())
        self._update_buttons()

    # -- selection --------------------------------------------------------------
    def current_issue(self) -> Issue | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.issue_at(index.row())

    def select_issue(self, issue: Issue) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.issue_at(row) == issue:
                self._select_row(row)
                return True
        return False

    def _select_row(self, row: int, emit: bool = True) -> None:
        index = self.proxy.index(row, 0)
        if not emit:
            self.table.selectionModel().blockSignals(True)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if not emit:
            self.table.selectionModel().blockSignals(False)
            self.table.viewport().update()
        self.table.scrollTo(index)
        self._update_buttons()

    def step(self, forward: bool) -> Issue | None:
        """F8 / Shift+F8: select the next / previous issue (wrapping) and return it."""
        count = self.proxy.rowCount()
        if count == 0:
            return None
        row = self.table.currentIndex().row()
        step = 1 if forward else -1
        # No selection: start at either end; otherwise wrap around.
        row = (0 if forward else count - 1) if row < 0 else (row + step) % count
        self._select_row(row)
        return self.proxy.issue_at(row)

    def _current_changed(self) -> None:
        self._update_buttons()
        issue = self.current_issue()
        if issue is not None:
            self.issue_selected.emit(issue)

    def _emit(self, signal: SignalInstance) -> None:
        issue = self.current_issue()
        if issue is not None:
            signal.emit(issue)

    def _update_buttons(self) -> None:
        issue = self.current_issue()
        fixable = (
            issue is not None and issue.suggestion is not None and issue.side is Side.TARGET
        )
        self.apply_button.setEnabled(fixable)
        self.apply_all_button.setEnabled(fixable)
        self.ignore_button.setEnabled(issue is not None)


