"""Background work on QThreadPool.globalInstance(); results go back by signal.

Workers never touch widgets: they compute plain data (pairs, issues) and emit it;
Qt queues the signal to the UI thread because the emitter lives there.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.core.checks.base import Check
from app.core.model.document import Pair
from app.core.model.errors import VersoError
from app.core.model.issues import Issue
from app.core.review.checking import Checker, build_context
from app.core.review.model import Review


@dataclass
class Loaded:
    """A review ready to show: the Review, its issues and the checker for edits."""

    review: Review
    issues: list[Issue]
    checker: Checker


class WorkerSignals(QObject):
    """Signals of one job. `failed` carries a message for a person."""

    finished = Signal(object)
    failed = Signal(str)


class Job(QRunnable):
    """Run `fn` on the pool; emit its result or a readable error."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = WorkerSignals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except VersoError as exc:
            self.signals.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug in a check must not kill the window
            detail = traceback.format_exc(limit=3)
            self.signals.failed.emit(f"Unexpected error: {exc}\n\n{detail}")
            return
        self.signals.finished.emit(result)


def start(job: Job) -> None:
    QThreadPool.globalInstance().start(job)


def load_files(
    source_path: str,
    target_path: str,
    glossary_path: str | None,
    checks: Sequence[Check] | None = None,
) -> Loaded:
    """Read, align and check two files: the same steps as pipeline.check_files."""
    review = Review.from_files(source_path, target_path, glossary_path)
    return check_review(review, checks)


def check_review(review: Review, checks: Sequence[Check] | None = None) -> Loaded:
    ctx = build_context(review.source_lang, review.target_lang, review.glossary_path)
    checker = Checker(ctx, checks)
    return Loaded(review, checker.check(review.pairs), checker)


@dataclass
class Rechecked:
    generation: int
    indices: frozenset[int]
    issues: list[Issue]


def recheck(
    checker: Checker,
    pairs: Sequence[Pair],
    indices: frozenset[int],
    previous: Sequence[Issue],
    generation: int,
) -> Rechecked:
    """Re-check each edited pair in turn, carrying the issue list forward."""
    issues = list(previous)
    for index in sorted(indices):
        issues = checker.recheck(pairs, index, issues)
    return Rechecked(generation, indices, issues)
