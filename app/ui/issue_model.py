"""The issue list as a table model, and a proxy that filters by check and severity."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from app.core.model.issues import Issue, Severity
from app.ui.check_names import severity_name
from app.ui.highlighter import colour_for, label_for, text_colour_for
from app.ui.theme import current_palette, severity_colour

COLUMNS = (
    QT_TRANSLATE_NOOP("IssueModel", "Severity"), QT_TRANSLATE_NOOP("IssueModel", "Check"),
    QT_TRANSLATE_NOOP("IssueModel", "Segment"), QT_TRANSLATE_NOOP("IssueModel", "Text"),
    QT_TRANSLATE_NOOP("IssueModel", "Message"), QT_TRANSLATE_NOOP("IssueModel", "Suggestion"),
)  # fmt: skip
COL_SEVERITY, COL_CHECK, COL_SEGMENT, COL_TEXT, COL_MESSAGE, COL_SUGGESTION = range(6)
IssueRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

# The roles data() answers: the view asks each cell for a dozen (decoration, alignment,
# size hint...) each time it sizes its columns (~700 calls for six issues on the first
# show); the others are turned away before the index is even looked at.
ROLES = frozenset(int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole,
    IssueRole, SortRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
))  # fmt: skip

AnyIndex = QModelIndex | QPersistentModelIndex
STATUS_OPEN, STATUS_IGNORED, STATUS_ALL = "open", "ignored", "all"


class IssueModel(QAbstractTableModel):
    """Read-only rows of issues, in the checker's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._issues: list[Issue] = []
        self._ignored: frozenset[Issue] = frozenset()

    def set_issues(self, issues: Sequence[Issue], ignored: frozenset[Issue] = frozenset()) -> None:
        """All issues, `ignored` among them (shown only when the filter asks)."""
        self.beginResetModel()
        self._issues = list(issues)
        self._ignored = ignored
        self.endResetModel()

    def is_ignored(self, issue: Issue) -> bool:
        return issue in self._ignored

    def issues(self) -> list[Issue]:
        return list(self._issues)

    def row_texts(self, issue: Issue) -> list[str]:
        """The cells of one row as shown, plus its status (for CSV export)."""
        cells = [self._display(issue, c) for c in range(len(COLUMNS))]
        return [*cells, "ignored" if issue in self._ignored else "open"]

    def issue(self, row: int) -> Issue:
        return self._issues[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._issues)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(COLUMNS):
            return self.tr(str(COLUMNS[section]))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in ROLES or not index.isValid() or not 0 <= index.row() < len(self._issues):
            return None
        issue = self._issues[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._display(issue, column)
            if column == COL_SEVERITY and issue in self._ignored:
                return self.tr("{severity} (ignored)").format(severity=text)
            return text
        if role == Qt.ItemDataRole.FontRole and issue in self._ignored:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return issue.message
        if role == IssueRole:
            return issue
        if role == SortRole:
            # Ties keep the article's order (segment, offset): a sort by check groups.
            where = f"{issue.pair:07d}{issue.start:07d}"
            if column == COL_SEVERITY:
                return f"{9 - issue.severity.rank}{where}"
            if column == COL_SEGMENT:
                return where
            return f"{self._display(issue, column).casefold()}\x00{where}"
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_CHECK:
            return QBrush(colour_for(issue.check))
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_CHECK:
            return QBrush(text_colour_for(issue.check))
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_SEVERITY:
            return QBrush(severity_colour(issue.severity, current_palette()))
        return None

    @staticmethod
    def _display(issue: Issue, column: int) -> str:
        if column == COL_SEVERITY:
            return severity_name(issue.severity)  # as text: never by colour alone
        if column == COL_CHECK:
            return label_for(issue.check)
        if column == COL_SEGMENT:
            return str(issue.pair + 1)
        if column == COL_TEXT:
            return issue.text
        if column == COL_MESSAGE:
            return issue.message
        return issue.suggestion or ""

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class IssueFilter(QSortFilterProxyModel):
    """Shows the issues whose check and severity are enabled (None: all)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._check: str | None = None
        self._severity: Severity | None = None
        self._status = STATUS_OPEN
        self.setSortRole(SortRole)

    def set_status(self, status: str) -> None:
        """STATUS_OPEN, STATUS_IGNORED or STATUS_ALL."""
        self.beginFilterChange()
        self._status = status
        self.endFilterChange()

    def set_check(self, check: str | None) -> None:
        self.beginFilterChange()
        self._check = check
        self.endFilterChange()

    def set_severity(self, severity: Severity | None) -> None:
        self.beginFilterChange()
        # QComboBox item data turns a StrEnum into a plain str: convert it back.
        self._severity = None if severity is None else Severity(severity)
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, IssueModel):
            return True
        issue = model.issue(source_row)
        ignored = model.is_ignored(issue)
        if (self._status == STATUS_OPEN and ignored) or (
            self._status == STATUS_IGNORED and not ignored
        ):
            return False
        if self._check is not None and issue.check != self._check:
            return False
        return self._severity is None or issue.severity is self._severity

    def issue_at(self, row: int) -> Issue:
        value = self.data(self.index(row, 0), IssueRole)
        assert isinstance(value, Issue)
        return value
