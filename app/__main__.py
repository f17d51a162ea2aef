"""`python -m app` and the `verso` command: the window with no subcommand (or `open`),
the CLI otherwise."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from typing import NoReturn

from app.cli import main
from app.core.review.collections_pause import CHECK_GC

# Every command keeps most of what it builds (dictionaries, index, memos) to the end: the
# thresholds a check runs with (collections_pause.py) hold for the whole run, also while
# the input is read and the glossary loaded (NTREX: 1.94-2.04 s instead of 2.44 s, medians
# of 5 interleaved runs, same output, same peak). The window too: with Python's defaults
# put back after each check, the next allocation walked every memo the check had just
# filled (a full collection: ~3 ms after 1,000 words x 10k entries, 130-270 ms after 50k
# words x 100k), on the worker thread before the issues reached the window.
APP_GC = CHECK_GC


def light_exit(argv: Sequence[str]) -> bool:
    """True for the one-shot commands (not the window): they end holding the loaded
    dictionaries, glossary index and memos, and the interpreter's final full collection
    walks all of it to find no garbage worth a finalizer (0.3-0.5 s CPU after the NTREX
    check, 12-17 % of the whole process). The window keeps its normal teardown (Qt
    objects in reference cycles are destroyed by that collection)."""
    return bool(argv) and argv[0] != "open"


def run(argv: Sequence[str] | None = None) -> NoReturn:
    """Run a command and exit with its code; every command collects garbage less often
    (APP_GC), one-shot commands also skip the final walk (light_exit)."""
    args = list(sys.argv[1:] if argv is None else argv)
    one_shot = light_exit(args)
    gc.set_threshold(*APP_GC)
    code = main(args)
    if one_shot:
        gc.freeze()  # atexit handlers and refcount teardown still run; only the walk goes
    sys.exit(code)


if __name__ == "__main__":
    run()
