"""Another editor's save, heard within a second: LISTEN on the glossary's channel.

A daemon thread holds its own connection, LISTENs and calls `on_change()` for every
NOTIFY a save sends (pgstore.py) and once after every (re)connection, since saves
made while it was away sent notifications nobody heard. When the server goes away it
calls `on_state(False, reason)`, retries with backoff (0.25 s doubling to 5 s) and
calls `on_state(True, "")` once it is back. The callbacks run on this thread: a
window forwards them to its own thread (app/ui/glossary/pgsync.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from app.core.glossary.pgconnect import connect, describe
from app.core.glossary.pgschema import CHANNEL
from app.core.model.errors import VersoError

POLL_SECONDS = 0.2  # how often the thread looks at its stop flag
BACKOFF = (0.25, 5.0)


class GlossaryListener:
    """LISTEN for saves to one glossary database until stop()."""

    def __init__(
        self,
        url: str,
        on_change: Callable[[], None],
        on_state: Callable[[bool, str], None] | None = None,
    ) -> None:
        self._url = url
        self.on_change = on_change
        self.on_state = on_state
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="verso-glossary-listen",
                                        daemon=True)  # fmt: skip
        self.connected = threading.Event()

    def start(self) -> GlossaryListener:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _call(self, callback: Callable[..., None], *args: object) -> None:
        """A callback that fails means its receiver is gone (a closed window): stop."""
        try:
            callback(*args)
        except Exception:
            self._stop.set()

    def _state(self, up: bool, reason: str) -> None:
        if self.on_state is not None:
            self._call(self.on_state, up, reason)

    def _run(self) -> None:
        delay, was_up, reported = BACKOFF[0], True, False
        while not self._stop.is_set():
            try:
                conn = connect(self._url, autocommit=True)
            except VersoError as exc:
                if was_up or not reported:
                    self._state(False, str(exc))
                    was_up, reported = False, True
                self._stop.wait(delay)
                delay = min(delay * 2, BACKOFF[1])
                continue
            try:
                conn.execute(f"LISTEN {CHANNEL}")
                self.connected.set()
                if not was_up:
                    self._state(True, "")
                was_up, delay = True, BACKOFF[0]
                self._call(self.on_change)  # anything saved while nobody listened
                self._listen(conn)
            except Exception as exc:  # the server went away mid-LISTEN
                self.connected.clear()
                if not self._stop.is_set():
                    self._state(False, describe(exc))
                    was_up, reported = False, True
                    self._stop.wait(delay)
            finally:
                conn.close()

    def _listen(self, conn: Any) -> None:
        while not self._stop.is_set():
            heard = False
            for _ in conn.notifies(timeout=POLL_SECONDS, stop_after=1):
                heard = True
            if heard:
                self._call(self.on_change)
