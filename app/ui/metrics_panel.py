"""Post-editing metrics beside the issue list: how much the editor changed the MT.

One row per edited segment (HTER, chrF, BLEU, words changed) and an article
summary, all from app.core.outputs.metrics, so the window shows the same numbers as
`python -m app metrics` and the QA report. Refreshed shortly after each edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.model.errors import VersoError
from app.core.review.model import Review

if TYPE_CHECKING:  # the metrics module loads when the dock first computes
    from app.core.outputs.metrics import ArticleMetrics

REFRESH_DELAY_MS = 300
COLUMNS = (
    QT_TRANSLATE_NOOP("MetricsPanel", "Segment"), "HTER", "chrF", "BLEU",
    QT_TRANSLATE_NOOP("MetricsPanel", "Words changed"),
)  # fmt: skip


def summary_text(metrics: ArticleMetrics) -> str:
    minutes = (
        ""
        if not metrics.seconds
        else QCoreApplication.translate("MetricsPanel", " · {minutes} min in review").format(
            minutes=f"{metrics.seconds / 60:.1f}"
        )
    )
    return QCoreApplication.translate(
        "MetricsPanel",
        "Article: HTER {hter} · chrF {chrf} · BLEU {bleu} · {edited} of {total} segments "
        "edited · {words} words changed",
    ).format(
        hter=f"{metrics.hter:.3f}", chrf=f"{metrics.chrf:.1f}", bleu=f"{metrics.bleu:.1f}",
        edited=metrics.segments_changed, total=len(metrics.segments),
        words=metrics.words_changed,
    ) + minutes  # fmt: skip


class MetricsPanel(QWidget):
    """Per-segment and article metrics of the review's MT against its current text."""

    segment_activated = Signal(int)  # pair index, to scroll the grid there

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review: Review | None = None
        self._metrics: ArticleMetrics | None = None
        self._stale = False  # a review came while the panel was hidden: not computed yet
        self.summary = QLabel(self.tr("No review open."))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName(self.tr("Edit distance per segment"))
        self.table.setAccessibleDescription(
            self.tr("HTER, chrF and BLEU of each segment's MT against its text now")
        )
        self.summary.setAccessibleName(self.tr("Article metrics"))
        self.summary.setAccessibleDescription(
            self.tr("HTER, chrF, BLEU and edits of the whole article")
        )
        self.table.setHorizontalHeaderLabels([self.tr(str(c)) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

    @property
    def metrics(self) -> ArticleMetrics | None:
        """The article's figures (computed now if the panel was hidden when they changed)."""
        if self._stale:
            self.refresh()
        return self._metrics

    def set_review(self, review: Review | None) -> None:
        """A review was opened. A hidden panel computes its figures when shown (or asked):
        sacrebleu's import and the TER of every segment would otherwise hold the UI
        thread ~0.2 s between the first check's end and its issues being painted."""
        self.review = review
        if self.isVisible():
            self.refresh()
            return
        self._timer.stop()
        self._stale = True
        self._metrics = None
        self.table.setRowCount(0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def schedule(self) -> None:
        """An edit happened: refresh once typing pauses."""
        self._timer.start()

    def refresh(self) -> None:
        from app.core.outputs.metrics import compute_metrics  # loads with the first refresh

        self._timer.stop()
        self._stale = False
        review = self.review
        self.table.setRowCount(0)
        self._metrics = None
        if review is None or len(review) == 0:
            self.summary.setText(self.tr("No review open."))
            return
        mt = [review.original_target(i) for i in range(len(review))]
        try:
            metrics = compute_metrics(mt, list(review.targets), review.seconds_spent or None)
        except VersoError as exc:
            self.summary.setText(str(exc))
            return
        self._metrics = metrics
        self.summary.setText(summary_text(metrics))
        edited = [s for s in metrics.segments if review.is_edited(s.index)]
        self.table.setRowCount(len(edited))
        for row, seg in enumerate(edited):
            values = (
                str(seg.index + 1), f"{seg.hter:.3f}", f"{seg.chrf:.1f}", f"{seg.bleu:.1f}",
                str(seg.words_changed),
            )
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, seg.index)
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)

    def row_values(self, row: int) -> list[str]:
        """The texts of one row (for tests and copying)."""
        return [
            item.text() if (item := self.table.item(row, c)) is not None else ""
            for c in range(self.table.columnCount())
        ]

    def _activated(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.segment_activated.emit(int(item.data(Qt.ItemDataRole.UserRole)))
