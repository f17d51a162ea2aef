"""Keyboard and mouse act where the editor is (issue 13, item 1)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from app.core.model.issues import Issue, Side
from app.ui.main_window import MainWindow
from tests.ui.conftest import Sample, open_and_wait, wait_checked

MakeWindow = Callable[[], MainWindow]


def kievs(window: MainWindow) -> list[Issue]:
    return [
        i
        for i in window.controller.visible_issues()
        if i.check == "glossary-forbidden" and i.text == "Kiev"
    ]


def put_cursor(qtbot: QtBot, window: MainWindow, pair: int, offset: int) -> None:
    editor = window.article.targets[pair]
    editor.setFocus()
    qtbot.waitUntil(lambda: window.article.current == (pair, Side.TARGET))
    cursor = editor.textCursor()
    cursor.setPosition(offset)
    editor.setTextCursor(cursor)


def test_apply_acts_on_the_issue_under_the_cursor_not_the_list_row(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    first, *_rest, last = kievs(window)
    window.panel.select_issue(first, emit=False)  # the list points elsewhere
    put_cursor(qtbot, window, last.pair, last.start + 2)  # inside the last "Kiev"
    window.actions_.apply.trigger()
    assert window.controller.target(last.pair).startswith("Kyiv")
    assert "Kiev" in window.controller.target(first.pair), "the list's row is left alone"


def test_nothing_under_the_cursor_says_so_and_changes_nothing(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    window.panel.select_issue(kievs(window)[0], emit=False)
    put_cursor(qtbot, window, 0, 1)  # on "The": clean text
    before = [window.controller.target(i) for i in range(len(window.article.targets))]
    window.actions_.apply.trigger()
    window.actions_.ignore.trigger()
    after = [window.controller.target(i) for i in range(len(window.article.targets))]
    assert after == before
    assert window.controller.undo_stack.count() == 0
    assert "cursor" in window.statusBar().currentMessage()


def test_ignore_at_the_cursor(qtbot: QtBot, make_window: MakeWindow, small: Sample) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    target = kievs(window)[1]
    put_cursor(qtbot, window, target.pair, target.start)
    window.actions_.ignore.trigger()
    assert target not in window.controller.visible_issues()
    assert len(kievs(window)) == 2


def test_list_focus_acts_on_the_selected_row(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    issue = kievs(window)[2]
    window.panel.table.setFocus()
    qtbot.waitUntil(lambda: window.panel.table.hasFocus())
    window.panel.select_issue(issue)
    window.actions_.apply.trigger()
    assert window.controller.target(issue.pair) == "Kyiv agreed."


def test_clicking_a_highlight_selects_its_issue(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    issue = kievs(window)[2]
    editor = window.article.targets[issue.pair]
    cursor = editor.textCursor()
    cursor.setPosition(issue.start + 1)
    point: QPoint = editor.cursorRect(cursor).center()
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.panel.current_issue() == issue
    assert not editor.textCursor().hasSelection(), "the click keeps its plain cursor"


def test_after_apply_the_grid_follows_the_list(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    first = kievs(window)[0]
    window.panel.select_issue(first)  # puts the cursor on it, in the grid
    window.actions_.apply.trigger()
    wait_checked(qtbot, window)
    qtbot.waitUntil(lambda: window.panel.current_issue() is not None)
    current = window.panel.current_issue()
    assert current is not None and current != first
    editor = window.article.editor_for(current.pair, current.side)
    assert editor.selected_span() == (current.start, current.end)
