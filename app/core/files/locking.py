"""A save lock that holds between machines: `<file>.lock` created with O_EXCL, as git's index.lock.

flock() does not hold on SMB/CIFS and many NFS shares, where newsroom glossaries live;
creating a file with O_CREAT|O_EXCL is atomic there. The lock file says who holds it
(host, process, user, since when) so a waiting editor is told who is saving. The holder
touches it every few seconds; a lock older than `stale_after` seconds that this waiter
has also seen untouched for two refresh periods (its holder's machine died or lost the
share; clocks of two machines may differ, a live holder's touches show anyway) is taken
over. On the same host a lock whose process is
gone is taken over at once, as the OS released flock() locks when a process died.
Every problem (no permission, a folder where the lock should be, a timeout) is one
OutputError naming the file and, when known, the holder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import getpass
import json
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.model.errors import OutputError

HOST_ENV = "VERSO_LOCK_HOST"  # lets tests (and odd setups) present another host name
STALE_AFTER = 60.0  # seconds without a refresh before a lock counts as abandoned
REFRESH_EVERY = 5.0
POLL = 0.05


def host_name() -> str:
    import socket  # here, with secrets below: ~25 ms of imports a fresh `check` need not pay

    return os.environ.get(HOST_ENV) or socket.gethostname() or "unknown-host"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name available (some containers)
        return str(os.getuid()) if hasattr(os, "getuid") else "unknown"


@dataclass(frozen=True)
class Holder:
    """What a lock file says about who holds it."""

    host: str = "?"
    pid: int = 0
    user: str = "?"
    since: str = ""
    token: str = ""

    def describe(self) -> str:
        if not self.pid:
            return self.user
        when = f" since {self.since}" if self.since else ""
        return f"{self.user} on {self.host} (process {self.pid}){when}"


def _read_holder(path: Path) -> Holder | None:
    """The holder a lock file names; None when it is empty or unreadable as JSON (a
    holder still writing it, or a foreign file). OSError passes through."""
    with open(path, "rb") as handle:
        raw = handle.read(4096)
    try:
        data = json.loads(raw.decode("utf-8"))
        return Holder(
            str(data.get("host", "?")), int(data.get("pid", 0)), str(data.get("user", "?")),
            str(data.get("since", "")), str(data.get("token", "")),
        )  # fmt: skip
    except (ValueError, TypeError, AttributeError):
        return None


def _pid_gone(pid: int) -> bool:
    """Has this host's process `pid` ended? (POSIX only: on Windows os.kill(pid, 0) would
    send Ctrl+C, so there a lock is judged by its age alone.)"""
    if pid <= 0 or os.name == "nt":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # exists, owned by someone else
        return False
    return False


class FileLock:
    """`with FileLock(target_path):` holds `<target>.lock` for the duration."""

    def __init__(
        self,
        target: str | Path,
        timeout: float = 15.0,
        stale_after: float | None = None,
        refresh_every: float | None = None,
        host: str | None = None,
    ) -> None:
        self.target = Path(target)
        self.path = Path(f"{self.target}.lock")
        self.timeout = timeout
        self.stale_after = STALE_AFTER if stale_after is None else stale_after
        self.refresh_every = REFRESH_EVERY if refresh_every is None else refresh_every
        self.host = host or host_name()
        self.token = ""
        self._stop = threading.Event()
        self._refresher: threading.Thread | None = None

    # -- messages --------------------------------------------------------------------
    def _error(self, what: str) -> OutputError:
        return OutputError(self.target, f"{what}; nothing was written")

    def _os_error(self, exc: OSError) -> OutputError:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return self._error(
                f"cannot create or read its lock file {self.path.name} (no permission in "
                "this folder, or the lock belongs to another user); ask whoever manages "
                "the shared folder"
            )
        if exc.errno == errno.ENOENT:
            return self._error("the folder does not exist (a network drive may be disconnected)")
        return self._error(f"its lock file {self.path.name} cannot be used ({exc.strerror or exc})")

    # -- taking and giving back ------------------------------------------------------
    def _create(self) -> bool:
        """True when this call created the lock file (we hold the lock)."""
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            return False
        import secrets

        self.token = secrets.token_hex(8)
        info = {
            "host": self.host, "pid": os.getpid(), "user": _user(),
            "since": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "token": self.token,
        }  # fmt: skip
        try:
            os.write(fd, (json.dumps(info) + "\n").encode("utf-8"))  # no fsync: O_EXCL is the lock
        except OSError:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(self.path)
            raise
        os.close(fd)
        return True

    def _stale(self, holder: Holder | None, age: float, unchanged_for: float) -> bool:
        """Abandoned? Old by the clock and seen untouched for two refresh periods: the
        holder's machine may have a clock minutes off, but a live holder touches its lock
        every few seconds whatever its clock says (so a dead lock costs ~10 s once)."""
        if age > self.stale_after and unchanged_for >= 2 * self.refresh_every:
            return True
        if holder is not None and holder.host == self.host and holder.pid != os.getpid():
            return _pid_gone(holder.pid)
        return False

    def _take_over(self, seen: tuple[int, int]) -> None:
        """Remove an abandoned lock, unless someone replaced it since we looked."""
        import secrets

        aside = self.path.with_name(f"{self.path.name}.stale-{secrets.token_hex(4)}")
        try:
            os.rename(self.path, aside)
        except FileNotFoundError:
            return  # another waiter took it over first
        moved = os.stat(aside)
        if (moved.st_ino, moved.st_mtime_ns) == seen:
            os.unlink(aside)
            return
        # A fresh lock was created between our look and the rename: give it back.
        with contextlib.suppress(OSError):
            os.link(aside, self.path)
        with contextlib.suppress(OSError):
            os.unlink(aside)

    def acquire(self) -> None:
        deadline = time.monotonic() + self.timeout
        holder: Holder | None = None
        seen: tuple[int, int] | None = None  # the lock file as last seen, and since when
        seen_since = time.monotonic()
        while True:
            try:
                if self._create():
                    self._start_refresh()
                    return
                st = os.stat(self.path)
                if os.path.isdir(self.path):
                    raise self._error(
                        f"{self.path.name} beside it is a folder, not a lock file; "
                        "remove that folder and save again"
                    )
                try:
                    holder = _read_holder(self.path)
                except PermissionError:  # another user's lock file: wait for it all the same
                    holder = Holder(user="another user (its lock file cannot be read)")
                stamp = (st.st_ino, st.st_mtime_ns)
                if stamp != seen:
                    seen, seen_since = stamp, time.monotonic()
                unchanged = time.monotonic() - seen_since
                if self._stale(holder, time.time() - st.st_mtime, unchanged):
                    self._take_over((st.st_ino, st.st_mtime_ns))
                    continue
            except FileNotFoundError:
                if not self.path.parent.is_dir():
                    raise self._os_error(FileNotFoundError(errno.ENOENT, "gone")) from None
                continue  # released between our calls: try again at once
            except OSError as exc:
                raise self._os_error(exc) from None
            if time.monotonic() >= deadline:
                who = holder.describe() if holder else "another editor"
                raise self._error(
                    f"{who} has been saving it for more than {self.timeout:g} s "
                    f"(lock file {self.path.name})"
                    "; try again in a moment, or delete the lock file if that editor is gone"
                )
            time.sleep(POLL)

    def _start_refresh(self) -> None:
        self._stop.clear()
        thread = threading.Thread(target=self._refresh, name="verso-lock-refresh", daemon=True)
        self._refresher = thread
        thread.start()

    def _refresh(self) -> None:
        while not self._stop.wait(self.refresh_every):
            with contextlib.suppress(OSError):
                os.utime(self.path)

    def owned(self) -> bool:
        """Is the lock file still ours (not taken over by someone who thought it stale)?"""
        try:
            holder = _read_holder(self.path)
        except OSError:
            return False
        return holder is not None and holder.token == self.token

    def release(self) -> None:
        self._stop.set()
        if self._refresher is not None:
            self._refresher.join()
            self._refresher = None
        if self.owned():
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        self.token = ""

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


@contextlib.contextmanager
def locked(target: str | Path, timeout: float = 15.0) -> Iterator[FileLock]:
    """Hold `<target>.lock` while the block runs (see FileLock)."""
    with FileLock(target, timeout) as lock:
        yield lock
