"""The injected errors of bench/eval_checks.py for the older kinds: numbers, untranslated
text, omissions, spacing, name-mismatch (Russian-style forms), name-inconsistent
(another romanisation of a repeated name) and the glossary's forbidden renderings."""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Callable

from app.core.checks.base import CheckContext
from app.core.model.document import Pair
from app.core.text.number_words import ORDINAL_VALUES
from app.core.text.numbers import extract
from app.core.text.tokens import tokenize

# Correct romanisation, Russian-style variant, Cyrillic stem the source must contain.
NAME_VARIANTS: tuple[tuple[str, str, str], ...] = (
    ("Volodymyr", "Vladimir", "Володимир"),
    ("Oleksandr", "Aleksandr", "Олександр"),
    ("Kyiv", "Kiev", "Ки"),
    ("Kharkiv", "Kharkov", "Харк"),
    ("Mykola", "Nikolai", "Микол"),
    ("Andrii", "Andrei", "Андрі"),
    ("Oleksii", "Aleksei", "Олексі"),
    ("Serhii", "Sergei", "Сергі"),
    ("Dmytro", "Dmitry", "Дмитр"),
    ("Lviv", "Lvov", "Льв"),
    ("Odesa", "Odessa", "Одес"),
    ("Mykolaiv", "Nikolaev", "Миколаїв"),
    ("Yurii", "Yuri", "Юрі"),
    ("Zaporizhzhia", "Zaporozhye", "Запоріж"),
    ("Dnipro", "Dnepr", "Дніпр"),
    ("Vitalii", "Vitaly", "Віталі"),
    ("Chernihiv", "Chernigov", "Черніг"),
    ("Luhansk", "Lugansk", "Луган"),
)

# -- injections ----------------------------------------------------------------


def inject_number(rng: random.Random, pair: Pair) -> str | None:
    src_values = {m.value for m in extract(pair.source, "uk")}
    cands = [
        m for m in extract(pair.target, "en")
        if not m.weak and m.kind in ("number", "percent", "date") and m.value in src_values
        and re.search(r"\d", m.text)
    ]
    if not cands:
        return None
    m = rng.choice(cands)
    t = pair.target
    if rng.random() < 0.5:  # drop the figure
        return re.sub(r"\s{2,}", " ", t[: m.start] + t[m.end :])
    digits = [i for i in range(m.start, m.end) if t[i].isdigit()]
    i = rng.choice(digits)
    new = str((int(t[i]) + rng.randint(1, 8)) % 10)
    if new == "0" and (i == m.start):
        new = "9"
    return t[:i] + new + t[i + 1 :]


def inject_ordinal(rng: random.Random, pair: Pair) -> str | None:
    """An English ordinal word whose value the source has changed into another
    (fourth -> fifth, first -> third): the ordinal slip of issue 11, item 7."""
    src_values = {m.value for m in extract(pair.source, "uk")}
    cands = [
        m for m in extract(pair.target, "en")
        if m.text.lower() in ORDINAL_VALUES["en"] and m.value in src_values
    ]  # fmt: skip
    if not cands:
        return None
    m = rng.choice(cands)
    words = [w for w, v in ORDINAL_VALUES["en"].items() if v <= 20 and w != m.text.lower()]
    new = rng.choice(words)
    new = new.capitalize() if m.text[:1].isupper() else new
    return pair.target[: m.start] + new + pair.target[m.end :]


def inject_untranslated(rng: random.Random, pair: Pair) -> str | None:
    src_words, tgt_words = pair.source.split(), pair.target.split()
    if len(src_words) < 6 or len(tgt_words) < 6:
        return None
    if rng.random() < 0.5:
        return pair.source
    cut_t = len(tgt_words) // 2
    cut_s = len(src_words) // 2
    return " ".join(tgt_words[:cut_t] + src_words[cut_s:])


