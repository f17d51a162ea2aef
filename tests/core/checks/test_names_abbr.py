"""Abbreviation swaps: the quick "not in the target" test finds what the patterns find."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.checks.names_abbr import _hits, _lowered, _pattern, abbreviations, swaps

PHRASES = sorted({p for a in abbreviations() for p in (*a.accepted, *a.others) if p})
# Letters that fold onto ASCII letters in re.IGNORECASE, Cyrillic look-alikes, quotes.
ODD = "İıſKАаОоЕе“”’'.-"


def _spans(phrase: str, target: str) -> list[tuple[int, int]]:
    return [m.span() for m in _hits(phrase, target, _lowered(target))]


@given(
    st.sampled_from(PHRASES),
    st.text(alphabet=st.sampled_from([*"abcdefghijklmnopqrstuvwxyzSUE ", *ODD]), max_size=30),
    st.text(alphabet=st.sampled_from([*"abcdefghijklmnopqrstuvwxyzSUE ", *ODD]), max_size=30),
    st.sampled_from(["lower", "upper", "title", "same"]),
)
def test_hits_are_the_pattern_hits(phrase: str, before: str, after: str, case: str) -> None:
    inner = {"lower": phrase.lower(), "upper": phrase.upper(), "title": phrase.title()}
    for middle in (inner.get(case, phrase), "", phrase.replace("s", "ſ").replace("k", "K")):
        target = before + middle + after
        assert _spans(phrase, target) == [m.span() for m in _pattern(phrase).finditer(target)]


def test_a_phrase_absent_from_the_target_compiles_nothing() -> None:
    _pattern.cache_clear()
    assert _spans("Russian Armed Forces", "The Armed Forces of Ukraine said so.") == []
    assert _pattern.cache_info().currsize == 0
    assert _spans("Armed Forces", "The ARMED FORCES of Ukraine said so.") == [(4, 16)]


def test_swaps_still_found() -> None:
    found = swaps("Про це заявили у ЗСУ.", "The Russian Armed Forces said this.")
    spans = [(s.abbr.abbr, s.source_span, s.target_span) for s in found]
    assert spans == [("ЗСУ", (17, 20), (4, 24))]
