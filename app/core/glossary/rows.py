"""What every glossary format shares: problems with line numbers, cells <-> entries, duplicates.

A format module turns its file into rows (column name -> cell text, plus the line the
row came from); this module turns rows into entries and reports what is wrong, so the
rules (alternatives separated by `|`, the `case` column, duplicate keys) are the same
for TSV, CSV, OmegaT and TBX.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from app.core.glossary.model import CORE_COLUMNS, GlossaryEntry
from app.core.model.errors import InputError

ALT_SEP = "|"
CASE_COLUMN = "case"
KNOWN_COLUMNS = (*CORE_COLUMNS, CASE_COLUMN)
_CASE_VALUES = {
    "yes": True, "y": True, "true": True, "1": True,
    "no": False, "n": False, "false": False, "0": False, "": None,
}  # fmt: skip


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a glossary file; line 0 means the file as a whole."""

    line: int
    message: str
    severity: str = "error"  # "error" blocks loading; "warning" is only reported

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "file"
        tag = "" if self.severity == "error" else f" ({self.severity})"
        return f"{where}: {self.message}{tag}"


SHOWN_PROBLEMS = 10  # problems quoted in a GlossaryError message; all stay in .problems


class GlossaryError(InputError):
    """A glossary file that cannot be used as it is; lists every problem with its line."""

    def __init__(self, path: str | None, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        lines = [f"{len(self.problems)} problem(s) in the glossary; fix them and reload:"]
        lines.extend(f"  {p}" for p in self.problems[:SHOWN_PROBLEMS])
        if len(self.problems) > SHOWN_PROBLEMS:  # 50 000 duplicates must not flood a dialog
            more = len(self.problems) - SHOWN_PROBLEMS
            lines.append(f"  ... and {more} more (`python -m app glossary check FILE` lists all)")
        super().__init__(path, "\n".join(lines))


def clean(value: str) -> str:
    """A cell as it is written: tabs and line breaks become spaces (one entry = one line)."""
    if "\t" in value or "\n" in value or "\r" in value:
        value = value.replace("\r\n", " ").replace("\t", " ").replace("\n", " ")
        value = value.replace("\r", " ")
    return value.strip()


def _strip(value: str) -> str:
    return value.strip()


def split_alternatives(cell: str) -> tuple[str, ...]:
    if ALT_SEP not in cell:  # the common case, kept fast for 100,000-entry files
        cell = cell.strip()
        return (cell,) if cell else ()
    seen: dict[str, None] = {}
    for part in cell.split(ALT_SEP):
        part = part.strip()
        if part:
            seen.setdefault(part, None)
    return tuple(seen)


def join_alternatives(values: Iterable[str]) -> str:
    return ALT_SEP.join(clean(v).replace(ALT_SEP, " ") for v in values)


def case_to_text(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def parse_case(cell: str) -> bool | None:
    """Raises ValueError for anything but yes/no (and their usual spellings)."""
    try:
        return _CASE_VALUES[cell.strip().casefold()]
    except KeyError:
        raise ValueError(cell) from None


def entry_from_cells(
    cells: dict[str, str], line: int, problems: list[Problem], single_line: bool = False
) -> GlossaryEntry | None:
    """An entry from named cells, or None (with the reason appended to problems).

    single_line: the cells cannot hold tabs or line breaks (TSV), so need no cleaning.
    """
    tidy = _strip if single_line else clean
    source = " ".join(cells.get("source", "").split())
    targets = split_alternatives(tidy(cells.get("target", "")))
    if not source and not targets:
        problems.append(Problem(line, "empty source and target"))
        return None
    if not source:
        problems.append(Problem(line, "empty source term (first column)"))
        return None
    if not targets:
        problems.append(Problem(line, f"'{source}' has no target rendering"))
        return None
    case: bool | None = None
    case_cell = cells.get(CASE_COLUMN, "")
    if case_cell:
        try:
            case = parse_case(case_cell)
        except ValueError as exc:
            problems.append(Problem(line, f"case column must be yes or no, not '{exc}'"))
    extra = tuple(
        (name, tidy(value))
        for name, value in cells.items()
        if name not in KNOWN_COLUMNS and value and not value.isspace()
    )
    return GlossaryEntry(
        source=source,
        targets=targets,
        forbidden=split_alternatives(tidy(cells.get("forbidden", ""))),
        note=tidy(cells.get("note", "")),
        case_sensitive=case,
        extra=extra,
    )


def entry_to_cells(entry: GlossaryEntry) -> dict[str, str]:
    cells = {
        "source": clean(entry.source),
        "target": join_alternatives(entry.targets),
        "forbidden": join_alternatives(entry.forbidden),
        "note": clean(entry.note),
        CASE_COLUMN: case_to_text(entry.case_sensitive),
    }
    for name, value in entry.extra:
        cells[name] = clean(value)
    return cells


def columns_for(entries: Iterable[GlossaryEntry], extra_columns: Sequence[str]) -> list[str]:
    """Header to write: core columns, `case` only when an entry sets it, then extras."""
    entries = list(entries)
    columns = list(CORE_COLUMNS)
    if any(e.case_sensitive is not None for e in entries):
        columns.append(CASE_COLUMN)
    extras = [c for c in extra_columns if c not in KNOWN_COLUMNS]
    for entry in entries:
        for name, _ in entry.extra:
            if name not in extras and name not in KNOWN_COLUMNS:
                extras.append(name)
    return columns + extras


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return a + tuple(x for x in b if x not in a)


def dedupe(
    rows: Iterable[tuple[int, GlossaryEntry]], problems: list[Problem]
) -> list[GlossaryEntry]:
    """One entry per key: identical repeats merge silently, a different target is an error."""
    by_key: dict[str, int] = {}
    first_line: dict[str, int] = {}
    out: list[GlossaryEntry] = []
    for line, entry in rows:
        key = " ".join(entry.source.split()).casefold()  # entry.key, without the call
        if key not in by_key:
            by_key[key] = len(out)
            first_line[key] = line
            out.append(entry)
            continue
        kept = out[by_key[key]]
        if set(kept.targets) != set(entry.targets):
            problems.append(
                Problem(
                    line,
                    f"'{entry.source}' is already on line {first_line[key]} with a different "
                    f"target ({kept.target} vs {entry.target}); keep one line for it",
                )
            )
            continue
        note = kept.note
        if entry.note and entry.note not in note:
            note = f"{note}; {entry.note}" if note else entry.note
        extra = kept.extra + tuple(
            (k, v) for k, v in entry.extra if k not in {name for name, _ in kept.extra}
        )
        case = kept.case_sensitive if kept.case_sensitive is not None else entry.case_sensitive
        out[by_key[key]] = replace(
            kept,
            forbidden=_union(kept.forbidden, entry.forbidden),
            note=note,
            extra=extra,
            case_sensitive=case,
        )
    return out


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


@dataclass
class Parsed:
    """What a format reader found: entries in file order, extra columns, problems."""

    entries: list[GlossaryEntry]
    extra_columns: list[str]
    problems: list[Problem]
    source_lang: str | None = None
    target_lang: str | None = None


def header_columns(cells: Sequence[str], line: int, problems: list[Problem]) -> list[str]:
    """Column names of a header row, lower-cased; reports missing or repeated ones."""
    names = [c.strip().lstrip("\ufeff").strip().casefold() for c in cells]
    for required in ("source", "target"):
        if required not in names:
            problems.append(
                Problem(line, f"the header has no '{required}' column (found: {', '.join(names)})")
            )
    seen: set[str] = set()
    for name in names:
        if name in seen and name:
            problems.append(Problem(line, f"column '{name}' appears twice in the header"))
        seen.add(name)
    return names


def looks_like_header(cells: Sequence[str]) -> bool:
    names = {c.strip().lstrip("\ufeff").strip().casefold() for c in cells}
    return "source" in names and "target" in names
