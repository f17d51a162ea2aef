"""Translate Source…: the real LibreTranslate client against a local fake server."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from app.ui.translate_dialog import TranslateDialog
from tests.core.fake_libretranslate import serve
from tests.ui.conftest import DialogLog, Sample

MakeWindow = Callable[[], MainWindow]


def _dialog(window: MainWindow, path: Path, url: str, timeout: float = 5) -> TranslateDialog:
    dialog = window.mt_ui.translate_source(str(path))
    assert dialog is not None
    dialog.form.set_provider("libretranslate")
    dialog.form.url.setText(url)
    dialog.form.timeout.setValue(timeout)
    dialog.form.retries = 0
    return dialog


def _wait_idle(qtbot: QtBot, dialog: TranslateDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.running, timeout=15000)
    QThreadPool.globalInstance().waitForDone(5000)


def test_segments_arrive_and_become_a_review(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    with serve(dictionary={"Київ погодився.": "Kyiv agreed."}) as server:
        dialog = _dialog(window, small.source, server.url)
        with qtbot.waitSignal(window.controller.loaded, timeout=15000):
            dialog.start()
            assert dialog.running and not dialog.start_button.isEnabled()
        _wait_idle(qtbot, dialog)
    n = len(dialog.segments)
    assert n == 3
    assert dialog.progress.value() == dialog.progress.maximum() == n
    last = dialog.table.item(n - 1, 1)
    assert last is not None and last.text() == "Kyiv agreed."
    assert dialog.translations[0] == "[en] " + dialog.segments[0].text
    review = window.controller.review
    assert review is not None and len(review) == n
    assert review.original_target(2) == "Kyiv agreed."
    assert review.source_lang == "uk" and review.target_lang == "en"
    assert [p.paragraph for p in review.original] == [0, 0, 1]
    posts = [r for r in server.requests if r["method"] == "POST"]
    assert len(posts) == n, "one request per segment"
    assert all("api_key" not in r["params"] or r["params"]["api_key"] in ("", None)
               for r in posts), "no key configured, none sent"


def test_results_come_one_by_one_on_the_ui_thread(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    seen: list[tuple[int, int]] = []
    with serve() as server:
        dialog = _dialog(window, small.source, server.url)
        assert dialog.run_ is None
        dialog.start()
        assert dialog.run_ is not None
        dialog.run_.signals.result.connect(
            lambda i, _t: seen.append((i, dialog.progress.value()))
        )
        _wait_idle(qtbot, dialog)
    assert [i for i, _ in seen] == [0, 1, 2]
    assert [v for _, v in seen] == [1, 2, 3], "the bar moves with each segment"


def test_cancel_stops_early(qtbot: QtBot, make_window: MakeWindow, tmp_path: Path) -> None:
    source = tmp_path / "long.uk.txt"
    source.write_text(
        "\n\n".join(f"Речення номер {i} про Київ." for i in range(40)) + "\n", encoding="utf-8"
    )
    window = make_window()
    with serve() as server:
        dialog = _dialog(window, source, server.url)
        dialog.start()
        qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=10000)
        dialog.cancel_button.click()
        _wait_idle(qtbot, dialog)
        posts = [r for r in server.requests if r["method"] == "POST"]
    assert len(posts) < 40, "cancel stopped the run before the end"
    assert "cancelled" in dialog.status.text().lower()
    assert dialog.review is None and window.controller.review is None
    assert dialog.start_button.isEnabled(), "can be started again"


def test_silent_server_gives_a_clear_error_and_the_window_stays_responsive(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    with serve(mode="silent") as server:
        dialog = _dialog(window, small.source, server.url, timeout=1)
        started = time.monotonic()
        dialog.start()
        # The UI thread keeps turning while the request hangs.
        ticks = 0
        while dialog.running and time.monotonic() - started < 10:
            qtbot.wait(50)
            ticks += 1
        _wait_idle(qtbot, dialog)
    assert ticks >= 10, "the event loop ran during the hang"
    assert time.monotonic() - started < 8
    assert dialog.error, "an error is shown"
    assert "127.0.0.1" in dialog.error or "time" in dialog.error.lower()
    assert "Traceback" not in dialog.error
    assert dialog.error in dialog.status.text()
    assert window.controller.review is None


def test_server_error_message(qtbot: QtBot, make_window: MakeWindow, small: Sample) -> None:
    window = make_window()
    with serve(mode="error500") as server:
        dialog = _dialog(window, small.source, server.url)
        dialog.start()
        _wait_idle(qtbot, dialog)
    assert dialog.error, "the failure is shown"
    assert "500" in dialog.error or "server" in dialog.error.lower()
    assert dialog.start_button.isEnabled()


def test_unreadable_source_is_reported(
    make_window: MakeWindow, tmp_path: Path, isolated: DialogLog
) -> None:
    window = make_window()
    assert window.mt_ui.translate_source(str(tmp_path / "missing.txt")) is None
    assert isolated.errors and "missing.txt" in isolated.errors[0]


@pytest.mark.parametrize("name", ["deepl", "libretranslate"])
def test_key_is_never_asked_for_in_the_form(
    make_window: MakeWindow, small: Sample, name: str
) -> None:
    window = make_window()
    dialog = window.mt_ui.translate_source(str(small.source))
    assert dialog is not None
    dialog.form.set_provider(name)
    assert f"VERSO_{name.upper()}_API_KEY" in dialog.form.key_hint.text()
    dialog.form.set_provider("google")
    assert not dialog.form.url.isEnabled()
    dialog.close()


def test_back_translation_check_adds_its_issues(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.mt import make_provider
    from app.ui import mt_actions
    from tests.ui.conftest import open_and_wait

    window = make_window()
    open_and_wait(qtbot, window, small)
    back = {
        "The delegations met in Kiev.": "Делегації зустрілися в Києві.",
        "Mark Rubio spoke about Kiev.": "Марко Рубіо говорив про Київ.",
        "Kiev agreed.": "Собака з'їла домашнє завдання вчора ввечері.",
    }
    before = list(window.controller.issues)
    with serve(dictionary=back) as server:
        provider = make_provider("libretranslate", url=server.url, retries=0, timeout=5)
        monkeypatch.setattr(mt_actions, "ask_back_translation_provider", lambda _p: provider)
        with qtbot.waitSignal(window.controller.issues_changed, timeout=15000):
            window.mt_ui.back_translation.trigger()
    found = [i for i in window.controller.issues if i.check == "back-translation"]
    assert [(i.pair, i.text) for i in found] == [(2, "Kiev agreed.")]
    assert [i for i in window.controller.issues if i.check != "back-translation"] == before
    window.panel.check_filter.setCurrentIndex(window.panel.check_filter.findData("back-translation"))
    assert window.panel.proxy.rowCount() == 1
    assert window.panel.proxy.issue_at(0) == found[0]
    assert "back-translation" in {label.property("check") for label in window.legend.labels}


def test_the_provider_chosen_in_settings_is_the_default(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    window.settings.set_mt_provider("libretranslate")
    window.settings.set_mt_url("http://localhost:5000/")
    dialog = window.mt_ui.translate_source(str(small.source))
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.form.name() == "libretranslate"
    assert dialog.form.url.text() == "http://localhost:5000/"
    assert "Settings" in dialog.form.key_hint.text()
