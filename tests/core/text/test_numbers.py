"""Number extraction: every way uk/ru/en news writes a figure comes out as one value."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.text.numbers import extract


def values(text: str, lang: str) -> list[object]:
    return [m.value for m in extract(text, lang) if not m.weak]


@pytest.mark.parametrize(
    ("uk", "en"),
    [
        ("15,5%", "15.5%"),
        ("$1,5 млрд", "$1.5 billion"),
        ("1 000 000", "1,000,000"),
        ("1\u00a0000 000", "1 million"),
        ("1.000.000", "1,000,000"),
        ("23 листопада", "November 23"),
        ("23 листопада", "Nov. 23"),
        ("23 ЛИСТОПАДА", "23 November"),
        ("семеро", "seven"),
        ("двоє", "two"),
        ("три", "three"),
        ("п'ять", "five"),
        ("п’яти", "5"),
        ("двадцять п'ять", "twenty-five"),
        ("три мільйони", "3 million"),
        ("10 тис.", "10,000"),
        ("2025 р.", "2025"),
        ("23-го", "23rd"),
        ("о 15:00", "at 3 p.m."),
        ("6-го листопада", "November 6"),
    ],
)
def test_same_value_across_languages(uk: str, en: str) -> None:
    assert values(uk, "uk") == values(en, "en")
    assert values(uk, "uk"), uk


def test_russian_months_and_multipliers() -> None:
    assert values("23 ноября потратили 2 млрд", "ru") == [(11, 23), Decimal("2e9")]
    assert values("пятеро", "ru") == [Decimal(5)]


def test_ranges_give_both_ends_and_offsets_are_exact() -> None:
    text = "від 5-7 днів"
    found = extract(text, "uk")
    assert [m.value for m in found] == [Decimal(5), Decimal(7)]
    assert [text[m.start : m.end] for m in found] == ["5", "7"]


def test_codes_and_one_are_weak() -> None:
    weak = {m.text: m.weak for m in extract("F-16 and one of them, G7", "en")}
    assert weak == {"16": True, "one": True, "7": True}


def test_words_that_only_look_like_numbers_are_not_figures() -> None:
    assert values("сім'я та Тисячі людей", "uk") == []
    assert values("Kyiv and the May plan", "en") == []


def test_units_are_recorded() -> None:
    units = [m.unit for m in extract("від 2,54 до 5,08 см і 27 метрів", "uk")]
    assert units == ["cm", "cm", "m"]
    assert [m.unit for m in extract("1 to 2 inches, 30 yards", "en")] == ["in", "in", "yd"]


@settings(max_examples=60, deadline=None)
@given(
    whole=st.integers(min_value=1000, max_value=999_999_999),
    frac=st.integers(min_value=1, max_value=9),
)
def test_thousands_and_decimals_round_trip(whole: int, frac: int) -> None:
    uk = f"{whole:,}".replace(",", "\u00a0") + f",{frac}"
    en = f"{whole:,}.{frac}"
    expected = Decimal(f"{whole}.{frac}")
    assert values(uk, "uk") == [expected]
    assert values(en, "en") == [expected]


def test_dotted_date_is_day_first_in_english_too() -> None:
    """A Ukrainian dateline kept in the translation (DW - 08.02.2023) is the same date."""
    uk = [(m.kind, m.value) for m in extract("жертв - DW - 08.02.2023", "uk")]
    en = [(m.kind, m.value) for m in extract("victims - DW - 08.02.2023", "en")]
    assert uk == en == [("date", (2, 8)), ("number", Decimal("2023"))]
    first = extract("on 12/21/2017", "en")[0]
    assert (first.kind, first.value) == ("date", (12, 21))


def test_memoised_extract_hands_out_a_fresh_list() -> None:
    """extract() is memoised per (text, lang); a caller changing its list changes no other's."""
    first = extract("Загинули 25 людей, семеро поранені.", "uk")
    assert [m.value for m in first] == [Decimal(25), Decimal(7)]
    first.clear()
    assert len(extract("Загинули 25 людей, семеро поранені.", "uk")) == 2


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789./ ,-:", max_size=24))
def test_date_patterns_run_on_every_text_that_can_hold_one(text: str) -> None:
    """The quick `in` test before the date patterns skips only texts they find nothing in."""
    from app.core.text.numbers import _DMY_RE, _MDY_RE

    if ".19" not in text and ".20" not in text:
        assert _DMY_RE.search(text) is None
    if "/19" not in text and "/20" not in text:
        assert _MDY_RE.search(text) is None


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789./ ,-:apmAPM\u00a0x", max_size=24))
def test_figure_passes_from_the_first_digit_find_every_match(text: str) -> None:
    """The figure patterns start where the first digit is, and find what a whole pass finds."""
    import re

    from app.core.text.numbers import _DMY_RE, _MDY_RE, _NUM_RE, _TIME_RE

    digit = re.search(r"\d", text)
    at = digit.start() if digit else len(text)
    for pattern in (_DMY_RE, _MDY_RE, _NUM_RE, _TIME_RE):
        whole = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in pattern.finditer(text, at)] == whole


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Двадцять п'ять тисяч людей і ще три сотні вийшли 5 травня, другого дня.", "uk"),
        ("Близько півтори тисячі, тобто 1,5 тис. осіб, і сто двадцять три машини.", "uk"),
        ("Twenty-five thousand and three people came, the first of them at 9 a.m.", "en"),
        ("Some two hundred and five of the one hundred thirty km were done in 2 days.", "en"),
    ],
)
def test_number_words_read_alike_once_every_word_is_memoised(text: str, lang: str) -> None:
    """The walk skips words memoised as no number word: the same mentions either way."""
    from app.core.text import number_words
    from app.core.text.numbers import _extract
    from app.core.text.tokens import tokenize

    number_words._NUMBER_WORD_MEMO.clear()
    cold = _extract(text, lang)
    for token in tokenize(text):
        for part in token.text.split("-"):
            if part[:1].isalpha():
                number_words.is_number_word(part, lang)
    assert _extract(text, lang) == cold
    assert any(m.kind == "word" for m in cold)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789., :\u00a0 \u0660x", max_size=30))
