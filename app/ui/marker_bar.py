"""A thin strip beside the scroll bar: one tick per issue at its place in the
article, coloured by severity; a click jumps to the nearest issue."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from app.core.model.issues import Issue, Severity
from app.ui.theme import MARK_CONTRAST, severity_colour

WIDTH = 12
TICK = 4
TICK_WIDTHS = {Severity.ERROR: WIDTH - 2, Severity.WARNING: 7.0, Severity.INFO: 4.0}


class MarkerBar(QWidget):
    issue_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(WIDTH)
        self.setToolTip(self.tr("Issues in the article: click to jump"))
        self.setAccessibleName(self.tr("Issue markers"))
        self.setAccessibleDescription(
            self.tr("One tick per issue at its place in the article; click to jump to it")
        )
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._markers: list[tuple[float, Issue]] = []

    @property
    def markers(self) -> list[tuple[float, Issue]]:
        return list(self._markers)

    def set_markers(self, issues: Sequence[Issue], row_fractions: Sequence[float]) -> None:
        self._markers = [
            (row_fractions[i.pair], i) for i in issues if 0 <= i.pair < len(row_fractions)
        ]
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, 100)

    def _y(self, fraction: float) -> float:
        return fraction * max(1, self.height() - TICK)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        # Errors last so they are drawn on top of warnings at the same place.
        for fraction, issue in sorted(self._markers, key=lambda m: m[1].severity.rank):
            colour = severity_colour(
                issue.severity, self.palette(), self.palette().window().color(), MARK_CONTRAST
            )
            width = TICK_WIDTHS[issue.severity]  # severity by length too, not colour alone
            painter.fillRect(QRectF(WIDTH - 1 - width, self._y(fraction), width, TICK), colour)
        painter.end()

    def issue_at(self, y: float) -> Issue | None:
        if not self._markers:
            return None
        best = min(
            self._markers,
            key=lambda m: (abs(self._y(m[0]) - y), -m[1].severity.rank),
        )
        return best[1]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        issue = self.issue_at(event.position().y())
        if issue is not None:
            self.issue_clicked.emit(issue)
