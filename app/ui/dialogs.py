"""Small dialogs: open a source/translation pair, restore an autosave.

Each is reached through one function so tests can replace it (no modal
dialog ever blocks a test run).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.core.glossary.formats import dialog_filter

ARTICLE_FILTER = "Articles (*.txt *.md *.html *.htm *.docx);;All files (*)"
GLOSSARY_FILTER = dialog_filter()
REVIEW_FILTER = "Verso review (*.verso)"
EXPORT_FILTER = "Plain text (*.txt);;Markdown (*.md);;HTML (*.html);;Word (*.docx)"


class OpenPairDialog(QDialog):
    """Three file pickers: source article, its translation, optional glossary."""

    def __init__(self, parent: QWidget | None, start_dir: str, glossary: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Open Source and Translation")
        self.start_dir = start_dir
        self.source = QLineEdit()
        self.target = QLineEdit()
        self.glossary = QLineEdit(glossary)
        self.glossary.setPlaceholderText("optional")
        form = QFormLayout(self)
        form.addRow("&Source article:", self._row(self.source, ARTICLE_FILTER))
        form.addRow("&Translation:", self._row(self.target, ARTICLE_FILTER))
        form.addRow("&Glossary:", self._row(self.glossary, GLOSSARY_FILTER))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(640, self.sizeHint().height())

    def _row(self, edit: QLineEdit, filter_: str) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit)
        browse = QPushButton("Browse…")
        browse.clicked.connect(lambda: self._browse(edit, filter_))
        layout.addWidget(browse)
        return row

    def _browse(self, edit: QLineEdit, filter_: str) -> None:
        start = edit.text() or self.start_dir
        path, _ = QFileDialog.getOpenFileName(self, "Choose a file", start, filter_)
        if path:
            edit.setText(path)
            self.start_dir = str(Path(path).parent)

    def _accept(self) -> None:
        for edit, name in ((self.source, "source article"), (self.target, "translation")):
            if not Path(edit.text()).is_file():
                QMessageBox.warning(self, "Open", f"Choose the {name}: a file that exists.")
                return
        self.accept()


def ask_pair(
    parent: QWidget | None, start_dir: str, glossary: str
) -> tuple[str, str, str | None] | None:
    dialog = OpenPairDialog(parent, start_dir, glossary)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.source.text(), dialog.target.text(), dialog.glossary.text() or None


def ask_restore(parent: QWidget | None, path: str) -> bool:
    answer = QMessageBox.question(
        parent,
        "Restore review",
        "Verso was closed without saving a review.\n\n"
        f"Restore the autosaved review?\n{path}",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def _plain_box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, message: str
) -> QMessageBox:
    """A message box that shows `message` as plain text: messages quote file content,
    and rich text would render (and fetch) whatever markup a file carries (issue 7)."""
    box = QMessageBox(icon, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    _plain_box(parent, QMessageBox.Icon.Warning, title, message).exec()


def ask_overwrite_changed(parent: QWidget | None, path: str) -> bool:
    """The review file was changed by someone else since it was opened: overwrite it?"""
    box = _plain_box(
        parent,
        QMessageBox.Icon.Warning,
        "File changed on disk",
        f"{path} was changed by someone else (or removed) since you opened it.\n\n"
        "Overwrite it with your version? Choose No to keep their file and use "
        "Save As to save yours elsewhere; your edits stay open and in the autosave.",
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_stored_glossary(parent: QWidget | None, review: str, glossary: str) -> bool:
    """A review from elsewhere names a glossary file: open it? (No: the review opens
    with the glossary the window already follows, or none.)"""
    tr = QCoreApplication.translate
    box = _plain_box(
        parent,
        QMessageBox.Icon.Question,
        tr("Dialogs", "Glossary named by the review"),
        tr(
            "Dialogs",
            "The review\n{0}\nnames this glossary:\n{1}\n\nOpen that file and check the "
            "review against it? Choose No to keep the glossary you have open.",
        ).format(review, glossary),
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setAccessibleName(tr("Dialogs", "Open the glossary the review names?"))
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_save_changes(parent: QWidget | None, closing: bool) -> str:
    """"save", "discard" or "cancel"."""
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent,
        "Unsaved review",
        "The review has changes that are not saved in a review file.\n\n"
        + ("Save them before closing?" if closing else "Save them first?"),
        buttons.Save | buttons.Discard | buttons.Cancel,
        buttons.Save,
    )
    if answer == buttons.Save:
        return "save"
    return "discard" if answer == buttons.Discard else "cancel"
