"""Word tokens: offsets, apostrophes and hyphens inside words, and the fast builder."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.text.tokens import (
    WORD_RE,
    Token,
    normalize_apostrophes,
    starts,
    tokenize,
    tokens_matching,
    words,
)

_ALPHABET = "ab Кий'’ʼ-‐_.,1 \u00a0\n«»"


def test_tokens_keep_inner_apostrophes_and_hyphens() -> None:
    text = "Івано-Франківськ, п’ять O'Brien_x 15,5"
    assert [(t.text, t.start, t.end) for t in tokenize(text)] == [
        ("Івано-Франківськ", 0, 16), ("п’ять", 18, 23), ("O'Brien", 24, 31), ("x", 32, 33),
        ("15", 34, 36), ("5", 37, 38),
    ]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_tokens_are_the_regex_matches(text: str) -> None:
    """The builder (findall + find) gives each match's own span."""
    expected = [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]
    assert [(t.text, t.start, t.end) for t in tokenize(text)] == expected
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text


_CAPITALISED = re.compile(r"^[A-ZК][a-zи'’\-‐]*$")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET + "AbZ", max_size=40))
def test_words_and_matching_tokens_are_tokenize_s(text: str) -> None:
    """`words`, `starts` and `tokens_matching` give what reading or filtering `tokenize` gives."""
    every = tokenize(text)
    assert words(text) == tuple(t.text for t in every)
    assert starts(text) == tuple(t.start for t in every)
    kept = tokens_matching(text, _CAPITALISED)
    assert kept == tuple(t for t in every if _CAPITALISED.match(t.text))


def test_tokens_are_frozen_values() -> None:
    token = tokenize("Київ")[0]
    assert token == Token("Київ", 0, 4)
    assert hash(token) == hash(Token("Київ", 0, 4))
    assert token.is_capitalized
    with pytest.raises(dataclasses.FrozenInstanceError):
        token.text = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("word", "expected"), [("п’ять", "п'ять"), ("Обʼєднання", "Об'єднання"), ("п'ять", "п'ять")]
)
def test_one_apostrophe(word: str, expected: str) -> None:
    assert normalize_apostrophes(word) == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZй5_ '’ʼ-‐.\u0660\u00b2ǅ", max_size=30))
def test_words_are_the_word_pattern_s_with_or_without_underscores(text: str) -> None:
    """The plain pattern used where a text holds no "_" finds what WORD_RE finds (the
    oracle), and texts with "_" keep WORD_RE."""
    from app.core.text.tokens import WORD_RE, _findall

    assert _findall(text) == WORD_RE.findall(text)
