"""File menu actions that exchange a review with the outside: the QA report
(HTML / CSV, built by core's qa.py as the CLI builds it) and bilingual files
(XLIFF 1.2, XLIFF 2.0, TMX) in and out.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtWidgets import QFileDialog

from app.core.model.errors import VersoError
from app.core.review.inputs import InputSpec
from app.ui.context import WindowContext

REPORT_FILTER = str(
    QT_TRANSLATE_NOOP(
        "ReportActions",
        "HTML report (*.html);;Excel workbook (*.xlsx);;CSV tables (*.csv)",
    )
)
BILINGUAL_OPEN_FILTER = (
    str(QT_TRANSLATE_NOOP(
        "ReportActions",
        "Bilingual files (*.xlf *.xliff *.sdlxliff *.mqxliff *.xlf2 *.tmx);;All files (*)",
    ))
)
BILINGUAL_EXPORT_FILTER = "XLIFF 1.2 (*.xlf);;XLIFF 2.0 (*.xlf2);;TMX (*.tmx)"
_EXPORT_SUFFIXES = {"XLIFF 1.2": ".xlf", "XLIFF 2.0": ".xlf2", "TMX": ".tmx"}


class ReportActions(QObject):
    """QA report and bilingual exchange for the window's current review."""

    open_requested = Signal(object)  # InputSpec: a bilingual file to open as the review

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.controller = ctx.controller

    def _start(self, name: str) -> str:
        return str(Path(self.ctx.settings.last_dir() or ".") / name)

    # -- QA report --------------------------------------------------------------
    def export_report_dialog(self) -> None:
        review = self.controller.review
        if review is None:
            return
        stem = Path(review.path or review.target_path or "review").stem
        path, chosen = QFileDialog.getSaveFileName(
            self.ctx.parent, self.tr("Export QA Report"), self._start(f"{stem}.qa.html"),
            self.tr(REPORT_FILTER),
        )
        if not path:
            return
        if not Path(path).suffix:
            # The filter names are translated: take the suffix from the chosen "(*.csv)".
            path += ".xlsx" if "*.xlsx" in chosen else ".csv" if "*.csv" in chosen else ".html"
        self.export_report(path)

    def export_report(self, path: str) -> bool:
        from app.core.outputs.qa import build_report  # the report modules load on use
        from app.core.outputs.report import write_report

        review, checker = self.controller.review, self.controller.checker
        if review is None or checker is None:
            return False
        try:
            write_report(path, build_report(review, checker, self.controller.issues))
        except VersoError as exc:
            self.ctx.ask.error(self.tr("Export QA Report"), str(exc))
            return False
        self.ctx.status.show(self.tr("Wrote QA report {path}").format(path=path))
        return True

    # -- bilingual files --------------------------------------------------------
    def open_bilingual_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.ctx.parent, self.tr("Open Bilingual File"), self.ctx.settings.last_dir(),
            self.tr(BILINGUAL_OPEN_FILTER),
        )
        if path:
            self.open_bilingual(path)

    def open_bilingual(self, path: str) -> None:
        self.ctx.settings.set_last_dir(str(Path(path).parent))
        self.open_requested.emit(InputSpec((path,)))

    def export_bilingual_dialog(self) -> None:
        review = self.controller.review
        if review is None:
            return
        stem = Path(review.target_path or review.source_path or "review").stem
        path, chosen = QFileDialog.getSaveFileName(
            self.ctx.parent, self.tr("Export Bilingual File"), self._start(f"{stem}.xlf"),
            BILINGUAL_EXPORT_FILTER,
        )
        if not path:
            return
        if not Path(path).suffix:
            suffix = next((s for k, s in _EXPORT_SUFFIXES.items() if chosen.startswith(k)), ".xlf")
            path += suffix
        self.export_bilingual(path)

    def export_bilingual(self, path: str) -> bool:
        from app.core.outputs.export import export_bilingual

        review = self.controller.review
        if review is None:
            return False
        try:
            fmt = export_bilingual(review, path)
        except VersoError as exc:
            self.ctx.ask.error(self.tr("Export Bilingual File"), str(exc))
            return False
        self.ctx.status.show(self.tr("Exported {path} ({format})").format(path=path, format=fmt))
        return True
