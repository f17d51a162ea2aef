"""Figures one side carries and the other writes without them, by general rules.

A number inside a compound word (чотириденний = four-day), a year as a fashion season
(весна-літо 2019 = SS19), a half turn as a U-turn: neither side is wrong, so the
figure is not reported.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from app.core.text.number_mention import NumberMention
from app.core.text.number_words import MULT_ABBR

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


# A Roman numeral that counts centuries or millennia (XX століття, I-го века, III тис.
# до н. е.), or carries an ordinal ending (XIV-го): English writes it 20th, 1st.
_CENTURY = r"\s+(?:столі|сторіч|тисячоліт|тис\.|ст\.|век|столет|тысячелет)"
_ROMAN = re.compile(
    r"(?<![\w])([IVXLC]{1,7})(?:-(?:го|й|ий|ій|е|ого|ому|ом|ым)\b"
    rf"|(?={_CENTURY})|(?=\s?[-–]\s?[IVXLC]{{1,7}}{_CENTURY}))"
)
_ROMAN_LETTER = re.compile("[IVXLC]")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman_value(numeral: str) -> int | None:
    total = 0
    for k, ch in enumerate(numeral):
        value = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES[numeral[k + 1]] if k + 1 < len(numeral) else 0
        total += -value if value < nxt else value
    return total if total > 0 else None


def roman_ordinals(text: str) -> list[NumberMention]:
    """The Roman ordinals of a uk/ru text, weak: they satisfy "20th" but are never
    reported missing ("XX століття" may become "the last century")."""
    out: list[NumberMention] = []
    if _ROMAN_LETTER.search(text) is None:
        return out  # most sentences: no capital I, V, X, L or C, which every numeral needs
    for m in _ROMAN.finditer(text):
        value = _roman_value(m.group(1))
        if value is not None:
            out.append(
                NumberMention(Decimal(value), "roman", m.start(), m.end(), m.group(), weak=True)
            )
    return out


_AND_A_HALF = re.compile(r"[ -](?:and a half|з половиною|с половиной)\b", re.IGNORECASE)


def with_halves(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """"two and a half years" = 2,5 року, "три з половиною" = 3.5: the half joins its figure."""
    out: list[NumberMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.end < m.start and text[prev.end : m.start] == " "
            and _AND_A_HALF.search(prev.text) and m.kind == "word"
            and m.text.lower() in MULT_ABBR and isinstance(prev.value, Decimal)
        ):  # fmt: skip
            # "one and a half million" = півтора мільйона: the multiplier scales the half too
            out[-1] = replace(prev, value=prev.value * Decimal(10) ** MULT_ABBR[m.text.lower()],
                              end=m.end, text=text[prev.start : m.end])  # fmt: skip
            continue
        half = _AND_A_HALF.match(text, m.end)
        if half and isinstance(m.value, Decimal) and m.kind in ("number", "word"):
            m = replace(m, value=m.value + Decimal("0.5"), end=half.end(),
                        text=text[m.start : half.end()])  # fmt: skip
        out.append(m)
    return out
