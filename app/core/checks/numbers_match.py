"""How the figures of a source sentence pair with those of its translation.

Equal values first, then the same figure written another way (a unit conversion, a
time and its hour, a date's day), then a loose partner (a rounded value); a converted
figure in brackets is folded into the one before it. What is left unpaired on either
side is what number-mismatch reports.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from app.core.text.number_mention import NumberMention, Value
from app.core.text.numbers import unit_after

# Metric unit -> (imperial unit, factor): figures translations convert.
_CONVERSIONS: dict[str, tuple[tuple[str, float], ...]] = {
    "km": (("mi", 0.6214),),
    "kmh": (("mph", 0.6214),),
    "m": (("ft", 3.2808), ("yd", 1.0936), ("mi", 0.0006214)),
    "cm": (("in", 0.3937), ("ft", 0.0328)),
    "mm": (("in", 0.03937),),
    "kg": (("lb", 2.2046),),
    "ha": (("ac", 2.4711),),
    "l": (("gal", 0.2642),),
}


def _converted(a: NumberMention, b: NumberMention) -> bool:
    """True when `b` is `a` converted to another unit system (27 метрів ~ 30 yards)."""
    if a.unit is None or b.unit is None or a.unit == b.unit:
        return False
    if not isinstance(a.value, Decimal) or not isinstance(b.value, Decimal):
        return False
    x, y = float(a.value), float(b.value)
    candidates: list[float] = []
    if a.unit == "c" and b.unit == "f":
        candidates = [x * 1.8 + 32, x * 1.8]
    elif a.unit == "f" and b.unit == "c":
        candidates = [(x - 32) / 1.8, x / 1.8]
    for unit, factor in _CONVERSIONS.get(a.unit, ()):
        if unit == b.unit:
            candidates.append(x * factor)
    for unit, factor in _CONVERSIONS.get(b.unit, ()):
        if unit == a.unit:
            candidates.append(x / factor)
    if "phrase" in (a.kind, b.kind):
        # "about a mile", "half an inch": the phrase is its own rounding, a quarter of it
        # either way (a mile = 1.2-2.0 km; half an inch = 0.95-1.6 cm).
        return any(abs(c - y) <= 0.25 * abs(c if a.kind == "phrase" else y) for c in candidates)
    return any(abs(c - y) <= max(0.6, 0.12 * abs(c)) for c in candidates)


# A temperature as a decade of degrees Fahrenheit: "the 80s" = 80-89 °F, "the low 80s" =
# 80-84, "mid-80s" = 83-87, "the upper 80s" = 85-89 (one degree either way).
_DECADE_PART = {"low": (0, 4), "lower": (0, 4), "early": (0, 4), "mid": (3, 7),
                "high": (5, 9), "upper": (5, 9), "late": (5, 9)}  # fmt: skip


def _in_decade(a: NumberMention, b: NumberMention) -> bool:
    """True when `b` is a decade ("the 80s") that holds `a` in degrees (27 °C = 80.6 °F)."""
    if b.kind != "decade" or a.unit not in ("c", "f") or not isinstance(a.value, Decimal):
        return False
    if not isinstance(b.value, Decimal):
        return False
    # Fahrenheit in US English; British English writes "the mid-30s" in Celsius.
    degrees = [float(a.value) * 1.8 + 32, float(a.value)] if a.unit == "c" else [float(a.value)]
    word = b.text.split("-")[0].split(" ")[0].lower()
    low, high = _DECADE_PART.get(word, (0, 9))
    return any(float(b.value) + low - 1 <= d <= float(b.value) + high + 1 for d in degrees)


def _clash(a: NumberMention, b: NumberMention) -> bool:
    """A phrase and a figure in different units: "a mile" is not 1 km."""
    return "phrase" in (a.kind, b.kind) and None not in (a.unit, b.unit) and a.unit != b.unit


def same_value(a: NumberMention, b: NumberMention) -> bool:
    """The same figure, however written: equal values, a time and its hour, a unit conversion."""
    if a.value == b.value and not _clash(a, b):
        return True
    for x, y in ((a, b), (b, a)):
        if isinstance(x.value, tuple) and x.value[0] > 0 and isinstance(y.value, Decimal):
            if y.value == x.value[1]:
                return True  # "в ніч проти 11" after "10 лютого" = "February 11"
            continue
        if isinstance(x.value, tuple) and x.value[0] == 0 and isinstance(y.value, Decimal):
            hour, minute = divmod(x.value[1], 60)
            if minute == 0 and y.value in (hour, hour % 12 or 12):
                return True
        if (
            isinstance(x.value, tuple) and isinstance(y.value, tuple)
            and x.value[0] == 0 and y.value[0] == 0
            and (x.value[1] - y.value[1]) % 720 == 0
        ):
            return True
        if (
            isinstance(x.value, tuple) and isinstance(y.value, tuple) and "/" in x.text
            and (x.value[1], x.value[0]) == y.value
        ):
            return True  # 12/02/2023 read day first, as British English writes it
    return _converted(a, b) or _in_decade(a, b) or _in_decade(b, a)


def loose_equal(a: Value, b: Value) -> bool:
    """Values that may be the same figure written differently."""
    if isinstance(a, tuple) or isinstance(b, tuple):
        if isinstance(a, tuple) and isinstance(b, Decimal):
            return b == a[1]
        if isinstance(b, tuple) and isinstance(a, Decimal):
            return a == b[1]
        return False
    if a == 0 or b == 0:
        return False
    big, small = max(a, b), min(a, b)
    if small > 0 and (big - small) / big < Decimal("0.05"):
        return True  # rounded: 1 234 567 vs 1.2 million
    # 90-х vs 1990s
    return any(small < 100 and big == century + small for century in (1900, 2000))


def _equal(a: NumberMention, b: NumberMention) -> bool:
    if a.also and b.also:  # both give a conversion: both figures must agree
        return a.value == b.value and any(x.value == y.value for x in a.also for y in b.also)
    if "aside" in (a.kind, b.kind):  # a stray aside ("four meters (18 feet)") pairs only
        return a.value == b.value  # with the very same figure, not with a conversion
    if _clash(a, b):
        return False
    return any(x.value == y.value for x in (a, *a.also) for y in (b, *b.also))


def _same_any(a: NumberMention, b: NumberMention) -> bool:
    if a.also and b.also:
        return same_value(a, b) and any(same_value(x, y) for x in a.also for y in b.also)
    if "aside" in (a.kind, b.kind):
        return False
    return any(same_value(x, y) for x in (a, *a.also) for y in (b, *b.also))


def match(
    side_a: list[NumberMention], side_b: list[NumberMention]
) -> tuple[list[NumberMention], list[NumberMention]]:
    """Pair equal values, then values written another way (a unit conversion, a time);
    return the unmatched mentions of each side, weak ones included."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    order = sorted(range(len(side_a)), key=lambda i: side_a[i].weak)
    # Strong figures pair with strong ones, weak with weak, before any mixed pairing:
    # "двох" must not pair with the ordinal "second" while "два" takes "two" (then a
    # "six" written for "двох" would pass).
    for same in (_equal, _same_any):
        for alike in (True, False):
            for i in order:
                if i in used_a:
                    continue
                partner = next(
                    (
                        j for j, b in enumerate(side_b)
                        if j not in used_b and (not alike or b.weak == side_a[i].weak)
                        and same(side_a[i], b)
                    ),
                    None,
                )  # fmt: skip
                if partner is not None:
                    used_a.add(i)
                    used_b.add(partner)
    left_a = [a for i, a in enumerate(side_a) if i not in used_a]
    left_b = [b for j, b in enumerate(side_b) if j not in used_b]
    return left_a, left_b


