"""Which Cyrillic names are Ukrainian: only those must follow KMU 2010 letter by letter.

Foreign names in Ukrainian text (Аризона, Ердоган, Вашингтон) are transliterations of
an original spelling that the English text rightly restores (Arizona, Erdogan), and
they fit the same letter patterns as a mis-romanised Ukrainian name. On the ntrex
and wmt23 references, warning about them raised 14 false alarms per 100 pairs. So a
near spelling is only reported for a name recognised as Ukrainian here: a common
Ukrainian first name, a Ukrainian place, a typically Ukrainian surname ending, or a
letter only Ukrainian has (ї). Names shared with foreign ones (Борис, Ян) are left out.

Adjective and region forms of a place (Луганській області, на Харківщині, київський)
are renderings of the place itself ("Luhansk region"): place_of() maps them back.
"""

from __future__ import annotations

from app.assets import data_words

# The word lists live in resources/data/names/ (data, not code).
UKRAINIAN_GIVEN_NAMES: frozenset[str] = data_words("names", "ukrainian-given-names.txt")
UKRAINIAN_PLACES: frozenset[str] = data_words("names", "ukrainian-places.txt")
# Words of two-word places: Ukrainian within a name, but common words on their own
# (Біла "white", Ріг "horn"), so never enough to make a sentence-initial word a name.
PLACE_WORDS: frozenset[str] = data_words("names", "place-words.txt")

SURNAME_ENDINGS: tuple[str, ...] = (
    "енко", "ський", "цький", "зький", "ська", "цька", "чук", "щук", "юк", "ишин",
    "ишина", "івна", "ович", "івка", "ївка", "щина", "ччина",
)  # fmt: skip
UKRAINIAN_LETTERS = frozenset("ї")  # not ґ: pymorphy3 lemmas spell foreign G with it


# Adjective (lemma) and region-noun endings, and what restores the place name:
# Луганськ-ий, Київ-ський, Одес-ький+а, Дніпро-в-ський, Донець-кий+ьк -> Донецьк,
# Вінни-цький+ця, Запорі-зький+жжя; Харків-щина, Луган-щина+ськ, Оде-щина+са,
# Доне-ччина+цьк, Вінни-ччина+ця, Рівне-нщина, Черка-щина+си.
_PLACE_SUFFIXES: tuple[str, ...] = (
    "ський", "цький", "зький", "вський", "нський", "ький", "ий", "щина", "ччина", "нщина",
)  # fmt: skip
_PLACE_ENDINGS: tuple[str, ...] = (
    "", "а", "о", "е", "я", "и", "ськ", "цьк", "ця", "жжя", "са", "си",
)  # fmt: skip
_PLACE_DERIVED_ENDINGS: tuple[str, ...] = ("ський", "цький", "зький", "щина", "ччина")


def place_of(lemma: str) -> str | None:
    """The Ukrainian place an adjective or region lemma names (Київський -> київ), or None.

    Only places in UKRAINIAN_PLACES are returned, so an unrelated adjective
    (Український, Російська) never turns into a name.
    """
    low = lemma.lower()
    if not low.endswith(_PLACE_DERIVED_ENDINGS):
        return None
    for suffix in _PLACE_SUFFIXES:
        if not low.endswith(suffix):
            continue
        stem = low[: -len(suffix)]
        if len(stem) < 3:
            continue
        for ending in _PLACE_ENDINGS:
            if stem + ending in UKRAINIAN_PLACES:
                return stem + ending
    return None


def is_known_name(forms: tuple[str, ...]) -> bool:
    """True when a form is a listed Ukrainian first name or place (not a surname guess).

    Strong enough to treat a sentence-initial word as a name (Київ також..., Юрій
    сказав...), where a capital letter alone proves nothing.
    """
    return any(
        f.lower() in UKRAINIAN_GIVEN_NAMES or f.lower() in UKRAINIAN_PLACES for f in forms
    )


def is_ukrainian(forms: tuple[str, ...]) -> bool:
    """True when one of a word's forms (the word, its lemmas) is a Ukrainian name."""
    for form in forms:
        low = form.lower()
        if low in UKRAINIAN_GIVEN_NAMES or low in UKRAINIAN_PLACES or low in PLACE_WORDS:
            return True
        if UKRAINIAN_LETTERS & set(low):
            return True
        if len(low) >= 6 and low.endswith(SURNAME_ENDINGS):
            return True
    return False
