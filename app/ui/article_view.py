"""The segment grid: one row per pair, source read-only on the left, the
translation editable on the right, both highlighted at the issues' spans."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFont, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QMenu, QScrollArea, QWidget

from app.core.model.document import Pair
from app.core.model.issues import Issue, Side
from app.ui.highlighter import Span
from app.ui.segment_editor import SegmentEditor


class ArticleView(QScrollArea):
    """Rows of (number, source, target) that scroll together as one article."""

    target_edited = Signal(int, str)
    # ("apply" | "apply-all" | "ignore" | "ignore-team" | "unignore" | "show", issue)
    issue_action = Signal(str, object)
    segment_focused = Signal(int)
    layout_changed = Signal()
    issue_clicked = Signal(object)  # a click on a highlighted span: its issue

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._container = QWidget()
        self._grid = QGridLayout(self._container)
        self._grid.setContentsMargins(6, 6, 6, 6)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(4)
        self._grid.setColumnStretch(1, 1)
        self._grid.setColumnStretch(2, 1)
        self.setWidget(self._container)
        self.setAccessibleName(self.tr("Article: source and translation, segment by segment"))
        self.setAccessibleDescription(
            self.tr("Tab moves from segment to segment; highlighted words have issues")
        )
        self.sources: list[SegmentEditor] = []
        self.targets: list[SegmentEditor] = []
        self.numbers: list[QLabel] = []
        self._issues: list[Issue] = []
        self._ignored: list[Issue] = []
        # Rows whose editors were last given spans: an editor with none before and none
        # now is left alone (a re-check of a 600-pair article touches a few rows).
        self._marked: set[tuple[int, Side]] = set()
        self._dotted: set[tuple[int, Side]] = set()
        self._selected: list[SegmentEditor] = []
        self.current: tuple[int, Side] | None = None  # the editor that last had focus
        self._source_header = QLabel()
        self._target_header = QLabel()
        for label in (self._source_header, self._target_header):
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)
        self._grid.addWidget(self._source_header, 0, 1)
        self._grid.addWidget(self._target_header, 0, 2)
        self.verticalScrollBar().rangeChanged.connect(lambda *_: self.layout_changed.emit())
        self._container.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._container and isinstance(event, QResizeEvent):
            self.layout_changed.emit()  # row positions moved: markers follow
        return super().eventFilter(watched, event)

    def set_pairs(self, pairs: Sequence[Pair], source_lang: str, target_lang: str) -> None:
        """Rebuild the rows for a newly opened article. The grid is hidden meanwhile: each
        row added to a shown grid moved every row below it (600 moves for 34 rows, each a
        Python event); shown again, it lays the rows out once."""
        self._container.hide()
        try:
            self._set_pairs(pairs, source_lang, target_lang)
        finally:
            self._container.show()

    def _set_pairs(self, pairs: Sequence[Pair], source_lang: str, target_lang: str) -> None:
        for widget in [*self.sources, *self.targets, *self.numbers]:
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self.sources, self.targets, self.numbers = [], [], []
        self._marked, self._dotted = set(), set()
        self._selected = []
        self.current = None
        self._source_header.setText(
            self.tr("Source ({lang})").format(lang=source_lang)
            if source_lang
            else self.tr("Source")
        )
        self._target_header.setText(
            self.tr("Translation ({lang})").format(lang=target_lang)
            if target_lang
            else self.tr("Translation")
        )
        for row, pair in enumerate(pairs, start=1):
            number = QLabel(str(pair.index + 1))
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            number.setMinimumWidth(number.fontMetrics().horizontalAdvance("✓ 0000"))
            source = SegmentEditor(read_only=True)
            source.setPlainText(pair.source)
            number_text = str(pair.index + 1)
            source.setAccessibleName(self.tr("Source, segment %1").replace("%1", number_text))
            source.setAccessibleDescription(self.tr("Read-only source text"))
            target = SegmentEditor(read_only=False)
            target.setAccessibleName(
                self.tr("Translation, segment %1").replace("%1", number_text)
            )
            target.setAccessibleDescription(
                self.tr("Editable translation; highlighted words have issues (F8: next issue)")
            )
            target.set_text(pair.target)
            index = pair.index
            target.edited.connect(lambda text, i=index: self.target_edited.emit(i, text))
            target.focused.connect(lambda i=index: self._focused(i, Side.TARGET))
            target.issue_menu = lambda menu, offset, i=index: self._issue_menu(menu, i, offset)
            source.focused.connect(lambda i=index: self._focused(i, Side.SOURCE))
            target.clicked.connect(lambda at, i=index: self._clicked(i, Side.TARGET, at))
            source.clicked.connect(lambda at, i=index: self._clicked(i, Side.SOURCE, at))
            self._grid.addWidget(number, row, 0)
            self._grid.addWidget(source, row, 1, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(target, row, 2, Qt.AlignmentFlag.AlignTop)
            self.numbers.append(number)
            self.sources.append(source)
            self.targets.append(target)
        self._grid.setRowStretch(len(pairs) + 1, 1)
        self.layout_changed.emit()

    def set_target_text(self, index: int, text: str) -> None:
        self.targets[index].set_text(text)

    def set_edited(self, index: int, edited: bool) -> None:
        label = self.numbers[index]
        font = QFont(label.font())
        font.setBold(edited)
        label.setFont(font)
        self._label_status(index)

    def set_confirmed(self, index: int, confirmed: bool) -> None:
        """Segment status in the number column: a tick (text, so any palette shows it)."""
        label = self.numbers[index]
        label.setProperty("confirmed", confirmed)
        label.setText(f"✓ {index + 1}" if confirmed else str(index + 1))
        self._label_status(index)

    def is_confirmed_shown(self, index: int) -> bool:
        return bool(self.numbers[index].property("confirmed"))

    def _label_status(self, index: int) -> None:
        label = self.numbers[index]
        words = []
        if label.font().bold():
            words.append(self.tr("Edited"))
        if label.property("confirmed"):
            words.append(self.tr("Confirmed"))
        label.setToolTip(" · ".join(words))
        label.setAccessibleName(
            self.tr("Segment {n}").format(n=index + 1) + (f": {', '.join(words)}" if words else "")
        )

    def issues_at(self, index: int, offset: int) -> list[Issue]:
        """Target-side issues of pair `index` whose span contains `offset`."""
        return [
            i for i in self._issues
            if i.pair == index and i.side is Side.TARGET and i.start <= offset <= i.end
        ]

    def _focused(self, index: int, side: Side) -> None:
        self.current = (index, side)
        self.segment_focused.emit(index)

    def note_focus(self, widget: QWidget) -> bool:
        """If `widget` (the window's focus) is a segment, make it current and say so
        (focus set while the window is inactive sends no focus-in event)."""
        for side, editors in ((Side.TARGET, self.targets), (Side.SOURCE, self.sources)):
            for index, editor in enumerate(editors):
                if editor is widget:
                    self.current = (index, side)
                    return True
        return False

    def issues_in(self, index: int, side: Side, start: int, end: int) -> list[Issue]:
        """Issues drawn on `side` of pair `index` that touch [start, end] (a cursor
        at either edge of a span counts): the issue's own span, or on the source
        side also the source term a target issue points at."""
        found: list[Issue] = []
        for issue in self._issues:
            if issue.pair != index:
                continue
            if issue.side is side:
                span = (issue.start, issue.end)
            elif side is Side.SOURCE and issue.source_start is not None:
                span = (issue.source_start, issue.source_end or issue.source_start)
            else:
                continue
            if span[0] <= end and start <= span[1]:
                found.append(issue)
        return found

    def issues_at_cursor(self) -> list[Issue]:
        """The issues under the text cursor (or selection) of the editor last focused;
        the ones whose span holds the selection exactly come first."""
        if self.current is None or not 0 <= self.current[0] < len(self.targets):
            return []
        index, side = self.current
        start, end = self.editor_for(index, side).cursor_span()
        found = self.issues_in(index, side, start, end)
        return sorted(found, key=lambda i: (i.side is not side or (i.start, i.end) != (start, end)))

    def _clicked(self, index: int, side: Side, offset: int) -> None:
        found = self.issues_in(index, side, offset, offset)
        if found:
            self.issue_clicked.emit(found[0])

    def _issue_menu(self, menu: QMenu, index: int, offset: int) -> None:
        found = self.issues_at(index, offset)
        hidden = [
            i for i in self._ignored
            if i.pair == index and i.side is Side.TARGET and i.start <= offset <= i.end
        ]
        if not found and not hidden:
            return
        first = menu.actions()[0] if menu.actions() else None
        for issue in hidden:
            action = QAction(self.tr("Show “{t}” again (un-ignore)").format(t=issue.text), menu)
            action.triggered.connect(
                lambda _c=False, i=issue: self.issue_action.emit("unignore", i)
            )
            menu.insertAction(first, action)  # type: ignore[arg-type]
            menu.insertSeparator(first)  # type: ignore[arg-type]
        for issue in found:
            entries: list[tuple[str, str]] = [("show", f"{issue.message}")]
            if issue.suggestion is not None:
                entries += [
                    ("apply", self.tr("Replace with “{suggestion}”").format(
                        suggestion=issue.suggestion)),
                    ("apply-all", self.tr("Replace every “{text}” with “{suggestion}”").format(
                        text=issue.text, suggestion=issue.suggestion)),
                ]
            entries.append(("ignore", self.tr("Ignore this issue")))
            entries.append(("ignore-team", self.tr("Ignore “{t}” for this check in every article")
                            .format(t=issue.text)))
            for kind, text in entries:
                action = QAction(text, menu)
                action.triggered.connect(
                    lambda _c=False, k=kind, i=issue: self.issue_action.emit(k, i)
                )
                menu.insertAction(first, action)  # type: ignore[arg-type]
            menu.insertSeparator(first)  # type: ignore[arg-type]

    def set_issues(self, issues: Sequence[Issue], ignored: Sequence[Issue] = ()) -> None:
        """Highlight each issue on its side, and the matching source term; ignored
        issues get a dotted underline only (marked, but plainly not open)."""
        self._issues = list(issues)
        self._ignored = list(ignored)
        self._draw_ignored(ignored)
        spans: dict[tuple[int, Side], list[Span]] = {}
        for issue in issues:
            if issue.pair >= len(self.sources):
                continue
            span = Span(issue.start, issue.end, issue.check, issue.severity)
            if issue.side is Side.SOURCE:
                spans.setdefault((issue.pair, Side.SOURCE), []).append(span)
            else:
                spans.setdefault((issue.pair, Side.TARGET), []).append(span)
                if issue.source_start is not None and issue.source_end is not None:
                    spans.setdefault((issue.pair, Side.SOURCE), []).append(
                        Span(issue.source_start, issue.source_end, issue.check, issue.severity)
                    )
        for key in self._marked | spans.keys():
            self.editor_for(*key).highlighter.set_spans(spans.get(key, []))
        self._marked = set(spans)

    def _draw_ignored(self, ignored: Sequence[Issue]) -> None:
        spans: dict[tuple[int, Side], list[tuple[int, int]]] = {}
        for issue in ignored:
            if issue.pair < len(self.targets):
                spans.setdefault((issue.pair, issue.side), []).append((issue.start, issue.end))
        for key in self._dotted | spans.keys():
            self.editor_for(*key).set_ignored_spans(spans.get(key, []))
        self._dotted = set(spans)

    def ignored_spans(self, index: int, side: Side) -> list[tuple[int, int]]:
        return self.editor_for(index, side).ignored_spans

    def editor_for(self, index: int, side: Side) -> SegmentEditor:
        return self.sources[index] if side is Side.SOURCE else self.targets[index]

    def select_issue(self, issue: Issue, focus: bool = True) -> None:
        """Scroll to the issue, select its span (and focus it, ready to type)."""
        source_span = None
        if issue.side is Side.TARGET and issue.source_start is not None:
            source_span = (issue.source_start, issue.source_end or issue.source_start)
        self.select_span(issue.pair, issue.side, issue.start, issue.end, focus, source_span)

    def select_span(
        self, pair: int, side: Side, start: int, end: int, focus: bool = True,
        source_span: tuple[int, int] | None = None,
    ) -> None:  # fmt: skip
        """Scroll to a span of one segment and select it (an empty span puts the cursor)."""
        if not 0 <= pair < len(self.targets):
            return
        for old in self._selected:  # one selected span at a time, not a trail
            cursor = old.textCursor()
            cursor.clearSelection()
            old.setTextCursor(cursor)
        editor = self.editor_for(pair, side)
        editor.select_span(start, end)
        self._selected = [editor]
        if source_span is not None:
            source = self.sources[pair]
            source.select_span(*source_span)
            self._selected.append(source)
        self.ensureWidgetVisible(editor, 0, 40)
        rect = editor.cursorRect()
        point = editor.viewport().mapTo(self._container, rect.center())
        self.ensureVisible(point.x(), point.y(), 0, 60)
        if focus:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def row_top_fractions(self) -> list[float]:
        """Vertical position of each row as a fraction of the whole article height."""
        self._grid.activate()  # rows may not be placed yet right after set_pairs
        total = max(1, self._container.height())
        return [t.mapTo(self._container, QPoint(0, 0)).y() / total for t in self.targets]

