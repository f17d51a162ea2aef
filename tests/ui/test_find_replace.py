"""Find and Replace over the target segments (issue 13, item 7)."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from app.core.model.issues import Side
from app.ui.main_window import MainWindow
from tests.ui.conftest import Sample, open_and_wait, wait_checked

MakeWindow = Callable[[], MainWindow]


def kievs(window: MainWindow) -> int:
    return sum(
        1
        for i in window.controller.visible_issues()
        if i.check == "glossary-forbidden" and i.text == "Kiev"
    )


def test_replace_all_is_one_undo_step_and_rechecks(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    assert kievs(window) == 3
    dialog = window.show_find()
    assert window.find_action.shortcut().toString() == "Ctrl+H"
    dialog.find_edit.setText("kiev")
    assert dialog.message.text() == "3 match(es) in 3 segment(s)"
    dialog.replace_edit.setText("Kyiv")
    dialog.case_box.setChecked(True)
    assert dialog.replace_everywhere() == 0, "match case: no lower-case kiev"
    dialog.case_box.setChecked(False)
    dialog.word_box.setChecked(True)
    assert dialog.replace_everywhere() == 3
    assert window.controller.undo_stack.count() == 1
    assert window.article.targets[2].toPlainText() == "Kyiv agreed."
    wait_checked(qtbot, window)
    assert kievs(window) == 0
    window.actions_.undo.trigger()
    assert "Kiev" in window.article.targets[2].toPlainText()
    wait_checked(qtbot, window)
    assert kievs(window) == 3


def test_find_next_selects_in_the_grid_and_replace_moves_on(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    dialog = window.show_find()
    dialog.find_edit.setText("Kiev")
    first = dialog.find_next()
    assert first is not None and (first.pair, first.start) == (0, 23)
    assert window.article.editor_for(0, Side.TARGET).selected_span() == (23, 27)
    dialog.replace_edit.setText("Kyiv")
    dialog.replace_current()
    assert window.controller.target(0) == "The delegations met in Kyiv."
    assert dialog._last is not None and dialog._last.pair == 1


def test_regex_with_groups_and_a_bad_pattern(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    dialog = window.show_find()
    dialog.regex_box.setChecked(True)
    dialog.find_edit.setText("(")
    assert dialog.message.text().startswith("Invalid regular expression")
    assert dialog.replace_everywhere() == 0
    dialog.find_edit.setText(r"Mark (Rubio)")
    dialog.replace_edit.setText(r"Marco \1")
    assert dialog.replace_everywhere() == 1
    assert "Marco Rubio spoke" in window.controller.target(1)
