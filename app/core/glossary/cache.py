"""A parsed glossary and its built GlossaryIndex, kept between runs.

Parsing a 100,000-entry TSV and building its index takes seconds; loading them back
from this cache takes a fraction of one. The cache lives in the user's cache folder,
never next to the glossary: a team's shared folder may be read-only, and a file
another person can write must not be loaded as code or data we trust.

One cache file per (glossary path, source language). It is used only when everything
it was made from is the same:
- the glossary's bytes (a BLAKE2 hash of the whole file, so an edit that keeps size
  and mtime, or a file replaced by a copy, still invalidates it);
- the format (file extension) and the source language;
- the Python version and the code that builds the tables (matcher, morphology,
  tokens, this module: a hash of their source);
- pymorphy3's version and the compile date of its dictionary (the stored gate lists
  dictionary forms);
and its payload's own checksum is right. Anything else (missing, truncated, corrupt,
stale, unreadable) means: ignore it, build from the file, and write a fresh one
atomically. A cache that cannot be written is not an error.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import marshal
import os
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from app.core.files import folders
from app.core.files.atomic import write_bytes_atomic
from app.core.glossary import matcher
from app.core.glossary.matcher import GlossaryIndex
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.model.errors import OutputError

log = logging.getLogger(__name__)

MAGIC = b"VERSO-GLOSSARY-INDEX\n"
LAYOUT = 3  # bump when the payload's layout changes
# Smaller glossaries build faster than a cache file is read and checked.
MIN_ENTRIES = 2_000
ENV_DIR = "VERSO_CACHE_DIR"
ENV_OFF = "VERSO_NO_GLOSSARY_CACHE"
# Cache files kept (the most recently used): each is ~35 MB for 100,000 entries.
KEEP = 8
_DIGEST = 32


@contextlib.contextmanager
def gc_paused(freeze: bool = False) -> Iterator[None]:
    """No cyclic GC while a million small tuples are made: it halves load and build.

    freeze: move what exists now (the new index) out of the collector's sight, so
    neither the next collection nor any later one walks the index's million objects
    (each full pass would otherwise cost a pause of ~0.2 s, felt while typing). The
    index holds no reference cycles, so it is still freed when dropped.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if freeze:
            gc.freeze()
    finally:
        if was_enabled:
            gc.enable()


def cache_dir() -> Path:
    """Where cache files go: $VERSO_CACHE_DIR, else the platform's user cache folder."""
    return folders.cache_dir()


def enabled() -> bool:
    return os.environ.get(ENV_OFF, "") in ("", "0")


@cache
def code_fingerprint() -> bytes:
    """Hash of the code that shapes the tables, so a changed rule never reads old tables."""
    from app.core.text import morphology, tokens

    digest = hashlib.blake2b(digest_size=_DIGEST)
    digest.update(f"{LAYOUT}|{sys.version_info[:2]}|{marshal.version}".encode())
    for module in (matcher, morphology, tokens, sys.modules[__name__]):
        try:
            digest.update(Path(str(module.__file__)).read_bytes())
        except (OSError, TypeError):  # frozen app: the version string has to do
            digest.update(str(module.__name__).encode())
    return digest.digest()


def morphology_stamp(source_lang: str) -> str:
    """pymorphy3's version and the compile date of the language's dictionary: the
    stored gate (the dictionary forms of the term words' lexemes) depends on both."""
    from app.core.text import morphology

    if source_lang not in morphology.MORPH_LANGS:
        return ""
    import pymorphy3

    return f"{pymorphy3.__version__}|{morphology.dictionary_stamp(source_lang)}"


def cache_path(path: str | Path, source_lang: str, folder: Path | None = None) -> Path:
    """The cache file for a glossary path and language."""
    where = str(Path(path).resolve())
    name = hashlib.blake2b(f"{where}\0{source_lang}".encode(), digest_size=12).hexdigest()
    return (folder or cache_dir()) / f"glossary-{name}.idx"


def key_for(data: bytes, fmt: str, source_lang: str) -> bytes:
    """What a cache file must have been made from: the bytes, format, language and code."""
    digest = hashlib.blake2b(data, digest_size=_DIGEST)
    digest.update(f"\0{fmt}\0{source_lang}\0".encode())
    digest.update(code_fingerprint())
    digest.update(morphology_stamp(source_lang).encode())
    return digest.digest()


def _entry_row(e: GlossaryEntry) -> tuple[Any, ...]:
    return (e.source, e.targets, e.forbidden, e.note, e.case_sensitive, e.extra)


def encode(index: GlossaryIndex, key: bytes) -> bytes:
    """The cache file's bytes: magic, key, payload checksum, payload (marshal)."""
    glossary = index.glossary
    payload = marshal.dumps(
        (
            [_entry_row(e) for e in glossary.entries],
            list(glossary.extra_columns),
            glossary.source_lang,
            glossary.target_lang,
            index.tables(),
        )
    )
    checksum = hashlib.blake2b(payload, digest_size=_DIGEST).digest()
    return MAGIC + key + checksum + payload


def decode(blob: bytes, key: bytes, path: str | Path) -> GlossaryIndex | None:
    """The index stored in `blob` if it was made for `key` and is intact, else None."""
    head = len(MAGIC)
    if not blob.startswith(MAGIC) or blob[head : head + _DIGEST] != key:
        return None
    checksum = blob[head + _DIGEST : head + 2 * _DIGEST]
    payload = memoryview(blob)[head + 2 * _DIGEST :]
    if hashlib.blake2b(payload, digest_size=_DIGEST).digest() != checksum:
        return None
    rows, extra_columns, source_lang, target_lang, tables = marshal.loads(payload)
    entries = [GlossaryEntry(*row) for row in rows]
    glossary = Glossary(entries, extra_columns, str(path), source_lang, target_lang)
    return GlossaryIndex.from_tables(glossary, tables)


def read_cache(file: Path, key: bytes, path: str | Path) -> GlossaryIndex | None:
    try:
        blob = file.read_bytes()
    except OSError:
        return None
    try:
        index = decode(blob, key, path)
    except Exception as exc:  # corrupt or foreign: never trusted, rebuilt below
        log.info("ignoring glossary cache %s: %s", file, exc)
        return None
    if index is not None:
        with contextlib.suppress(OSError):
            os.utime(file)  # recently used: pruned last
    return index


def write_cache(file: Path, index: GlossaryIndex, key: bytes) -> None:
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(file, encode(index, key))
    except (OSError, OutputError, ValueError) as exc:
        log.info("glossary cache not written to %s: %s", file, exc)
        return
    prune(file.parent)


def prune(folder: Path, keep: int | None = None) -> None:
    """Delete all but the `keep` (default KEEP) most recently used cache files."""
    keep = KEEP if keep is None else keep
    try:
        files = sorted(
            folder.glob("glossary-*.idx"), key=lambda f: f.stat().st_mtime_ns, reverse=True
        )
        for old in files[keep:]:
            old.unlink()
    except OSError as exc:  # another process pruning at the same time, permissions...
        log.info("glossary cache not pruned in %s: %s", folder, exc)
