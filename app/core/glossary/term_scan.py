"""The scans over one text: a source text's glossary terms, a target text's renderings.

Kept apart from GlossaryIndex (matcher.py), which builds and holds the tables: the scans
only read them, whether they are plain dicts and lists (a new index) or the packed
tables of a cached one (packed.py), and need nothing of how they were made.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

from app.core.glossary.model import GlossaryEntry
from app.core.glossary.word_keys import Gate, Vocabulary, WordKeys
from app.core.text.morphology import is_known
from app.core.text.tokens import starts, words

SOURCE = "source"
APPROVED = "approved"
FORBIDDEN = "forbidden"
_KIND_RANK = {APPROVED: 0, FORBIDDEN: 1, SOURCE: 2}
KINDS = (APPROVED, FORBIDDEN)

# A source term: (entry order, normalised words, stem keys, caps rules). Caps rule per
# word: 0 any case, 1 capital initial required, 2 all capitals (acronyms).
Term = tuple[int, tuple[str, ...], tuple[str | None, ...], tuple[int, ...]]
# A target rendering: (entry order, text, kind index into KINDS, case-sensitive).
Rendering = tuple[int, str, int, bool]
Bucket = tuple[list[Term], dict[str, list[Term]]]


class Seconds(Protocol):
    """A first word's longer terms by second word (a dict, or packed.LazySeconds)."""

    def __len__(self) -> int: ...
    def get(self, key: str, /) -> list[Term] | None: ...


class Firsts(Protocol):
    """The terms by first word (a dict, or packed.LazyBuckets)."""

    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[str]: ...
    def __getitem__(self, key: str, /) -> tuple[list[Term], Seconds]: ...


class Entries(Protocol):
    """Entries by order (a list, or packed.LazyEntries)."""

    def __getitem__(self, order: int, /) -> GlossaryEntry: ...


class Groups(Protocol):
    """Renderings by automaton key number (a list, or packed.LazyList)."""

    def __len__(self) -> int: ...
    def __getitem__(self, number: int, /) -> list[Rendering]: ...
    def __iter__(self) -> Iterator[list[Rendering]]: ...


@dataclass(frozen=True)
class TermMatch:
    """One occurrence of a glossary term (source) or rendering (target) in a text."""

    entry: GlossaryEntry
    start: int
    end: int
    text: str
    kind: str  # 'source', 'approved' or 'forbidden'
    # The entry's position in the glossary: ties between overlapping matches go first-come.
    order: int = field(default=0, compare=False, repr=False)


def matches_case(entry: GlossaryEntry, term: str) -> bool:
    """GlossaryEntry.matches_case, without a generator in the common cases."""
    if entry.case_sensitive is not None:
        return entry.case_sensitive
    # islower(): every cased character is lower-case, so none is upper-case.
    if term[:1].isupper() or term.islower():
        return term[:1].isupper()
    return any(_has_upper(part) for part in term.split())


@lru_cache(maxsize=65_536)
def _has_upper(part: str) -> bool:
    """Whether a word of a term holds a capital (words repeat across a big glossary)."""
    return any(ch.isupper() for ch in part)


