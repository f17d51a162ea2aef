"""Wires issue 5 into the window: Tools > Translate Source… and Back-translation
check…, File > Open/Export Bilingual…, File > Export QA Report…, and the
Metrics dock. One object, created by the window, so the window's own code only
gains one line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from app.core.model.document import Pair
from app.core.model.errors import VersoError
from app.core.model.issues import Issue, Side
from app.core.mt import Provider
from app.core.review.model import Review
from app.ui import dialogs, workers
from app.ui.metrics_panel import MetricsPanel
from app.ui.report_actions import ReportActions
from app.ui.translate_dialog import ProviderForm, TranslateDialog

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

BACK_TRANSLATION = "back-translation"


class BackTranslationDialog(QDialog):
    """Which provider translates the target back into the source language."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Back-translation Check")
        self.form = ProviderForm()
        note = QLabel(
            "Each target segment is translated back and compared with the source (chrF); "
            "segments far below the article's median are listed for a second look. "
            "This sends every segment to the provider."
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.form)
        layout.addWidget(buttons)


def ask_back_translation_provider(parent: QWidget) -> Provider | None:
    """Modal question (tests replace this function); None when cancelled."""
    dialog = BackTranslationDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    try:
        return dialog.form.make()
    except VersoError as exc:
        dialogs.show_error(parent, "Back-translation Check", str(exc))
        return None


def ask_source_file(parent: QWidget, start: str) -> str:
    """The article to translate ('' when cancelled); tests replace this function."""
    path, _ = QFileDialog.getOpenFileName(
        parent, "Translate Source Article", start, dialogs.ARTICLE_FILTER
    )
    return path


def back_translation_issues(
    review_pairs: list[Pair], review: Review, provider: Provider
) -> list[Issue]:
    """Run the back-translation check (on a worker thread: one MT call per segment)."""
    from app.core.checks.back_translation import PROVIDER_OPTION, BackTranslationCheck
    from app.core.checks.base import CheckContext

    ctx = CheckContext(review.source_lang, review.target_lang, None, {PROVIDER_OPTION: provider})
    return list(BackTranslationCheck().run(review_pairs, ctx))


