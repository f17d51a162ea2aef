# ruff: noqa: F811  (pytest fixtures imported from tests/ui/conftest.py are parameters here)
"""The window with bad files, a vanished glossary folder, a full disk and a review
changed by someone else: the same message as the CLI, edits kept, still usable."""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.cli import main as cli_main
from app.core.glossary.model import GlossaryEntry
from app.ui import dialogs
from app.ui.main_window import MainWindow
from app.ui.segment_editor import SegmentEditor
from tests.robustness.conftest import Listener
from tests.ui.conftest import (  # noqa: F401  (fixtures)
    OFFSCREEN_NOISE,
    DialogLog,
    Sample,
    isolated,
    make_window,
    open_and_wait,
    settings,
    small,
    wait_checked,
)

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
MakeWindow = Callable[[], MainWindow]


def _cli_message(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert cli_main(list(args)) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ")
    return err.removeprefix("error: ")


BAD_SOURCES = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 8,
    "notzip.docx": b"not a zip\n" * 10,
    "word.doc": b"\xd0\xcf\x11\xe0" + b"\x00" * 100,
}


def test_bad_files_show_the_cli_message_and_the_window_stays_usable(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, isolated: DialogLog,
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:  # fmt: skip
    window = make_window()
    for name, data in BAD_SOURCES.items():
        bad = tmp_path / name
        bad.write_bytes(data)
        expected = _cli_message(capsys, "check", str(bad), str(small.target))
        isolated.errors.clear()
        window.open_files(str(bad), str(small.target), str(small.glossary))
        qtbot.waitUntil(lambda: bool(isolated.errors), timeout=10000)
        assert isolated.errors == [expected], name
        assert window.controller.review is None
    open_and_wait(qtbot, window, small)  # a good pair opens after all of that
    assert window.controller.visible_issues()


def test_hostile_xliff_is_refused_with_the_cli_message(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, isolated: DialogLog,
    capsys: pytest.CaptureFixture[str], tmp_path: Path, listener: Listener,
) -> None:  # fmt: skip
    xlf = tmp_path / "x.xlf"
    xlf.write_text(
        f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "{listener.url}/e">]>'
        '<xliff version="1.2"><file original="a" source-language="uk" target-language="en">'
        "<body><trans-unit id='1'><source>&e;</source><target>x</target></trans-unit>"
        "</body></file></xliff>",
        encoding="utf-8",
    )
    expected = _cli_message(capsys, "check", str(xlf))
    window = make_window()
    window.files.open_review(str(xlf))  # read on the thread pool, like any input
    qtbot.waitUntil(lambda: bool(isolated.errors), timeout=10000)
    assert isolated.errors == [expected]
    assert listener.connects == []
    open_and_wait(qtbot, window, small)


def test_markup_in_file_content_is_never_rendered_or_fetched(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, listener: Listener,
) -> None:  # fmt: skip
    bait = f'<img src="{listener.url}/p.png"><b>жирний</b>'
    small.source.write_text(f"Делегації зустрілися в Києві {bait}.\n", encoding="utf-8")
    small.target.write_text(f"The delegations met in Kiev {bait}.\n", encoding="utf-8")
    window = make_window()
    open_and_wait(qtbot, window, small)
    qtbot.wait(200)
    editors = window.findChildren(SegmentEditor)
    assert editors and any(bait in e.toPlainText() for e in editors)
    assert all(not e.acceptRichText() for e in editors)
    assert listener.connects == []


def _edit_first_target(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.article.targets[0].setPlainText(text)  # as if typed
    wait_checked(qtbot, window)
    assert window.controller.review is not None and window.controller.review.is_dirty


def test_full_disk_keeps_edits_in_memory_and_autosave_then_save_as_works(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, isolated: DialogLog,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:  # fmt: skip
    window = make_window()
    open_and_wait(qtbot, window, small)
    _edit_first_target(qtbot, window, "The delegations met in Kyiv.")
    assert window.controller.autosave()
    saved_copy = window.controller.autosaver.path if window.controller.autosaver else None

    def full(*_a: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("app.core.files.atomic.os.fsync", full)
    assert not window.files._save_to(str(tmp_path / "r.verso"))
    assert len(isolated.errors) == 1 and "disk is full" in isolated.errors[0]
    review = window.controller.review
    assert review is not None and review.is_dirty
    assert review.target(0) == "The delegations met in Kyiv."
    assert saved_copy is not None and Path(saved_copy).exists()
    assert not (tmp_path / "r.verso").exists()
    monkeypatch.undo()
    other = tmp_path / "elsewhere"
    other.mkdir()
    assert window.files._save_to(str(other / "r.verso"))  # Save As somewhere else
    assert not review.is_dirty and (other / "r.verso").exists()


def test_review_changed_on_disk_asks_before_overwriting(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:  # fmt: skip
    window = make_window()
    open_and_wait(qtbot, window, small)
    path = tmp_path / "r.verso"
    assert window.files._save_to(str(path))
    theirs = path.read_bytes().replace(b"Kiev agreed", b"Kyiv agreed (their edit)")
    path.write_bytes(theirs)
    os.utime(path, ns=(1, 1))  # the stamp differs even on coarse file systems
    _edit_first_target(qtbot, window, "Mine.")
    asked: list[str] = []
    answer = {"value": False}

    def ask(_parent: object, shown: str) -> bool:
        asked.append(shown)
        return answer["value"]

    monkeypatch.setattr(dialogs, "ask_overwrite_changed", ask)
    assert not window.files.save()
    assert asked and path.read_bytes() == theirs  # their file untouched
    assert window.controller.review is not None and window.controller.review.is_dirty
    answer["value"] = True
    assert window.files.save()
    assert len(asked) == 2 and b"Mine." in path.read_bytes()
    assert window.files.save() and len(asked) == 2  # our own save is not "someone else"


def test_glossary_folder_that_disappears_gives_a_message_and_keeps_edits(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, isolated: DialogLog, tmp_path: Path,
) -> None:  # fmt: skip
    share = tmp_path / "share"
    share.mkdir()
    glossary = share / "team.tsv"
    shutil.copy(small.glossary, glossary)
    window = make_window()
    open_and_wait(qtbot, window, Sample(small.source, small.target, glossary))
    qtbot.waitUntil(lambda: window.glossary_ui.sync.glossary is not None, timeout=10000)
    _edit_first_target(qtbot, window, "The delegations met in Kyiv.")
    shutil.rmtree(share)  # the network drive is unplugged
    # Saves run on the thread pool: the failure arrives as a signal, then a message.
    with qtbot.waitSignal(window.glossary_ui.sync.failed, timeout=10000):
        window.glossary_ui.sync.add(GlossaryEntry("Одеса", ("Odesa",), ("Odessa",)))
    assert len(isolated.errors) == 1 and "network drive" in isolated.errors[0]
    assert not share.exists(), "the vanished folder must not be re-created locally"
    review = window.controller.review
    assert review is not None and review.target(0) == "The delegations met in Kyiv."
    window.glossary_ui.sync.check_file()  # a reload must not crash either
    qtbot.wait(300)
    assert window.controller.autosave()  # edits go to the autosave as before
    assert window.files._save_to(str(tmp_path / "r.verso"))
