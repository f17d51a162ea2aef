"""Find and replace over target segments."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.review.find import Match, PatternError, Query, find_all, replace_all, replace_in

TARGETS = ["Kiev and kiev.", "Kievan Rus", "No match here"]


def test_plain_ignores_case_unless_asked() -> None:
    assert find_all(TARGETS, Query("kiev")) == [Match(0, 0, 4), Match(0, 9, 13), Match(1, 0, 4)]
    assert find_all(TARGETS, Query("kiev", match_case=True)) == [Match(0, 9, 13)]


def test_whole_word_skips_longer_words() -> None:
    assert find_all(TARGETS, Query("Kiev", whole_word=True, match_case=True)) == [Match(0, 0, 4)]


def test_regex_and_groups() -> None:
    assert replace_in("Mark Rubio met Mark Twain", Query(r"Mark (Rubio)", regex=True),
                      r"Marco \1") == "Marco Rubio met Mark Twain"  # fmt: skip


def test_plain_replacement_is_literal() -> None:
    assert replace_in("a.b", Query("."), r"\1") == r"a\1b"


def test_replace_all_returns_only_changed_segments() -> None:
    assert replace_all(TARGETS, Query("Kiev", whole_word=True), "Kyiv") == {0: "Kyiv and Kyiv."}


def test_bad_patterns_are_clear_errors() -> None:
    with pytest.raises(PatternError, match="Invalid regular expression"):
        find_all(TARGETS, Query("(", regex=True))
    with pytest.raises(PatternError, match="Invalid replacement"):
        replace_in("ab", Query("a", regex=True), r"\2")


def test_empty_query_finds_nothing() -> None:
    assert find_all(TARGETS, Query("")) == []
    assert replace_all(TARGETS, Query(""), "x") == {}


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=4), st.text(min_size=1, max_size=4))
def test_plain_replace_all_equals_str_replace_when_case_matters(
    texts: list[str], needle: str
) -> None:
    replaced = {i: t.replace(needle, "#") for i, t in enumerate(texts)}
    expected = {i: r for i, r in replaced.items() if r != texts[i]}  # only changed segments
    assert replace_all(texts, Query(needle, match_case=True), "#") == expected
