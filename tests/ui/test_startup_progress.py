"""The window shows its layout and progress while the article and glossary load,
and never claims "No glossary" while the glossary is still being read."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from tests.ui.conftest import Sample


def test_progress_and_no_false_no_glossary_while_loading(
    qtbot: QtBot, make_window: Callable[[], MainWindow], small: Sample
) -> None:
    window = make_window()
    state = window.glossary_ui.pane.state
    assert "No glossary" in state.text()  # nothing opened yet: the honest state
    with qtbot.waitSignal(window.controller.issues_changed, timeout=20000):
        window.open_files(str(small.source), str(small.target), str(small.glossary))
        assert "Loading" in window.status_parts.empty_hint.text()
        assert "Loading" in window.statusBar().currentMessage()
        assert "No glossary" not in state.text()
        assert "Loading" in state.text()
    qtbot.waitUntil(lambda: "entries" in state.text(), timeout=10000)
    assert not window.status_parts.progress.isVisible() or window.controller.busy
    assert not window.status_parts.empty_hint.isVisible()


def test_a_failed_load_restores_the_hints(
    qtbot: QtBot, make_window: Callable[[], MainWindow], small: Sample
) -> None:
    window = make_window()
    hint = window.status_parts.empty_hint.text()
    with qtbot.waitSignal(window.controller.load_failed, timeout=20000):
        window.open_files(str(small.source) + ".missing", str(small.target))
    assert window.status_parts.empty_hint.text() == hint
    assert "No glossary" in window.glossary_ui.pane.state.text()
