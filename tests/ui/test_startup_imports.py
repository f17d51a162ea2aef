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


FORMAT_LIBRARIES = ("docx", "openpyxl", "translate", "markdown", "langdetect", "lxml",
                    "sacrebleu", "requests", "deep_translator")
COMMAND_MODULES = ("app.cli.export_cmd", "app.cli.glossary_cmd", "app.cli.report_cmd",
                   "app.cli.metrics_cmd", "app.cli.translate_cmd", "app.cli.open_cmd",
                   "app.core.outputs.export", "app.core.glossary.store", "app.core.mt")


def test_check_of_a_text_pair_imports_no_format_library_nor_langdetect() -> None:
    """`check` on .txt files answers without the readers of other formats, langdetect
    (script and function words decide English) or the other commands' modules."""
    source, target = (ROOT / "seeds" / f"geneva-talks.{lang}.txt" for lang in ("uk", "en"))
    code = (
        "import sys, contextlib, io, app.cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = app.cli.main(['check', {str(source)!r}, {str(target)!r},"
        " '--glossary', 'starter', '--format', 'json'])\n"
        f"names = {(*FORMAT_LIBRARIES, *COMMAND_MODULES)!r}\n"
        "print(code, ','.join(m for m in names if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.split(" ") == ["1", "\n"], out.stdout + out.stderr
