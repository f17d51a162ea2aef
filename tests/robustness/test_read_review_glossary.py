# ruff: noqa: F811  (pytest fixtures imported from tests/ui/conftest.py are parameters here)
"""A review (.verso) from elsewhere never makes Verso open another path without consent
(issue 16, item 7): the glossary path stored in it is refused when it is a network path
or not an ordinary file (a FIFO would hang, a UNC path would send the editor's
credentials), and in the window the editor is asked before any other file is opened."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.files.limits import foreign_path_refusal, is_remote
from app.core.model.errors import InputError
from app.core.review.inputs import open_input, stored_glossary
from app.ui.main_window import MainWindow
from tests.robustness.conftest import assert_refused, run_cli
from tests.ui.conftest import (  # noqa: F401  (fixtures)
    OFFSCREEN_NOISE,
    DialogLog,
    Sample,
    isolated,
    make_window,
    settings,
    small,
)

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
MakeWindow = Callable[[], MainWindow]


def _review_naming(tmp_path: Path, small: Sample, glossary: str) -> Path:
    """A review of the small sample whose stored glossary path is `glossary`."""
    (tmp_path / "inbox").mkdir(exist_ok=True)
    review = tmp_path / "inbox" / "from-elsewhere.verso"  # the glossary is not beside it
    run = run_cli(["export", str(small.source), str(small.target), "--glossary",
                   str(small.glossary), "--to", str(review)])  # fmt: skip
    assert run.code == 0, run.stderr
    data = json.loads(review.read_text(encoding="utf-8"))
    data["glossary"] = glossary
    review.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return review


@pytest.mark.parametrize(
    "path", ["\\\\server\\share\\g.tsv", "//server/share/g.tsv", "smb://server/g.tsv",
             "file://server/g.tsv", "https://example.org/g.tsv"],
)  # fmt: skip
def test_network_paths_are_recognised(path: str) -> None:
    assert is_remote(path)
    assert foreign_path_refusal(path) == "it is a network or URL path"


def test_local_paths_are_not_remote(tmp_path: Path) -> None:
    for path in ("/srv/glossary.tsv", "C:\\glossary.tsv", "glossary.tsv", "//"):
        assert not is_remote(path)
    assert foreign_path_refusal(tmp_path / "missing.tsv") is None


def test_cli_refuses_a_stored_fifo_glossary_at_once(tmp_path: Path, small: Sample) -> None:
    fifo = tmp_path / "trap.tsv"
    os.mkfifo(fifo)
    review = _review_naming(tmp_path, small, str(fifo))
    started = time.monotonic()
    run = run_cli(["check", str(review)])
    assert time.monotonic() - started < 10
    line = assert_refused(run, fifo, "not an ordinary file", "--glossary")
    assert str(review) in line


@pytest.mark.parametrize("stored", ["//server/share/g.tsv", "smb://server/g.tsv"])
def test_cli_refuses_a_stored_network_glossary(
    tmp_path: Path, small: Sample, stored: str
) -> None:
    review = _review_naming(tmp_path, small, stored)
    with pytest.raises(InputError, match="network or URL path"):
        open_input([review])
    run = run_cli(["check", str(review)])
    assert run.code == 2 and "network or URL path" in run.stderr, run.stderr


def test_explicit_glossary_replaces_a_refused_stored_one(tmp_path: Path, small: Sample) -> None:
    review = _review_naming(tmp_path, small, "smb://server/g.tsv")
    opened = open_input([review], glossary=small.glossary)
    assert opened.glossary_path == str(small.glossary.resolve())
    assert open_input([review], use_stored_glossary=False).glossary_path is None
    run = run_cli(["check", str(review), "--glossary", str(small.glossary)])
    assert run.code in (0, 1) and "Traceback" not in run.stderr, run.stderr


def test_window_never_opens_a_stored_fifo_and_does_not_hang(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, isolated: DialogLog, tmp_path: Path
) -> None:
    fifo = tmp_path / "trap.tsv"
    os.mkfifo(fifo)
    review = _review_naming(tmp_path, small, str(fifo))
    window = make_window()
    with qtbot.waitSignal(window.controller.issues_changed, timeout=20000):
        window.open_review(str(review))
    assert isolated.stored_glossary_asked == []  # refused outright, not even asked
    assert window.controller.review is not None
    assert window.controller.review.glossary_path != str(fifo)
    assert len(isolated.errors) == 1 and "did not open it" in isolated.errors[0]
    assert str(fifo) in isolated.errors[0]


@pytest.mark.parametrize("answer", [True, False])
def test_window_asks_before_opening_the_glossary_a_review_names(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, isolated: DialogLog,
    tmp_path: Path, answer: bool,
) -> None:  # fmt: skip
    other = tmp_path / "their-glossary.tsv"
    other.write_bytes(small.glossary.read_bytes())
    review = _review_naming(tmp_path, small, str(other))
    assert stored_glossary(review) == str(other)
    isolated.stored_glossary_answer = answer
    window = make_window()
    with qtbot.waitSignal(window.controller.issues_changed, timeout=20000):
        window.open_review(str(review))
    assert isolated.stored_glossary_asked == [str(other)]
    assert window.controller.review is not None
    used = window.controller.review.glossary_path
    assert (used == str(other)) is answer


def test_a_glossary_beside_the_review_opens_without_asking(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, isolated: DialogLog, tmp_path: Path
) -> None:
    review = _review_naming(tmp_path, small, "")
    beside = review.parent / "team.tsv"  # a review sent with its glossary, in one folder
    beside.write_bytes(small.glossary.read_bytes())
    data = json.loads(review.read_text(encoding="utf-8"))
    data["glossary"] = str(beside)
    review.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.controller.issues_changed, timeout=20000):
        window.open_review(str(review))
    assert isolated.stored_glossary_asked == []
    assert window.controller.review is not None
    assert window.controller.review.glossary_path == str(beside)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("digits.verso", '{"format": "verso-review", "version": 1, "x": ' + "1" * 400 + "}"),
        ("utf7.xlf", '<?xml version="1.0" encoding="utf-7"?><xliff version="1.2"/>'),
    ],
)
def test_window_shows_damaged_files_as_messages_and_stays_usable(
    qtbot: QtBot, make_window: MakeWindow, small: Sample, isolated: DialogLog,
    tmp_path: Path, name: str, data: str,
) -> None:  # fmt: skip
    bad = tmp_path / name
    bad.write_text(data, encoding="utf-8")
    window = make_window()
    window.files.open_review(str(bad))
    qtbot.waitUntil(lambda: bool(isolated.errors), timeout=10000)
    assert str(bad) in isolated.errors[0]
    assert "too large" in isolated.errors[0] or "UTF-7" in isolated.errors[0]
    with qtbot.waitSignal(window.controller.issues_changed, timeout=20000):
        window.open_files(str(small.source), str(small.target), str(small.glossary))
