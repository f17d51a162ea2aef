"""Sentence splitting: abbreviations, initials, quotes and numbers; linear on huge input."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.text.segment import sentence_spans, split_paragraphs, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. and Ukraine met. Mr. Smith said so.",
            ["The U.S. and Ukraine met.", "Mr. Smith said so."],
        ),
        (
            "Зустріч у м. Київ на вул. Хрещатик відбулась у 2024 р. Наступна буде в Женеві.",
            ["Зустріч у м. Київ на вул. Хрещатик відбулась у 2024 р. Наступна буде в Женеві."],
        ),
        (
            "В. Зеленський і Д. Трамп зустрілися. Ст. 5 діє.",
            ["В. Зеленський і Д. Трамп зустрілися.", "Ст. 5 діє."],
        ),
        ("Хліб, сіль і т.д. Далі буде.", ["Хліб, сіль і т.д.", "Далі буде."]),
        (
            "Він сказав: «Ми переможемо». „Так“, — відповіли йому. Ціна 15.5 грн.",
            ["Він сказав: «Ми переможемо».", "„Так“, — відповіли йому.", "Ціна 15.5 грн."],
        ),
        (
            'He said "yes." Then he left... And 2019 was hard. 5 people died.',
            ['He said "yes."', "Then he left...", "And 2019 was hard.", "5 people died."],
        ),
        (
            "Потім… Ні! Чому?» — спитав він. Кінець",
            ["Потім…", "Ні!", "Чому?» — спитав він.", "Кінець"],
        ),
        ("Go to example.com. or not", ["Go to example.com. or not"]),
        ("1. Перший пункт. 2. Другий.", ["1. Перший пункт.", "2. Другий."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "uk") == expected


def test_lowercase_after_full_stop_does_not_split() -> None:
    assert split_sentences("Було 5 тис. грн. на рахунку.", "uk") == ["Було 5 тис. грн. на рахунку."]


def test_spans_are_trimmed_and_exact() -> None:
    text = "  Перше речення.   Друге речення!  "
    spans = sentence_spans(text, "uk")
    assert [text[s:e] for s, e in spans] == ["Перше речення.", "Друге речення!"]
    assert sentence_spans("   ", "uk") == []


def test_paragraphs_are_non_empty_stripped_lines() -> None:
    assert split_paragraphs(" a \n\n  \nb\n") == ["a", "b"]


def test_ten_megabyte_paragraph_is_linear() -> None:
    sentence = "У м. Київ сказали, що ціна зросла на 15.5 відсотка за рік. "  # 60 chars
    text = sentence * 150_000 + "x" * 1_000_000  # 10 MB
    started = time.monotonic()
    spans = sentence_spans(text, "uk")
    assert len(spans) == 150_000
    assert time.monotonic() - started < 10


_ALPHABET = st.sampled_from(list("аБв Г.!?…«»„“\"'()—-15 \n\tU.S.м.вул.XyzІ"))


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, max_size=120), lang=st.sampled_from(["uk", "en"]))
def test_spans_cover_every_non_space_char_once_in_order(text: str, lang: str) -> None:
    spans = sentence_spans(text, lang)
    covered = [False] * len(text)
    last_end = 0
    for start, end in spans:
        assert last_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        for k in range(start, end):
            covered[k] = True
        last_end = end
    assert all(covered[k] or ch.isspace() for k, ch in enumerate(text))


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab Ж.\"'«(–-\n\t\u00a0x1»"), max_size=40))
def test_word_before_is_the_tail_without_blanks_or_openers(text: str) -> None:
    """The one-match lookup gives what searching for the blank- and opener-free tail
    gave (the pattern it replaced, kept here)."""
    from app.core.text.segment import _MAX_WORD_LOOKBACK, _word_before

    tail = re.compile(r"[^\s\"'«„“‘(\[{‹–—-]*\Z")
    found = tail.search(text[max(0, len(text) - _MAX_WORD_LOOKBACK) :])
    assert _word_before(text, len(text)) == (found.group() if found else "")
