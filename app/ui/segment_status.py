"""Segment status in the window: Ctrl+Enter confirms the segment and moves on to the
next unconfirmed one, the grid shows a tick, the status bar counts "N of M confirmed",
and the Go menu reaches the next unconfirmed segment or the next one with errors.
The status itself lives in core (Review.confirm / is_confirmed)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from app.core.model.issues import Severity, Side
from app.ui.article_view import ArticleView
from app.ui.context import WindowContext


class SegmentStatusUi(QObject):
    """The confirm / navigate actions and the "N of M confirmed" label."""

    def __init__(
        self, ctx: WindowContext, article: ArticleView, current: Callable[[], int | None]
    ) -> None:
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.controller = ctx.controller
        self.article = article
        self._current = current  # the segment the editor is in, None if none
        parent = ctx.parent

        def make(text: str, keys: list[str], tip: str) -> QAction:
            action = QAction(text, parent)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setStatusTip(tip)
            parent.addAction(action)
            return action

        self.confirm = make(
            self.tr("&Confirm Segment"),
            ["Ctrl+Return", "Ctrl+Enter"],
            self.tr("Mark the segment as reviewed and go to the next unconfirmed one"),
        )
        self.unconfirm = make(
            self.tr("U&nconfirm Segment"),
            ["Ctrl+Shift+U"],
            self.tr("Take back the confirmation of the segment"),
        )
        self.next_unconfirmed = make(
            self.tr("Next &Unconfirmed Segment"),
            ["F9"],
            self.tr("Go to the next segment not yet confirmed"),
        )
        self.next_error = make(
            self.tr("Next Segment with &Errors"),
            ["Ctrl+F8"],
            self.tr("Go to the next segment that has an open error"),
        )
        self.actions = [self.confirm, self.unconfirm, self.next_unconfirmed, self.next_error]
        self.label = QLabel()
        self.label.setAccessibleName(self.tr("Confirmed segments"))
        self.label.setContentsMargins(12, 0, 4, 0)  # apart from the issue counts beside it
        self.confirm.triggered.connect(self.confirm_current)
        self.unconfirm.triggered.connect(self.unconfirm_current)
        self.next_unconfirmed.triggered.connect(lambda: self.go_next_unconfirmed())
        self.next_error.triggered.connect(lambda: self.go_next_with_errors())
        self.controller.statuses_changed.connect(self._on_statuses)

    # -- showing ----------------------------------------------------------------
    def refresh(self) -> None:
        """A review was opened (the window has built its rows): show every status."""
        review = self.controller.review
        if review is None:
            return
        for index in range(len(review)):
            self.article.set_confirmed(index, review.is_confirmed(index))
        self._update_label()

    def _on_statuses(self, indices: list[int]) -> None:
        review = self.controller.review
        if review is None:
            return
        for index in indices:
            self.article.set_confirmed(index, review.is_confirmed(index))
        self._update_label()

    def _update_label(self) -> None:
        review = self.controller.review
        if review is None:
            self.label.clear()
            return
        self.label.setText(
            self.tr("{n} of {m} confirmed").format(n=len(review.confirmed), m=len(review))
        )

    # -- acting -----------------------------------------------------------------
    def _segment(self) -> int | None:
        index = self._current()
        if index is None:
            self.ctx.status.show(self.tr("Put the cursor in a segment first."))
        return index

    def confirm_current(self) -> None:
        """Ctrl+Enter: confirm the segment and go to the next unconfirmed one."""
        index = self._segment()
        if index is None or self.controller.review is None:
            return
        self.controller.set_confirmed(index, True)
        if self.go_next_unconfirmed(index) is None:
            self.ctx.status.show(self.tr("Every segment is confirmed."))

    def unconfirm_current(self) -> None:
        index = self._segment()
        if index is not None and self.controller.review is not None:
            self.controller.set_confirmed(index, False)

    def go_next_unconfirmed(self, after: int | None = None) -> int | None:
        review = self.controller.review
        if review is None or len(review) == 0:
            return None
        start = after if after is not None else self._current()
        found = review.next_unconfirmed(start if start is not None else -1)
        if found is None:
            self.ctx.status.show(self.tr("Every segment is confirmed."))
            return None
        self._go(found)
        return found

    def go_next_with_errors(self) -> int | None:
        review = self.controller.review
        if review is None or len(review) == 0:
            return None
        with_errors = {
            i.pair for i in self.controller.visible_issues() if i.severity is Severity.ERROR
        }
        current = self._current()
        start = current if current is not None else -1
        count = len(review)
        for step in range(1, count + 1):
            index = (start + step) % count
            if index in with_errors:
                self._go(index)
                return index
        self.ctx.status.show(self.tr("No segment has open errors."))
        return None

    def _go(self, index: int) -> None:
        """Put the cursor at the end of the segment's translation, ready to read on."""
        end = len(self.controller.target(index))
        self.article.select_span(index, Side.TARGET, end, end)
        self.article.current = (index, Side.TARGET)
