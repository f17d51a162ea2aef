"""Glossary entries as plain immutable data, independent of any file format."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

# Columns every canonical TSV has, in this order; other columns are kept as extras.
CORE_COLUMNS = ("source", "target", "forbidden", "note")


@dataclass(frozen=True)
class GlossaryEntry:
    """A source term, its approved renderings (preferred first) and rejected ones.

    `case_sensitive` None means: case-sensitive when the term has a capital letter.
    `extra` keeps columns Verso does not interpret (author, updated, ...), in order.
    """

    source: str
    targets: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    note: str = ""
    case_sensitive: bool | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())

    @property
    def target(self) -> str:
        return self.targets[0] if self.targets else ""

    @property
    def key(self) -> str:
        """Identity of an entry for merging: its source term, case-folded."""
        return " ".join(self.source.split()).casefold()

    def matches_case(self, term: str) -> bool:
        if self.case_sensitive is not None:
            return self.case_sensitive
        return any(ch.isupper() for ch in term)

    def get_extra(self, name: str, default: str = "") -> str:
        for key, value in self.extra:
            if key == name:
                return value
        return default

    def with_extra(self, name: str, value: str) -> GlossaryEntry:
        items = [(k, v) for k, v in self.extra if k != name]
        items.append((name, value))
        return replace(self, extra=tuple(items))


@dataclass
class Glossary:
    """An ordered list of entries plus the column layout to write them back with."""

    entries: list[GlossaryEntry] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)
    path: str | None = None
    # Languages a bilingual format (TBX) names; None when the file does not say.
    source_lang: str | None = None
    target_lang: str | None = None

    def __iter__(self) -> Iterator[GlossaryEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, source: str) -> GlossaryEntry | None:
        key = " ".join(source.split()).casefold()
        for entry in self.entries:
            if entry.key == key:
                return entry
        return None

