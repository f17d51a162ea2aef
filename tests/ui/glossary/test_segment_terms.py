"""The glossary pane follows the current segment; Ctrl+Shift+T inserts a term (issue 13, item 6)."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from app.core.model.issues import Side
from app.ui.glossary.segment_terms import FORBIDDEN, MISSING, OK
from app.ui.main_window import MainWindow
from tests.ui.conftest import Sample, open_and_wait, wait_checked

MakeWindow = Callable[[], MainWindow]


def focus(qtbot: QtBot, window: MainWindow, index: int) -> None:
    window.article.targets[index].setFocus()
    qtbot.waitUntil(lambda: window.article.current == (index, Side.TARGET))


def test_the_pane_lists_the_segment_s_terms_with_status(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    terms = window.glossary_ui.pane.segment_terms
    focus(qtbot, window, 1)  # "Марко Рубіо говорив про Київ." / "Mark Rubio spoke about Kiev."
    assert [(t.entry.source, t.status) for t in terms.terms] == [
        ("Марко Рубіо", FORBIDDEN),
        ("Київ", FORBIDDEN),
    ]
    assert "Segment 2: 2 term(s)" in terms.label.text()
    window.glossary_ui.pane.search.setText("zzz")  # searching all entries still works
    assert window.glossary_ui.pane.proxy.rowCount() == 0
    window.article.targets[2].setPlainText("Kyiv agreed.")
    wait_checked(qtbot, window)
    focus(qtbot, window, 2)
    assert [(t.entry.source, t.status) for t in terms.terms] == [("Київ", OK)]


def test_ctrl_shift_t_inserts_the_rendering_at_the_cursor(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    assert window.glossary_ui.insert_action.shortcut().toString() == "Ctrl+Shift+T"
    editor = window.article.targets[2]
    editor.setPlainText(" agreed.")  # the term removed: missing
    wait_checked(qtbot, window)
    focus(qtbot, window, 2)
    terms = window.glossary_ui.pane.segment_terms
    assert [(t.entry.source, t.status) for t in terms.terms] == [("Київ", MISSING)]
    cursor = editor.textCursor()
    cursor.setPosition(0)
    editor.setTextCursor(cursor)
    window.glossary_ui.insert_action.trigger()
    assert window.controller.target(2) == "Kyiv agreed."
    window.actions_.undo.trigger()  # typing in one segment merges into one step
    assert "Kyiv" not in window.controller.target(2)


def test_nothing_to_insert_says_so(qtbot: QtBot, make_window: MakeWindow, small: Sample) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    window.glossary_ui.show_segment(None)
    window.glossary_ui.insert_action.trigger()
    assert "No glossary term" in window.statusBar().currentMessage()
