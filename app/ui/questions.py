"""Every question the window puts to the editor, as one object the parts share."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.core.glossary.merge import Choice, Conflict
from app.core.glossary.model import GlossaryEntry
from app.ui import dialogs
from app.ui.glossary import dialogs as glossary_dialogs


class Questions:
    """Every question the window puts to the editor, as one object.

    Each method opens the modal dialog of app.ui.dialogs (looked up when asked,
    so a test that replaces a dialog function answers here too).
    """

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def error(self, title: str, message: str) -> None:
        dialogs.show_error(self.parent, title, message)

    def save_changes(self, closing: bool) -> str:
        """"save", "discard" or "cancel"."""
        return dialogs.ask_save_changes(self.parent, closing)

    def restore(self, path: str) -> bool:
        return dialogs.ask_restore(self.parent, path)

    def overwrite_changed(self, path: str) -> bool:
        return dialogs.ask_overwrite_changed(self.parent, path)

    def stored_glossary(self, review: str, glossary: str) -> bool:
        return dialogs.ask_stored_glossary(self.parent, review, glossary)

    def glossary_entry(self, entry: GlossaryEntry | None, title: str) -> GlossaryEntry | None:
        return glossary_dialogs.ask_entry(self.parent, entry, title)

    def glossary_conflict(self, conflict: Conflict) -> Choice | GlossaryEntry | None:
        return glossary_dialogs.ask_conflict(self.parent, conflict)

    def overwrite_broken_glossary(self, problems: str) -> bool:
        return glossary_dialogs.ask_overwrite(self.parent, problems)

    def glossary_problems(self, problems: str) -> None:
        glossary_dialogs.show_problems(self.parent, problems)

    def glossary_path(self, start: str, new: bool) -> str | None:
        return glossary_dialogs.ask_glossary_path(self.parent, start, new)
