"""Russian-style spellings of Ukrainian names, and fuzzy likeness of Latin spellings.

A Ukrainian place or person rendered through Russian (Kropivnitskiy for
Кропивницький, Sergey for Сергій) spells и and і as "i", г as "g" and -ий/-ій as
"-iy". The name tables list the common ones; russian_style_forms() derives the rest
letter by letter, so a town that no table knows is still recognised.

likeness() is the rapidfuzz indel ratio (0..100) of two case-folded spellings: the
way a foreign name transliterated into Ukrainian (Кір -> Kir) is linked back to its
English spelling (Keir), and how close two target spellings of one name are.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from app.core.text.tokens import normalize_apostrophes

_RUSSIAN_LETTERS: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "ye",
    "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "",
    "ю": "yu", "я": "ya", "'": "", "-": "-",
}  # fmt: skip
# Word endings as Russian romanisation gives them, and their English variants.
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ий", ("iy", "y", "i", "ij")),
    ("ій", ("iy", "y", "i", "ij")),
)


def _letters(word: str) -> str | None:
    out: list[str] = []
    for ch in word:
        latin = _RUSSIAN_LETTERS.get(ch)
        if latin is None:
            return None
        out.append(latin)
    return "".join(out)


@lru_cache(maxsize=8192)
def russian_style_forms(word: str) -> frozenset[str]:
    """Case-folded Russian-style romanisations of a Ukrainian word (empty if none differ).

    Only words with и, ї or є give forms (Russian spells them i, yi, ye): a Russian-style
    form must be evidence of Russian; г alone is name-mismatch's g-for-h kind.
    """
    low = normalize_apostrophes(word).lower()
    if not any(ch in low for ch in "иїє"):  # г alone is the g-for-h kind
        return frozenset()
    forms: set[str] = set()
    for ending, latins in _ENDINGS:
        if low.endswith(ending):
            stem = _letters(low[: -len(ending)])
            if stem is not None:
                forms.update(stem + latin for latin in latins)
    whole = _letters(low)
    if whole is not None:
        forms.add(whole)
    return frozenset(f for f in forms if f)


@lru_cache(maxsize=65_536)
def likeness(a: str, b: str) -> float:
    """rapidfuzz indel ratio of the case-folded spellings, 0..100."""
    return float(fuzz.ratio(a.casefold(), b.casefold()))


def one_slip(a: str, b: str) -> bool:
    """True when two spellings differ by one typing slip: a letter added, dropped,
    changed or two letters swapped (Keir/Kier, Angela/Angella)."""
    return DamerauLevenshtein.distance(a.casefold(), b.casefold(), score_cutoff=1) == 1
