"""File > Export QA Report…: statuses fixed / ignored / open, metrics, CSV and HTML."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from tests.ui.conftest import DialogLog, Sample, open_and_wait, wait_checked

MakeWindow = Callable[[], MainWindow]


def _edit_and_ignore(qtbot: QtBot, window: MainWindow) -> None:
    issues = window.controller.visible_issues()
    kiev = next(i for i in issues if i.text == "Kiev" and i.check == "glossary-forbidden")
    window.apply_to_all(kiev)
    wait_checked(qtbot, window)
    rubio = next(i for i in window.controller.visible_issues() if "Mark" in i.text)
    window.ignore(rubio)


def test_csv_report_has_fixed_ignored_and_open(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, tmp_path: Path
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    before = len(window.controller.issues)
    _edit_and_ignore(qtbot, window)
    out = tmp_path / "qa.csv"
    assert window.mt_ui.reports.export_report(str(out))
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    issues = [r for r in rows if r["record"] == "issue"]
    fixed = [r for r in issues if r["status"] == "fixed"]
    assert sorted((r["segment"], r["text"]) for r in fixed if r["check"] == "glossary-forbidden") \
        == [("1", "Kiev"), ("2", "Kiev"), ("3", "Kiev")]
    ignored = [r for r in issues if r["status"] == "ignored"]
    assert [r["text"] for r in ignored] and all("Mark" in r["text"] for r in ignored)
    assert not any(r["status"] == "open" and r["text"] == "Kiev" for r in issues), \
        "a fixed Kiev is not also open"
    assert len(issues) >= before
    def table(kind: str) -> list[dict[str, str]]:
        text = (tmp_path / f"qa.{kind}.csv").read_text(encoding="utf-8-sig")
        return list(csv.DictReader(text.splitlines()))

    segments = table("segments")
    assert len(segments) == 3 and segments[0]["edited"] == "The delegations met in Kyiv."
    assert float(segments[0]["hter"]) > 0 and float(segments[2]["hter"]) > 0
    (article,) = table("article")
    assert float(article["hter"]) > 0


def test_html_report_lists_the_issue_rows(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    _edit_and_ignore(qtbot, window)
    out = tmp_path / "qa"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName",
        lambda *_a, **_k: (str(out), "HTML report (*.html)"),
    )
    window.mt_ui.export_report.trigger()
    html = (tmp_path / "qa.html").read_text(encoding="utf-8")
    assert html.count('<td class="fixed">fixed</td>') == 3
    assert '<td class="ignored">ignored</td>' in html
    assert "<mark>Kiev</mark>" in html and "Mark Rubio" in html
    assert "<script src" not in html and "<link" not in html, "self-contained"


def test_untouched_review_has_only_open_issues(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, tmp_path: Path
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    out = tmp_path / "qa.csv"
    assert window.mt_ui.reports.export_report(str(out))
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    statuses = {r["status"] for r in rows if r["record"] == "issue"}
    assert statuses == {"open"}
    assert len([r for r in rows if r["record"] == "issue"]) == len(window.controller.issues)


def test_unwritable_report_path_is_explained(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, tmp_path: Path, isolated: DialogLog
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, small)
    assert not window.mt_ui.reports.export_report(str(tmp_path / "no" / "such" / "qa.html"))
    assert isolated.errors and "Traceback" not in isolated.errors[0]


def test_window_report_counts_two_fixed_one_ignored_one_added(
    qtbot: QtBot, make_window: MakeWindow, sample: Sample, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from app.core.glossary.model import GlossaryEntry
    from tests.ui.glossary.helpers import patch_dialogs, wait_glossary

    dialogs = patch_dialogs(monkeypatch)
    dialogs.edit = lambda _e: GlossaryEntry("Женева", ("Geneva",), ("Genf",), "city")
    glossary = tmp_path / "team.tsv"
    glossary.write_bytes(sample.glossary.read_bytes())
    window = make_window()
    open_and_wait(qtbot, window, Sample(sample.source, sample.target, glossary))
    wait_glossary(qtbot, window)
    total = len(window.controller.issues)
    issues = window.controller.visible_issues()
    window.apply_suggestion(next(i for i in issues if i.text == "Mark Rubio"))
    window.apply_suggestion(next(i for i in issues if i.text == " ."))
    wait_checked(qtbot, window)
    window.ignore(next(i for i in window.controller.visible_issues() if i.text == "Kiev"))
    with qtbot.waitSignal(window.glossary_ui.sync.saved, timeout=10000):
        window.glossary_ui.add_entry()
    wait_checked(qtbot, window)
    out = tmp_path / "qa.html"
    assert window.mt_ui.reports.export_report(str(out))
    page = out.read_text(encoding="utf-8")
    assert f"{total} (2 fixed, 1 ignored, {total - 3} open)" in page
    assert "<tr><td>Glossary entries added</td><td>1</td></tr>" in page
    assert "<td>Женева</td><td>Geneva</td><td>Genf</td>" in page
