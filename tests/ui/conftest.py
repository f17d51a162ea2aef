"""UI fixtures: isolated settings and autosave folder, the sample article, and
modal dialogs replaced so no test ever blocks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from app.ui import dialogs, export_gate
from app.ui.main_window import MainWindow
from app.ui.settings import Settings
from tests.conftest import SEEDS

SOURCE = "Делегації зустрілися в Києві. Марко Рубіо говорив про Київ.\n\nКиїв погодився.\n"
TARGET = "The delegations met in Kiev. Mark Rubio spoke about Kiev.\n\nKiev agreed.\n"
GLOSSARY = (
    "source\ttarget\tforbidden\tnote\n"
    "Київ\tKyiv\tKiev\tcapital\n"
    "Марко Рубіо\tMarco Rubio|Rubio\tMark Rubio\tUS Secretary of State\n"
)


@dataclass
class Sample:
    source: Path
    target: Path
    glossary: Path


@dataclass
class DialogLog:
    errors: list[str] = field(default_factory=list)
    error_titles: list[str] = field(default_factory=list)
    restore_answer: bool = False
    restore_offers: int = 0
    save_answer: str = "discard"
    stored_glossary_answer: bool = True  # open the glossary a review names?
    stored_glossary_asked: list[str] = field(default_factory=list)
    export_anyway: bool = True
    export_questions: list[str] = field(default_factory=list)
    export_summaries: list[str] = field(default_factory=list)


@pytest.fixture
def small(tmp_path: Path) -> Sample:
    """A tiny article with "Kiev" three times, in two paragraphs."""
    s, t, g = tmp_path / "small.uk.txt", tmp_path / "small.en.txt", tmp_path / "g.tsv"
    s.write_text(SOURCE, encoding="utf-8")
    t.write_text(TARGET, encoding="utf-8")
    g.write_text(GLOSSARY, encoding="utf-8")
    return Sample(s, t, g)


@pytest.fixture
def sample() -> Sample:
    """The seed article (seeds/geneva-talks.*) with the starter glossary."""
    s, t, g = (SEEDS / n for n in ("geneva-talks.uk.txt", "geneva-talks.en.txt", "glossary.tsv"))
    return Sample(s, t, g)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DialogLog:
    """Autosaves under tmp_path; dialogs answered by the test, errors recorded."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    log = DialogLog()

    def restore(_parent: object, _path: str) -> bool:
        log.restore_offers += 1
        return log.restore_answer

    def show_error(_parent: object, title: str, message: str) -> None:
        log.error_titles.append(title)
        log.errors.append(message)

    monkeypatch.setattr(dialogs, "show_error", show_error)
    monkeypatch.setattr(dialogs, "ask_restore", restore)
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda _p, _c: log.save_answer)

    def stored(_parent: object, _review: str, glossary: str) -> bool:
        log.stored_glossary_asked.append(glossary)
        return log.stored_glossary_answer

    monkeypatch.setattr(dialogs, "ask_stored_glossary", stored)

    def export_anyway(_parent: object, _count: int, listing: str) -> bool:
        log.export_questions.append(listing)
        return log.export_anyway

    def export_path(parent: QWidget | None, start: str, summary: str) -> tuple[str, str]:
        log.export_summaries.append(summary)
        return QFileDialog.getSaveFileName(parent, "Export", start)  # tests patch this one

    monkeypatch.setattr(export_gate, "ask_export_anyway", export_anyway)
    monkeypatch.setattr(export_gate, "ask_export_path", export_path)
    return log


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "verso.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot: QtBot, settings: Settings) -> Iterator[Callable[[], MainWindow]]:
    def make() -> MainWindow:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        window.show()
        return window

    yield make


def open_and_wait(qtbot: QtBot, window: MainWindow, sample: Sample) -> None:
    with qtbot.waitSignal(window.controller.issues_changed, timeout=20000):
        window.open_files(str(sample.source), str(sample.target), str(sample.glossary))


def wait_checked(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until every edit has been re-checked and no job runs."""
    qtbot.waitUntil(
        lambda: not window.controller.pending and not window.controller.busy, timeout=10000
    )


OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform cannot resize windows to size hints and says so on
    every layout change; that one message is the platform's, not ours. Every
    other Qt warning still fails the test."""
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))
