"""The Qt adapter around app.core's Review: loads and re-checks off the UI
thread, routes every edit through the undo stack, autosaves, and tells the
views what changed. No checking logic lives here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from app.core.checks.base import Check
from app.core.glossary.model import GlossaryEntry
from app.core.glossary.version import GlossaryVersion
from app.core.model.document import Pair
from app.core.model.issues import Issue, sort_key
from app.core.review.autosave import Autosaver
from app.core.review.checking import Checker, CheckFailure, review_glossary
from app.core.review.file import save_review
from app.core.review.fixes import applied, apply_all
from app.core.review.inputs import InputSpec
from app.core.review.model import Review
from app.ui import workers
from app.ui.undo import SetIgnored, SetTargets

RECHECK_DELAY_MS = 150
AUTOSAVE_INTERVAL_MS = 2000


class ReviewController(QObject):
    """One review: the Review, its issues, the checker, undo and background jobs."""

    loading = Signal()
    loaded = Signal()
    load_failed = Signal(str)
    issues_changed = Signal()
    targets_changed = Signal(list)  # indices whose text the views must re-read
    busy_changed = Signal(bool)
    dirty_changed = Signal(bool)
    targets_written = Signal(list, str)  # indices changed, kind (edit, apply, undo...)
    glossary_rebuilt = Signal()
    statuses_changed = Signal(list)  # indices whose segment status (confirmed) may have changed
    checks_failed = Signal(str)  # checks that raised (named), once per change of that set

    def __init__(self, parent: QObject | None = None, autosave_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.review: Review | None = None
        self.issues: list[Issue] = []
        self.checker: Checker | None = None
        self.glossary: GlossaryVersion | None = None  # what the checker's index was built from
        self.autosaver: Autosaver | None = None
        self.autosave_dir = autosave_dir
        self.undo_stack = QUndoStack(self)
        self.checks: Sequence[Check] | None = None  # None: the full catalogue
        self._generation = 0
        self._dirty: set[int] = set()
        self._rechecking = False
        self._active = 0
        self._load_token = 0
        self._clock = QElapsedTimer()  # time spent on this review, added on save
        self._jobs: list[workers.Job] = []  # keep the wrappers alive while they run
        self._glossary_token = 0
        self._failed_checks: frozenset[str] = frozenset()
        self._recheck_timer = QTimer(self)
        self._recheck_timer.setSingleShot(True)
        self._recheck_timer.setInterval(RECHECK_DELAY_MS)
        self._recheck_timer.timeout.connect(self._start_recheck)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.autosave_timer.timeout.connect(self.autosave)

    # -- loading ----------------------------------------------------------------
    def open_input(
        self, spec: InputSpec, glossary: str | None = None, use_stored_glossary: bool = True
    ) -> None:
        """Open any input (a pair, a bilingual file, a .verso review) and check it in the
        background; `glossary` is used when neither the spec nor the review names one
        (or the editor declined the one a review names: use_stored_glossary False).
        `loaded` or `load_failed` follows."""
        checks = self.checks
        self._load(lambda: workers.load(spec, glossary, checks, use_stored_glossary))

    def open_review(self, review: Review, glossary: GlossaryVersion | None = None) -> None:
        """Check an already built review (a restored autosave, an MT run) with the
        glossary version the window holds (None: the review's own glossary file)."""
        checks = self.checks

        def job() -> workers.Loaded:
            version = glossary
            if version is None or (
                review.glossary_path is not None and Path(review.glossary_path) != version.path
            ):
                version = review_glossary(review, strict=False)
            return workers.check_loaded(review, version, checks)

        self._load(job)

    def _load(self, fn: Callable[[], workers.Loaded]) -> None:
        self._load_token += 1
        token = self._load_token
        job = workers.Job(fn)
        # Only the newest load may replace the review (the editor may open twice).
        job.signals.finished.connect(lambda r: self._on_loaded(r, token))
        job.signals.failed.connect(lambda m: self._on_load_failed(m, token))
        self.loading.emit()
        self._run(job)

    def _run(self, job: workers.Job) -> None:
        self._active += 1
        self._jobs.append(job)
        self.busy_changed.emit(True)
        workers.start(job)

    def _job_done(self) -> None:
        """Bookkeeping on the UI thread when a job reports."""
        self._active -= 1
        if self._active == 0:
            self._jobs.clear()
        self.busy_changed.emit(self._active > 0)

    @property
    def busy(self) -> bool:
        return self._active > 0

    def _on_loaded(self, result: object, token: int) -> None:
        assert isinstance(result, workers.Loaded)
        self._job_done()
        if token != self._load_token:
            return
        self._clock.start()
        self._generation += 1
        self._dirty.clear()
        self.review = result.review
        self.issues = result.issues
        self.checker = result.checker
        self.glossary = result.glossary
        self.autosaver = Autosaver(
            result.review,
            None if self.autosave_dir is None else _autosave_file(result.review, self.autosave_dir),
        )
        self.undo_stack.clear()
        self.autosave_timer.start()
        self._failed_checks = frozenset()
        self.loaded.emit()
        self.issues_changed.emit()
        self._report_failures(result.failures)
        self.dirty_changed.emit(self.review.is_dirty)

    def _on_load_failed(self, message: str, token: int) -> None:
        self._job_done()
        if token == self._load_token:
            self.load_failed.emit(message)

    @property
    def is_loaded(self) -> bool:
        return self.review is not None and self.checker is not None

    # -- edits ------------------------------------------------------------------
    def target(self, index: int) -> str:
        assert self.review is not None
        return self.review.target(index)

    def edit_target(self, index: int, text: str) -> None:
        """The editor typed in segment `index` (the view already shows `text`)."""
        old = self.target(index)
        if old != text:
            self.undo_stack.push(SetTargets(
                self, {index: (old, text)}, self.tr("Edit segment"), "edit"
            ))

    def set_targets(self, new: dict[int, str], label: str, kind: str) -> None:
        changes = {i: (self.target(i), t) for i, t in new.items() if self.target(i) != t}
        if changes:
            self.undo_stack.push(SetTargets(self, changes, label, kind))

    def write_targets(self, new: dict[int, str], kind: str, update_view: bool = True) -> None:
        """Called by undo commands only: change the review, then schedule a re-check."""
        assert self.review is not None
        was_dirty = self.review.is_dirty
        confirmed = self.review.confirmed
        changed = [i for i in sorted(new) if self.review.set_target(i, new[i], kind)]
        if not changed:
            return
        if confirmed & set(changed):  # a changed segment is no longer confirmed
            self.statuses_changed.emit(sorted(confirmed & set(changed)))
        self._generation += 1
        self._dirty.update(changed)
        if update_view:
            self.targets_changed.emit(changed)
        self.targets_written.emit(changed, kind)
        if not was_dirty:
            self.dirty_changed.emit(True)
        self._recheck_timer.start()

    def apply_suggestion(self, issue: Issue) -> bool:
        text = applied(self.target(issue.pair), issue)
        if text is None:
            return False
        label = self.tr("Apply “{suggestion}”").format(suggestion=issue.suggestion)
        self.set_targets({issue.pair: text}, label, "apply")
        return True

    def apply_to_all(self, issue: Issue) -> int:
        """Apply the suggestion wherever the same text is flagged; returns pairs changed."""
        assert self.review is not None
        new = apply_all(self.review, self.issues, issue)
        label = self.tr("Apply “{suggestion}” to all").format(suggestion=issue.suggestion)
        self.set_targets(new, label, "apply-all")
        return len(new)

    def ignore(self, issue: Issue) -> None:
        """Ignore an issue: one step on the undo stack."""
        assert self.review is not None
        if not self.review.is_ignored(issue):
            self.undo_stack.push(SetIgnored(self, issue))

    def unignore(self, issue: Issue) -> None:
        """Show an ignored issue again: one step on the undo stack."""
        assert self.review is not None
        if self.review.is_ignored(issue) and not self.review.is_team_ignored(issue):
            self.undo_stack.push(SetIgnored(self, issue, ignored=False))

    def ignored_issues(self) -> list[Issue]:
        """The issues the editor (or the team's list) ignored, in the checker's order."""
        if self.review is None:
            return []
        return [i for i in self.issues if self.review.is_ignored(i)]

    def set_team_ignores(self, keys: frozenset[tuple[str, str]]) -> None:
        """The team's ignore list changed (or was read): show the issues again."""
        if self.review is not None and self.review.team_ignores != keys:
            self.review.team_ignores = keys
            self.issues_changed.emit()

    def write_ignored(self, issue: Issue, ignored: bool) -> None:
        """Called by undo commands only."""
        assert self.review is not None
        was_dirty = self.review.is_dirty
        if ignored:
            self.review.ignore(issue)
        else:
            self.review.unignore(issue)
        self.issues_changed.emit()
        if not was_dirty:
            self.dirty_changed.emit(True)

    def set_confirmed(self, index: int, confirmed: bool) -> bool:
        """Confirm segment `index` (or take it back); False if nothing changed."""
        assert self.review is not None
        was_dirty = self.review.is_dirty
        done = self.review.confirm(index) if confirmed else self.review.unconfirm(index)
        if done:
            self.statuses_changed.emit([index])
            if not was_dirty:
                self.dirty_changed.emit(True)
        return done

    def set_extra_issues(self, check: str, found: Sequence[Issue], pairs: Sequence[Pair]) -> int:
        """Replace the issues of an on-demand check (back-translation) with `found`,
        which was computed on `pairs`; findings on segments edited since are dropped
        (their offsets are stale: the next run sees them). Returns how many are kept."""
        if self.review is None:
            return 0
        now = self.review.pairs
        fresh = [
            i for i in found
            if i.pair < min(len(now), len(pairs)) and now[i.pair].target == pairs[i.pair].target
        ]
        kept = [i for i in self.issues if i.check != check]
        self.issues = sorted(kept + fresh, key=sort_key)
        self.issues_changed.emit()
        return len(fresh)

    def record_glossary_entry(self, entry: GlossaryEntry) -> None:
        """The editor added `entry` to the glossary: the review's QA report lists it."""
        if self.review is not None:
            was_dirty = self.review.is_dirty
            self.review.record_glossary_entry(entry)
            if not was_dirty:
                self.dirty_changed.emit(True)

    def visible_issues(self) -> list[Issue]:
        return [] if self.review is None else self.review.visible(self.issues)

    @property
    def pending(self) -> bool:
        """True while an edit waits for its re-check."""
        return bool(self._dirty)

    # -- saving -----------------------------------------------------------------
    def save(self, path: str | None = None) -> Path:
        """Save the review file (OutputError says why not); drop the autosave."""
        assert self.review is not None
        if self._clock.isValid():
            self.review.add_time(self._clock.restart() / 1000)
        written = save_review(self.review, path)
        if self.autosaver is not None:
            self.autosaver.discard()
        self.dirty_changed.emit(False)
        return written

    def autosave(self) -> bool:
        return self.autosaver.save_if_dirty() if self.autosaver is not None else False

    def discard_autosave(self) -> None:
        if self.autosaver is not None:
            self.autosaver.discard()

    # -- re-checking ------------------------------------------------------------
    def _start_recheck(self) -> None:
        if not self._dirty or self.checker is None or self.review is None:
            return
        if self._rechecking:  # one at a time; the result handler starts the next
            return
        self._rechecking = True
        checker = self.checker
        pairs = tuple(self.review.pairs)
        indices = frozenset(self._dirty)
        previous = list(self.issues)
        generation = self._generation
        job = workers.Job(lambda: workers.recheck(checker, pairs, indices, previous, generation))
        job.signals.finished.connect(self._on_rechecked)
        job.signals.failed.connect(self._on_recheck_failed)
        self._run(job)

    def _on_rechecked(self, result: object) -> None:
        assert isinstance(result, workers.Rechecked)
        self._rechecking = False
        self._job_done()
        if result.generation != self._generation:
            self._recheck_timer.start()  # edited meanwhile: check the newest text
            return
        self._dirty.clear()
        self.issues = result.issues
        self.issues_changed.emit()
        self._report_failures(result.failures)

    def _report_failures(self, failures: Sequence[CheckFailure]) -> None:
        """Say which checks failed, once: a broken check must not nag at every keystroke."""
        failed = frozenset(f.check for f in failures)
        if failed != self._failed_checks:
            self._failed_checks = failed
            if failures:
                self.checks_failed.emit("\n".join(str(f) for f in failures))

    def set_glossary(self, version: GlossaryVersion | None) -> None:
        """Check against another glossary version (the file changed, or the editor chose
        another file): build its index and re-check everything off the UI thread; the
        newest version wins, edits made meanwhile are re-checked with it."""
        if self.review is None or self.checker is None:
            return
        if version is not None:  # a vanished file keeps its name in the review
            self.review.glossary_path = str(version.path)
        self.glossary = version
        self._glossary_token += 1
        review, checks, token = self.review, self.checks, self._glossary_token
        pairs, generation = tuple(review.pairs), self._generation
        job = workers.Job(
            lambda: workers.rebuild(review, version, checks, pairs, generation, token)
        )
        job.signals.finished.connect(self._on_glossary_rebuilt)
        job.signals.failed.connect(self._on_glossary_failed)
        self._run(job)

    def _on_glossary_rebuilt(self, result: object) -> None:
        assert isinstance(result, workers.Rebuilt)
        self._job_done()
        if result.token != self._glossary_token or self.review is None:
            return
        self.checker = result.checker
        if result.generation == self._generation:
            self.issues = result.issues
            self._generation += 1  # a re-check still running used the old glossary
            if self._dirty:
                self._recheck_timer.start()
            self.issues_changed.emit()
            self._report_failures(result.failures)
        else:
            self._dirty.update(range(len(self.review)))
            self._recheck_timer.start()
        self.glossary_rebuilt.emit()

    def _on_glossary_failed(self, message: str) -> None:
        self._job_done()
        self.load_failed.emit(message)

    def _on_recheck_failed(self, message: str) -> None:
        self._rechecking = False
        self._job_done()
        self._dirty.clear()
        self.load_failed.emit(message)


def _autosave_file(review: Review, folder: Path) -> Path:
    from app.core.review.autosave import autosave_path_for

    return autosave_path_for(review, folder)
