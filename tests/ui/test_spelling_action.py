"""Tools > Spelling Check: the optional check run on request in the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.checks import spelling
from app.ui.main_window import MainWindow
from tests.ui.conftest import Sample, open_and_wait

MakeWindow = Callable[[], MainWindow]

SOURCE = "Уряд оголосив нові санкції.\n\nМіністр прийняв делегацію в Києві.\n"
TARGET = "The goverment announced new sanctions.\n\nThe minister received the delegation in Kyiv.\n"

needs_dictionary = pytest.mark.skipif(
    not spelling.dictionaries(),
    reason="no English hunspell dictionary (apt-get install hunspell-en-us; pip install spylls)",
)


@pytest.fixture
def misspelt(tmp_path: Path) -> Sample:
    s, t, g = tmp_path / "a.uk.txt", tmp_path / "a.en.txt", tmp_path / "g.tsv"
    s.write_text(SOURCE, encoding="utf-8")
    t.write_text(TARGET, encoding="utf-8")
    g.write_text("source\ttarget\nКиїв\tKyiv\n", encoding="utf-8")
    return Sample(s, t, g)


def _run(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.controller.issues_changed, timeout=30000):
        window.mt_ui.spelling.trigger()


@needs_dictionary
def test_spelling_check_adds_its_issues_beside_the_others(
    qtbot: QtBot, make_window: MakeWindow, misspelt: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, misspelt)
    before = list(window.controller.issues)
    assert not [i for i in before if i.check == "spelling"], "off until asked for"
    _run(qtbot, window)
    found = [i for i in window.controller.issues if i.check == "spelling"]
    assert [(i.pair, i.text, i.suggestion) for i in found] == [(0, "goverment", "government")]
    assert [i for i in window.controller.issues if i.check != "spelling"] == before
    assert "1 word" in window.statusBar().currentMessage()
    _run(qtbot, window)  # a second run replaces the first one's issues
    assert len([i for i in window.controller.issues if i.check == "spelling"]) == 1


def test_without_a_dictionary_the_window_says_so_once(
    qtbot: QtBot, make_window: MakeWindow, misspelt: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spelling, "dictionaries", lambda: ())
    window = make_window()
    open_and_wait(qtbot, window, misspelt)
    _run(qtbot, window)
    [issue] = [i for i in window.controller.issues if i.check == "spelling"]
    assert "no English hunspell dictionary" in issue.message


def test_the_action_waits_for_a_review(make_window: MakeWindow) -> None:
    window = make_window()
    assert not window.mt_ui.spelling.isEnabled()
    assert window.mt_ui.run_spelling() is None
