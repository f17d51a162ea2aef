"""Help: the keyboard shortcuts, read from the window's own actions (so the list
cannot go stale), and one page per check, built from the check registry."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
)

from app.core.checks.base import Check
from app.ui.check_names import category_name, severity_name, translated_label

CHECK_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Shortcut:
    menu: str
    command: str
    keys: str


def plain(text: str) -> str:
    """Menu text without its mnemonic ampersands and trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _walk(menu: QMenu, path: str, seen: set[int], rows: list[Shortcut]) -> None:
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            _walk(sub, f"{path} › {plain(sub.title())}", seen, rows)
            continue
        if action.isSeparator() or id(action) in seen:
            continue
        keys = [k for k in action.shortcuts() if not k.isEmpty()]
        if keys:
            seen.add(id(action))
            text = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
            rows.append(Shortcut(path, plain(action.text()), text))


def shortcut_rows(window: QMainWindow) -> list[Shortcut]:
    """Every action with a shortcut: those in the menus (in menu order), then any
    other action of the window (a dock's toggle, a hidden command)."""
    rows: list[Shortcut] = []
    seen: set[int] = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            _walk(menu, plain(menu.title()), seen, rows)
    for action in window.findChildren(QAction):
        keys = [k for k in action.shortcuts() if not k.isEmpty()]
        if keys and id(action) not in seen and action.text():
            seen.add(id(action))
            text = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
            rows.append(Shortcut("", plain(action.text()), text))
    return rows


def check_classes() -> list[type[Check]]:
    from app.core.checks.registry import CHECK_CLASSES, OPTIONAL_CHECK_CLASSES

    return [*CHECK_CLASSES, *OPTIONAL_CHECK_CLASSES]


def core_text(text: str) -> str:
    """A check's description or help in the interface language; tools/
    update_translations.py declares them for lupdate (context "CheckHelp")."""
    return QCoreApplication.translate("CheckHelp", text)


def check_page(cls: type[Check]) -> str:
    """The help page of one check: what it finds, why it matters, how to fix or ignore."""
    from app.core.checks.registry import OPTIONAL_CHECK_CLASSES

    e = html.escape
    t = {
        "id": QCoreApplication.translate("HelpDialog", "Identifier"),
        "category": QCoreApplication.translate("HelpDialog", "Category"),
        "severity": QCoreApplication.translate("HelpDialog", "Default severity"),
        "optional": QCoreApplication.translate("HelpDialog", "optional, run on request"),
        "finds": QCoreApplication.translate("HelpDialog", "What it finds"),
        "why": QCoreApplication.translate("HelpDialog", "Why, and how to fix it"),
        "false": QCoreApplication.translate("HelpDialog", "A false alarm?"),
        "ignore": QCoreApplication.translate(
            "HelpDialog",
            "Edit > Ignore Issue hides it for this review; the ignore is saved "
            "with the review and can be undone. On the command line, --exclude %1 skips "
            "the check.",
        ).replace("%1", cls.id),
    }
    facts = (
        f"<b>{e(t['id'])}:</b> <code>{e(cls.id)}</code> · "
        f"<b>{e(t['category'])}:</b> {e(category_name(cls.category))} · "
        f"<b>{e(t['severity'])}:</b> {e(severity_name(cls.default_severity))}"
    )
    if cls in OPTIONAL_CHECK_CLASSES:
        facts += f" · {e(t['optional'])}"
    parts = [
        f"<h2>{e(translated_label(cls.label))}</h2>",
        f"<p>{facts}</p>",
        f"<h3>{e(t['finds'])}</h3><p>{e(core_text(cls.description))}</p>",
    ]
    if cls.help:
        parts.append(f"<h3>{e(t['why'])}</h3><p>{e(core_text(cls.help))}</p>")
    parts.append(f"<h3>{e(t['false'])}</h3><p>{e(t['ignore'])}</p>")
    return "\n".join(parts)


class HelpDialog(QDialog):
    """Two tabs: the keyboard shortcuts, and a page per check."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Verso Help"))
        self.resize(760, 520)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Help topics"))

        rows = shortcut_rows(window)
        self.shortcuts = QTableWidget(len(rows), 3)
        self.shortcuts.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.shortcuts.setHorizontalHeaderLabels(
            [self.tr("Menu"), self.tr("Command"), self.tr("Shortcut")]
        )
        self.shortcuts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.shortcuts.verticalHeader().setVisible(False)
        for r, row in enumerate(rows):
            for c, text in enumerate((row.menu, row.command, row.keys)):
                self.shortcuts.setItem(r, c, QTableWidgetItem(text))
        self.shortcuts.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.shortcuts.resizeColumnToContents(0)
        self.shortcuts.resizeColumnToContents(2)
        self.tabs.addTab(self.shortcuts, self.tr("Keyboard shortcuts"))

        self.check_list = QListWidget()
        self.check_list.setAccessibleName(self.tr("Checks"))
        self.page = QTextBrowser()
        self.page.setAccessibleName(self.tr("Help page of the check"))
        self.page.setOpenExternalLinks(True)
        self._pages: dict[str, str] = {}
        for cls in check_classes():
            item = QListWidgetItem(translated_label(cls.label))
            item.setData(CHECK_ROLE, cls.id)
            self.check_list.addItem(item)
            self._pages[cls.id] = check_page(cls)
        self.check_list.currentItemChanged.connect(self._show_check)
        split = QSplitter()
        split.addWidget(self.check_list)
        split.addWidget(self.page)
        split.setStretchFactor(1, 1)
        self.tabs.addTab(split, self.tr("Checks"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.check_list.setCurrentRow(0)

    def _show_check(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.page.setHtml(self._pages[str(item.data(CHECK_ROLE))])

    def show_check(self, check_id: str) -> bool:
        """Open the Checks tab at one check's page."""
        for row in range(self.check_list.count()):
            if self.check_list.item(row).data(CHECK_ROLE) == check_id:
                self.tabs.setCurrentIndex(1)
                self.check_list.setCurrentRow(row)
                return True
        return False

    def page_html(self, check_id: str) -> str:
        return self._pages[check_id]
