"""`python -m app` and the `verso` command: the window with no subcommand (or `open`),
the CLI otherwise."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from typing import NoReturn

from app.cli import main

# A one-shot check keeps everything it builds (dictionaries, index, memos) to the end, so
# the default thresholds (700, 10, 10) make the collector walk that growing heap again and
# again for garbage it rarely holds: 0.3-0.45 s of a 2.3 s NTREX check. Fewer, later
# collections: 1.94-2.04 s instead (medians of 5 interleaved runs, same output, same peak).
ONE_SHOT_GC = (50_000, 20, 100)


def light_exit(argv: Sequence[str]) -> bool:
    """True for the one-shot commands (not the window): they end holding the loaded
    dictionaries, glossary index and memos, and the interpreter's final full collection
    walks all of it to find no garbage worth a finalizer (0.3-0.5 s CPU after the NTREX
    check, 12-17 % of the whole process). The window keeps its normal teardown (Qt
    objects in reference cycles are destroyed by that collection)."""
    return bool(argv) and argv[0] != "open"


def run(argv: Sequence[str] | None = None) -> NoReturn:
    """Run a command and exit with its code; one-shot commands collect garbage less often
    and skip the final walk (light_exit), the window keeps Python's defaults."""
    args = list(sys.argv[1:] if argv is None else argv)
    one_shot = light_exit(args)
    if one_shot:
        gc.set_threshold(*ONE_SHOT_GC)
    code = main(args)
    if one_shot:
        gc.freeze()  # atexit handlers and refcount teardown still run; only the walk goes
    sys.exit(code)


if __name__ == "__main__":
    run()
