"""Find glossary terms in a source text (inflected) and renderings in a target text.

Built once per glossary version and shared by every check and re-check:
- source side: a dict from the first word of each term (its dictionary form, or a
  stem for names the dictionary does not know) to the terms starting with it; each
  text word offers its match keys (lemmas, nominative forms, stems), so matching
  costs a few dict lookups per word whatever the glossary size;
- target side: one Aho-Corasick automaton over every approved and forbidden
  rendering, lower-cased; case and word boundaries are checked per hit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import ahocorasick

from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.morphology import STEM_MARK, is_known, match_keys, normalize, term_stem
from app.core.tokens import Token, tokenize

SOURCE = "source"
APPROVED = "approved"
FORBIDDEN = "forbidden"
_KIND_RANK = {APPROVED: 0, FORBIDDEN: 1, SOURCE: 2}


@dataclass(frozen=True)
class TermMatch:
    """One occurrence of a glossary term (source) or rendering (target) in a text."""

    entry: GlossaryEntry
    start: int
    end: int
    text: str
    kind: str  # 'source', 'approved' or 'forbidden'


@dataclass(frozen=True)
class _Term:
    entry: GlossaryEntry
    order: int
    words: tuple[str, ...]
    stems: tuple[str | None, ...]
    # Per word: 0 any case, 1 capital initial required, 2 all capitals (acronyms).
    caps: tuple[int, ...]


@dataclass(frozen=True)
class _Rendering:
    entry: GlossaryEntry
    order: int
    text: str
    kind: str
    case_sensitive: bool


def _caps_rule(word: str, case_sensitive: bool) -> int:
    if not case_sensitive or not word[:1].isupper():
        return 0
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return 2
    return 1


def _lower_same_length(text: str) -> str:
    """Lower-case keeping every offset (a few characters lengthen when lowered)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _plural_s(text: str, end: int) -> bool:
    """An English plural "s" right after a rendering, ending the word."""
    return text[end] == "s" and (end + 1 == len(text) or not text[end + 1].isalnum())


