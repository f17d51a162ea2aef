"""`open --quit-after-check` (the start-up measurement, bench/benchmark.py) stops its
clock once the checked article is on screen, rows laid out and painted, and leaves at
once; a failed load leaves with exit 2 (issue 12, item 6)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QTextEdit
from pytestqt.qtbot import QtBot

from app.core.review.inputs import InputSpec
from app.ui import app as ui_app
from app.ui.main_window import MainWindow
from app.ui.segment_editor import SegmentEditor
from tests.ui.conftest import Sample

MakeWindow = Callable[[], MainWindow]


Seen = tuple[int, bool, int, int]


def _record_leaving(monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> list[Seen]:
    seen: list[Seen] = []

    def leave(code: int) -> None:  # instead of os._exit: what the window shows by then
        article = window.article
        seen.append((
            code, bool(article.targets) and all(e.isVisible() for e in article.targets),
            article.targets[0].height() if article.targets else 0,
            window.panel.model.rowCount(),
        ))

    monkeypatch.setattr(ui_app, "_leave", leave)
    return seen


def test_the_clock_stops_with_the_checked_rows_shown(
    qtbot: QtBot, make_window: MakeWindow, sample: Sample, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    painted: list[SegmentEditor] = []

    def paint(editor: SegmentEditor, event: QPaintEvent) -> None:
        painted.append(editor)
        QTextEdit.paintEvent(editor, event)

    monkeypatch.setattr(SegmentEditor, "paintEvent", paint, raising=False)
    window = make_window()
    seen = _record_leaving(monkeypatch, window)
    monkeypatch.setattr(ui_app, "_leave", lambda code, leave=ui_app._leave: leave(
        code if window.article.targets[0] in painted else -1))
    spec = InputSpec((str(sample.source), str(sample.target)), str(sample.glossary))
    options = ui_app.LaunchOptions(inputs=spec, quit_after_check=True)
    ui_app._finish_after_check(window, options, time.perf_counter())
    window.open_input(spec)
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    code, shown, height, rows = seen[0]
    assert code == 0, "the first segment was painted before the clock stopped"
    assert shown and rows > 0
    assert height > window.article.targets[0].fontMetrics().height()  # laid out, not bare
    assert "checked window ready in" in capsys.readouterr().err


def test_a_failed_load_leaves_with_exit_2(
    qtbot: QtBot, make_window: MakeWindow, sample: Sample, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    window = make_window()
    seen = _record_leaving(monkeypatch, window)
    spec = InputSpec((str(sample.source) + ".missing", str(sample.target)))
    ui_app._finish_after_check(window, ui_app.LaunchOptions(inputs=spec, quit_after_check=True),
                               time.perf_counter())
    window.open_input(spec)
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    assert seen[0][0] == 2
    assert "error:" in capsys.readouterr().err
