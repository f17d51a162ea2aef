"""The window's copy of the shared glossary file, kept in step with the disk.

A QFileSystemWatcher on the file and its folder (a save by another editor renames
a new file over the old one, which drops a plain file watch) plus a check on window
activation (network drives often send no notifications) reload the file when its
stamp changes. Each read or write gives a GlossaryVersion (`version_changed`): the
controller indexes that very version and re-checks the article on the thread pool,
so a file is parsed once per version. The version the article was first checked
with is adopted, not read again. Every write goes through GlossaryStore (lock, merge, atomic
rename) on the thread pool too (a 100,000-entry file takes about a second to
write): one save at a time, later ones wait in a queue and are applied to the
entries the previous save left. Conflicts go to the conflict dialog, and a file
that cannot be read is never overwritten unless the editor explicitly says so.

A `postgresql://` URL instead of a path: no file to watch; a DatabaseWatch (pgwatch.py)
hears other editors' saves within a second and the entries are read again. When the
server goes away, `connection_changed` says so (the status bar shows it), a save that
could not be written stays first in the queue and is retried with backoff (and as soon
as the listener is back), so no edit is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from app.core.glossary.backend import GlossaryBackend, is_url, open_store
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.glossary.pgconnect import ServerUnavailable
from app.core.glossary.rows import GlossaryError
from app.core.glossary.store import GlossaryStore, SaveResult, upsert
from app.core.glossary.version import GlossaryVersion, stamp_of
from app.core.glossary.version import Stamp as FileStamp
from app.core.model.errors import VersoError
from app.ui import workers
from app.ui.glossary.dbsync import RETRY_MS, DatabaseSync
from app.ui.questions import Questions

RELOAD_DELAY_MS = 200
Stamp = FileStamp | None
Edit = Callable[[list[GlossaryEntry]], list[GlossaryEntry]]


# -- off the UI thread ------------------------------------------------------------------
def read_store(path: Path) -> tuple[GlossaryStore, str]:
    """A store freshly loaded from `path`, and the problem text ('' when readable)."""
    store = GlossaryStore(path)
    try:
        store.load()
    except VersoError as exc:  # GlossaryError included: the readable entries are kept
        return store, str(exc)
    return store, ""


def save_store(
    store: GlossaryBackend, mine: list[GlossaryEntry], force: bool
) -> SaveResult | VersoError:
    """The save's result, or the error for a person (the UI thread tells them apart)."""
    try:
        return store.save(mine, force=force)
    except VersoError as exc:
        return exc


@dataclass
class PendingSave:
    """A save waiting for the one running: the edit is applied to the entries it leaves."""

    edit: Edit
    force: bool
    then: Callable[[], object] | None


