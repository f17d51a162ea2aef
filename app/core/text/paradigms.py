"""pymorphy3 parses read from their paradigm's tables: the nominative of a parse, and
the piece every form of its lexeme holds.

`Parse.inflect({"nomn"})` builds the whole lexeme (a tuple, a tag and a methods stack
per form, ~0.1 ms) to pick one form. Which form it picks depends only on the
paradigm's tags and the parse's own place in it, so that choice is made once per
(paradigm, place) here, by the same rule (`MorphAnalyzer._inflect`: the forms holding
the required grammemes, rare cases folded when none does, the most similar tag first),
and the word is put together from the stem and the chosen form's affixes as
`get_lexeme` does. Parses of other pymorphy3 units return None: the caller inflects.
"""

from __future__ import annotations

from typing import Any

# pymorphy3 units whose lexeme is the paradigm's: the dictionary and the suffix guesser's
# fake dictionary (a stack's first step); units over them that keep it (a known suffix)
# or put a fixed prefix before each form.
_PARADIGM_UNITS = frozenset({"DictionaryAnalyzer", "FakeDictionary"})
_PREFIX_UNITS = frozenset({"KnownPrefixAnalyzer", "UnknownPrefixAnalyzer"})
_KEEP_UNITS = frozenset({"KnownSuffixAnalyzer"})
_REQUIRED = frozenset({"nomn"})

# (id of the dictionary, paradigm id, place) -> the place of the nominative chosen, or
# -1 when the paradigm has none.
_choices: dict[tuple[int, int, int], int] = {}
_LIMIT = 200_000


class NotTabled(Exception):
    """The parse's lexeme is not a plain paradigm's: inflect it the usual way."""


def _stack_prefix(stack: Any) -> str | None:
    """The prefix the units above a parse's paradigm unit put before every form (prefix
    units stack outwards), or None when a unit there builds forms some other way."""
    prefix = ""
    for step in stack[1:]:
        unit = type(step[0]).__name__
        if unit in _PREFIX_UNITS:
            prefix = step[1] + prefix
        elif unit not in _KEEP_UNITS:
            return None
    return prefix


def paradigm_nominative(parse: Any, morph: Any) -> str | None:
    """What `parse.inflect({"nomn"})` gives as a word (None: no such form); raises
    NotTabled for a parse outside the paradigm tables (hyphenated words, other units)."""
    stack = parse.methods_stack
    prefix = _stack_prefix(stack)
    if prefix is None:
        raise NotTabled
    base = stack[0]
    if len(base) != 4 or type(base[0]).__name__ not in _PARADIGM_UNITS:
        raise NotTabled
    _, _, para_id, idx = base
    dictionary = morph.dictionary
    paradigm = dictionary.paradigms[para_id]
    size = len(paradigm) // 3
    gramtab = dictionary.gramtab
    tag = parse.tag
    if tag is not gramtab[paradigm[size + idx]] and tag != gramtab[paradigm[size + idx]]:
        raise NotTabled  # a tag the paradigm does not give at this place
    key = (id(dictionary), para_id, idx)
    choice = _choices.get(key)
    if choice is None:
        if len(_choices) >= _LIMIT:
            _choices.clear()
            _candidates.clear()
        choice = _choices[key] = _choose(paradigm, size, gramtab, tag, morph.TagClass)
    if choice < 0:
        return None
    word = parse.word[len(prefix) :]
    stem = dictionary.build_stem(paradigm, idx, word)
    names, suffixes = dictionary.paradigm_prefixes, dictionary.suffixes
    return f"{prefix}{names[paradigm[2 * size + choice]]}{stem}{suffixes[paradigm[choice]]}"


def _choose(paradigm: Any, size: int, gramtab: Any, tag: Any, tag_class: Any) -> int:
    """MorphAnalyzer._inflect's pick among the paradigm's places (-1: none)."""
    key = id(paradigm)
    found = _candidates.get(key)
    if found is None or found[0] is not paradigm:
        places, required = _nominative_places(paradigm, size, gramtab, tag_class)
        found = _candidates[key] = (paradigm, places, required)
    _, possible, required = found
    if not possible:
        return -1
    grammemes = tag.updated_grammemes(required)

    def similarity(place: tuple[int, frozenset[str]]) -> float:
        other = place[1]
        return len(grammemes & other) - 0.1 * len(grammemes ^ other)

    # heapq.nlargest(1, ...) as pymorphy3 calls it: the first of the best.
    return max(possible, key=similarity)[0]


def _nominative_places(
    paradigm: Any, size: int, gramtab: Any, tag_class: Any
) -> tuple[list[tuple[int, frozenset[str]]], frozenset[str]]:
    """The places (with their grammemes) holding the required grammemes, rare cases
    folded when none does, and the grammemes required then."""
    grammemes = [gramtab[paradigm[size + i]].grammemes for i in range(size)]
    required = _REQUIRED
    possible = [(i, g) for i, g in enumerate(grammemes) if required <= g]
    if not possible:
        required = tag_class.fix_rare_cases(required)
        possible = [(i, g) for i, g in enumerate(grammemes) if required <= g]
    return possible, required


# id of a paradigm (an array the dictionary keeps) -> (the paradigm, its nominative
# places with their grammemes, the grammemes required).
_candidates: dict[int, tuple[Any, list[tuple[int, frozenset[str]]], frozenset[str]]] = {}


def stack_core(stack: Any, dictionary: Any) -> tuple[str, bool] | None:
    """A piece every form of the lexeme of a parse with this methods stack holds (as
    written there), and whether every form holds a hyphen too; None when unsure.

    A paradigm unit builds each form as paradigm prefix + stem + suffix from the stem of
    its parsed word; prefix units put their prefix before each form below (right before
    the stem when the paradigm has no prefixes); HyphenatedWordsAnalyzer joins a left
    part, a hyphen and a right part whose forms come from the right part's own stack."""
    prefix = _stack_prefix(stack)
    if prefix is None:
        return None
    base = stack[0]
    unit = type(base[0]).__name__
    if unit == "HyphenatedWordsAnalyzer" and len(base) == 3:
        right = stack_core(base[2], dictionary)
        return None if right is None else (right[0], True)
    if unit not in _PARADIGM_UNITS or len(base) != 4:
        return None
    _, fixed_word, para_id, idx = base
    paradigm = dictionary.paradigms[para_id]
    stem: str = dictionary.build_stem(paradigm, idx, fixed_word)
    if prefix and not _has_prefixes(dictionary, para_id):
        stem = prefix + stem
    return stem, False


def _has_prefixes(dictionary: Any, para_id: int) -> bool:
    """Whether a paradigm puts a prefix before some of its forms (най-, якнай-)."""
    key = (id(dictionary), para_id)
    found = _prefixed.get(key)
    if found is None:
        paradigm = dictionary.paradigms[para_id]
        size = len(paradigm) // 3
        names = dictionary.paradigm_prefixes
        found = _prefixed[key] = any(names[i] for i in paradigm[2 * size : 3 * size])
    return found


_prefixed: dict[tuple[int, int], bool] = {}


def clear() -> None:
    _choices.clear()
    _candidates.clear()
    _prefixed.clear()
