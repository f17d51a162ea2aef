"""Proper nouns an English dictionary knows: evidence between two spellings of a name.

An article that spells a name once one way and once another (Micronesia / Microneia,
Brussels / Brussesl) gives name-inconsistent no majority to follow. When a hunspell
dictionary is installed (the same ones the spelling check reads: Debian's
hunspell-en-us / -en-gb, or VERSO_HUNSPELL_PATH), the spelling it lists as a proper
noun is taken for the right one. Only the capitalised stems of the .dic files are
read (no affix rules, no spylls): about 50,000 lines, loaded once, and only when a
tie needs it. Without a dictionary this evidence is simply absent.

Reading the stems costs about 0.1 s, most of a first check's time on a short article, so
the list is kept in Verso's cache folder, keyed by the dictionaries' paths and contents
(a changed or another dictionary is read afresh; a cache that cannot be written or read
only costs the 0.1 s again).
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from app.core.checks import hunspell
from app.core.files import folders
from app.core.files.atomic import write_bytes_atomic
from app.core.model.errors import VersoError

DICT_DIRS_ENV = hunspell.DICT_DIRS_ENV
_DICT_DIRS = hunspell.DEFAULT_DIRS


def _dict_files() -> list[Path]:
    return hunspell.dic_files(hunspell.search_dirs(_DICT_DIRS))


# A capitalised stem at the start of a line, up to its affix flags: read as bytes in
# one regular expression (a Python loop over the ~130,000 lines took 0.16 s).
_STEM = re.compile(rb"(?m)^([A-Z][^/\r\n]*)")


_CACHE_HEADER = "verso proper nouns 1"


@lru_cache(maxsize=1)
def proper_nouns() -> frozenset[str]:
    """Case-folded proper nouns (capitalised stems) of the installed English dictionaries."""
    contents: list[tuple[Path, bytes]] = []
    for path in _dict_files():
        try:
            contents.append((path, path.read_bytes()))
        except OSError:  # an unreadable dictionary is as good as none
            continue
    if not contents:
        return frozenset()
    digest = hashlib.sha1(_CACHE_HEADER.encode())
    for path, data in contents:
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0" + data + b"\0")
    cache = folders.cache_dir() / f"proper-nouns-{digest.hexdigest()[:20]}.txt"
    cached = _read_cache(cache)
    if cached is not None:
        return cached
    stems: set[bytes] = set()
    for _path, data in contents:
        stems.update(_STEM.findall(data))
    found = frozenset(
        word.casefold()
        for word in (s.decode("utf-8", "replace").strip() for s in stems)
        if not word.isupper()  # Micronesia; not NATO
    )
    _write_cache(cache, found)
    return found


def _read_cache(path: Path) -> frozenset[str] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    header, _, body = text.partition("\n")
    if header != _CACHE_HEADER:
        return None
    return frozenset(body.split("\n")) - {""}


def _write_cache(path: Path, words: frozenset[str]) -> None:
    text = "\n".join([_CACHE_HEADER, *sorted(words)])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, text.encode("utf-8"))
    except (OSError, VersoError):  # a read-only or full cache folder: read afresh next time
        pass


def is_known_proper(spelling: str) -> bool:
    return spelling.casefold() in proper_nouns()
