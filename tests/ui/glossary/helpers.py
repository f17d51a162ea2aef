"""Shared set-up for the glossary UI tests: a one-entry glossary, the glossary
dialogs replaced by recorders (no modal dialog ever blocks), and small waits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.glossary.merge import Choice, Conflict
from app.core.glossary.model import GlossaryEntry
from app.ui.glossary import dialogs as glossary_dialogs
from app.ui.main_window import MainWindow
from tests.ui.conftest import Sample, open_and_wait, wait_checked

KYIV_ONLY = "source\ttarget\tforbidden\tnote\nКиїв\tKyiv\tKiev\tcapital\n"


@dataclass
class GlossaryDialogs:
    """What the patched dialogs were asked, and what they answer."""

    entries_asked: list[GlossaryEntry | None] = field(default_factory=list)
    edit: Callable[[GlossaryEntry | None], GlossaryEntry | None] = lambda e: e
    conflicts: list[Conflict] = field(default_factory=list)
    conflict_answer: Choice | GlossaryEntry | None = Choice.MINE
    overwrite_answer: bool = False
    overwrite_asked: int = 0
    problems_shown: list[str] = field(default_factory=list)
    folders_opened: list[str] = field(default_factory=list)
    path_answer: str | None = None


def patch_dialogs(monkeypatch: pytest.MonkeyPatch) -> GlossaryDialogs:
    log = GlossaryDialogs()

    def ask_entry(_p: object, entry: GlossaryEntry | None, _t: str = "") -> GlossaryEntry | None:
        log.entries_asked.append(entry)
        return log.edit(entry)

    def ask_conflict(_p: object, conflict: Conflict) -> Choice | GlossaryEntry | None:
        log.conflicts.append(conflict)
        return log.conflict_answer

    def ask_overwrite(_p: object, _problems: str) -> bool:
        log.overwrite_asked += 1
        return log.overwrite_answer

    monkeypatch.setattr(glossary_dialogs, "ask_entry", ask_entry)
    monkeypatch.setattr(glossary_dialogs, "ask_conflict", ask_conflict)
    monkeypatch.setattr(glossary_dialogs, "ask_overwrite", ask_overwrite)
    monkeypatch.setattr(
        glossary_dialogs, "show_problems", lambda _p, t: log.problems_shown.append(t)
    )
    monkeypatch.setattr(glossary_dialogs, "open_folder", lambda p: log.folders_opened.append(p))
    monkeypatch.setattr(glossary_dialogs, "ask_glossary_path", lambda _p, _s, new: log.path_answer)
    return log


def with_glossary(sample: Sample, text: str) -> Sample:
    sample.glossary.write_text(text, encoding="utf-8")
    return sample


def open_checked(qtbot: QtBot, window: MainWindow, sample: Sample) -> None:
    open_and_wait(qtbot, window, sample)
    wait_checked(qtbot, window)
    wait_glossary(qtbot, window)


def wait_glossary(qtbot: QtBot, window: MainWindow) -> None:
    """Until the glossary file has been read (it is read on the thread pool)."""
    qtbot.waitUntil(lambda: not window.glossary_ui.sync.loading, timeout=10000)


def pair_with(window: MainWindow, text: str) -> int:
    review = window.controller.review
    assert review is not None
    return next(i for i in range(len(review)) if text in review.target(i))


def file_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")
