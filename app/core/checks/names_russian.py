"""Russian forms of Ukrainian names that no list knows (Belopolye for Білопілля).

Russian names of Ukrainian places and people differ from the Ukrainian ones in
regular ways: Ukrainian і where Russian has е or о (Білопілля / Белополье, Харків /
Харьков, Ніжин / Нежин), and -ье where Ukrainian has a doubled consonant and -я
(Білопілля / Белополье). A target word that spells the source name letter by letter
(any usual romanisation: г as h or g, и as y or i, doubled letters once or twice) only
when some of those changes are made is its Russian form. One change is evidence enough
for a name known to be Ukrainian; for any other name two are needed, since English
spells some foreign names with e for a Ukrainian і (Пітер -> Peter).
pymorphy3's Ukrainian dictionary has no Geox tag, so no place list comes from it.
"""

from __future__ import annotations

from functools import lru_cache

from app.core.text.tokens import normalize_apostrophes

Options = tuple[tuple[str, int], ...]  # (Latin spelling, Russian changes it counts)

_PLAIN: dict[str, tuple[str, ...]] = {
    "а": ("a",), "б": ("b",), "в": ("v",), "г": ("h", "g", "kh"), "ґ": ("g",), "д": ("d",),
    "е": ("e",), "є": ("ye", "ie"), "ж": ("zh",), "з": ("z",), "и": ("y", "i"),
    "і": ("i", "y"), "ї": ("yi", "i", "ji"), "й": ("y", "i", "j", ""), "к": ("k",),
    "л": ("l",), "м": ("m",), "н": ("n",), "о": ("o",), "п": ("p",), "р": ("r",),
    "с": ("s",), "т": ("t",), "у": ("u",), "ф": ("f",), "х": ("kh", "h"),
    "ц": ("ts", "tz", "c"), "ч": ("ch",), "ш": ("sh",), "щ": ("shch", "sch"), "ь": ("",),
    "ю": ("yu", "iu", "u"), "я": ("ya", "ia", "a"), "'": ("",), "-": ("-", ""),
}  # fmt: skip
_RUSSIAN: dict[str, tuple[str, ...]] = {"і": ("e", "o"), "є": ("e",)}
_RUSSIAN_END = ("ye", "ie", "e")  # -лля, -ння ... -> -ье
_VOWELS = frozenset("аеєиіїоуюяь'")


# Each letter's options without and with its Russian changes (the common case of
# _lattice, made once instead of per letter of every name).
_BASE: dict[str, tuple[tuple[str, int], ...]] = {
    ch: tuple((latin, 0) for latin in plain) for ch, plain in _PLAIN.items()
}
_WITH_RUSSIAN: dict[str, tuple[tuple[str, int], ...]] = {
    ch: base + tuple((latin, 1) for latin in _RUSSIAN.get(ch, ())) for ch, base in _BASE.items()
}


@lru_cache(maxsize=8192)
def _lattice(form: str) -> tuple[Options, ...] | None:
    """Each letter's Latin spellings with the Russian changes they count (None when the
    form has a letter no rule covers, or no Russian change is possible)."""
    low = normalize_apostrophes(form).lower()
    if not ("і" in low or "є" in low or low.endswith("я")):
        return None
    out: list[Options] = []
    last_index = len(low) - 1
    for i, ch in enumerate(low):
        last = i == last_index
        # a final і is a case ending (Україні), not the stem's і
        options = (_BASE if last else _WITH_RUSSIAN).get(ch)
        if options is None:
            return None
        if i > 0 and ch == low[i - 1] and ch not in _VOWELS:
            options += (("", 0),)  # a doubled consonant written once
        if last and ch == "я" and len(low) > 2 and low[-2] == low[-3] and low[-2] not in _VOWELS:
            options += tuple((latin, 1) for latin in _RUSSIAN_END)
        out.append(options)
    return tuple(out)


@lru_cache(maxsize=65_536)
def russian_changes(form: str, word: str) -> int | None:
    """The fewest Russian changes that make `word` spell `form` (0: a Ukrainian
    romanisation), or None when no reading spells it."""
    lattice = _lattice(form)
    latin = word.casefold()
    if lattice is None or not len(lattice) - 2 <= len(latin) <= 2 * len(lattice) + 2:
        return None
    inf = 1 << 30
    best = [inf] * (len(latin) + 1)  # best[j]: changes to spell latin[:j] so far
    best[0] = 0
    for options in lattice:
        after = [inf] * (len(latin) + 1)
        for j, cost in enumerate(best):
            if cost == inf:
                continue
            for spelling, extra in options:
                end = j + len(spelling)
                if latin.startswith(spelling, j) and cost + extra < after[end]:
                    after[end] = cost + extra
        best = after
    return None if best[-1] == inf else best[-1]


def is_russian_form(form: str, word: str, ukrainian: bool) -> bool:
    """True when `word` is the Russian form of the Ukrainian name `form` (see module doc)."""
    changes = russian_changes(form, word)
    return changes is not None and changes >= (1 if ukrainian else 2)