# What lies between a figure and its aside: a unit, then an opening bracket (45 miles
# (72 km), 40 feet [12 m]).
_ASIDE = re.compile(r"[^\d()\[\]]{0,25}[(\[]\s*")


def drop_asides(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """Fold a converted figure in brackets into the one before it: 45 miles (72 km);
    drop one that only repeats it: "60 Minutes (60 хвилин)", a title and its gloss.

    Either may then match the other side. An aside that does not agree with its
    figure is kept, but weak: translators round conversions freely.
    """
    out: list[NumberMention] = []
    for cur in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and cur.value == prev.value
            and cur.unit == prev.unit
            and _ASIDE.fullmatch(text[prev.end : cur.start])
        ):
            continue  # a title glossed in brackets repeats its figure: 60 Minutes (60 хвилин)
        if (
            prev is not None
            and cur.unit is not None
            and prev.unit is not None
            and cur.unit != prev.unit
            and _ASIDE.fullmatch(text[prev.end : cur.start])
        ):
            if same_value(prev, cur):
                out[-1] = replace(prev, also=(*prev.also, cur))
            else:
                out.append(replace(cur, weak=True, kind="aside"))
            continue
        out.append(cur)
    return out


def word_units(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """Give a number word the unit written after it, as figures in digits have theirs:
    "шістдесят сантиметрів" may then match a "two-foot" brim by conversion."""
    out = []
    for m in mentions:
        if m.kind == "word" and m.unit is None:
            unit = unit_after(text, m.end)
            if unit is not None:  # (else the copy would equal m)
                m = replace(m, unit=unit)
        out.append(m)
    return out
