"""Three-way merge of glossary entries keyed by entry.key.

base: what this editor read; mine: their edited copy; theirs: what is on disk now.
- a key changed (or added, or deleted) on one side only takes that side's version;
- both sides made the same change: taken once (differences in extra columns such as
  author/updated alone do not make a conflict; theirs is kept);
- both changed it differently (including: one deleted, the other edited; both added
  the same source with different content) -> a Conflict; the merged list keeps
  theirs' version (or mine if theirs deleted it) until the caller resolves it,
  so nothing is ever dropped silently.
Order: theirs' order, then entries only mine has, in mine's order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from app.core.glossary.model import GlossaryEntry


class Choice(Enum):
    MINE = "mine"
    THEIRS = "theirs"


@dataclass(frozen=True)
class Conflict:
    """One entry both sides changed differently; None means that side deleted it."""

    key: str
    base: GlossaryEntry | None
    mine: GlossaryEntry | None
    theirs: GlossaryEntry | None

    def chosen(self, choice: Choice | GlossaryEntry | None) -> GlossaryEntry | None:
        """The entry to keep for a choice: mine, theirs, or an edited entry (None = delete)."""
        if choice is Choice.MINE:
            return self.mine
        if choice is Choice.THEIRS:
            return self.theirs
        return choice if isinstance(choice, GlossaryEntry) or choice is None else None


@dataclass
class MergeResult:
    entries: list[GlossaryEntry]
    conflicts: list[Conflict] = field(default_factory=list)


def same_content(a: GlossaryEntry | None, b: GlossaryEntry | None) -> bool:
    """Equal as far as checking is concerned: extras (author, updated) ignored."""
    if a is None or b is None:
        return a is b
    return (a.source, a.targets, a.forbidden, a.note, a.case_sensitive) == (
        b.source, b.targets, b.forbidden, b.note, b.case_sensitive,
    )  # fmt: skip


def by_key(entries: Iterable[GlossaryEntry]) -> dict[str, GlossaryEntry]:
    """Entries keyed by entry.key; a later entry with the same key replaces the earlier."""
    return {e.key: e for e in entries}


def merge(
    base: Iterable[GlossaryEntry],
    mine: Iterable[GlossaryEntry],
    theirs: Iterable[GlossaryEntry],
) -> MergeResult:
    b, m, t = by_key(base), by_key(mine), by_key(theirs)
    order = list(t) + [k for k in m if k not in t]
    order += [k for k in b if k not in t and k not in m]
    entries: list[GlossaryEntry] = []
    conflicts: list[Conflict] = []
    for key in order:
        be, me, te = b.get(key), m.get(key), t.get(key)
        if me in (te, be):
            kept = te
        elif te == be:
            kept = me
        elif same_content(me, te):
            kept = te
        else:
            conflicts.append(Conflict(key, be, me, te))
            kept = te if te is not None else me
        if kept is not None:
            entries.append(kept)
    return MergeResult(entries, conflicts)


def apply_choice(
    entries: list[GlossaryEntry], conflict: Conflict, choice: Choice | GlossaryEntry | None
) -> list[GlossaryEntry]:
    """Entries with the conflict's key replaced by the chosen version (or removed)."""
    chosen = conflict.chosen(choice)
    out: list[GlossaryEntry] = []
    placed = False
    for entry in entries:
        if entry.key == conflict.key:
            if chosen is not None and not placed:
                out.append(chosen)
                placed = True
            continue
        out.append(entry)
    if chosen is not None and not placed:
        out.append(chosen)
    return out
