"""A one-line legend: the colour of each kind of check present in the article.

Each chip sets its background and text from the current palette (app.ui.theme),
and repaints when the theme changes."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.ui.highlighter import colour_for, is_registered, label_for, text_colour_for


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 2, 6, 2)
        self._layout.setSpacing(8)
        self.labels: list[QLabel] = []
        self.setAccessibleName(self.tr("Legend of check colours"))

    def set_checks(self, checks: Iterable[str]) -> None:
        wanted = sorted(set(checks), key=lambda c: (not is_registered(c), label_for(c)))
        if [label.property("check") for label in self.labels] == wanted:
            return
        for label in self.labels:
            self._layout.removeWidget(label)
            label.deleteLater()
        self.labels = []
        while self._layout.count():
            self._layout.takeAt(0)
        for check in wanted:
            label = QLabel(label_for(check))
            label.setProperty("check", check)
            label.setToolTip(check)
            name = self.tr("Highlight colour of: %1").replace("%1", label_for(check))
            label.setAccessibleName(name)
            self._layout.addWidget(label)
            self.labels.append(label)
        self._layout.addStretch(1)
        self._paint()

    def _paint(self) -> None:
        for label in self.labels:
            check = str(label.property("check"))
            label.setStyleSheet(
                f"background-color: {colour_for(check).name()}; "
                f"color: {text_colour_for(check).name()}; padding: 1px 6px; border-radius: 3px;"
            )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._paint()
