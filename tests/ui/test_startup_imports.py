"""The window appears first: heavy libraries load lazily, after it is shown (issue 6)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

HEAVY = ("sacrebleu", "deep_translator", "langdetect", "pymorphy3", "requests", "translate",
         "docx", "psycopg")


def test_importing_the_window_and_cli_loads_no_heavy_library() -> None:
    code = (
        "import sys, app.ui.main_window, app.cli\n"
        "app.cli.build_parser()\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=env
    )
    assert out.stdout.strip() == ""


def test_the_check_modules_load_with_the_first_check_not_with_the_window() -> None:
    code = (
        "import sys, app.ui.main_window\n"
        "print(','.join(m for m in sys.modules if m.startswith('app.core.checks.')))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=env
    )
    assert out.stdout.strip() == "app.core.checks.base"
