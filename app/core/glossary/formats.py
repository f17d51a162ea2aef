"""Glossary file formats as plug-ins: one registry says what each reads, writes and recognises.

Everything that lists glossary extensions (opening and saving, the shared store, the
file dialogs, drop classification, the CLI help) asks FORMATS, so they cannot disagree.
Several formats may read one suffix (.tsv .txt .tab .utf8: canonical TSV or OmegaT);
the content then picks the first of them that recognises it, else the last one listed,
the most lenient reader. An unknown suffix is an error naming the known ones.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core.files.readers import ARTICLE_SUFFIXES, read_bytes_limited
from app.core.glossary import csv_format, omegat, tsv
from app.core.glossary.decoding import decode, encoding_of, text_or_none
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.glossary.rows import Parsed, looks_like_header
from app.core.model.errors import InputError, VersoError

Reader = Callable[[bytes, str | None, str | None], Parsed]
# (entries, glossary for columns and languages, what the file held: its layout is kept)
Writer = Callable[[Sequence[GlossaryEntry], Glossary, Parsed | None], bytes]


@dataclass(frozen=True)
class GlossaryFormat:
    """One file format: its names, the suffixes it serves, and how to recognise, read, write."""

    name: str  # stable id: tsv, omegat, csv, tbx
    label: str  # what a person reads in a file dialog
    extensions: tuple[str, ...]  # suffixes it reads
    write_extensions: tuple[str, ...]  # suffixes that choose it when saving
    sniff: Callable[[bytes], bool]  # does this content look like this format?
    read: Reader  # (data, source_lang, target_lang) -> entries and problems
    write: Writer  # (entries, glossary, the file as it was read or None) -> file bytes


# -- recognising content -------------------------------------------------------------
def _first_line(text: str, skip_comments: bool = False) -> str | None:
    """The first non-blank line, read lazily (a glossary may have 100,000 of them)."""
    for line in io.StringIO(text.lstrip("\ufeff"), newline=None):  # \r, \r\n: \n
        if line.strip() and not (skip_comments and line.startswith("#")):
            return line.rstrip("\r\n")
    return None


def _is_tsv(data: bytes) -> bool:
    """Tab-separated with a first line naming the source and target columns."""
    text = text_or_none(data)
    return text is not None and tsv.has_header(text)


def _is_omegat(data: bytes) -> bool:
    """No header; OmegaT's own header comment, or a first line of tab-separated terms."""
    text = text_or_none(data)
    if text is None or tsv.has_header(text):
        return False
    if text.lstrip("\ufeff").startswith(omegat.MAGIC):
        return True
    line = _first_line(text, skip_comments=True)
    cells = [] if line is None else line.split("\t")
    return (
        len(cells) >= 2
        and bool(cells[0].strip())
        and bool(cells[1].strip())
        and not cells[0].lstrip().startswith("<")
    )


def _is_csv(data: bytes) -> bool:
    """A first line naming the source and target columns, separated by commas or semicolons."""
    text = text_or_none(data)
    line = None if text is None else _first_line(text)
    if line is None or looks_like_header(line.split("\t")):
        return False
    for delimiter in ",;":
        try:
            cells = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:
            continue
        if looks_like_header(cells):
            return True
    return False


