"""Figures one side carries and the other writes without them, by general rules.

A number inside a compound word (чотириденний = four-day), a year as a fashion season
(весна-літо 2019 = SS19), a half turn as a U-turn: neither side is wrong, so the
figure is not reported.
"""

from __future__ import annotations

import re
from decimal import Decimal

from app.core.text.numbers import NumberMention

# Stems of Ukrainian/Russian compounds that carry a number inside a word (чотириденний,
# п'ятиразовий, двогодинний): the figure extractor reads no number in them, while the
# English "four-day", "five-time" is a number word.
_COMPOUND_STEMS: dict[str, tuple[str, ...]] = {
    "one": ("одно",), "two": ("дво", "двох", "дву"), "three": ("три", "трьох", "трёх"),
    "four": ("чотири", "чотирьох", "четыр"), "five": ("п'яти", "п’яти", "пяти", "п'ят"),
    "six": ("шести",), "seven": ("семи",), "eight": ("восьми",), "nine": ("дев'яти",),
    "ten": ("десяти",), "twelve": ("дванадцяти",), "hundred": ("сто",),
}  # fmt: skip


def in_compound(m: NumberMention, text: str, other: str) -> bool:
    """True for an English number word joined to a noun (four-day, three-time) whose
    source has a compound word that starts with the same number (чотириденний)."""
    if m.kind != "word" or text[m.end : m.end + 1] not in ("-", "‐"):
        return False
    stems = _COMPOUND_STEMS.get(m.text.lower())
    if not stems:
        return False
    words = other.lower().replace("’", "'").split()
    return any(w.strip("«»\"'(").startswith(stems) and len(w) > 6 for w in words)


_SEASON = re.compile(r"\b(?:SS|AW|FW|PF)(\d{2})\b")  # fashion seasons: SS19 = spring-summer 2019
_TURN = re.compile(r"\b(?:U-turn|about-face|volte-face|about-turn)", re.IGNORECASE)


def rendered_otherwise(m: NumberMention, source: str, target: str) -> bool:
    """A source figure English writes without it: "весна-літо 2019" as SS19, "на 180
    градусів" (a turn) as a U-turn."""
    if (
        isinstance(m.value, Decimal) and 2000 <= m.value < 2100
        and any(int(y) == m.value - 2000 for y in _SEASON.findall(target))
    ):
        return True
    if m.value == 180 and source[m.end : m.end + 8].strip().lower().startswith("градус"):
        return bool(_TURN.search(target))
    return False
