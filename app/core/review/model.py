"""A review in progress: one article pair, the editor's edits, ignores and history.

Plain data the window and the CLI share. The first alignment is kept as the MT
("original") per pair; edits only change the current target of a pair, so the
pair structure, the MT and every offset into the source stay stable for the
whole review. Saving and loading live in file.py.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from app.core.glossary.model import GlossaryEntry
from app.core.model.document import Pair
from app.core.model.issues import Issue, Side

EDIT_KINDS = ("edit", "apply", "apply-all", "undo", "redo")


def utc_now() -> str:
    """Current time, ISO 8601 in UTC with seconds (what history and files store)."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class HistoryEntry:
    """One change of one pair's target, in the order it happened."""

    time: str
    pair: int
    old: str
    new: str
    kind: str


@dataclass
class Review:
    """An editor's work on one article pair.

    `revision` grows with every change; a saver compares it with the revision it
    last wrote (see `is_dirty` and autosave.Autosaver).
    """

    source_lang: str
    target_lang: str
    original: list[Pair]
    source_text: str = ""
    target_text: str = ""
    source_path: str | None = None
    target_path: str | None = None
    glossary_path: str | None = None
    targets: list[str] = field(default_factory=list)
    ignored: set[str] = field(default_factory=set)
    history: list[HistoryEntry] = field(default_factory=list)
    seconds_spent: float = 0.0
    created: str = field(default_factory=utc_now)
    updated: str = ""
    path: str | None = None
    revision: int = 0
    saved_revision: int = 0
    file_stamp: tuple[int, int] | None = None  # (mtime_ns, size) of `path` when loaded/saved
    # Entries the editor added to the glossary during this review (for the QA report).
    glossary_added: list[GlossaryEntry] = field(default_factory=list)
    # Pairs the editor confirmed (segment status; XLIFF exports map it to a state).
    confirmed_pairs: set[int] = field(default_factory=set)
    # (check, text) pairs the team never wants flagged (ignore_list.py); not saved in
    # the review: they come from the file beside the glossary each time.
    team_ignores: frozenset[tuple[str, str]] = frozenset()

    def __post_init__(self) -> None:
        self.original = [
            p if p.index == i else Pair(i, p.source, p.target, p.paragraph, p.notes)
            for i, p in enumerate(self.original)
        ]
        if not self.targets:
            self.targets = [p.target for p in self.original]
        if len(self.targets) != len(self.original):
            raise ValueError("one current target per pair is required")
        if not self.updated:
            self.updated = self.created
        if any(not 0 <= i < len(self.original) for i in self.confirmed_pairs):
            raise ValueError("a confirmed pair index is out of range")

    # --- construction -------------------------------------------------------

    @classmethod
    def from_pairs(
        cls,
        pairs: Sequence[Pair],
        source_lang: str,
        target_lang: str,
        source_path: str | None = None,
        target_path: str | None = None,
    ) -> Review:
        """A review of already aligned pairs (a bilingual file, an MT run)."""
        return cls(
            source_lang=source_lang,
            target_lang=target_lang,
            original=list(pairs),
            source_text="\n\n".join(p.source for p in pairs),
            target_text="\n\n".join(p.target for p in pairs),
            source_path=source_path,
            target_path=target_path,
        )

    # --- reading ------------------------------------------------------------

    @property
    def pairs(self) -> list[Pair]:
        """The pairs with their current (edited) targets (an unedited pair as it is: a
        frozen Pair, and a 45 MB article has 200k of them)."""
        return [
            p if t is p.target else p.with_target(t)
            for p, t in zip(self.original, self.targets, strict=True)
        ]

    def __len__(self) -> int:
        return len(self.original)

    def target(self, index: int) -> str:
        return self.targets[index]

    def original_target(self, index: int) -> str:
        return self.original[index].target

    def is_edited(self, index: int) -> bool:
        return self.targets[index] != self.original[index].target

    def edited_indices(self) -> list[int]:
        return [i for i in range(len(self.original)) if self.is_edited(i)]

    @property
    def is_dirty(self) -> bool:
        """Changed since it was last saved to (or loaded from) its review file."""
        return self.revision != self.saved_revision

    def _paragraphs(self, texts: Iterable[str]) -> list[str]:
        """Texts of the pairs grouped by source paragraph, non-empty ones joined by a space."""
        groups: dict[int, list[str]] = {}
        for pair, text in zip(self.original, texts, strict=True):
            if text.strip():
                groups.setdefault(pair.paragraph, []).append(text.strip())
        return [" ".join(groups[k]) for k in sorted(groups)]

    def corrected_paragraphs(self) -> list[str]:
        """The corrected article, paragraph by paragraph."""
        return self._paragraphs(self.targets)

    def source_paragraphs(self) -> list[str]:
        """The source article, paragraph by paragraph."""
        return self._paragraphs(p.source for p in self.original)

    def original_paragraphs(self) -> list[str]:
        """The MT as it arrived, paragraph by paragraph (for comparison and metrics)."""
        return self._paragraphs(p.target for p in self.original)

    # --- editing ------------------------------------------------------------

    def set_target(self, index: int, text: str, kind: str = "edit") -> bool:
        """Replace pair `index`'s target; returns False (and records nothing) if unchanged."""
        if kind not in EDIT_KINDS:
            raise ValueError(f"unknown edit kind {kind!r}; use one of {', '.join(EDIT_KINDS)}")
        if not 0 <= index < len(self.targets):
            raise IndexError(f"no pair {index} (the review has {len(self.targets)} pairs)")
        old = self.targets[index]
        if old == text:
            return False
        self.targets[index] = text
        self.confirmed_pairs.discard(index)  # a changed segment needs confirming again
        now = utc_now()
        self.history.append(HistoryEntry(now, index, old, text, kind))
        self._touch(now)
        return True

    def set_targets(self, changes: Mapping[int, str], kind: str = "apply-all") -> list[int]:
        """Several pairs at once (apply to all); returns the indices that changed."""
        return [i for i in sorted(changes) if self.set_target(i, changes[i], kind)]

    def record_glossary_entry(self, entry: GlossaryEntry) -> None:
        """The editor added `entry` to the glossary while reviewing (one per source term)."""
        self.glossary_added = [e for e in self.glossary_added if e.key != entry.key] + [entry]
        self._touch(utc_now())

    def add_time(self, seconds: float) -> None:
        """Add active review time (the window measures it; idle time is its call)."""
        if seconds > 0:
            self.seconds_spent += seconds
            self._touch(utc_now())

    def _touch(self, now: str) -> None:
        self.updated = now
        self.revision += 1

    # --- segment status ---------------------------------------------------

    @property
    def confirmed(self) -> frozenset[int]:
        """Indices of the confirmed pairs (changing a pair's target unconfirms it)."""
        return frozenset(self.confirmed_pairs)

    def is_confirmed(self, index: int) -> bool:
        return index in self.confirmed_pairs

    def confirm(self, index: int) -> bool:
        """Mark pair `index` as confirmed; False if it already was."""
        self._check_index(index)
        if index in self.confirmed_pairs:
            return False
        self.confirmed_pairs.add(index)
        self._touch(utc_now())
        return True

    def unconfirm(self, index: int) -> bool:
        """Take the confirmation back; False if the pair was not confirmed."""
        self._check_index(index)
        if index not in self.confirmed_pairs:
            return False
        self.confirmed_pairs.discard(index)
        self._touch(utc_now())
        return True

    def next_unconfirmed(self, after: int) -> int | None:
        """The first unconfirmed pair after `after`, wrapping; None when all are confirmed."""
        count = len(self.original)
        for step in range(1, count + 1):
            index = (after + step) % count
            if index not in self.confirmed_pairs:
                return index
        return None

    def _check_index(self, index: int) -> None:
        if not 0 <= index < len(self.original):
            raise IndexError(f"no pair {index} (the review has {len(self.original)} pairs)")

    # --- ignoring -----------------------------------------------------------

    def signature(self, issue: Issue) -> str:
        """The issue's stable key (Issue.signature) with its occurrence counted here.

        The occurrence is the number of earlier places the flagged text appears
        on the same side among pairs with the same source text (earlier pairs
        first, then before the issue's start in its own pair). It depends only on
        the pairs sharing that source, so edits elsewhere in the article and
        re-checks keep the key.
        """
        pair = self.original[issue.pair]
        occurrence = 0
        if issue.text:
            for other in self._earlier_with_source(issue.pair):
                occurrence += self._side_text(other, issue.side).count(issue.text)
            own = self._side_text(issue.pair, issue.side)
            occurrence += own[: max(0, issue.start)].count(issue.text)
        return issue.signature(pair.source, occurrence)

    def _earlier_with_source(self, index: int) -> list[int]:
        """The pairs before `index` with its source text, from an index of the sources
        (built once per list of pairs): signing every issue of a 100k-pair review
        would otherwise compare each issue's source with every earlier pair's."""
        cached = self.__dict__.get("_by_source")
        if cached is None or cached[0] is not self.original or cached[1] != len(self.original):
            by_source: dict[str, list[int]] = {}
            for i, p in enumerate(self.original):
                by_source.setdefault(p.source, []).append(i)
            cached = (self.original, len(self.original), by_source)
            self.__dict__["_by_source"] = cached
        same = cached[2].get(self.original[index].source, [])
        return same[: bisect_left(same, index)]

    def _side_text(self, index: int, side: Side) -> str:
        return self.original[index].source if side is Side.SOURCE else self.targets[index]

    def ignore(self, issue: Issue) -> None:
        key = self.signature(issue)
        if key not in self.ignored:
            self.ignored.add(key)
            self._touch(utc_now())

    def unignore(self, issue: Issue) -> None:
        key = self.signature(issue)
        if key in self.ignored:
            self.ignored.discard(key)
            self._touch(utc_now())

    def is_ignored(self, issue: Issue) -> bool:
        """Ignored in this review, or by the team's ignore list."""
        return self.is_team_ignored(issue) or (
            bool(self.ignored)  # nothing ignored: no signature to compute (each re-check)
            and 0 <= issue.pair < len(self.original)
            and self.signature(issue) in self.ignored
        )

    def is_team_ignored(self, issue: Issue) -> bool:
        return (issue.check, issue.text) in self.team_ignores

    def visible(self, issues: Iterable[Issue]) -> list[Issue]:
        """The issues the editor has not ignored, in the given order."""
        return [i for i in issues if not self.is_ignored(i)]