class GlossarySync(DatabaseSync, QObject):
    """The glossary store of the window, its watcher, and every save the editor makes."""

    changed = Signal()  # entries or problems changed: views re-read `entries`
    reloaded = Signal()  # the file changed on disk and was read again
    saved = Signal()  # this editor wrote the file
    failed = Signal(str)  # a save of this editor did not write the file
    version_changed = Signal(object)  # GlossaryVersion | None: re-check the article with it
    connection_changed = Signal(bool, str)  # a glossary database went away / came back

    def __init__(self, parent: QObject, ask: Questions) -> None:
        super().__init__(parent)
        self.ask = ask
        self.store: GlossaryBackend | None = None
        self._init_database(self)
        self.error = ""  # GlossaryError text while the file cannot be read
        self._stamp: Stamp = None
        self.loading = False  # the first read of a file is still running
        self._reading: Stamp = None  # stamp of the file a background read is parsing
        self._token = 0  # bumped by every write and switch: older reads are dropped
        self._jobs: list[workers.Job] = []
        self.saving = False  # a save runs on the thread pool
        self._save_job: workers.Job | None = None  # kept alive until it reports
        self._queue: list[PendingSave] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RELOAD_DELAY_MS)
        self._timer.timeout.connect(self.check_file)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(lambda _p: self._timer.start())
        self.watcher.directoryChanged.connect(lambda _p: self._timer.start())

    # -- state ---------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        """The glossary file (None: none, or a database: see `location`)."""
        return self.store.path if isinstance(self.store, GlossaryStore) else None

    @property
    def location(self) -> str | None:
        """The file's path or the database's URL (without its password)."""
        return None if self.store is None else self.store.location

    @property
    def is_database(self) -> bool:
        return self.store is not None and not isinstance(self.store, GlossaryStore)

    @property
    def glossary(self) -> Glossary | None:
        return None if self.store is None else self.store.glossary

    @property
    def entries(self) -> list[GlossaryEntry]:
        return [] if self.store is None else list(self.store.glossary.entries)

    @property
    def read_only(self) -> bool:
        return self.store is None or self.loading or bool(self.error)

    @property
    def version(self) -> GlossaryVersion | None:
        return None if self.store is None else self.store.version

    def set_path(self, path: str | Path | None, version: GlossaryVersion | None = None) -> None:
        """Follow another file (None: no glossary). `version`: that file as just read for
        the article's check, adopted as it is; otherwise the file is read now and
        `version_changed` follows."""
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        self._token += 1
        self._queue.clear()  # edits of the old file; a running save's result is dropped
        self._stop_database()
        if self.store is not None and not self.saving:  # a running save closes its own
            self.store.close()
        if path is None:
            self.store = None
        elif is_url(str(path)):
            self._db_url = str(path)
            self.store = open_store(self._db_url, author=self.author() or None)
            self._listen(self._db_url)
        else:
            self.store = GlossaryStore(Path(path).resolve())
        self.error = ""
        self._stamp = self._reading = None
        self.loading = self.store is not None
        self._watch()
        if (isinstance(self.store, GlossaryStore) and version is not None
                and version.path == self.store.path):  # fmt: skip
            self._adopt(version)
            return
        self.changed.emit()
        if self.store is not None:
            self.check_file()  # read on the thread pool; read-only until it is in

    def _adopt(self, version: GlossaryVersion) -> None:
        assert isinstance(self.store, GlossaryStore)
        try:
            self.store.adopt(version)
        except GlossaryError as exc:
            self.error = str(exc)
        self._stamp = version.stamp
        self.loading = False
        self.changed.emit()
        self._timer.start()  # changed since it was read? look once more

    def _watch(self) -> None:
        if not isinstance(self.store, GlossaryStore):
            return
        folder = str(self.store.path.parent)
        if folder not in self.watcher.directories():
            self.watcher.addPath(folder)
        if self.store.path.exists() and str(self.store.path) not in self.watcher.files():
            self.watcher.addPath(str(self.store.path))

    def check_file(self) -> bool:
        """Re-read the file on the thread pool when it is not the one last read.

        Returns True when a reload started; `reloaded` follows when it is done.
        A 100,000-entry file takes about a second to parse: never on the UI thread.
        """
        if self.is_database:
            return self._check_database()
        self._watch()  # a rename over the file drops its watch: add it again
        if not isinstance(self.store, GlossaryStore) or self.saving:
            return False  # a save re-reads the file itself and looks again when done
        stamp = stamp_of(self.store.path)
        if not self.loading and (stamp == self._stamp or stamp == self._reading):
            return False
        if self.loading and self._reading is not None:
            return False
        self._reading = stamp
        self._token += 1
        token, path = self._token, self.store.path
        job = workers.Job(lambda: read_store(path))
        job.signals.finished.connect(lambda r: self._on_read(r, token, stamp))
        job.signals.failed.connect(lambda m: self._on_read_failed(m, token))
        self._jobs.append(job)
        workers.start(job)
        return True

    def _on_read(self, result: object, token: int, stamp: Stamp) -> None:
        self._reading = None
        if token != self._token or not isinstance(result, tuple):
            return  # this editor saved or switched files meanwhile: that is newer
        first = self.loading
        self.store, self.error = result
        self._stamp = stamp
        self.loading = False
        self._jobs.clear()
        self.changed.emit()
        if not first:
            self.reloaded.emit()
        self.version_changed.emit(self.store.version)
        self._timer.start()  # changed again while it was read? look once more

    def _on_read_failed(self, message: str, token: int) -> None:
        self._reading = None
        if token == self._token:
            self.error = message
            self.loading = False
            self.changed.emit()

    # -- writes --------------------------------------------------------------------
    # Each returns True when the save was started (or queued behind the running one);
    # `saved` or `failed` follows, and `then` runs once the file was written.
    def add(self, entry: GlossaryEntry, then: Callable[[], object] | None = None) -> bool:
        """Add an entry (or fold it into the one with the same source)."""
        return self._save(lambda entries: upsert(entries, entry), then=then)

    def replace_entry(
        self, old: GlossaryEntry, new: GlossaryEntry, then: Callable[[], object] | None = None
    ) -> bool:
        def edit(entries: list[GlossaryEntry]) -> list[GlossaryEntry]:
            if new.key != old.key:
                return upsert([e for e in entries if e.key != old.key], new)
            return [new if e.key == old.key else e for e in entries]

        return self._save(edit, then=then)

    def delete(self, entry: GlossaryEntry) -> bool:
        return self._save(lambda entries: [e for e in entries if e.key != entry.key])

    def overwrite_anyway(self) -> bool:
        """After explicit consent: write the readable entries over a broken file."""
        if self.store is None or not self.error:
            return False
        if not self.ask.overwrite_broken_glossary(self.error):
            return False
        return self._save(lambda entries: entries, force=True)

    def create(self, path: str | Path) -> bool:
        """Start a new, empty glossary file (header only) and follow it."""
        store = GlossaryStore(Path(path).resolve())
        try:
            store.save([])  # a header only: nothing to parse or merge
        except VersoError as exc:
            self.ask.error("New Glossary", str(exc))
            return False
        self.set_path(path)
        return True

    def _save(
        self, edit: Edit, force: bool = False, then: Callable[[], object] | None = None,
        queued: bool = False,
    ) -> bool:  # fmt: skip
        if self.store is None:
            return False
        if self.loading:
            self.ask.error(self.tr("Glossary"), self.tr("The glossary is still loading."))
            return False
        if self.error and not force:
            self.ask.error(
                self.tr("Glossary"),
                f"{self.error}\n\n"
                + self.tr(
                    "The glossary file was not changed: fix it first "
                    "(Glossary > Fix File…) or choose Overwrite Anyway."
                ),
            )  # fmt: skip
            return False
        if self.saving or (self.offline and self._queue and not queued):
            self._queue.append(PendingSave(edit, force, then))  # kept until it is written
            return True
        self.saving = True
        self._token += 1  # a read started before this save is older than it
        store, entries = self.store, self.entries  # the edit runs on the pool as well
        job = workers.Job(lambda: save_store(store, edit(entries), force))
        pending = PendingSave(edit, force, then)
        job.signals.finished.connect(lambda r: self._on_saved(r, store, pending))
        job.signals.failed.connect(lambda m: self._on_save_failed(m, store))
        self._save_job = job
        workers.start(job)
        return True

    def _on_saved(self, result: object, store: GlossaryBackend, pending: PendingSave) -> None:
        force, then = pending.force, pending.then
        self.saving = False
        self._save_job = None
        if store is not self.store:
            store.close()
            return  # the window follows another file now
        if isinstance(result, ServerUnavailable):  # kept first in line, tried again later
            self._queue.insert(0, pending)
            self._went_offline(str(result))
            self._retry.start(self._retry_ms)
            self._retry_ms = min(self._retry_ms * 2, RETRY_MS[1])
            return
        if store is not None and not isinstance(store, GlossaryStore):
            self._back_online()
        try:
            if isinstance(result, VersoError):
                raise result
            assert isinstance(result, SaveResult)
            self._resolve(result)
        except GlossaryError as exc:  # broken by someone else since it was read
            self.error = str(exc)
            self._after_write()
            self._fail(str(exc))
        except VersoError as exc:
            self._fail(str(exc))
        else:
            if force:
                self.error = ""
            self._after_write()
            if then is not None:
                then()
        self._next()

    def _on_save_failed(self, message: str, store: GlossaryBackend) -> None:
        self.saving = False
        self._save_job = None
        if store is self.store:
            self._fail(message)
            self._next()

    def _fail(self, message: str) -> None:
        self.ask.error(self.tr("Glossary"), message)
        self.failed.emit(message)

    def _next(self) -> None:
        if self._queue and not self.saving:
            pending = self._queue.pop(0)
            self._save(pending.edit, pending.force, pending.then, queued=True)

    def _resolve(self, result: SaveResult) -> None:
        """Ask about every conflict until none is left (or the editor postpones one)."""
        assert self.store is not None
        queue = list(result.conflicts)
        while queue:
            conflict = queue.pop(0)
            choice = self.ask.glossary_conflict(conflict)
            if choice is None:
                continue  # undecided: the file keeps their version, asked again next save
            queue.extend(self.store.resolve(conflict, choice).conflicts)

    def _after_write(self) -> None:
        assert self.store is not None
        self._token += 1
        if isinstance(self.store, GlossaryStore):
            self._stamp = stamp_of(self.store.path)
        self._watch()
        self.changed.emit()
        self.saved.emit()
        self.version_changed.emit(self.store.version)
