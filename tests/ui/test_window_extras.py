"""Drag and drop, the marker bar, the legend, the empty window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from tests.ui.conftest import DialogLog, Sample, open_and_wait

MakeWindow = Callable[[], MainWindow]


def test_dropping_two_files_opens_them(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in (small.target, small.source)])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.controller.issues_changed, timeout=20000):
        window.dropEvent(event)
    review = window.controller.review
    assert review is not None
    assert review.source_path == str(small.source.resolve())
    assert review.target_path == str(small.target.resolve())


def test_dropping_one_article_explains(
    make_window: MakeWindow, small: Sample, isolated: DialogLog
) -> None:
    window = make_window()
    window.open_dropped([str(small.source)])
    assert isolated.errors and "two articles" in isolated.errors[0]
    assert not window.controller.is_loaded


def test_marker_click_selects_the_issue(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    bar = window.marker_bar
    # Once the rows are laid out, issues in different rows get different places.
    rows = len({i.pair for i in window.controller.visible_issues()})
    qtbot.waitUntil(lambda: len({f for f, _ in bar.markers}) == rows >= 2)
    fractions = sorted({f for f, _ in bar.markers})
    y = int(fractions[-1] * (bar.height() - 4)) + 1
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(5, y))
    current = window.panel.current_issue()
    assert current is not None and current.pair == len(window.article.targets) - 1


def test_legend_names_the_checks_found(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    shown = {label.property("check") for label in window.legend.labels}
    assert shown == {i.check for i in window.controller.visible_issues()}


def test_empty_window_offers_open(make_window: MakeWindow, tmp_path: Path) -> None:
    window = make_window()
    assert window.actions_.open.isEnabled()
    assert window.actions_.open.shortcut().toString() == "Ctrl+O"
    assert not window.actions_.next_issue.isEnabled()
    assert "File > Open" in window.status_parts.empty_hint.text()
    assert window.panel.proxy.rowCount() == 0


def test_context_menu_offers_the_fix_under_the_mouse(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    from PySide6.QtWidgets import QMenu

    window = make_window()
    open_and_wait(qtbot, window, small)
    last = len(window.article.targets) - 1
    editor = window.article.targets[last]  # "Kiev agreed."
    offset = editor.toPlainText().index("Kiev") + 1
    menu = QMenu()
    assert editor.issue_menu is not None
    editor.issue_menu(menu, offset)
    texts = [a.text() for a in menu.actions()]
    assert "Replace with “Kyiv”" in texts
    replace = next(a for a in menu.actions() if a.text() == "Replace with “Kyiv”")
    replace.trigger()
    assert window.controller.target(last).startswith("Kyiv")
    clean = QMenu()
    editor.issue_menu(clean, len(editor.toPlainText()) - 1)  # the full stop: no issue
    assert clean.actions() == []
