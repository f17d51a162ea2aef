"""Undoable changes of a review. Every change of a target goes through SetTargets,
so typing, apply-suggestion and apply-to-all share one path (and one undo step
each); ignoring an issue is a SetIgnored step on the same stack."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from app.core.model.issues import Issue

TYPING_ID = 1001


class ReviewWriter(Protocol):
    """What the commands change: the controller implements it."""

    def write_targets(self, new: dict[int, str], kind: str, update_view: bool = True) -> None: ...

    def write_ignored(self, issue: Issue, ignored: bool) -> None: ...


class SetTargets(QUndoCommand):
    """Set new target texts for one or more pairs; undo restores the old ones.

    `kind` is the Review history kind (edit, apply, apply-all). Typing in one
    segment merges into one command, as in a text editor.
    """

    def __init__(
        self,
        writer: ReviewWriter,
        changes: dict[int, tuple[str, str]],
        label: str,
        kind: str,
    ) -> None:
        super().__init__(label)
        self.writer = writer
        self.changes = dict(changes)  # index -> (old, new)
        self.kind = kind
        self._first = True

    def id(self) -> int:
        return TYPING_ID if self.kind == "edit" else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetTargets) or self.kind != "edit" or other.kind != "edit":
            return False
        if set(other.changes) != set(self.changes):
            return False
        for index, (_, new) in other.changes.items():
            self.changes[index] = (self.changes[index][0], new)
        # Keep the merged step's history: the review recorded each keystroke already.
        return True

    def redo(self) -> None:
        first, self._first = self._first, False
        self.writer.write_targets(
            {i: new for i, (_, new) in self.changes.items()},
            kind=self.kind if first else "redo",
            # Typing: the editor already shows the text; don't reset its cursor.
            update_view=not (first and self.kind == "edit"),
        )

    def undo(self) -> None:
        self.writer.write_targets({i: old for i, (old, _) in self.changes.items()}, kind="undo")


class SetIgnored(QUndoCommand):
    """Ignore an issue (or take the ignore back): Ctrl+Z after Ctrl+I shows it again."""

    def __init__(self, writer: ReviewWriter, issue: Issue, ignored: bool = True) -> None:
        label = (
            QCoreApplication.translate("SetIgnored", "Ignore “{text}”")
            if ignored
            else QCoreApplication.translate("SetIgnored", "Show “{text}” again")
        ).format(text=issue.text)
        super().__init__(label)
        self.writer = writer
        self.issue = issue
        self.ignored = ignored

    def redo(self) -> None:
        self.writer.write_ignored(self.issue, self.ignored)

    def undo(self) -> None:
        self.writer.write_ignored(self.issue, not self.ignored)
