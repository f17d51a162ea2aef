"""`open [SOURCE TARGET] [--glossary FILE]`: the review window."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from app.core.model.errors import InputError


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "open", help="open the review window (optionally on an article and its translation)"
    )
    p.add_argument(
        "source", nargs="?",
        help="source article, a saved .verso review, or a bilingual file (XLIFF, TMX)",
    )
    p.add_argument("target", nargs="?", help="machine translation of it")
    p.add_argument("--glossary", help="glossary file (TSV, CSV, TBX, OmegaT)")
    p.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    p.add_argument("--quit-after-check", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    review = None
    if args.source and not args.target:
        from app.core.files.bilingual import is_bilingual_path

        if not (args.source.endswith(".verso") or is_bilingual_path(args.source)):
            raise InputError(
                args.source,
                "give both the source article and its translation, a .verso review, "
                "or a bilingual file (.xlf, .xliff, .sdlxliff, .mqxliff, .xlf2, .tmx)",
            )
        review = args.source
    for path in (args.source, args.target, args.glossary):
        if path and not Path(path).is_file():
            raise InputError(path, "does not exist (check the path)")
    from app.ui.app import LaunchOptions
    from app.ui.app import run as run_window

    options = LaunchOptions(
        source=None if review else args.source,
        target=args.target,
        glossary=args.glossary,
        review=review,
        screenshot=args.screenshot,
        quit_after_check=args.quit_after_check,
    )
    return run_window(options, started)
