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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

import ahocorasick

from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.glossary.packed import LazyBuckets, LazyEntries, LazyGlossary, LazyList
from app.core.glossary.word_keys import Gate, Vocabulary, WordKeys, make_vocabulary, word_forms
from app.core.text.morphology import MORPH_LANGS, is_known, normalize, term_stem
from app.core.text.tokens import WORD_RE, Token, tokenize

SOURCE = "source"
APPROVED = "approved"
FORBIDDEN = "forbidden"
_KIND_RANK = {APPROVED: 0, FORBIDDEN: 1, SOURCE: 2}
_KINDS = (APPROVED, FORBIDDEN)
# Texts whose scans are remembered per index: a long article's pairs, twice over.
_MEMO_SIZE = 4096
# An index stored in the cache lists them once, when it is built, and keeps them in the
# cache file: the limit only bounds the set's size there.
_CACHED_FORMS_LIMIT = 20_000

# A source term: (entry order, normalised words, stem keys, caps rules). Caps rule per
# word: 0 any case, 1 capital initial required, 2 all capitals (acronyms).
_Term = tuple[int, tuple[str, ...], tuple[str | None, ...], tuple[int, ...]]
# A target rendering: (entry order, text, kind index into _KINDS, case-sensitive).
_Rendering = tuple[int, str, int, bool]
_Bucket = tuple[list[_Term], dict[str, list[_Term]]]


class _Seconds(Protocol):
    """A first word's longer terms by second word (a dict, or packed.LazySeconds)."""

    def __len__(self) -> int: ...
    def get(self, key: str, /) -> list[_Term] | None: ...


class _Firsts(Protocol):
    """The terms by first word (a dict, or packed.LazyBuckets)."""

    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[str]: ...
    def __getitem__(self, key: str, /) -> tuple[list[_Term], _Seconds]: ...


class _Entries(Protocol):
    """Entries by order (a list, or packed.LazyEntries)."""

    def __getitem__(self, order: int, /) -> GlossaryEntry: ...


class _Groups(Protocol):
    """Renderings by automaton key number (a list, or packed.LazyList)."""

    def __len__(self) -> int: ...
    def __getitem__(self, number: int, /) -> list[_Rendering]: ...
    def __iter__(self) -> Iterator[list[_Rendering]]: ...


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


def _caps_rule(word: str) -> int:
    """The caps rule of a term word when its entry is case-sensitive."""
    if not word[:1].isupper():
        return 0
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return 2
    return 1


def _matches_case(entry: GlossaryEntry, term: str) -> bool:
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


