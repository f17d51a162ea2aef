"""Finding Cyrillic proper names in a source sentence and their rendering in the target.

Shared by name-mismatch (is the rendering the official romanisation?) and
name-inconsistent (is one name rendered one way across the article?). A target
word counts as the rendering of a source name only when it spells that name letter
by letter under some romanisation, or is a listed Russian-style or anglicised form:
a translated name (Крим -> Crimea) or a foreign name given back its own spelling
(Трамп -> Trump) is never compared, which keeps false alarms down.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from app.core import morphology
from app.core.checks.names_data import is_ukrainian
from app.core.tokens import Token, normalize_apostrophes, tokenize
from app.core.translit import (
    fits_romanisation,
    kmu2010,
    russian_letter_style,
    similarity,
    variants_by_kind,
)

# pymorphy3 grammemes that mark a proper name.
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox"})
_CYRILLIC_RE = re.compile(r"^[\u0400-\u04ff'’ʼ\-‐]+$")
_LATIN_RE = re.compile(r"^[A-Za-z'’\-‐]+$")
_SENTENCE_END = ".!?…"
_OPENERS = "«\"„“”'‘’(—–- \t\n[*"
MIN_LETTERS = 3

# Rendering kinds, best first. The first two are never flagged.
OK_KINDS = ("kmu", "conventional")
KIND_RANK = {"kmu": 0, "conventional": 1, "russian": 2, "anglicised": 3, "g-for-h": 4, "near": 5}

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
})  # fmt: skip


@dataclass(frozen=True)
class SourceName:
    """One Cyrillic proper-name word in a source sentence."""

    text: str
    start: int
    end: int
    forms: tuple[str, ...]  # capitalised: the word and its lemmas, nominative first
    conventional_person: bool  # part of a name in CONVENTIONAL_PEOPLE
    ukrainian: bool = True  # a Ukrainian name (names_data): near spellings are reported


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
    return any(NAME_GRAMMEMES & set(p.tag.grammemes) for p in _parses(word, lang))


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(_OPENERS)
    return not before or before[-1] in _SENTENCE_END


def _capitalise(word: str) -> str:
    parts = re.split(r"([-‐])", word)
    return "".join(p[:1].upper() + p[1:] for p in parts)


def _lemma_forms(word: str, forms: tuple[str, ...]) -> tuple[str, ...]:
    """The lemmas among `forms` (the inflected surface form only when nothing else)."""
    surface = normalize_apostrophes(word)
    lemmas = tuple(f for f in forms if f != surface or surface.lower() in _lemma_set(forms))
    return lemmas or forms


def _lemma_set(forms: tuple[str, ...]) -> frozenset[str]:
    return frozenset(f.lower() for f in forms[:-1])


def _forms(word: str, lang: str) -> tuple[str, ...]:
    """The word and its lemmas, name-tagged lemmas first (Марка -> Марко, Марк, Марка)."""
    tagged: list[str] = []
    other: list[str] = []
    for parse in _parses(word, lang):
        lemma = _capitalise(morphology.normalize(parse.normal_form))
        bucket = tagged if NAME_GRAMMEMES & set(parse.tag.grammemes) else other
        if lemma not in tagged and lemma not in other:
            bucket.append(lemma)
    surface = normalize_apostrophes(word)
    ordered = tagged + [f for f in other if f not in tagged]
    if surface not in ordered:
        ordered.append(surface)
    return tuple(ordered)


def _is_candidate(token: Token, text: str, lang: str) -> bool:
    word = token.text
    if not token.is_capitalized or not _CYRILLIC_RE.match(word):
        return False
    letters = [c for c in word if c.isalpha()]
    if len(letters) < MIN_LETTERS or (len(letters) > 1 and all(c.isupper() for c in letters)):
        return False  # short words and acronyms (НАТО, ЗСУ)
    if _sentence_initial(text, token.start):
        return _is_name_tagged(word, lang)
    return True


def source_names(text: str, lang: str) -> list[SourceName]:
    """Proper-name words of a source sentence (capitalised mid-sentence, or name-tagged)."""
    tokens = tokenize(text)
    picked = [t for t in tokens if _is_candidate(t, text, lang)]
    forms = {t.start: _forms(t.text, lang) for t in picked}
    # Chains of adjacent names (Володимира Путіна): a conventional surname covers all.
    chains: list[list[Token]] = []
    for token in picked:
        if chains and not text[chains[-1][-1].end : token.start].strip():
            chains[-1].append(token)
        else:
            chains.append([token])
    names: list[SourceName] = []
    for chain in chains:
        conventional = any(
            f.lower() in CONVENTIONAL_PEOPLE for t in chain for f in forms[t.start]
        )
        for token in chain:
            word_forms = forms[token.start]
            ukrainian = lang == "uk" and is_ukrainian(_lemma_forms(token.text, word_forms))
            names.append(
                SourceName(
                    token.text, token.start, token.end, word_forms, conventional, ukrainian
                )
            )
    return names


def _strip_possessive(token: Token) -> tuple[str, str]:
    for suffix in ("'s", "’s"):
        if token.text.endswith(suffix) and len(token.text) > len(suffix):
            return token.text[: -len(suffix)], suffix
    return token.text, ""


def _classify(form: str, word: str, lang: str) -> str | None:
    kinds = variants_by_kind(form, lang)
    folded = word.casefold()
    for kind in ("kmu", "conventional", "russian", "anglicised"):
        if any(v.casefold() == folded for v in kinds[kind]):
            return kind
    if not fits_romanisation(form, word):
        return None
    if lang != "ru" and russian_letter_style(form, word):
        return "g-for-h"
    return "near"


def expected_form(form: str, lang: str) -> str:
    """The romanisation a name should have: KMU 2010 (or the Russian passport system)."""
    if lang == "ru":
        return min(variants_by_kind(form, lang)["kmu"])
    return kmu2010(form)


def target_words(text: str) -> list[Token]:
    """Capitalised Latin words of a target sentence: where renderings of names are."""
    return [t for t in tokenize(text) if t.is_capitalized and _LATIN_RE.match(t.text)]


def find_rendering(
    name: SourceName, words: Sequence[Token], lang: str
) -> Rendering | None:
    """The target word that renders `name`, best kind first, or None when none does."""
    best: tuple[tuple[int, float], Rendering] | None = None
    for token in words:
        word, suffix = _strip_possessive(token)
        if len(word) < MIN_LETTERS:
            continue
        for form in name.forms:
            kind = _classify(form, word, lang)
            if kind is None:
                continue
            expected = expected_form(form, lang)
            score = (KIND_RANK[kind], -similarity(word, expected))
            if best is None or score < best[0]:
                rendering = Rendering(
                    name, word, token.start, token.start + len(word), suffix, kind, form,
                    expected,
                )  # fmt: skip
                best = (score, rendering)
    return best[1] if best else None


def covered(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
