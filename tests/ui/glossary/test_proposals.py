"""From a correction in the grid to a glossary entry in the shared file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from app.core.glossary.store import GlossaryStore
from app.ui.main_window import MainWindow
from tests.ui.conftest import GLOSSARY, Sample, wait_checked
from tests.ui.glossary.helpers import (
    KYIV_ONLY,
    GlossaryDialogs,
    open_checked,
    pair_with,
    patch_dialogs,
    with_glossary,
)

MakeWindow = Callable[[], MainWindow]


@pytest.fixture
def gd(monkeypatch: pytest.MonkeyPatch) -> GlossaryDialogs:
    return patch_dialogs(monkeypatch)


def correct_rubio(qtbot: QtBot, window: MainWindow) -> None:
    i = pair_with(window, "Mark Rubio")
    new = window.controller.target(i).replace("Mark Rubio", "Marco Rubio")
    proposals = window.glossary_ui.proposals
    with qtbot.waitSignal(proposals.changed, timeout=5000):
        window.article.targets[i].setPlainText(new)
    wait_checked(qtbot, window)


def test_correcting_a_name_proposes_an_entry_and_add_writes_it(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs
) -> None:
    window = make_window()
    window.settings.qs.setValue("glossary/author", "Olena")
    open_checked(qtbot, window, with_glossary(small, KYIV_ONLY))
    ui = window.glossary_ui
    assert not ui.proposal_bar.isVisible()
    correct_rubio(qtbot, window)
    assert ui.proposal_bar.isVisible()
    assert "Марко Рубіо → Marco Rubio (rejects Mark Rubio)" in ui.proposal_bar.label.text()
    [proposal] = ui.proposals.pending()
    assert (proposal.source, proposal.target, proposal.forbidden) == (
        "Марко Рубіо", "Marco Rubio", ("Mark Rubio",)
    )
    assert proposal.author == "Olena" and proposal.date

    with qtbot.waitSignal(ui.sync.saved, timeout=10000):
        ui.proposal_bar.button("Add…").click()
    [asked] = gd.entries_asked
    assert asked is not None and asked.source == "Марко Рубіо"  # prefilled, editable
    entry = GlossaryStore(small.glossary).load().find("Марко Рубіо")
    assert entry is not None
    assert entry.targets == ("Marco Rubio",) and entry.forbidden == ("Mark Rubio",)
    assert entry.get_extra("author") == "Olena"
    assert GlossaryStore(small.glossary).load().find("Київ") is not None  # nothing lost
    assert not ui.proposal_bar.isVisible(), "the glossary has it now: no proposal left"
    assert ui.pane.model.rowCount() == 2


def test_the_editor_can_change_the_proposal_before_it_is_saved(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs
) -> None:
    window = make_window()
    open_checked(qtbot, window, with_glossary(small, KYIV_ONLY))
    correct_rubio(qtbot, window)
    gd.edit = lambda e: None if e is None else replace(e, note="Secretary of State")
    with qtbot.waitSignal(window.glossary_ui.sync.saved, timeout=10000):
        window.glossary_ui.proposal_bar.button("Add…").click()
    entry = GlossaryStore(small.glossary).load().find("Марко Рубіо")
    assert entry is not None and entry.note == "Secretary of State"


def test_cancelling_the_entry_dialog_writes_nothing(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs
) -> None:
    window = make_window()
    open_checked(qtbot, window, with_glossary(small, KYIV_ONLY))
    before = small.glossary.read_bytes()
    correct_rubio(qtbot, window)
    gd.edit = lambda _e: None
    window.glossary_ui.proposal_bar.button("Add…").click()
    assert small.glossary.read_bytes() == before
    assert window.glossary_ui.proposal_bar.isVisible(), "still offered"


def test_no_proposal_for_what_the_glossary_already_says(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs
) -> None:
    window = make_window()
    open_checked(qtbot, window, with_glossary(small, GLOSSARY))  # has Marco Rubio / Mark Rubio
    correct_rubio(qtbot, window)
    assert window.glossary_ui.proposals.pending() == []
    assert not window.glossary_ui.proposal_bar.isVisible()


def test_applying_the_glossary_fix_proposes_nothing(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs
) -> None:
    window = make_window()
    open_checked(qtbot, window, with_glossary(small, KYIV_ONLY))
    kiev = next(i for i in window.controller.visible_issues() if i.text == "Kiev")
    with qtbot.waitSignal(window.glossary_ui.proposals.changed, timeout=5000):
        window.apply_to_all(kiev)
    assert window.glossary_ui.proposals.pending() == []
    assert not window.glossary_ui.proposal_bar.isVisible()


def test_dismiss_hides_the_proposal_and_writes_nothing(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs
) -> None:
    window = make_window()
    open_checked(qtbot, window, with_glossary(small, KYIV_ONLY))
    before = small.glossary.read_bytes()
    correct_rubio(qtbot, window)
    window.glossary_ui.proposal_bar.button("Dismiss").click()
    assert not window.glossary_ui.proposal_bar.isVisible()
    assert small.glossary.read_bytes() == before
    assert gd.entries_asked == []


def test_undoing_the_correction_withdraws_the_proposal(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs
) -> None:
    window = make_window()
    open_checked(qtbot, window, with_glossary(small, KYIV_ONLY))
    correct_rubio(qtbot, window)
    assert window.glossary_ui.proposals.pending()
    with qtbot.waitSignal(window.glossary_ui.proposals.changed, timeout=5000):
        window.controller.undo_stack.undo()
    assert window.glossary_ui.proposals.pending() == []
    assert not window.glossary_ui.proposal_bar.isVisible()
