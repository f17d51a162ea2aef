"""What every glossary format shares: problems with line numbers, cells -> entries, duplicates.

A format module turns its file into rows (column name -> cell text, plus the line the
row came from); this module turns rows into entries and reports what is wrong, so the
rules (alternatives separated by `|`, the `case` column, duplicate keys) are the same
for TSV, CSV, OmegaT and TBX. The way back (an entry normalised and written as cells,
the header to write) is app.core.glossary.rows_write.
"""

from __future__ import annotations

import re
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


# What a glossary value may hold. A file keeps one entry a line, and str.splitlines()
# (what spreadsheets and editors split on) breaks lines at \v \f \x1c-\x1e \x85 U+2028
# U+2029 as well as at \n and \r: all of these, and tab, are written as a space, and
# readers split records at \n and \r only. Other control characters and lone
# surrogates cannot be written at all (XML refuses them, editors show garbage): the
# value is refused with a message. U+FEFF (a byte order mark pasted mid-text) is dropped.
LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_TO_SPACE = str.maketrans({**{c: " " for c in "\t\n\r" + LINE_BREAKS}, "\ufeff": None})
UNWRITABLE = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")
_UNUSUAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")


def char_name(ch: str) -> str:
    return f"U+{ord(ch):04X}"


class UnwritableValue(InputError):
    """A value holding a character no glossary file can hold (a control, a lone surrogate)."""

    def __init__(self, ch: str, where: str = "a value") -> None:
        self.char = ch
        super().__init__(
            None,
            f"{where} holds the control character {char_name(ch)}, which no glossary file "
            "can hold; nothing was written: remove it and save again",
        )


def clean(value: str) -> str:
    """A cell as it is written: tab and line breaks become spaces (one entry = one line);
    UnwritableValue for a control character or a lone surrogate."""
    if "\t" in value or "\n" in value or "\r" in value or _UNUSUAL.search(value):
        bad = UNWRITABLE.search(value)
        if bad is not None:
            raise UnwritableValue(bad.group())
        value = value.replace("\r\n", "\n").translate(_TO_SPACE)  # CRLF is one break
    return value.strip()


def has_unusual(text: str) -> bool:
    """Does the text hold anything scrub_line must look at? (one scan of a whole file)"""
    return _UNUSUAL.search(text) is not None


def scrub_line(raw: str, line: int, problems: list[Problem]) -> str | None:
    """A record as readers use it: breaks other than \n and \r become spaces, U+FEFF goes;
    None (with a problem) for a line holding a control character."""
    bad = UNWRITABLE.search(raw)
    if bad is not None:
        problems.append(Problem(line, f"control character {char_name(bad.group())} in this "
                                      "line; remove it (line skipped)"))  # fmt: skip
        return None
    return raw.translate(_TO_SPACE_KEEP_TAB)


_TO_SPACE_KEEP_TAB = str.maketrans({**{c: " " for c in LINE_BREAKS}, "\ufeff": None})


def split_records(text: str) -> list[str]:
    """Lines at \n, \r\n and \r only (never str.splitlines(), which also breaks at U+2028,
    \x1e, \f ...); a final newline makes no extra empty record."""
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


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


def alternative(value: str) -> str:
    """One rendering as it is written among others: `|` inside it becomes a space."""
    value = clean(value)
    return value.replace(ALT_SEP, " ").strip() if ALT_SEP in value else value


def join_alternatives(values: Iterable[str]) -> str:
    return ALT_SEP.join(alternative(v) for v in values)


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
    if not single_line:
        for name, value in cells.items():
            bad = UNWRITABLE.search(value)
            if bad is not None:
                problems.append(Problem(line, f"control character {char_name(bad.group())} "
                                              f"in the {name} column; remove it"))  # fmt: skip
                return None
    source = " ".join(tidy(cells.get("source", "")).split())
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
    # The header as the file wrote it (canonical TSV): a save keeps this column order
    # and style, so unchanged lines stay byte-identical in version control.
    columns: list[str] | None = None
    commented_header: bool = False
    # `#` comment lines of a canonical TSV, by the key of the entry they precede
    # ("" for those before the header, "\x00end" for those after the last entry).
    comments: dict[str, list[str]] | None = None


def header_name(cell: str) -> str:
    """A header cell as a column name: `# source` (a header OmegaT skips) is `source`."""
    return cell.strip().lstrip("\ufeff").strip().lstrip("#").strip().casefold()


def header_columns(cells: Sequence[str], line: int, problems: list[Problem]) -> list[str]:
    """Column names of a header row, lower-cased; reports missing or repeated ones."""
    names = [header_name(c) for c in cells]
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
    names = {header_name(c) for c in cells}
    return "source" in names and "target" in names
