"""Entries as every glossary format writes them: normalised, checked, as named cells.

Kept apart from app.core.glossary.rows, which reads rows into entries (and holds the
cell rules both sides share: alternatives, the `case` column, clean): a save goes
through normal_entry / writable here, so what a format writes reads back as the same
entry, and a value no file can hold is refused, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from app.core.glossary.model import CORE_COLUMNS, GlossaryEntry
from app.core.glossary.rows import (
    ALT_SEP,
    CASE_COLUMN,
    KNOWN_COLUMNS,
    UnwritableValue,
    alternative,
    case_to_text,
    clean,
)
from app.core.model.errors import InputError


def shown(text: str, limit: int = 40) -> str:
    """Text safe to quote in a one-line message: unprintable characters as \\uXXXX."""
    out = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text[:limit])
    return out + ("..." if len(text) > limit else "")


def _field(entry: GlossaryEntry, name: str, value: str, alt: bool = False) -> str:
    try:
        return alternative(value) if alt else clean(value)
    except UnwritableValue as exc:
        raise UnwritableValue(exc.char, f"the {name} of '{shown(entry.source)}'") from None


_BAD_IN_VALUE = re.compile(
    "[\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff|]"
)


def _already_normal(entry: GlossaryEntry) -> bool:
    """Cheap test for the usual entry, which normal_entry() would return unchanged
    (a save of 100,000 entries must not pay for rebuilding each one)."""
    alts = (*entry.targets, *entry.forbidden)
    if _BAD_IN_VALUE.search("".join(alts)) or len(set(alts)) != len(alts):
        return False
    source, note = entry.source, entry.note
    if not source or "  " in source or _BAD_IN_VALUE.search(source) or _BAD_IN_VALUE.search(note):
        return False
    for value in (source, *alts):
        if not value or value[0].isspace() or value[-1].isspace():
            return False
    if note and (note[0].isspace() or note[-1].isspace()):
        return False
    if not (source.isprintable() or source == " ".join(source.split())):
        return False
    names = set()
    for name, value in entry.extra:
        if (not value or value[0].isspace() or value[-1].isspace() or name in names
                or name in KNOWN_COLUMNS or not name.isprintable() or "  " in name
                or name != name.strip().casefold() or _BAD_IN_VALUE.search(value)):  # fmt: skip
            return False
        names.add(name)
    return True


def normal_entry(entry: GlossaryEntry) -> GlossaryEntry:
    """The entry exactly as every format writes and reads it back (spaces for line breaks,
    whitespace of the source collapsed, empty and repeated renderings dropped, a rendering
    both approved and rejected kept approved); UnwritableValue for a control character."""
    if _already_normal(entry):
        return entry
    targets = tuple(dict.fromkeys(
        a for t in entry.targets if (a := _field(entry, "target", t, alt=True))
    ))  # fmt: skip
    forbidden = tuple(dict.fromkeys(
        a for t in entry.forbidden
        if (a := _field(entry, "forbidden rendering", t, alt=True)) and a not in targets
    ))  # fmt: skip
    extra: dict[str, str] = {}
    for name, value in entry.extra:
        key = " ".join(_field(entry, "column name", name).split()).casefold()
        text = _field(entry, key or "extra column", value)
        if key and text and key not in KNOWN_COLUMNS:
            extra.setdefault(key, text)
    return GlossaryEntry(
        " ".join(_field(entry, "source", entry.source).split()),
        targets, forbidden, _field(entry, "note", entry.note), entry.case_sensitive,
        tuple(extra.items()),
    )  # fmt: skip


def writable(entry: GlossaryEntry) -> GlossaryEntry:
    """normal_entry(), refusing (InputError) an entry left without source or target."""
    entry = normal_entry(entry)
    if not entry.source or not entry.targets:
        what = "source term" if not entry.source else f"target of '{shown(entry.source)}'"
        raise InputError(None, f"the {what} is empty; nothing was written")
    return entry


def entry_to_cells(entry: GlossaryEntry) -> dict[str, str]:
    """Named cells of a normalised entry (normal_entry) as every format writes them."""
    entry = writable(entry)
    cells = {
        "source": entry.source,
        "target": ALT_SEP.join(entry.targets),
        "forbidden": ALT_SEP.join(entry.forbidden),
        "note": entry.note,
        CASE_COLUMN: case_to_text(entry.case_sensitive),
    }
    for name, value in entry.extra:
        cells[name] = value
    return cells


def columns_for(entries: Iterable[GlossaryEntry], extra_columns: Sequence[str]) -> list[str]:
    """Header to write: core columns, `case` only when an entry sets it, then extras."""
    entries = list(entries)
    columns = list(CORE_COLUMNS)
    if any(e.case_sensitive is not None for e in entries):
        columns.append(CASE_COLUMN)
    extras: list[str] = []
    names = [*extra_columns, *(name for entry in entries for name, _ in entry.extra)]
    for name in names:
        key = " ".join(clean(name).split()).casefold()
        if key and key not in extras and key not in KNOWN_COLUMNS:
            extras.append(key)
    return columns + extras
