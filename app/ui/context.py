"""The one object the window's parts share (git-cola's context): the review
controller, the settings, the glossary, the status line, and `ask`, through which
work started anywhere puts a question to the editor.

Parts receive a WindowContext, never the MainWindow: they cannot reach into each
other's widgets, and tests can build a part with a context of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtWidgets import QStatusBar, QWidget

from app.core.model.issues import Side
from app.ui.controller import ReviewController
from app.ui.glossary.sync import GlossarySync
from app.ui.questions import Questions
from app.ui.settings import Settings


class Status(Protocol):
    def show(self, message: str, timeout_ms: int = 4000) -> None: ...


class StatusLine:
    """Status messages in the window's status bar (timeout 0: until replaced)."""

    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar

    def show(self, message: str, timeout_ms: int = 4000) -> None:
        self.bar.showMessage(message, timeout_ms)


Reveal = Callable[[int, Side, int, int], None]  # pair, side, start, end: show it in the grid


@dataclass
class WindowContext:
    """What a part of the window may use."""

    parent: QWidget  # the parent of the dialogs and docks a part makes
    controller: ReviewController
    settings: Settings
    glossary: GlossarySync
    status: Status
    ask: Questions
    reveal: Reveal
