"""Puts the glossary into the window: the pane (a dock), the Glossary menu, the
message bars above the grid, and the wiring between them, the store and the
review. MainWindow creates one GlossaryUi and keeps it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QDockWidget, QMenu

from app.core.glossary.model import GlossaryEntry
from app.core.model.issues import Issue, Severity
from app.core.review.corrections import ProposedEntry
from app.ui.glossary import dialogs as glossary_dialogs
from app.ui.glossary.pane import GlossaryPane, Place, find_places
from app.ui.glossary.proposals import MessageBar, Proposals, default_author, describe
from app.ui.glossary.sync import GlossarySync

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

KEY_AUTHOR = "glossary/author"


class GlossaryUi(QObject):
    """Everything glossary in one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.sync = GlossarySync(window, self.controller.reload_glossary)
        self.pane = GlossaryPane()
        self.dock = QDockWidget("Glossary", window)
        self.dock.setObjectName("glossaryDock")
        self.dock.setWidget(self.pane)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [420], Qt.Orientation.Horizontal)
        self.problem_bar = MessageBar(tone="error")
        self.proposal_bar = MessageBar(tone="info")
        self.proposals = Proposals(self.controller, lambda: self.sync.glossary, self.author)
        self._insert_bars()
        self._make_actions()
        self._connect()
        window.installEventFilter(self)

    def _insert_bars(self) -> None:
        top = self.window.splitter.widget(0)
        layout = top.layout() if top is not None else None
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, self.proposal_bar)
            layout.insertWidget(0, self.problem_bar)

    def _make_actions(self) -> None:
        w = self.window

        def make(text: str, slot: object, shortcut: str = "") -> QAction:
            action = QAction(text, w)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            w.addAction(action)
            return action

        self.toggle = self.dock.toggleViewAction()
        self.toggle.setText("&Glossary Pane")
        self.toggle.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.new_action = make("&New Glossary…", self.new_glossary)
        self.open_action = make("&Open Glossary…", self.open_glossary)
        self.add_action = make("&Add Entry…", self.add_entry, "Ctrl+G")
        self.reload_action = make("&Reload", self.sync.check_file)
        self.fix_action = make("&Fix File…", self.fix_file)
        self.overwrite_action = make("Over&write Anyway…", self.sync.overwrite_anyway)
        bar = w.menuBar()
        view = next(
            (a.menu() for a in bar.actions()
             if isinstance(a.menu(), QMenu) and a.text().replace("&", "") == "View"),
            None,
        )  # fmt: skip
        if not isinstance(view, QMenu):
            view = bar.addMenu("&View")
        view.addAction(self.toggle)
        self.menu = bar.addMenu("&Glossary")
        self.menu.addAction(self.toggle)
        self.menu.addSeparator()
        for action in (self.new_action, self.open_action, self.add_action, self.reload_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.fix_action)
        self.menu.addAction(self.overwrite_action)

    def _connect(self) -> None:
        c, p, s = self.controller, self.pane, self.sync
        c.loaded.connect(self._on_loaded)
        c.issues_changed.connect(self._refresh_places)
        s.changed.connect(self._on_glossary_changed)
        s.reloaded.connect(
            lambda: self.window.statusBar().showMessage("Glossary reloaded from disk.", 4000)
        )
        p.add_requested.connect(self.add_entry)
        p.edit_requested.connect(self.edit_entry)
        p.delete_requested.connect(self.delete_entry)
        p.entry_selected.connect(lambda _e: self._refresh_places())
        p.place_clicked.connect(self._select_place)
        self.proposals.changed.connect(self._show_proposal)
        self._on_glossary_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.WindowActivate:
            self.sync.check_file()  # network drives may never notify the watcher
        return False

    # -- state -------------------------------------------------------------------
    def author(self) -> str:
        return default_author(self.window.settings.qs.value(KEY_AUTHOR))

    def _on_loaded(self) -> None:
        review = self.controller.review
        wanted = review.glossary_path if review is not None else None
        current = str(self.sync.path) if self.sync.path is not None else None
        if wanted != current:
            self.sync.set_path(wanted)

    def _on_glossary_changed(self) -> None:
        s = self.sync
        self.pane.set_entries(s.entries)
        if s.store is None:
            self.pane.set_read_only(True, "No glossary: Glossary > New Glossary… or Open Glossary…")
        elif s.loading:
            self.pane.set_read_only(True, f"Loading {s.path}…")
        elif s.error:
            self.pane.set_read_only(True, "Read-only: the file has problems (see the bar above).")
        else:
            self.pane.set_read_only(False, f"{len(s.entries)} entries · {s.path}")
        self.dock.setWindowTitle("Glossary" if s.path is None else f"Glossary — {s.path.name}")
        has = s.store is not None
        self.add_action.setEnabled(not s.read_only)
        self.reload_action.setEnabled(has)
        self.fix_action.setEnabled(bool(s.error))
        self.overwrite_action.setEnabled(bool(s.error))
        if s.error:
            first = s.error.splitlines()
            shown = "\n".join(first[:4]) + ("\n…" if len(first) > 4 else "")
            self.problem_bar.show_message(
                f"The glossary cannot be saved until it is fixed. {shown}",
                [("Fix File…", self.fix_file), ("Overwrite Anyway…", self.sync.overwrite_anyway)],
            )
        else:
            self.problem_bar.clear()
        self._show_proposal()

    def _refresh_places(self) -> None:
        entry = self.pane.current_entry()
        review = self.controller.review
        if entry is None or review is None:
            self.pane.places.clear()
            return
        self.pane.show_places(find_places(entry, review.pairs, review.source_lang))

    def _select_place(self, place: Place) -> None:
        issue = Issue("glossary", Severity.INFO, place.pair, place.side, place.start,
                      place.end, place.text, "")  # fmt: skip
        self.window.article.select_issue(issue)

    # -- proposals ---------------------------------------------------------------
    def _show_proposal(self) -> None:
        pending = self.proposals.pending()
        if not pending or self.sync.store is None:
            self.proposal_bar.clear()
            return
        first = pending[0]
        more = f"  (1 of {len(pending)})" if len(pending) > 1 else ""
        self.proposal_bar.show_message(
            describe(first) + more,
            [("Add…", lambda: self.accept_proposal(first)),
             ("Dismiss", lambda: self.proposals.dismiss(first))],
        )  # fmt: skip

    def accept_proposal(self, proposal: ProposedEntry) -> bool:
        edited = glossary_dialogs.ask_entry(self.window, proposal.to_entry(), "Add to Glossary")
        if edited is None:
            return False

        def added() -> None:
            self.window.statusBar().showMessage(f"Added “{edited.source}” to the glossary.", 4000)
            self.proposals.dismiss(proposal)

        return self.sync.add(edited, then=added)  # True: saving (on the thread pool)

    # -- entries -----------------------------------------------------------------
    def add_entry(self) -> None:
        entry = glossary_dialogs.ask_entry(self.window, None, "New Glossary Entry")
        if entry is not None:
            if not entry.get_extra("author"):
                entry = entry.with_extra("author", self.author())
            source = entry.source
            self.sync.add(entry, then=lambda: self.pane.select_source(source))

    def edit_entry(self, entry: GlossaryEntry) -> None:
        edited = glossary_dialogs.ask_entry(self.window, entry, "Edit Glossary Entry")
        if edited is not None and edited != entry:
            source = edited.source
            self.sync.replace_entry(entry, edited, then=lambda: self.pane.select_source(source))

    def delete_entry(self, entry: GlossaryEntry) -> None:
        self.sync.delete(entry)

    # -- files -------------------------------------------------------------------
    def _start_dir(self) -> str:
        return str(self.sync.path.parent) if self.sync.path else self.window.settings.last_dir()

    def _use(self, path: str) -> None:
        review = self.controller.review
        if review is not None:
            review.glossary_path = str(Path(path).resolve())
            self.controller.reload_glossary()
        self.window.settings.set_last_glossary(path)

    def new_glossary(self) -> None:
        path = glossary_dialogs.ask_glossary_path(self.window, self._start_dir(), new=True)
        if path and self.sync.create(path):
            self._use(path)

    def open_glossary(self) -> None:
        path = glossary_dialogs.ask_glossary_path(self.window, self._start_dir(), new=False)
        if path:
            self.sync.set_path(path)
            self._use(path)

    def fix_file(self) -> None:
        if self.sync.path is None:
            return
        glossary_dialogs.open_folder(str(self.sync.path.parent))
        glossary_dialogs.show_problems(
            self.window,
            f"{self.sync.error}\n\nFix the file in a text editor or spreadsheet and save it: "
            "Verso reloads it by itself.",
        )
