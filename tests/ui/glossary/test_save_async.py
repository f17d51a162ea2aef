"""Glossary saves run on the thread pool, one at a time; later ones queue behind."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

import pytest
from pytestqt.qtbot import QtBot

from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.glossary.store import GlossaryStore, SaveResult
from app.core.model.errors import OutputError
from app.ui.main_window import MainWindow
from tests.ui.conftest import DialogLog, Sample
from tests.ui.glossary.helpers import KYIV_ONLY, GlossaryDialogs, open_checked, patch_dialogs
from tests.ui.glossary.helpers import with_glossary as glossary_file

MakeWindow = Callable[[], MainWindow]
RUBIO = GlossaryEntry("Марко Рубіо", ("Marco Rubio",), ("Mark Rubio",))
ODESA = GlossaryEntry("Одеса", ("Odesa",), ("Odessa",))


@pytest.fixture
def gd(monkeypatch: pytest.MonkeyPatch) -> GlossaryDialogs:
    return patch_dialogs(monkeypatch)


def test_saves_run_off_the_ui_thread_and_queue_one_behind_another(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    window = make_window()
    open_checked(qtbot, window, glossary_file(small, KYIV_ONLY))
    sync = window.glossary_ui.sync
    assert sync.store is not None
    real_save = sync.store.save
    threads: list[threading.Thread] = []
    running: list[int] = []

    def save(mine: Glossary | Sequence[GlossaryEntry], force: bool = False) -> SaveResult:
        threads.append(threading.current_thread())
        running.append(1)
        assert len(running) == 1, "two saves at once"
        try:
            return real_save(mine, force)
        finally:
            running.pop()

    monkeypatch.setattr(sync.store, "save", save)
    saved: list[int] = []
    sync.saved.connect(lambda: saved.append(1))
    assert sync.add(RUBIO)
    assert sync.saving, "the first save runs in the background"
    assert sync.add(ODESA), "the second one is queued, not refused"
    sync.delete(sync.entries[0])  # Київ: applied to what the saves before it leave
    qtbot.waitUntil(lambda: len(saved) == 3 and not sync.saving, timeout=10000)
    assert threading.main_thread() not in threads and len(threads) == 3
    on_disk = [e.source for e in GlossaryStore(small.glossary).load()]
    assert on_disk == ["Марко Рубіо", "Одеса"]
    assert [e.source for e in window.glossary_ui.pane.model.entries] == on_disk


def test_a_failed_save_reports_and_the_next_one_still_runs(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs,
    isolated: DialogLog, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    window = make_window()
    open_checked(qtbot, window, glossary_file(small, KYIV_ONLY))
    sync = window.glossary_ui.sync
    assert sync.store is not None
    real_save = sync.store.save
    calls: list[int] = []

    def save(mine: Glossary | Sequence[GlossaryEntry], force: bool = False) -> SaveResult:
        calls.append(1)
        if len(calls) == 1:
            raise OutputError(small.glossary, "the network drive is gone")
        return real_save(mine, force)

    monkeypatch.setattr(sync.store, "save", save)
    before = small.glossary.read_bytes()
    with qtbot.waitSignal(sync.failed, timeout=10000) as failed:
        assert sync.add(RUBIO)
    assert "network drive is gone" in str(failed.args)
    assert isolated.errors and "network drive is gone" in isolated.errors[-1]
    assert small.glossary.read_bytes() == before
    assert not sync.saving
    with qtbot.waitSignal(sync.saved, timeout=10000):
        assert sync.add(ODESA)
    assert [e.source for e in GlossaryStore(small.glossary).load()] == ["Київ", "Одеса"]
