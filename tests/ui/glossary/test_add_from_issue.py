"""Issue 11 item 6: a name the glossary does not know is added with one action: Add Entry
(Ctrl+G) on its issue opens the entry dialog with the name and its rendering filled in."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.glossary.model import GlossaryEntry
from app.core.model.issues import Issue
from app.ui.main_window import MainWindow
from tests.conftest import ROOT
from tests.ui.conftest import Sample
from tests.ui.glossary.helpers import GlossaryDialogs, open_checked, patch_dialogs


@pytest.fixture
def small_glossary(tmp_path: Path) -> Sample:
    for name in ("geneva-talks.uk.txt", "geneva-talks.en.txt"):
        shutil.copy(ROOT / "seeds" / name, tmp_path / name)
    glossary = tmp_path / "team.tsv"
    glossary.write_text("source\ttarget\tforbidden\tnote\nКиїв\tKyiv\tKiev\tcapital\n",
                        encoding="utf-8")  # fmt: skip
    return Sample(tmp_path / "geneva-talks.uk.txt", tmp_path / "geneva-talks.en.txt", glossary)


MakeWindow = Callable[[], MainWindow]


def _unknown(window: MainWindow, text: str) -> Issue:
    return next(
        i for i in window.controller.visible_issues()
        if i.check == "name-unknown" and i.text == text
    )  # fmt: skip


def test_add_entry_on_a_name_unknown_issue_is_prefilled_and_adds_it(
    qtbot: QtBot, make_window: MakeWindow, small_glossary: Sample,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    log: GlossaryDialogs = patch_dialogs(monkeypatch)
    window = make_window()
    open_checked(qtbot, window, small_glossary)
    trump = _unknown(window, "Трампом")
    assert trump.entry == ("Трамп", "Trump")
    window.panel.select_issue(trump)
    window.panel.table.setFocus()
    qtbot.waitUntil(lambda: window.issue_here(False) == trump, timeout=5000)
    window.glossary_ui.add_action.trigger()
    assert log.entries_asked[-1] == GlossaryEntry("Трамп", ("Trump",))
    qtbot.waitUntil(
        lambda: "Трамп\tTrump" in small_glossary.glossary.read_text(encoding="utf-8"),
        timeout=10000,
    )
    qtbot.waitUntil(
        lambda: all(i.text != "Трампом" for i in window.controller.visible_issues()
                    if i.check == "name-unknown"),
        timeout=10000,
    )  # fmt: skip


def test_add_entry_elsewhere_starts_empty(
    qtbot: QtBot, make_window: MakeWindow, small_glossary: Sample,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    log = patch_dialogs(monkeypatch)
    log.edit = lambda _e: None  # cancelled: nothing added
    window = make_window()
    open_checked(qtbot, window, small_glossary)
    issues = window.controller.visible_issues()
    rejected = next(i for i in issues if i.check == "glossary-forbidden")
    window.panel.select_issue(rejected)
    window.panel.table.setFocus()
    qtbot.waitUntil(lambda: window.issue_here(False) == rejected, timeout=5000)
    window.glossary_ui.add_action.trigger()
    assert log.entries_asked == [None]
