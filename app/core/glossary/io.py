"""Open and save a glossary in any supported format, chosen by extension and content.

Reading: .tsv .txt .tab .utf8 are canonical TSV when the first line names the source
and target columns, OmegaT's glossary otherwise; .csv is CSV (with a header: canonical
columns; without: OmegaT's); .tbx and .xml are TBX (v2 martif or v3 tbx).
Writing: .tsv .txt -> canonical TSV; .tab .utf8 -> OmegaT; .csv -> CSV with header;
.tbx .xml -> TBX-Basic v3.

Text files are UTF-8 with or without BOM (UTF-16/32 with a BOM are accepted too).
`load_glossary` raises GlossaryError listing every problem with its line;
`read_glossary` and `check_glossary` return the problems instead of raising.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from app.core.files.atomic import write_bytes_atomic
from app.core.glossary import csv_format, omegat, tsv
from app.core.glossary.model import Glossary
from app.core.glossary.rows import GlossaryError, Parsed, Problem, has_errors
from app.core.model.errors import InputError

__all__ = [
    "GlossaryError",
    "Problem",
    "check_glossary",
    "dump_bytes",
    "format_for",
    "glossary_from_bytes",
    "load_glossary",
    "parse_bytes",
    "read_bytes",
    "read_glossary",
    "save_glossary",
]

_READ_FORMATS = {
    ".tsv": "tab", ".txt": "tab", ".tab": "tab", ".utf8": "tab",
    ".csv": "csv", ".tbx": "tbx", ".xml": "tbx",
}  # fmt: skip
_WRITE_FORMATS = {
    ".tsv": "tsv", ".txt": "tsv", ".tab": "omegat", ".utf8": "omegat",
    ".csv": "csv", ".tbx": "tbx", ".xml": "tbx",
}  # fmt: skip
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def format_for(path: str | Path, writing: bool = False) -> str:
    """'tab' (TSV or OmegaT, by content), 'tsv', 'omegat', 'csv' or 'tbx' for a file name."""
    suffix = Path(path).suffix.casefold()
    table = _WRITE_FORMATS if writing else _READ_FORMATS
    if suffix not in table:
        known = ", ".join(sorted(table))
        raise InputError(path, f"unknown glossary format '{suffix or '(none)'}'; use {known}")
    return table[suffix]


def decode(data: bytes) -> tuple[str | None, list[Problem]]:
    """Text of a glossary file, or None and a problem naming the line with the bad bytes."""
    encoding = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding = name
            break
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        guess = ""
        try:
            from charset_normalizer import from_bytes

            best = from_bytes(data[:65536]).best()
            if best is not None and best.encoding not in ("utf_8", "ascii"):
                guess = f" (it looks like {best.encoding})"
        except Exception:  # the guess only decorates the message
            guess = ""
        msg = f"not valid {encoding.upper()}{guess}; save the file as UTF-8 and reload"
        return None, [Problem(line, msg)]


def parse_bytes(
    data: bytes, fmt: str, source_lang: str | None = None, target_lang: str | None = None
) -> Parsed:
    """Entries and problems (sorted by line) of a file's bytes in format `fmt`."""
    parsed = _parse(data, fmt, source_lang, target_lang)
    parsed.problems.sort(key=lambda p: p.line)
    return parsed


def _parse(data: bytes, fmt: str, source_lang: str | None, target_lang: str | None) -> Parsed:
    if fmt == "tbx":
        from app.core.glossary import tbx  # lxml: loaded only for TBX files

        return tbx.parse(data, source_lang, target_lang)
    text, problems = decode(data)
    if text is None:
        return Parsed([], [], problems)
    if fmt == "csv":
        return csv_format.parse(text)
    if fmt == "omegat":
        return omegat.parse(text)
    if fmt == "tsv" or tsv.has_header(text):
        return tsv.parse(text)
    return omegat.parse(text)


def _read_bytes(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(path, "glossary file not found") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a glossary file") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None


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


def dump_bytes(glossary: Glossary, fmt: str) -> bytes:
    entries = list(glossary.entries)
    if fmt == "tbx":
        from app.core.glossary import tbx

        return tbx.dump(entries, glossary.source_lang, glossary.target_lang)
    if fmt == "csv":
        return csv_format.dump(entries, glossary.extra_columns).encode("utf-8")
    if fmt == "omegat":
        return omegat.dump(entries).encode("utf-8")
    return tsv.dump(entries, glossary.extra_columns).encode("utf-8")


def save_glossary(glossary: Glossary, path: str | Path) -> None:
    """Write through a temporary file and rename, so a crash leaves the old or new file."""
    write_bytes_atomic(path, dump_bytes(glossary, format_for(path, writing=True)))
