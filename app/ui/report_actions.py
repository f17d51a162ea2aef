"""File menu actions that exchange a review with the outside: the QA report
(HTML / CSV) and bilingual files (XLIFF 1.2, XLIFF 2.0, TMX) in and out.

Statuses in the report: an issue the MT had that no longer appears is
"fixed", one the editor ignored is "ignored", the rest are "open".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from app.core.glossary.model import GlossaryEntry
from app.core.model.errors import InputError, VersoError
from app.core.model.issues import Issue
from app.core.outputs.metrics import compute_metrics
from app.core.outputs.report import IssueStatus, ReportData
from app.core.review.checking import Checker
from app.core.review.model import Review
from app.ui import dialogs

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

REPORT_FILTER = "HTML report (*.html);;CSV table (*.csv)"
BILINGUAL_OPEN_FILTER = (
    "Bilingual files (*.xlf *.xliff *.sdlxliff *.mqxliff *.xlf2 *.tmx);;All files (*)"
)
BILINGUAL_EXPORT_FILTER = "XLIFF 1.2 (*.xlf);;XLIFF 2.0 (*.xlf2);;TMX (*.tmx)"
_EXPORT_SUFFIXES = {"XLIFF 1.2": ".xlf", "XLIFF 2.0": ".xlf2", "TMX": ".tmx"}


def _key(issue: Issue) -> tuple[str, int, str, str]:
    return (issue.check, issue.pair, issue.side.value, issue.text)


def issue_statuses(
    review: Review, current: Sequence[Issue], mt_issues: Sequence[Issue]
) -> list[IssueStatus]:
    """Every issue now (open or ignored) plus each MT issue that is gone (fixed)."""
    out = [
        IssueStatus(i, "ignored" if review.is_ignored(i) else "open") for i in current
    ]
    remaining = Counter(_key(i) for i in current)
    for issue in mt_issues:
        key = _key(issue)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            out.append(IssueStatus(issue, "fixed"))
    out.sort(key=lambda s: (s.issue.pair, s.issue.start, s.issue.check))
    return out


def build_report_data(
    review: Review,
    current: Sequence[Issue],
    checker: Checker | None,
    glossary_added: Sequence[GlossaryEntry] = (),
) -> ReportData:
    """Everything the report shows, from the review and the checker of the window."""
    mt_issues = checker.check(review.original) if checker is not None else []
    mt = [review.original_target(i) for i in range(len(review))]
    metrics = compute_metrics(mt, list(review.targets), review.seconds_spent or None)
    shown = review.path or review.target_path or review.source_path or "review"
    return ReportData(
        title=Path(shown).name,
        source_lang=review.source_lang,
        target_lang=review.target_lang,
        pairs=review.original,
        edited=list(review.targets),
        issues=issue_statuses(review, current, mt_issues),
        metrics=metrics,
        glossary_added=list(glossary_added),
    )


def review_from_bilingual(path: str, glossary_path: str | None = None) -> Review:
    """A bilingual file (XLIFF, TMX) as a review of its source and MT target."""
    from app.core.files.bilingual import read_bilingual

    doc = read_bilingual(path)
    if not doc.pairs:
        raise InputError(path, "holds no translation units to review")
    resolved = str(Path(path).resolve())
    review = Review.from_pairs(
        doc.pairs, doc.source_lang, doc.target_lang, source_path=resolved, target_path=resolved
    )
    review.glossary_path = glossary_path
    return review


class ReportActions:
    """QA report and bilingual exchange for the window's current review."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.controller = window.controller
        self._glossary_at_load: set[GlossaryEntry] = set()
        self.controller.loaded.connect(self._remember_glossary)

    def _glossary_entries(self) -> list[GlossaryEntry]:
        glossary_ui = getattr(self.window, "glossary_ui", None)
        sync = getattr(glossary_ui, "sync", None)
        entries = getattr(sync, "entries", None)
        return list(entries) if isinstance(entries, list) else []

    def _remember_glossary(self) -> None:
        self._glossary_at_load = set(self._glossary_entries())

    def glossary_added(self) -> list[GlossaryEntry]:
        """Entries in the glossary now that were not there when the review opened."""
        return [e for e in self._glossary_entries() if e not in self._glossary_at_load]

    def _start(self, name: str) -> str:
        return str(Path(self.window.settings.last_dir() or ".") / name)

    # -- QA report --------------------------------------------------------------
    def export_report_dialog(self) -> None:
        review = self.controller.review
        if review is None:
            return
        stem = Path(review.path or review.target_path or "review").stem
        path, chosen = QFileDialog.getSaveFileName(
            self.window, "Export QA Report", self._start(f"{stem}.qa.html"), REPORT_FILTER
        )
        if not path:
            return
        if not Path(path).suffix:
            path += ".csv" if chosen.startswith("CSV") else ".html"
        self.export_report(path)

    def export_report(self, path: str) -> bool:
        from app.core.outputs.report import write_report

        review = self.controller.review
        if review is None:
            return False
        try:
            data = build_report_data(
                review, self.controller.issues, self.controller.checker, self.glossary_added()
            )
            write_report(path, data)
        except VersoError as exc:
            dialogs.show_error(self.window, "Export QA Report", str(exc))
            return False
        self.window.statusBar().showMessage(f"Wrote QA report {path}", 4000)
        return True

    # -- bilingual files --------------------------------------------------------
    def open_bilingual_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Open Bilingual File", self.window.settings.last_dir(),
            BILINGUAL_OPEN_FILTER,
        )
        if path:
            self.open_bilingual(path)

    def open_bilingual(self, path: str) -> None:
        self.window.settings.set_last_dir(str(Path(path).parent))
        self.window.files.open_review(path)  # knows bilingual files; shows errors

    def export_bilingual_dialog(self) -> None:
        review = self.controller.review
        if review is None:
            return
        stem = Path(review.target_path or review.source_path or "review").stem
        path, chosen = QFileDialog.getSaveFileName(
            self.window, "Export Bilingual File", self._start(f"{stem}.xlf"),
            BILINGUAL_EXPORT_FILTER,
        )
        if not path:
            return
        if not Path(path).suffix:
            suffix = next((s for k, s in _EXPORT_SUFFIXES.items() if chosen.startswith(k)), ".xlf")
            path += suffix
        self.export_bilingual(path)

    def export_bilingual(self, path: str) -> bool:
        from app.core.files.bilingual import write_bilingual

        review = self.controller.review
        if review is None:
            return False
        try:
            fmt = write_bilingual(path, review.pairs, review.source_lang, review.target_lang)
        except VersoError as exc:
            dialogs.show_error(self.window, "Export Bilingual File", str(exc))
            return False
        self.window.statusBar().showMessage(f"Exported {path} ({fmt})", 4000)
        return True
