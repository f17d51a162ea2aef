"""Menu actions and their shortcuts, declared in one place; Qt shows the
shortcuts in the menus, so the keyboard is discoverable."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


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
        self.open = make("&Open Source and Translation…", QKeySequence(sk.Open),
                         "Open an article and its machine translation")
        self.open_review = make("Open &Review…", "Ctrl+Shift+O", "Open a saved .verso review")
        self.save = make("&Save Review", QKeySequence(sk.Save), "Save the review (.verso)")
        self.save_as = make("Save Review &As…", QKeySequence(sk.SaveAs))
        self.export = make("&Export Corrected Article…", "Ctrl+E",
                           "Write the corrected translation as .txt, .md, .html or .docx")
        self.quit = make("&Quit", QKeySequence(sk.Quit))
        self.undo = make("&Undo", QKeySequence(sk.Undo))
        self.redo = make("&Redo", QKeySequence(sk.Redo))
        self.apply = make("&Apply Suggestion", "Ctrl+Return",
                          "Replace the flagged text with the suggestion")
        self.apply_all = make("Apply Suggestion to &All", "Ctrl+Shift+Return",
                              "Replace every occurrence of the flagged text in the article")
        self.ignore = make("&Ignore Issue", "Ctrl+I", "Hide this false alarm for this review")
        self.next_issue = make("&Next Issue", "F8")
        self.previous_issue = make("&Previous Issue", "Shift+F8")
        self.recent_menu = QMenu("Open &Recent", window)

        bar = window.menuBar()
        self.file_menu = file_menu = bar.addMenu("&File")
        file_menu.addAction(self.open)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.open_review)
        file_menu.addSeparator()
        file_menu.addAction(self.save)
        file_menu.addAction(self.save_as)
        file_menu.addAction(self.export)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        self.edit_menu = edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.undo)
        edit_menu.addAction(self.redo)
        edit_menu.addSeparator()
        edit_menu.addAction(self.apply)
        edit_menu.addAction(self.apply_all)
        edit_menu.addAction(self.ignore)
        self.view_menu = bar.addMenu("&View")
        go_menu = bar.addMenu("&Go")
        go_menu.addAction(self.next_issue)
        go_menu.addAction(self.previous_issue)
        self.review_actions = [
            self.save, self.save_as, self.export, self.apply, self.apply_all, self.ignore,
            self.next_issue, self.previous_issue,
        ]
