"""The canonical glossary file: UTF-8, tab-separated, a header line naming the columns.

Columns: source, target, forbidden, note, optional case (yes/no), then any extra columns
(author, updated, ...) which are kept, in order, when the file is saved. `|` separates
alternatives in target and forbidden. Blank lines and lines starting with `#` are skipped.
A tab or line break inside a value cannot be written: it is replaced by a space.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.glossary.model import GlossaryEntry
from app.core.glossary.rows import (
    Parsed,
    Problem,
    clean,
    columns_for,
    dedupe,
    entry_from_cells,
    entry_to_cells,
    header_columns,
    looks_like_header,
    split_alternatives,
)


def _lines(text: str) -> list[str]:
    return text.lstrip("\ufeff").splitlines()


def first_row(text: str) -> list[str] | None:
    """Cells of the first meaningful line (to tell canonical TSV from OmegaT)."""
    for raw in _lines(text):
        if raw.strip() and not raw.startswith("#"):
            return raw.split("\t")
    return None


def has_header(text: str) -> bool:
    row = first_row(text)
    return row is not None and looks_like_header(row)


def parse_rows(rows: Sequence[tuple[int, Sequence[str]]], single_line: bool = False) -> Parsed:
    """Rows of cells with their line numbers, the first being the header.

    single_line: cells come from tab-split lines, so they hold no tab or line break.
    """
    problems: list[Problem] = []
    if not rows:
        return Parsed([], [], [Problem(0, "the file is empty: expected a header line")])
    header_line, header = rows[0]
    names = header_columns(header, header_line, problems)
    if problems:
        return Parsed([], [], problems)
    width = len(names)
    found: list[tuple[int, GlossaryEntry]] = []
    fast = _FastRow(names) if single_line else None
    for line, cells in rows[1:]:
        if fast is not None and len(cells) <= width:
            quick = fast.entry(cells)
            if quick is not None:
                found.append((line, quick))
                continue
        if len(cells) > width:
            if any(c.strip() for c in cells[width:]):
                problems.append(
                    Problem(line, f"{len(cells)} columns but the header names {width}")
                )
                continue
            cells = cells[:width]
        entry = entry_from_cells(
            dict(zip(names, cells, strict=False)), line, problems, single_line
        )
        if entry is not None:
            found.append((line, entry))
    extras = [n for n in names if n not in ("source", "target", "forbidden", "note", "case")]
    return Parsed(dedupe(found, problems), extras, problems)


class _FastRow:
    """The common row (source and target present, no case cell) without per-cell calls.

    Anything unusual returns None and goes through entry_from_cells, which reports it.
    """

    def __init__(self, names: Sequence[str]) -> None:
        index = {n: i for i, n in enumerate(names)}
        self.source, self.target = index["source"], index["target"]
        self.forbidden, self.note = index.get("forbidden", -1), index.get("note", -1)
        self.case = index.get("case", -1)
        core = ("source", "target", "forbidden", "note", "case")
        self.extras = [(i, n) for i, n in enumerate(names) if n not in core]

    def entry(self, cells: Sequence[str]) -> GlossaryEntry | None:
        n = len(cells)
        if max(self.source, self.target) >= n or (0 <= self.case < n and cells[self.case].strip()):
            return None
        source = " ".join(cells[self.source].split())
        target = cells[self.target].strip()
        if not source or not target:
            return None
        forbidden = cells[self.forbidden].strip() if 0 <= self.forbidden < n else ""
        return GlossaryEntry(
            source,
            (target,) if "|" not in target else split_alternatives(target),
            () if not forbidden else split_alternatives(forbidden),
            cells[self.note].strip() if 0 <= self.note < n else "",
            None,
            tuple((name, v) for i, name in self.extras if i < n and (v := cells[i].strip())),
        )


def parse(text: str) -> Parsed:
    rows: list[tuple[int, Sequence[str]]] = []
    for number, raw in enumerate(_lines(text), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        rows.append((number, raw.split("\t")))
    return parse_rows(rows, single_line=True)


def table(entries: Sequence[GlossaryEntry], extra_columns: Sequence[str]) -> list[list[str]]:
    """Header plus one row per entry: what TSV and CSV both write."""
    columns = columns_for(entries, extra_columns)
    out = [columns]
    for entry in entries:
        cells = entry_to_cells(entry)
        out.append([cells.get(c, "") for c in columns])
    return out


def dump(entries: Sequence[GlossaryEntry], extra_columns: Sequence[str]) -> str:
    return "".join(
        "\t".join(clean(c) for c in row) + "\n" for row in table(entries, extra_columns)
    )
