"""Crash-safe file writes: a temporary file in the same folder, fsync, rename.

Every file Verso writes goes through here, so a kill at any moment leaves the old
file or the new one, never a half-written one. What a save owes a shared folder:
- a symbolic link is followed: the real file is replaced, the link stays a link;
- an existing file keeps its mode and, where the OS lets us, its owner and group;
  when it cannot (another user's group-writable file, or a file with several hard
  links) the finished temporary file is copied into it in place, so the owner stays;
- a read-only file (no write bit, or not writable by this user) is refused with a
  message, never silently replaced; so is anything that is not a regular file;
- a new file gets the mode the umask gives (0644 under 022), not mkstemp's 0600.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import stat
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
    if exc.errno == errno.ELOOP:
        return "is a loop of symbolic links; nothing was written"
    return f"cannot be written ({exc.strerror or exc})"


def current_umask() -> int:
    """The process umask, read without changing it where the OS tells (Linux /proc)."""
    with (
        contextlib.suppress(OSError, ValueError),
        open("/proc/self/status", encoding="ascii", errors="replace") as status,
    ):
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)  # elsewhere: set and restore at once
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    """The mode `open()` would give a new file: 0666 less the umask (0644 under 022)."""
    return 0o666 & ~current_umask()


def real_path(path: str | Path) -> Path:
    """The file a save must replace: symbolic links followed (also a dangling one, whose
    target is where the file will be created); OutputError for a loop of links."""
    target = Path(path)
    if not target.is_symlink():
        return target
    try:
        return Path(os.path.realpath(target, strict=False))
    except (OSError, RuntimeError):
        raise OutputError(target, "is a loop of symbolic links; nothing was written") from None


def check_writable(path: str | Path) -> os.stat_result | None:
    """The stat of the existing file a save will replace (None when there is none yet);
    OutputError when it must not be replaced: read-only, not a regular file."""
    target = Path(path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(target, _reason(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(target, "is a folder; nothing was written, choose a file name")
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(target, "is not a regular file (a device or a pipe); nothing was written")
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise OutputError(
            target,
            "is read-only (its owner or permissions do not let you change it); nothing was "
            "written: ask its owner, or save a copy elsewhere",
        )
    return st


def _keep_owner(tmp_name: str, st: os.stat_result) -> bool:
    """Give the temporary file the old file's owner and group; False when the OS refuses."""
    if not hasattr(os, "getuid"):  # Windows: no owners to keep this way
        return True
    if (st.st_uid, st.st_gid) == (os.getuid(), os.getgid()):
        return True
    try:
        os.chown(tmp_name, st.st_uid, st.st_gid)
    except OSError:
        return False
    return True


def _copy_in_place(tmp_name: str, target: Path) -> None:
    """Overwrite `target` with the finished temp file's bytes (owner and links kept)."""
    with open(tmp_name, "rb") as src, open(target, "r+b") as dst:
        data = src.read()
        dst.seek(0)
        dst.write(data)
        dst.truncate()
        dst.flush()
        os.fsync(dst.fileno())


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    target = real_path(path)
    folder = target.parent if str(target.parent) else Path(".")
    old = check_writable(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(target, _reason(exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if old is None:
            os.chmod(tmp_name, new_file_mode())
            os.replace(tmp_name, target)
        else:
            os.chmod(tmp_name, stat.S_IMODE(old.st_mode) & 0o777)
            if old.st_nlink > 1 or not _keep_owner(tmp_name, old):
                _copy_in_place(tmp_name, target)
                os.unlink(tmp_name)
            else:
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
    with contextlib.suppress(OutputError):
        target = real_path(target)
    removed = 0
    cutoff = time.time() - older_than
    with contextlib.suppress(OSError):
        for tmp in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                if tmp.stat().st_mtime < cutoff:
                    tmp.unlink()
                    removed += 1
    return removed
