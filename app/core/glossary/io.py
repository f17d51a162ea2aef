"""Open and save a glossary in any supported format, chosen by extension and content.

The formats and the suffixes they serve are the registry in formats.py: reading,
.tsv .txt .tab .utf8 are canonical TSV when the first line names the source and
target columns, OmegaT's glossary otherwise; .csv is CSV; .tbx and .xml are TBX.
Writing: .tsv .txt -> canonical TSV; .tab .utf8 -> OmegaT; .csv -> CSV with header;
.tbx .xml -> TBX-Basic v3.

Text files are UTF-8 with or without BOM (UTF-16/32 with a BOM are accepted too).
`load_glossary` raises GlossaryError listing every problem with its line;
`read_glossary` and `check_glossary` return the problems instead of raising.
"""

from __future__ import annotations

from pathlib import Path

from app.core.files.atomic import write_bytes_atomic
from app.core.files.limits import (
    GLOSSARY_BYTES,
    GLOSSARY_ENTRIES,
    GLOSSARY_TERM_CHARS,
    check_count,
    count_glossary_entries,
    read_regular,
)
from app.core.glossary import tsv
from app.core.glossary.decoding import decode, text_or_none
from app.core.glossary.formats import GlossaryFormat, by_name, choose, readers_for, writer_for
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.glossary.rows import GlossaryError, Parsed, Problem, has_errors

__all__ = [
    "GlossaryError",
    "Problem",
    "check_entry_count",
    "check_glossary",
    "decode",
    "dump_bytes",
    "format_for",
    "glossary_from_bytes",
    "load_glossary",
    "parse_bytes",
    "read_bytes",
    "read_glossary",
    "save_glossary",
]


def format_for(path: str | Path, writing: bool = False) -> str:
    """The format name a file is written in ('tsv', 'omegat', 'csv', 'tbx'); for reading,
    the names of the formats that read its suffix, joined by '/' ('tsv/omegat': by content).

    InputError naming the known extensions for an unknown one.
    """
    if writing:
        return writer_for(path).name
    return "/".join(f.name for f in readers_for(path))


def _named(fmt: str) -> tuple[GlossaryFormat, ...]:
    return tuple(by_name(name) for name in fmt.split("/"))


def parse_bytes(
    data: bytes, fmt: str, source_lang: str | None = None, target_lang: str | None = None
) -> Parsed:
    """Entries and problems (sorted by line) of a file's bytes in format `fmt` (a name, or
    names joined by '/' as format_for gives them: the content chooses among those)."""
    parsed = choose(_named(fmt), data).read(data, source_lang, target_lang)
    _leave_out_long_terms(parsed)
    parsed.problems.sort(key=lambda p: p.line)
    return parsed


def _leave_out_long_terms(parsed: Parsed) -> None:
    """An entry whose term or rendering is over GLOSSARY_TERM_CHARS is left out, as an
    error: a 4.5 MB "term" crashed the matcher's native code (issue 16)."""
    kept: list[GlossaryEntry] = []
    for entry in parsed.entries:
        longest = max(len(t) for t in (entry.source, *entry.targets, *entry.forbidden))
        if longest <= GLOSSARY_TERM_CHARS:
            kept.append(entry)
            continue
        parsed.problems.append(
            Problem(
                0,
                f"the entry {entry.source[:30]!r} has a term of {longest:,} characters; a "
                f"glossary term is at most {GLOSSARY_TERM_CHARS:,} (the entry is left out)",
            )
        )
    if len(kept) != len(parsed.entries):
        parsed.entries = kept


def _read_bytes(path: str | Path) -> bytes:
    data = read_regular(path, GLOSSARY_BYTES, "a glossary", missing="glossary file not found")
    check_entry_count(path, data)
    return data


def check_entry_count(path: str | Path, data: bytes) -> None:
    """InputError naming the cap when a glossary's bytes hold too many lines or entries
    to parse in bounded time and memory (counted without parsing)."""
    check_count(path, count_glossary_entries(data), GLOSSARY_ENTRIES, "lines or entries")


def read_glossary(path: str | Path) -> tuple[Glossary, list[Problem]]:
    """The entries that could be read and every problem found; raises only if unreadable."""
    return glossary_from_bytes(_read_bytes(path), path)


def read_bytes(path: str | Path) -> bytes:
    """A glossary file's bytes; InputError (with what to do) when it cannot be read."""
    return _read_bytes(path)


def glossary_from_bytes(data: bytes, path: str | Path) -> tuple[Glossary, list[Problem]]:
    """What read_glossary gives for a file holding `data` (cache.py hashes the same bytes)."""
    parsed = parse_bytes(data, format_for(path))
    glossary = Glossary(
        entries=parsed.entries,
        extra_columns=parsed.extra_columns,
        path=str(path),
        source_lang=parsed.source_lang,
        target_lang=parsed.target_lang,
    )
    return glossary, parsed.problems


def load_glossary(path: str | Path) -> Glossary:
    """The glossary, or GlossaryError listing every problem (line: what is wrong)."""
    glossary, problems = read_glossary(path)
    if has_errors(problems):
        raise GlossaryError(str(path), [p for p in problems if p.severity == "error"])
    return glossary


def check_glossary(path: str | Path) -> list[Problem]:
    """Problems of a glossary file (errors and warnings); raises InputError if unreadable."""
    return read_glossary(path)[1]


def dump_bytes(glossary: Glossary, fmt: str, like: Parsed | None = None) -> bytes:
    """The file bytes of `glossary` in the format named `fmt` (in the layout of `like`,
    the file as it was read, when given); InputError for a value no file can hold."""
    return by_name(fmt).write(list(glossary.entries), glossary, like)


def layout_of_bytes(data: bytes | None) -> Parsed | None:
    """The layout of a canonical TSV file's bytes (header, comment lines: a save keeps
    them); None when the bytes are not canonical TSV."""
    if not data:
        return None
    text = text_or_none(data)
    if text is None or not tsv.has_header(text):
        return None
    return tsv.scan(text)


def _layout_of(path: str | Path) -> Parsed | None:
    """The header and comments of the canonical TSV file a save replaces (kept)."""
    try:
        return layout_of_bytes(Path(path).read_bytes())
    except OSError:
        return None


def save_glossary(glossary: Glossary, path: str | Path) -> None:
    """Write through a temporary file and rename, so a crash leaves the old or new file.
    A canonical TSV file being replaced keeps its column layout (diff-friendly)."""
    fmt = format_for(path, writing=True)
    like = _layout_of(path) if fmt == "tsv" else None
    write_bytes_atomic(path, dump_bytes(glossary, fmt, like))
