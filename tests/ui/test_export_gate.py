"""The delivery gate on export (issue 13, item 4)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.core.model.issues import Severity
from app.ui import export_gate
from app.ui.main_window import MainWindow
from tests.ui.conftest import DialogLog, Sample, open_and_wait

MakeWindow = Callable[[], MainWindow]


def test_open_errors_are_listed_and_cancel_exports_nothing(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, isolated: DialogLog,
) -> None:  # fmt: skip
    window = make_window()
    open_and_wait(qtbot, window, small)
    out = tmp_path / "out.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    isolated.export_anyway = False
    window.actions_.export.trigger()
    assert not out.exists()
    assert len(isolated.export_questions) == 1
    listing = isolated.export_questions[0]
    assert "Segment 1: “Kiev”" in listing and "Mark Rubio" in listing
    isolated.export_anyway = True
    window.actions_.export.trigger()
    assert out.is_file()
    summary = isolated.export_summaries[-1]
    assert "Open errors: 4" in summary and "Confirmed segments: 0 of 3" in summary


def test_no_question_when_no_error_is_open(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, isolated: DialogLog,
) -> None:  # fmt: skip
    window = make_window()
    open_and_wait(qtbot, window, small)
    for issue in window.controller.visible_issues():
        if issue.severity is Severity.ERROR:
            window.controller.ignore(issue)
    starts: list[str] = []

    def pick(_parent: object, _title: str, start: str) -> tuple[str, str]:
        starts.append(start)
        return str(tmp_path / "clean.txt"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", pick)
    window.actions_.export.trigger()
    assert isolated.export_questions == []
    assert (tmp_path / "clean.txt").is_file()
    assert Path(starts[0]).parent == small.target.parent.resolve()


def test_the_dialog_opens_beside_the_review_file(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    window = make_window()
    open_and_wait(qtbot, window, small)
    folder = tmp_path / "reviews"
    folder.mkdir()
    window.controller.save(str(folder / "r.verso"))
    starts: list[str] = []

    def cancel(_parent: object, _title: str, start: str) -> tuple[str, str]:
        starts.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", cancel)
    window.actions_.export.trigger()
    assert Path(starts[0]).parent == folder.resolve()


def test_summary_and_listing_text(qtbot: QtBot, make_window: MakeWindow, small: Sample) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    review = window.controller.review
    assert review is not None
    review.confirm(0)
    issues = window.controller.visible_issues()
    summary = export_gate.qa_summary(review, issues)
    assert summary.splitlines()[0].startswith("Open errors: 4 (")
    assert summary.splitlines()[-1] == "Confirmed segments: 1 of 3"
    label = export_gate.summary_label(summary)
    qtbot.addWidget(label)
    assert label.accessibleName() == "Quality summary"
