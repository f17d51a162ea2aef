"""Number words: the shipped closed-set table matches the dictionary, and the gate it
forms never changes what pymorphy3 alone would answer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.text import morphology, number_forms, number_words


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_shipped_table_is_the_installed_dictionarys(lang: str) -> None:
    assert number_forms.STAMPS[lang] == morphology.dictionary_stamp(lang)
    assert number_forms.FORMS[lang] == number_words.build_closed_forms(lang)


@pytest.mark.parametrize(
    ("word", "lang", "expected"),
    [
        ("п'яти", "uk", (5, None)),
        ("п’ятьох", "uk", (5, None)),
        ("двохсот", "uk", (200, None)),
        ("трьох", "uk", (3, None)),
        ("тисячами", "uk", (None, 3)),
        ("мільйонів", "uk", (None, 6)),
        ("семеро", "uk", (7, None)),
        ("четырёх", "ru", (4, None)),
        ("четырех", "ru", (4, None)),
        ("миллиардов", "ru", (None, 9)),
        ("будинок", "uk", (None, None)),
        ("Київ", "uk", (None, None)),
    ],
)
def test_word_info(word: str, lang: str, expected: tuple[int | None, int | None]) -> None:
    assert number_words.word_info(word, lang) == expected


def test_gate_agrees_with_pymorphy3_on_every_word(monkeypatch: pytest.MonkeyPatch) -> None:
    words = (
        "Два трьох п'ятьма сорока ста двісті тисячі мільйонами другого третьої сьомий "
        "сорока-п'ятьох двадцятип'ятирічний Сибіги Києві будинку семи сімох вісьмома "
        "одного одній одна першої десятого"
    ).split()
    gated = [(number_words.word_info(w, "uk"), number_words.ordinal_word(w, "uk")) for w in words]
    number_words.word_info.cache_clear()
    number_words.ordinal_word.cache_clear()
    monkeypatch.setattr(number_words, "_may_be_number", lambda w, lang: True)
    try:
        plain = [
            (number_words.word_info(w, "uk"), number_words.ordinal_word(w, "uk")) for w in words
        ]
    finally:
        number_words.word_info.cache_clear()
        number_words.ordinal_word.cache_clear()
    assert gated == plain
    assert gated[0] == ((2, None), None)
    assert gated[8] == ((None, None), 2)


@pytest.mark.parametrize(
    ("word", "lang", "expected"),
    [
        ("четвертого", "uk", 4),
        ("третьому", "uk", 3),
        ("двадцятої", "uk", 20),
        ("одинадцятий", "uk", 11),
        ("дев'яностих", "uk", 90),
        ("дев'яноста", "uk", None),  # the cardinal 90 in an oblique case
        ("двадцяти", "uk", None),
        ("сотні", "uk", None),
        ("четвертый", "ru", 4),  # the dictionary's lemma is четвёртый
        ("сороковой", "ru", 40),
        ("двадцати", "ru", None),
        ("twelfth", "en", 12),
        ("ninetieth", "en", 90),
        ("seconds", "en", None),
    ],
)
def test_ordinal_words_in_every_case_form(word: str, lang: str, expected: int | None) -> None:
    assert number_words.ordinal_word(word, lang) == expected


def test_number_word_memo_agrees_with_word_info_and_ordinal_word() -> None:
    words = "Два трьох тисячі другого Сибіги будинку twenty first house thousand".split()
    for lang in ("uk", "en"):
        for word in words:
            expected = (
                number_words.ordinal_word(word, lang) is not None
                or number_words.word_info(word, lang) != (None, None)
            )
            assert number_words.is_number_word(word, lang) is expected
            assert number_words.is_number_word(word, lang) is expected  # memoised
    assert number_words.is_number_word("трьох", "uk")
    assert not number_words.is_number_word("будинку", "uk")


def test_any_number_word_asks_each_alphabetic_part() -> None:
    assert number_words.any_number_word(["Будинок", "на", "двадцять-п'ять"], "uk")
    assert number_words.any_number_word(["house", "twenty-five"], "en")
    assert not number_words.any_number_word(["Будинок", "на", "вулиці", "-", "1-й"], "uk")
    assert not number_words.any_number_word(["house", "by", "the", "sea", "F-16"], "en")
    assert not number_words.any_number_word([], "en")
    assert number_words.is_number_word("п'ять", "uk")  # the parts were memoised alike


_POOL = {
    "uk": "Будинок на двадцять п'ять - 1-й п’ятого Київ три-чотири сто-два Зеленський".split(),
    "en": "house twenty-five by the F-16 sea million Kyiv fifth one-sided 2024".split(),
}


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["uk", "en"]), st.data())
def test_any_number_word_says_what_asking_each_part_says(lang: str, data: st.DataObject) -> None:
    """The set of texts known to hold no number word answers as the per-word walk does,
    the first time a text is seen and every time after."""
    texts = data.draw(st.lists(st.sampled_from(_POOL[lang]), max_size=6))
    expected = any(
        number_words.is_number_word(part, lang)
        for text in texts
        for part in text.split("-")
        if part[:1].isalpha()
    )
    for _ in range(2):
        assert number_words.any_number_word(texts, lang) is expected
        assert number_words.any_number_word(tuple(texts), lang) is expected


def test_the_joined_tables_let_through_what_the_three_tables_do() -> None:
    from app.core.text import morphology
    from app.core.text.tokens import normalize_apostrophes

    words = (
        "сто двадцятий п'ятнадцятого тисячі Мільйонів дев'яноста четвёртый пятнадцатого "
        "двухсот місто Київ Сибіги бутявка сорокового ёлка всё п’ять"
    ).split()
    for lang in ("uk", "ru"):
        for word in words:
            w = normalize_apostrophes(word.lower())
            expected = (
                w.replace("ё", "е") not in number_words._HIGH_ORDINALS[lang]
                and w not in number_words.WORD_VALUES[lang]
                and w not in number_words._closed_forms(lang)
                and morphology.is_known(w, lang)
            )
            assert number_words._surely_not_number(word, lang) is expected, (lang, word)


def _number_word_before(word: str, lang: str) -> bool:
    """is_number_word's test before the one-pass `_number_word` (oracle)."""
    return (
        number_words.ordinal_word(word, lang) is not None
        or number_words.word_info(word, lang) != (None, None)
    )


_REAL_WORDS = (
    "Два трьох п'ятьма сорока ста двісті тисячі мільйонами другого третьої сьомий "
    "сорока-п'ятьох двадцятип'ятирічний Сибіги Києві будинку семи сімох вісьмома "
    "одного одній одна першої десятого четвертого дев'яностих дев'яноста нуль нулем "
    "мільярдів трильйона двадцятої одинадцятий сотий сотого шостої п’ятого Тисячі "
    "двое трое тысяч миллиона второго четвёртый четвертого девяностых сорок сорока "
    "пятеро пятидесятый Ёлки ёлка зеленого укренерго бахмутського"
).split()


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_one_pass_number_word_is_the_two_tests(lang: str) -> None:
    english = "one first Twenty hundredth million Millions seventh thirteen the Ninety".split()
    for word in (*_REAL_WORDS, *english):
        assert number_words._number_word(word, lang) == _number_word_before(word, lang), word


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="двацтиьпяосмнерїґ'ёыЁД", min_size=1, max_size=14))
def test_one_pass_number_word_on_any_word(word: str) -> None:
    for lang in ("uk", "ru"):
        assert number_words._number_word(word, lang) == _number_word_before(word, lang)
