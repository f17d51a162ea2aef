"""`python -m app`: the window with no subcommand (or `open`), the CLI otherwise."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

from app.cli import main


def light_exit(argv: Sequence[str]) -> bool:
    """True for the one-shot commands (not the window): they end holding the loaded
    dictionaries, glossary index and memos, and the interpreter's final full collection
    walks all of it to find no garbage worth a finalizer (0.3-0.5 s CPU after the NTREX
    check, 12-17 % of the whole process). The window keeps its normal teardown (Qt
    objects in reference cycles are destroyed by that collection)."""
    return bool(argv) and argv[0] != "open"


if __name__ == "__main__":
    code = main()
    if light_exit(sys.argv[1:]):
        gc.freeze()  # atexit handlers and refcount teardown still run; only the walk goes
    sys.exit(code)
