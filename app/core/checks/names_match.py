"""Finding Cyrillic proper names in a source sentence and their rendering in the target.

Shared by name-mismatch (is the rendering the official romanisation?) and
name-inconsistent (is one name rendered one way across the article?). A target
word counts as the rendering of a source name only when it spells that name letter
by letter under some romanisation, or is a listed Russian-style or anglicised form:
a translated name (Крим -> Crimea) or a foreign name given back its own spelling
(Трамп -> Trump) is never compared, which keeps false alarms down.

Adjective and region forms of a place (Луганській області, Харківщині, київський) also
carry the place as a form, so "Lugansk region" is compared with Луганськ. A
sentence-initial word counts as a name when pymorphy3 tags it so or it is a listed
Ukrainian place or first name (Київ також..., Юрій сказав...).

A first name whose surname is not recognised as Ukrainian, in a sentence with no
other Ukrainian evidence, may belong to a Russian or another foreign person
(Aleksandr Novak, Vladimir Kavardarkov): SourceName.unsure_nationality says so, and
russian_context when the sentence points to Russia (російський міністр, Москва).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import Any, NamedTuple, cast

from app.core.checks.names_data import (
    UKRAINIAN_GIVEN_NAMES,
    is_known_name,
    is_ukrainian,
    place_of,
)
from app.core.checks.names_foreign import is_foreign_surname
from app.core.text import morphology
from app.core.text.tokens import Token, normalize_apostrophes, starts, words

# pymorphy3 grammemes that mark a proper name.
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn"})
_CYRILLIC_RE = re.compile(r"^[\u0400-\u04ff'’ʼ\-‐]+$")
_SENTENCE_END = ".!?…"
_OPENERS = "«\"„“”'‘’(—–- \t\n[*"
MIN_LETTERS = 3

# Rendering kinds, best first. "kmu", "conventional" and "foreign" (a foreign name's
# own spelling, linked by likeness to its romanisation) are never flagged;
# "not-conventional" is a foreign person's first name spelled otherwise than usual.
OK_KINDS = ("kmu", "conventional", "foreign")
KIND_RANK = {
    "kmu": 0, "conventional": 1, "russian": 2, "anglicised": 3, "g-for-h": 4, "near": 5,
    "not-conventional": 6, "foreign": 7,
}  # fmt: skip

# People whose English names keep a conventional non-KMU spelling (Russians named in
# Ukrainian text are romanised the Russian way; the Klitschkos the German way).
# Keyed by the Ukrainian surname lemma: every name in the chain (first name,
# patronymic) is then allowed its Russian-style form. A team glossary overrides this.
CONVENTIONAL_PEOPLE: frozenset[str] = frozenset({
    "путін", "лавров", "пєсков", "медведєв", "шойгу", "захарова", "навальний", "герасимов",
    "мішустін", "кадиров", "пригожин", "лукашенко", "ушаков", "дмитрієв", "кирієнко",
    "володін", "небензя", "мединський", "патрушев", "бортніков", "наришкін", "собянін",
    "сурков", "білоусов", "горбачов", "єльцин", "сталін", "ленін", "толстой",
    "достоєвський", "чехов", "кличко", "абрамович", "дерипаска", "ходорковський",
    "гуцеріїв", "шувалов", "матвієнко", "пушкін", "набіулліна", "сечін", "зюганов",
    "жириновський", "слуцький",
    # Ukrainian-born, but known abroad by the spelling they chose themselves.
    "куриленко",
})  # fmt: skip
# Words (lower-case prefixes) that show a sentence is about Ukraine or about Russia.
_UKRAINIAN_EVIDENCE = ("україн", "киян", "зсу", "сбу", "рнбо")
_RUSSIAN_EVIDENCE = ("російськ", "росі", "рф", "кремл", "москв")


@dataclass(frozen=True)
class SourceName:
    """One Cyrillic proper-name word in a source sentence."""

    text: str
    start: int
    end: int
    forms: tuple[str, ...]  # capitalised: the word and its lemmas, nominative first
    conventional_person: bool  # part of a name in CONVENTIONAL_PEOPLE
    ukrainian: bool = True  # a Ukrainian name (names_data): near spellings are reported
    unsure_nationality: bool = False  # a first name; surname and sentence not Ukrainian
    russian_context: bool = False  # ... and the sentence points to Russia
    foreign_person: bool = False  # part of a chain with a known foreign surname (Рубіо)
    surname: tuple[str, ...] = ()  # a first name's surname in its chain: folded forms


@dataclass(frozen=True)
class Rendering:
    """The target word taken to be the rendering of a source name, and its kind."""

    name: SourceName
    text: str  # without a possessive 's
    start: int
    end: int
    suffix: str  # "'s" when the target had a possessive
    kind: str
    form: str  # the source form it renders (a lemma, usually the nominative)
    expected: str  # the KMU romanisation of `form` (or the Russian system for ru)

    @property
    def flagged(self) -> bool:
        if self.kind in OK_KINDS:
            return False
        if self.kind in ("g-for-h", "near") and not self.name.ukrainian:
            return False  # Arizona, Erdogan: the original spelling of a foreign name
        return not (self.name.conventional_person and self.kind in ("russian", "g-for-h", "near"))


def _parses(word: str, lang: str) -> tuple[Any, ...]:
    if lang not in morphology.MORPH_LANGS:
        return ()
    return morphology._parses(morphology.normalize(word), lang)


def _is_name_tagged(word: str, lang: str) -> bool:
    return any(not NAME_GRAMMEMES.isdisjoint(p.tag.grammemes) for p in _parses(word, lang))


def _sentence_initial(text: str, start: int) -> bool:
    # Walk back over openers instead of slicing text[:start]: slicing made a
    # 10 MB sentence quadratic (issue 7).
    i = start
    while i > 0 and text[i - 1] in _OPENERS:
        i -= 1
    return i == 0 or text[i - 1] in _SENTENCE_END


def _capitalise(word: str) -> str:
    if "-" not in word and "‐" not in word:
        return word[:1].upper() + word[1:]  # what the split below gives for one part
    parts = re.split(r"([-‐])", word)
    return "".join(p[:1].upper() + p[1:] for p in parts)


def _lemma_forms(word: str, forms: tuple[str, ...]) -> tuple[str, ...]:
    """The lemmas among `forms` (the inflected surface form only when nothing else)."""
    surface = normalize_apostrophes(word)
    lemmas = tuple(f for f in forms if f != surface or surface.lower() in _lemma_set(forms))
    return lemmas or forms


def _lemma_set(forms: tuple[str, ...]) -> frozenset[str]:
    return frozenset(f.lower() for f in forms[:-1])


@lru_cache(maxsize=65_536)
def _forms(word: str, lang: str) -> tuple[str, ...]:
    """The word and its lemmas, name-tagged lemmas first (Марка -> Марко, Марк, Марка);
    memoised: an article names the same people again and again."""
    tagged: list[str] = []
    other: list[str] = []
    lemmas = _LEMMAS
    if len(lemmas) >= _LEMMAS_LIMIT:
        lemmas.clear()
    for parse in _parses(word, lang):
        normal_form = parse.normal_form
        lemma = lemmas.get(normal_form)
        if lemma is None:
            lemma = lemmas[normal_form] = _capitalise(morphology.normalize(normal_form))
        if lemma in tagged or lemma in other:
            continue
        (other if NAME_GRAMMEMES.isdisjoint(parse.tag.grammemes) else tagged).append(lemma)
    surface = normalize_apostrophes(word)
    ordered = tagged + other  # no lemma is in both
    if lang == "uk":  # Луганській -> Луганськ, Харківщині -> Харків
        places = {place_of(f) for f in ordered} | {place_of(surface)}
        for place in sorted(p for p in places if p):
            if _capitalise(place) not in ordered:
                ordered.append(_capitalise(place))
    if surface not in ordered:
        ordered.append(surface)
    return tuple(ordered)


# A parse's normal form, normalised and capitalised as `_forms` lists it (name words
# share lemmas: every form of a surname, its first names).
_LEMMAS: dict[str, str] = {}
_LEMMAS_LIMIT = 65_536


# Adjective and region forms contain one of these (ськ, цьк, зьк, щин, ччин).
_PLACE_MARKER = re.compile("ськ|цьк|зьк|щин|ччин")


@lru_cache(maxsize=65_536)
def _derives_place(word: str, lang: str) -> bool:
    """True for an adjective or region form of a listed Ukrainian place (київський)."""
    if lang != "uk" or not _PLACE_MARKER.search(word.lower()):
        return False  # not an adjective or region form: skip the parse
    return any(place_of(f) for f in _forms(word, lang))


_RUSSIAN, _UKRAINIAN = 1, 2  # evidence flags of a word
_WORD_INFO_LIMIT = 65_536


def _word_info(word: str, lang: str) -> tuple[int, int]:
    """What source_names needs of a word wherever it stands (memoised per word, packed,
    in _WORD_CODE): its candidate kind (0 never a name, 1 always: an adjective or region
    form of a place, київський метрополітен; 2 capitalised: a name unless
    sentence-initial, then _initial_name) and its evidence flags (_RUSSIAN, _UKRAINIAN:
    it starts with one of the prefixes that point a sentence to Russia or Ukraine)."""
    low = word.lower()
    evidence = (_RUSSIAN if low.startswith(_RUSSIAN_EVIDENCE) else 0) | (
        _UKRAINIAN if low.startswith(_UKRAINIAN_EVIDENCE) else 0
    )
    if word[:1].isupper():
        return (2 if _may_be_name(word) else 0), evidence
    # Not capitalised: a name only as a place's form (_derives_place's own tests first).
    if lang == "uk" and _PLACE_MARKER.search(low) and _may_be_name(word):
        return (1 if _derives_place(word, lang) else 0), evidence
    return 0, evidence


def _may_be_name(word: str) -> bool:
    """Cyrillic, three letters or more, not an acronym (НАТО, ЗСУ)."""
    if not _CYRILLIC_RE.match(word):
        return False
    letters = [c for c in word if c.isalpha()]
    return not (
        len(letters) < MIN_LETTERS or (len(letters) > 1 and all(c.isupper() for c in letters))
    )


@lru_cache(maxsize=65_536)
def _initial_name(word: str, lang: str) -> bool:
    """A sentence-initial word is a name when tagged so or unknown (Укренерго), or a
    listed Ukrainian name or place form; memoised per word."""
    if _is_name_tagged(word, lang) or not morphology.is_known(word, lang):
        return True
    return lang == "uk" and (is_known_name(_forms(word, lang)) or _derives_place(word, lang))


def _is_given_name(forms: tuple[str, ...]) -> bool:
    return any(f.lower() in UKRAINIAN_GIVEN_NAMES for f in forms)


class _Facts(NamedTuple):
    """What source_names needs of a name word, wherever it stands (memoised per word)."""

    forms: tuple[str, ...]
    ukrainian: bool  # a Ukrainian name (names_data)
    conventional: bool  # a form is in CONVENTIONAL_PEOPLE
    foreign_surname: bool
    given: bool  # a Ukrainian first name
    folded: tuple[str, ...]  # the forms case-folded (a first name's surname)


@lru_cache(maxsize=65_536)
def _facts(word: str, lang: str) -> _Facts:
    forms = _forms(word, lang)
    return _Facts(
        forms,
        lang == "uk" and is_ukrainian(_lemma_forms(word, forms)),
        any(f.lower() in CONVENTIONAL_PEOPLE for f in forms),
        is_foreign_surname(forms),
        _is_given_name(forms),
        tuple(f.casefold() for f in forms),
    )


def _candidates(text: str, lang: str) -> tuple[list[Token], int]:
    """The tokens that may be names, and the evidence flags of all the tokens: each
    word's memoised info read in one pass (`map`), the offsets (`starts`) and a token
    only for the words that may be names (most are not).

    The memo holds each word's `_word_info` packed in one small int (kind << 2 |
    flags): small ints are shared objects, so a sentence's infos are read without a
    tuple a word to reach, and their set is hashed as ints."""
    memo = _WORD_CODE.get(lang)
    if memo is None:
        memo = _WORD_CODE.setdefault(lang, {})
    if len(memo) >= _WORD_INFO_LIMIT:
        memo.clear()
    texts = words(text)
    got = list(map(memo.get, texts))
    if None in got:
        for i, code in enumerate(got):
            if code is None:
                word = texts[i]
                code = memo.get(word)  # the same word earlier in this text
                if code is None:
                    kind, flags = _word_info(word, lang)
                    code = memo[word] = kind << 2 | flags
                got[i] = code
    codes = cast(list[int], got)  # none left
    evidence = 0
    for code in set(codes):
        evidence |= code
    picked: list[Token] = []
    at: tuple[int, ...] = ()
    for i in compress(range(len(codes)), map(_MAY_NAME, codes)):  # kind 1 or 2
        if not at:
            at = starts(text)
        word, start = texts[i], at[i]
        if codes[i] >> 2 == 2 and _sentence_initial(text, start):
            if _initial_name(word, lang):
                picked.append(Token(word, start, start + len(word)))
        else:
            picked.append(Token(word, start, start + len(word)))
    return picked, evidence & 3


# lang -> word -> _word_info packed (kind << 2 | flags); a code of 4 or more: kind 1 or 2
_WORD_CODE: dict[str, dict[str, int]] = {}
_MAY_NAME = (3).__lt__


def source_names(text: str, lang: str) -> list[SourceName]:
    """Proper-name words of a source sentence (capitalised mid-sentence, or name-tagged)."""
    picked, evidence = _candidates(text, lang)
    if not picked:
        return []
    facts = [_facts(t.text, lang) for t in picked]
    # Chains of adjacent names (Володимира Путіна): a conventional surname covers all.
    chains: list[list[int]] = []
    for i, token in enumerate(picked):
        if chains and not text[picked[chains[-1][-1]].end : token.start].strip():
            chains[-1].append(i)
        else:
            chains.append([i])
    conventional: list[bool] = []
    foreign: list[bool] = []
    ukrainian_chain: list[bool] = []
    for chain in chains:
        if len(chain) == 1:  # most chains: one word, no generator
            fact = facts[chain[0]]
            conventional.append(bool(fact.conventional))  # what any() gives
            foreign.append(False)
            ukrainian_chain.append(bool(fact.ukrainian))
        else:
            conventional.append(any(facts[i].conventional for i in chain))
            foreign.append(any(facts[i].foreign_surname for i in chain))
            ukrainian_chain.append(any(facts[i].ukrainian for i in chain))
    # Chains that are Ukrainian evidence for the others: a Ukrainian, unconventional name.
    evidential = [u and not v for u, v in zip(ukrainian_chain, conventional, strict=True)]
    evidence_chains = sum(evidential)
    russian_context = bool(evidence & _RUSSIAN)
    ukrainian_words = bool(evidence & _UKRAINIAN)
    names: list[SourceName] = []
    for c, chain in enumerate(chains):
        # Ukrainian evidence outside this chain: a Ukrainian name or word elsewhere.
        elsewhere = ukrainian_words or evidence_chains - evidential[c] > 0
        surnames = [i for i in chain if not facts[i].given]
        unsure = bool(surnames) and not elsewhere and not any(facts[i].ukrainian for i in surnames)
        surname = facts[surnames[-1]].folded if surnames else ()
        for i in chain:
            token, fact = picked[i], facts[i]
            given = unsure and fact.given
            names.append(
                SourceName(
                    token.text,
                    token.start,
                    token.end,
                    fact.forms,
                    conventional[c],
                    ukrainian=fact.ukrainian,
                    unsure_nationality=given,
                    russian_context=given and russian_context,
                    foreign_person=foreign[c],
                    surname=surname if fact.given else (),
                )
            )
    return names