_XML_PROLOG = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)", re.S)
_XML_ROOT = re.compile(r"\s*<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


def _is_tbx(data: bytes) -> bool:
    """A `<martif>` (TBX v2) or `<tbx>` (TBX v3) root element; only the head is looked at."""
    head = data[:16384].decode(encoding_of(data), errors="replace").lstrip("\ufeff")
    position = 0
    while (prolog := _XML_PROLOG.match(head, position)) is not None and prolog.end() > position:
        position = prolog.end()
    root = _XML_ROOT.match(head, position)
    return root is not None and root.group(1) in ("martif", "tbx")


# -- reading and writing -------------------------------------------------------------
def _text_reader(parse: Callable[[str], Parsed]) -> Reader:
    """A reader for a text format: decode (a bad byte is a problem with its line), parse."""

    def read(data: bytes, source_lang: str | None, target_lang: str | None) -> Parsed:
        text, problems = decode(data)
        return Parsed([], [], problems) if text is None else parse(text)

    return read


def _read_tbx(data: bytes, source_lang: str | None, target_lang: str | None) -> Parsed:
    from app.core.glossary import tbx  # lxml: loaded only for TBX files

    return tbx.parse(data, source_lang, target_lang)


def _write_tsv(
    entries: Sequence[GlossaryEntry], glossary: Glossary, like: Parsed | None = None
) -> bytes:
    return tsv.dump(entries, glossary.extra_columns, like).encode("utf-8")


def _write_omegat(
    entries: Sequence[GlossaryEntry], glossary: Glossary, like: Parsed | None = None
) -> bytes:
    return omegat.dump(entries).encode("utf-8")


def _write_csv(
    entries: Sequence[GlossaryEntry], glossary: Glossary, like: Parsed | None = None
) -> bytes:
    return csv_format.dump(entries, glossary.extra_columns).encode("utf-8")


def _write_tbx(
    entries: Sequence[GlossaryEntry], glossary: Glossary, like: Parsed | None = None
) -> bytes:
    from app.core.glossary import tbx

    return tbx.dump(entries, glossary.source_lang, glossary.target_lang)


# -- the registry --------------------------------------------------------------------
_TAB_SUFFIXES = (".tsv", ".txt", ".tab", ".utf8")

TSV = GlossaryFormat(
    "tsv", "Verso glossary (TSV)", _TAB_SUFFIXES, (".tsv", ".txt"),
    _is_tsv, _text_reader(tsv.parse), _write_tsv,
)  # fmt: skip
OMEGAT = GlossaryFormat(
    "omegat", "OmegaT glossary", _TAB_SUFFIXES, (".tab", ".utf8"),
    _is_omegat, _text_reader(omegat.parse), _write_omegat,
)  # fmt: skip
CSV = GlossaryFormat(
    "csv", "CSV", (".csv",), (".csv",), _is_csv, _text_reader(csv_format.parse), _write_csv
)
TBX = GlossaryFormat(
    "tbx", "TBX", (".tbx", ".xml"), (".tbx", ".xml"), _is_tbx, _read_tbx, _write_tbx
)

# Order matters where formats share a suffix: the stricter (TSV: needs a header) first.
FORMATS: tuple[GlossaryFormat, ...] = (TSV, OMEGAT, CSV, TBX)


def _unique(suffixes: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(suffixes))


READ_EXTENSIONS = _unique(s for f in FORMATS for s in f.extensions)
WRITE_EXTENSIONS = _unique(s for f in FORMATS for s in f.write_extensions)


# -- lookups -------------------------------------------------------------------------
def by_name(name: str) -> GlossaryFormat:
    """The format called `name`; ValueError naming the known ones otherwise."""
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    known = ", ".join(f.name for f in FORMATS)
    raise ValueError(f"unknown glossary format name {name!r}; known: {known}")


def _suffix(path: str | Path) -> str:
    return Path(path).suffix.casefold()


def _unknown(path: str | Path, known: Iterable[str]) -> InputError:
    suffix = _suffix(path)
    return InputError(
        path, f"unknown glossary format '{suffix or '(none)'}'; use {', '.join(sorted(known))}"
    )


def readers_for(path: str | Path) -> tuple[GlossaryFormat, ...]:
    """The formats that read this file's suffix, in registry order; InputError if none."""
    suffix = _suffix(path)
    found = tuple(f for f in FORMATS if suffix in f.extensions)
    if not found:
        raise _unknown(path, READ_EXTENSIONS)
    return found


def writer_for(path: str | Path) -> GlossaryFormat:
    """The format a file with this suffix is saved in; InputError if none."""
    suffix = _suffix(path)
    for fmt in FORMATS:
        if suffix in fmt.write_extensions:
            return fmt
    raise _unknown(path, WRITE_EXTENSIONS)


def choose(candidates: Sequence[GlossaryFormat], data: bytes) -> GlossaryFormat:
    """The first candidate that recognises `data`, else the last (the most lenient)."""
    for fmt in candidates[:-1]:
        if fmt.sniff(data):
            return fmt
    return candidates[-1]


def reader_for(path: str | Path, data: bytes) -> GlossaryFormat:
    """The format to read `data`, the bytes of the file at `path`, with."""
    return choose(readers_for(path), data)


def sniff_format(data: bytes) -> GlossaryFormat | None:
    """The format this content is in, judged by content alone; None if no format claims it."""
    return next((f for f in FORMATS if f.sniff(data)), None)


def is_glossary_path(path: str | Path) -> bool:
    """A file to treat as a glossary: a glossary suffix, and for suffixes articles use too
    (.txt) content that a glossary format recognises."""
    suffix = _suffix(path)
    formats = [f for f in FORMATS if suffix in f.extensions]
    if not formats or suffix not in ARTICLE_SUFFIXES:
        return bool(formats)
    try:
        data = read_bytes_limited(Path(path))
    except VersoError:  # unreadable or huge: not recognisably a glossary
        return False
    return any(f.sniff(data) for f in formats)


# -- file dialogs --------------------------------------------------------------------
def _patterns(suffixes: Iterable[str]) -> str:
    return " ".join(f"*{s}" for s in suffixes)


def dialog_filter(writing: bool = False) -> str:
    """A file-dialog filter (Qt's `Name (*.a *.b);;...` syntax).

    Opening: every glossary suffix, then each format, then all files. Saving: the
    formats by the suffixes they are written for, canonical TSV first (the default).
    """
    if writing:
        return ";;".join(f"{f.label} ({_patterns(f.write_extensions)})" for f in FORMATS)
    parts = [f"Glossaries ({_patterns(READ_EXTENSIONS)})"]
    parts += [f"{f.label} ({_patterns(f.extensions)})" for f in FORMATS]
    parts.append("All files (*)")
    return ";;".join(parts)


def with_write_suffix(path: str, chosen_filter: str) -> str:
    """A path typed in a save dialog, given the chosen format's suffix if it has none we write."""
    if _suffix(path) in WRITE_EXTENSIONS:
        return path
    fmt = next((f for f in FORMATS if chosen_filter.startswith(f"{f.label} (")), FORMATS[0])
    return path + fmt.write_extensions[0]
