"""The glossary file dialogs offer every format the registry knows (.tab, .utf8, .xml too)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.ui import dialogs
from app.ui.glossary import dialogs as glossary_dialogs

NEW_SUFFIXES = ("*.tab", "*.utf8", "*.xml")


class FakeFileDialog:
    """Stands in for QFileDialog's static functions: records the filter, gives an answer."""

    def __init__(self, answer: str, chosen: str = "") -> None:
        self.answer, self.chosen = answer, chosen
        self.filters: list[str] = []

    def getOpenFileName(
        self, _parent: QWidget | None, _title: str, _start: str, filter_: str
    ) -> tuple[str, str]:
        self.filters.append(filter_)
        return self.answer, ""

    def getSaveFileName(
        self, _parent: QWidget | None, _title: str, _start: str, filter_: str
    ) -> tuple[str, str]:
        self.filters.append(filter_)
        return self.answer, self.chosen


def test_open_glossary_dialog_lists_every_glossary_suffix(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = FakeFileDialog(str(tmp_path / "team.utf8"))
    monkeypatch.setattr(glossary_dialogs, "QFileDialog", fake)
    assert glossary_dialogs.ask_glossary_path(None, str(tmp_path), new=False) == fake.answer
    [shown] = fake.filters
    first = shown.split(";;")[0]
    assert first.startswith("Glossaries (")
    assert all(pattern in first for pattern in (*NEW_SUFFIXES, "*.tsv", "*.txt", "*.csv"))
    assert shown == dialogs.GLOSSARY_FILTER


def test_new_glossary_dialog_offers_the_write_formats(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = FakeFileDialog(str(tmp_path / "team"), chosen="OmegaT glossary (*.tab *.utf8)")
    monkeypatch.setattr(glossary_dialogs, "QFileDialog", fake)
    path = glossary_dialogs.ask_glossary_path(None, str(tmp_path), new=True)
    assert path == str(tmp_path / "team.tab")  # the chosen format's suffix, none typed
    [shown] = fake.filters
    assert shown.split(";;")[0] == "Verso glossary (TSV) (*.tsv *.txt)"
    assert all(pattern in shown for pattern in NEW_SUFFIXES)
    cancelled = FakeFileDialog("")
    monkeypatch.setattr(glossary_dialogs, "QFileDialog", cancelled)
    assert glossary_dialogs.ask_glossary_path(None, str(tmp_path), new=True) is None


def test_open_pair_dialog_glossary_browse_uses_the_registry_filter(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = FakeFileDialog(str(tmp_path / "terms.xml"))
    monkeypatch.setattr(dialogs, "QFileDialog", fake)
    dialog = dialogs.OpenPairDialog(None, str(tmp_path))
    qtbot.addWidget(dialog)
    browse = [b for b in dialog.findChildren(QPushButton) if b.text() == "Browse…"]
    browse[2].click()  # source, translation, glossary
    assert dialog.glossary.text() == fake.answer
    assert fake.filters == [dialogs.GLOSSARY_FILTER]
    assert all(pattern in fake.filters[0] for pattern in NEW_SUFFIXES)
