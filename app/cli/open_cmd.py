"""`open [INPUT] [--glossary FILE]`: the review window."""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any

from app.cli.inputs import INPUT_HELP
from app.core.files.limits import refuse_irregular
from app.core.model.errors import InputError
from app.core.review.inputs import SINGLE_FILE_HELP, InputSpec, opens_alone


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "open", help="open the review window (optionally on an input)"
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT", help=f"{INPUT_HELP} (optional)")
    p.add_argument("--glossary", metavar="FILE", help="glossary file (TSV, CSV, TBX, OmegaT)")
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


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    spec = launch_spec(list(args.inputs), args.glossary)
    from app.ui.app import LaunchOptions
    from app.ui.app import run as run_window

    options = LaunchOptions(
        inputs=spec,
        glossary=args.glossary,
        screenshot=args.screenshot,
        quit_after_check=args.quit_after_check,
    )
    return run_window(options, started)
