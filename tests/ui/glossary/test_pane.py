"""The glossary pane: model, search, sort, add / edit / delete, places in the article."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.glossary.model import GlossaryEntry
from app.core.glossary.store import GlossaryStore
from app.core.model.issues import Side
from app.ui.glossary.dialogs import EntryDialog
from app.ui.glossary.pane import ENTRY_ROLE, GlossaryModel, GlossaryPane, Place
from app.ui.main_window import MainWindow
from tests.ui.conftest import GLOSSARY, Sample
from tests.ui.glossary.helpers import GlossaryDialogs, open_checked, patch_dialogs, with_glossary

MakeWindow = Callable[[], MainWindow]
ENTRIES = [
    GlossaryEntry("Київ", ("Kyiv",), ("Kiev",), "capital", extra=(("author", "Olena"),)),
    GlossaryEntry("Марко Рубіо", ("Marco Rubio", "Rubio"), ("Mark Rubio",), "US Secretary"),
    GlossaryEntry("Зеленський", ("Zelensky",), ("Zelenskiy",), ""),
]


@pytest.fixture
def gd(monkeypatch: pytest.MonkeyPatch) -> GlossaryDialogs:
    return patch_dialogs(monkeypatch)


def shown(pane: GlossaryPane) -> list[str]:
    return [str(pane.proxy.index(r, 0).data()) for r in range(pane.proxy.rowCount())]


def test_model_passes_qtmodeltester(qtmodeltester: object) -> None:
    model = GlossaryModel()
    model.set_entries(ENTRIES)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.index(1, 1).data() == "Marco Rubio | Rubio"
    assert model.index(0, 4).data() == "Olena"
    assert model.index(2, 0).data(ENTRY_ROLE) is ENTRIES[2]


def test_search_filters_every_text_column(qtbot: QtBot) -> None:
    pane = GlossaryPane()
    qtbot.addWidget(pane)
    pane.set_entries(ENTRIES)
    pane.search.setText("kiev")  # forbidden, any case
    assert shown(pane) == ["Київ"]
    pane.search.setText("Secretary")  # note
    assert shown(pane) == ["Марко Рубіо"]
    pane.search.setText("Rubio")  # target
    assert shown(pane) == ["Марко Рубіо"]
    pane.search.setText("зелен")  # source, lower case
    assert shown(pane) == ["Зеленський"]
    pane.search.setText("nothing like it")
    assert shown(pane) == []
    pane.search.clear()
    assert len(shown(pane)) == 3


def test_sort_by_a_column(qtbot: QtBot) -> None:
    pane = GlossaryPane()
    qtbot.addWidget(pane)
    pane.set_entries(ENTRIES)
    assert shown(pane) == ["Київ", "Марко Рубіо", "Зеленський"]  # file order first
    pane.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by rendering
    assert shown(pane) == ["Київ", "Марко Рубіо", "Зеленський"]
    pane.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown(pane) == ["Марко Рубіо", "Київ", "Зеленський"]


def test_read_only_pane_offers_no_writes(qtbot: QtBot) -> None:
    pane = GlossaryPane()
    qtbot.addWidget(pane)
    pane.set_entries(ENTRIES)
    pane.set_read_only(True, "broken")
    pane.table.selectRow(0)
    assert not pane.add_button.isEnabled() and not pane.edit_button.isEnabled()
    with qtbot.assertNotEmitted(pane.delete_requested):
        pane.delete_button.click()
    pane.set_read_only(False)
    assert pane.add_button.isEnabled() and pane.delete_button.isEnabled()


def test_add_edit_delete_go_through_the_store(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs
) -> None:
    window = make_window()
    open_checked(qtbot, window, with_glossary(small, GLOSSARY))
    pane = window.glossary_ui.pane
    new = GlossaryEntry("Зеленський", ("Zelensky",), ("Zelenskiy",), "president")
    gd.edit = lambda _e: new
    saved = window.glossary_ui.sync.saved
    with qtbot.waitSignal(saved, timeout=10000):
        pane.add_button.click()
    on_disk = GlossaryStore(small.glossary).load()
    assert [e.source for e in on_disk] == ["Київ", "Марко Рубіо", "Зеленський"]
    current = pane.current_entry()
    assert current is not None and current.source == "Зеленський"

    gd.edit = lambda e: None if e is None else replace(e, targets=("Volodymyr Zelensky",))
    with qtbot.waitSignal(saved, timeout=10000):
        pane.edit_button.click()
    entry = GlossaryStore(small.glossary).load().find("Зеленський")
    assert entry is not None and entry.targets == ("Volodymyr Zelensky",)

    assert pane.select_source("Київ")
    with qtbot.waitSignal(saved, timeout=10000):
        pane.delete_button.click()
    assert [e.source for e in GlossaryStore(small.glossary).load()] == [
        "Марко Рубіо", "Зеленський",
    ]
    assert "Київ" not in [e.source for e in pane.model.entries]


def test_places_list_where_the_entry_occurs_and_select_it(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs
) -> None:
    window = make_window()
    open_checked(qtbot, window, with_glossary(small, GLOSSARY))
    pane = window.glossary_ui.pane
    assert pane.select_source("Київ")
    places = [pane.places.item(r).data(ENTRY_ROLE) for r in range(pane.places.count())]
    assert all(isinstance(p, Place) for p in places)
    target = [p for p in places if p.side is Side.TARGET]
    source = [p for p in places if p.side is Side.SOURCE]
    assert [p.text for p in target] == ["Kiev"] * 3 and {p.kind for p in target} == {"forbidden"}
    assert {p.text for p in source} == {"Києві", "Київ"} and len(source) == 3
    last = target[-1]
    pane.places.itemClicked.emit(pane.places.item(places.index(last)))
    editor = window.article.editor_for(last.pair, Side.TARGET)
    assert editor.selected_span() == (last.start, last.end)
    assert pane.select_source("Марко Рубіо")
    texts = [pane.places.item(r).text() for r in range(pane.places.count())]
    assert any("Mark Rubio" in t and "forbidden" in t for t in texts)
    assert not any("Kiev" in t for t in texts), "only the selected entry's places"


def test_entry_dialog_round_trips_and_refuses_bad_fields(qtbot: QtBot) -> None:
    dialog = EntryDialog(None, ENTRIES[1], "Edit")
    qtbot.addWidget(dialog)
    assert dialog.targets.text() == "Marco Rubio|Rubio"
    assert dialog.entry() == ENTRIES[1]
    dialog.forbidden.setText("Mark Rubio | Rubio")
    assert "both accepted and forbidden" in dialog.problem()
    dialog.forbidden.setText("Mark Rubio")
    dialog.targets.setText("  ")
    assert dialog.problem() == "Give at least one rendering."
    dialog.targets.setText("Marco Rubio")
    dialog.author.setText("Olena")
    assert dialog.problem() == ""
    edited = dialog.entry()
    assert edited.targets == ("Marco Rubio",) and edited.get_extra("author") == "Olena"
