"""The status bar's standing widgets: the empty-window hint, the busy indicator and
the issue counts.

Kept out of main_window, which places the window's parts and wires them; this part
only shows state it is given. The busy indicator appears after PROGRESS_DELAY_MS, so
short work does not flicker. Its strings keep the "MainWindow" translation context
they had in the window: the catalogue (resources/translations) is keyed by it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from app.core.model.issues import Issue, Severity

PROGRESS_DELAY_MS = 500


class StatusBarParts:
    """The hint, the busy indicator and the counts, added to `bar` in that order."""

    def __init__(self, bar: QStatusBar) -> None:
        self.empty_hint = QLabel(
            QCoreApplication.translate(
                "MainWindow",
                "Open an article and its translation: File > Open (Ctrl+O), or drop both "
                "files here.",
            )
        )
        self.counts_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        bar.addWidget(self.empty_hint, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.counts_label)
        self._progress_timer = QTimer(bar)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_DELAY_MS)
        self._progress_timer.timeout.connect(lambda: self.progress.setVisible(True))

    def show_busy(self, busy: bool) -> None:
        """The indicator, once work has lasted PROGRESS_DELAY_MS; hidden when it ends."""
        if busy:
            if not self._progress_timer.isActive() and not self.progress.isVisible():
                self._progress_timer.start()
        else:
            self._progress_timer.stop()
            self.progress.setVisible(False)

    def show_counts(self, issues: Sequence[Issue]) -> None:
        counts = {s: 0 for s in Severity}
        for issue in issues:
            counts[issue.severity] += 1
        self.counts_label.setText(
            QCoreApplication.translate(
                "MainWindow", "{errors} errors · {warnings} warnings · {info} info"
            ).format(
                errors=counts[Severity.ERROR], warnings=counts[Severity.WARNING],
                info=counts[Severity.INFO],
            )
        )
