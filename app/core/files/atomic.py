"""Crash-safe file writes: a temporary file in the same folder, fsync, rename.

Every file Verso writes goes through here, so a kill at any moment leaves the old
file or the new one, never a half-written one.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import tempfile
import time
from pathlib import Path

from app.core.model.errors import OutputError


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full; free some space or save somewhere else"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "cannot write here (read-only or no permission); save somewhere else"
    if exc.errno == errno.ENOENT:
        return "the folder does not exist (a network drive may be disconnected)"
    return f"cannot be written ({exc.strerror or exc})"


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(target, _reason(exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp_name, target.stat().st_mode & 0o777)
        os.replace(tmp_name, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise OutputError(target, _reason(exc)) from None
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def write_text_atomic(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes_atomic(path, text.encode(encoding))


def remove_stale_temps(path: str | Path, older_than: float = 120.0) -> int:
    """Delete the .NAME.*.tmp files a killed save left beside `path`; returns how many.

    Only files older than `older_than` seconds go, so another process's save in
    progress is never touched. Errors are ignored: cleanup must not fail a save.
    """
    target = Path(path)
    removed = 0
    cutoff = time.time() - older_than
    with contextlib.suppress(OSError):
        for tmp in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                if tmp.stat().st_mtime < cutoff:
                    tmp.unlink()
                    removed += 1
    return removed
