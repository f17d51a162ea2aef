"""Figures written as phrases (app.core.text.number_phrases): what each phrase counts,
in which unit, and what else it may stand for."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.text.number_phrases import with_phrases
from app.core.text.numbers import extract

D = Decimal


def read(text: str, lang: str) -> list[tuple[Decimal, str | None, list[Decimal], bool]]:
    """(value, unit, the other values it may stand for, weak) of each figure."""
    return [
        (m.value, m.unit, [a.value for a in m.also], m.weak)
        for m in with_phrases(text, lang, extract(text, lang))
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("about a mile away", "en", [(D(1), "mi", [], True)]),
        ("half an inch of snow", "en", [(D("0.5"), "in", [], True)]),
        ("half a metre of water", "en", [(D("0.5"), "m", [], True)]),
        ("about a litre", "en", [(D(1), "l", [], True)]),
        ("a half-inch of snow", "en", [(D("0.5"), "in", [], True)]),
        ("about half an hour", "en", [(D("0.5"), None, [D(30)], True)]),
        ("an hour and a half", "en", [(D("1.5"), None, [D(90)], True)]),
        ("a dozen eggs", "en", [(D(12), None, [], True)]),
        ("half a dozen eggs", "en", [(D(6), None, [], True)]),
        ("half a million people", "en", [(D(500_000), None, [], True)]),
        ("a quarter of the vote", "en", [(D("0.25"), None, [D(25)], True)]),
        ("three-quarters of a mile", "en", [(D("0.75"), "mi", [], True)]),
        ("a quarter of an hour", "en", [(D("0.25"), None, [D(15)], True)]),
        ("in the eighties", "en", [(D(80), None, [D(1980)], True)]),
        ("in the 80s", "en", [(D(80), None, [D(1980)], False)]),
        ("in the 20s", "en", [(D(20), None, [D(1920), D(2020)], False)]),
        ("a third term", "en", [(D(3), None, [], True)]),  # the ordinal, not a fraction
        ("a man and a woman", "en", []),
        ("півтора мільйона", "uk", [(D(1_500_000), None, [], True)]),
        ("півтори години", "uk", [(D("1.5"), None, [D(90)], True)]),
        ("полтора километра", "ru", [(D("1.5"), "km", [], True)]),
        ("півгодини", "uk", [(D("0.5"), None, [D(30)], True)]),
        ("полгода", "ru", [(D("0.5"), None, [D(6)], True)]),
        ("три чверті", "uk", [(D("0.75"), None, [D(75)], True)]),
        ("четверть часа", "ru", [(D("0.25"), None, [D(15)], True)]),
        ("у 80-х роках", "uk", [(D(80), None, [D(1980)], False)]),
        ("на півдні", "uk", []),  # the South, not a half
        ("четвертий день", "uk", [(D(4), None, [], True)]),  # the ordinal, not a quarter
    ],
)
def test_what_a_phrase_counts(
    text: str, lang: str, expected: list[tuple[Decimal, str | None, list[Decimal], bool]]
) -> None:
    assert read(text, lang) == expected


def test_a_phrase_inside_a_figure_already_read_is_not_a_second_figure() -> None:
    """"two and a half" is read as 2.5 before: its "a half" adds nothing."""
    from app.core.checks.numbers_rules import with_halves

    text = "two and a half years"
    found = with_halves(text, extract(text, "en"))
    assert [m.value for m in with_phrases(text, "en", found)] == [D("2.5")]


_CUE_LETTERS = sorted(
    set("halfquartertirdozen0s" + "aminchfotydpucgleweky" + "півполчвертчетвертдюжин-")
)


def test_the_unfolded_characters_are_all_there_are() -> None:
    """Every character re.IGNORECASE takes for a letter of the cues is that letter once
    lower-cased (one character), except the listed ones: tried on every code point."""
    from app.core.text.number_phrases import _UNFOLDED

    any_letter = re.compile("[" + re.escape("".join(_CUE_LETTERS)) + "]", re.IGNORECASE)
    for code in range(0x110000):
        c = chr(code)
        if not any_letter.fullmatch(c) or _UNFOLDED.match(c):
            continue
        low = c.lower()
        for letter in _CUE_LETTERS:
            if re.fullmatch(re.escape(letter), c, re.IGNORECASE):
                assert low == letter, (hex(code), letter)


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet="HALFQUARTERTHIRDOZENhalfquarterthirdozen0sS aAn-mileyday"
        "ПІВпівОЛолЧчДюжин0-İıſᲀ",
        max_size=30,
    )
)
def test_the_quick_cue_scan_agrees_with_the_patterns(text: str) -> None:
    from app.core.text.number_phrases import _EN_CUE, _SLAVIC_CUE, _has_cue

    assert _has_cue(text, "en") == bool(_EN_CUE.search(text))
    assert _has_cue(text, "uk") == bool(_SLAVIC_CUE.search(text))


_SLAVIC_BITS = (
    "півтора ПІВТОРИ полтора Півтори пів півгодини полчаса години мільйона тисячі "
    "політика чверть ЧВЕРТІ четверть три з с половина Половину дюжина ДЮЖИНИ 80-х 90-ті "
    "70-е 1,5 км \u1c82 ı , . –"
).split()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SLAVIC_BITS), max_size=8), st.sampled_from([" ", "-", ""]))
def test_slavic_phrases_skip_only_passes_that_find_nothing(bits: list[str], sep: str) -> None:
    """The uk/ru phrase passes run only where the text holds their piece: the same
    phrases as every pass run over every text (the oracle: no text lower-cased)."""
    from app.core.text import number_phrases

    text = sep.join(bits)
    found = number_phrases._slavic(text)
    saved = number_phrases._UNFOLDED
    number_phrases._UNFOLDED = re.compile("")  # every text "unfolded": every pass runs
    try:
        oracle = number_phrases._slavic(text)
    finally:
        number_phrases._UNFOLDED = saved
    assert found == oracle


_PIECE_BITS = (
    "half quarter third dozen 0s ties a an mile miles met metres hour day year kilo "
    "пів пол чверт четверт дюжин 0- х і"
).split()


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECE_BITS), max_size=6),
    st.sampled_from([" ", "-", ""]),
    st.sampled_from(["en", "uk"]),
)
def test_cue_pieces_by_substring_are_the_patterns(bits: list[str], sep: str, lang: str) -> None:
    """The pieces found with `in` and one small pattern: the pieces patterns' answers."""
    from app.core.text import number_phrases

    low = sep.join(bits)
    pieces = number_phrases._EN_PIECES if lang == "en" else number_phrases._SLAVIC_PIECES
    assert number_phrases._has_pieces(low, lang) == (pieces.search(low) is not None)
