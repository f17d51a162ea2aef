"""The window comes first, the first check runs on the pool, its results are painted
when they arrive; closed docks do no work until opened (issue 12, item 6)."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from app.ui.glossary.pane import MAX_COLUMN_WIDTH
from app.ui.main_window import MainWindow
from tests.ui.conftest import Sample, open_and_wait

MakeWindow = Callable[[], MainWindow]


def test_window_visible_before_the_check_ends_and_results_painted_after(
    qtbot: QtBot, make_window: MakeWindow, sample: Sample
) -> None:
    window = make_window()
    seen: list[tuple[str, bool, int]] = []

    def record(event: str) -> None:
        seen.append((event, window.isVisible(), window.panel.model.rowCount()))

    window.controller.loading.connect(lambda: record("loading"))
    window.controller.issues_changed.connect(lambda: record("issues"))
    open_and_wait(qtbot, window, sample)
    # open_input returns at once: the check is still running on the pool.
    assert seen[0] == ("loading", True, 0), "shown and empty while the check runs"
    event, visible, rows = seen[-1]
    assert (event, visible) == ("issues", True)
    assert rows == window.panel.model.rowCount() > 0, "the issues are painted on arrival"
    assert window.article.sources[0].toPlainText(), "and the article with them"


def test_closed_docks_work_only_when_opened(
    qtbot: QtBot, make_window: MakeWindow, sample: Sample
) -> None:
    window = make_window()
    metrics, glossary = window.mt_ui, window.glossary_ui
    assert not metrics.dock.isVisible() and not glossary.dock.isVisible()  # first start
    open_and_wait(qtbot, window, sample)
    panel = metrics.metrics
    assert panel.table.rowCount() == 0 and "HTER" not in panel.summary.text()
    metrics.dock.show()
    qtbot.waitUntil(lambda: "HTER 0.000" in panel.summary.text(), timeout=5000)
    pane = glossary.pane
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0, timeout=10000)
    header = pane.table.horizontalHeader()
    default = header.defaultSectionSize()
    glossary.dock.show()
    qtbot.waitUntil(lambda: header.sectionSize(0) != default, timeout=5000)
    assert all(header.sectionSize(c) <= MAX_COLUMN_WIDTH for c in range(2))
