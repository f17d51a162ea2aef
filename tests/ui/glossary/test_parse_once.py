"""The window parses a glossary file once per version: the article's check and the
pane share the version read on opening; another editor's save is read once and that
very version is indexed; this editor's own save is not read back at all."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.core.glossary import io, store
from app.core.glossary.model import GlossaryEntry
from app.core.glossary.store import GlossaryStore
from app.ui.main_window import MainWindow
from tests.ui.conftest import Sample, wait_checked
from tests.ui.glossary.helpers import KYIV_ONLY, open_checked, patch_dialogs, with_glossary

MakeWindow = Callable[[], MainWindow]
RUBIO = GlossaryEntry("Марко Рубіо", ("Marco Rubio",), ("Mark Rubio",), "US Secretary of State")


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Sizes of the glossary bytes parsed, in order (every parse goes through parse_bytes)."""
    seen: list[int] = []
    real = io.parse_bytes

    def counting(data: bytes, *args: Any, **kwargs: Any) -> Any:
        seen.append(len(data))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(io, "parse_bytes", counting)
    monkeypatch.setattr(store, "parse_bytes", counting)
    return seen


def test_one_parse_per_file_version(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, parses: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    dialogs = patch_dialogs(monkeypatch)
    window = make_window()
    open_checked(qtbot, window, with_glossary(small, KYIV_ONLY))
    assert len(parses) == 1, "opening: one parse for the check and the pane"
    assert window.glossary_ui.sync.version is window.controller.glossary

    GlossaryStore(small.glossary).add(RUBIO)  # another editor saves (their parse, not ours)
    before = len(parses)
    with qtbot.waitSignal(window.controller.glossary_rebuilt, timeout=10000):
        window.glossary_ui.sync.check_file()
    wait_checked(qtbot, window)
    assert len(parses) == before + 1, "another editor's save: read and parsed once"
    assert any(i.text == "Mark Rubio" for i in window.controller.visible_issues())

    dialogs.edit = lambda _e: GlossaryEntry("Женева", ("Geneva",), ("Genf",))
    with qtbot.waitSignal(window.controller.glossary_rebuilt, timeout=10000):
        window.glossary_ui.add_entry()
    wait_checked(qtbot, window)
    assert len(parses) == before + 1, "this editor's save is indexed from what it wrote"
