"""spacing-punctuation's quick scans: a text they pass over holds nothing the full
patterns and the bracket scan would find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.checks import spacing

_ALPHABET = "aZ Кк.,;:!?()[]«»„“”\"' \u00a0-1"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=30))
def test_quick_scans_miss_no_match(text: str) -> None:
    if not spacing._SPACE_MARK.search(text):
        assert not spacing._SPACE_BEFORE.search(text)
    if "  " not in text:
        assert not spacing._DOUBLE_SPACE.search(text)
    if not spacing._MARK_CAPITAL.search(text):
        assert not spacing._MISSING_SPACE.search(text)


def _balance_every_character(text: str) -> list[tuple[int, int, str]]:
    """The bracket scan as it was, over every character: the oracle."""
    problems: list[tuple[int, int, str]] = []
    stack: list[tuple[str, int]] = []
    closers = {")": "(", "]": "[", "»": "«", "”": "“"}
    for i, ch in enumerate(text):
        if ch == "“" and stack and stack[-1][0] == "„":
            stack.pop()
        elif ch in spacing._PAIRS:
            stack.append((ch, i))
        elif ch in closers:
            if ch == ")" and text[i - 1 : i] in (":", ";", "-"):
                continue
            if stack and stack[-1][0] == closers[ch]:
                stack.pop()
            elif ch == "”" and not any(o == "“" for o, _ in stack):
                problems.append((i, i + 1, f'"{ch}" closes a quote that was never opened'))
            elif ch != "”":
                problems.append((i, i + 1, f'"{ch}" has no opening "{closers[ch]}"'))
    for opener, i in stack:
        problems.append((i, i + 1, f'"{opener}" is never closed'))
    straight = [
        m.start() for m in re.finditer(r'"', text)
        if not spacing._APOSTROPHE.match(text, m.start())
    ]  # fmt: skip
    if len(straight) % 2 and not spacing._one_is_apostrophe(text, straight):
        opened: list[int] = []
        for i in straight:
            if i == 0 or text[i - 1] in spacing._OPEN_BEFORE:
                opened.append(i)
            elif opened:
                opened.pop()
        i = opened[-1] if opened else straight[-1]
        problems.append((i, i + 1, 'An odd number of " quotes: one is not closed'))
    return problems


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=30))
def test_balance_scan_reads_only_brackets_and_quotes(text: str) -> None:
    assert spacing._balance_problems(text) == _balance_every_character(text)


def test_a_sentence_with_every_fault() -> None:
    issues = spacing._text_issues("Він сказав.", "Bloomberg reported .  Then.Next (x")
    messages = sorted(i.message for i in issues)
    assert messages == [
        '"(" is never closed', "Doubled space", 'No space after "."', 'Space before "."',
    ]  # fmt: skip
