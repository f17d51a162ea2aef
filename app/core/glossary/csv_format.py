"""Glossaries as spreadsheets export them: CSV with the canonical column names.

Reads UTF-8 with or without BOM, comma, semicolon or tab delimited (sniffed), quoted
fields. A CSV without a source/target header is read like OmegaT's glossary
(source, target, comment). Writes UTF-8 with a BOM (so spreadsheets detect the
encoding), comma-delimited, CRLF line ends, quoting only where needed.

A cell a spreadsheet would run as a formula (beginning with = + - @, tab or CR) is
written behind an apostrophe, as the QA report's CSV does: '=HYPERLINK(...) shows as text.
The reader takes one apostrophe off such a cell, and a value that itself begins with
apostrophes before one of those characters gets one more, so the guard is lossless.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from app.core.glossary import omegat, tsv
from app.core.glossary.model import GlossaryEntry
from app.core.glossary.rows import Parsed, Problem, looks_like_header, split_records

_DELIMITERS = ",;\t"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard(cell: str) -> str:
    """The cell as written: behind an apostrophe when a spreadsheet would run it."""
    return "'" + cell if cell.lstrip("'")[:1] in _FORMULA_START and cell[:1] else cell


def unguard(cell: str) -> str:
    """guard() undone: one apostrophe off a guarded cell."""
    return cell[1:] if cell[:1] == "'" and cell.lstrip("'")[:1] in _FORMULA_START else cell


def sniff_delimiter(text: str) -> str:
    """The delimiter of the first lines; comma when they do not tell."""
    sample = "\n".join(split_records(text[:65536])[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        first = sample.split("\n", 1)[0]
        counts = {d: first.count(d) for d in _DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def parse(text: str) -> Parsed:
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    rows: list[tuple[int, Sequence[str]]] = []
    start = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                rows.append((start, [unguard(c) for c in cells]))
            start = reader.line_num + 1
    except csv.Error as exc:
        problem = Problem(start, f"not valid CSV ({exc}); check the quotes on this line")
        return Parsed([], [], [problem])
    if rows and looks_like_header(rows[0][1]):
        return tsv.parse_rows(rows)
    return omegat.parse_rows(rows)


def dump(entries: Sequence[GlossaryEntry], extra_columns: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows([guard(c) for c in row] for row in tsv.table(entries, extra_columns))
    return "\ufeff" + out.getvalue()
