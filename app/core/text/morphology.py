"""Lemmas of inflected words (pymorphy3 for Ukrainian and Russian; plain folding otherwise).

Glossary matching needs "Києві" to be the same word as "Київ" without a regex per
term. pymorphy3 often puts a wrong lemma first (Києві -> кий), so every parse counts.
Analyzers load lazily, once per language; every lookup is cached because a text
repeats its words and a glossary is matched many times.
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from app.core.text.paradigms import NotTabled, paradigm_nominative, stack_core
from app.core.text.paradigms import clear as clear_paradigms
from app.core.text.tokens import normalize_apostrophes

MORPH_LANGS = frozenset({"uk", "ru"})
_CACHE_SIZE = 500_000

_lock = threading.Lock()
_analyzers: dict[str, Any] = {}

# Case endings of nouns and adjectives (uk and ru) that a name outside the
# dictionary may take: Сибіга -> Сибіги, Сибігу, Сибігою. Longest first.
_ENDINGS = tuple(
    sorted(
        {
            "а", "я", "у", "ю", "і", "ї", "е", "є", "о", "и", "ы", "й",
            "ою", "ею", "єю", "ом", "ем", "єм", "ові", "еві", "єві", "ів", "їв",
            "ам", "ям", "ами", "ями", "ах", "ях", "ого", "ому", "им", "ім", "ій",
            "ої", "ую", "юю", "ой", "ей", "ов", "ев", "ым", "ых", "их",
        },
        key=len,
        reverse=True,
    )
)
# Final letters stripped from a term word to get the stem its forms share.
_STEM_FINALS = frozenset("аяоеєіїиыйью")
STEM_MARK = "~"
_ALTERNATIONS = {"з": "г", "ц": "к", "с": "х"}


def normalize(word: str) -> str:
    """Lower-case with one apostrophe: the form every key is compared in."""
    if "’" in word or "ʼ" in word:
        return normalize_apostrophes(word).lower()
    return word.lower()


def _analyzer(lang: str) -> Any:
    """The pymorphy3 analyzer for `lang`, created on first use (thread-safe)."""
    analyzer = _analyzers.get(lang)
    if analyzer is None:
        with _lock:
            analyzer = _analyzers.get(lang)
            if analyzer is None:
                import pymorphy3

                analyzer = pymorphy3.MorphAnalyzer(path=_dictionary_path(lang), lang=lang)
                _analyzers[lang] = analyzer
    return analyzer


def analyzer(lang: str) -> Any:
    """The shared pymorphy3 analyzer of `lang` (one dictionary load per process)."""
    return _analyzer(lang)


def _dictionary_path(lang: str) -> str | None:
    """The dictionary package's folder, asked directly: pymorphy3 would otherwise scan
    every installed package's entry points (importlib.metadata, ~50 ms) and import the
    dictionaries of every language to find it. None (pymorphy3 looks itself) when
    PYMORPHY2_DICT_PATH is set or the package is missing."""
    if "PYMORPHY2_DICT_PATH" in os.environ:
        return None
    try:
        package = importlib.import_module(f"pymorphy3_dicts_{lang}")
    except ImportError:
        return None
    return str(package.get_path())


def dictionary_stamp(lang: str) -> str:
    """When the installed dictionary of `lang` was compiled: tables built from it say so."""
    return str(_analyzer(lang).dictionary.meta.get("compiled_at", ""))


@lru_cache(maxsize=_CACHE_SIZE)
def _parses(word: str, lang: str) -> tuple[Any, ...]:
    """Every parse of `word`; none for a word pymorphy3 cannot take (it raises on letters
    of scripts without a Unicode name, such as Tangut)."""
    try:
        return tuple(_analyzer(lang).parse(word))
    except (KeyError, ValueError):
        return ()


@lru_cache(maxsize=_CACHE_SIZE)
def lemmas(word: str, lang: str) -> frozenset[str]:
    """Lower-cased lemmas of every parse of `word`, plus the word itself."""
    norm = normalize(word)
    if lang not in MORPH_LANGS or not norm:
        return frozenset({word.casefold()})
    found = {norm}
    for parse in _parses(norm, lang):
        found.add(normalize(parse.normal_form))
    return frozenset(found)


@lru_cache(maxsize=_CACHE_SIZE)
def is_known(word: str, lang: str) -> bool:
    """Whether the dictionary knows `word` (unknown names get stem matching)."""
    if lang not in MORPH_LANGS:
        return True
    # pymorphy3's word_is_known, made cheaper: the word itself looked up first, the
    # dictionary's letter substitutions (г -> ґ, е -> ё) walked only when it holds one.
    norm = normalize(word)
    analyzer = _analyzer(lang)
    words = analyzer.dictionary.words
    if norm in words:
        return True
    subs = analyzer.char_substitutes
    return bool(subs) and any(k.decode() in norm for k in subs) and bool(
        words.similar_keys(norm, subs)
    )


def term_stem(word: str) -> str | None:
    """Stem key of a term word for names outside the dictionary (Сибіга -> ~сибіг)."""
    norm = normalize(word)
    if len(norm) < 4:
        return None
    if norm[-1] in _STEM_FINALS:
        norm = norm[:-1]
    return STEM_MARK + norm


@lru_cache(maxsize=_CACHE_SIZE)
def match_keys(word: str, lang: str) -> frozenset[str]:
    """Every key a text word can match a glossary term word by.

    Glossary terms are written in their dictionary form (nominative), so a text word
    offers: its lemmas, its own form, the nominative of each parse keeping gender
    and number (Донецької -> донецька, Збройних сил -> збройні сили), and stem keys
    (~сибіг) for names the dictionary does not know.
    """
    return _keys(word, lang, None)


@lru_cache(maxsize=_CACHE_SIZE)
def gated_match_keys(word: str, lang: str, gate: frozenset[str]) -> frozenset[str]:
    """`match_keys` less the keys that cannot be any of a glossary's term words.

    `gate` holds the lemmas of every term word (`term_lemmas`). A nominative comes
    from the parse's own lexeme, so for a word the dictionary knows it can equal a
    term word only if the parse's lemma is one of the gate's: the costly inflection
    (pymorphy3's get_lexeme, ~0.1-0.3 ms) is skipped for every other parse. Words
    the dictionary does not know (guessed parses) keep every key.
    """
    if lang not in MORPH_LANGS or not is_known(word, lang):
        return match_keys(word, lang)
    return _keys(word, lang, gate)


def known_forms(words: Iterable[str], lang: str) -> frozenset[str]:
    """Every dictionary form of every lexeme holding one of `words` (normalised), and
    the words themselves, ё also written е.

    A word the dictionary knows gets its lemmas and nominatives from the lexemes of its
    own parses; such a key can equal one of `words` only if the word is in this set. So
    a known word outside it needs no morphology at all to be matched against them.
    """
    forms: set[str] = set(words)
    for word in words:
        # A key of a known word is itself a dictionary word: unknown words (most
        # surnames, figures) can never be one, and their lexemes are guesses.
        if not is_known(word, lang):
            continue
        for parse in _parses(word, lang):
            for form in _lexeme_words(parse, lang):
                forms.add(form)
                if "ё" in form:
                    forms.add(form.replace("ё", "е"))
    return frozenset(forms)


def _lexeme_words(parse: Any, lang: str) -> list[str]:
    """The words of a parse's lexeme, from the paradigm tables when it is a dictionary
    parse (what Parse.lexeme gives, without building a Parse and tag per form)."""
    stack = parse.methods_stack
    if len(stack) != 1 or type(stack[0][0]).__name__ != "DictionaryAnalyzer":
        return [normalize(form.word) for form in parse.lexeme]
    _, fixed_word, para_id, idx = stack[0]
    dictionary = _analyzer(lang).dictionary
    stem = dictionary.build_stem(dictionary.paradigms[para_id], idx, fixed_word)
    affixes = _affixes.get((lang, para_id))
    if affixes is None:
        info = dictionary.build_paradigm_info(para_id)
        affixes = _affixes[(lang, para_id)] = tuple((pre, suf) for pre, _, suf in info)
    return [normalize(pre + stem + suf) for pre, suf in affixes]


_affixes: dict[tuple[str, int], tuple[tuple[str, str], ...]] = {}


@lru_cache(maxsize=_CACHE_SIZE)
def plain_keys(word: str) -> frozenset[str]:
    """The keys of `match_keys` that need no dictionary: the word and its stem keys."""
    norm = normalize(word)
    return frozenset({norm, *_stem_keys(norm)})


def term_lemmas(words: Iterable[str], lang: str) -> frozenset[str]:
    """The gate of `gated_match_keys`: lemmas of the given (normalised) term words."""
    gate: set[str] = set()
    for word in words:
        gate |= lemmas(word, lang)
    return frozenset(gate)


# Past this size (characters) a substring search of the term words costs more than the
# inflection it may spare.
TERM_TEXT_LIMIT = 20_000


# The term words of a glossary for `guessed_match_keys`: all of them, and those with a
# hyphen, one a line.
TermText = tuple[str, str]


def term_text(words: Iterable[str]) -> TermText:
    """The `TermText` of (normalised) term words."""
    words = sorted(set(words))
    return "\n".join(words), "\n".join(w for w in words if "-" in w)


def guessed_match_keys(word: str, lang: str, terms: TermText) -> frozenset[str]:
    """`match_keys` of a word the dictionary does not know, less the nominatives that
    cannot be any term word of `terms`.

    Every form of a guessed lexeme holds a piece of the word (`_lexeme_core`), so a
    nominative can equal a term word only if some term word holds that piece (and a
    hyphen, for a hyphenated word): the inflection (~0.1 ms a parse) is skipped for the
    others. The keys that may be term words are the same as `match_keys` gives.
    """
    return _keys(word, lang, None, terms)


def _keys(
    word: str, lang: str, gate: frozenset[str] | None, terms: TermText | None = None
) -> frozenset[str]:
    keys = set(lemmas(word, lang))
    if lang not in MORPH_LANGS:
        return frozenset(keys)
    norm = normalize(word)
    searched: dict[tuple[str, bool], bool] = {}  # a core's search, once a word
    for parse in _parses(norm, lang):
        tag = parse.tag
        oblique = _OBLIQUE.get(tag)
        if oblique is None:
            oblique = _OBLIQUE[tag] = bool(
                tag.case and tag.case != "nomn" and tag.POS in ("NOUN", "ADJF", "PRTF")
            )
        if oblique:
            if gate is not None and normalize(parse.normal_form) not in gate:
                continue
            if terms is not None:
                core = _lexeme_core(parse, lang)
                if core is not None:
                    found = searched.get(core)
                    if found is None:
                        found = searched[core] = core[0] in terms[core[1]]
                    if not found:
                        continue
            nominative = _nominative(parse)
            if nominative is not None:
                keys.add(nominative)
    keys.update(_stem_keys(norm))
    return frozenset(keys)


# Whether a tag is an oblique case of a noun, adjective or participle (the forms whose
# nominative is a key), per tag: pymorphy3 works out .case and .POS at every access.
_OBLIQUE: dict[Any, bool] = {}


def _lexeme_core(parse: Any, lang: str) -> tuple[str, bool] | None:
    """A piece every form of the parse's lexeme holds (normalised), and whether every
    form holds a hyphen too; None when unsure (another pymorphy3 unit)."""
    core = stack_core(parse.methods_stack, _analyzer(lang).dictionary)
    return None if core is None else (normalize(core[0]), core[1])


# _ENDINGS by length, longest first: three set look-ups a word instead of 45 endswith.
_ENDINGS_BY_SIZE = tuple(
    (size, frozenset(e for e in _ENDINGS if len(e) == size))
    for size in sorted({len(e) for e in _ENDINGS}, reverse=True)
)


def _stem_keys(norm: str) -> list[str]:
    keys = [STEM_MARK + norm]
    length = len(norm)
    for size, endings in _ENDINGS_BY_SIZE:
        if length - size >= 3 and norm[-size:] in endings:
            keys.append(STEM_MARK + norm[:-size])
    # Consonant change before -і (Сибіга -> Сибізі, Ручка -> Ручці).
    if len(norm) >= 5 and norm[-1] == "і" and norm[-2] in _ALTERNATIONS:
        keys.append(STEM_MARK + norm[:-2] + _ALTERNATIONS[norm[-2]])
    return keys


def _nominative(parse: Any) -> str | None:
    """parse.inflect({"nomn"}), normalised, shared by every form of the same lexeme.

    Inflecting is the costliest step of a new article's first check (~0.1 ms a parse):
    a parse of a paradigm is read from its tables (`paradigms.py`, ~10 µs). Otherwise
    the result depends only on the lexeme (lemma plus the analyzer steps and paradigm
    that produced the parse) and the grammemes other than case, so області (gent, datv,
    loct) and областю inflect once between them.
    """
    try:
        word = paradigm_nominative(parse, parse._morph)
    except NotTabled:
        pass
    else:
        return normalize(word) if word is not None else None
    tag = parse.tag
    steps = tuple(
        (type(step[0]).__name__, step[2] if len(step) > 2 else step[1])
        for step in parse.methods_stack
    )
    key = (parse.normal_form, steps, tag.grammemes - {tag.case})
    if key in _nominatives:
        return _nominatives[key]
    inflected = parse.inflect({"nomn"})
    found = normalize(inflected.word) if inflected is not None else None
    if len(_nominatives) >= _CACHE_SIZE:
        _nominatives.clear()
        _affixes.clear()
    _nominatives[key] = found
    return found


_nominatives: dict[tuple[Any, ...], str | None] = {}


def lemma_key(words: Iterable[str], lang: str) -> tuple[frozenset[str], ...]:
    """Lemma sets of a sequence of words, e.g. the words of a multi-word term."""
    return tuple(lemmas(w, lang) for w in words)


def clear_caches() -> None:
    """Forget cached analyses (tests and benchmarks measuring cold starts)."""
    for fn in (_parses, lemmas, is_known, match_keys, gated_match_keys, plain_keys):
        fn.cache_clear()
    _nominatives.clear()
    _affixes.clear()
    _OBLIQUE.clear()
    clear_paradigms()
