"""The window on a glossary database: other editors' saves arrive, a restart loses nothing."""

from __future__ import annotations

from collections.abc import Callable

import psycopg
from pytestqt.qtbot import QtBot

from app.cli import main
from app.core.glossary.model import GlossaryEntry
from app.core.glossary.pgstore import PgGlossaryStore
from app.ui.main_window import MainWindow
from tests.conftest import SEEDS
from tests.pgserver import PgServer
from tests.ui.conftest import DialogLog, wait_checked

MakeWindow = Callable[[], MainWindow]
ODESA = GlossaryEntry("Вигадане Місто", ("Invented Town",), ("Made-up Town",))
LVIV = GlossaryEntry("Друге Місто", ("Second Town",))


def _open(qtbot: QtBot, make_window: MakeWindow, url: str) -> MainWindow:
    assert main(["glossary", "import", str(SEEDS / "glossary.tsv"), url]) == 0
    window = make_window()
    window.ctx.settings.set_glossary_author("olena")
    with qtbot.waitSignal(window.controller.issues_changed, timeout=20000):
        window.open_files(str(SEEDS / "geneva-talks.uk.txt"),
                          str(SEEDS / "geneva-talks.en.txt"), url)  # fmt: skip
    wait_checked(qtbot, window)
    sync = window.glossary_ui.sync
    qtbot.waitUntil(lambda: not sync.loading and sync.db_watch is not None
                    and sync.db_watch.listener.connected.is_set(), timeout=10000)  # fmt: skip
    assert sync.is_database and sync.location == url and not sync.read_only
    return window


def sources(window: MainWindow) -> set[str]:
    return {e.source for e in window.glossary_ui.pane.model.entries}


def test_another_editors_save_reaches_the_window_within_a_second(
    qtbot: QtBot, make_window: MakeWindow, pg_url: str
) -> None:
    window = _open(qtbot, make_window, pg_url)
    assert "Вигадане Місто" not in sources(window)
    with PgGlossaryStore(pg_url, author="bob") as other:
        other.add(ODESA)
    qtbot.waitUntil(lambda: "Вигадане Місто" in sources(window), timeout=1000)


def test_a_server_restart_is_reported_and_no_edit_is_lost(
    qtbot: QtBot, make_window: MakeWindow, pg_server: PgServer, pg_url: str, isolated: DialogLog
) -> None:
    window = _open(qtbot, make_window, pg_url)
    sync = window.glossary_ui.sync
    bar = window.statusBar()
    pg_server.stop()
    try:
        qtbot.waitUntil(lambda: "unreachable" in bar.currentMessage(), timeout=10000)
        assert sync.offline
        assert sync.add(LVIV)  # saved while the server is down: kept, retried
        qtbot.waitUntil(lambda: not sync.saving and bool(sync._queue), timeout=10000)
        assert sync.add(ODESA)  # a second edit waits behind the first
        assert sync.unsaved_edits == 2
        assert not window.close()  # closing now would lose them: the editor is told first
        assert "2 glossary edit(s) wait" in isolated.errors[-1] and window.isVisible()
    finally:
        pg_server.start()
    qtbot.waitUntil(lambda: not sync.offline and not sync._queue and not sync.saving,
                    timeout=20000)  # fmt: skip
    qtbot.waitUntil(lambda: {"Друге Місто", "Вигадане Місто"} <= sources(window), timeout=5000)
    assert "reconnected" in bar.currentMessage()
    with PgGlossaryStore(pg_url) as other:
        saved = other.load()
    assert saved.find("Друге Місто") == LVIV and saved.find("Вигадане Місто") == ODESA
    with psycopg.connect(pg_url) as conn:
        who = conn.execute("SELECT DISTINCT who FROM verso_history WHERE action = 'add' "
                           "AND new->>'source' LIKE '%Місто'").fetchall()  # fmt: skip
    assert who == [("olena",)]  # the window's Author setting
