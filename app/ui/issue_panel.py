"""The issue list: filters, the table, and the actions on the selected issue."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.model.errors import VersoError
from app.core.model.issues import Issue, Severity, Side
from app.ui.check_names import severity_name
from app.ui.highlighter import label_for
from app.ui.issue_csv import write_csv
from app.ui.issue_model import (
    COL_CHECK,
    COL_MESSAGE,
    COL_SUGGESTION,
    COL_TEXT,
    STATUS_ALL,
    STATUS_IGNORED,
    STATUS_OPEN,
    IssueFilter,
    IssueModel,
)

ALL = str(QT_TRANSLATE_NOOP("IssuePanel", "All"))


class IssuePanel(QWidget):
    issue_selected = Signal(object)
    apply_requested = Signal(object)
    apply_all_requested = Signal(object)
    ignore_requested = Signal(object)
    csv_exported = Signal(str, str)  # path, error message ("" when written)

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
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Filter by status"))
        self.status_filter.setAccessibleDescription(
            self.tr("Show the open issues, the ignored ones, or all")
        )
        self.status_filter.addItem(self.tr("Open"), STATUS_OPEN)
        self.status_filter.addItem(self.tr("Ignored"), STATUS_IGNORED)
        self.status_filter.addItem(self.tr("All"), STATUS_ALL)
        self.status_filter.currentIndexChanged.connect(self._filters_changed)
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
        self.table.setAccessibleName(self.tr("Issues"))
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 6  # compact rows: more of them visible
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (COL_TEXT, COL_SUGGESTION):  # long flagged text must not eat the message
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, 140)
        header.setSectionResizeMode(COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the checker's order first
        self.table.setSortingEnabled(True)  # click a header to sort; again to reverse
        self.group_box = QCheckBox(self.tr("&Group by check"))
        self.group_box.setAccessibleName(self.tr("Group issues by check"))
        self.group_box.setToolTip(self.tr("Sort the list by check, with a count for each"))
        self.group_box.toggled.connect(self._group_toggled)
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.csv_button.setAccessibleName(self.tr("Export the listed issues as CSV"))
        self.csv_button.setToolTip(self.tr("Write the rows of the list to a CSV file"))
        self.csv_button.clicked.connect(self.export_csv_dialog)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName(self.tr("Issue list status"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAccessibleName(self.tr("Selected issue"))
        self.detail.setAccessibleDescription(
            self.tr("The full message and suggestion of the selected issue")
        )
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setAccessibleName(self.tr("Issues by check"))
        self._loaded = False
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
        second = QHBoxLayout()
        second.addWidget(self.counts, 1)
        second.addWidget(QLabel(self.tr("Show:")))
        second.addWidget(self.status_filter)
        second.addWidget(self.group_box)
        second.addWidget(self.csv_button)
        for combo in (self.check_filter, self.severity_filter, self.status_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addLayout(second)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.detail)
        self._update_buttons()

    # -- contents ---------------------------------------------------------------
    def set_issues(self, issues: Sequence[Issue], ignored: frozenset[Issue] = frozenset()) -> None:
        """Replace the list (`ignored` among `issues`: shown by the status filter); keep
        the selection on the same issue (or its neighbour)."""
        current = self.current_issue()
        row = self.table.currentIndex().row()
        self.model.set_issues(issues, ignored)
        self._loaded = True
        self._refill_checks([i for i in issues if i not in ignored])
        if current is not None:
            self._restore(current, row)
        self._update_buttons()

    def _refill_checks(self, issues: Sequence[Issue]) -> None:
        """The check filter and the counts line: each check with its open issues."""
        chosen = self.check_filter.currentData()
        counts = Counter(i.check for i in issues)
        checks = sorted(counts, key=label_for)
        if chosen is not None and chosen not in checks:
            checks.append(chosen)
        self.check_filter.blockSignals(True)
        self.check_filter.clear()
        self.check_filter.addItem(self.tr("All ({n})").format(n=len(issues)), None)
        for check in checks:
            self.check_filter.addItem(f"{label_for(check)} ({counts.get(check, 0)})", check)
        self.check_filter.setCurrentIndex(max(0, self.check_filter.findData(chosen)))
        self.check_filter.blockSignals(False)
        self.counts.setText(
            " · ".join(f"{label_for(c)}: {counts[c]}" for c in checks if counts.get(c))
        )

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
        self.proxy.set_status(self.status_filter.currentData())
        self._update_buttons()

    # -- selection --------------------------------------------------------------
    def current_issue(self) -> Issue | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.issue_at(index.row())

    def select_issue(self, issue: Issue, emit: bool = True) -> bool:
        """Select `issue`'s row; with emit=False the grid is not moved (it is already there)."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.issue_at(row) == issue:
                self._select_row(row, emit)
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
        ignored = issue is not None and self.model.is_ignored(issue)
        self.ignore_button.setText(self.tr("Un-&ignore") if ignored else self.tr("&Ignore"))
        self._update_view(issue)

    def _update_view(self, issue: Issue | None) -> None:
        """The table, or a sentence when it has no rows; the full text of the selected
        issue on a line of its own (a narrow window elides the message column)."""
        empty = self.proxy.rowCount() == 0
        if empty:
            filtered = (
                self.check_filter.currentData() is not None
                or self.severity_filter.currentData() is not None
                or self.status_filter.currentData() != STATUS_OPEN
            )
            self.empty_label.setText(
                "" if not self._loaded
                else self.tr("No issues match the filters.") if filtered
                else self.tr("No open issues.")
            )
        self.stack.setCurrentWidget(self.empty_label if empty else self.table)
        self.csv_button.setEnabled(not empty)
        if issue is None:
            self.detail.clear()
            return
        text = self.tr("Segment {n} · {check}: {message}").format(
            n=issue.pair + 1, check=label_for(issue.check), message=issue.message
        )
        if issue.suggestion:
            text += "  " + self.tr("→ {s}").format(s=issue.suggestion)
        self.detail.setText(text)

    def _group_toggled(self, on: bool) -> None:
        """Group by check: sort by the check column (the article's order within each);
        off: back to the checker's order."""
        if on:
            self.table.sortByColumn(COL_CHECK, Qt.SortOrder.AscendingOrder)
        else:
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self.proxy.sort(-1)

    # -- export -----------------------------------------------------------------
    def rows(self) -> list[list[str]]:
        """The rows the list shows, in its order, as text."""
        return [
            self.model.row_texts(self.proxy.issue_at(r)) for r in range(self.proxy.rowCount())
        ]

    def export_csv(self, path: str) -> str | None:
        """Write the shown rows; the error message, or None when written."""
        try:
            write_csv(path, self.rows())
        except VersoError as exc:
            return str(exc)
        return None

    def export_csv_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Issues"), "issues.csv", self.tr("CSV (*.csv)")
        )
        if path:
            if not path.lower().endswith(".csv"):
                path += ".csv"
            error = self.export_csv(path)
            self.csv_exported.emit(path, error or "")


