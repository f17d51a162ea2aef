"""Help is generated, so it cannot go stale: the shortcuts from the window's
actions, a page per registered check, About from the installed distributions."""

from __future__ import annotations

import tomllib
from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from app import __version__
from app.core.checks.registry import CHECK_CLASSES, OPTIONAL_CHECK_CLASSES
from app.ui.about import DEPENDENCIES, AboutDialog, library_licences
from app.ui.help import plain, shortcut_rows
from app.ui.main_window import MainWindow
from tests.conftest import ROOT


def test_shortcuts_come_from_every_action(make_window: Callable[[], MainWindow]) -> None:
    window = make_window()
    rows = shortcut_rows(window)
    listed = {(r.command, r.keys) for r in rows}
    expected = {
        (
            plain(a.text()),
            ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText)
                for k in a.shortcuts()
                if not k.isEmpty()
            ),
        )
        for a in window.findChildren(QAction)
        if not a.shortcut().isEmpty() and a.text()
    }
    assert expected <= listed
    by_command = {r.command: r for r in rows}
    assert by_command["Next Issue"].keys == "F8"
    assert by_command["Next Issue"].menu == "Go"
    assert by_command["Settings"].menu == "Edit"
    # A new action appears without touching the help.
    extra = QAction("Made-up Command", window)
    extra.setShortcut(QKeySequence("Ctrl+Alt+M"))
    window.actions_.edit_menu.addAction(extra)
    assert any(r.command == "Made-up Command" for r in shortcut_rows(window))


def test_a_page_per_check(qtbot: QtBot, make_window: Callable[[], MainWindow]) -> None:
    window = make_window()
    dialog = window.extras.open_help(1)
    qtbot.addWidget(dialog)
    classes = [*CHECK_CLASSES, *OPTIONAL_CHECK_CLASSES]
    assert dialog.check_list.count() == len(classes)
    for cls in classes:
        assert cls.help, f"{cls.id} has no help text"
        page = dialog.page_html(cls.id)
        assert cls.label in page and cls.id in page and cls.default_severity.value in page
        assert "What it finds" in page and "how to fix" in page and "Ignore Issue" in page
    assert dialog.show_check("spacing-punctuation")
    assert "Spacing / punctuation" in dialog.page.toPlainText()
    assert dialog.shortcuts.rowCount() == len(shortcut_rows(window))


def test_about_shows_version_and_licences(qtbot: QtBot) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = [d.split(">")[0].split("=")[0].split("<")[0].split("[")[0].strip()
                for d in project["project"]["dependencies"]]  # fmt: skip
    assert list(DEPENDENCIES) == declared
    rows = {r.name: r for r in library_licences()}
    assert "LGPL" in rows["PySide6-Essentials"].licence
    assert all(r.licence and r.licence != "unknown" for r in rows.values())
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert f"Verso {__version__}" in text
    assert "qt_uk.qm" in text and "keyring" in text and "Apache-2.0" in text


def test_help_menu_is_wired(make_window: Callable[[], MainWindow]) -> None:
    window = make_window()
    titles = [plain(a.text()) for a in window.menuBar().actions()]
    assert titles[-1] == "Help"
    texts = [plain(a.text()) for a in window.extras.help_menu.actions() if a.text()]
    assert texts == ["Verso Help", "Keyboard Shortcuts", "What the Checks Mean", "About Verso",
                     "About Qt"]  # fmt: skip
