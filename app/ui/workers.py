"""Background work on QThreadPool.globalInstance(); results go back by signal.

Workers never touch widgets: they compute plain data (pairs, issues) and emit it;
Qt queues the signal to the UI thread because the emitter lives there.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from app.core.checks.base import Check
from app.core.glossary.version import GlossaryVersion
from app.core.model.document import Pair
from app.core.model.errors import VersoError
from app.core.model.issues import Issue
from app.core.review.checking import Checker, CheckFailure, checker_for, index_for, review_glossary
from app.core.review.inputs import InputSpec, open_input
from app.core.review.model import Review


@dataclass
class Loaded:
    """A review ready to show: the Review, its issues, the checker for edits and the
    glossary version it was checked with (the glossary part adopts it: no second read)."""

    review: Review
    issues: list[Issue]
    checker: Checker
    glossary: GlossaryVersion | None = None
    failures: list[CheckFailure] = field(default_factory=list)


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
            message = QCoreApplication.translate("Job", "Unexpected error: {error}")
            self.signals.failed.emit(f"{message.format(error=exc)}\n\n{detail}")
            return
        self.signals.finished.emit(result)


def start(job: Job) -> None:
    QThreadPool.globalInstance().start(job)


def load(
    spec: InputSpec, glossary: str | None, checks: Sequence[Check] | None,
    use_stored_glossary: bool = True,
) -> Loaded:  # fmt: skip
    """Open any input, read its glossary once and check it (on the pool).

    A glossary with errors does not stop the article: its readable entries are used
    (the glossary part shows the problems).
    """
    review = open_input(
        spec.paths, glossary=spec.glossary or glossary, use_stored_glossary=use_stored_glossary
    )
    return check_loaded(review, review_glossary(review, strict=False), checks)


def check_loaded(
    review: Review, version: GlossaryVersion | None, checks: Sequence[Check] | None
) -> Loaded:
    """Check an already built review (a restored autosave, an MT run) with a glossary."""
    checker = checker_for(review, index_for(review, version), checks)
    issues = checker.check(review.pairs)
    return Loaded(review, issues, checker, version, checker.failures)


@dataclass
class Rebuilt:
    """A checker for a new glossary version and the whole article checked with it."""

    checker: Checker
    issues: list[Issue]
    generation: int
    token: int
    failures: list[CheckFailure] = field(default_factory=list)


def rebuild(
    review: Review, version: GlossaryVersion | None, checks: Sequence[Check] | None,
    pairs: Sequence[Pair], generation: int, token: int,
) -> Rebuilt:  # fmt: skip
    checker = checker_for(review, index_for(review, version), checks)
    issues = checker.check(pairs)
    return Rebuilt(checker, issues, generation, token, checker.failures)


@dataclass
class Rechecked:
    generation: int
    indices: frozenset[int]
    issues: list[Issue]
    failures: list[CheckFailure] = field(default_factory=list)


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
    return Rechecked(generation, indices, issues, checker.failures)
