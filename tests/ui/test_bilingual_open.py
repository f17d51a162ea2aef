"""Bilingual files in the window: an XLIFF 1.2 opens as a review and goes back
out as XLIFF / TMX; `python -m app open FILE.xlf` accepts it alone."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.files.bilingual import read_bilingual
from app.ui.main_window import MainWindow
from tests.ui.conftest import DialogLog, Sample

MakeWindow = Callable[[], MainWindow]
ROOT = Path(__file__).resolve().parents[2]

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="news.txt" source-language="uk" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="1">
        <source>Делегації зустрілися в Києві.</source>
        <target>The delegations met in Kiev.</target>
        <note>from the wire</note>
      </trans-unit>
      <trans-unit id="2">
        <source>Марко Рубіо говорив про Київ.</source>
        <target>Mark Rubio spoke about Kiev.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


@pytest.fixture
def xlf(tmp_path: Path) -> Path:
    path = tmp_path / "news.xlf"
    path.write_text(XLIFF, encoding="utf-8")
    return path


def _open(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    with qtbot.waitSignal(window.controller.issues_changed, timeout=20000):
        window.mt_ui.reports.open_bilingual(str(path))


def test_xliff_opens_as_a_review_and_is_checked(
    qtbot: QtBot, make_window: MakeWindow, xlf: Path, small: Sample
) -> None:
    window = make_window()
    window.settings.set_last_glossary(str(small.glossary))
    _open(qtbot, window, xlf)
    review = window.controller.review
    assert review is not None and len(review) == 2
    assert (review.source_lang, review.target_lang) == ("uk", "en")
    assert review.original[0].notes == ("from the wire",)
    assert [e.toPlainText() for e in window.article.targets] == [
        "The delegations met in Kiev.", "Mark Rubio spoke about Kiev."
    ]
    kievs = [i for i in window.controller.issues if i.check == "glossary-forbidden"]
    assert {(i.pair, i.text) for i in kievs} >= {(0, "Kiev"), (1, "Kiev"), (1, "Mark Rubio")}
    assert window.mt_ui.export_bilingual.isEnabled()


@pytest.mark.parametrize(("name", "fmt"), [("out.xlf", "xliff12"), ("out.tmx", "tmx"),
                                           ("out.xlf2", "xliff2")])
def test_edited_review_exports_back(
    qtbot: QtBot, make_window: MakeWindow, xlf: Path, tmp_path: Path, name: str, fmt: str
) -> None:
    window = make_window()
    _open(qtbot, window, xlf)
    window.article.targets[0].setPlainText("The delegations met in Kyiv.")
    out = tmp_path / name
    assert window.mt_ui.reports.export_bilingual(str(out))
    back = read_bilingual(out)
    assert back.format == fmt
    assert (back.source_lang, back.target_lang) == ("uk", "en")
    assert [p.source for p in back.pairs] == [
        "Делегації зустрілися в Києві.", "Марко Рубіо говорив про Київ."
    ]
    assert [p.target for p in back.pairs] == [
        "The delegations met in Kyiv.", "Mark Rubio spoke about Kiev."
    ]


def test_dropping_a_bilingual_file_opens_it(
    qtbot: QtBot, make_window: MakeWindow, xlf: Path
) -> None:
    window = make_window()
    with qtbot.waitSignal(window.controller.issues_changed, timeout=20000):
        window.open_dropped([str(xlf)])
    assert window.controller.review is not None and len(window.controller.review) == 2


def test_broken_xliff_is_explained(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, isolated: DialogLog
) -> None:
    bad = tmp_path / "bad.xlf"
    bad.write_text("<xliff version='1.2'><file>", encoding="utf-8")
    window = make_window()
    window.mt_ui.reports.open_bilingual(str(bad))
    qtbot.waitUntil(lambda: bool(isolated.errors), timeout=10000)
    assert isolated.errors and "bad.xlf" in isolated.errors[0]
    assert window.controller.review is None


def test_bad_export_name_is_explained(
    qtbot: QtBot, make_window: MakeWindow, xlf: Path, tmp_path: Path, isolated: DialogLog
) -> None:
    window = make_window()
    _open(qtbot, window, xlf)
    assert not window.mt_ui.reports.export_bilingual(str(tmp_path / "out.docx"))
    assert isolated.errors and ".xlf" in isolated.errors[0]


def test_cli_open_accepts_a_bilingual_file_alone(xlf: Path, tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(tmp_path / "s"),
               XDG_CONFIG_HOME=str(tmp_path / "c"))
    run = subprocess.run(
        [sys.executable, "-m", "app", "open", str(xlf), "--quit-after-check"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert "checked window ready" in run.stderr
    wrong = subprocess.run(
        [sys.executable, "-m", "app", "open", str(tmp_path / "x.txt")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert wrong.returncode == 2 and "bilingual file" in wrong.stderr
