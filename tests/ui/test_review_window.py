"""The review window on a real article: issues, selection, edits, undo, ignore, export."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.cli import main
from app.core.model.issues import Issue, Side
from app.ui.main_window import MainWindow
from app.ui.settings import Settings
from tests.ui.conftest import DialogLog, Sample, open_and_wait, wait_checked

MakeWindow = Callable[[], MainWindow]


def kiev_issues(window: MainWindow) -> list[Issue]:
    return [
        i for i in window.controller.visible_issues()
        if i.check == "glossary-forbidden" and i.text == "Kiev"
    ]


def test_issues_equal_the_cli_s(
    qtbot: QtBot, make_window: MakeWindow, sample: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, sample)
    args = [str(sample.source), str(sample.target), "--glossary", str(sample.glossary)]
    assert main(["check", *args, "--format", "json"]) == 1
    cli = json.loads(capsys.readouterr().out)
    assert len(cli["issues"]) > 0
    assert [i.to_json() for i in window.controller.visible_issues()] == cli["issues"]
    assert window.panel.proxy.rowCount() == len(cli["issues"])
    assert len(window.article.targets) == len(cli["pairs"])
    errors = cli["metrics"]["issues_by_severity"]["error"]
    assert window.status_parts.counts_label.text().startswith(f"{errors} errors")
    assert len(window.marker_bar.markers) == len(cli["issues"])


def test_selecting_an_issue_selects_its_span(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    issue = kiev_issues(window)[1]  # the second "Kiev" of the first sentence pair
    assert window.panel.select_issue(issue)
    editor = window.article.editor_for(issue.pair, Side.TARGET)
    assert editor.selected_span() == (issue.start, issue.end)
    assert editor.textCursor().selectedText() == "Kiev"
    assert issue.source_start is not None and issue.source_end is not None
    source = window.article.sources[issue.pair]
    assert source.selected_span() == (issue.source_start, issue.source_end)
    assert source.textCursor().selectedText().startswith("Київ")


def test_highlights_on_both_sides(qtbot: QtBot, make_window: MakeWindow, small: Sample) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    target_spans = window.article.targets[0].highlighter.spans
    flagged = {(s.start, s.end) for s in target_spans}
    for issue in kiev_issues(window):
        if issue.pair == 0:
            assert (issue.start, issue.end) in flagged
    assert window.article.sources[0].highlighter.spans  # the matching source terms
    # A clean word is not highlighted.
    text = window.article.targets[0].toPlainText()
    the = text.index("delegations")
    assert not any(s.start <= the < s.end for s in target_spans)


def test_editing_a_segment_updates_its_issues(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    assert any(i.pair == 1 for i in kiev_issues(window))
    editor = window.article.targets[1]
    with qtbot.waitSignal(window.controller.issues_changed, timeout=5000):
        editor.setPlainText("Kyiv agreed.")  # as if typed: emits `edited`
    wait_checked(qtbot, window)
    assert not any(i.pair == 1 for i in kiev_issues(window))
    assert any(i.pair == 0 for i in kiev_issues(window)), "other pairs keep their issues"
    assert window.controller.target(1) == "Kyiv agreed."
    assert window.isWindowModified()


def test_typing_then_undo_restores(qtbot: QtBot, make_window: MakeWindow, small: Sample) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    editor = window.article.targets[1]
    original = editor.toPlainText()
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Indeed")
    assert window.controller.target(1) == original + " Indeed"
    assert window.controller.undo_stack.count() == 1, "typing merges into one undo step"
    wait_checked(qtbot, window)
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.target(1) == original
    assert editor.toPlainText() == original
    window.actions_.redo.trigger()
    assert editor.toPlainText() == original + " Indeed"


def test_apply_to_all_fixes_every_kiev_and_undo_restores(
    qtbot: QtBot, make_window: MakeWindow, sample: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, sample)
    before = [t.toPlainText() for t in window.article.targets]
    kievs = kiev_issues(window)
    assert len(kievs) >= 2
    window.panel.select_issue(kievs[0])
    window.actions_.apply_all.trigger()
    after = [t.toPlainText() for t in window.article.targets]
    assert not any("Kiev" in t for t in after)
    assert sum(t.count("Kyiv") for t in after) >= len(kievs)
    assert window.controller.undo_stack.count() == 1
    wait_checked(qtbot, window)
    assert kiev_issues(window) == []
    window.actions_.undo.trigger()
    assert [t.toPlainText() for t in window.article.targets] == before
    wait_checked(qtbot, window)
    assert len(kiev_issues(window)) == len(kievs)


def test_apply_suggestion_changes_only_that_span(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    issue = kiev_issues(window)[0]
    window.panel.select_issue(issue)
    window.actions_.apply.trigger()
    text = window.controller.target(issue.pair)
    assert text == "The delegations met in Kyiv."
    others = [window.controller.target(i) for i in range(len(window.article.targets))]
    assert sum(t.count("Kiev") for t in others) == 2, "the other Kievs are left alone"
    history = window.controller.review.history if window.controller.review else []
    assert [h.kind for h in history] == ["apply"]


def test_next_previous_issue(qtbot: QtBot, make_window: MakeWindow, small: Sample) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    assert window.actions_.next_issue.shortcut().toString() == "F8"
    assert window.actions_.previous_issue.shortcut().toString() == "Shift+F8"
    issues = window.controller.visible_issues()
    window.actions_.next_issue.trigger()
    assert window.panel.current_issue() == issues[0]
    window.actions_.next_issue.trigger()
    assert window.panel.current_issue() == issues[1]
    editor = window.article.editor_for(issues[1].pair, issues[1].side)
    assert editor.selected_span() == (issues[1].start, issues[1].end)
    window.actions_.previous_issue.trigger()
    window.actions_.previous_issue.trigger()
    assert window.panel.current_issue() == issues[-1], "wraps around"


def test_filters(qtbot: QtBot, make_window: MakeWindow, sample: Sample) -> None:
    window = make_window()
    open_and_wait(qtbot, window, sample)
    issues = window.controller.visible_issues()
    panel = window.panel
    panel.check_filter.setCurrentIndex(panel.check_filter.findData("glossary-forbidden"))
    expected = [i for i in issues if i.check == "glossary-forbidden"]
    assert panel.proxy.rowCount() == len(expected) > 0
    panel.check_filter.setCurrentIndex(0)
    panel.severity_filter.setCurrentIndex(panel.severity_filter.findText("Warning"))
    warnings = [i for i in issues if i.severity.value == "warning"]
    assert panel.proxy.rowCount() == len(warnings)
    assert all(panel.proxy.issue_at(r).severity.value == "warning" for r in range(len(warnings)))


def test_ignore_persists_through_save_and_load(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    total = len(window.controller.visible_issues())
    ignored = kiev_issues(window)[0]
    window.panel.select_issue(ignored)
    window.actions_.ignore.trigger()
    assert ignored not in window.controller.visible_issues()
    assert window.panel.proxy.rowCount() == total - 1
    review_path = tmp_path / "review.verso"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(review_path), "")
    )
    window.actions_.save.trigger()
    assert review_path.is_file()
    assert not window.isWindowModified()

    second = make_window()
    with qtbot.waitSignal(second.controller.issues_changed, timeout=20000):
        second.open_review(str(review_path))
    visible = second.controller.visible_issues()
    assert len(visible) == total - 1
    assert ignored not in visible
    assert len(kiev_issues(second)) == len(kiev_issues(window))


def test_export_writes_the_edited_text(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    window.panel.select_issue(kiev_issues(window)[0])
    window.actions_.apply_all.trigger()
    out = tmp_path / "corrected"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "Markdown (*.md)")
    )
    window.actions_.export.trigger()
    text = (tmp_path / "corrected.md").read_text(encoding="utf-8")
    assert "Kyiv agreed." in text
    assert "Kiev" not in text
    assert "Mark Rubio" in text  # not touched: a different check and suggestion


def test_load_error_is_shown_not_raised(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, tmp_path: Path, isolated: DialogLog
) -> None:
    window = make_window()
    missing = tmp_path / "nope.txt"
    with qtbot.waitSignal(window.controller.load_failed, timeout=10000):
        window.open_files(str(small.source), str(missing), None)
    assert isolated.errors and "nope.txt" in isolated.errors[0]
    assert not window.controller.is_loaded
    assert not window.actions_.save.isEnabled()


def test_geometry_splitter_and_recent_restored(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, settings: Settings
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    window.resize(700, 520)
    window.splitter.setSizes([300, 200])
    sizes = window.splitter.sizes()
    window.close()
    reread = Settings(QSettings(settings.qs.fileName(), QSettings.Format.IniFormat))
    second = MainWindow(reread)
    qtbot.addWidget(second)
    second.show()
    assert (second.size().width(), second.size().height()) == (700, 520)
    assert second.splitter.sizes() == sizes
    recent = second.actions_.recent_menu.actions()
    assert len(recent) == 1 and "small.en.txt" in recent[0].text()
    with qtbot.waitSignal(second.controller.issues_changed, timeout=20000):
        recent[0].trigger()
    assert second.controller.review is not None
    assert second.controller.review.glossary_path == str(small.glossary.resolve())


def test_only_the_current_issue_is_selected(
    qtbot: QtBot, make_window: MakeWindow, small: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    first = next(i for i in kiev_issues(window) if i.pair == 0)
    last = next(i for i in kiev_issues(window) if i.pair == 1)
    window.panel.select_issue(first)
    assert window.article.targets[0].textCursor().hasSelection()
    window.panel.select_issue(last)
    assert not window.article.targets[0].textCursor().hasSelection()
    assert not window.article.sources[0].textCursor().hasSelection()
    assert window.article.targets[1].textCursor().selectedText() == "Kiev"


def test_ignore_is_one_undo_step_after_the_fixes(
    qtbot: QtBot, make_window: MakeWindow, sample: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, sample)
    rubio = next(i for i in window.controller.visible_issues() if i.text == "Mark Rubio")
    window.apply_suggestion(rubio)
    wait_checked(qtbot, window)
    kiev = kiev_issues(window)[0]
    window.panel.select_issue(kiev)
    window.actions_.ignore.trigger()
    assert kiev not in window.controller.visible_issues()
    assert window.controller.undo_stack.undoText().startswith("Ignore")
    window.actions_.undo.trigger()
    assert kiev in window.controller.visible_issues(), "Ctrl+Z takes the ignore back"
    review = window.controller.review
    assert review is not None and "Marco Rubio" in review.target(rubio.pair), "the fix stays"
    window.actions_.redo.trigger()
    assert kiev not in window.controller.visible_issues()
    window.actions_.undo.trigger()
    window.actions_.undo.trigger()
    wait_checked(qtbot, window)
    assert "Mark Rubio" in review.target(rubio.pair)
