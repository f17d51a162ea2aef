"""The database half of GlossarySync: listen, re-read, and keep saves while offline.

For a `postgresql://` glossary there is no file to watch: a DatabaseWatch (pgwatch.py)
hears other editors' saves and the entries are read again on the thread pool (a fresh
store, swapped in on the UI thread; nothing is swapped when the revision is the one
shown). When the server goes away `connection_changed` says so; GlossarySync keeps a
save the server could not take first in its queue and retries it (see sync.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from app.core.glossary.backend import GlossaryBackend, open_store
from app.core.glossary.pgconnect import ServerUnavailable
from app.core.model.errors import VersoError
from app.ui import workers
from app.ui.glossary.pgwatch import DatabaseWatch

RETRY_MS = (500, 5000)  # a save the server could not take: first retry, longest wait


def read_database(url: str, author: str | None = None) -> GlossaryBackend | VersoError:
    """A database store freshly loaded, or why not (the window keeps what it shows)."""
    store = open_store(url, author=author)
    try:
        store.load()
    except VersoError as exc:
        store.close()
        return exc
    return store


class DatabaseSync:
    """Mixed into GlossarySync (a QObject that owns the signals and the save queue)."""

    # provided by GlossarySync
    store: GlossaryBackend | None
    error: str
    loading: bool
    saving: bool
    _reading: Any
    _token: int
    _jobs: list[workers.Job]
    _queue: list[Any]
    _timer: QTimer
    changed: Any
    reloaded: Any
    version_changed: Any
    connection_changed: Any

    @property
    def unsaved_edits(self) -> int:
        """Edits waiting for an unreachable server (lost if the window closes now)."""
        return len(self._queue) if self.offline else 0

    def _init_database(self, owner: QObject) -> None:
        self._owner = owner  # self, as a QObject: the parent of the timer and the watch
        self.db_watch: DatabaseWatch | None = None
        self.offline = False  # the glossary database could not be reached; saves wait
        self._retry_ms = RETRY_MS[0]
        self._retry = QTimer(owner)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._retry_now)
        self._db_url = ""  # the URL as given (it may hold a password): memory only
        # who the database's history names: the window sets the Author setting here
        self.author: Callable[[], str] = lambda: ""

    def _next(self) -> None:
        raise NotImplementedError

    def check_file(self) -> bool:
        raise NotImplementedError

    def set_path(self, path: Any, version: Any = None) -> None:
        raise NotImplementedError

    def _on_read_failed(self, message: str, token: int) -> None:
        raise NotImplementedError

    def _listen(self, url: str) -> None:
        self.db_watch = DatabaseWatch(self._owner, url)
        self.db_watch.changed.connect(self._timer.start)  # another editor saved
        self.db_watch.connection.connect(self._on_connection)

    def _stop_database(self) -> None:
        if self.db_watch is not None:
            self.db_watch.stop()
            self.db_watch.deleteLater()
            self.db_watch = None
        self._retry.stop()
        self.offline = False

    def close(self) -> None:
        """Stop listening and let go of the connection (the window is closing)."""
        self.set_path(None)

    def _on_connection(self, up: bool, reason: str) -> None:
        if not up:
            self._went_offline(reason)
        elif self.offline:
            self._retry_ms = RETRY_MS[0]
            self._retry.stop()
            self._next()  # the kept edits first, then a reload follows the save
            self.check_file()

    def _retry_now(self) -> None:
        if self._queue:
            self._next()
        else:
            self.check_file()

    def _went_offline(self, reason: str) -> None:
        if not self.offline:
            self.offline = True
            self.connection_changed.emit(False, reason)

    def _back_online(self) -> None:
        self._retry_ms = RETRY_MS[0]
        if self.offline:
            self.offline = False
            self.connection_changed.emit(True, "")

    def _check_database(self) -> bool:
        if self.store is None or self.saving or self._reading is not None:
            return False
        self._reading = (0, 0, 0)
        self._token += 1
        token, url = self._token, self._db_url
        author = self.author() or None
        job = workers.Job(lambda: read_database(url, author))
        job.signals.finished.connect(lambda r: self._on_database_read(r, token))
        job.signals.failed.connect(lambda m: self._on_read_failed(m, token))
        self._jobs.append(job)
        workers.start(job)
        return True

    def _on_database_read(self, result: object, token: int) -> None:
        self._reading = None
        self._jobs.clear()
        if isinstance(result, VersoError):
            if token == self._token:
                if isinstance(result, ServerUnavailable):
                    self._went_offline(str(result))
                    if self.loading:
                        self._retry.start(self._retry_ms)
                else:
                    self.error, self.loading = str(result), False
                    self.changed.emit()
            return
        assert isinstance(result, GlossaryBackend)
        old = self.store
        same = getattr(result, "revision", -1) == getattr(old, "revision", -2)
        if token != self._token or old is None or (same and not self.loading):
            result.close()  # older than a save or a switch, or nothing new
            return
        first = self.loading
        self.store, self.error, self.loading = result, "", False
        old.close()
        self._back_online()
        self.changed.emit()
        if not first:
            self.reloaded.emit()
        self.version_changed.emit(self.store.version)