def _resolve(matches: list[TermMatch], order: dict[int, int]) -> list[TermMatch]:
    """Keep non-overlapping matches: longest first, then approved, then glossary order."""
    ranked = sorted(
        matches,
        key=lambda m: (
            -(m.end - m.start),
            m.start,
            _KIND_RANK[m.kind],
            order.get(id(m.entry), 0),
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


class GlossaryIndex:
    """A glossary made ready to match; immutable, safe to share between threads."""

    def __init__(self, glossary: Glossary, source_lang: str) -> None:
        self.glossary = glossary
        self.source_lang = source_lang
        self._order: dict[int, int] = {}
        self._by_first: dict[str, list[_Term]] = {}
        # Terms by the stem of their first word, for names outside the dictionary.
        self._by_stem: dict[str, list[_Term]] = {}
        self._approved: dict[str, list[_Rendering]] = {}
        self._automaton: Any = ahocorasick.Automaton()
        has_words = False
        for order, entry in enumerate(glossary.entries):
            self._order[id(entry)] = order
            self._add_source(entry, order)
            for kind, renderings in ((APPROVED, entry.targets), (FORBIDDEN, entry.forbidden)):
                for rendering in renderings:
                    has_words |= self._add_rendering(entry, order, rendering, kind)
        if has_words:
            self._automaton.make_automaton()
        self._has_renderings = has_words

    @classmethod
    def build(cls, glossary: Glossary, source_lang: str) -> GlossaryIndex:
        return cls(glossary, source_lang)

    def __len__(self) -> int:
        return len(self.glossary.entries)

    # -- building -------------------------------------------------------------

    def _add_source(self, entry: GlossaryEntry, order: int) -> None:
        tokens = tokenize(entry.source)
        if not tokens:
            return
        case_sensitive = entry.matches_case(entry.source)
        term = _Term(
            entry=entry,
            order=order,
            words=tuple(normalize(t.text) for t in tokens),
            stems=tuple(term_stem(t.text) for t in tokens),
            caps=tuple(_caps_rule(t.text, case_sensitive) for t in tokens),
        )
        self._by_first.setdefault(term.words[0], []).append(term)
        if term.stems[0] is not None and term.caps[0]:
            self._by_stem.setdefault(term.stems[0], []).append(term)

    def _add_rendering(self, entry: GlossaryEntry, order: int, text: str, kind: str) -> bool:
        text = " ".join(text.split())
        if not text:
            return False
        rendering = _Rendering(entry, order, text, kind, entry.matches_case(text))
        key = _lower_same_length(text)
        if key in self._automaton:
            self._automaton.get(key).append(rendering)
        else:
            self._automaton.add_word(key, [rendering])
        if kind == APPROVED:
            self._approved.setdefault(text.casefold(), []).append(rendering)
        return True

    # -- source side -----------------------------------------------------------

    def _word_matches(self, term: _Term, j: int, token: Token, keys: frozenset[str]) -> bool:
        caps = term.caps[j]
        if caps == 1 and not token.text[:1].isupper():
            return False
        if caps == 2 and not token.text.isupper():
            return False
        if term.words[j] in keys:
            return True
        stem = term.stems[j]
        return (
            stem is not None
            and stem in keys
            and token.text[:1].isupper()
            and not is_known(term.words[j], self.source_lang)
        )

    def source_matches(self, text: str) -> list[TermMatch]:
        """Glossary source terms in `text`, inflected forms included; longest wins."""
        tokens = tokenize(text)
        lang = self.source_lang
        keys = [match_keys(t.text, lang) for t in tokens]
        found: list[TermMatch] = []
        by_first, by_stem = self._by_first, self._by_stem
        for i, token_keys in enumerate(keys):
            capital = tokens[i].text[:1].isupper()
            seen: set[int] = set()
            for key in token_keys:
                terms = by_stem.get(key) if key[0] == STEM_MARK else by_first.get(key)
                if not terms:
                    continue
                for term in terms:
                    if term.caps[0] and not capital:
                        continue
                    if id(term) in seen:
                        continue
                    seen.add(id(term))
                    match = self._match_at(term, tokens, keys, i, text)
                    if match is not None:
                        found.append(match)
        return _resolve(found, self._order)

    def _match_at(
        self,
        term: _Term,
        tokens: Sequence[Token],
        keys: Sequence[frozenset[str]],
        i: int,
        text: str,
    ) -> TermMatch | None:
        n = len(term.words)
        if i + n > len(tokens):
            return None
        for j in range(n):
            token = tokens[i + j]
            if j and text[tokens[i + j - 1].end : token.start].strip():
                return None  # words of a term are separated by spaces only
            if not self._word_matches(term, j, token, keys[i + j]):
                return None
        start, end = tokens[i].start, tokens[i + n - 1].end
        return TermMatch(term.entry, start, end, text[start:end], SOURCE)

    # -- target side -----------------------------------------------------------

    def target_hits(self, text: str) -> list[TermMatch]:
        """Every approved or forbidden rendering in `text`, overlaps and all entries kept."""
        if not self._has_renderings or not text:
            return []
        lowered = _lower_same_length(text)
        hits: list[TermMatch] = []
        for end_index, renderings in self._automaton.iter(lowered):
            end = end_index + 1
            for rendering in renderings:
                start = end - len(rendering.text)
                if start > 0 and text[start - 1].isalnum():
                    continue
                if rendering.case_sensitive and text[start:end] != rendering.text:
                    continue
                stop = end
                if stop < len(text) and text[stop].isalnum():
                    # An approved rendering also counts in the plural ("Luhansk
                    # regions" for Донецької та Луганської областей).
                    if rendering.kind != APPROVED or not _plural_s(text, stop):
                        continue
                    stop += 1
                found = text[start:stop]
                hits.append(TermMatch(rendering.entry, start, stop, found, rendering.kind))
        return hits

    def target_matches(self, text: str) -> list[TermMatch]:
        """Approved and forbidden renderings in `text`, without overlaps; longest wins.

        Word boundaries apply, so "Kiev's" and "Kiev-based" hold "Kiev" but "Kievan"
        does not; a span an entry approves is never reported as forbidden.
        """
        return _resolve(self.target_hits(text), self._order)

    def entry_target_matches(
        self, entry: GlossaryEntry, hits: Iterable[TermMatch]
    ) -> list[TermMatch]:
        """The hits of one entry, overlaps resolved within that entry."""
        return _resolve([h for h in hits if h.entry is entry], self._order)

    # -- renderings ------------------------------------------------------------

    def entries_for_rendering(self, text: str) -> list[GlossaryEntry]:
        """Entries listing `text` as an approved rendering (possessive 's ignored)."""
        text = " ".join(text.split())
        candidates = [text]
        for suffix in ("'s", "’s"):
            if text.endswith(suffix):
                candidates.append(text[: -len(suffix)])
        entries: list[GlossaryEntry] = []
        for candidate in candidates:
            for rendering in self._approved.get(candidate.casefold(), ()):
                if rendering.case_sensitive and rendering.text != candidate:
                    continue
                if not any(e is rendering.entry for e in entries):
                    entries.append(rendering.entry)
        return entries

    def is_approved_rendering(self, text: str) -> bool:
        return bool(self.entries_for_rendering(text))
