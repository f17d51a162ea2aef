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
only costs the 0.1 s again). The cached list is sorted (UTF-8 byte order) and searched
in place: making 40,000 strings and a set of them took 10-16 ms of a first check, the
few look-ups a check makes cost microseconds.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
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


_CACHE_HEADER = b"verso proper nouns 2\n"  # then sorted lines, each ending in \n


class SortedWords:
    """Words as sorted newline-terminated UTF-8 lines, searched by bisection over the
    bytes themselves (no string per word is made)."""

    def __init__(self, lines: bytes) -> None:
        self._lines = lines

    @classmethod
    def of(cls, words: Iterable[str]) -> SortedWords:
        lines = {w.encode("utf-8", "surrogatepass") for w in words if w and "\n" not in w}
        return cls(b"".join(w + b"\n" for w in sorted(lines)))

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word or "\n" in word:
            return False
        key = word.encode("utf-8", "surrogatepass")
        lines = self._lines
        lo, hi = 0, len(lines)  # line starts: the lines in [lo, hi) may hold the key
        while lo < hi:
            newline = lines.rfind(b"\n", lo, (lo + hi) // 2)
            start = lo if newline < 0 else newline + 1
            end = lines.index(b"\n", start)
            line = lines[start:end]
            if line == key:
                return True
            if line < key:
                lo = end + 1
            else:
                hi = start
        return False

    def __iter__(self) -> Iterator[str]:
        return (w.decode("utf-8", "surrogatepass") for w in self._lines.split(b"\n")[:-1])

    def __len__(self) -> int:
        return self._lines.count(b"\n")

    @property
    def data(self) -> bytes:
        return self._lines


@lru_cache(maxsize=1)
def proper_nouns() -> SortedWords:
    """Case-folded proper nouns (capitalised stems) of the installed English dictionaries."""
    contents: list[tuple[Path, bytes]] = []
    for path in _dict_files():
        try:
            contents.append((path, path.read_bytes()))
        except OSError:  # an unreadable dictionary is as good as none
            continue
    if not contents:
        return SortedWords(b"")
    digest = hashlib.sha1(_CACHE_HEADER)
    for path, data in contents:
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0" + data + b"\0")
    cache = folders.cache_dir() / f"proper-nouns-{digest.hexdigest()[:20]}.txt"
    cached = _read_cache(cache)
    if cached is not None:
        return cached
    stems: set[bytes] = set()
    for _path, data in contents:
        stems.update(_STEM.findall(data))
    found = SortedWords.of(
        word.casefold()
        for word in (s.decode("utf-8", "replace").strip() for s in stems)
        if not word.isupper()  # Micronesia; not NATO
    )
    _write_cache(cache, found)
    return found


def _read_cache(path: Path) -> SortedWords | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(_CACHE_HEADER) or not data.endswith(b"\n"):
        return None
    return SortedWords(data[len(_CACHE_HEADER) :])


def _write_cache(path: Path, words: SortedWords) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, _CACHE_HEADER + words.data)
    except (OSError, VersoError):  # a read-only or full cache folder: read afresh next time
        pass


def is_known_proper(spelling: str) -> bool:
    return spelling.casefold() in proper_nouns()
