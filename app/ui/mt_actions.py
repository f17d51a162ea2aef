"""MT and its neighbours in the window: Tools > Translate Source… and
Back-translation Check… and Spelling Check, File > Open/Export Bilingual… and Export QA Report…,
and the Metrics dock. It gets the window's context; MainWindow places its
actions, menu and dock. A finished machine translation leaves as `review_ready`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
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

from app.core.glossary.matcher import GlossaryIndex
from app.core.model.document import Pair
from app.core.model.errors import VersoError
from app.core.model.issues import Issue, Side
from app.core.review.checking import checker_for
from app.core.review.model import Review
from app.ui import dialogs, workers
from app.ui.context import WindowContext
from app.ui.metrics_panel import MetricsPanel
from app.ui.report_actions import ReportActions

if TYPE_CHECKING:  # the translate dialog and the MT providers load when first asked for
    from app.core.mt import Provider
    from app.ui.translate_dialog import TranslateDialog

BACK_TRANSLATION = "back-translation"
SPELLING = "spelling"


class BackTranslationDialog(QDialog):
    """Which provider translates the target back into the source language."""

    def __init__(self, parent: QWidget | None) -> None:
        from app.ui.translate_dialog import ProviderForm

        super().__init__(parent)
        self.setWindowTitle(self.tr("Back-translation Check"))
        self.form = ProviderForm()
        note = QLabel(
            self.tr(
                "Each target segment is translated back and compared with the source (chrF); "
                "segments far below the article's median are listed for a second look. "
                "This sends every segment to the provider."
            )
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
        title = QCoreApplication.translate("BackTranslationDialog", "Back-translation Check")
        dialogs.show_error(parent, title, str(exc))
        return None


def ask_source_file(parent: QWidget, start: str) -> str:
    """The article to translate ('' when cancelled); tests replace this function."""
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("MtUi", "Translate Source Article"), start,
        dialogs.translated(dialogs.ARTICLE_FILTER),
    )
    return path


def back_translation_issues(review: Review, pairs: list[Pair], provider: Provider) -> list[Issue]:
    """Run the back-translation check (on a worker thread: one MT call per segment);
    an unreachable provider is a VersoError the window shows."""
    from app.core.checks.back_translation import PROVIDER_OPTION, BackTranslationCheck

    checker = checker_for(review, None, [BackTranslationCheck()], {PROVIDER_OPTION: provider})
    found = checker.check(pairs)
    if checker.failures:
        raise VersoError(checker.failures[0].message)
    return found


def spelling_issues(
    review: Review, pairs: list[Pair], glossary: GlossaryIndex | None
) -> list[Issue]:
    """Run the optional spelling check (on a worker thread: the dictionaries take
    seconds to load the first time); a check that raised is a VersoError."""
    from app.core.checks.spelling import SpellingCheck

    checker = checker_for(review, glossary, [SpellingCheck()])
    found = checker.check(pairs)
    if checker.failures:
        raise VersoError(checker.failures[0].message)
    return found


class MtUi(QObject):
    """MT, back-translation, bilingual files, the QA report and metrics in one window."""

    review_ready = Signal(object)  # a Review of a finished machine translation

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.controller = ctx.controller
        self.reports = ReportActions(ctx)
        self.metrics = MetricsPanel()
        self.dock = QDockWidget(self.tr("Metrics"), ctx.parent)
        self.dock.setObjectName("metrics-dock")
        self.dock.setWidget(self.metrics)
        self.translate_dialog: TranslateDialog | None = None
        self._jobs: list[workers.Job] = []
        self._make_actions()
        self.controller.loaded.connect(lambda: self.metrics.set_review(self.controller.review))
        self.controller.targets_written.connect(lambda _i, _k: self.metrics.schedule())
        self.metrics.segment_activated.connect(self._show_segment)
        self._update_actions()
        self.controller.loaded.connect(self._update_actions)

    def _make_actions(self) -> None:
        parent = self.ctx.parent

        def make(text: str, slot: object, shortcut: str = "", tip: str = "") -> QAction:
            action = QAction(text, parent)
            if shortcut:
                action.setShortcut(shortcut)
            if tip:
                action.setStatusTip(tip)
            action.triggered.connect(slot)
            parent.addAction(action)
            return action

        r = self.reports
        self.open_bilingual = make(
            self.tr("Open &Bilingual File…"), r.open_bilingual_dialog, "",
            self.tr("Open an XLIFF or TMX file as a review"),
        )
        self.export_bilingual = make(
            self.tr("Export Bi&lingual File…"), r.export_bilingual_dialog, "",
            self.tr("Write the review as XLIFF 1.2, XLIFF 2.0 or TMX"),
        )
        self.export_report = make(
            self.tr("Export &QA Report…"), r.export_report_dialog, "",
            self.tr("Issues with their status, metrics, glossary additions"),
        )
        self.translate = make(
            self.tr("&Translate Source…"), self.translate_source, "Ctrl+T",
            self.tr("Machine-translate an article and review the result"),
        )
        self.back_translation = make(
            self.tr("&Back-translation Check…"), self.run_back_translation, "",
            self.tr("Translate the target back and flag drifting segments"),
        )
        self.spelling = make(
            self.tr("&Spelling Check"), self.run_spelling, "",
            self.tr("Words of the translation no English dictionary knows"),
        )
        self.file_actions = [self.open_bilingual, self.export_bilingual, self.export_report]
        self.tools_menu = QMenu(self.tr("&Tools"), parent)
        self.tools_menu.addAction(self.translate)
        self.tools_menu.addAction(self.back_translation)
        self.tools_menu.addAction(self.spelling)
        self.tools_menu.addSeparator()
        self.tools_menu.addAction(self.dock.toggleViewAction())
        self.review_actions = [
            self.export_bilingual, self.export_report, self.back_translation, self.spelling
        ]

    def _update_actions(self) -> None:
        for action in self.review_actions:
            action.setEnabled(self.controller.is_loaded)

    def _show_segment(self, index: int) -> None:
        if self.controller.review is not None and 0 <= index < len(self.controller.review):
            self.ctx.reveal(index, Side.TARGET, 0, 0)

    # -- machine translation ----------------------------------------------------
    def translate_source(self, path: str | None = None) -> TranslateDialog | None:
        """Open the translate dialog on an article (asked for when not given)."""
        from app.ui.translate_dialog import TranslateDialog

        if path is None:
            path = ask_source_file(self.ctx.parent, self.ctx.settings.last_dir())
            if not path:
                return None
        try:
            dialog = TranslateDialog(self.ctx.parent, path)
        except VersoError as exc:
            self.ctx.ask.error(self.tr("Translate Source"), str(exc))
            return None
        dialog.form.set_provider(self.ctx.settings.mt_provider())  # Edit > Settings
        dialog.form.url.setText(self.ctx.settings.mt_url())
        dialog.review_ready.connect(self.review_ready)
        self.translate_dialog = dialog
        dialog.show()
        return dialog

    # -- back-translation -------------------------------------------------------
    def run_back_translation(self) -> None:
        review = self.controller.review
        if review is None:
            return
        provider = ask_back_translation_provider(self.ctx.parent)
        if provider is None:
            return
        self.start_back_translation(provider)

    def start_back_translation(self, provider: Provider) -> workers.Job | None:
        review = self.controller.review
        if review is None:
            return None
        pairs = review.pairs
        job = workers.Job(lambda: back_translation_issues(review, pairs, provider))
        job.signals.finished.connect(lambda found: self._on_back_translated(found, pairs))
        title = self.tr("Back-translation Check")
        job.signals.failed.connect(lambda m: self.ctx.ask.error(title, m))
        self._jobs.append(job)
        self.ctx.status.show(
            self.tr("Back-translating {count} segments with {provider}…").format(
                count=len(pairs), provider=provider.name
            ),
            0,
        )
        workers.start(job)
        return job

    # -- spelling ---------------------------------------------------------------
    def run_spelling(self) -> workers.Job | None:
        """Check the spelling of the translation now; the issues replace the last run's."""
        review = self.controller.review
        if review is None:
            return None
        pairs = review.pairs
        checker = self.controller.checker
        glossary = None if checker is None else checker.ctx.glossary
        job = workers.Job(lambda: spelling_issues(review, pairs, glossary))
        job.signals.finished.connect(lambda found: self._on_spelled(found, pairs))
        title = self.tr("Spelling Check")
        job.signals.failed.connect(lambda m: self.ctx.ask.error(title, m))
        self._jobs.append(job)
        self.ctx.status.show(self.tr("Checking the spelling of the translation…"), 0)
        workers.start(job)
        return job

    def _on_spelled(self, found: object, pairs: list[Pair]) -> None:
        assert isinstance(found, list)
        kept = self.controller.set_extra_issues(SPELLING, found, pairs)
        self.ctx.status.show(
            self.tr("Spelling check: {count} word(s) to look at").format(count=kept), 6000
        )

    def _on_back_translated(self, found: object, pairs: list[Pair]) -> None:
        assert isinstance(found, list)
        kept = self.controller.set_extra_issues(BACK_TRANSLATION, found, pairs)
        self.ctx.status.show(
            self.tr("Back-translation check: {count} segment(s) to read again").format(count=kept),
            6000,
        )
