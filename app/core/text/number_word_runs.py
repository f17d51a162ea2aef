"""Runs of number words in a text, each combined into one figure: двадцять п'ять,
two hundred and five, twenty-fifth.

Kept apart from app.core.text.numbers, which finds figures written in digits and
calls this walk last (on the text its figures have not taken); the vocabulary (which
word is a number word, its value or power of ten) is app.core.text.number_words.
"""

from __future__ import annotations

from bisect import bisect_right
from decimal import Decimal
from itertools import accumulate

from app.core.text.number_mention import NumberMention
from app.core.text.number_words import (
    MULT_ABBR,
    any_number_word,
    known_number_words,
    ordinal_word,
    run_tail,
    word_info,
)
from app.core.text.tokens import starts as word_starts
from app.core.text.tokens import words


def _ordinal_mention(
    text: str, out: list[NumberMention], ordinal: int, start: int, end: int
) -> NumberMention:
    """An ordinal word, weak; joined to the round cardinal right before it (двадцять
    п'ятий, twenty-fifth = 25th) as one ordinal, which then replaces that cardinal."""
    prev = out[-1] if out else None
    if (
        prev is not None and prev.kind == "word" and isinstance(prev.value, Decimal)
        and text[prev.end : start] in (" ", "-", "\u00a0")
        and (
            (prev.value >= 20 and prev.value % 10 == 0 and ordinal < 10)
            or (prev.value >= 100 and prev.value % 100 == 0 and ordinal < 100)
        )
    ):  # fmt: skip
        out.pop()
        return NumberMention(
            prev.value + ordinal, "word", prev.start, end, text[prev.start : end], weak=True
        )
    return NumberMention(Decimal(ordinal), "word", start, end, text[start:end], weak=True)


def word_mentions(text: str, lang: str, taken: list[tuple[int, int]]) -> list[NumberMention]:
    """Number words, combined into one value: двадцять п'ять, two hundred and five."""
    out: list[NumberMention] = []
    # Most sentences hold no number word: one memoised look-up a word (each part of a
    # hyphenated one) says so, and the run-building walk below (spans, gaps) is skipped,
    # with no token made (`words`) and no closure.
    if not any_number_word(words(text), lang):
        return out
    run: list[tuple[int, int, int | None, int | None]] = []  # start, end, value, power

    def flush() -> None:
        if not run:
            return
        total, current, seen_value = 0, 0, False
        for _, _, value, power in run:
            if value is not None:
                seen_value = True
                if value == 100 and lang == "en":
                    current = max(current, 1) * 100
                else:
                    current += value
            elif power is not None:
                total += max(current, 1) * 10**power
                current = 0
        total += current
        start, end = run[0][0], run[-1][1]
        weak = total <= 1 or not seen_value
        out.append(NumberMention(Decimal(total), "word", start, end, text[start:end], weak))
        run.clear()

    tokens = []
    for word, at in zip(words(text), word_starts(text), strict=True):
        # Hyphenated numbers: twenty-five, two-thirds, два-три.
        if "-" in word:
            pos = at
            for part in word.split("-"):
                tokens.append((part, pos, pos + len(part)))
                pos += len(part) + 1
        else:
            tokens.append((word, at, at + len(word)))
    last_end = -1
    # Spans already taken by figures, as sorted starts with the furthest end so far:
    # one bisect a token instead of a scan of every span (long texts hold many).
    spans = sorted(taken)
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))
    known = known_number_words(lang)
    for word, start, end in tokens:
        if not run and known.get(word) is False:
            # No run to end and no number word (nor, so, an ordinal, a value, or a
            # multiplier: `is_number_word`): every step below would only move on.
            last_end = end
            continue
        gap = text[last_end:start] if last_end >= 0 else ""
        if run and gap.strip() not in ("", "-"):
            flush()
        last_end = end
        at = bisect_right(starts, start) - 1
        if at >= 0 and start < reach[at]:
            flush()
            continue
        if lang == "en" and word.lower() == "and" and run:
            continue
        if not word[:1].isalpha():
            flush()
            continue
        ordinal = ordinal_word(word, lang)
        if ordinal is not None:
            flush()
            out.append(_ordinal_mention(text, out, ordinal, start, end))
            continue
        value, power = word_info(word, lang)
        if lang in ("uk", "ru") and power is None and value is None:
            abbr = MULT_ABBR.get(word.lower())
            power = abbr if abbr and run else None
        if value is None and power is None:
            flush()
            continue
        if run and value is not None and not (lang == "en" and value == 100):
            current = run_tail(run)
            if current and current % (10 ** len(str(value))) != 0:
                flush()
        run.append((start, end, value, power))
    flush()
    return out
