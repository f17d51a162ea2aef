"""What the editor does to an issue in the window: apply its suggestion (here or
everywhere), ignore it or show it again, jump to it, insert a glossary term; and
which issue and segment the editor means, from where the focus is."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar, QWidget

from app.core.model.issues import Issue, Side
from app.ui.article_view import ArticleView
from app.ui.controller import ReviewController
from app.ui.issue_panel import IssuePanel


class IssueActions(QObject):
    """The grid and the list act on the same issue; `follow` keeps them in step after
    an apply or ignore (the list's new row is shown in the grid once checks settle)."""

    def __init__(
        self,
        parent: QObject,
        controller: ReviewController,
        article: ArticleView,
        panel: IssuePanel,
        status_bar: QStatusBar,
        focus_widget: Callable[[], QWidget | None],
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.article = article
        self.panel = panel
        self.status_bar = status_bar
        self.focus_widget = focus_widget
        self.follow = False  # after apply/ignore, the grid follows the list's new row
        # Set by the window once the glossary and team parts exist.
        self.term_to_insert: Callable[[], str | None] = lambda: None
        self.team_ignore: Callable[[Issue], None] = lambda _issue: None

    @property
    def zone(self) -> str:
        """Where the editor works: "grid" when the window's focus is in a segment, else
        "list" (a menu or a dialog open for a moment does not move the window's focus)."""
        widget = self.focus_widget()
        return "grid" if widget is not None and self.article.note_focus(widget) else "list"

    def current_segment(self) -> int | None:
        """The segment the editor is in: the focused one, else the list's issue's."""
        if self.zone == "grid" and self.article.current is not None:
            return self.article.current[0]
        issue = self.panel.current_issue()
        if issue is not None:
            return issue.pair
        return self.article.current[0] if self.article.current is not None else None

    def issue_here(self, fixable: bool) -> Issue | None:
        """The issue the editor means: the list's row when the list has focus, else
        the one under the text cursor (preferring one with a suggestion to apply)."""
        if self.zone != "grid":
            return self.panel.current_issue()
        found = self.article.issues_at_cursor()
        if fixable:
            found = [i for i in found if i.suggestion is not None and i.side is Side.TARGET]
        return found[0] if found else None

    def with_current(self, fn: Callable[[Issue], None], fixable: bool) -> None:
        issue = self.issue_here(fixable)
        if issue is None:
            where = self.tr("in the selected row") if self.zone != "grid" else self.tr(
                "at the cursor"
            )
            if fixable:
                message = self.tr("Nothing to apply {where}: put the cursor on a highlighted "
                                  "word with a suggestion.").format(where=where)
            else:
                message = self.tr("No issue {where}: put the cursor on a highlighted word."
                                  ).format(where=where)
            self.status_bar.showMessage(message, 5000)
            return
        self.panel.select_issue(issue, emit=False)  # the list shows what is acted on
        fn(issue)

    def apply_suggestion(self, issue: Issue) -> None:
        self.follow = True
        if not self.controller.apply_suggestion(issue):
            self.follow = False
            self.status_bar.showMessage(
                self.tr("Nothing to apply: no suggestion, or the text changed."), 4000
            )

    def apply_to_all(self, issue: Issue) -> None:
        self.follow = True
        changed = self.controller.apply_to_all(issue)
        self.status_bar.showMessage(
            self.tr("Replaced “{text}” with “{suggestion}” in {count} segment(s).").format(
                text=issue.text, suggestion=issue.suggestion, count=changed
            ),
            4000,
        )

    def ignore(self, issue: Issue) -> None:
        """Ignore the issue, or (an ignored one, shown by the filter) show it again."""
        review = self.controller.review
        if review is not None and review.is_ignored(issue):
            if review.is_team_ignored(issue):
                self.status_bar.showMessage(
                    self.tr("Ignored by the team's list: edit it under Glossary > Team "
                            "Ignore List."), 6000)
                return
            self.controller.unignore(issue)
            self.status_bar.showMessage(self.tr("Shown again: {m}").format(m=issue.message), 4000)
            return
        self.follow = True
        self.controller.ignore(issue)
        self.status_bar.showMessage(self.tr("Ignored: {m}").format(m=issue.message), 4000)

    def insert_term(self) -> None:
        text = self.term_to_insert()
        if text is None:
            self.status_bar.showMessage(
                self.tr("No glossary term in this segment to insert."), 4000
            )
            return
        self.insert_text(text)

    def insert_text(self, text: str) -> None:
        """Type `text` at the cursor of the current translation segment (undoable)."""
        current = self.article.current
        if current is None or current[1] is not Side.TARGET:
            self.status_bar.showMessage(
                self.tr("Put the cursor in a translation segment first."), 4000
            )
            return
        editor = self.article.targets[current[0]]
        editor.insertPlainText(text)  # emits `edited`: one typing step on the undo stack
        editor.setFocus()

    def on_issue_action(self, kind: str, issue: Issue) -> None:
        """From the editor's context menu."""
        handlers = {
            "apply": self.apply_suggestion,
            "apply-all": self.apply_to_all,
            "ignore": self.ignore,
            "unignore": self.ignore,  # on an ignored issue: shows it again
            "ignore-team": self.team_ignore,
            "show": self.jump_to,
        }
        handlers[kind](issue)

    def jump_to(self, issue: Issue) -> None:
        if not self.panel.select_issue(issue):
            self.article.select_issue(issue)
