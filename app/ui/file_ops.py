"""File-level actions of the window: opening any input, review files, export,
autosave restore and the "save changes?" question. Kept apart from the window's
layout code; everything it opens goes through core's open_input (on the pool)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from app.core.files.bilingual import is_bilingual_path
from app.core.files.limits import foreign_path_refusal
from app.core.model.errors import VersoError
from app.core.model.issues import Severity
from app.core.review import autosave
from app.core.review.file import changed_on_disk
from app.core.review.inputs import InputSpec, stored_glossary
from app.core.review.model import Review
from app.ui import dialogs, export_gate
from app.ui.context import WindowContext

translate = QCoreApplication.translate  # lupdate reads translate("FileOps", ...)


class FileOps:
    def __init__(self, ctx: WindowContext) -> None:
        self.ctx = ctx
        self.controller = ctx.controller

    @property
    def _folder(self) -> Path | None:
        return self.controller.autosave_dir

    def _glossary(self) -> str | None:
        """The glossary for an input that names none: the one the window follows."""
        location = self.ctx.glossary.location  # a file, or a database's URL
        if location is not None:
            return location
        settings = self.ctx.settings
        return settings.default_glossary() or settings.last_glossary() or None

    # -- opening ----------------------------------------------------------------
    def open_input(self, spec: InputSpec) -> None:
        """Open any input after the editor agreed to leave the current review; an
        autosave of the same article pair is offered first."""
        if not self.confirm_discard():
            return
        if len(spec.paths) == 2 and self.offer_restore_for(*spec.paths):
            return
        default = self.ctx.settings.default_glossary()
        if len(spec.paths) == 2 and spec.glossary is None and default:
            spec = InputSpec(spec.paths, default)  # the team's glossary (Edit > Settings)
        bilingual = len(spec.paths) == 1 and is_bilingual_path(spec.paths[0])
        if len(spec.paths) == 1 and spec.glossary is None and not self._consent_to_stored(
            spec.paths[0]
        ):
            self.controller.open_input(spec, self._glossary(), use_stored_glossary=False)
            return
        # A bilingual file names no glossary: it is checked with the one the window follows.
        self.controller.open_input(spec, self._glossary() if bilingual else None)

    def _consent_to_stored(self, path: str) -> bool:
        """A review from elsewhere names a glossary: open that path only if the editor
        agrees (it could be a FIFO that hangs, or a network share that receives the
        editor's credentials); a network path or a non-regular file is refused outright."""
        stored = stored_glossary(path)
        current = self.ctx.glossary.path
        if stored is None or (current is not None and Path(stored) == Path(current)):
            return True
        why = foreign_path_refusal(stored)
        if why is not None:
            self.ctx.ask.error(
                QCoreApplication.translate("FileOps", "Glossary named by the review"),
                QCoreApplication.translate(
                    "FileOps",
                    "The review names the glossary\n{0}\nVerso did not open it: {1}. The "
                    "review opens with the glossary you have open.",
                ).format(stored, why),
            )
            return False
        if not Path(stored).exists():
            return True  # nothing to open: the glossary part reports it missing
        if self._known_glossary(path, stored):
            return True
        return self.ctx.ask.stored_glossary(path, stored)

    def _known_glossary(self, review: str, stored: str) -> bool:
        """A glossary in the review's own folder (sent together, or saved here) or one this
        editor already uses needs no question; anything else does."""
        real = Path(stored).resolve()
        if real.is_relative_to(Path(review).resolve().parent):
            return True
        settings = self.ctx.settings
        known = {settings.default_glossary(), settings.last_glossary()}
        return any(k and Path(k).resolve() == real for k in known)

    def open_review_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.ctx.parent, translate("FileOps", "Open Review"), self.ctx.settings.last_dir(),
            dialogs.translated(dialogs.REVIEW_FILTER),
        )
        if path:
            self.open_review(path)

    def open_review(self, path: str) -> None:
        """A .verso review or a bilingual file (XLIFF, TMX)."""
        self.open_input(InputSpec((path,)))

    def open_built(self, review: Review) -> None:
        """A review made in the window (a finished machine translation)."""
        if not self.confirm_discard():
            return
        review.glossary_path = self._glossary()
        self.controller.open_review(review, self.ctx.glossary.version)
        self.ctx.status.show(
            translate("FileOps", "Machine translation ready: {count} segments").format(
                count=len(review)
            )
        )

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
        start = str(Path(self.ctx.settings.last_dir() or ".") / f"{stem}.verso")
        path, _ = QFileDialog.getSaveFileName(
            self.ctx.parent, translate("FileOps", "Save Review"), start,
            dialogs.translated(dialogs.REVIEW_FILTER),
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
            and not self.ctx.ask.overwrite_changed(path)
        ):
            self.ctx.status.show(
                translate(
                    "FileOps", "Not saved: the file was changed by someone else; use Save As."
                ),
                8000,
            )
            return False
        try:
            written = self.controller.save(path)
        except VersoError as exc:
            self.ctx.ask.error(translate("FileOps", "Save Review"), str(exc))
            return False
        self.ctx.status.show(translate("FileOps", "Saved {path}").format(path=written))
        return True

    # -- export -----------------------------------------------------------------
    def export_dialog(self) -> None:
        review = self.controller.review
        if review is None:
            return
        issues = self.controller.visible_issues()
        errors = [i for i in issues if i.severity is Severity.ERROR]
        if errors and not export_gate.ask_export_anyway(
            self.ctx.parent, len(errors), export_gate.error_listing(review, issues)
        ):
            return
        stem = Path(review.target_path or "article").stem
        start = str(self._export_folder(review) / f"{stem}.corrected.txt")
        path, chosen = export_gate.ask_export_path(
            self.ctx.parent, start, export_gate.qa_summary(review, issues)
        )
        if not path:
            return
        if not Path(path).suffix:
            # The filter names are translated: take the suffix from the chosen "(*.md)".
            match = re.search(r"\(\*(\.\w+)\)", chosen)
            path += match.group(1) if match else ".txt"
        self.export(path)

    def _export_folder(self, review: Review) -> Path:
        """Where the export dialog opens: beside the review file, else the translation."""
        for shown in (review.path, review.target_path):
            if shown and Path(shown).parent.is_dir():
                return Path(shown).resolve().parent
        return Path(self.ctx.settings.last_dir() or ".")

    def export(self, path: str) -> bool:
        from app.core.outputs.export import export_review

        review = self.controller.review
        assert review is not None
        try:
            export_review(review, path)
        except VersoError as exc:
            self.ctx.ask.error(translate("FileOps", "Export"), str(exc))
            return False
        self.ctx.status.show(translate("FileOps", "Exported {path}").format(path=path))
        return True

    # -- unsaved work and autosave ----------------------------------------------
    def confirm_discard(self, closing: bool = False) -> bool:
        """May the current review be replaced (or the window closed)?"""
        review = self.controller.review
        if review is None or not review.is_dirty:
            return True
        answer = self.ctx.ask.save_changes(closing)
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
        if not self.ctx.ask.restore(str(path)):
            autosave.discard_autosave(path)
            return False
        try:
            review = autosave.restore(path)
        except VersoError as exc:
            self.ctx.ask.error(translate("FileOps", "Restore"), str(exc))
            return False
        self.controller.open_review(review)
        return True
