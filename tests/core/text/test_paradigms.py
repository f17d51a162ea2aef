"""The nominative read from paradigm tables is the word pymorphy3's inflect gives."""

from __future__ import annotations

import re

import pytest

from app.core.text.morphology import analyzer
from app.core.text.paradigms import NotTabled, clear, paradigm_nominative
from tests.conftest import shared_path

# Dictionary words, prefix guesses (псевдо-, байт-), suffix guesses (surnames, made-up
# words), hyphenated words, rare cases, forms with no nominative.
WORDS = {
    "uk": "Києві області областю Донецької Збройних сил Сибіги Сибігою Зеленського "
    "псевдокішки байткоду бутявкою Кравцського Тарасенка об'єднання Жовтих Водах "
    "інтернет-магазину людини-гори ножицях двома трьох ста мільйонів першого "
    "найкращого якнайшвидшої лісі ночі саду ґанку",
    "ru": "Киеве области Зеленского псевдокошки бутявкой интернет-магазина лесу "
    "саду ножницах двумя трёх ста миллионов первого наилучшего",
}


def _check(words: list[str], lang: str) -> int:
    morph = analyzer(lang)
    tabled = 0
    for word in words:
        for parse in morph.parse(word.lower()):
            inflected = parse.inflect({"nomn"})
            try:
                found = paradigm_nominative(parse, morph)
            except NotTabled:
                continue
            tabled += 1
            assert found == (inflected.word if inflected is not None else None), (word, parse)
    return tabled


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_tables_give_what_inflect_gives(lang: str) -> None:
    clear()
    assert _check(WORDS[lang].split(), lang) > 30
    assert _check(WORDS[lang].split(), lang) > 30  # and again from the memo


def test_hyphenated_words_are_left_to_inflect() -> None:
    morph = analyzer("uk")
    parses = [p for p in morph.parse("людини-гори") if len(p.methods_stack[0]) == 3]
    assert parses
    with pytest.raises(NotTabled):
        paradigm_nominative(parses[0], morph)


def test_tables_agree_on_a_real_article() -> None:
    text = shared_path("ntrex-uk-en", "uk.txt").read_text(encoding="utf-8")[:60_000]
    words = sorted(set(re.findall(r"[^\W\d_][\w'’-]*", text)))
    assert _check(words, "uk") > 3000
