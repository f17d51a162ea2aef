"""QApplication set-up and the `open` entry point.

Only light modules are imported before the window is shown; the checks (and
their heavy dependencies) load on the thread pool during the first check.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from typing import NoReturn

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from app.assets import icon_files
from app.core.review.inputs import InputSpec
from app.ui import i18n
from app.ui.main_window import MainWindow
from app.ui.settings import APPLICATION, ORGANIZATION, Settings


@dataclass
class LaunchOptions:
    inputs: InputSpec | None = None  # what to open (None: offer a leftover autosave)
    glossary: str | None = None
    screenshot: str | None = None
    quit_after_check: bool = False


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Verso")
    app.setDesktopFileName("org.verso.Verso")  # Wayland matches the window to the .desktop entry
    app.setWindowIcon(window_icon())
    # Before any widget exists, so every string is created in the chosen language.
    i18n.install(i18n.choose_language(Settings().language()), app)
    return app


def window_icon() -> QIcon:
    """The app icon in every rendered size (resources/icons, bundled in the package)."""
    icon = QIcon()
    for file in icon_files():
        if str(file).endswith(".png"):
            icon.addFile(str(file))
    return icon


def run(options: LaunchOptions, started: float | None = None) -> int:
    """Show the window, open the files if given, run the event loop."""
    started = time.perf_counter() if started is None else started
    app = application()
    window = MainWindow()
    window.show()
    # Paint the laid-out window before the load starts: the load's imports on the
    # pool would otherwise hold the interpreter while the window is still black.
    app.processEvents()
    if options.inputs is not None:
        window.open_input(options.inputs)
    else:
        if options.glossary:
            window.ctx.glossary.set_path(options.glossary)
        window.offer_restore()
    if options.screenshot or options.quit_after_check:
        _finish_after_check(window, options, started)
    return int(app.exec())


def _finish_after_check(window: MainWindow, options: LaunchOptions, started: float) -> None:
    """For docs and start-up measurement: grab the window once checked, then quit."""

    def done() -> None:
        # The clock stops when the checked article is on screen, not when its issues
        # arrive: Qt shows and lays out the rows the load added through posted events,
        # then the window paints them, highlights included.
        QApplication.sendPostedEvents()
        window.repaint()
        elapsed = time.perf_counter() - started
        print(
            f"checked window ready in {elapsed:.2f} s (epoch {time.time():.3f})", file=sys.stderr
        )
        if options.screenshot:
            QTimer.singleShot(300, grab)
        else:
            _leave(0)

    def grab() -> None:
        window.grab().save(options.screenshot or "")
        _leave(0)

    def failed(message: str) -> None:
        print(f"error: {message}", file=sys.stderr)
        _leave(2)

    if options.inputs is None:
        QTimer.singleShot(0, done)
        return
    window.controller.issues_changed.connect(done)
    window.controller.load_failed.connect(failed)


def _leave(code: int) -> NoReturn:
    """End a one-shot launch (docs, start-up measurement) at once. Closing the window
    would save its geometry and the recent files into the editor's settings (~25 ms),
    and tearing down the interpreter, its modules and every widget takes ~0.1 s more:
    all of it after the measured launch, none of it wanted from a measuring run."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
