"""One figure found in a text (NumberMention) and the value it holds.

Kept apart from app.core.text.numbers (figures in digits), app.core.text.number_word_runs
(figures in words) and app.core.text.number_phrases (phrases like "half an inch"): all
three make mentions, and the number check (app.core.checks.numbers*) compares them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# A date is (month, day); a time of day is (0, minutes since midnight);
# everything else is a Decimal.
Value = Decimal | tuple[int, int]


@dataclass(frozen=True)
class NumberMention:
    """One figure in a text. `weak` ones (codes like F-16, "one", "a million")
    may satisfy a match on the other side but are never reported missing."""

    value: Value
    kind: str  # number | percent | date | ordinal | code | word
    start: int
    end: int
    text: str
    weak: bool = False
    unit: str | None = None  # km, m, cm, kg, c, kmh, ... / mi, ft, in, lb, f, mph, ...
    # The same figure converted, in brackets right after it: 45 miles (72 km).
    also: tuple[NumberMention, ...] = ()
