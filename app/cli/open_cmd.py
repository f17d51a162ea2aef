"""`open [INPUT] [--glossary FILE]`: the review window."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app.assets import glossary_argument
from app.cli.inputs import INPUT_HELP
from app.core.files.limits import refuse_irregular
from app.core.model.errors import InputError
from app.core.review.inputs import SINGLE_FILE_HELP, InputSpec, opens_alone


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "open", help="open the review window (optionally on an input)"
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT", help=f"{INPUT_HELP} (optional)")
    p.add_argument(
        "--glossary", metavar="FILE", type=glossary_argument,
        help="glossary file (TSV, CSV, TBX, OmegaT; `starter`: the bundled starter glossary)",
    )  # fmt: skip
    p.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    p.add_argument("--quit-after-check", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def launch_spec(paths: list[str], glossary: str | None) -> InputSpec | None:
    """What the window opens, checked before Qt starts (a wrong path is one line, exit 2)."""
    if len(paths) > 2 or (len(paths) == 1 and not opens_alone(paths[0])):
        raise InputError(paths[0] if len(paths) == 1 else None, SINGLE_FILE_HELP)
    if len(paths) == 2 and any(opens_alone(p) for p in paths):
        raise InputError(None, SINGLE_FILE_HELP)
    for path in (*paths, glossary):
        if path and not Path(path).is_file():
            if Path(path).exists():  # a device, FIFO or socket: refused, never opened
                refuse_irregular(path, os.stat(path).st_mode)
            raise InputError(path, "does not exist (check the path)")
    return InputSpec(tuple(paths), glossary) if paths else None


NO_DISPLAY = (
    "no display found (DISPLAY and WAYLAND_DISPLAY are not set): run Verso in a desktop "
    "session or under `xvfb-run`; `verso check SOURCE TARGET` works without one"
)


def has_display(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt can show a window here; without one Qt aborts the process (exit 134)."""
    env = os.environ if environ is None else environ
    if (platform or sys.platform) != "linux":
        return True  # Windows and macOS always have their own display
    names = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    return any(env.get(name, "").strip() for name in names)


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    spec = launch_spec(list(args.inputs), args.glossary)
    if not has_display():
        raise InputError(None, NO_DISPLAY)
    from app.ui.qt_import import import_qt

    import_qt()  # shiboken's support files from the cache, not compiled again
    from app.ui.app import LaunchOptions
    from app.ui.app import run as run_window

    options = LaunchOptions(
        inputs=spec,
        glossary=args.glossary,
        screenshot=args.screenshot,
        quit_after_check=args.quit_after_check,
    )
    return run_window(options, started)
