"""The glossary pane: every entry in a searchable, sortable table, and where the
selected entry occurs in the open article (click a place to select it in the grid).

The pane only shows and asks; writes go through GlossarySync (locked merge,
atomic save), so the pane never touches the file itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.glossary.matcher import GlossaryIndex
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.model.document import Pair
from app.core.model.issues import Side
from app.ui.glossary.segment_terms import SegmentTerms

ModelIndex = QModelIndex | QPersistentModelIndex
COLUMNS = (
    QT_TRANSLATE_NOOP("GlossaryModel", "Source"),
    QT_TRANSLATE_NOOP("GlossaryModel", "Rendering"),
    QT_TRANSLATE_NOOP("GlossaryModel", "Forbidden"),
    QT_TRANSLATE_NOOP("GlossaryModel", "Note"),
    QT_TRANSLATE_NOOP("GlossaryModel", "Author"),
    QT_TRANSLATE_NOOP("GlossaryModel", "Updated"),
)
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_COLUMN_WIDTH = 170


def _cell(entry: GlossaryEntry, column: int) -> str:
    if column == 0:
        return entry.source
    if column == 1:
        return " | ".join(entry.targets)
    if column == 2:
        return " | ".join(entry.forbidden)
    if column == 3:
        return entry.note
    return entry.get_extra("author" if column == 4 else "updated")


class GlossaryModel(QAbstractTableModel):
    """Entries as rows; the entry itself under ENTRY_ROLE."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[GlossaryEntry] = []

    def set_entries(self, entries: Sequence[GlossaryEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _cell(entry, index.column())
        if role == ENTRY_ROLE:
            return entry
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate("GlossaryModel", str(COLUMNS[section]))
        return None


class GlossaryFilter(QSortFilterProxyModel):
    """Case-insensitive search in every column; sorting that ignores case."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortLocaleAware(True)


@dataclass(frozen=True)
class Place:
    """Where an entry occurs: pair, side, span, and what kind of match it is."""

    pair: int
    side: Side
    start: int
    end: int
    text: str
    kind: str  # source, approved, forbidden


def find_places(entry: GlossaryEntry, pairs: Sequence[Pair], source_lang: str) -> list[Place]:
    """Every occurrence of the entry's source term and renderings in the article."""
    index = GlossaryIndex.build(Glossary([entry]), source_lang)
    places: list[Place] = []
    for pair in pairs:
        for m in index.source_matches(pair.source):
            places.append(Place(pair.index, Side.SOURCE, m.start, m.end, m.text, "source"))
        for m in index.target_matches(pair.target):
            places.append(Place(pair.index, Side.TARGET, m.start, m.end, m.text, m.kind))
    return places


class GlossaryPane(QWidget):
    """Search box, entry table, add / edit / delete, and the selected entry's places."""

    add_requested = Signal()
    edit_requested = Signal(object)  # GlossaryEntry
    delete_requested = Signal(object)
    entry_selected = Signal(object)  # GlossaryEntry | None
    place_clicked = Signal(object)  # Place

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fit_pending = False  # entries came while hidden: fit the columns when shown
        self.model = GlossaryModel(self)
        self.proxy = GlossaryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.segment_terms = SegmentTerms()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search source, rendering, forbidden, note…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the glossary"))
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Glossary entries"))
        self.table.setAccessibleDescription(self.tr("Double-click an entry to edit it"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # file order until asked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self._edit())
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.add_button.setToolTip(self.tr("Add an entry to the glossary"))
        self.edit_button.setToolTip(self.tr("Edit the selected entry"))
        self.delete_button.setToolTip(self.tr("Delete the selected entry from the glossary"))
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(self._edit)
        self.delete_button.clicked.connect(self._delete)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.places = QListWidget()
        self.places.setAccessibleName(self.tr("Where the term occurs in this article"))
        self.places.setAccessibleDescription(self.tr("Activate a place to show it in the article"))
        self.places.itemActivated.connect(self._on_place)
        self.places.itemClicked.connect(self._on_place)
        self.places_label = QLabel(self.tr("Where it occurs in this article:"))

        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.segment_terms)
        top_layout.addWidget(self.search)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.state)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.places_label)
        bottom_layout.addWidget(self.places, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)
        # Small windows stay possible: the dock may be squeezed, not the grid.
        self.setMinimumWidth(110)
        self.set_read_only(True, self.tr("No glossary: Glossary > New Glossary… or Open Glossary…"))

    # -- state -------------------------------------------------------------------
    def set_entries(self, entries: Sequence[GlossaryEntry]) -> None:
        """Show new entries, keeping the selected entry selected when it still exists."""
        current = self.current_entry()
        self.model.set_entries(entries)
        if current is not None:
            self.select_source(current.source)
        self._fit_columns()
        self._on_selection()

    def _fit_columns(self) -> None:
        """Source and rendering visible side by side in a narrow dock; long notes cut.

        A hidden pane (the dock is closed on first start) fits them when shown:
        measuring every cell costs ~0.1 s on the UI thread as the first check lands."""
        if not self.isVisible():
            self._fit_pending = True
            return
        self._fit_pending = False
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            header.resizeSection(column, min(header.sectionSize(column), MAX_COLUMN_WIDTH))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_pending:
            self._fit_columns()

    def set_read_only(self, read_only: bool, message: str = "") -> None:
        self.read_only = read_only
        self.add_button.setEnabled(not read_only)
        self._on_selection()
        self.state.setText(message)
        self.state.setVisible(bool(message))

    def current_entry(self) -> GlossaryEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        entry = rows[0].data(ENTRY_ROLE)
        return entry if isinstance(entry, GlossaryEntry) else None

    def select_source(self, source: str) -> bool:
        key = " ".join(source.split()).casefold()
        for row in range(self.proxy.rowCount()):
            entry = self.proxy.index(row, 0).data(ENTRY_ROLE)
            if isinstance(entry, GlossaryEntry) and entry.key == key:
                self.table.selectRow(row)
                return True
        return False

    def show_places(self, places: Sequence[Place]) -> None:
        self.places.clear()
        for place in places:
            side = self.tr("source") if place.side is Side.SOURCE else self.tr("translation")
            label = {"forbidden": "  ✗ " + self.tr("forbidden"), "approved": "  ✓"}.get(
                place.kind, ""
            )
            line = self.tr("Segment {number}, {side}: {text}").format(
                number=place.pair + 1, side=side, text=place.text
            )
            item = QListWidgetItem(line + label)
            item.setData(ENTRY_ROLE, place)
            self.places.addItem(item)
        if not places:
            self.places.addItem(QListWidgetItem(self.tr("(not in this article)")))

    # -- events ------------------------------------------------------------------
    def _on_selection(self) -> None:
        entry = self.current_entry()
        writable = entry is not None and not getattr(self, "read_only", True)
        self.edit_button.setEnabled(writable)
        self.delete_button.setEnabled(writable)
        self.entry_selected.emit(entry)

    def _edit(self) -> None:
        entry = self.current_entry()
        if entry is not None and not self.read_only:
            self.edit_requested.emit(entry)

    def _delete(self) -> None:
        entry = self.current_entry()
        if entry is not None and not self.read_only:
            self.delete_requested.emit(entry)

    def _on_place(self, item: QListWidgetItem) -> None:
        place = item.data(ENTRY_ROLE)
        if isinstance(place, Place):
            self.place_clicked.emit(place)
