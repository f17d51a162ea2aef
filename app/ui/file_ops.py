"""File-level actions of the window: review files, export, autosave restore and
the "save changes?" question. Kept apart from the window's layout code."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from app.core.files.bilingual import is_bilingual_path
from app.core.model.errors import VersoError
from app.core.review import autosave
from app.core.review.file import changed_on_disk
from app.core.review.model import Review
from app.ui import dialogs

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

EXPORT_SUFFIXES = {"Plain text": ".txt", "Markdown": ".md", "HTML": ".html", "Word": ".docx"}


class FileOps:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.controller = window.controller

    @property
    def _folder(self) -> Path | None:
        return self.controller.autosave_dir

    # -- review files -----------------------------------------------------------
    def open_review_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Open Review", self.window.settings.last_dir(), dialogs.REVIEW_FILTER
        )
        if path:
            self.open_review(path)

    def open_review(self, path: str) -> None:
        if not self.confirm_discard():
            return
        try:
            if is_bilingual_path(path):  # XLIFF / TMX: source + MT per unit
                from app.ui.report_actions import review_from_bilingual

                review = review_from_bilingual(path, self.window.mt_ui.glossary_path())
            else:
                review = Review.load(path)
        except VersoError as exc:
            dialogs.show_error(self.window, "Open Review", str(exc))
            return
        self.controller.open_review(review)

    def save(self) -> bool:
        review = self.controller.review
        if review is None:
            return False
        if review.path is None:
            return self.save_as()
        return self._save_to(review.path)

    def save_as(self) -> bool:
        review = self.controller.review
        if review is None:
            return False
        stem = Path(review.path or review.target_path or "review").stem
        start = str(Path(self.window.settings.last_dir() or ".") / f"{stem}.verso")
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Save Review", start, dialogs.REVIEW_FILTER
        )
        if not path:
            return False
        if not path.endswith(".verso"):
            path += ".verso"
        return self._save_to(path)

    def _save_to(self, path: str) -> bool:
        review = self.controller.review
        if (
            review is not None
            and review.path is not None
            and Path(path).resolve() == Path(review.path).resolve()
            and changed_on_disk(review)
            and not dialogs.ask_overwrite_changed(self.window, path)
        ):
            self.window.statusBar().showMessage(
                "Not saved: the file was changed by someone else; use Save As.", 8000
            )
            return False
        try:
            written = self.controller.save(path)
        except VersoError as exc:
            dialogs.show_error(self.window, "Save Review", str(exc))
            return False
        self.window.statusBar().showMessage(f"Saved {written}", 4000)
        return True

    # -- export -----------------------------------------------------------------
    def export_dialog(self) -> None:
        review = self.controller.review
        if review is None:
            return
        stem = Path(review.target_path or "article").stem
        start = str(Path(self.window.settings.last_dir() or ".") / f"{stem}.corrected.txt")
        path, chosen = QFileDialog.getSaveFileName(
            self.window, "Export Corrected Article", start, dialogs.EXPORT_FILTER
        )
        if not path:
            return
        if not Path(path).suffix:
            suffix = next((s for k, s in EXPORT_SUFFIXES.items() if chosen.startswith(k)), ".txt")
            path += suffix
        self.export(path)

    def export(self, path: str) -> bool:
        from app.core.outputs.export import export_review

        review = self.controller.review
        assert review is not None
        try:
            export_review(review, path)
        except VersoError as exc:
            dialogs.show_error(self.window, "Export", str(exc))
            return False
        self.window.statusBar().showMessage(f"Exported {path}", 4000)
        return True

    # -- unsaved work and autosave ----------------------------------------------
    def confirm_discard(self, closing: bool = False) -> bool:
        """May the current review be replaced (or the window closed)?"""
        review = self.controller.review
        if review is None or not review.is_dirty:
            return True
        answer = dialogs.ask_save_changes(self.window, closing)
        if answer == "cancel":
            return False
        if answer == "save":
            return self.save()
        self.controller.discard_autosave()
        return True

    def offer_restore_for(self, source: str, target: str) -> bool:
        """An autosave of these two files exists: offer it; True if restored."""
        found = autosave.find_autosave(source, target, self._folder)
        return found is not None and self._offer(found)

    def offer_restore_any(self) -> bool:
        """At start-up without files: offer the newest leftover autosave."""
        leftovers = autosave.list_autosaves(self._folder)
        return bool(leftovers) and self._offer(leftovers[0].path)

    def _offer(self, path: Path) -> bool:
        if not dialogs.ask_restore(self.window, str(path)):
            autosave.discard_autosave(path)
            return False
        try:
            review = autosave.restore(path)
        except VersoError as exc:
            dialogs.show_error(self.window, "Restore", str(exc))
            return False
        self.controller.open_review(review)
        return True