def test_figure_matches_from_digit_runs_are_the_pattern_pass(text: str) -> None:
    """Trying the figure pattern only where a run of digits starts finds what its own
    pass over the text finds (the oracle), from any first digit."""
    import re

    from app.core.text.numbers import _NUM_RE, _num_matches

    digit = re.search(r"\d", text)
    at = digit.start() if digit else len(text)
    oracle = [(m.span(), m.groups()) for m in _NUM_RE.finditer(text, at)]
    assert [(m.span(), m.groups()) for m in _num_matches(text, at)] == oracle


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="0123456789.:/ apmAPM\u00a0\u2009x-", max_size=24),
    st.sampled_from(["uk", "ru", "en"]),
)
def test_time_pass_is_skipped_only_where_it_finds_no_time(text: str, lang: str) -> None:
    """A text the cue test turns away holds no clock and no dotted time (the oracle:
    every match of the time pattern, as the pass reads it)."""
    from app.core.text.numbers import _TIME_RE, _dotted_time, _may_hold_time

    if not _may_hold_time(text, lang):
        for m in _TIME_RE.finditer(text):
            assert not (m.group(2) or m.group(4) or m.group(5))
            assert not _dotted_time(text, m, lang)


@pytest.mark.parametrize(
    ("text", "lang", "kinds"),
    [
        ("Зустріч об 11.15, а не о 9:30 чи 1 000 000 разів.", "uk", ["time", "time", "number"]),
        ("At 9 a.m. and 10pm, 1,000,000 came; 3.5 left at 11:05.", "en",
         ["time", "time", "number", "number", "time"]),
        ("Рахунок 2:1, 12 000 і 7.", "uk", ["number", "number", "number", "number"]),
    ],
)  # fmt: skip
def test_times_and_figures_are_read_with_the_cheaper_passes(
    text: str, lang: str, kinds: list[str]
) -> None:
    from app.core.text.numbers import _extract

    assert [m.kind for m in _extract(text, lang)] == kinds
