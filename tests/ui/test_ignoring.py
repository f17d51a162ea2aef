"""Ignoring in the window (issue 13, item 2): undo, the status filter, un-ignore,
ignored spans drawn, the team's ignore list beside the glossary."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.model.issues import Issue, Side
from app.core.review import ignore_list
from app.core.review.ignore_list import IgnoreRule, IgnoreStore
from app.ui import team_ignores
from app.ui.issue_model import STATUS_ALL, STATUS_IGNORED
from app.ui.main_window import MainWindow
from tests.ui.conftest import DialogLog, Sample, open_and_wait

MakeWindow = Callable[[], MainWindow]


def kievs(window: MainWindow) -> list[Issue]:
    return [
        i
        for i in window.controller.visible_issues()
        if i.check == "glossary-forbidden" and i.text == "Kiev"
    ]


def test_ignore_is_one_undo_step(qtbot: QtBot, make_window: MakeWindow, small: Sample) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    issue = kievs(window)[0]
    window.panel.select_issue(issue)
    window.actions_.ignore.trigger()
    assert issue not in window.controller.visible_issues()
    window.actions_.undo.trigger()
    assert issue in window.controller.visible_issues()
    window.actions_.redo.trigger()
    assert issue not in window.controller.visible_issues()


def test_show_ignored_and_un_ignore(qtbot: QtBot, make_window: MakeWindow, small: Sample) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    total = len(window.controller.visible_issues())
    issue = kievs(window)[1]
    window.panel.select_issue(issue)
    window.actions_.ignore.trigger()
    panel = window.panel
    assert panel.proxy.rowCount() == total - 1
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(STATUS_IGNORED))
    assert panel.proxy.rowCount() == 1 and panel.proxy.issue_at(0) == issue
    assert "ignored" in str(panel.proxy.index(0, 0).data())
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(STATUS_ALL))
    assert panel.proxy.rowCount() == total
    panel.table.setFocus()
    assert panel.select_issue(issue)
    assert panel.ignore_button.text().replace("&", "") == "Un-ignore"
    panel.ignore_button.click()
    assert issue in window.controller.visible_issues()
    assert window.controller.undo_stack.count() == 2, "un-ignore is undoable too"


def test_ignored_spans_are_drawn_as_such(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    issue = kievs(window)[2]
    window.controller.ignore(issue)
    assert window.article.ignored_spans(issue.pair, Side.TARGET) == [(issue.start, issue.end)]
    editor = window.article.targets[issue.pair]
    assert len(editor.extraSelections()) == 1
    spans = editor.highlighter.spans
    assert not any(s.start == issue.start and s.check == issue.check for s in spans)
    window.actions_.undo.trigger()
    assert window.article.ignored_spans(issue.pair, Side.TARGET) == []


def test_ignore_in_every_article_uses_the_team_list(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    issue = kievs(window)[0]
    window.panel.select_issue(issue)
    window.team_ui.ignore_everywhere.trigger()
    path = ignore_list.path_for(small.glossary)
    assert [r.key for r in ignore_list.read(path)] == [("glossary-forbidden", "Kiev")]
    assert kievs(window) == [], "every Kiev of the article is hidden"
    # Another article checked with the same glossary: hidden there too.
    second = make_window()
    open_and_wait(qtbot, second, small)
    assert kievs(second) == []


def test_the_dialog_lists_and_removes_rules(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = ignore_list.path_for(small.glossary)
    IgnoreStore(path).save([IgnoreRule("glossary-forbidden", "Kiev", "house")])
    window = make_window()
    open_and_wait(qtbot, window, small)
    assert kievs(window) == []
    seen: list[list[IgnoreRule]] = []

    def answer(parent: object, where: Path, rules: list[IgnoreRule]) -> list[IgnoreRule]:
        dialog = team_ignores.IgnoreListDialog(None, where, rules)
        qtbot.addWidget(dialog)
        seen.append(dialog.rules())
        dialog.table.selectRow(0)
        dialog.remove_selected()
        return dialog.rules()

    monkeypatch.setattr(team_ignores, "edit_rules", answer)
    window.team_ui.edit_list.trigger()
    assert seen == [[IgnoreRule("glossary-forbidden", "Kiev", "house")]]
    assert ignore_list.read(path) == []
    assert len(kievs(window)) == 3


def test_context_menu_un_ignores_and_ignores_for_the_team(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    from PySide6.QtWidgets import QMenu

    window = make_window()
    open_and_wait(qtbot, window, small)
    issue = kievs(window)[2]
    window.controller.ignore(issue)
    editor = window.article.targets[issue.pair]
    assert editor.issue_menu is not None
    menu = QMenu()
    editor.issue_menu(menu, issue.start + 1)
    show_again = [a for a in menu.actions() if "un-ignore" in a.text()]
    assert len(show_again) == 1
    show_again[0].trigger()
    assert issue in window.controller.visible_issues()
    menu = QMenu()
    editor.issue_menu(menu, issue.start + 1)
    team = [a for a in menu.actions() if "every article" in a.text()]
    team[0].trigger()
    assert kievs(window) == []
    assert ignore_list.read(ignore_list.path_for(small.glossary))[0].text == "Kiev"


def test_a_broken_team_list_is_a_message_not_a_crash(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, isolated: DialogLog
) -> None:
    path = ignore_list.path_for(small.glossary)
    path.write_text("not\ta list\n", encoding="utf-8")
    window = make_window()
    open_and_wait(qtbot, window, small)
    assert len(kievs(window)) == 3, "the article is checked as if the list were empty"
    window.team_ui.edit_list.trigger()
    assert isolated.errors and "not an ignore list" in isolated.errors[-1]