def lower_same_length(text: str) -> str:
    """Lower-case keeping every offset (a few characters lengthen when lowered)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _plural_s(text: str, end: int) -> bool:
    """An English plural "s" right after a rendering, ending the word."""
    return text[end] == "s" and (end + 1 == len(text) or not text[end + 1].isalnum())


def resolve(matches: list[TermMatch]) -> list[TermMatch]:
    """Keep non-overlapping matches: longest first, then approved, then glossary order."""
    if len(matches) < 2:
        return list(matches)
    ranked = sorted(
        matches,
        key=lambda m: (
            -(m.end - m.start),
            m.start,
            _KIND_RANK[m.kind],
            m.order,
        ),
    )
    taken: list[TermMatch] = []
    used: list[tuple[int, int]] = []
    for match in ranked:
        if any(match.start < end and start < match.end for start, end in used):
            continue
        taken.append(match)
        used.append((match.start, match.end))
    taken.sort(key=lambda m: m.start)
    return taken


class Scanner:
    """The scans proper, apart from GlossaryIndex so its memo caches form no cycle."""

    def __init__(
        self,
        by_first: Firsts,
        groups: Groups,
        automaton: Any,
        entries: Entries,
        source_lang: str,
        vocabulary: Vocabulary,
    ) -> None:
        self._by_first = by_first
        self._groups = groups
        self._automaton = automaton
        self._entries = entries
        self.source_lang = source_lang
        self._keys = WordKeys((), (), by_first, source_lang, vocabulary=vocabulary)

    def vocabulary(self) -> Vocabulary:
        return self._keys.vocabulary()

    def make_gate(self, limit: int) -> Gate:
        """The gate of this glossary's term words; forms listed up to `limit` words."""
        return self._keys.make_gate(limit)

    def gate(self) -> Gate | None:
        """The gate once made (None before, or for a language without morphology)."""
        return self._keys.gate()

    def set_gate(self, gate: Gate) -> None:
        self._keys.set_gate(gate)

    def source_matches(self, text: str) -> tuple[TermMatch, ...]:
        if not self._by_first:
            return ()
        texts = words(text)
        if not texts:
            return ()
        both = self._keys.of_all(texts)
        keys = [k for k, _ in both]
        found: list[TermMatch] = []
        by_first = self._by_first
        last = len(texts) - 1
        at: Sequence[int] = ()  # the words' offsets, read when a term may begin
        for i, (_, firsts) in enumerate(both):
            if not firsts:
                continue  # no term begins with this word (most words)
            if not at:
                at = starts(text)
            capital = texts[i][:1].isupper()
            seen: set[int] = set()  # term orders (a term is listed under word and stem)
            for key in firsts:
                singles, by_second = by_first[key]
                candidates = [singles] if singles else []
                if by_second and i < last:
                    for next_key in keys[i + 1]:
                        terms = by_second.get(next_key)
                        if terms:
                            candidates.append(terms)
                for terms in candidates:
                    for term in terms:
                        if term[3][0] and not capital:
                            continue
                        if term[0] in seen:
                            continue
                        seen.add(term[0])
                        match = self._match_at(term, texts, at, keys, i, text)
                        if match is not None:
                            found.append(match)
        return tuple(resolve(found))

    def _match_at(
        self,
        term: Term,
        texts: Sequence[str],
        at: Sequence[int],
        keys: Sequence[frozenset[str]],
        i: int,
        text: str,
    ) -> TermMatch | None:
        """The term's match at word `i` (`texts` and `at`: the words and their offsets)."""
        _, term_words, stems, caps_rules = term
        n = len(term_words)
        if i + n > len(texts):
            return None
        end = -1
        for j in range(n):
            word, start = texts[i + j], at[i + j]
            if j and text[end:start].strip():
                return None  # words of a term are separated by spaces only
            end = start + len(word)
            caps = caps_rules[j]
            if caps == 1 and not word[:1].isupper():
                return None
            if caps == 2 and not word.isupper():
                return None
            if term_words[j] in keys[i + j]:
                continue
            stem = stems[j]
            if not (
                stem is not None
                and stem in keys[i + j]
                and word[:1].isupper()
                and not is_known(term_words[j], self.source_lang)
            ):
                return None
        start = at[i]
        return TermMatch(self._entries[term[0]], start, end, text[start:end], SOURCE, term[0])

    def target_hits(self, text: str) -> tuple[TermMatch, ...]:
        if not self._groups or not text:
            return ()
        lowered = lower_same_length(text)
        hits: list[TermMatch] = []
        groups, entries = self._groups, self._entries
        for end_index, group in self._automaton.iter(lowered):
            end = end_index + 1
            for order, rendering, kind, case_sensitive in groups[group]:
                start = end - len(rendering)
                if start > 0 and text[start - 1].isalnum():
                    continue
                if case_sensitive and text[start:end] != rendering:
                    continue
                stop = end
                if stop < len(text) and text[stop].isalnum():
                    # An approved rendering also counts in the plural ("Luhansk
                    # regions" for Донецької та Луганської областей).
                    if kind != 0 or not _plural_s(text, stop):
                        continue
                    stop += 1
                found = text[start:stop]
                hits.append(TermMatch(entries[order], start, stop, found, KINDS[kind], order))
        return tuple(hits)