def _lower_same_length(text: str) -> str:
    """Lower-case keeping every offset (a few characters lengthen when lowered)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _plural_s(text: str, end: int) -> bool:
    """An English plural "s" right after a rendering, ending the word."""
    return text[end] == "s" and (end + 1 == len(text) or not text[end + 1].isalnum())


def _resolve(matches: list[TermMatch]) -> list[TermMatch]:
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


class _Scanner:
    """The scans proper, apart from GlossaryIndex so its memo caches form no cycle."""

    def __init__(
        self,
        by_first: _Firsts,
        groups: _Groups,
        automaton: Any,
        entries: _Entries,
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

    def _word_matches(self, term: _Term, j: int, token: Token, keys: frozenset[str]) -> bool:
        caps = term[3][j]
        if caps == 1 and not token.text[:1].isupper():
            return False
        if caps == 2 and not token.text.isupper():
            return False
        word = term[1][j]
        if word in keys:
            return True
        stem = term[2][j]
        return (
            stem is not None
            and stem in keys
            and token.text[:1].isupper()
            and not is_known(word, self.source_lang)
        )

    def source_matches(self, text: str) -> tuple[TermMatch, ...]:
        if not self._by_first:
            return ()
        tokens = tokenize(text)
        if not tokens:
            return ()
        of = self._keys.of
        both = [of(t.text) for t in tokens]
        keys = [k for k, _ in both]
        found: list[TermMatch] = []
        by_first = self._by_first
        last = len(tokens) - 1
        for i, (_, firsts) in enumerate(both):
            if not firsts:
                continue  # no term begins with this word (most words)
            capital = tokens[i].text[:1].isupper()
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
                        match = self._match_at(term, tokens, keys, i, text)
                        if match is not None:
                            found.append(match)
        return tuple(_resolve(found))

    def _match_at(
        self,
        term: _Term,
        tokens: Sequence[Token],
        keys: Sequence[frozenset[str]],
        i: int,
        text: str,
    ) -> TermMatch | None:
        n = len(term[1])
        if i + n > len(tokens):
            return None
        for j in range(n):
            token = tokens[i + j]
            if j and text[tokens[i + j - 1].end : token.start].strip():
                return None  # words of a term are separated by spaces only
            if not self._word_matches(term, j, token, keys[i + j]):
                return None
        start, end = tokens[i].start, tokens[i + n - 1].end
        return TermMatch(self._entries[term[0]], start, end, text[start:end], SOURCE, term[0])

    def target_hits(self, text: str) -> tuple[TermMatch, ...]:
        if not self._groups or not text:
            return ()
        lowered = _lower_same_length(text)
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
                hits.append(TermMatch(entries[order], start, stop, found, _KINDS[kind], order))
        return tuple(hits)


def _vocabulary_of(by_first: dict[str, _Bucket]) -> Vocabulary:
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
        by_first: dict[str, _Bucket] = {}
        self._by_first: _Firsts = by_first
        self._approved: dict[str, list[_Rendering]] | None = None
        words: dict[str, tuple[str, str | None, int]] = {}
        keyed: dict[str, list[_Rendering]] = {}
        for order, entry in enumerate(glossary.entries):
            self._add_source(by_first, entry, order, words)
            for kind, renderings in enumerate((entry.targets, entry.forbidden)):
                for rendering in renderings:
                    self._add_rendering(entry, order, rendering, kind, keyed)
        self._groups: _Groups = list(keyed.values())
        self._automaton = self._make_automaton(keyed)
        self._setup(glossary.entries, _vocabulary_of(by_first))

    @staticmethod
    def _make_automaton(keyed: dict[str, list[_Rendering]]) -> Any:
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for number, key in enumerate(keyed):
            automaton.add_word(key, number)
        if keyed:
            automaton.make_automaton()
        return automaton

    def _setup(self, entries: _Entries, vocabulary: Vocabulary) -> None:
        """The memoised scanners over the tables."""
        self._entries = entries
        scanner = self._scanner = _Scanner(
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
        by_first: dict[str, _Bucket],
        entry: GlossaryEntry,
        order: int,
        memo: dict[str, tuple[str, str | None, int]],
    ) -> None:
        texts = WORD_RE.findall(entry.source)
        if not texts:
            return
        case_sensitive = _matches_case(entry, entry.source)
        infos = []
        for text in texts:
            info = memo.get(text)
            if info is None:
                info = memo[text] = (normalize(text), term_stem(text), _caps_rule(text))
            infos.append(info)
        words, stems, caps = zip(*infos, strict=True)
        if not case_sensitive:
            caps = (0,) * len(texts)
        term: _Term = (order, words, stems, caps)
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
        keyed: dict[str, list[_Rendering]],
    ) -> None:
        text = " ".join(text.split())
        if not text:
            return
        rendering: _Rendering = (order, text, kind, _matches_case(entry, text))
        keyed.setdefault(_lower_same_length(text), []).append(rendering)

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
        return _resolve(self.target_hits(text))

    def entry_target_matches(
        self, entry: GlossaryEntry, hits: Iterable[TermMatch]
    ) -> list[TermMatch]:
        """The hits of one entry, overlaps resolved within that entry."""
        return _resolve([h for h in hits if h.entry is entry])

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

    def _approved_table(self) -> dict[str, list[_Rendering]]:
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
