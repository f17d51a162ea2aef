"""The glossary's part of the window: the pane (a dock), the Glossary menu, the
message bars above the grid, and the wiring between them, the store and the
review. It gets the window's context; MainWindow places its dock, menu and bars.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from app.core.glossary.backend import safe_location
from app.core.glossary.model import GlossaryEntry
from app.core.model.issues import Issue
from app.ui.context import WindowContext
from app.ui.glossary import dialogs as glossary_dialogs
from app.ui.glossary.pane import GlossaryPane, Place, find_places
from app.ui.glossary.proposals import MessageBar, Proposals, default_author, describe
from app.ui.glossary.segment_terms import SegmentTerm, terms_of

if TYPE_CHECKING:
    from app.core.review.corrections import ProposedEntry


class GlossaryUi(QObject):
    """Everything glossary in one window."""

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.controller = ctx.controller
        self.sync = ctx.glossary
        self.sync.author = self.author  # a glossary database's history names this editor
        # What "Add Entry" starts from: set by the window to the issue the editor is on.
        self.proposal: Callable[[], GlossaryEntry | None] | None = None
        self.pane = GlossaryPane()
        self.dock = QDockWidget(self.tr("Glossary"), ctx.parent)
        self.dock.setObjectName("glossaryDock")
        self.dock.setWidget(self.pane)
        self.problem_bar = MessageBar(tone="error")
        self.proposal_bar = MessageBar(tone="info")
        self.proposals = Proposals(self.controller, lambda: self.sync.glossary, self.author)
        self._segment: int | None = None  # the segment whose terms the pane lists
        self._make_actions()
        self._connect()
        ctx.parent.installEventFilter(self)

    def _make_actions(self) -> None:
        parent = self.ctx.parent

        def make(text: str, slot: object, shortcut: str = "") -> QAction:
            action = QAction(text, parent)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            parent.addAction(action)
            return action

        self.toggle = self.dock.toggleViewAction()
        self.toggle.setText(self.tr("&Glossary Pane"))
        self.toggle.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.new_action = make(self.tr("&New Glossary…"), self.new_glossary)
        self.open_action = make(self.tr("&Open Glossary…"), self.open_glossary)
        self.add_action = make(self.tr("&Add Entry…"), self.add_entry, "Ctrl+G")
        self.reload_action = make(self.tr("&Reload"), self.sync.check_file)
        self.fix_action = make(self.tr("&Fix File…"), self.fix_file)
        self.overwrite_action = make(self.tr("Over&write Anyway…"), self.sync.overwrite_anyway)
        self.insert_action = make(self.tr("&Insert Term"), lambda: None, "Ctrl+Shift+T")
        self.insert_action.setStatusTip(
            self.tr("Insert the approved rendering of the segment's selected term at the cursor")
        )
        self.menu = QMenu(self.tr("&Glossary"), parent)
        self.menu.addAction(self.toggle)
        self.menu.addSeparator()
        for action in (self.new_action, self.open_action, self.add_action, self.reload_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.insert_action)
        self.menu.addSeparator()
        self.menu.addAction(self.fix_action)
        self.menu.addAction(self.overwrite_action)

    def _connect(self) -> None:
        c, p, s = self.controller, self.pane, self.sync
        c.loaded.connect(self._on_loaded)
        c.loading.connect(self._on_review_loading)
        c.load_failed.connect(lambda _m: self._on_glossary_changed())
        c.issues_changed.connect(self._refresh_places)
        c.issues_changed.connect(self._refresh_segment)
        c.glossary_rebuilt.connect(self._refresh_segment)
        s.changed.connect(self._on_glossary_changed)
        s.version_changed.connect(c.set_glossary)
        s.reloaded.connect(lambda: self.ctx.status.show(self.tr("Glossary reloaded from disk.")))
        s.connection_changed.connect(self._on_connection)
        p.add_requested.connect(self.add_entry)
        p.edit_requested.connect(self.edit_entry)
        p.delete_requested.connect(self.delete_entry)
        p.entry_selected.connect(lambda _e: self._refresh_places())
        p.place_clicked.connect(self._select_place)
        self.proposals.changed.connect(self._show_proposal)
        self._on_glossary_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ctx.parent and event.type() == QEvent.Type.WindowActivate:
            self.sync.check_file()  # network drives may never notify the watcher
        return False

    # -- state -------------------------------------------------------------------
    def author(self) -> str:
        return default_author(self.ctx.settings.glossary_author())

    def _on_connection(self, up: bool, reason: str) -> None:
        """A glossary database went away or came back: say so until it changes."""
        if up:
            self.ctx.status.show(self.tr("Glossary server reconnected."))
        else:
            self.ctx.status.show(
                self.tr("Glossary server unreachable ({0}); retrying. Your edits are kept.")
                .format(reason), 0,
            )  # fmt: skip

    def _on_loaded(self) -> None:
        """Follow the glossary the review was checked with, adopting the version read."""
        review = self.controller.review
        wanted = review.glossary_path if review is not None else None
        current = self.sync.location
        if (safe_location(wanted) if wanted is not None else None) != current:
            self.sync.set_path(wanted, self.controller.glossary)
        else:
            self._on_glossary_changed()  # replaces the "loading" note

    def _on_review_loading(self) -> None:
        """The glossary is read with the article: say so, not "No glossary"."""
        if self.sync.store is None:
            self.pane.set_read_only(True, self.tr("Loading the article and its glossary…"))

    def _on_glossary_changed(self) -> None:
        s = self.sync
        self.pane.set_entries(s.entries)
        if s.store is None:
            self.pane.set_read_only(
                True, self.tr("No glossary: Glossary > New Glossary… or Open Glossary…")
            )
        elif s.loading:
            self.pane.set_read_only(True, self.tr("Loading {path}…").format(path=s.path))
        elif s.error:
            self.pane.set_read_only(
                True, self.tr("Read-only: the file has problems (see the bar above).")
            )
        else:
            self.pane.set_read_only(
                False, self.tr("{count} entries · {path}").format(count=len(s.entries), path=s.path)
            )
        title = self.tr("Glossary")
        self.dock.setWindowTitle(title if s.path is None else f"{title} — {s.path.name}")
        has = s.store is not None
        self.add_action.setEnabled(not s.read_only)
        self.reload_action.setEnabled(has)
        self.fix_action.setEnabled(bool(s.error))
        self.overwrite_action.setEnabled(bool(s.error))
        if s.error:
            first = s.error.splitlines()
            shown = "\n".join(first[:4]) + ("\n…" if len(first) > 4 else "")
            self.problem_bar.show_message(
                self.tr("The glossary cannot be saved until it is fixed. {problems}").format(
                    problems=shown
                ),
                [(self.tr("Fix File…"), self.fix_file),
                 (self.tr("Overwrite Anyway…"), self.sync.overwrite_anyway)],
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

    # -- the current segment -----------------------------------------------------
    def show_segment(self, index: int | None) -> None:
        """The editor moved to segment `index`: list its terms first."""
        self._segment = index
        self._refresh_segment()

    def _refresh_segment(self) -> None:
        index = self._segment
        review, version = self.controller.review, self.controller.glossary
        if index is None or review is None or not 0 <= index < len(review):
            self.pane.segment_terms.show_terms(None, [])
            return
        terms: list[SegmentTerm] = []
        if version is not None:
            terms = terms_of(version.index(review.source_lang), review.pairs[index])
        self.pane.segment_terms.show_terms(index, terms)

    def term_to_insert(self) -> str | None:
        """The approved rendering of the term selected in the segment's list."""
        term = self.pane.segment_terms.current_term()
        return term.rendering if term is not None and term.rendering else None

    def _select_place(self, place: Place) -> None:
        self.ctx.reveal(place.pair, place.side, place.start, place.end)

    # -- proposals ---------------------------------------------------------------
    def _show_proposal(self) -> None:
        pending = self.proposals.pending()
        if not pending or self.sync.store is None:
            self.proposal_bar.clear()
            return
        first = pending[0]
        more = self.tr("  (1 of {count})").format(count=len(pending)) if len(pending) > 1 else ""
        self.proposal_bar.show_message(
            describe(first) + more,
            [(self.tr("Add…"), lambda: self.accept_proposal(first)),
             (self.tr("Dismiss"), lambda: self.proposals.dismiss(first))],
        )  # fmt: skip

    def accept_proposal(self, proposal: ProposedEntry) -> bool:
        edited = self.ctx.ask.glossary_entry(proposal.to_entry(), self.tr("Add to Glossary"))
        if edited is None:
            return False

        def added() -> None:
            self.controller.record_glossary_entry(edited)
            added_text = self.tr("Added “{term}” to the glossary.")
            self.ctx.status.show(added_text.format(term=edited.source))
            self.proposals.dismiss(proposal)

        return self.sync.add(edited, then=added)  # True: saving (on the thread pool)

    # -- entries -----------------------------------------------------------------
    def add_entry(self) -> None:
        """A new entry; prefilled from the issue the editor is on when it proposes one
        (a name the glossary does not know: its form and its rendering in the article)."""
        proposed = self.proposal() if self.proposal is not None else None
        entry = self.ctx.ask.glossary_entry(proposed, self.tr("New Glossary Entry"))
        if entry is not None:
            if not entry.get_extra("author"):
                entry = entry.with_extra("author", self.author())
            added = entry

            def done() -> None:
                self.controller.record_glossary_entry(added)
                self.pane.select_source(added.source)

            self.sync.add(entry, then=done)

    def proposal_from(self, issue: Issue | None) -> GlossaryEntry | None:
        """The entry an issue proposes (Issue.entry), or None."""
        if issue is None or issue.entry is None:
            return None
        source, target = issue.entry
        return GlossaryEntry(source, (target,) if target else ())

    def edit_entry(self, entry: GlossaryEntry) -> None:
        edited = self.ctx.ask.glossary_entry(entry, self.tr("Edit Glossary Entry"))
        if edited is not None and edited != entry:
            source = edited.source
            self.sync.replace_entry(entry, edited, then=lambda: self.pane.select_source(source))

    def delete_entry(self, entry: GlossaryEntry) -> None:
        self.sync.delete(entry)

    # -- files -------------------------------------------------------------------
    def _start_dir(self) -> str:
        return str(self.sync.path.parent) if self.sync.path else self.ctx.settings.last_dir()

    def new_glossary(self) -> None:
        path = self.ctx.ask.glossary_path(self._start_dir(), new=True)
        if path and self.sync.create(path):
            self.ctx.settings.set_last_glossary(path)

    def open_glossary(self) -> None:
        path = self.ctx.ask.glossary_path(self._start_dir(), new=False)
        if path:
            self.sync.set_path(path)  # read on the pool; version_changed re-checks the article
            self.ctx.settings.set_last_glossary(path)

    def fix_file(self) -> None:
        if self.sync.path is None:
            return
        glossary_dialogs.open_folder(str(self.sync.path.parent))
        self.ctx.ask.glossary_problems(
            f"{self.sync.error}\n\n"
            + self.tr(
                "Fix the file in a text editor or spreadsheet and save it: "
                "Verso reloads it by itself."
            )
        )
