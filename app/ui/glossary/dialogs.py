"""Glossary dialogs: edit one entry, resolve a conflict, confirm an overwrite.

Each modal dialog is reached through one module-level function (ask_entry,
ask_conflict, ask_overwrite, show_problems) so tests can replace it and no test
ever blocks on a modal loop.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.core.glossary.formats import dialog_filter, with_write_suffix
from app.core.glossary.merge import Choice, Conflict
from app.core.glossary.model import GlossaryEntry
from app.core.glossary.rows import join_alternatives, split_alternatives
from app.core.model.issues import Severity
from app.ui.theme import severity_colour


def _alternatives(edit: QLineEdit) -> tuple[str, ...]:
    return split_alternatives(edit.text())


class EntryDialog(QDialog):
    """Source term, renderings (preferred first, `|` between), forbidden, note, author, date."""

    def __init__(self, parent: QWidget | None, entry: GlossaryEntry | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.original = entry
        e = entry or GlossaryEntry("", ())
        self.source = QLineEdit(e.source)
        self.targets = QLineEdit(join_alternatives(e.targets))
        self.targets.setPlaceholderText(self.tr("preferred rendering | other accepted ones"))
        self.forbidden = QLineEdit(join_alternatives(e.forbidden))
        self.forbidden.setPlaceholderText(self.tr("rejected renderings, separated by |"))
        self.note = QLineEdit(e.note)
        self.author = QLineEdit(e.get_extra("author"))
        self.updated = QLineEdit(e.get_extra("updated"))
        self.error = QLabel()
        window = self.palette().window().color()
        error_colour = severity_colour(Severity.ERROR, self.palette(), window)
        self.error.setStyleSheet(f"color: {error_colour.name()}")  # readable in every theme
        form = QFormLayout(self)
        form.addRow(self.tr("&Source term:"), self.source)
        form.addRow(self.tr("&Rendering:"), self.targets)
        form.addRow(self.tr("&Forbidden:"), self.forbidden)
        form.addRow(self.tr("&Note:"), self.note)
        form.addRow(self.tr("&Author:"), self.author)
        form.addRow(self.tr("&Date:"), self.updated)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    def problem(self) -> str:
        """Why the fields cannot be saved yet ('' when they can)."""
        if not " ".join(self.source.text().split()):
            return self.tr("The source term is empty.")
        if not _alternatives(self.targets):
            return self.tr("Give at least one rendering.")
        clash = set(_alternatives(self.targets)) & set(_alternatives(self.forbidden))
        if clash:
            return self.tr("“{term}” cannot be both accepted and forbidden.").format(
                term=sorted(clash)[0]
            )
        return ""

    def entry(self) -> GlossaryEntry:
        base = self.original or GlossaryEntry("", ())
        entry = replace(
            base,
            source=" ".join(self.source.text().split()),
            targets=_alternatives(self.targets),
            forbidden=_alternatives(self.forbidden),
            note=self.note.text().strip(),
        )
        for name, edit in (("author", self.author), ("updated", self.updated)):
            if edit.text().strip() or entry.get_extra(name):
                entry = entry.with_extra(name, edit.text().strip())
        return entry

    def _accept(self) -> None:
        problem = self.problem()
        self.error.setText(problem)
        if not problem:
            self.accept()


def ask_entry(
    parent: QWidget | None, entry: GlossaryEntry | None, title: str = ""
) -> GlossaryEntry | None:
    """The edited entry, or None when the editor cancels."""
    if not title:
        title = QCoreApplication.translate("GlossaryDialogs", "Glossary Entry")
    dialog = EntryDialog(parent, entry, title)
    return dialog.entry() if dialog.exec() == QDialog.DialogCode.Accepted else None


def describe(entry: GlossaryEntry | None) -> str:
    """An entry as a few readable lines (or 'deleted')."""
    if entry is None:
        return QCoreApplication.translate("GlossaryDialogs", "(deleted)")
    lines = [f"{entry.source} → {' | '.join(entry.targets)}"]
    if entry.forbidden:
        rejects = QCoreApplication.translate("GlossaryDialogs", "rejects: {forms}")
        lines.append(rejects.format(forms=" | ".join(entry.forbidden)))
    if entry.note:
        note = QCoreApplication.translate("GlossaryDialogs", "note: {note}")
        lines.append(note.format(note=entry.note))
    who = ", ".join(v for v in (entry.get_extra("author"), entry.get_extra("updated")) if v)
    if who:
        lines.append(who)
    return "\n".join(lines)


class ConflictDialog(QDialog):
    """Both versions side by side; keep mine, keep theirs, or edit one and keep that."""

    def __init__(self, parent: QWidget | None, conflict: Conflict) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Glossary Conflict"))
        self.conflict = conflict
        self.choice: Choice | GlossaryEntry | None = None
        grid = QGridLayout(self)
        grid.addWidget(
            QLabel(self.tr("Another editor changed this entry since you read the glossary.\n"
                           "Choose the version to keep (nothing is written until you choose).")),
            0, 0, 1, 2,
        )  # fmt: skip
        for col, (title, entry) in enumerate(
            ((self.tr("Your version"), conflict.mine),
             (self.tr("Their version (in the file now)"), conflict.theirs))
        ):
            head = QLabel(f"<b>{title}</b>")
            body = QLabel(describe(entry))
            body.setTextFormat(Qt.TextFormat.PlainText)  # entry text is data, never markup
            body.setTextInteractionFlags(body.textInteractionFlags().TextSelectableByMouse)
            body.setFrameShape(QLabel.Shape.StyledPanel)
            grid.addWidget(head, 1, col)
            grid.addWidget(body, 2, col)
        mine = QPushButton(self.tr("Keep &mine"))
        theirs = QPushButton(self.tr("Keep &theirs"))
        edit = QPushButton(self.tr("&Edit…"))
        mine.clicked.connect(lambda: self._done(Choice.MINE))
        theirs.clicked.connect(lambda: self._done(Choice.THEIRS))
        edit.clicked.connect(self._edit)
        buttons = QDialogButtonBox()
        for button in (mine, theirs, edit):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        grid.addWidget(buttons, 3, 0, 1, 2)

    def _done(self, choice: Choice | GlossaryEntry) -> None:
        self.choice = choice
        self.accept()

    def _edit(self) -> None:
        start = self.conflict.mine or self.conflict.theirs
        edited = ask_entry(self, start, self.tr("Edit the Entry to Keep"))
        if edited is not None:
            self._done(edited)


def ask_conflict(parent: QWidget | None, conflict: Conflict) -> Choice | GlossaryEntry | None:
    """Choice.MINE / Choice.THEIRS / an edited entry; None: decide later (kept pending)."""
    dialog = ConflictDialog(parent, conflict)
    return dialog.choice if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_overwrite(parent: QWidget | None, problems: str) -> bool:
    """Explicit consent to replace a glossary file that cannot be read."""
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("GlossaryDialogs", "Overwrite the Glossary?"),
        f"{problems}\n\n"
        + QCoreApplication.translate(
            "GlossaryDialogs",
            "Overwriting keeps only the entries Verso could read; the broken "
            "file is kept beside it as .broken-<time>. Overwrite anyway?",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_problems(parent: QWidget | None, problems: str) -> None:
    title = QCoreApplication.translate("GlossaryDialogs", "Glossary Problems")
    QMessageBox.information(parent, title, problems)


def ask_glossary_path(parent: QWidget | None, start: str, new: bool) -> str | None:
    """A glossary file to create (new=True: offered in the formats Verso writes, the chosen
    one's suffix added when none was typed) or open; None when cancelled."""
    if new:
        title = QCoreApplication.translate("GlossaryDialogs", "New Glossary")
        path, chosen = QFileDialog.getSaveFileName(
            parent, title, start, dialog_filter(writing=True)
        )
        return with_write_suffix(path, chosen) if path else None
    title = QCoreApplication.translate("GlossaryDialogs", "Open Glossary")
    path, _ = QFileDialog.getOpenFileName(parent, title, start, dialog_filter())
    return path or None


def open_folder(path: str) -> None:
    """Show the glossary's folder in the file manager, so the editor can fix the file."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(path))
