"""Find and Replace over every target segment (Edit > Find and Replace, Ctrl+H).

A non-modal dialog: Find Next selects the next match in the grid, Replace changes
the selected match and moves on, Replace All changes every segment at once as one
undo step (the controller re-checks the changed segments). The matching itself is
core's (app.core.review.find)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from app.core.model.issues import Side
from app.core.review.find import Match, PatternError, Query, find_all, replace_all, replace_in
from app.ui.article_view import ArticleView
from app.ui.context import WindowContext


class FindReplaceDialog(QDialog):
    def __init__(self, ctx: WindowContext, article: ArticleView) -> None:
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.controller = ctx.controller
        self.article = article
        self.setWindowTitle(self.tr("Find and Replace"))
        self.find_edit = QLineEdit()
        self.find_edit.setAccessibleName(self.tr("Find"))
        self.replace_edit = QLineEdit()
        self.replace_edit.setAccessibleName(self.tr("Replace with"))
        self.regex_box = QCheckBox(self.tr("Regular e&xpression"))
        self.word_box = QCheckBox(self.tr("&Whole word"))
        self.case_box = QCheckBox(self.tr("Match &case"))
        for box in (self.regex_box, self.word_box, self.case_box):
            box.setAccessibleName(box.text().replace("&", ""))
            box.toggled.connect(self._changed)
        self.find_edit.textChanged.connect(self._changed)
        self.find_button = QPushButton(self.tr("&Find Next"))
        self.replace_button = QPushButton(self.tr("&Replace"))
        self.replace_all_button = QPushButton(self.tr("Replace &All"))
        close = QPushButton(self.tr("Close"))
        for button in (self.find_button, self.replace_button, self.replace_all_button, close):
            button.setAccessibleName(button.text().replace("&", ""))
        self.find_button.setDefault(True)
        self.find_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_everywhere)
        close.clicked.connect(self.close)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Find result"))
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Fi&nd:"), self.find_edit)
        form.addRow(self.tr("Replace wit&h:"), self.replace_edit)
        options = QHBoxLayout()
        for box in (self.regex_box, self.word_box, self.case_box):
            options.addWidget(box)
        buttons = QHBoxLayout()
        for button in (self.find_button, self.replace_button, self.replace_all_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(options)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._last: Match | None = None

    def query(self) -> Query:
        return Query(
            self.find_edit.text(),
            regex=self.regex_box.isChecked(),
            whole_word=self.word_box.isChecked(),
            match_case=self.case_box.isChecked(),
        )

    def _targets(self) -> list[str]:
        review = self.controller.review
        return [] if review is None else list(review.targets)

    def _matches(self) -> list[Match] | None:
        try:
            found = find_all(self._targets(), self.query())
        except PatternError as exc:
            self.message.setText(str(exc))
            return None
        return found

    def _changed(self) -> None:
        self._last = None
        found = self._matches()
        if found is not None:
            self.message.setText(
                self.tr("{n} match(es) in {m} segment(s)").format(
                    n=len(found), m=len({f.pair for f in found})
                )
                if self.find_edit.text()
                else ""
            )

    def _cursor(self) -> tuple[int, int]:
        """(pair, offset) to search from: the last match, else the grid's cursor."""
        if self._last is not None:
            return self._last.pair, self._last.end
        current = self.article.current
        if current is not None and current[1] is Side.TARGET:
            return current[0], self.article.targets[current[0]].cursor_span()[1]
        return 0, 0

    def find_next(self) -> Match | None:
        found = self._matches()
        if not found:
            if found is not None:
                self.message.setText(self.tr("Not found."))
            return None
        pair, offset = self._cursor()
        after = [m for m in found if (m.pair, m.start) >= (pair, offset)]
        if self._last is not None:
            after = [m for m in after if m != self._last]
        match = after[0] if after else found[0]  # wrap around
        self._last = match
        self.article.select_span(match.pair, Side.TARGET, match.start, match.end, focus=False)
        self.message.setText(
            self.tr("Match {i} of {n}").format(i=found.index(match) + 1, n=len(found))
        )
        return match

    def replace_current(self) -> None:
        """Replace the match found last (if the text still holds it), then find the next."""
        match = self._last
        if match is None:
            self.find_next()
            return
        text = self.controller.target(match.pair)
        piece = text[match.start : match.end]
        try:
            new_piece = replace_in(piece, self.query(), self.replace_edit.text())
        except PatternError as exc:
            self.message.setText(str(exc))
            return
        new = text[: match.start] + new_piece + text[match.end :]
        self.controller.set_targets(
            {match.pair: new}, self.tr("Replace “{t}”").format(t=piece), "apply"
        )
        self._last = Match(match.pair, match.start, match.start + len(new_piece))
        self.find_next()

    def replace_everywhere(self) -> int:
        """Replace All: one undo step; returns how many segments changed."""
        try:
            new = replace_all(self._targets(), self.query(), self.replace_edit.text())
        except PatternError as exc:
            self.message.setText(str(exc))
            return 0
        if new:
            self.controller.set_targets(
                new,
                self.tr("Replace all “{f}” with “{r}”").format(
                    f=self.find_edit.text(), r=self.replace_edit.text()
                ),
                "apply-all",
            )
        self._last = None
        self.message.setText(self.tr("Replaced in {n} segment(s).").format(n=len(new)))
        self.ctx.status.show(self.message.text())
        return len(new)
