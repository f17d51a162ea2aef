"""Kill -9 mid-review, start again: the window offers the autosave and the edits return."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.core.review import autosave
from app.ui.main_window import MainWindow
from tests.conftest import ROOT
from tests.ui.conftest import DialogLog, Sample, open_and_wait

MakeWindow = Callable[[], MainWindow]
EDITED = "The delegations met in Kyiv (edited before the crash)."


def crash_after_edit(sample: Sample, tmp_path: Path) -> Path:
    """Run the window in a child process, edit, wait for the autosave, kill -9."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(tmp_path / "state"))
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.autosave_child", str(sample.source), str(sample.target),
         str(sample.glossary), str(tmp_path / "child.ini"), EDITED],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 30
        path = autosave.autosave_path(sample.source, sample.target)
        while time.monotonic() < deadline:
            if path.is_file() and EDITED in path.read_text(encoding="utf-8"):
                break
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            time.sleep(0.1)
        else:
            raise AssertionError("the child never autosaved its edit")
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL
    return path


def test_kill_9_then_restore_brings_edits_back(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, tmp_path: Path, isolated: DialogLog
) -> None:
    path = crash_after_edit(small, tmp_path)
    isolated.restore_answer = True
    window = make_window()
    open_and_wait(qtbot, window, small)
    assert isolated.restore_offers == 1
    assert window.controller.target(0) == EDITED
    assert window.article.targets[0].toPlainText() == EDITED
    assert window.isWindowModified(), "a restored review is unsaved until saved"
    assert window.controller.review is not None
    assert [h.new for h in window.controller.review.history][-1] == EDITED
    assert path.is_file()


def test_restore_offered_at_start_up_and_declining_discards(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, tmp_path: Path, isolated: DialogLog
) -> None:
    path = crash_after_edit(small, tmp_path)
    window = make_window()
    window.offer_restore()  # what `python -m app open` does without files
    assert isolated.restore_offers == 1
    assert not path.exists(), "declined: the autosave is removed"
    assert not window.controller.is_loaded
    open_and_wait(qtbot, window, small)
    assert isolated.restore_offers == 1, "nothing left to offer"
    assert window.controller.target(0) != EDITED


def test_autosave_written_only_when_changed(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    path = autosave.autosave_path(small.source, small.target)
    assert not window.controller.autosave()
    assert not path.exists()
    window.article.targets[1].setPlainText("Kyiv agreed.")
    assert window.controller.autosave()
    assert "Kyiv agreed." in path.read_text(encoding="utf-8")
