"""Small dialogs: open a source/translation pair, restore an autosave.

Each is reached through one function so tests can replace it (no modal
dialog ever blocks a test run).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
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

ARTICLE_FILTER = str(
    QT_TRANSLATE_NOOP("Dialogs", "Articles (*.txt *.md *.html *.htm *.docx);;All files (*)")
)
GLOSSARY_FILTER = dialog_filter()
REVIEW_FILTER = str(QT_TRANSLATE_NOOP("Dialogs", "Verso review (*.verso)"))
EXPORT_FILTER = str(
    QT_TRANSLATE_NOOP(
        "Dialogs", "Plain text (*.txt);;Markdown (*.md);;HTML (*.html);;Word (*.docx)"
    )
)


def translated(text: str) -> str:
    """A constant declared with QT_TRANSLATE_NOOP("Dialogs", ...), translated."""
    return QCoreApplication.translate("Dialogs", text)


class OpenPairDialog(QDialog):
    """Three file pickers: source article, its translation, optional glossary."""

    def __init__(self, parent: QWidget | None, start_dir: str, glossary: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open Source and Translation"))
        self.start_dir = start_dir
        self.source = QLineEdit()
        self.target = QLineEdit()
        self.glossary = QLineEdit(glossary)
        self.glossary.setPlaceholderText(self.tr("optional"))
        self.source.setAccessibleName(self.tr("Source article file"))
        self.target.setAccessibleName(self.tr("Translation file"))
        self.glossary.setAccessibleName(self.tr("Glossary file (optional)"))
        form = QFormLayout(self)
        form.addRow(self.tr("&Source article:"), self._row(self.source, translated(ARTICLE_FILTER)))
        form.addRow(self.tr("&Translation:"), self._row(self.target, translated(ARTICLE_FILTER)))
        form.addRow(self.tr("&Glossary:"), self._row(self.glossary, GLOSSARY_FILTER))
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
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(lambda: self._browse(edit, filter_))
        layout.addWidget(browse)
        return row

    def _browse(self, edit: QLineEdit, filter_: str) -> None:
        start = edit.text() or self.start_dir
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file"), start, filter_)
        if path:
            edit.setText(path)
            self.start_dir = str(Path(path).parent)

    def _accept(self) -> None:
        for edit, message in (
            (self.source, self.tr("Choose the source article: a file that exists.")),
            (self.target, self.tr("Choose the translation: a file that exists.")),
        ):
            if not Path(edit.text()).is_file():
                QMessageBox.warning(self, self.tr("Open"), message)
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
        QCoreApplication.translate("Dialogs", "Restore review"),
        QCoreApplication.translate(
            "Dialogs", "Verso was closed without saving a review.\n\nRestore the autosaved review?"
        )
        + f"\n{path}",
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
        QCoreApplication.translate("Dialogs", "File changed on disk"),
        QCoreApplication.translate(
            "Dialogs",
            "{path} was changed by someone else (or removed) since you opened it.\n\n"
            "Overwrite it with your version? Choose No to keep their file and use "
            "Save As to save yours elsewhere; your edits stay open and in the autosave.",
        ).format(path=path),
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_stored_glossary(parent: QWidget | None, review: str, glossary: str) -> bool:
    """A review from elsewhere names a glossary file: open it? (No: the review opens
    with the glossary the window already follows, or none.)"""
    box = _plain_box(
        parent,
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Dialogs", "Glossary named by the review"),
        QCoreApplication.translate(
            "Dialogs",
            "The review\n{0}\nnames this glossary:\n{1}\n\nOpen that file and check the "
            "review against it? Choose No to keep the glossary you have open.",
        ).format(review, glossary),
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setAccessibleName(
        QCoreApplication.translate("Dialogs", "Open the glossary the review names?")
    )
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_save_changes(parent: QWidget | None, closing: bool) -> str:
    """"save", "discard" or "cancel"."""
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Dialogs", "Unsaved review"),
        QCoreApplication.translate(
            "Dialogs", "The review has changes that are not saved in a review file."
        )
        + "\n\n"
        + (
            QCoreApplication.translate("Dialogs", "Save them before closing?")
            if closing
            else QCoreApplication.translate("Dialogs", "Save them first?")
        ),
        buttons.Save | buttons.Discard | buttons.Cancel,
        buttons.Save,
    )
    if answer == buttons.Save:
        return "save"
    return "discard" if answer == buttons.Discard else "cancel"
