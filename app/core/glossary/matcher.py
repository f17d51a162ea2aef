"""Find glossary terms in a source text (inflected) and renderings in a target text.

Built once per glossary version and shared by every check and re-check:
- source side: a dict from the first word of each term (its dictionary form, or a
  stem for names the dictionary does not know) to the terms starting with it, split
  again by the second word, so a first name shared by thousands of entries
  (Олександр ...) costs one more dict lookup, not a scan of every such term; each
  text word offers its match keys (lemmas, nominative forms, stems), so matching
  costs a few dict lookups per word whatever the glossary size;
- target side: one Aho-Corasick automaton over every approved and forbidden
  rendering, lower-cased; case and word boundaries are checked per hit.
Internal tables hold only builtins (tuples, strings, ints) so that cache.py can store
them with marshal; an index read from the cache keeps them packed (packed.py) and
decodes only the entries, terms and renderings a text meets.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import ahocorasick

from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.glossary.packed import LazyBuckets, LazyEntries, LazyGlossary, LazyList
from app.core.glossary.term_scan import (
    Bucket,
    Entries,
    Firsts,
    Groups,
    Rendering,
    Scanner,
    Term,
    TermMatch,
    lower_same_length,
    matches_case,
    resolve,
)
from app.core.glossary.word_keys import Vocabulary, make_vocabulary, word_forms
from app.core.text.morphology import MORPH_LANGS, normalize, term_stem
from app.core.text.tokens import WORD_RE

# Texts whose scans are remembered per index: a long article's pairs, twice over.
_MEMO_SIZE = 4096
# An index stored in the cache lists them once, when it is built, and keeps them in the
# cache file: the limit only bounds the set's size there.
_CACHED_FORMS_LIMIT = 20_000

def _caps_rule(word: str) -> int:
    """The caps rule of a term word when its entry is case-sensitive."""
    if not word[:1].isupper():
        return 0
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return 2
    return 1


def _vocabulary_of(by_first: dict[str, Bucket]) -> Vocabulary:
    """The term words and stems of a new index (a cached one brings its vocabulary)."""
    words: set[str] = set()
    stems: set[str | None] = set()
    for first in by_first.values():
        for terms in (first[0], *first[1].values()):
            for term in terms:
                words.update(term[1])
                stems.update(term[2])
    return make_vocabulary(words, (s for s in stems if s is not None))


class GlossaryIndex:
    """A glossary made ready to match; immutable, safe to share between threads.

    Scans of a text are memoised: the checks ask for the same pair's matches several
    times, and a re-check asks again for every unchanged pair.
    """

    source_lang: str

    def __init__(self, glossary: Glossary, source_lang: str) -> None:
        self._glossary: Glossary | None = glossary
        self._lazy: LazyGlossary | None = None
        self._count = len(glossary.entries)
        self._name_words: dict[str, frozenset[str]] = {}
        self.source_lang = source_lang
        by_first: dict[str, Bucket] = {}
        self._by_first: Firsts = by_first
        self._approved: dict[str, list[Rendering]] | None = None
        words: dict[str, tuple[str, str | None, int]] = {}
        keyed: dict[str, list[Rendering]] = {}
        for order, entry in enumerate(glossary.entries):
            self._add_source(by_first, entry, order, words)
            for kind, renderings in enumerate((entry.targets, entry.forbidden)):
                for rendering in renderings:
                    self._add_rendering(entry, order, rendering, kind, keyed)
        self._groups: Groups = list(keyed.values())
        self._automaton = self._make_automaton(keyed)
        self._setup(glossary.entries, _vocabulary_of(by_first))

    @staticmethod
    def _make_automaton(keyed: dict[str, list[Rendering]]) -> Any:
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for number, key in enumerate(keyed):
            automaton.add_word(key, number)
        if keyed:
            automaton.make_automaton()
        return automaton

    def _setup(self, entries: Entries, vocabulary: Vocabulary) -> None:
        """The memoised scanners over the tables."""
        self._entries = entries
        scanner = self._scanner = Scanner(
            self._by_first, self._groups, self._automaton, entries, self.source_lang,
            vocabulary,
        )  # fmt: skip
        self._source_memo = lru_cache(maxsize=_MEMO_SIZE)(scanner.source_matches)
        self._target_memo = lru_cache(maxsize=_MEMO_SIZE)(scanner.target_hits)

    @classmethod
    def build(cls, glossary: Glossary, source_lang: str) -> GlossaryIndex:
        return cls(glossary, source_lang)

    def __len__(self) -> int:
        return self._count

    @property
    def glossary(self) -> Glossary:
        """Every entry, in order (an index read from the cache makes them on first use
        here: a check only meets the entries its matches name)."""
        glossary = self._glossary
        if glossary is None:
            assert self._lazy is not None
            glossary = self._glossary = self._lazy.get()
        return glossary

    @property
    def packed(self) -> bool:
        """Whether the tables are the cache's packed ones (not a fresh build)."""
        return self._lazy is not None

    def name_words(self, lang: str) -> frozenset[str]:
        """Case-folded words and lemmas of every source term (name-unknown's known
        names); stored in the cache for the index's own language."""
        found = self._name_words.get(lang)
        if found is None:
            words = word_forms((e.source for e in self.glossary.entries), lang)
            found = self._name_words.setdefault(lang, words)
        return found

    # -- storing (cache.py) ----------------------------------------------------

    def tables(self) -> tuple[Any, ...]:
        """The built tables as builtins only (marshal-able) plus the automaton's bytes."""
        automaton = pickle.dumps(self._automaton, protocol=pickle.HIGHEST_PROTOCOL)
        gate: tuple[tuple[str, ...] | None, tuple[str, ...]] | None = None
        if self.source_lang in MORPH_LANGS and self._by_first:
            # Made now, once, and stored: a fresh process reads it instead.
            made = self._scanner.gate()
            if made is None:
                made = self._scanner.make_gate(_CACHED_FORMS_LIMIT)
                self._scanner.set_gate(made)
            forms, lemmas = made
            gate = (None if forms is None else tuple(sorted(forms)), tuple(sorted(lemmas)))
        vocabulary = self._scanner.vocabulary()
        return (self.source_lang, self._by_first, self._groups, automaton, gate, vocabulary)

    @classmethod
    def from_packed(
        cls,
        glossary: LazyGlossary,
        entries: LazyEntries,
        tables: Sequence[Any],
        name_words: frozenset[str] | None,
    ) -> GlossaryIndex:
        """An index over packed tables (cache.py) of an index built on an identical
        glossary: `tables` as `tables()` gives them, by_first a LazyBuckets and groups
        a LazyList."""
        source_lang, by_first, groups, automaton, gate, vocabulary = tables
        assert isinstance(by_first, LazyBuckets) and isinstance(groups, LazyList)
        self = cls.__new__(cls)
        self._glossary = None
        self._lazy = glossary
        self._count = len(entries)
        self._name_words = {} if name_words is None else {source_lang: name_words}
        self.source_lang = source_lang
        self._by_first = by_first
        self._approved = None
        self._groups = groups
        self._automaton = pickle.loads(automaton)  # our own cache file, checksummed
        self._setup(entries, (list(vocabulary[0]), list(vocabulary[1])))
        if gate is not None:
            forms, lemmas = gate
            self._scanner.set_gate((None if forms is None else frozenset(forms), frozenset(lemmas)))
        return self

    # -- building -------------------------------------------------------------

    @staticmethod
    def _add_source(
        by_first: dict[str, Bucket],
        entry: GlossaryEntry,
        order: int,
        memo: dict[str, tuple[str, str | None, int]],
    ) -> None:
        texts = WORD_RE.findall(entry.source)
        if not texts:
            return
        case_sensitive = matches_case(entry, entry.source)
        infos = []
        for text in texts:
            info = memo.get(text)
            if info is None:
                info = memo[text] = (normalize(text), term_stem(text), _caps_rule(text))
            infos.append(info)
        words, stems, caps = zip(*infos, strict=True)
        if not case_sensitive:
            caps = (0,) * len(texts)
        term: Term = (order, words, stems, caps)
        firsts = [words[0]]
        if stems[0] is not None and caps[0]:
            firsts.append(stems[0])
        for first in firsts:
            singles, by_second = by_first.setdefault(first, ([], {}))
            if len(words) == 1:
                singles.append(term)
                continue
            by_second.setdefault(words[1], []).append(term)
            if stems[1] is not None:
                by_second.setdefault(stems[1], []).append(term)

    def _add_rendering(
        self,
        entry: GlossaryEntry,
        order: int,
        text: str,
        kind: int,
        keyed: dict[str, list[Rendering]],
    ) -> None:
        text = " ".join(text.split())
        if not text:
            return
        rendering: Rendering = (order, text, kind, matches_case(entry, text))
        keyed.setdefault(lower_same_length(text), []).append(rendering)

    # -- source side -----------------------------------------------------------

    def source_matches(self, text: str) -> list[TermMatch]:
        """Glossary source terms in `text`, inflected forms included; longest wins."""
        return list(self._source_memo(text))

    # -- target side -----------------------------------------------------------

    def target_hits(self, text: str) -> list[TermMatch]:
        """Every approved or forbidden rendering in `text`, overlaps and all entries kept."""
        return list(self._target_memo(text))

    def target_matches(self, text: str) -> list[TermMatch]:
        """Approved and forbidden renderings in `text`, without overlaps; longest wins.

        Word boundaries apply, so "Kiev's" and "Kiev-based" hold "Kiev" but "Kievan"
        does not; a span an entry approves is never reported as forbidden.
        """
        return resolve(self.target_hits(text))

    def entry_target_matches(
        self, entry: GlossaryEntry, hits: Iterable[TermMatch]
    ) -> list[TermMatch]:
        """The hits of one entry, overlaps resolved within that entry."""
        return resolve([h for h in hits if h.entry is entry])

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
            for order, rendering, _, case_sensitive in self._approved_table().get(
                candidate.casefold(), ()
            ):
                if case_sensitive and rendering != candidate:
                    continue
                entry = self._entries[order]
                if not any(e is entry for e in entries):
                    entries.append(entry)
        return entries

    def _approved_table(self) -> dict[str, list[Rendering]]:
        """Approved renderings by case-folded text, in glossary order; made on first
        use from the groups (few runs ask, and a 100k index loads ~0.2 s faster)."""
        approved = self._approved
        if approved is None:
            approved = {}
            for group in self._groups:
                for rendering in group:
                    if rendering[2] == 0:
                        approved.setdefault(rendering[1].casefold(), []).append(rendering)
            for renderings in approved.values():
                renderings.sort(key=lambda r: r[0])  # stable: a rendering's own order kept
            self._approved = approved
        return approved

    def is_approved_rendering(self, text: str) -> bool:
        return bool(self.entries_for_rendering(text))
