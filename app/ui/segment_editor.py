"""One cell of the segment grid: a plain-text editor whose height fits its text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QFrame, QMenu, QSizePolicy, QTextEdit, QWidget

from app.ui.highlighter import SpanHighlighter


class SegmentEditor(QTextEdit):
    """Word-wrapped plain text, no own scroll bar, no own undo (the window's
    QUndoStack owns undo so it spans every segment)."""

    edited = Signal(str)
    focused = Signal()
    clicked = Signal(int)  # a plain click (no selection) at this character offset

    def __init__(self, read_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setReadOnly(read_only)
        if read_only:
            self.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setAcceptDrops(False)  # file drops go to the window
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().setDocumentMargin(4)
        self.highlighter = SpanHighlighter(self.document())
        self._quiet = False
        self.ignored_spans: list[tuple[int, int]] = []
        # Set by the grid: adds actions for the issue under the mouse to the menu.
        self.issue_menu: Callable[[QMenu, int], None] | None = None
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self.textChanged.connect(self._on_text_changed)
        self._fit_height()

    def set_text(self, text: str) -> None:
        """Replace the text without emitting `edited`; keeps the cursor if it can."""
        if self.toPlainText() == text:
            return
        position = self.textCursor().position()
        self._quiet = True
        try:
            self.setPlainText(text)
        finally:
            self._quiet = False
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(text)))
        self.setTextCursor(cursor)

    def set_ignored_spans(self, spans: list[tuple[int, int]]) -> None:
        """Draw ignored issues' spans with a dotted underline in the text colour (an
        extra selection: it leaves the issue highlighter's formats alone)."""
        if spans == self.ignored_spans:
            return
        self.ignored_spans = list(spans)
        selections = []
        length = len(self.toPlainText())
        for start, end in spans:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(max(0, min(start, length)))
            cursor.setPosition(max(0, min(end, length)), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(self.palette().color(QPalette.ColorRole.Text))
            fmt.setToolTip(self.tr("Ignored issue"))
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    def select_span(self, start: int, end: int) -> None:
        length = len(self.toPlainText())
        cursor = QTextCursor(self.document())
        cursor.setPosition(max(0, min(start, length)))
        cursor.setPosition(max(0, min(end, length)), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def selected_span(self) -> tuple[int, int]:
        cursor = self.textCursor()
        return cursor.selectionStart(), cursor.selectionEnd()

    def _on_text_changed(self) -> None:
        if not self._quiet and not self.isReadOnly():
            self.edited.emit(self.toPlainText())

    def _fit_height(self) -> None:
        height = int(self.document().size().height() + 0.5) + 2 * self.frameWidth()
        if height != self.height():
            self.setFixedHeight(max(height, self.fontMetrics().height() + 12))

    def issue_offsets(self, pos: QPoint) -> int:
        """Character offset under a point of the viewport (for the context menu)."""
        return self.cursorForPosition(pos).position()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self.issue_menu is not None:
            self.issue_menu(menu, self.issue_offsets(self.viewport().mapFrom(self, event.pos())))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        cursor = self.textCursor()
        if event.button() == Qt.MouseButton.LeftButton and not cursor.hasSelection():
            self.clicked.emit(cursor.position())

    def cursor_span(self) -> tuple[int, int]:
        """The selection, or the cursor as an empty span."""
        cursor = self.textCursor()
        return cursor.selectionStart(), cursor.selectionEnd()

    def sizeHint(self) -> QSize:
        return QSize(200, self.height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a new theme: repaint the highlights
            self.highlighter.rehighlight()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def event(self, event: QEvent) -> bool:
        # Let the window's Undo/Redo actions see Ctrl+Z / Ctrl+Y while typing here.
        # Every event of every editor passes here (~1,200 while an article's rows are
        # laid out, mostly moves): the type test comes after the cheap class test, as
        # asking a QEvent its type builds a Python enum member each time.
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.ShortcutOverride
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            event.ignore()
            return True
        return super().event(event)
