"""One version of a glossary file: read once, parsed at most once, indexed once per language.

Everything that checks against a glossary (the CLI, the window, the benchmark)
holds a GlossaryVersion and asks it for the index of its source language. The
bytes are read once; a clean glossary of MIN_ENTRIES or more comes back from the
index cache without being parsed at all; otherwise it is parsed once and the
index built from that parse. A newer file is a new GlossaryVersion, so a value
never changes under a check that is using it.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.core.glossary import cache
from app.core.glossary.io import format_for, glossary_from_bytes, read_bytes
from app.core.glossary.matcher import GlossaryIndex
from app.core.glossary.model import Glossary
from app.core.glossary.rows import GlossaryError, Problem, has_errors

Stamp = tuple[int, int, int]  # (mtime_ns, size, inode): cheap "is it still that file?"


def stamp_of(path: str | Path) -> Stamp | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def digest_of(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=32).digest()


@dataclass(eq=False)
class GlossaryVersion:
    """The bytes of one glossary file as they were read, and what they hold."""

    path: Path
    data: bytes
    stamp: Stamp | None = None
    use_cache: bool | None = None  # None: unless VERSO_NO_GLOSSARY_CACHE is set
    cache_folder: Path | None = None  # None: the user's cache folder
    _glossary: Glossary | None = field(default=None, repr=False)
    _problems: list[Problem] = field(default_factory=list, repr=False)
    _indexes: dict[str, GlossaryIndex] = field(default_factory=dict, repr=False)
    # An index read from the cache: the file is clean, and its entries are made from the
    # index's packed rows only if someone asks for the glossary (a check never does).
    _cached: GlossaryIndex | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def read(
        cls, path: str | Path, *, use_cache: bool | None = None, cache_folder: Path | None = None
    ) -> GlossaryVersion:
        """The file as it is now (InputError, saying what to do, when it cannot be read)."""
        p = Path(path)
        stamp = stamp_of(p)
        return cls(p, read_bytes(p), stamp, use_cache, cache_folder)

    @classmethod
    def written(
        cls,
        path: str | Path,
        data: bytes,
        glossary: Glossary,
        stamp: Stamp | None = None,
        problems: Sequence[Problem] = (),
    ) -> GlossaryVersion:
        """Bytes whose entries are known (a save wrote them, a store parsed them):
        nothing needs parsing again."""
        p = Path(path)
        stamp = stamp if stamp is not None else stamp_of(p)
        return cls(p, data, stamp, _glossary=glossary, _problems=list(problems))

    @property
    def digest(self) -> bytes:
        return digest_of(self.data)

    # -- what it holds ----------------------------------------------------------
    def _parse(self) -> Glossary:
        if self._glossary is None:
            if self._cached is not None:  # a cached file is a clean one
                self._glossary, self._problems = self._cached.glossary, []
            else:
                self._glossary, self._problems = glossary_from_bytes(self.data, self.path)
        return self._glossary

    @property
    def glossary(self) -> Glossary:
        """Every entry that could be read (a broken file keeps its readable ones)."""
        with self._lock:
            return self._parse()

    @property
    def problems(self) -> list[Problem]:
        with self._lock:
            if self._glossary is None and self._cached is not None:
                return []  # a cached file is a clean one
            self._parse()
            return list(self._problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def clean_index(self, source_lang: str) -> GlossaryIndex:
        """The index of a glossary that must be clean (GlossaryError otherwise); a cache
        hit proves it clean without a parse."""
        index = self.index(source_lang)
        self.require_clean()
        return index

    def require_clean(self) -> GlossaryVersion:
        """Itself, or GlossaryError listing every error with its line."""
        errors = self.errors
        if errors:
            raise GlossaryError(str(self.path), errors)
        return self

    # -- matching ---------------------------------------------------------------
    def index(self, source_lang: str) -> GlossaryIndex:
        """The index for `source_lang`, built once (or loaded from the cache)."""
        with self._lock:
            found = self._indexes.get(source_lang)
            if found is None:
                found = self._build(source_lang)
                self._indexes[source_lang] = found
            return found

    def _build(self, source_lang: str) -> GlossaryIndex:
        use = cache.enabled() if self.use_cache is None else self.use_cache
        use = use and not (self._glossary is not None and has_errors(self._problems))
        fmt = format_for(self.path)
        file = cache.cache_path(self.path, source_lang, self.cache_folder) if use else None
        key = b""
        with cache.gc_paused(freeze=True):
            if file is not None and _is_file(file):
                # The key names the dictionary build, so it loads pymorphy3: only when
                # there is a file to read or to write (small glossaries never have one).
                key = cache.key_for(self.data, fmt, source_lang)
                index = cache.read_cache(file, key, self.path)
                if index is not None:
                    if self._glossary is None and self._cached is None:
                        self._cached = index
                    return index
            glossary = self._parse()
            index = GlossaryIndex.build(glossary, source_lang)
            if (
                file is not None
                and not has_errors(self._problems)
                and len(glossary.entries) >= cache.MIN_ENTRIES
            ):
                cache.write_cache(file, index, key or cache.key_for(self.data, fmt, source_lang))
        return index


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a folder we may not look into: as if there were no cache
        return False


def load_index(
    path: str | Path,
    source_lang: str,
    *,
    use_cache: bool | None = None,
    folder: Path | None = None,
) -> GlossaryIndex:
    """The index of a glossary file that must be clean.

    Raises InputError (unreadable) or GlossaryError (every error with its line); a
    glossary with errors is never cached, so its problems are reported every time.
    """
    version = GlossaryVersion.read(path, use_cache=use_cache, cache_folder=folder)
    return version.clean_index(source_lang)
