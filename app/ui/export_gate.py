"""The delivery gate: before the corrected article is exported, a short QA summary
(open errors and warnings by check, confirmed segments) shows in the export dialog,
and open errors are listed with a question: export anyway?"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QGridLayout, QLabel, QMessageBox, QWidget

from app.core.model.issues import Issue, Severity
from app.core.review.model import Review
from app.ui.dialogs import EXPORT_FILTER, translated
from app.ui.highlighter import label_for

MAX_LISTED = 12


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportGate", text)


def qa_summary(review: Review, issues: Sequence[Issue]) -> str:
    """Two or three short lines: open errors and warnings by check, confirmed segments."""
    lines = []
    for severity, name in ((Severity.ERROR, _tr("errors")), (Severity.WARNING, _tr("warnings"))):
        found = [i for i in issues if i.severity is severity]
        by_check = Counter(label_for(i.check) for i in found)
        detail = ", ".join(f"{label} {n}" for label, n in sorted(by_check.items()))
        lines.append(
            _tr("Open {name}: {n}").format(name=name, n=len(found))
            + (f" ({detail})" if detail else "")
        )
    lines.append(
        _tr("Confirmed segments: {n} of {m}").format(n=len(review.confirmed), m=len(review))
    )
    return "\n".join(lines)


def error_listing(review: Review, issues: Sequence[Issue]) -> str:
    """The open errors, one a line ("segment 3: “Kiev”: message"), at most MAX_LISTED."""
    errors = [i for i in issues if i.severity is Severity.ERROR]
    lines = [
        _tr("Segment {n}: “{text}”: {message}").format(n=i.pair + 1, text=i.text, message=i.message)
        for i in errors[:MAX_LISTED]
    ]
    if len(errors) > MAX_LISTED:
        lines.append(_tr("… and {n} more").format(n=len(errors) - MAX_LISTED))
    return "\n".join(lines)


def ask_export_anyway(parent: QWidget | None, count: int, listing: str) -> bool:
    """Modal question (tests replace it): True to export with the errors open."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Open errors"))
    box.setText(_tr("{n} error(s) are still open. Export anyway?").format(n=count))
    box.setInformativeText(listing)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_export_path(parent: QWidget | None, start: str, summary: str) -> tuple[str, str]:
    """The export file dialog with the QA summary under it (Qt's own dialog, so the
    summary can sit inside it); ("", "") when cancelled. Tests replace it."""
    dialog = QFileDialog(
        parent, _tr("Export Corrected Article"), start, translated(EXPORT_FILTER)
    )
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.selectFile(start)
    label = summary_label(summary)
    layout = dialog.layout()
    if isinstance(layout, QGridLayout):
        layout.addWidget(label, layout.rowCount(), 0, 1, layout.columnCount())
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return "", ""
    return dialog.selectedFiles()[0], dialog.selectedNameFilter()


def summary_label(summary: str) -> QLabel:
    label = QLabel(summary)
    label.setWordWrap(True)
    label.setAccessibleName(_tr("Quality summary"))
    return label
