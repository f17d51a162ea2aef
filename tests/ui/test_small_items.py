"""The small items of issue 13 (item 8): Open Recent, the glossary kept when the
article fails, the title, the proposal bar below the grid, which file is at fault."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from app.ui.settings import Settings
from tests.ui.conftest import DialogLog, Sample, open_and_wait

MakeWindow = Callable[[], MainWindow]


def test_recent_paths_are_absolute(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.chdir(small.source.parent)
    window = make_window()
    with qtbot.waitSignal(window.controller.issues_changed, timeout=20000):
        window.open_files(small.source.name, small.target.name, small.glossary.name)
    [(source, target, glossary)] = settings.recent()
    assert os.path.isabs(source) and os.path.isabs(target) and os.path.isabs(glossary)
    assert Path(source) == small.source.resolve()


def test_failed_files_stay_out_of_recent_and_the_glossary_still_opens(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, settings: Settings,
    tmp_path: Path, isolated: DialogLog,
) -> None:  # fmt: skip
    window = make_window()
    missing = tmp_path / "gone.en.txt"
    with qtbot.waitSignal(window.controller.load_failed, timeout=10000):
        window.open_files(str(small.source), str(missing), str(small.glossary))
    assert settings.recent() == []
    assert window.actions_.recent_menu.isEmpty()
    assert isolated.error_titles[0] == "The translation cannot be used"
    assert isolated.errors[0].startswith(str(missing))
    assert window.ctx.glossary.path == small.glossary.resolve()


def test_same_article_with_two_glossaries_has_distinct_labels(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, tmp_path: Path
) -> None:
    other = tmp_path / "other.tsv"
    other.write_text(small.glossary.read_text(encoding="utf-8"), encoding="utf-8")
    window = make_window()
    open_and_wait(qtbot, window, small)
    with qtbot.waitSignal(window.controller.issues_changed, timeout=20000):
        window.open_files(str(small.source), str(small.target), str(other))
    labels = [a.text() for a in window.actions_.recent_menu.actions()]
    assert len(labels) == 2 and len(set(labels)) == 2
    assert "other.tsv" in labels[0] and "g.tsv" in labels[1]


def test_title_names_the_file_once(qtbot: QtBot, make_window: MakeWindow, small: Sample) -> None:
    window = make_window()
    assert window.windowTitle() == "Verso[*]"
    open_and_wait(qtbot, window, small)
    assert window.windowTitle() == "small.en.txt[*] — Verso"
    assert window.windowTitle().count("Verso") == 1


def test_the_proposal_bar_sits_below_the_grid(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    layout = window.legend.parentWidget().layout()
    assert layout is not None
    bar = window.glossary_ui.proposal_bar
    assert layout.indexOf(bar) == layout.indexOf(window.legend) - 1
    assert layout.indexOf(bar) > layout.indexOf(window.glossary_ui.problem_bar)


def test_no_two_actions_share_a_shortcut(qtbot: QtBot, make_window: MakeWindow) -> None:
    """An ambiguous shortcut fires neither action: every key is one action's."""
    window = make_window()
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            name = key.toString()
            assert name not in seen, f"{name}: {seen.get(name)} and {action.text()}"
            seen[name] = action.text()
    assert {"Ctrl+Return", "Alt+Return", "Ctrl+Shift+T", "Ctrl+H", "F9"} <= set(seen)
