"""What the name checks know about names that are not Ukrainian, and about names MT
turns into common words.

FOREIGN_GIVEN: conventional English forms of first names as Ukrainian spells them
for foreign people (Марко Рубіо is Marco, not the KMU "Marko" nor "Mark").
FOREIGN_SURNAMES: surnames of foreign public figures common in Ukrainian news; a first
name next to one of them is a foreign person's, so FOREIGN_GIVEN decides it.
EXONYMS: source names whose English rendering is a translation, not a
romanisation (Німеччина -> Germany): a target holding one accounts for the name.
COMMON_WORD_TRAPS: Ukrainian places whose names are also common words, and the
words MT gives for them (Суми -> Amounts).
"""

from __future__ import annotations

from app.assets import data_table, data_words

# The tables live in resources/data/names/ (data, not code).
FOREIGN_GIVEN: dict[str, tuple[str, ...]] = data_table("names", "foreign-given-names.tsv")
FOREIGN_SURNAMES: frozenset[str] = data_words("names", "foreign-surnames.txt")
EXONYMS: dict[str, tuple[str, ...]] = data_table("names", "exonyms.tsv")
COMMON_WORD_TRAPS: dict[str, tuple[str, ...]] = data_table("names", "common-word-traps.tsv")
# Two-word places, by the first letters of each word's stem: (first, second) -> KMU.
MULTIWORD_PLACES: dict[tuple[str, str], str] = {
    (first, second): forms[0]
    for key, forms in data_table("names", "multiword-places.tsv").items()
    for first, second in [key.split(" ", 1)]
}


def is_foreign_surname(forms: tuple[str, ...]) -> bool:
    return any(f.lower() in FOREIGN_SURNAMES for f in forms)


def foreign_given(forms: tuple[str, ...]) -> tuple[str, ...]:
    """The conventional English forms of a foreign first name, or ()."""
    for form in forms:
        found = FOREIGN_GIVEN.get(form.lower())
        if found:
            return found
    return ()
