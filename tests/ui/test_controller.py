"""Background loading and re-checking: progress, threads, stale results, failures."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from app.core.checks.base import Check, CheckContext
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side
from app.ui.main_window import MainWindow
from tests.ui.conftest import DialogLog, Sample, open_and_wait, wait_checked

MakeWindow = Callable[[], MainWindow]


class KievCheck(Check):
    """A stand-in check: flags "Kiev"; optionally slow, optionally broken."""

    id = "glossary-forbidden"

    def __init__(self, delay: float = 0.0, broken: bool = False) -> None:
        self.delay = delay
        self.broken = broken

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        if self.broken:
            raise RuntimeError("check crashed")
        time.sleep(self.delay)
        for pair in pairs:
            start = pair.target.find("Kiev")
            while start >= 0:
                yield Issue(self.id, Severity.ERROR, pair.index, Side.TARGET, start, start + 4,
                            "Kiev", "use Kyiv", "Kyiv")
                start = pair.target.find("Kiev", start + 1)


def test_slow_check_shows_progress_then_hides_it(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    window.controller.checks = [KievCheck(delay=0.8)]
    threads: list[bool] = []
    main = QThread.currentThread()
    window.controller.issues_changed.connect(
        lambda: threads.append(QThread.currentThread() is main)
    )
    window.open_files(str(small.source), str(small.target), None)
    assert not window.status_parts.progress.isVisible(), "no flicker for short work"
    qtbot.waitUntil(window.status_parts.progress.isVisible, timeout=3000)
    qtbot.waitUntil(lambda: window.controller.is_loaded, timeout=5000)
    assert not window.status_parts.progress.isVisible()
    assert threads == [True], "results reach the views on the UI thread"
    assert len(window.controller.visible_issues()) == 3


def test_quick_successive_edits_keep_only_the_newest_result(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    window.controller.checks = [KievCheck(delay=0.05)]
    open_and_wait(qtbot, window, small)
    # The small article aligns sentence by sentence; the last pair is "Kiev agreed."
    last = len(window.article.targets) - 1
    editor = window.article.targets[last]
    editor.setPlainText("Kiev agreed, Kiev said.")
    qtbot.wait(200)  # the first re-check is running now
    editor.setPlainText("Kyiv agreed.")
    wait_checked(qtbot, window)
    visible = window.controller.visible_issues()
    assert [i for i in visible if i.pair == last] == []
    assert len([i for i in visible if i.pair < last]) == 2, "the other pairs keep their issues"


class BrokenCheck(KievCheck):
    id = "broken-check"


def test_a_crashing_check_is_reported_and_the_others_still_run(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, isolated: DialogLog
) -> None:
    window = make_window()
    window.controller.checks = [BrokenCheck(broken=True), KievCheck()]
    open_and_wait(qtbot, window, small)
    assert len(window.controller.visible_issues()) == 3, "the working check's findings show"
    assert len(isolated.errors) == 1
    assert "broken-check" in isolated.errors[0] and "check crashed" in isolated.errors[0]
    editor = window.article.targets[0]
    editor.setPlainText(editor.toPlainText() + " ")
    wait_checked(qtbot, window)
    assert len(isolated.errors) == 1, "the same failure is not reported at every re-check"
    assert window.isVisible()


def test_opening_twice_keeps_the_newest(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, sample: Sample
) -> None:
    window = make_window()
    window.controller.checks = [KievCheck(delay=0.3)]
    window.open_files(str(sample.source), str(sample.target), None)
    window.open_files(str(small.source), str(small.target), None)
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=5000)
    review = window.controller.review
    assert review is not None and review.target_path == str(small.target.resolve())
