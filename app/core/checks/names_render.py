"""Which target word renders a source name (names_match finds the names), and how.

A target word counts as the rendering of a source name only when it spells that name
letter by letter under some romanisation, or is a listed Russian-style or anglicised
form (see names_match). Each name is given at most one word and each word one name,
best readings first; a name no word spells is linked to the free word most like its
romanisation when the likeness is high (Кір -> Keir).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from app.core.checks.names_foreign import foreign_given
from app.core.checks.names_match import (
    KIND_RANK,
    MIN_LETTERS,
    Rendering,
    SourceName,
)
from app.core.checks.names_russian import is_russian_form
from app.core.text.name_forms import likeness, russian_style_forms
from app.core.text.tokens import Token, tokens_matching
from app.core.text.translit import (
    fits_romanisation,
    kmu2010,
    russian_letter_style,
    similarity,
    variants_by_kind,
)

# A capitalised Latin word: for these letters, "capitalised" (the first is upper case)
# means the first is A-Z.
_CAPITALISED_LATIN = re.compile(r"^[A-Z][A-Za-z'’\-‐]*$")
# A source name with no letter-by-letter rendering is linked to the target word most
# like its romanisation (Кір -> Keir) when the likeness reaches this (rapidfuzz ratio).
FOREIGN_LIKENESS = 70.0


def _strip_possessive(token: Token) -> tuple[str, str]:
    for suffix in ("'s", "’s"):
        if token.text.endswith(suffix) and len(token.text) > len(suffix):
            return token.text[: -len(suffix)], suffix
    return token.text, ""


# Latin letters a romanisation may start a Cyrillic letter with: a cheap test before
# the romanisation lattice (a regular expression compiled per name) is built.
_FIRST_LATIN: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "hg", "ґ": "g", "д": "d", "е": "e", "є": "yie",
    "ж": "z", "з": "z", "и": "yi", "і": "iy", "ї": "yi", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "t", "ч": "c", "ш": "s", "щ": "s", "ю": "yiu", "я": "yia",
    "ы": "yi", "э": "e", "ё": "yie",
}  # fmt: skip


def _may_fit(form: str, folded_word: str) -> bool:
    first = _FIRST_LATIN.get(form[:1].lower())
    return first is None or folded_word[:1] in first


@lru_cache(maxsize=16_384)
def _kinds_by_spelling(form: str, lang: str, ukrainian: bool) -> dict[str, str]:
    """Case-folded romanisations of `form` and the first kind (in order) that lists
    each: one dict look-up per target word instead of a scan of every variant."""
    table: dict[str, str] = {}
    kinds = variants_by_kind(form, lang)
    for kind in ("kmu", "conventional", "russian", "anglicised"):
        for variant in kinds[kind]:
            table.setdefault(variant.casefold(), kind)
    if lang == "uk" and ukrainian:
        for spelling in russian_style_forms(form):  # Kropivnitskiy: letter by letter
            table.setdefault(spelling, "russian")
    return table


def _gate(form: str, lang: str, ukrainian: bool) -> tuple[dict[str, str], str | None]:
    """What _classify tests first: the listed spellings and the possible first letters."""
    return _kinds_by_spelling(form, lang, ukrainian), _FIRST_LATIN.get(form[:1].lower())


Gate = tuple[dict[str, str], str | None]


@lru_cache(maxsize=16_384)
def _name_gate(
    forms: tuple[str, ...], lang: str, ukrainian: bool
) -> tuple[tuple[Gate, ...], frozenset[str], str | None]:
    """Each form's gate, and what a word must pass for one of them at least: be listed
    by a form, or start with a letter some form may start with (None: any letter)."""
    gates = tuple(_gate(form, lang, ukrainian) for form in forms)
    listed = frozenset(spelling for table, _ in gates for spelling in table)
    firsts = [first for _, first in gates]
    letters = None if None in firsts else "".join(f for f in firsts if f is not None)
    return gates, listed, letters


@lru_cache(maxsize=65_536)
def _classify(form: str, word: str, lang: str, ukrainian: bool = True) -> str | None:
    folded = word.casefold()
    listed = _kinds_by_spelling(form, lang, ukrainian).get(folded)
    if listed is not None:
        return listed
    if not _may_fit(form, folded):
        return None
    if not fits_romanisation(form, word):
        if lang == "uk" and is_russian_form(form, word, ukrainian):
            return "russian"  # Belopolye for Білопілля: no list knows the town
        return None
    if lang != "ru" and russian_letter_style(form, word):
        return "g-for-h"
    return "near"


@lru_cache(maxsize=65_536)
def expected_form(form: str, lang: str) -> str:
    """The romanisation a name should have: KMU 2010 (or the Russian passport system)."""
    if lang == "ru":
        return min(variants_by_kind(form, lang)["kmu"])
    return kmu2010(form)


@lru_cache(maxsize=16_384)
def target_words(text: str) -> tuple[Token, ...]:
    """Capitalised Latin words of a target sentence: where renderings of names are
    (memoised: three passes of the name checks read them)."""
    return tokens_matching(text, _CAPITALISED_LATIN)


Score = tuple[int, float]


# A target word as the renderings see it: the token, the word without a possessive
# 's, the 's, and the word case-folded (words shorter than MIN_LETTERS are left out).
Word = tuple[Token, str, str, str]


def _words(tokens: Sequence[Token]) -> list[Word]:
    out: list[Word] = []
    for token in tokens:
        word, suffix = _strip_possessive(token)
        if len(word) >= MIN_LETTERS:
            out.append((token, word, suffix, word.casefold()))
    return out


def rendering_candidates(
    name: SourceName, words: Sequence[Word], lang: str
) -> list[tuple[Score, Rendering]]:
    """Each target word that renders `name`, with its best reading (lower score is better)."""
    found: list[tuple[Score, Rendering]] = []
    # A word that no table lists and whose first letter no romanisation of the form
    # starts with is never a rendering (_classify's own first tests): skipped here,
    # before the per-(form, word) calls. Foreign first names are checked otherwise.
    if not words:
        return found
    gates = None
    listed: frozenset[str] = frozenset()
    letters: str | None = None
    if not name.foreign_person:
        gates, listed, letters = _name_gate(name.forms, lang, name.ukrainian)
    for token, word, suffix, folded in words:
        if letters is not None and folded[:1] not in letters and folded not in listed:
            continue  # every form's gate below would skip it
        best: tuple[Score, Rendering] | None = None
        for i, form in enumerate(name.forms):
            if gates is not None:
                table, first = gates[i]
                if folded not in table and first is not None and folded[:1] not in first:
                    continue
            kind, expected = _classify_for(name, form, word, lang)
            if kind is None:
                continue
            score = (KIND_RANK[kind], -similarity(word, expected))
            if best is None or score < best[0]:
                rendering = Rendering(
                    name, word, token.start, token.start + len(word), suffix, kind, form,
                    expected,
                )  # fmt: skip
                best = (score, rendering)
        if best is not None:
            found.append(best)
    return found


def _classify_for(name: SourceName, form: str, word: str, lang: str) -> tuple[str | None, str]:
    """The kind of `word` as a rendering of `form`, and the spelling expected.

    A foreign person's first name (Марко Рубіо) is expected in its conventional
    English form (Marco): the KMU form and an anglicised one are both wrong there.
    """
    usual = foreign_given((form,)) if name.foreign_person else ()
    kind = _classify(form, word, lang, name.ukrainian)
    if usual:
        if any(u.casefold() == word.casefold() for u in usual):
            return "conventional", usual[0]
        if kind is not None:
            return "not-conventional", usual[0]
        return None, usual[0]
    return kind, expected_form(form, lang) if kind is not None else ""


def _foreign_links(
    names: Sequence[SourceName], words: Sequence[Word], taken_names: set[int],
    taken_words: set[int], lang: str,
) -> list[tuple[int, Rendering]]:
    """Names with no letter-by-letter rendering, linked to the free target word most
    like their romanisation (Кір -> Keir, Ангела -> Angela, Стармер -> Starmer)."""
    found: list[tuple[float, int, Token, str]] = []
    free = [(w[0], w[1]) for w in words if w[0].start not in taken_words]
    if not free:
        return []
    for i, name in enumerate(names):
        if i in taken_names:
            continue
        first = _first_latin(name)
        romanised: list[tuple[str, str]] | None = None  # made when a word may match
        for token, word in free:
            if word[:1].casefold() != first:
                continue
            if romanised is None:
                romanised = [(form, expected_form(form, lang)) for form in name.forms]
            for form, latin in romanised:
                score = likeness(latin, word)
                if score >= FOREIGN_LIKENESS:
                    found.append((score, i, token, form))
    found.sort(key=lambda f: (-f[0], f[1], f[2].start))
    chosen: list[tuple[int, Rendering]] = []
    for _, i, token, form in found:
        if i in taken_names or token.start in taken_words:
            continue
        word, suffix = _strip_possessive(token)
        taken_names.add(i)
        taken_words.add(token.start)
        chosen.append((i, Rendering(
            names[i], word, token.start, token.start + len(word), suffix, "foreign", form,
            expected_form(form, lang),
        )))  # fmt: skip
    return chosen


def _first_latin(name: SourceName) -> str:
    return _first_letter(name.text[:1])


@lru_cache(maxsize=256)
def _first_letter(letter: str) -> str:
    return kmu2010(letter).casefold()[:1]


def assign_renderings(
    names: Sequence[SourceName], words: Sequence[Token], lang: str
) -> list[Rendering]:
    """One target word per source name, best matches first, in source order.

    Two mentions of one place (Луганській ... Луганської) must not both claim the one
    correct "Luhansk" and leave the "Lugansk" beside it unexamined.
    """
    prepared = _words(words) if names else []
    candidates = [
        (score, i, r)
        for i, name in enumerate(names)
        for score, r in rendering_candidates(name, prepared, lang)
    ]
    candidates.sort(key=lambda c: (c[0], c[1], c[2].start))
    taken_names: set[int] = set()
    taken_words: set[int] = set()
    chosen: list[tuple[int, Rendering]] = []
    for _, i, r in candidates:
        if i in taken_names or r.start in taken_words:
            continue
        taken_names.add(i)
        taken_words.add(r.start)
        chosen.append((i, r))
    chosen.extend(_foreign_links(names, prepared, taken_names, taken_words, lang))
    return [r for _, r in sorted(chosen, key=lambda c: c[0])]


def covered(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    # A loop, not any() over a generator: a glossary's target spans are many in a
    # sentence, and the generator's frames cost more than the tests.
    for s, e in spans:  # noqa: SIM110
        if s < end and start < e:
            return True
    return False


def in_case_of(suggestion: str, text: str) -> str:
    """A suggestion written in the case of the text it replaces (KYIV for an all-caps
    KIEV): both name checks suggest a spelling for a rendering."""
    return suggestion.upper() if text.isupper() and len(text) > 1 else suggestion
