"""Fewer garbage collections while an article is checked.

A first check fills the checks' memos (tokens, parses, renderings, figures) with
hundreds of thousands of small objects that live on, and frees almost nothing through
reference cycles. Python's default thresholds (700, 10, 10) make the collector walk
that growing heap again and again for garbage it rarely holds: on 50,000 words with a
100k-entry glossary, 0.66 s of a 3.2 s check (CPU, 4 full and 42 middle collections),
0.08 s with the thresholds below. Every command of the app (the CLI and the window) sets
the same thresholds for its whole run (app/__main__.py), so this does nothing there; it
gives them to every other caller (a library user, a test) for the length of a check
only, and restores the caller's own afterwards: the first collection after that walks
every memo the check filled (130-270 ms after 50k words x 100k entries). Opening an
article pair or a bilingual file (inputs.py) takes them too: its pairs live on as the
memos do. Thresholds are only ever raised here, never lowered.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

CHECK_GC = (50_000, 20, 100)

_lock = threading.Lock()
_depth = 0
_saved: tuple[int, int, int] | None = None


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the collector's thresholds to CHECK_GC (those already higher are kept) for
    the block; checks running at once on several threads share one raise, and the last
    one out puts back what was there before the first."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            before = gc.get_threshold()
            raised = tuple(max(a, b) for a, b in zip(before, CHECK_GC, strict=True))
            _saved = before if raised != before else None
            if _saved is not None:
                gc.set_threshold(*raised)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None
