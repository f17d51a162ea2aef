"""Import PySide6 without compiling shiboken's support files again at every launch.

shiboken6 carries its signature support (13 Python files, ~130 KB) zipped inside its
extension and compiles them from source whenever PySide6 is imported: its importer keeps
no bytecode. That was ~20-25 ms of every window launch (issue 12, item 6). `import_qt`
imports PySide6 with `compile` answering those files from a cache of code objects
(marshal, in the user's cache folder, keyed by the bytecode magic and the source's
bytes), filled by the first launch. Any other compile call, a miss, an entry that
cannot be read or that another user could have written goes to the real compile; a
cache that cannot be written is skipped.
Nothing else changes: the same code objects, executed by shiboken's own importer.
"""

from __future__ import annotations

import builtins
import contextlib
import importlib.util
import marshal
import os
import tempfile
import types
import zlib
from pathlib import Path
from typing import Any

# The names shiboken's embedded importer compiles under (signature_bootstrap.py too).
EMBEDDED = ("shibokensupport/", "signature_bootstrap.py")
FOLDER = "qt-support"


def _entry(folder: Path, filename: str, data: bytes) -> Path:
    name = filename.replace("/", "_").removesuffix(".py")
    key = f"{importlib.util.MAGIC_NUMBER.hex()}-{zlib.crc32(data):08x}-{len(data)}"
    return folder / f"{name}-{key}.code"


def _mine(stat: os.stat_result) -> bool:
    """Written by this user and writable by nobody else (a shared VERSO_CACHE_DIR)."""
    if not hasattr(os, "getuid"):
        return True
    return stat.st_uid == os.getuid() and not stat.st_mode & 0o022


def _write(entry: Path, data: bytes) -> None:
    """The entry, readable and writable by this user only, renamed into place whole; a
    read-only or full disk leaves no entry (the next launch compiles again)."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{entry.name}.", dir=entry.parent)  # mode 0600
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(tmp, entry)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def cached_compile(real: Any, folder: Path) -> Any:
    """`compile` with shiboken's embedded sources answered from `folder`."""

    def compile_(
        source: Any, filename: Any, mode: str, flags: int = 0, dont_inherit: bool = False,
        optimize: int = -1, **kwargs: Any,
    ) -> Any:  # fmt: skip
        embedded = isinstance(filename, str) and filename.startswith(EMBEDDED)
        if not embedded or mode != "exec" or flags or optimize != -1 or kwargs:
            return real(source, filename, mode, flags, dont_inherit, optimize, **kwargs)
        data = source.encode("utf-8") if isinstance(source, str) else bytes(source)
        entry = _entry(folder, filename, data)
        try:
            with entry.open("rb") as file:
                if _mine(os.fstat(file.fileno())):  # code runs: only an entry this user wrote
                    code = marshal.loads(file.read())
                    if isinstance(code, types.CodeType) and code.co_filename == filename:
                        return code
        except (OSError, ValueError, EOFError, TypeError):
            pass
        code = real(source, filename, mode, flags, dont_inherit, optimize)
        _write(entry, marshal.dumps(code))
        return code

    return compile_


def import_qt() -> None:
    """Import PySide6 (the widgets the window needs) with the cached compile."""
    from app.core.files.folders import cache_dir

    real = builtins.compile
    builtins.compile = cached_compile(real, cache_dir() / FOLDER)
    try:
        import PySide6.QtWidgets  # noqa: F401
    finally:
        builtins.compile = real
