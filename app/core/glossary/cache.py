"""A parsed glossary and its built GlossaryIndex, kept between runs.

Parsing a 100,000-entry TSV and building its index takes seconds; loading them back
from this cache takes a fraction of one: the entries, terms and renderings stay
packed (packed.py) until a text meets them, and the words name-unknown needs are
stored made. The whole Glossary is made only when asked for (GlossaryIndex.glossary,
GlossaryVersion.glossary). The cache lives in the user's cache folder,
never next to the glossary: a team's shared folder may be read-only, and a file
another person can write must not be loaded as code or data we trust.

One cache file per (glossary path, source language). It is used only when everything
it was made from is the same:
- the glossary's bytes (a BLAKE2 hash of the whole file, so an edit that keeps size
  and mtime, or a file replaced by a copy, still invalidates it);
- the format (file extension) and the source language;
- the Python version, the byte order and the code that builds the tables (matcher,
  term_scan, packed, word_keys, morphology, tokens, this module: a hash of their source);
- pymorphy3's version and the compile date of its dictionary (the stored gate lists
  dictionary forms);
and its payload's own checksum (CRC-32: 4x faster than BLAKE2 on 35 MB) is right.
Anything else (missing, truncated, corrupt, stale, unreadable) means: ignore it,
build from the file, and write a fresh one atomically. A cache that cannot be
written is not an error.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import logging
import marshal
import os
import struct
import sys
import zlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import BinaryIO

from app.core.files import folders
from app.core.files.atomic import write_bytes_atomic
from app.core.glossary import matcher, packed, term_scan, word_keys
from app.core.glossary.matcher import GlossaryIndex
from app.core.model.errors import OutputError
from app.core.text.morphology import MORPH_LANGS

log = logging.getLogger(__name__)

MAGIC = b"VERSO-GLOSSARY-INDEX 4\n"  # layout 3 and older began "VERSO-GLOSSARY-INDEX\n"
LAYOUT = 4  # bump when the payload's layout changes
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
    digest.update(f"{LAYOUT}|{sys.version_info[:2]}|{marshal.version}|{sys.byteorder}".encode())
    modules = (matcher, term_scan, packed, word_keys, morphology, tokens, sys.modules[__name__])
    for module in modules:
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


# The file: MAGIC, key, CRC-32 of the rest, the lengths of the segments (little-endian
# u64), then the segments: a marshalled header (the small tables), the packed entry
# rows, the packed terms by first word, the packed renderings by automaton key (each
# with its offsets, packed.py), and the pickled automaton. The CRC is checked before
# anything is decoded (a damaged or truncated file is rebuilt, never misread).
_SEGMENTS = ("header", "rows", "row offsets", "terms", "term offsets", "renderings",
             "rendering offsets", "automaton")  # fmt: skip
_LENGTHS = struct.Struct(f"<{len(_SEGMENTS)}Q")
_PREFIX = len(MAGIC) + _DIGEST + 4 + _LENGTHS.size


def encode(index: GlossaryIndex, key: bytes) -> bytes:
    """The cache file's bytes for a built index."""
    if index.packed:  # read from a cache: its tables are packed already; build afresh
        index = GlossaryIndex.build(index.glossary, index.source_lang)
    glossary = index.glossary
    source_lang, by_first, groups, automaton, gate, vocabulary = index.tables()
    numbers, terms, term_offsets = packed.pack_buckets(by_first)
    rows, row_offsets = packed.pack(packed.entry_row(e) for e in glossary.entries)
    renderings, rendering_offsets = packed.pack(groups)
    # name-unknown runs for the languages with morphology (its names come from it).
    name_words = index.name_words(source_lang) if source_lang in MORPH_LANGS else None
    header = marshal.dumps(
        (
            list(glossary.extra_columns),
            glossary.source_lang,
            glossary.target_lang,
            source_lang,
            numbers,
            gate,
            vocabulary,
            name_words,
        )
    )
    segments = (header, rows, row_offsets, terms, term_offsets, renderings,
                rendering_offsets, automaton)  # fmt: skip
    body = [_LENGTHS.pack(*(len(s) for s in segments)), *segments]
    checksum = 0
    for part in body:
        checksum = zlib.crc32(part, checksum)
    return b"".join([MAGIC, key, checksum.to_bytes(4, "little"), *body])


def decode(blob: bytes, key: bytes, path: str | Path) -> GlossaryIndex | None:
    """The index stored in `blob` if it was made for `key` and is intact, else None."""
    return _read(io.BytesIO(blob), len(blob), key, path)


def _read(stream: BinaryIO, size: int, key: bytes, path: str | Path) -> GlossaryIndex | None:
    """decode() from a stream of `size` bytes, one segment at a time (the automaton's
    bytes are dropped once it is made; nothing is decoded before the CRC holds)."""
    head = len(MAGIC)
    prefix = stream.read(_PREFIX)
    if len(prefix) < _PREFIX or not prefix.startswith(MAGIC):
        return None
    if prefix[head : head + _DIGEST] != key:
        return None
    expected = int.from_bytes(prefix[head + _DIGEST : head + _DIGEST + 4], "little")
    lengths = _LENGTHS.unpack_from(prefix, head + _DIGEST + 4)
    if _PREFIX + sum(lengths) != size:
        return None  # truncated or grown: never read past what is there
    checksum = zlib.crc32(prefix[head + _DIGEST + 4 :])
    segments = []
    for length in lengths:
        segment = _read_exactly(stream, length)
        if segment is None:
            return None
        checksum = zlib.crc32(segment, checksum)
        segments.append(segment)
    if checksum != expected:
        return None
    header, rows, row_offsets, terms, term_offsets, renderings, rendering_offsets, automaton = (
        segments
    )
    del segments
    (extra_columns, glossary_source, glossary_target, source_lang, numbers, gate, vocabulary,
     words) = marshal.loads(header)  # fmt: skip
    entries = packed.LazyEntries(packed.Records(rows, row_offsets))
    glossary = packed.LazyGlossary(
        entries, extra_columns, str(path), glossary_source, glossary_target
    )
    by_first = packed.LazyBuckets(numbers, packed.Records(terms, term_offsets))
    groups = packed.LazyList(packed.Records(renderings, rendering_offsets))
    tables = (source_lang, by_first, groups, automaton, gate, vocabulary)
    return GlossaryIndex.from_packed(glossary, entries, tables, words)


def _read_exactly(stream: BinaryIO, length: int) -> bytes | None:
    """`length` bytes, or None at the end of the file (one read() of a regular file
    returns at most ~2 GB on Linux)."""
    data = stream.read(length)
    if len(data) == length:
        return data
    parts = [data]
    got = len(data)
    while got < length:
        more = stream.read(length - got)
        if not more:
            return None
        parts.append(more)
        got += len(more)
    return b"".join(parts)


def read_cache(file: Path, key: bytes, path: str | Path) -> GlossaryIndex | None:
    try:
        with open(file, "rb", buffering=0) as stream:
            index = _read(stream, os.fstat(stream.fileno()).st_size, key, path)
    except OSError:
        return None
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
