"""Injected name and number-word errors for bench/eval_checks.py (issue 11, item 9).

Each injector takes an article (list of Pair) and returns the changes it would make,
(pair index, new target), found from what the article itself renders (so the
injected error is one of a name the article really has):

- surname-variant: a Ukrainian surname respelt where the article has it elsewhere
  (Shmyhal ... Shmygal), preferably at a surname-only mention;
- foreign-misspelling: one typing slip in a foreign name the article repeats
  (Starmer ... Stramer, Angela ... Angella);
- russian-place: a Ukrainian place in a Russian-style form (Kharkiv -> Kharkov,
  Kropyvnytskyi -> Kropivnitskiy, letter by letter when no table lists it);
- name-replaced: a Ukrainian place or first name replaced by a common word or by
  another name (Sumy -> Amounts, Kharkiv -> Poltava, Serhii -> Taras);
- number-word: an English number word changed into another (three -> four);
- foreign-first-name: a foreign person's first name romanised as if Ukrainian
  (Marco Rubio -> Marko Rubio).

An injection is found when the expected check reports, on the changed pair, a
warning or error the clean article did not have.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from app.core.checks.base import CheckContext
from app.core.checks.names_abbr import abbreviations
from app.core.checks.names_data import UKRAINIAN_GIVEN_NAMES, UKRAINIAN_PLACES
from app.core.checks.names_foreign import foreign_given
from app.core.checks.names_match import Rendering
from app.core.checks.names_memo import pair_renderings
from app.core.model.document import Pair
from app.core.text.name_forms import likeness, russian_style_forms
from app.core.text.numbers import extract
from app.core.text.translit import RUSSIAN_STYLE, kmu2010

UK = CheckContext("uk", "en")
Change = tuple[int, str]
Injector = Callable[[random.Random, list[Pair]], list[Change]]

NAME_KINDS: dict[str, set[str]] = {
    "surname-variant": {"name-inconsistent", "name-mismatch"},
    "foreign-misspelling": {"name-inconsistent"},
    "russian-place": {"name-mismatch", "name-inconsistent"},
    "name-replaced": {"name-missing", "name-mismatch"},
    "number-word": {"number-mismatch"},
    "foreign-first-name": {"name-mismatch"},
    "abbreviation": {"name-missing"},
}
_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_OTHER_PLACES = ("Poltava", "Lutsk", "Uzhhorod", "Ternopil", "Kherson")
_OTHER_GIVEN = ("Taras", "Bohdan", "Ostap", "Nazar")
_COMMON = ("Amounts", "White Church", "Happiness", "Meadows")
_LIMIT = 3  # injections per article and kind
# The bigger name-replaced sample's pools (the bench's own, not the check's lists):
# what the name means, word for word, as MT renders it ...
_CALQUES: dict[str, tuple[str, ...]] = {
    "суми": ("Sums", "Amounts", "Bags"),
    "ізюм": ("Raisin", "Raisins"),
    "бровари": ("Brewers", "Breweries"),
    "вугледар": ("Coal Gift",),
    "енергодар": ("Energy Gift",),
    "рівне": ("Level", "Even", "Smooth"),
    "буча": ("Uproar", "Commotion"),
    "слов'янськ": ("Slavic",),
    "запоріжжя": ("Beyond the Rapids",),
    "поділля": ("Lowlands",),
    "закарпаття": ("Beyond the Carpathians",),
    "надія": ("Hope",),
    "віра": ("Faith",),
    "любов": ("Love",),
    "зоряна": ("Starry",),
    "богдан": ("God-given",),
    "мирослав": ("Peaceful Glory",),
    "лев": ("Lion",),
}
# ... an ordinary word in place of a name ...
_COMMON_WORDS = ("Field", "Market", "Bridge", "Harbour", "Hills", "Steppe", "Border", "Forest")
# ... or another real name of the same kind.
_REAL_PLACES: tuple[str, ...] = (
    "Poltava", "Lutsk", "Uzhhorod", "Ternopil", "Kherson", "Vinnytsia",
    "Chernivtsi", "Zhytomyr", "Cherkasy", "Kolomyia", "Drohobych", "Berdychiv",
)  # fmt: skip
_MALE_GIVEN: tuple[str, ...] = (
    "Taras", "Bohdan", "Ostap", "Nazar", "Petro", "Ivan", "Stepan", "Yaroslav",
    "Mykhailo", "Vasyl", "Hryhorii", "Fedir",
)  # fmt: skip
_FEMALE_GIVEN: tuple[str, ...] = (
    "Oksana", "Olena", "Iryna", "Halyna", "Khrystyna", "Lesia", "Solomiia",
    "Maryna", "Tetiana", "Nadiia",
)  # fmt: skip
_MASCULINE_IN_A = ("микола", "ілля", "микита", "кузьма", "сава", "хома", "лука")


def _female(low: str) -> bool:
    return (low.endswith(("а", "я")) and low not in _MASCULINE_IN_A) or low == "любов"


def _renderings(doc: Sequence[Pair]) -> list[tuple[int, Rendering]]:
    return [(p.index, r) for p in doc for r in pair_renderings(p, UK)]


def _replace(target: str, r: Rendering, new: str) -> str:
    return target[: r.start] + new + target[r.end :]


def _pick(rng: random.Random, options: list[Change]) -> list[Change]:
    rng.shuffle(options)
    seen: set[int] = set()
    out: list[Change] = []
    for index, text in options:
        if index not in seen:
            seen.add(index)
            out.append((index, text))
    return out[:_LIMIT]


def _lemma(r: Rendering) -> str:
    return r.form.casefold()


def _respelt(word: str) -> str | None:
    """Another plausible romanisation of a name: Shmyhal -> Shmygal, Zelensky -> Zelenskyy."""
    for old, new in (("h", "g"), ("yi", "iy"), ("kh", "h"), ("ii", "iy"), ("y", "i"),
                     ("ts", "tz"), ("i", "y"), ("e", "ye")):  # fmt: skip
        pos = word.rfind(old, 1)
        if pos > 0:
            return word[:pos] + new + word[pos + len(old) :]
    return None


def _slip(rng: random.Random, word: str) -> str:
    """One typing slip inside the word: a letter doubled, dropped, or two swapped."""
    i = rng.randrange(1, len(word) - 1)
    choice = rng.randrange(3)
    if choice == 0:
        return word[:i] + word[i] + word[i:]
    if choice == 1:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :] if word[i] != word[i + 1] else (
        word[:i] + word[i] + word[i:]
    )


def surname_variant(rng: random.Random, doc: list[Pair]) -> list[Change]:
    found = _renderings(doc)
    count: dict[str, set[int]] = defaultdict(set)
    for index, r in found:
        count[_lemma(r)].add(index)
    options: list[Change] = []
    for index, r in found:
        if not r.name.ukrainian or r.form.lower() in UKRAINIAN_GIVEN_NAMES:
            continue
        if r.form.lower() in UKRAINIAN_PLACES or len(count[_lemma(r)]) < 2 or len(r.text) < 5:
            continue
        new = _respelt(r.text)
        if new and new != r.text:
            options.append((index, _replace(doc[index].target, r, new)))
    return _pick(rng, options)


def foreign_misspelling(rng: random.Random, doc: list[Pair]) -> list[Change]:
    found = _renderings(doc)
    spellings: dict[str, set[int]] = defaultdict(set)
    for index, r in found:
        spellings[r.text].add(index)
    options = [
        (index, _replace(doc[index].target, r, _slip(rng, r.text)))
        for index, r in found
        if not r.name.ukrainian and len(r.text) >= 5 and len(spellings[r.text]) >= 2
        and not r.text.isupper()
    ]  # fmt: skip
    return _pick(rng, options)


def _russian(r: Rendering) -> str | None:
    table = RUSSIAN_STYLE.get(r.form.lower())
    if table:
        return table[0]
    forms = sorted(russian_style_forms(r.form), key=lambda f: (not f.endswith("iy"), f))
    return forms[0].capitalize() if forms else None


def russian_place(rng: random.Random, doc: list[Pair]) -> list[Change]:
    options: list[Change] = []
    for index, r in _renderings(doc):
        if r.form.lower() not in UKRAINIAN_PLACES or r.kind not in ("kmu", "conventional"):
            continue
        new = _russian(r)
        if new and new.casefold() != r.text.casefold():
            options.append((index, _replace(doc[index].target, r, new)))
    return _pick(rng, options)


def _legacy_name_replaced(rng: random.Random, doc: list[Pair]) -> list[Change]:
    """The first, smaller sample (at most three per article): run only for its draws on
    the shared stream, so that the kinds drawn after it keep their samples."""
    options: list[Change] = []
    for index, r in _renderings(doc):
        low = r.form.lower()
        if r.kind not in ("kmu", "conventional") or r.name.conventional_person:
            continue
        pool: tuple[str, ...]
        if low in UKRAINIAN_PLACES:
            pool = _COMMON + _OTHER_PLACES
        elif low in UKRAINIAN_GIVEN_NAMES and r.name.ukrainian and not r.name.foreign_person:
            pool = _OTHER_GIVEN
        else:
            continue
        new = rng.choice([p for p in pool if p.casefold() != r.text.casefold()])
        target = doc[index].target
        if len(re.findall(rf"\b{re.escape(r.text)}\b", target)) != 1:
            continue  # the name twice in one sentence: one of them still carries it
        options.append((index, _replace(target, r, new)))
    return _pick(rng, options)


def name_replaced(rng: random.Random, doc: list[Pair]) -> list[Change]:
    """Every listed Ukrainian place or first name the article renders, each in its own
    injection, replaced by a calque of it (Суми -> Sums, Надія -> Hope), a common word,
    or another real name of its kind (Kharkiv -> Poltava, Serhii -> Taras, Olena ->
    Oksana): one injection with a word and one with another name per mention. The
    replacements are drawn from a stream of its own, seeded by the article,
    so the sample does not depend on the other kinds; `rng` sees the first sample's
    draws only. The pools are the bench's own, not the check's lists."""
    _legacy_name_replaced(rng, doc)
    own = random.Random("name-replaced\n" + "\n".join(p.source for p in doc[:3]))
    options: list[Change] = []
    for index, r in _renderings(doc):
        low = r.form.lower()
        if r.kind not in ("kmu", "conventional") or r.name.conventional_person:
            continue
        words: tuple[str, ...] = _CALQUES.get(low, ())
        names: tuple[str, ...]
        if low in UKRAINIAN_PLACES:
            names = _REAL_PLACES
            words = words or _COMMON_WORDS
        elif low in UKRAINIAN_GIVEN_NAMES and r.name.ukrainian and not r.name.foreign_person:
            names = _FEMALE_GIVEN if _female(low) else _MALE_GIVEN
        else:
            continue
        target = doc[index].target
        if len(re.findall(rf"\b{re.escape(r.text)}\b", target)) != 1:
            continue  # the name twice in one sentence: one of them still carries it
        for pool in (words, names):  # one injection with a word, one with another name
            fits = [w for w in pool if _unlike(w, r, target)]
            if fits:
                options.append((index, _replace(target, r, own.choice(fits))))
    return options


def _unlike(word: str, r: Rendering, target: str) -> bool:
    """A replacement, not another spelling of the name (Nadiia for Надія is no error)."""
    near = kmu2010(r.form)
    return (
        word.casefold() not in target.casefold()
        and likeness(near, word) < 60 and likeness(r.text, word) < 60
    )  # fmt: skip


def number_word(rng: random.Random, doc: list[Pair]) -> list[Change]:
    options: list[Change] = []
    for pair in doc:
        src = {m.value for m in extract(pair.source, "uk")}
        for m in extract(pair.target, "en"):
            low = m.text.lower()
            if m.kind != "word" or m.weak or low not in _WORDS or m.value not in src:
                continue
            new = rng.choice([w for w in _WORDS if w != low])
            new = new.capitalize() if m.text[:1].isupper() else new
            options.append((pair.index, pair.target[: m.start] + new + pair.target[m.end :]))
    return _pick(rng, options)


def foreign_first_name(rng: random.Random, doc: list[Pair]) -> list[Change]:
    options: list[Change] = []
    for index, r in _renderings(doc):
        if not r.name.foreign_person or r.kind != "conventional":
            continue
        usual = foreign_given((r.form,))
        kmu = kmu2010(r.form)
        if usual and kmu.casefold() not in {u.casefold() for u in usual}:
            options.append((index, _replace(doc[index].target, r, kmu)))
    return _pick(rng, options)


def abbreviation(rng: random.Random, doc: list[Pair]) -> list[Change]:
    """An abbreviation's rendering replaced by another organisation (ЗСУ: Armed Forces of
    Ukraine -> Russian Armed Forces; СБУ: SBU -> FSB)."""
    options: list[Change] = []
    for pair in doc:
        for abbr in abbreviations():
            if not re.search(rf"(?<!\w){abbr.abbr}(?!\w)", pair.source):
                continue
            for good in sorted(abbr.accepted, key=len, reverse=True):
                hit = re.search(rf"(?<![\w.]){re.escape(good)}(?!\w)", pair.target)
                if hit is None:
                    continue
                other = rng.choice(abbr.others)
                new = pair.target[: hit.start()] + other + pair.target[hit.end() :]
                if not any(
                    re.search(rf"(?<![\w.]){re.escape(a)}(?!\w)", new, re.IGNORECASE)
                    for a in abbr.accepted
                ):
                    options.append((pair.index, new))
                break
    return _pick(rng, options)


INJECTORS: dict[str, Injector] = {
    "surname-variant": surname_variant,
    "foreign-misspelling": foreign_misspelling,
    "russian-place": russian_place,
    "name-replaced": name_replaced,
    "number-word": number_word,
    "foreign-first-name": foreign_first_name,
    "abbreviation": abbreviation,
}
