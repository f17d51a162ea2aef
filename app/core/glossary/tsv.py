"""The canonical glossary file: UTF-8, tab-separated, a header line naming the columns.

Columns: source, target, note, forbidden, optional case (yes/no), then any extra columns
(author, updated, ...) which are kept, in order, when the file is saved; columns are read
by name, in any order. `|` separates alternatives in target and forbidden. Blank lines
and lines starting with `#` are skipped, except the header, which a new file writes as
`# source<TAB>target<TAB>note...`: OmegaT skips `#` lines and shows the third column as
its comment, so the team file opens in OmegaT as it is. Files with a plain header (and the
older source, target, forbidden, note order) are read, and re-saved in their own layout.
A save writes no trailing empty cells, so an untouched line stays byte-identical.
A tab or line break inside a value cannot be written: it is replaced by a space (rows.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.glossary.model import CORE_COLUMNS, GlossaryEntry
from app.core.glossary.rows import (
    Parsed,
    Problem,
    dedupe,
    entry_from_cells,
    has_unusual,
    header_columns,
    looks_like_header,
    scrub_line,
    split_alternatives,
    split_records,
)
from app.core.glossary.rows_write import columns_for, entry_to_cells

# A new file's columns: note third, where OmegaT looks for its comment.
NEW_ORDER = ("source", "target", "note", "forbidden")
assert set(NEW_ORDER) == set(CORE_COLUMNS)


def _is_comment_header(raw: str) -> bool:
    return raw.startswith("#") and looks_like_header(raw.split("\t"))


def first_row(text: str) -> list[str] | None:
    """Cells of the first meaningful line, a `# source<TAB>target` header included
    (to tell canonical TSV from OmegaT)."""
    for raw in split_records(text[:65536]) if len(text) > 65536 else split_records(text):
        if raw.strip() and (not raw.startswith("#") or _is_comment_header(raw)):
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
    problems: list[Problem] = []
    scrub = has_unusual(text)
    commented = False
    for number, raw in enumerate(split_records(text), start=1):
        if not raw.strip():
            continue
        if raw.startswith("#"):
            if rows or not _is_comment_header(raw):
                continue
            commented = True
        if scrub:
            tidy = scrub_line(raw, number, problems)
            if tidy is None:
                continue
            raw = tidy
        rows.append((number, raw.split("\t")))
    parsed = parse_rows(rows, single_line=True)
    parsed.problems[:0] = problems
    header_problems: list[Problem] = []
    names = header_columns(rows[0][1], rows[0][0], header_problems) if rows else []
    if names and not header_problems:
        parsed.columns, parsed.commented_header = names, commented
        parsed.comments = scan(text).comments if "\n#" in text or text.startswith("#") else {}
    return parsed


END = "\x00end"


def scan(text: str) -> Parsed:
    """The layout of a canonical TSV without reading its entries: header columns, header
    style and the comment lines with the entry each precedes (what a save keeps)."""
    comments: dict[str, list[str]] = {}
    pending: list[str] = []
    names: list[str] | None = None
    commented = False
    source = 0
    for raw in split_records(text):
        if not raw.strip():
            continue
        if names is None:
            if raw.startswith("#") and not _is_comment_header(raw):
                pending.append(raw)
                continue
            cells = raw.split("\t")
            if not looks_like_header(cells):
                return Parsed([], [], [])
            names = header_columns(cells, 0, [])
            commented = raw.startswith("#")
            source = names.index("source")
            if pending:
                comments[""], pending = pending, []
            continue
        if raw.startswith("#"):
            pending.append(raw)
        elif pending:
            cells = raw.split("\t")
            cell = cells[source] if source < len(cells) else ""
            key = " ".join(cell.replace("\ufeff", "").split()).casefold()
            comments.setdefault(key, []).extend(pending)
            pending = []
    if pending:
        comments[END] = pending
    parsed = Parsed([], [], [])
    parsed.columns, parsed.commented_header, parsed.comments = names, commented, comments
    return parsed


def layout(
    entries: Sequence[GlossaryEntry],
    extra_columns: Sequence[str],
    like: Parsed | None = None,
) -> tuple[list[str], bool]:
    """Columns to write and whether the header is a `#` line: the layout of the file
    being re-saved (`like`), grown by any new columns; a new file's layout otherwise."""
    wanted = columns_for(entries, extra_columns)
    if like is not None and like.columns:
        columns = [c for c in like.columns if c]
        columns += [c for c in wanted if c not in columns]
        return columns, like.commented_header
    order = [c for c in NEW_ORDER if c in wanted]
    return order + [c for c in wanted if c not in order], True


def table(
    entries: Sequence[GlossaryEntry],
    extra_columns: Sequence[str],
    columns: Sequence[str] | None = None,
) -> list[list[str]]:
    """Header plus one row per entry: what TSV and CSV both write."""
    names = list(columns) if columns is not None else columns_for(entries, extra_columns)
    out = [names]
    for entry in entries:
        cells = entry_to_cells(entry)
        out.append([cells.get(c, "") for c in names])
    return out


def dump(
    entries: Sequence[GlossaryEntry], extra_columns: Sequence[str], like: Parsed | None = None
) -> str:
    columns, commented = layout(entries, extra_columns, like)
    rows = table(entries, extra_columns, columns)
    header = "\t".join(rows[0])
    comments = dict(like.comments or {}) if like is not None else {}
    lines = list(comments.pop("", []))  # a copy: `like` is remembered by the store
    lines.append(f"# {header}" if commented else header)
    for entry, row in zip(entries, rows[1:], strict=True):
        if comments:
            lines.extend(comments.pop(entry.key, []))
        while row and not row[-1]:  # no trailing empty cells: untouched lines stay as they were
            row.pop()
        line = "\t".join(row)
        lines.append(" " + line if line.startswith("#") else line)  # not a comment: cells are
    trailer = comments.pop(END, [])
    for kept in comments.values():  # comments of entries deleted since: kept, at the end
        lines.extend(kept)
    lines.extend(trailer)
    return "\n".join(lines) + "\n"  # stripped when read, so the space changes nothing

