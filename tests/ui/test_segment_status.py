"""Segment status in the window (issue 13, item 3)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.core.model.issues import Severity, Side
from app.core.review.file import load_review
from app.ui.main_window import MainWindow
from tests.ui.conftest import Sample, open_and_wait, wait_checked

MakeWindow = Callable[[], MainWindow]


def focus_segment(qtbot: QtBot, window: MainWindow, index: int) -> None:
    editor = window.article.targets[index]
    editor.setFocus()
    qtbot.waitUntil(lambda: window.article.current == (index, Side.TARGET))


def test_keys_are_shown_in_the_menus(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    st = window.status_ui
    assert st.confirm.shortcut().toString() == "Ctrl+Return"
    assert window.actions_.apply.shortcut().toString() == "Alt+Return"
    assert st.confirm in window.actions_.edit_menu.actions()
    assert st.next_unconfirmed in window.actions_.go_menu.actions()
    assert st.next_error in window.actions_.go_menu.actions()


def test_ctrl_enter_confirms_and_moves_to_the_next_unconfirmed(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    review = window.controller.review
    assert review is not None and len(review) == 3
    assert window.status_ui.label.text() == "0 of 3 confirmed"
    focus_segment(qtbot, window, 0)
    qtbot.keyClick(
        window.article.targets[0], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert review.is_confirmed(0)
    assert window.article.is_confirmed_shown(0)
    assert window.article.numbers[0].text().startswith("✓")
    assert window.status_ui.label.text() == "1 of 3 confirmed"
    assert window.article.current == (1, Side.TARGET)
    assert window.isWindowModified()
    window.status_ui.confirm_current()  # confirms 1, moves to 2
    window.status_ui.confirm_current()  # confirms 2, nothing left
    assert review.confirmed == frozenset({0, 1, 2})
    assert "Every segment is confirmed" in window.statusBar().currentMessage()
    focus_segment(qtbot, window, 1)
    window.status_ui.unconfirm_current()
    assert not review.is_confirmed(1) and not window.article.is_confirmed_shown(1)
    assert window.status_ui.label.text() == "2 of 3 confirmed"


def test_editing_a_confirmed_segment_unconfirms_it(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    window.controller.set_confirmed(2, True)
    assert window.article.is_confirmed_shown(2)
    window.article.targets[2].setPlainText("Kyiv agreed.")
    wait_checked(qtbot, window)
    assert not window.article.is_confirmed_shown(2)
    assert window.status_ui.label.text() == "0 of 3 confirmed"


def test_next_unconfirmed_and_next_with_errors(
    qtbot: QtBot, make_window: MakeWindow, sample: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, sample)
    st = window.status_ui
    window.controller.set_confirmed(0, True)
    window.controller.set_confirmed(1, True)
    assert st.go_next_unconfirmed(after=-1) == 2
    errors = sorted(
        {i.pair for i in window.controller.visible_issues() if i.severity is Severity.ERROR}
    )
    assert len(errors) >= 2
    window.article.current = (errors[0], Side.TARGET)
    assert st.go_next_with_errors() == errors[1]
    assert window.article.current == (errors[1], Side.TARGET)


def test_statuses_are_saved_in_the_review(
    qtbot: QtBot,
    make_window: MakeWindow,
    small: Sample,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    window.controller.set_confirmed(1, True)
    path = tmp_path / "r.verso"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.actions_.save.trigger()
    assert load_review(path).confirmed == frozenset({1})
    second = make_window()
    with qtbot.waitSignal(second.controller.issues_changed, timeout=20000):
        second.open_review(str(path))
    assert second.article.is_confirmed_shown(1) and not second.article.is_confirmed_shown(0)
    assert second.status_ui.label.text() == "1 of 3 confirmed"
