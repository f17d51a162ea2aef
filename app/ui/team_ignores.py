"""The team's ignore list in the window: "ignore this check for this text in every
article" (saved beside the glossary through core's IgnoreStore: lock, merge, atomic
write) and a dialog that lists the rules and lets the editor change or remove them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.glossary.backend import is_url
from app.core.model.errors import VersoError
from app.core.model.issues import Issue
from app.core.review import ignore_list
from app.core.review.ignore_list import IgnoreRule, IgnoreStore
from app.ui.context import WindowContext
from app.ui.highlighter import label_for


class IgnoreListDialog(QDialog):
    """The rules of one ignore list: edit notes, remove rules."""

    def __init__(self, parent: QWidget | None, path: Path, rules: list[IgnoreRule]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Team Ignore List"))
        self.table = QTableWidget(len(rules), 3)
        self.table.setAccessibleName(self.tr("Team ignore rules"))
        self.table.setHorizontalHeaderLabels([self.tr("Check"), self.tr("Text"), self.tr("Note")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        for row, rule in enumerate(sorted(rules, key=lambda r: r.key)):
            for column, value in enumerate((label_for(rule.check), rule.text, rule.note)):
                item = QTableWidgetItem(value)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, rule.check)
                    item.setToolTip(rule.check)
                if column < 2:  # the key: remove the rule and add another to change it
                    item.setFlags(item.flags() & ~item.flags().ItemIsEditable)
                self.table.setItem(row, column, item)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected rules"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        where = QLabel(
            self.tr(
                "Issues listed here are never flagged, in any article "
                "checked with this glossary. Saved in {path}"
            ).format(path=path)
        )
        where.setWordWrap(True)
        layout.addWidget(where)
        layout.addWidget(self.table)
        layout.addWidget(self.remove_button)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)

    def rules(self) -> list[IgnoreRule]:
        out = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c) for c in range(3)]
            values = [c.text() if c is not None else "" for c in cells]
            check = cells[0].data(Qt.ItemDataRole.UserRole) if cells[0] is not None else None
            out.append(IgnoreRule(str(check or values[0]), values[1], values[2]))
        return out


def edit_rules(
    parent: QWidget | None, path: Path, rules: list[IgnoreRule]
) -> list[IgnoreRule] | None:
    """The dialog, modal; the edited rules, or None when cancelled (tests replace this)."""
    dialog = IgnoreListDialog(parent, path, rules)
    return dialog.rules() if dialog.exec() == QDialog.DialogCode.Accepted else None


class TeamIgnoresUi(QObject):
    """The actions and the store of the list beside the review's glossary."""

    def __init__(self, ctx: WindowContext, issue_here: Callable[[], Issue | None]) -> None:
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.controller = ctx.controller
        self._issue_here = issue_here
        self.store: IgnoreStore | None = None
        self.ignore_everywhere = QAction(self.tr("Ignore in &Every Article"), ctx.parent)
        self.ignore_everywhere.setShortcut("Ctrl+Shift+I")
        self.ignore_everywhere.setStatusTip(
            self.tr("Add this check and text to the team's ignore list beside the glossary")
        )
        ctx.parent.addAction(self.ignore_everywhere)
        self.edit_list = QAction(self.tr("Team &Ignore List…"), ctx.parent)
        self.edit_list.setStatusTip(self.tr("List and edit what the team never wants flagged"))
        self.ignore_everywhere.triggered.connect(self.ignore_current)
        self.edit_list.triggered.connect(self.edit)
        self.controller.glossary_rebuilt.connect(self.reload)

    def _path(self) -> Path | None:
        review = self.controller.review
        glossary = review.glossary_path if review is not None else None
        if glossary is None and self.ctx.glossary.path is not None:
            glossary = str(self.ctx.glossary.path)
        if glossary is None or is_url(glossary):  # a database: no file beside
            return None
        return ignore_list.path_for(glossary)

    def reload(self) -> None:
        """Read the list beside the review's glossary and apply it."""
        path = self._path()
        if path is None:
            self.store = None
            self.controller.set_team_ignores(frozenset())
            return
        store = (
            self.store
            if self.store is not None and self.store.path == path
            else (IgnoreStore(path))
        )
        try:
            rules = store.load()
        except VersoError as exc:
            self.ctx.status.show(str(exc), 8000)
            rules = []
        self.store = store
        self.controller.set_team_ignores(ignore_list.keys(rules))

    def _save(self, rules: list[IgnoreRule]) -> bool:
        if self.store is None:
            return False
        try:
            saved = self.store.save(rules)
        except VersoError as exc:
            self.ctx.ask.error(self.tr("Team Ignore List"), str(exc))
            return False
        self.controller.set_team_ignores(ignore_list.keys(saved))
        return True

    def ignore_current(self) -> None:
        issue = self._issue_here()
        if issue is None:
            self.ctx.status.show(self.tr("No issue here to ignore."))
            return
        self.ignore_issue(issue)

    def ignore_issue(self, issue: Issue) -> None:
        """Add (issue's check, its text) to the team's list and save it."""
        if self.store is None:
            self.reload()
        if self.store is None:
            self.ctx.status.show(self.tr("Open a glossary first: the team list is kept beside it."))
            return
        rule = IgnoreRule(issue.check, issue.text)
        rules = [r for r in self.store.rules if r.key != rule.key] + [rule]
        if self._save(rules):
            self.ctx.status.show(
                self.tr("“{text}” is no longer flagged by this check in any article.").format(
                    text=issue.text
                )
            )

    def edit(self) -> None:
        if self.store is None:
            self.reload()
        if self.store is None:
            self.ctx.status.show(self.tr("Open a glossary first: the team list is kept beside it."))
            return
        try:
            self.store.load()
        except VersoError as exc:  # a hand-edited file that no longer reads
            self.ctx.ask.error(self.tr("Team Ignore List"), str(exc))
            return
        chosen = edit_rules(self.ctx.parent, self.store.path, list(self.store.rules))
        if chosen is not None:
            self._save(chosen)