def inject_omission(rng: random.Random, pair: Pair) -> str | None:
    words = pair.target.split()
    if len(words) < 8:
        return None
    drop = round(len(words) * rng.uniform(0.5, 0.7))
    at = rng.randint(0, len(words) - drop)
    return " ".join(words[:at] + words[at + drop :])


def inject_spacing(rng: random.Random, pair: Pair) -> str | None:
    t = pair.target
    choice = rng.randrange(3)
    if choice == 0:
        stops = [m.start() for m in re.finditer(r"(?<=[a-z])\.(?=\s|$)", t)]
        if stops:
            i = rng.choice(stops)
            return t[:i] + " " + t[i:]
        choice = 1
    if choice == 1:
        spaces = [m.start() for m in re.finditer(r"(?<=\w) (?=\w)", t)]
        if not spaces:
            return None
        i = rng.choice(spaces)
        return t[:i] + " " + t[i:]
    if '"' in t or "“" in t:
        quotes = [m.start() for m in re.finditer(r"[\"“”]", t)]
        i = rng.choice(quotes)
        return t[:i] + t[i + 1 :]
    words = [m.start() for m in re.finditer(r"(?<=\s)\w", t)]
    if not words:
        return None
    i = rng.choice(words[: max(1, len(words) // 2)])
    return t[:i] + '"' + t[i:]


def inject_name_mismatch(rng: random.Random, pair: Pair) -> str | None:
    options = [
        (good, bad)
        for good, bad, stem in NAME_VARIANTS
        if stem in pair.source and re.search(rf"\b{good}\b", pair.target)
    ]
    if not options:
        return None
    good, bad = rng.choice(options)
    return re.sub(rf"\b{good}\b", bad, pair.target, count=1)


def name_variant(name: str) -> str | None:
    """Another plausible romanisation of a name: Zelensky -> Zelenskyy."""
    for old, new in (("yy", "y"), ("kh", "h"), ("iy", "yi"), ("ii", "y"), ("ts", "tz"),
                     ("y", "yy"), ("i", "y"), ("e", "ye")):
        pos = name.rfind(old, 1)
        if pos > 0:
            return name[:pos] + new + name[pos + len(old) :]
    return None


def _romanised_names(source: str) -> set[str]:
    """First four letters of the romanised capitalised source words: names to look for."""
    from app.core.text.translit import kmu2010

    return {
        kmu2010(tok.text)[:4].lower()
        for tok in tokenize(source)
        if tok.start > 0 and tok.is_capitalized and len(tok.text) >= 4
    }


def inject_name_inconsistent(rng: random.Random, doc: list[Pair]) -> tuple[int, str] | None:
    """Render one repeated name (a romanised source name) another way in one pair."""
    seen: dict[str, list[int]] = defaultdict(list)
    for pair in doc:
        names = _romanised_names(pair.source)
        for tok in tokenize(pair.target):
            if (
                tok.start > 0 and tok.is_capitalized and tok.text.isalpha()
                and len(tok.text) >= 5 and tok.text[:4].lower() in names
            ):
                seen[tok.text].append(pair.index)
    repeated = sorted(name for name, where in seen.items() if len(set(where)) >= 2)
    if not repeated:
        return None
    name = rng.choice(repeated)
    variant = name_variant(name)
    if variant is None:
        return None
    index = seen[name][-1]
    return index, re.sub(rf"\b{name}\b", variant, doc[index].target, count=1)


def make_glossary_injector(ctx: CheckContext) -> Callable[[random.Random, Pair], str | None]:
    index = ctx.glossary

    def inject(rng: random.Random, pair: Pair) -> str | None:
        if index is None:
            return None
        options: list[tuple[str, str]] = []
        for match in index.source_matches(pair.source):
            entry = match.entry
            for good in entry.targets:
                if entry.forbidden and re.search(rf"\b{re.escape(good)}\b", pair.target):
                    options.append((good, entry.forbidden[0]))
        if not options:
            return None
        good, bad = rng.choice(sorted(set(options)))
        return re.sub(rf"\b{re.escape(good)}\b", bad, pair.target, count=1)

    return inject
