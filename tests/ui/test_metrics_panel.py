"""The Metrics dock shows app.core.outputs.metrics' numbers for edited segments."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from app.core.outputs.metrics import compute_metrics, segment_metrics
from app.ui.main_window import MainWindow
from tests.ui.conftest import Sample, open_and_wait, wait_checked

MakeWindow = Callable[[], MainWindow]


def test_edited_segment_values_equal_core_metrics(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    panel = window.mt_ui.metrics
    assert panel.table.rowCount() == 0, "nothing edited yet: no rows"
    assert panel.metrics is not None and panel.metrics.hter == 0.0
    review = window.controller.review
    assert review is not None
    mt = review.original_target(1)
    edited = mt.replace("Mark Rubio", "Marco Rubio").replace("Kiev", "Kyiv")
    window.article.targets[1].setPlainText(edited)
    wait_checked(qtbot, window)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=3000)
    expected = segment_metrics(1, mt, edited)
    assert panel.row_values(0) == [
        "2", f"{expected.hter:.3f}", f"{expected.chrf:.1f}", f"{expected.bleu:.1f}",
        str(expected.words_changed),
    ]
    assert expected.hter > 0
    article = compute_metrics(
        [review.original_target(i) for i in range(len(review))], list(review.targets)
    )
    assert panel.metrics is not None
    assert panel.metrics.hter == article.hter and panel.metrics.chrf == article.chrf
    assert f"HTER {article.hter:.3f}" in panel.summary.text()
    assert "1 of 3 segments edited" in panel.summary.text()


def test_undo_removes_the_row(qtbot: QtBot, make_window: MakeWindow, small: Sample) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    panel = window.mt_ui.metrics
    window.article.targets[0].setPlainText("The delegations met in Kyiv.")
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=3000)
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 0, timeout=3000)
    assert "0 of 3 segments edited" in panel.summary.text()


def test_empty_window_shows_no_numbers(make_window: MakeWindow) -> None:
    window = make_window()
    panel = window.mt_ui.metrics
    assert panel.metrics is None and panel.table.rowCount() == 0
    assert "No review" in panel.summary.text()
    assert not window.mt_ui.export_report.isEnabled()
