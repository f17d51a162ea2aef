"""Menu actions and their shortcuts, declared in one place; Qt shows the
shortcuts in the menus, so the keyboard is discoverable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

translate = QCoreApplication.translate  # lupdate reads translate("Actions", ...)


class Actions:
    """Every QAction of the main window (triggers are connected by the window)."""

    def __init__(self, window: QMainWindow) -> None:
        def make(text: str, shortcut: QKeySequence | str | None = None, tip: str = "") -> QAction:
            action = QAction(text, window)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            if tip:
                action.setStatusTip(tip)
            window.addAction(action)
            return action

        sk = QKeySequence.StandardKey
        self.open = make(
            translate("Actions", "&Open Source and Translation…"), QKeySequence(sk.Open),
            translate("Actions", "Open an article and its machine translation"),
        )
        self.open_review = make(
            translate("Actions", "Open &Review…"), "Ctrl+Shift+O",
            translate("Actions", "Open a saved .verso review"),
        )
        self.save = make(
            translate("Actions", "&Save Review"), QKeySequence(sk.Save),
            translate("Actions", "Save the review (.verso)"),
        )
        self.save_as = make(translate("Actions", "Save Review &As…"), QKeySequence(sk.SaveAs))
        self.export = make(
            translate("Actions", "&Export Corrected Article…"), "Ctrl+E",
            translate("Actions", "Write the corrected translation as .txt, .md, .html or .docx"),
        )
        self.quit = make(translate("Actions", "&Quit"), QKeySequence(sk.Quit))
        self.undo = make(translate("Actions", "&Undo"), QKeySequence(sk.Undo))
        self.redo = make(translate("Actions", "&Redo"), QKeySequence(sk.Redo))
        # Ctrl+Return confirms a segment (segment_status.py), as in memoQ and Trados.
        self.apply = make(
            translate("Actions", "&Apply Suggestion"), "Alt+Return",
            translate("Actions", "Replace the flagged text with the suggestion"),
        )
        self.apply_all = make(
            translate("Actions", "Apply Suggestion to &All"), "Alt+Shift+Return",
            translate("Actions", "Replace every occurrence of the flagged text in the article"),
        )
        self.ignore = make(
            translate("Actions", "&Ignore Issue"), "Ctrl+I",
            translate("Actions", "Hide this false alarm for this review"),
        )
        self.next_issue = make(translate("Actions", "&Next Issue"), "F8")
        self.previous_issue = make(translate("Actions", "&Previous Issue"), "Shift+F8")
        self.recent_menu = QMenu(translate("Actions", "Open &Recent"), window)

        bar = window.menuBar()
        self.file_menu = file_menu = bar.addMenu(translate("Actions", "&File"))
        file_menu.addAction(self.open)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.open_review)
        file_menu.addSeparator()
        file_menu.addAction(self.save)
        file_menu.addAction(self.save_as)
        file_menu.addAction(self.export)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        self.edit_menu = edit_menu = bar.addMenu(translate("Actions", "&Edit"))
        edit_menu.addAction(self.undo)
        edit_menu.addAction(self.redo)
        edit_menu.addSeparator()
        edit_menu.addAction(self.apply)
        edit_menu.addAction(self.apply_all)
        edit_menu.addAction(self.ignore)
        self.view_menu = bar.addMenu(translate("Actions", "&View"))
        self.go_menu = go_menu = bar.addMenu(translate("Actions", "&Go"))
        go_menu.addAction(self.next_issue)
        go_menu.addAction(self.previous_issue)
        self.review_actions = [
            self.save, self.save_as, self.export, self.apply, self.apply_all, self.ignore,
            self.next_issue, self.previous_issue,
        ]
