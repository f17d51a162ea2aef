"""Number words in uk/ru/en: семеро, двадцять п'ять, three million, другого (2nd).

Kept apart from app.core.text.numbers, which finds figures written in digits; pymorphy3
gives every inflected form (п'яти, трьох, двохсот) its lemma, and every parse counts.

Number words are a closed set: a word the dictionary knows can only have a number lemma
if it is a form of one of the few number lexemes, so the forms of those lexemes are
listed once (`_closed_forms`) and every other known word skips pymorphy3. Words the
dictionary does not know still go through pymorphy3 (its guesses can yield any lemma).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from app.core.text import morphology
from app.core.text.tokens import normalize_apostrophes

MULT_ABBR = {
    "тис": 3, "тыс": 3, "млн": 6, "млрд": 9, "трлн": 12,
    "thousand": 3, "million": 6, "billion": 9, "trillion": 12,
    "mln": 6, "bn": 9, "mn": 6, "tn": 12,
}
_MULT_LEMMA = {
    "тисяча": 3, "тысяча": 3, "мільйон": 6, "миллион": 6,
    "мільярд": 9, "миллиард": 9, "трильйон": 12, "триллион": 12,
}
# Times of day: 15:00, 7.55am, 3 p.m., 2pm.
_UK_WORDS = (
    "нуль один два три чотири п'ять шість сім вісім дев'ять десять одинадцять дванадцять "
    "тринадцять чотирнадцять п'ятнадцять шістнадцять сімнадцять вісімнадцять "
    "дев'ятнадцять двадцять"
).split()
_RU_WORDS = (
    "ноль один два три четыре пять шесть семь восемь девять десять одиннадцать "
    "двенадцать тринадцать четырнадцать пятнадцать шестнадцать семнадцать "
    "восемнадцать девятнадцать двадцать"
).split()
_EN_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_TENS = {
    "uk": "тридцять сорок п'ятдесят шістдесят сімдесят вісімдесят дев'яносто",
    "ru": "тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто",
    "en": "thirty forty fifty sixty seventy eighty ninety",
}
_HUNDREDS = {
    "uk": "сто двісті триста чотириста п'ятсот шістсот сімсот вісімсот дев'ятсот",
    "ru": "сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот",
}
_COLLECTIVE = {
    "uk": "двоє троє четверо п'ятеро шестеро семеро восьмеро дев'ятеро десятеро",
    "ru": "двое трое четверо пятеро шестеро семеро восьмеро девятеро десятеро",
}


def _word_values() -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for lang, units in (("uk", _UK_WORDS), ("ru", _RU_WORDS), ("en", _EN_WORDS)):
        values = {w: i for i, w in enumerate(units)}
        values.update({w: 30 + 10 * i for i, w in enumerate(_TENS[lang].split())})
        values.update({w: 100 * (i + 1) for i, w in enumerate(_HUNDREDS.get(lang, "").split())})
        values.update({w: i + 2 for i, w in enumerate(_COLLECTIVE.get(lang, "").split())})
        out[lang] = values
    out["en"]["hundred"] = 100
    return out


WORD_VALUES = _word_values()


_APOSTROPHE_VARIANTS = ("'", "’", "ʼ")


def build_closed_forms(lang: str) -> frozenset[str]:
    """Every form of every lexeme whose lemma is a number word, multiplier or ordinal.

    Built from the dictionary itself (the lexemes of each parse of each lemma), so a
    known word outside this set has no parse with such a lemma: pymorphy3 would find
    none either. Spelled as `word_info` compares them (lower case, one apostrophe),
    with ё also as е since pymorphy3 reads е as ё.
    """
    lemmas = set(WORD_VALUES[lang]) | set(_MULT_LEMMA) | set(ORDINAL_VALUES.get(lang, {}))
    forms: set[str] = set()
    for lemma in lemmas:
        for variant in {lemma.replace("'", a) for a in _APOSTROPHE_VARIANTS}:
            for parse in morphology._parses(variant, lang):
                for form in parse.lexeme:
                    word = normalize_apostrophes(form.word.lower())
                    forms.add(word)
                    forms.add(word.replace("ё", "е"))
    return frozenset(forms)


@lru_cache(maxsize=4)
def _closed_forms(lang: str) -> frozenset[str]:
    """The shipped table when it was built from the installed dictionary, else a new one."""
    from app.core.text import number_forms

    stamp = morphology.dictionary_stamp(lang)
    if number_forms.STAMPS.get(lang) == stamp:
        return number_forms.FORMS[lang]
    return build_closed_forms(lang)


def _may_be_number(w: str, lang: str) -> bool:
    """False only when pymorphy3 surely gives `w` no number lemma (see `_closed_forms`)."""
    return w in _closed_forms(lang) or not morphology.is_known(w, lang)


@lru_cache(maxsize=100_000)
def word_info(word: str, lang: str) -> tuple[int | None, int | None]:
    """(number value, power-of-ten multiplier) a word stands for, if any."""
    w = normalize_apostrophes(word.lower())
    if lang == "en" or lang not in ("uk", "ru"):
        power = MULT_ABBR.get(w) if w in ("thousand", "million", "billion", "trillion") else None
        return WORD_VALUES["en"].get(w), power
    values = WORD_VALUES[lang]
    if w in values:
        return values[w], None
    value: int | None = None
    power = None
    if not _may_be_number(w, lang):
        return None, None
    for parse in morphology._parses(w, lang):
        lemma = normalize_apostrophes(parse.normal_form)
        if "NUMR" in parse.tag and lemma in values and value is None:
            value = values[lemma]
        if lemma in _MULT_LEMMA and "NOUN" in parse.tag:
            power = _MULT_LEMMA[lemma]
    return value, power



_ORDINALS = {
    "uk": "перший другий третій четвертий п'ятий шостий сьомий восьмий дев'ятий десятий",
    "ru": "первый второй третий четвертый пятый шестой седьмой восьмой девятый десятый",
    "en": "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth",
}
ORDINAL_VALUES = {
    lang: {w: i + 1 for i, w in enumerate(words.split())} for lang, words in _ORDINALS.items()
}
ORDINAL_VALUES["en"].update(
    {w: 30 + 10 * i for i, w in enumerate(
        "thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
    )} | {"hundredth": 100}
)  # fmt: skip
# Ordinals past ten in uk/ru, a closed set of stems with the adjective endings (their
# lemmas are not in the shipped closed-form table, and they decline regularly).
# "дев'яноста" is also the cardinal 90 in an oblique case, so that stem takes no -а.
_HIGH_STEMS = {
    "uk": "одинадцят дванадцят тринадцят чотирнадцят п'ятнадцят шістнадцят сімнадцят "
    "вісімнадцят дев'ятнадцят двадцят тридцят сороков п'ятдесят шістдесят сімдесят "
    "вісімдесят дев'яност сот",
    "ru": "одиннадцат двенадцат тринадцат четырнадцат пятнадцат шестнадцат семнадцат "
    "восемнадцат девятнадцат двадцат тридцат сороков пятидесят шестидесят семидесят "
    "восьмидесят девяност сот",
}
_HIGH_ENDINGS = {
    "uk": "ий|ого|ому|им|ім|ої|ій|у|ою|е|і|их|ими|а",
    "ru": "ый|ой|ого|ому|ым|ом|ая|ую|ое|ые|ых|ыми",
}


def _high_ordinals(lang: str) -> dict[str, int]:
    stems = _HIGH_STEMS[lang].split()
    values = [11 + i for i in range(9)] + [20 + 10 * i for i in range(8)] + [100]
    out: dict[str, int] = {}
    for stem, value in zip(stems, values, strict=True):
        for ending in _HIGH_ENDINGS[lang].split("|"):
            if not (stem.startswith("дев'яност") and ending == "а"):
                out[stem + ending] = value
    return out


_HIGH_ORDINALS = {lang: _high_ordinals(lang) for lang in _HIGH_STEMS}


@lru_cache(maxsize=100_000)
def ordinal_word(word: str, lang: str) -> int | None:
    """Ordinal words, 1-20, the tens and 100 (другого типу = type 2; twentieth)."""
    w = normalize_apostrophes(word.lower())
    values = ORDINAL_VALUES.get(lang)
    if values is None:
        return None
    if lang not in ("uk", "ru"):
        return values.get(w)
    high = _HIGH_ORDINALS[lang].get(w.replace("ё", "е"))
    if high is not None:
        return high
    if not _may_be_number(w, lang):
        return None
    for parse in morphology._parses(w, lang):
        if "ADJF" in parse.tag:
            lemma = normalize_apostrophes(parse.normal_form).replace("ё", "е")  # четвёртый
            if lemma in values:
                return values[lemma]
    return None


_NUMBER_WORD_MEMO: dict[str, dict[str, bool]] = {}


def is_number_word(word: str, lang: str) -> bool:
    """Whether `word` is a number, multiplier or ordinal word: `ordinal_word` or
    `word_info` finds something. Memoised in a plain dict per language: most texts ask
    it of every word, and a dict look-up costs a fraction of two lru_cache calls."""
    memo = _NUMBER_WORD_MEMO.get(lang)
    if memo is None:
        memo = _NUMBER_WORD_MEMO.setdefault(lang, {})
    found = memo.get(word)
    if found is None:
        if len(memo) >= 100_000:
            memo.clear()  # bounded like the lru caches behind it
        found = not _surely_not_number(word, lang) and _number_word(word, lang)
        memo[word] = found
    return found


def _number_word(word: str, lang: str) -> bool:
    """`ordinal_word(word, lang) is not None or word_info(word, lang) != (None, None)`
    in one pass for uk/ru: the word normalised once, its parses read once, and no
    memo entries for the two (most words asked are no number words)."""
    if lang not in ("uk", "ru"):
        return ordinal_word(word, lang) is not None or word_info(word, lang) != (None, None)
    w = normalize_apostrophes(word.lower())
    values = WORD_VALUES[lang]
    if w in values or w.replace("ё", "е") in _HIGH_ORDINALS[lang]:
        return True
    if not _may_be_number(w, lang):
        return False
    ordinals = ORDINAL_VALUES[lang]
    for parse in morphology._parses(w, lang):
        lemma = normalize_apostrophes(parse.normal_form)
        tag = parse.tag
        if "NUMR" in tag and lemma in values:
            return True  # word_info's value
        if lemma in _MULT_LEMMA and "NOUN" in tag:
            return True  # word_info's power
        if "ADJF" in tag and lemma.replace("ё", "е") in ordinals:
            return True  # ordinal_word's value
    return False


def known_number_words(lang: str) -> dict[str, bool]:
    """The answers `is_number_word` has memoised for `lang` (word -> bool): a caller
    may read them (a word missing was not asked yet, or the memo was cleared)."""
    memo = _NUMBER_WORD_MEMO.get(lang)
    if memo is None:
        memo = _NUMBER_WORD_MEMO.setdefault(lang, {})
    return memo


_EN_MULT = ("thousand", "million", "billion", "trillion")  # word_info's English multipliers


def _surely_not_number(word: str, lang: str) -> bool:
    """The tests `ordinal_word` and `word_info` both make first, made once: a uk/ru
    word that is no high ordinal, no listed value and surely no number lemma; an
    English word in none of the closed tables."""
    w = normalize_apostrophes(word.lower())
    if lang == "en":
        return w not in ORDINAL_VALUES["en"] and w not in WORD_VALUES["en"] and w not in _EN_MULT
    if lang not in ("uk", "ru"):
        return False
    if "ё" not in w:  # the three tables below in one look-up (most words)
        return w not in _tabled(lang) and morphology.is_known(w, lang)
    return (
        w.replace("ё", "е") not in _HIGH_ORDINALS[lang]
        and w not in WORD_VALUES[lang]
        and not _may_be_number(w, lang)
    )


@lru_cache(maxsize=4)
def _tabled(lang: str) -> frozenset[str]:
    """The high ordinals, listed values and closed forms of `lang` together."""
    return frozenset(_HIGH_ORDINALS[lang]) | frozenset(WORD_VALUES[lang]) | _closed_forms(lang)


# Per language, words of texts (tokens, whole) that hold no number word: `is_number_word`
# is false for each alphabetic part (a pure function of the part), so `any_number_word`
# answers a sentence of them in one set operation instead of a look-up a word.
_NO_NUMBER_WORD: dict[str, set[str]] = {}
_NO_NUMBER_WORD_LIMIT = 100_000


def any_number_word(texts: Sequence[str], lang: str) -> bool:
    """Whether any alphabetic word of `texts` (each part of a hyphenated one)
    `is_number_word`: the same answers, from one loop over the memo instead of a call a
    word (most sentences hold none, so every word is asked), or from one set operation
    when every text is known to hold none."""
    clear = _NO_NUMBER_WORD.get(lang)
    if clear is None:
        clear = _NO_NUMBER_WORD.setdefault(lang, set())
    if clear.issuperset(texts):
        return False
    memo = _NUMBER_WORD_MEMO.get(lang)
    if memo is None:
        memo = _NUMBER_WORD_MEMO.setdefault(lang, {})
    get = memo.get  # the memo is only ever cleared, never replaced
    for text in texts:
        if text in clear:
            continue
        for word in text.split("-") if "-" in text else (text,):
            if not word[:1].isalpha():
                continue
            found = get(word)
            if found is None:
                found = is_number_word(word, lang)
            if found:
                return True
        if len(clear) >= _NO_NUMBER_WORD_LIMIT:
            clear.clear()  # bounded like the memo
        clear.add(text)
    return False


def run_tail(run: list[tuple[int, int, int | None, int | None]]) -> int:
    """The value the run has built since its last multiplier word."""
    current = 0
    for _, _, value, power in run:
        if power is not None and value is None:
            current = 0
        elif value is not None:
            current = current * 100 if value == 100 and current else current + value
    return current
