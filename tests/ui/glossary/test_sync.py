"""The window follows the shared file: other editors' entries, conflicts, broken files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.core.glossary.merge import Choice, Conflict
from app.core.glossary.model import GlossaryEntry
from app.core.glossary.store import GlossaryStore
from app.ui.glossary.dialogs import ConflictDialog
from app.ui.main_window import MainWindow
from tests.ui.conftest import DialogLog, Sample
from tests.ui.glossary.helpers import (
    KYIV_ONLY,
    GlossaryDialogs,
    open_checked,
    patch_dialogs,
    wait_glossary,
    with_glossary,
)

MakeWindow = Callable[[], MainWindow]
RUBIO = GlossaryEntry("Марко Рубіо", ("Marco Rubio",), ("Mark Rubio",), "US Secretary of State")
BROKEN = (
    "source\ttarget\tforbidden\tnote\n"
    "Київ\tKyiv\tKiev\tcapital\n"
    "Київ\tKyiw\t\tduplicate with another target\n"
)


@pytest.fixture
def gd(monkeypatch: pytest.MonkeyPatch) -> GlossaryDialogs:
    return patch_dialogs(monkeypatch)


def sources(window: MainWindow) -> list[str]:
    return [e.source for e in window.glossary_ui.pane.model.entries]


def rubio_flagged(window: MainWindow) -> bool:
    return any(
        i.check == "glossary-forbidden" and i.text == "Mark Rubio"
        for i in window.controller.visible_issues()
    )


def test_another_editors_entry_appears_and_the_article_is_rechecked(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs
) -> None:
    window = make_window()
    open_checked(qtbot, window, with_glossary(small, KYIV_ONLY))
    assert sources(window) == ["Київ"]
    assert not rubio_flagged(window)
    GlossaryStore(small.glossary).add(RUBIO)  # a second editor, another store
    qtbot.waitUntil(lambda: "Марко Рубіо" in sources(window), timeout=5000)
    qtbot.waitUntil(lambda: rubio_flagged(window), timeout=10000)
    assert any(i.text == "Kiev" for i in window.controller.visible_issues())


def test_reload_on_window_activation_when_the_watcher_is_silent(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs
) -> None:
    window = make_window()
    open_checked(qtbot, window, with_glossary(small, KYIV_ONLY))
    sync = window.glossary_ui.sync
    sync.watcher.blockSignals(True)  # a network drive that never notifies
    GlossaryStore(small.glossary).add(RUBIO)
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    qtbot.waitUntil(lambda: "Марко Рубіо" in sources(window), timeout=5000)
    qtbot.waitUntil(lambda: rubio_flagged(window), timeout=10000)


def test_conflicting_edit_shows_both_versions_and_keeps_the_choice(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs
) -> None:
    window = make_window()
    open_checked(qtbot, window, with_glossary(small, KYIV_ONLY))
    ui = window.glossary_ui
    mine_before = ui.sync.entries[0]
    other = GlossaryStore(small.glossary)
    theirs = replace(other.load().entries[0], note="changed by Taras")
    other.save([theirs])  # before this window noticed: no event is processed in between
    gd.edit = lambda e: None if e is None else replace(e, note="changed by Olena")
    with qtbot.waitSignal(ui.sync.saved, timeout=10000):
        ui.edit_entry(mine_before)
    [conflict] = gd.conflicts
    assert conflict.mine is not None and conflict.mine.note == "changed by Olena"
    assert conflict.theirs is not None and conflict.theirs.note == "changed by Taras"
    kept = GlossaryStore(small.glossary).load().find("Київ")
    assert kept is not None and kept.note == "changed by Olena"  # chose mine
    assert ui.pane.model.entries[0].note == "changed by Olena"


def test_conflict_left_undecided_keeps_their_version(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs
) -> None:
    window = make_window()
    open_checked(qtbot, window, with_glossary(small, KYIV_ONLY))
    ui = window.glossary_ui
    other = GlossaryStore(small.glossary)
    other.save([replace(other.load().entries[0], note="changed by Taras")])
    gd.edit = lambda e: None if e is None else replace(e, note="changed by Olena")
    gd.conflict_answer = None
    with qtbot.waitSignal(ui.sync.saved, timeout=10000):
        ui.edit_entry(ui.sync.entries[0])
    assert len(gd.conflicts) == 1
    kept = GlossaryStore(small.glossary).load().find("Київ")
    assert kept is not None and kept.note == "changed by Taras"
    gd.conflict_answer = Choice.THEIRS


def test_broken_glossary_opens_read_only_and_is_never_overwritten(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs,
    isolated: DialogLog,
) -> None:  # fmt: skip
    window = make_window()
    with_glossary(small, BROKEN)
    before = small.glossary.read_bytes()
    open_checked(qtbot, window, small)
    ui = window.glossary_ui
    assert window.controller.is_loaded, "the article opens"
    assert any(i.text == "Kiev" for i in window.controller.visible_issues()), "readable entries"
    assert ui.problem_bar.isVisible()
    assert "line 3" in ui.problem_bar.label.text()
    assert sources(window) == ["Київ"] and ui.pane.read_only
    assert not ui.pane.add_button.isEnabled() and not ui.add_action.isEnabled()
    assert not ui.sync.add(RUBIO)
    assert isolated.errors and "not changed" in isolated.errors[-1]
    ui.problem_bar.button("Fix File…").click()
    assert gd.folders_opened == [str(small.glossary.parent)]
    assert gd.problems_shown and "line 3" in gd.problems_shown[0]
    ui.problem_bar.button("Overwrite Anyway…").click()  # asked, and the editor says no
    assert gd.overwrite_asked == 1
    assert small.glossary.read_bytes() == before


def test_overwrite_anyway_after_explicit_consent(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs
) -> None:
    window = make_window()
    open_checked(qtbot, window, with_glossary(small, BROKEN))
    gd.overwrite_answer = True
    with qtbot.waitSignal(window.glossary_ui.sync.saved, timeout=10000):
        window.glossary_ui.problem_bar.button("Overwrite Anyway…").click()
    assert GlossaryStore(small.glossary).load().find("Київ") is not None
    assert list(small.glossary.parent.glob("g.tsv.broken-*")), "the broken file is kept"
    assert not window.glossary_ui.problem_bar.isVisible()
    assert not window.glossary_ui.pane.read_only


def test_fixing_the_file_outside_clears_the_problem(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs
) -> None:
    window = make_window()
    open_checked(qtbot, window, with_glossary(small, BROKEN))
    small.glossary.write_text(KYIV_ONLY, encoding="utf-8")
    qtbot.waitUntil(lambda: not window.glossary_ui.problem_bar.isVisible(), timeout=5000)
    assert not window.glossary_ui.pane.read_only


def test_new_glossary_when_none_is_loaded(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs
) -> None:
    window = make_window()
    small.glossary.unlink()
    with qtbot.waitSignal(window.controller.issues_changed, timeout=20000):
        window.open_files(str(small.source), str(small.target))
    ui = window.glossary_ui
    assert ui.sync.store is None and ui.pane.read_only
    new = small.source.parent / "team.tsv"
    gd.path_answer = str(new)
    ui.new_action.trigger()
    wait_glossary(qtbot, window)
    assert new.read_text(encoding="utf-8").startswith("# source\ttarget")  # OmegaT skips it
    review = window.controller.review
    assert review is not None and review.glossary_path == str(new.resolve())
    assert not ui.pane.read_only
    with qtbot.waitSignal(ui.sync.saved, timeout=10000):
        assert ui.sync.add(RUBIO)
    qtbot.waitUntil(lambda: rubio_flagged(window), timeout=10000)


def test_open_glossary_switches_and_rechecks(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, gd: GlossaryDialogs
) -> None:
    window = make_window()
    open_checked(qtbot, window, with_glossary(small, KYIV_ONLY))
    other = small.source.parent / "other.tsv"
    GlossaryStore(other).add(RUBIO)
    gd.path_answer = str(other)
    window.glossary_ui.open_action.trigger()
    assert window.glossary_ui.pane.read_only, "read-only while it loads"
    wait_glossary(qtbot, window)
    assert sources(window) == ["Марко Рубіо"]
    qtbot.waitUntil(lambda: rubio_flagged(window), timeout=10000)
    qtbot.waitUntil(
        lambda: not any(
            i.check == "glossary-forbidden" and i.text == "Kiev"
            for i in window.controller.visible_issues()
        ),
        timeout=10000,
    )


def test_conflict_dialog_shows_both_versions(qtbot: QtBot) -> None:
    mine = replace(RUBIO, note="mine: Secretary of State")
    theirs = replace(RUBIO, targets=("Marco Rubio", "Rubio"), note="theirs: senator")
    dialog = ConflictDialog(None, Conflict(RUBIO.key, RUBIO, mine, theirs))
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("mine: Secretary of State" in t for t in texts)
    assert any("theirs: senator" in t and "Marco Rubio | Rubio" in t for t in texts)
    keep_theirs = next(
        b for b in dialog.findChildren(QPushButton) if b.text() == "Keep &theirs"
    )
    keep_theirs.click()
    assert dialog.choice is Choice.THEIRS
