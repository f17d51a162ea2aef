"""The window's parts need only the context: they work on a plain QMainWindow with a
status line and questions of the test's own, and never reach for MainWindow."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from app.core.model.issues import Side
from app.core.review.inputs import InputSpec
from app.ui.context import WindowContext
from app.ui.controller import ReviewController
from app.ui.file_ops import FileOps
from app.ui.glossary.sync import GlossarySync
from app.ui.glossary.window_part import GlossaryUi
from app.ui.mt_actions import MtUi
from app.ui.questions import Questions
from app.ui.settings import Settings
from tests.conftest import ROOT
from tests.ui.conftest import Sample


class Recorded(Questions):
    def __init__(self, parent: QMainWindow) -> None:
        super().__init__(parent)
        self.errors: list[str] = []

    def error(self, title: str, message: str) -> None:
        self.errors.append(f"{title}: {message}")


class Lines:
    def __init__(self) -> None:
        self.shown: list[str] = []

    def show(self, message: str, timeout_ms: int = 4000) -> None:
        self.shown.append(message)


def test_parts_run_on_a_context_alone(
    qtbot: QtBot, settings: Settings, small: Sample, tmp_path: Path
) -> None:
    host = QMainWindow()
    qtbot.addWidget(host)
    ask, status, revealed = Recorded(host), Lines(), []
    controller = ReviewController(host, autosave_dir=tmp_path / "autosave")
    ctx = WindowContext(
        parent=host, controller=controller, settings=settings,
        glossary=GlossarySync(host, ask), status=status, ask=ask,
        reveal=lambda *span: revealed.append(span),
    )  # fmt: skip
    files, glossary, mt = FileOps(ctx), GlossaryUi(ctx), MtUi(ctx)
    assert not ask.errors
    with qtbot.waitSignal(controller.issues_changed, timeout=20000):
        files.open_input(InputSpec((str(small.source), str(small.target)), str(small.glossary)))
    qtbot.waitUntil(lambda: not ctx.glossary.loading and not controller.busy, timeout=10000)
    assert ctx.glossary.path == small.glossary.resolve(), "the part follows the review's glossary"
    assert ctx.glossary.version is controller.glossary, "the version read once, shared"
    assert [i.text for i in controller.visible_issues()].count("Kiev") == 3
    mt.metrics.segment_activated.emit(1)
    assert revealed == [(1, Side.TARGET, 0, 0)]
    with qtbot.waitSignal(controller.load_failed, timeout=10000) as failed:
        files.open_input(InputSpec((str(tmp_path / "missing.xlf"),)))
    assert "missing.xlf" in str(failed.args[0])
    assert glossary.menu.actions() and mt.tools_menu.actions(), "menus made, placed by the host"


def test_no_part_imports_the_main_window() -> None:
    for part in ("file_ops", "mt_actions", "report_actions", "glossary/window_part",
                 "glossary/sync", "controller"):  # fmt: skip
        text = (ROOT / "app" / "ui" / f"{part}.py").read_text(encoding="utf-8")
        lines = [line.strip() for line in text.splitlines()]
        imports = [line for line in lines if line.startswith(("from ", "import "))]
        assert not [line for line in imports if "main_window" in line], part
