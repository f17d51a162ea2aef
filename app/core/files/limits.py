"""What Verso agrees to read: regular local files, under a size cap and a count cap.

Every open point (articles, bilingual files, reviews, glossaries of every format)
reads through `read_regular`, so a device (/dev/zero), a FIFO (which blocks an
ordinary open for reading), a socket or a file far larger than any article is
refused at once with one line naming the file and the cap, before any byte is read
into memory. Count caps (`check_count`) are checked on the raw bytes before a
parser builds objects, so a 1M-line TSV or a 500k-entry TBX is refused in
milliseconds instead of exhausting memory. `refuse_remote` keeps a path stored
inside a file received from elsewhere from making Verso contact another machine
(a UNC path on Windows sends the editor's credentials to that server).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from app.core.model.errors import InputError

MB = 1024 * 1024

# Size caps, bytes. A news article is under 100 KB, a project's XLIFF a few MB.
ARTICLE_BYTES = 50 * MB
BILINGUAL_BYTES = 64 * MB
REVIEW_BYTES = 64 * MB
GLOSSARY_BYTES = 64 * MB

# Count caps. A newsroom glossary has thousands of entries (the benchmark goes to
# 100 000); an article a few hundred segments.
GLOSSARY_ENTRIES = 200_000
SEGMENTS = 10_000
# A glossary term or rendering is a few words; 1 000 characters is a paragraph.
GLOSSARY_TERM_CHARS = 1_000

_KINDS = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)
# \\server\share, //server/share, smb://, nfs://, afp://, webdav and the like.
_REMOTE = re.compile(r"^(?:[\\/]{2}(?![\\/]*$)|[a-zA-Z][a-zA-Z0-9+.-]+://)")


def refuse_irregular(path: str | Path, mode: int) -> None:
    """InputError unless `mode` (from stat) is a regular file's: devices, FIFOs and
    sockets never end or never answer."""
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise InputError(path, "is a folder, not a file; choose a file inside it")
    what = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise InputError(path, f"is {what}, not a regular file; Verso reads only ordinary files")


def _too_large(path: str | Path, limit: int, what: str) -> InputError:
    size = f"{limit // MB} MB" if limit >= MB else f"{limit:,} bytes"
    return InputError(
        path,
        f"is larger than {size}, the limit for {what}; Verso checks articles, so split "
        "the file into smaller parts",
    )


def read_regular(
    path: str | Path,
    limit: int,
    what: str = "a file",
    *,
    missing: str = "does not exist; check the name and the folder",
) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or one-line InputError.

    stat first (a FIFO is never opened for reading: that blocks until a writer comes),
    then open non-blocking and check the opened file again (it may have been swapped),
    then read at most `limit` + 1 bytes (a file growing while read is still capped).
    """
    try:
        refuse_irregular(path, os.stat(path).st_mode)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError(path, missing) from None
    except PermissionError:
        raise InputError(path, "cannot be read: permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        refuse_irregular(path, info.st_mode)
        if info.st_size > limit:
            raise _too_large(path, limit, what)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 4 * MB))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise _too_large(path, limit, what)
    return data


def read_regular_if_exists(path: str | Path, limit: int, what: str = "a file") -> bytes | None:
    """read_regular, or None when nothing is at `path` (a file about to be created)."""
    if not os.path.lexists(path):
        return None
    return read_regular(path, limit, what)


def check_count(path: str | Path | None, count: int, limit: int, what: str) -> None:
    """InputError naming the cap when `count` of `what` (entries, units...) is over it."""
    if count > limit:
        raise InputError(
            path,
            f"holds more than {limit:,} {what} (about {count:,}), the limit Verso "
            "accepts; split it into smaller files",
        )


def count_glossary_entries(data: bytes) -> int:
    """An upper bound on the entries in a glossary file's bytes, without parsing them:
    lines for the text formats, term entries for TBX."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") or b"<\x00" in head[:8]:
        return max(
            data.count(b"<termEntry"),
            data.count(b"<conceptEntry"),
            data.count(b"t\x00e\x00r\x00m\x00E\x00n\x00t\x00r\x00y"),
        )
    return max(data.count(b"\n"), data.count(b"\n\x00"), data.count(b"\r"))


_UNIT_TAG = re.compile(rb"<(?:[\w.-]+:)?(?:trans-unit|unit|tu)[\s>/]")


def count_units(data: bytes) -> int:
    """Translation units (XLIFF trans-unit / unit, TMX tu) in UTF-8 XML, without parsing."""
    return sum(1 for _ in _UNIT_TAG.finditer(data))


def is_remote(path: str | Path) -> bool:
    """A UNC (\\\\server\\share, //server/share) or URL-like (smb://, file://) path."""
    return bool(_REMOTE.match(str(path).strip()))


def refuse_remote(path: str | Path, why: str = "") -> None:
    """InputError for a remote path: opening it would contact another machine."""
    if is_remote(path):
        raise InputError(
            path,
            "is on another machine (a network or URL path); Verso does not open it "
            f"on its own{why}: copy the file to this computer and open it from there",
        )


def foreign_path_refusal(path: str | Path) -> str | None:
    """Why a path stored inside a file from elsewhere (a review's glossary) must not be
    opened without asking: a network or URL path, or something that exists and is not an
    ordinary file. None for a regular local file or nothing at all (nothing to open)."""
    if is_remote(path):
        return "it is a network or URL path"
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"it cannot be read ({exc.strerror or exc})"
    if not stat.S_ISREG(mode):
        return "it is not an ordinary file"
    return None
