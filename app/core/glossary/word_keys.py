"""The match keys of text words for one glossary: morphology spent only where a term
word can be.

A text word offers keys (its lemmas, nominatives, stem keys: `morphology.match_keys`);
a term matches where its words are among them. Only keys that are term words or term
stems can ever match, so each gate below drops keys or skips morphology only where it
proves that no key it leaves out is one of those: the matches stay the same.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.core.text.morphology import (
    MORPH_LANGS,
    STEM_MARK,
    TERM_TEXT_LIMIT,
    TermText,
    gated_match_keys,
    guessed_match_keys,
    is_known,
    known_forms,
    lemmas,
    match_keys,
    normalize,
    plain_keys,
    term_lemmas,
    term_text,
)

# The morphology gate of a glossary: the dictionary forms of its term words' lexemes
# (None: not listed, too many words) and their lemmas.
Gate = tuple[frozenset[str] | None, frozenset[str]]
# Up to this many distinct term words, the forms of their lexemes are listed on first
# use (~0.1 ms a word) so that known text words outside them skip morphology; a bigger
# glossary would spend more listing than a text of a few thousand words saves.
KNOWN_FORMS_LIMIT = 5000
_MEMO_LIMIT = 200_000  # words whose keys are kept
_NONE: frozenset[str] = frozenset()
# A word's keys, and those of them that begin a term (most words: none).
Keys = tuple[frozenset[str], tuple[str, ...]]
_NO_KEYS: Keys = (_NONE, ())


# The sorted distinct term words and the heads (first three letters) of every term word
# and stem: a plain key (the word, or a stem key cut from it, never shorter than three
# letters) can be one of them only if the word begins with such a head. Made once per
# glossary and kept in its cache file (cache.py), so a fresh process does not walk every
# term again (0.1-0.2 s for 100k entries).
Vocabulary = tuple[list[str], list[str]]


def make_vocabulary(words: Iterable[str], stems: Iterable[str]) -> Vocabulary:
    ordered = sorted(set(words))
    heads = {w[:3] for w in ordered} | {s[len(STEM_MARK) :][:3] for s in set(stems)}
    return ordered, sorted(heads)


def word_forms(sources: Iterable[str], lang: str) -> frozenset[str]:
    """Case-folded words and lemmas of the source terms: a surname alone (Рубіо) is
    known when the glossary has the full name (Марко Рубіо). Name-unknown's list of
    what the glossary knows; made once per glossary and kept in its cache file."""
    # Each distinct word once: a 100k-entry glossary repeats its first names.
    written = {word for source in sources for word in source.split()}
    words: set[str] = set()
    for word in written:
        words.add(word.casefold())
        words.update(lemma.casefold() for lemma in lemmas(word, lang))
    return frozenset(words)


class WordKeys:
    """Match keys of text words against one glossary's terms, memoised per word (an
    article repeats its words; the keys depend only on the word and the term words)."""

    def __init__(
        self,
        words: Iterable[str],
        stems: Iterable[str],
        firsts: Iterable[str],
        lang: str,
        *,
        vocabulary: Vocabulary | None = None,
    ) -> None:
        self.lang = lang
        self._firsts = frozenset(firsts)  # the keys a term can begin with
        if vocabulary is None:
            vocabulary = make_vocabulary(words, stems)
        self._words, heads = vocabulary  # every term word (normalised), sorted
        self._heads = frozenset(heads)
        self._gate: frozenset[str] | None = None
        self._forms: frozenset[str] | None = None
        self._terms: TermText | None = None
        self._memo: dict[str, Keys] = {}

    def of(self, word: str) -> Keys:
        keys = self._memo.get(word)
        if keys is None:
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()  # memory stays bounded on a huge text
            found = self._compute(word)
            if found is _NONE:
                keys = self._memo[word] = _NO_KEYS  # one shared entry (fewer objects)
            else:
                # The keys in `found`'s own order that begin a term.
                keys = self._memo[word] = (found, tuple(filter(self._firsts.__contains__, found)))
        return keys

    def of_all(self, words: Iterable[str]) -> list[Keys]:
        """`of` each word, in order (the memo read inline: most words are in it)."""
        get, of = self._memo.get, self.of
        return [get(word) or of(word) for word in words]

    def _compute(self, word: str) -> frozenset[str]:
        lang = self.lang
        if lang not in MORPH_LANGS:
            return match_keys(word, lang)
        if self._gate is None:
            # Lemmas of every term word, the first time this glossary meets a text.
            self.set_gate(self.make_gate(KNOWN_FORMS_LIMIT))
        # Every function below reads the word normalised (normalize is idempotent), so
        # it is given that: a capitalised word shares their memos with its lower case.
        norm = normalize(word)
        known = is_known(norm, lang)
        forms = self._forms
        if forms is not None and known and norm not in forms:
            # The word and its stem keys only (`plain_keys`), all beginning with the
            # word's first three letters.
            return plain_keys(norm) if norm[:3] in self._heads else _NONE
        if not known:
            terms = self._terms
            if terms is None:
                made = term_text(self._words)
                terms = self._terms = made if len(made[0]) <= TERM_TEXT_LIMIT else ("", "")
            if terms[0]:
                return guessed_match_keys(norm, lang, terms)
        return gated_match_keys(norm, lang, self._gate)

    def vocabulary(self) -> Vocabulary:
        return self._words, sorted(self._heads)

    def make_gate(self, limit: int) -> Gate:
        """The gate of this glossary's term words; forms listed up to `limit` words."""
        words, lang = self._words, self.lang
        forms = known_forms(words, lang) if len(words) <= limit else None
        return forms, term_lemmas(words, lang)

    def gate(self) -> Gate | None:
        """The gate once made (None before, or for a language without morphology)."""
        return None if self._gate is None else (self._forms, self._gate)

    def set_gate(self, gate: Gate) -> None:
        self._forms, self._gate = gate
