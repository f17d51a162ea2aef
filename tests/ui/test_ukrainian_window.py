"""The window started in Ukrainian: no menu, action or button text left in English
(check messages may stay English where they quote English text)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDockWidget, QMenu, QWidget
from pytestqt.qtbot import QtBot

from app.ui import i18n
from app.ui.main_window import MainWindow
from app.ui.settings import Settings
from tests.ui.conftest import Sample, open_and_wait

# Names and formats that are the same in both languages.
UNTRANSLATABLE = {
    "Verso", "Qt", "XLIFF", "TMX", "HTML", "CSV", "DOCX", "TSV", "TBX", "OmegaT", "QA", "MT",
    "API", "URL", "chrF", "BLEU", "HTER", "Markdown", "TXT", "SDLXLIFF", "MQXLIFF", "Ctrl",
    "Shift", "Alt", "Return", "Enter", "Del", "Esc", "Tab", "PgUp", "PgDown",
}  # fmt: skip
LATIN_WORD = re.compile(r"(?<![.\w])[A-Za-z][A-Za-z]+")  # not file suffixes (.verso, .docx)


def english_words(text: str) -> list[str]:
    plain = text.replace("&", "").split(" — ")[0]  # " — file.tsv": a file name is data
    return [w for w in LATIN_WORD.findall(plain) if w not in UNTRANSLATABLE and len(w) > 1]


def menu_texts(menu: QMenu, path: str) -> Iterator[tuple[str, str]]:
    yield path, menu.title()
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from menu_texts(sub, f"{path} > {sub.title()}")
        elif action.text() and not action.isSeparator():
            yield path, action.text()
            if action.statusTip():
                yield f"{path} (status tip)", action.statusTip()


def untranslated(window: MainWindow) -> list[str]:
    found = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and menu is not window.actions_.recent_menu:
            for where, text in menu_texts(menu, menu.title()):
                if "Recent" in where or "Недавні" in where:
                    continue
                if english_words(text):
                    found.append(f"{where}: {text}")
    widgets: list[QWidget] = [*window.findChildren(QAbstractButton)]
    for widget in widgets:
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if text and english_words(text):
            found.append(f"{type(widget).__name__}: {text}")
    for dock in window.findChildren(QDockWidget):
        if english_words(dock.windowTitle().split(" — ")[0]):
            found.append(f"dock: {dock.windowTitle()}")
    return found


@pytest.fixture
def ukrainian(qapp: QApplication) -> Iterator[None]:
    i18n.install("uk", qapp)
    yield
    i18n.install("en", qapp)


def test_the_window_speaks_ukrainian(
    qtbot: QtBot, settings: Settings, sample: Sample, ukrainian: None
) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    window.glossary_ui.dock.show()
    window.mt_ui.dock.show()
    assert untranslated(window) == []
    open_and_wait(qtbot, window, sample)
    assert untranslated(window) == []
    assert window.windowTitle().endswith("[*] — Verso")  # "name* — Verso"


def test_the_detector_sees_english(qtbot: QtBot, settings: Settings) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert any("Open" in text for text in untranslated(window))