class MtUi:
    """Issue 5 in the window: MT, back-translation, bilingual files, report, metrics."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.controller = window.controller
        self.reports = ReportActions(window)
        self.metrics = MetricsPanel()
        self.dock = QDockWidget("Metrics", window)
        self.dock.setObjectName("metrics-dock")
        self.dock.setWidget(self.metrics)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.translate_dialog: TranslateDialog | None = None
        self._jobs: list[workers.Job] = []
        self._make_actions()
        self.controller.loaded.connect(lambda: self.metrics.set_review(self.controller.review))
        self.controller.targets_written.connect(lambda _i, _k: self.metrics.schedule())
        self.metrics.segment_activated.connect(self._show_segment)
        self._update_actions()
        self.controller.loaded.connect(self._update_actions)

    def _make_actions(self) -> None:
        w = self.window

        def make(text: str, slot: object, shortcut: str = "", tip: str = "") -> QAction:
            action = QAction(text, w)
            if shortcut:
                action.setShortcut(shortcut)
            if tip:
                action.setStatusTip(tip)
            action.triggered.connect(slot)
            w.addAction(action)
            return action

        r = self.reports
        self.open_bilingual = make("Open &Bilingual File…", r.open_bilingual_dialog, "",
                                   "Open an XLIFF or TMX file as a review")
        self.export_bilingual = make("Export Bi&lingual File…", r.export_bilingual_dialog, "",
                                     "Write the review as XLIFF 1.2, XLIFF 2.0 or TMX")
        self.export_report = make("Export &QA Report…", r.export_report_dialog, "",
                                  "Issues with their status, metrics, glossary additions")
        self.translate = make("&Translate Source…", self.translate_source, "Ctrl+T",
                              "Machine-translate an article and review the result")
        self.back_translation = make("&Back-translation Check…", self.run_back_translation,
                                     "", "Translate the target back and flag drifting segments")
        bar = w.menuBar()
        menus = [a.menu() for a in bar.actions() if a.text().replace("&", "") == "File"]
        file_menu = next((m for m in menus if isinstance(m, QMenu)), None)
        if file_menu is not None:
            # Before the separator that precedes Quit, beside the other exports.
            anchor = next(
                (a for a in file_menu.actions() if a.text().startswith("&Quit")), None
            )
            for action in (self.open_bilingual, self.export_bilingual, self.export_report):
                if anchor is None:
                    file_menu.addAction(action)
                else:
                    file_menu.insertAction(anchor, action)
            if anchor is not None:
                file_menu.insertSeparator(anchor)
        tools = bar.addMenu("&Tools")
        tools.addAction(self.translate)
        tools.addAction(self.back_translation)
        tools.addSeparator()
        tools.addAction(self.dock.toggleViewAction())
        self.review_actions = [self.export_bilingual, self.export_report, self.back_translation]

    def _update_actions(self) -> None:
        for action in self.review_actions:
            action.setEnabled(self.controller.is_loaded)

    def glossary_path(self) -> str | None:
        """The glossary the window follows (for reviews built from MT or bilingual files)."""
        sync = getattr(getattr(self.window, "glossary_ui", None), "sync", None)
        path = getattr(sync, "path", None)
        return str(path) if path is not None else self.window.settings.last_glossary() or None

    def _show_segment(self, index: int) -> None:
        if self.controller.review is not None and 0 <= index < len(self.controller.review):
            editor = self.window.article.editor_for(index, Side.TARGET)
            editor.setFocus()

    # -- machine translation ----------------------------------------------------
    def translate_source(self, path: str | None = None) -> TranslateDialog | None:
        """Open the translate dialog on an article (asked for when not given)."""
        if path is None:
            path = ask_source_file(self.window, self.window.settings.last_dir())
            if not path:
                return None
        try:
            dialog = TranslateDialog(self.window, path)
        except VersoError as exc:
            dialogs.show_error(self.window, "Translate Source", str(exc))
            return None
        dialog.review_ready.connect(self._on_translated)
        self.translate_dialog = dialog
        dialog.show()
        return dialog

    def _on_translated(self, review: object) -> None:
        assert isinstance(review, Review)
        if not self.window.files.confirm_discard():
            return
        review.glossary_path = self.glossary_path()
        self.controller.open_review(review)
        self.window.statusBar().showMessage(
            f"Machine translation ready: {len(review)} segments", 4000
        )

    # -- back-translation -------------------------------------------------------
    def run_back_translation(self) -> None:
        review = self.controller.review
        if review is None:
            return
        provider = ask_back_translation_provider(self.window)
        if provider is None:
            return
        self.start_back_translation(provider)

    def start_back_translation(self, provider: Provider) -> workers.Job | None:
        review = self.controller.review
        if review is None:
            return None
        pairs = review.pairs
        job = workers.Job(lambda: back_translation_issues(pairs, review, provider))
        job.signals.finished.connect(lambda found: self._on_back_translated(found, pairs))
        job.signals.failed.connect(
            lambda m: dialogs.show_error(self.window, "Back-translation Check", m)
        )
        self._jobs.append(job)
        self.window.statusBar().showMessage(
            f"Back-translating {len(pairs)} segments with {provider.name}…"
        )
        workers.start(job)
        return job

    def _on_back_translated(self, found: object, pairs: list[Pair]) -> None:
        from app.core.model.issues import sort_key

        assert isinstance(found, list)
        review = self.controller.review
        if review is None:
            return
        now = review.pairs
        # Segments edited meanwhile: their offsets are stale, the next run will see them.
        fresh = [
            i for i in found
            if isinstance(i, Issue) and i.pair < len(now)
            and i.pair < len(pairs) and now[i.pair].target == pairs[i.pair].target
        ]
        kept = [i for i in self.controller.issues if i.check != BACK_TRANSLATION]
        self.controller.issues = sorted(kept + fresh, key=sort_key)
        self.controller.issues_changed.emit()
        self.window.statusBar().showMessage(
            f"Back-translation check: {len(fresh)} segment(s) to read again", 6000
        )

    def is_bilingual(self, path: str) -> bool:
        from app.core.files.bilingual import is_bilingual_path

        return is_bilingual_path(Path(path))
