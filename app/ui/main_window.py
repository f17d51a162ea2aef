"""The review window: segment grid + marker bar on top, issue panel below.

It builds the one WindowContext its parts share (file operations, the glossary,
MT and reports), hands it to them, and places what they make: docks, menus,
message bars. The parts never see the window itself; the status bar's standing
widgets (hint, busy indicator, counts) are status_bar.StatusBarParts.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QSplitter, QVBoxLayout, QWidget

from app.core.model.issues import Issue, Side
from app.core.review.inputs import InputSpec
from app.ui.actions import Actions
from app.ui.article_view import ArticleView
from app.ui.context import StatusLine, WindowContext
from app.ui.controller import ReviewController
from app.ui.file_ops import FileOps
from app.ui.glossary.sync import GlossarySync
from app.ui.glossary.window_part import GlossaryUi
from app.ui.issue_actions import IssueActions
from app.ui.issue_panel import IssuePanel
from app.ui.legend import Legend
from app.ui.marker_bar import MarkerBar
from app.ui.mt_actions import MtUi
from app.ui.questions import Questions
from app.ui.segment_status import SegmentStatusUi
from app.ui.settings import Settings
from app.ui.status_bar import StatusBarParts
from app.ui.team_ignores import TeamIgnoresUi
from app.ui.window_extras import WindowExtras
from app.ui.window_opening import WindowOpening

if TYPE_CHECKING:  # the find dialog loads when first opened
    from app.ui.find_replace import FindReplaceDialog


class MainWindow(QMainWindow):
    def __init__(
        self, settings: Settings | None = None, controller: ReviewController | None = None
    ) -> None:
        super().__init__()
        self.settings = settings if settings is not None else Settings()
        self.controller = controller if controller is not None else ReviewController(self)
        self.setWindowTitle("Verso[*]")
        self.setAcceptDrops(True)
        self.actions_ = Actions(self)

        self.article = ArticleView()
        self.marker_bar = MarkerBar()
        self.legend = Legend()
        self.panel = IssuePanel()
        self.issue_actions = IssueActions(
            self, self.controller, self.article, self.panel, self.statusBar(), self.focusWidget
        )
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(0)
        grid_row = QHBoxLayout()
        grid_row.setSpacing(0)
        grid_row.addWidget(self.article)
        grid_row.addWidget(self.marker_bar)
        top_layout.addLayout(grid_row, 1)
        top_layout.addWidget(self.legend)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        # The empty-window hint, the busy indicator and the issue counts.
        self.status_parts = StatusBarParts(self.statusBar())
        self._marker_timer = QTimer(self)
        self._marker_timer.setSingleShot(True)
        self._marker_timer.setInterval(0)
        self._marker_timer.timeout.connect(self._update_markers)

        ask = Questions(self)
        self._told_unsaved_glossary = False
        self.ctx = WindowContext(
            parent=self,
            controller=self.controller,
            settings=self.settings,
            glossary=GlossarySync(self, ask),
            status=StatusLine(self.statusBar()),
            ask=ask,
            reveal=self.reveal,
        )
        self.files = FileOps(self.ctx)
        self.opening = WindowOpening(
            self.ctx,
            self.files,
            self.actions_.recent_menu,
            self.status_parts.empty_hint,
            self.statusBar(),
        )
        self.glossary_ui = GlossaryUi(self.ctx)
        self.glossary_ui.proposal = lambda: self.glossary_ui.proposal_from(
            self.issue_here(False)
        )  # Ctrl+G on a name the glossary lacks: its form and rendering, ready to add
        self.mt_ui = MtUi(self.ctx)  # MT, back-translation, bilingual files, QA report, metrics
        self.status_ui = SegmentStatusUi(self.ctx, self.article, self.current_segment)
        self.team_ui = TeamIgnoresUi(self.ctx, lambda: self.issue_here(False))
        self.issue_actions.term_to_insert = self.glossary_ui.term_to_insert
        self.issue_actions.team_ignore = self.team_ui.ignore_issue
        self.find_dialog: FindReplaceDialog | None = None
        self.find_action = QAction(self.tr("&Find and Replace…"), self)
        self.find_action.setShortcuts([QKeySequence("Ctrl+H"), QKeySequence("Ctrl+F")])
        self.find_action.setStatusTip(self.tr("Find and replace in every translated segment"))
        self.find_action.triggered.connect(self.show_find)
        self.addAction(self.find_action)
        self._place_parts(top_layout)
        # Settings, Help and About; applies the theme and autosave interval.
        self.extras = WindowExtras(self, self.settings, self.controller, self.actions_.edit_menu)
        self._connect()
        self._restore_settings()
        self._update_actions()
        self.opening.rebuild_recent()

    # -- wiring -----------------------------------------------------------------
    def _place_parts(self, top_layout: QVBoxLayout) -> None:
        g, m = self.glossary_ui, self.mt_ui
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, g.dock)
        self.resizeDocks([g.dock], [420], Qt.Orientation.Horizontal)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, m.dock)
        # Below the grid: showing or hiding it must not push the article's text around.
        top_layout.insertWidget(top_layout.indexOf(self.legend), g.proposal_bar)
        top_layout.insertWidget(0, g.problem_bar)
        a = self.actions_
        for action in m.file_actions:  # beside the other exports, before Quit
            a.file_menu.insertAction(a.quit, action)
        a.file_menu.insertSeparator(a.quit)
        st = self.status_ui
        a.edit_menu.addAction(self.team_ui.ignore_everywhere)  # beside Ignore Issue
        a.edit_menu.insertAction(a.apply, self.find_action)
        a.edit_menu.insertSeparator(a.apply)
        a.review_actions.append(self.find_action)
        a.edit_menu.addSeparator()
        a.edit_menu.addActions([st.confirm, st.unconfirm])
        a.go_menu.addSeparator()
        a.go_menu.addActions([st.next_unconfirmed, st.next_error])
        a.review_actions += st.actions
        a.review_actions.append(self.team_ui.ignore_everywhere)
        g.menu.addSeparator()
        g.menu.addAction(self.team_ui.edit_list)
        self.statusBar().addPermanentWidget(st.label)
        a.view_menu.addAction(g.toggle)
        bar = self.menuBar()
        bar.addMenu(g.menu)
        bar.addMenu(m.tools_menu)

    def show_find(self) -> FindReplaceDialog:
        from app.ui.find_replace import FindReplaceDialog

        if self.find_dialog is None:
            self.find_dialog = FindReplaceDialog(self.ctx, self.article)
        self.find_dialog.show()
        self.find_dialog.find_edit.setFocus()
        self.find_dialog.find_edit.selectAll()
        return self.find_dialog

    def reveal(self, pair: int, side: Side, start: int, end: int) -> None:
        """Show a span of a segment (a glossary place, a metrics row), cursor in it."""
        self.article.select_span(pair, side, start, end)

    def _connect(self) -> None:
        a, c = self.actions_, self.controller
        a.open.triggered.connect(self.open_dialog)
        a.open_review.triggered.connect(self.files.open_review_dialog)
        a.save.triggered.connect(self.files.save)
        a.save_as.triggered.connect(self.files.save_as)
        a.export.triggered.connect(self.files.export_dialog)
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(c.undo_stack.undo)
        a.redo.triggered.connect(c.undo_stack.redo)
        c.undo_stack.canUndoChanged.connect(a.undo.setEnabled)
        c.undo_stack.canRedoChanged.connect(a.redo.setEnabled)
        c.dirty_changed.connect(lambda _d: self._update_title())
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)
        acts = self.issue_actions
        a.apply.triggered.connect(lambda: acts.with_current(acts.apply_suggestion, True))
        a.apply_all.triggered.connect(lambda: acts.with_current(acts.apply_to_all, True))
        a.ignore.triggered.connect(lambda: acts.with_current(acts.ignore, False))
        a.next_issue.triggered.connect(lambda: self.panel.step(True))
        a.previous_issue.triggered.connect(lambda: self.panel.step(False))
        # Browsing the list with the keyboard keeps focus there; F8 and the marker
        # bar put the cursor in the editor, ready to type the fix.
        self.panel.issue_selected.connect(
            lambda issue: self.article.select_issue(issue, not self.panel.table.hasFocus())
        )
        self.panel.apply_requested.connect(acts.apply_suggestion)
        self.panel.apply_all_requested.connect(acts.apply_to_all)
        self.panel.ignore_requested.connect(acts.ignore)
        self.panel.csv_exported.connect(self._on_csv_exported)
        self.marker_bar.issue_clicked.connect(acts.jump_to)
        self.article.issue_clicked.connect(lambda i: self.panel.select_issue(i, emit=False))
        self.article.target_edited.connect(self._on_target_edited)
        self.article.issue_action.connect(acts.on_issue_action)
        self.article.layout_changed.connect(self._marker_timer.start)
        self.article.segment_focused.connect(self.glossary_ui.show_segment)
        self.glossary_ui.insert_action.triggered.connect(acts.insert_term)
        self.glossary_ui.pane.segment_terms.insert_requested.connect(acts.insert_text)
        c.loading.connect(self.opening.on_loading)
        c.loaded.connect(self._on_loaded)
        c.load_failed.connect(self.opening.on_failed)
        c.issues_changed.connect(self._on_issues_changed)
        c.targets_changed.connect(self._on_targets_changed)
        c.busy_changed.connect(self.status_parts.show_busy)
        checks_title = self.tr("Checks")
        c.checks_failed.connect(lambda message: self.ctx.ask.error(checks_title, message))
        self.mt_ui.review_ready.connect(self.files.open_built)
        self.mt_ui.reports.open_requested.connect(self.files.open_input)

    # -- the issue the editor means, and acting on it (see IssueActions) ---------
    def current_segment(self) -> int | None:
        return self.issue_actions.current_segment()

    def issue_here(self, fixable: bool) -> Issue | None:
        return self.issue_actions.issue_here(fixable)

    def apply_suggestion(self, issue: Issue) -> None:
        self.issue_actions.apply_suggestion(issue)

    def apply_to_all(self, issue: Issue) -> None:
        self.issue_actions.apply_to_all(issue)

    def ignore(self, issue: Issue) -> None:
        self.issue_actions.ignore(issue)

    # -- opening (the bookkeeping lives in WindowOpening) -----------------------
    def open_input(self, spec: InputSpec) -> None:
        """Open any input; an article pair goes into Open Recent once it opened."""
        self.opening.open_input(spec)

    def open_files(self, source: str, target: str, glossary: str | None = None) -> None:
        self.open_input(InputSpec((source, target), glossary))

    def open_dialog(self) -> None:
        self.opening.open_dialog()

    def open_dropped(self, paths: Sequence[str]) -> None:
        self.opening.open_dropped(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and all(u.isLocalFile() for u in urls) and 1 <= len(urls) <= 3:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls()]
        event.acceptProposedAction()
        self.open_dropped(paths)

    # -- results ----------------------------------------------------------------
    def _on_loaded(self) -> None:
        review = self.controller.review
        assert review is not None
        self.statusBar().clearMessage()
        self.status_parts.empty_hint.setVisible(False)
        self.article.set_pairs(review.pairs, review.source_lang, review.target_lang)
        for i in range(len(review)):
            self.article.set_edited(i, review.is_edited(i))
        self.status_ui.refresh()
        self.team_ui.reload()
        self.opening.remember_opened()
        self._update_title()
        self._update_actions()

    def _update_title(self) -> None:
        review = self.controller.review
        name = "Verso"
        title = f"{name}[*]"
        if review is not None:
            shown = review.path or review.target_path or self.tr("untitled")
            # "name* — Verso": the platform adds the application name unless the title
            # ends with it, which it does here (no "— Verso* — Verso").
            title = f"{Path(shown).name}[*] — {name}"
        self.setWindowTitle(title)
        self.setWindowModified(review is not None and review.is_dirty)

    def _on_issues_changed(self) -> None:
        issues = self.controller.visible_issues()
        ignored = self.controller.ignored_issues()
        self.article.set_issues(issues, ignored)
        self.panel.set_issues(self.controller.issues, frozenset(ignored))
        acts = self.issue_actions
        if acts.follow and not self.controller.pending:
            acts.follow = False
            current = self.panel.current_issue()
            if current is not None:  # list and grid stay in step after apply/ignore
                self.article.select_issue(current, acts.zone == "grid")
        self.legend.set_checks(i.check for i in issues)
        self._update_markers(issues)
        self.status_parts.show_counts(issues)

    def _update_markers(self, issues: Sequence[Issue] | None = None) -> None:
        """The marker bar (`issues`: the visible issues when the caller has them)."""
        self.marker_bar.set_markers(
            self.controller.visible_issues() if issues is None else issues,
            self.article.row_top_fractions(),
        )

    def _on_targets_changed(self, indices: list[int]) -> None:
        for i in indices:
            self.article.set_target_text(i, self.controller.target(i))
            self.article.set_edited(i, self._is_edited(i))

    def _on_target_edited(self, index: int, text: str) -> None:
        self.controller.edit_target(index, text)
        self.article.set_edited(index, self._is_edited(index))

    def _is_edited(self, index: int) -> bool:
        review = self.controller.review
        return review is not None and review.is_edited(index)

    def _update_actions(self) -> None:
        for action in self.actions_.review_actions:
            action.setEnabled(self.controller.is_loaded)

    def _on_csv_exported(self, path: str, error: str) -> None:
        if error:
            self.ctx.ask.error(self.tr("Export Issues"), error)
        else:
            self.statusBar().showMessage(self.tr("Issues written to {path}").format(path=path))

    # -- settings ---------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 800)
        splitter = self.settings.splitter()
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([440, 300])  # the list shows ten rows or more
        state = self.settings.window_state()
        if state is None or not self.restoreState(state):
            # First start: the article gets the room; the glossary pane and the
            # metrics dock are one shortcut away (Ctrl+Shift+G, Tools > Metrics).
            self.glossary_ui.dock.hide()
            self.mt_ui.dock.hide()

    def save_settings(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_splitter(self.splitter.saveState())
        self.settings.set_window_state(self.saveState())
        self.settings.sync()

    def open_review(self, path: str) -> None:
        self.files.open_review(path)

    def offer_restore(self) -> None:
        self.files.offer_restore_any()

    def closeEvent(self, event: QCloseEvent) -> None:
        waiting = self.ctx.glossary.unsaved_edits
        if waiting and not self._told_unsaved_glossary:  # told once: closing again discards
            self._told_unsaved_glossary = True
            self.ctx.ask.error(
                self.tr("Glossary"),
                self.tr("{0} glossary edit(s) wait for the glossary server, which cannot be "
                        "reached; they are saved as soon as it is back. Close the window again "
                        "to discard them.").format(waiting),
            )  # fmt: skip
            event.ignore()
            return
        if not self.files.confirm_discard(closing=True):
            event.ignore()
            return
        self.controller.autosave_timer.stop()
        self.save_settings()
        self.ctx.glossary.close()  # a glossary database: stop listening, disconnect
        event.accept()
