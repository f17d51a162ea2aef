"""number-mismatch: figures that differ between a source sentence and its translation.

Both sides are reduced to multisets of normalised values (app.core.text.numbers), so
the check does not care how a figure is written: "три" = "3" = "three",
"$1,5 млрд" = "$1.5 billion", "23 листопада" = "Nov. 23". A figure without an
exact partner is an error; one with only a loose partner (a rounded value, a
date's day written alone, "90-х" for "1990s") is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal

from app.core.checks.base import Check, CheckCategory, CheckContext
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side
from app.core.text.numbers import NumberMention, Value, extract

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
    return any(abs(c - y) <= max(0.6, 0.12 * abs(c)) for c in candidates)


def same_value(a: NumberMention, b: NumberMention) -> bool:
    """The same figure, however written: equal values, a time and its hour, a unit conversion."""
    if a.value == b.value:
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
    return _converted(a, b)


def _loose_equal(a: Value, b: Value) -> bool:
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
    return any(x.value == y.value for x in (a, *a.also) for y in (b, *b.also))


def _same_any(a: NumberMention, b: NumberMention) -> bool:
    if a.also and b.also:
        return same_value(a, b) and any(same_value(x, y) for x in a.also for y in b.also)
    return any(same_value(x, y) for x in (a, *a.also) for y in (b, *b.also))


def _match(
    side_a: list[NumberMention], side_b: list[NumberMention]
) -> tuple[list[NumberMention], list[NumberMention]]:
    """Pair equal values, then values written another way (a unit conversion, a time);
    return the unmatched strong mentions of each side."""
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
    left_a = [a for i, a in enumerate(side_a) if i not in used_a and not a.weak]
    left_b = [b for j, b in enumerate(side_b) if j not in used_b and not b.weak]
    return left_a, left_b


def _drop_asides(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """Fold a converted figure in brackets into the one before it: 45 miles (72 km).

    Either may then match the other side. An aside that does not agree with its
    figure is kept, but weak: translators round conversions freely.
    """
    out: list[NumberMention] = []
    for cur in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and cur.unit is not None
            and prev.unit is not None
            and cur.unit != prev.unit
            and re.fullmatch(r"[^\d()]{0,25}\(\s*", text[prev.end : cur.start])
        ):
            if same_value(prev, cur):
                out[-1] = replace(prev, also=(*prev.also, cur))
            else:
                out.append(replace(cur, weak=True))
            continue
        out.append(cur)
    return out


# Stems of Ukrainian/Russian compounds that carry a number inside a word (чотириденний,
# п'ятиразовий, двогодинний): the figure extractor reads no number in them, while the
# English "four-day", "five-time" is a number word.
_COMPOUND_STEMS: dict[str, tuple[str, ...]] = {
    "one": ("одно",), "two": ("дво", "двох", "дву"), "three": ("три", "трьох", "трёх"),
    "four": ("чотири", "чотирьох", "четыр"), "five": ("п'яти", "п’яти", "пяти", "п'ят"),
    "six": ("шести",), "seven": ("семи",), "eight": ("восьми",), "nine": ("дев'яти",),
    "ten": ("десяти",), "twelve": ("дванадцяти",), "hundred": ("сто",),
}  # fmt: skip


def _in_compound(m: NumberMention, text: str, other: str) -> bool:
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


def _rendered_otherwise(m: NumberMention, source: str, target: str) -> bool:
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


def _severity(m: NumberMention, other_side: list[NumberMention]) -> Severity:
    """Digits or words, a figure changed into another is an error (п'ятеро vs six, три vs
    four). A number word with no figure left over on the other side is only information:
    idioms and compounds (a decade, one or two, сім'я) carry or lose number words freely."""
    if m.kind != "word" or other_side:
        return Severity.ERROR
    return Severity.INFO


def _describe(m: NumberMention) -> str:
    return f'"{m.text}"'


class NumberMismatchCheck(Check):
    id = "number-mismatch"
    label = "Number mismatch"
    description = (
        "Figures, dates, percentages and number words that differ between the source and "
        "the translation (15,5 % = 15.5%, 23 листопада = November 23)."
    )
    help = (
        "A changed figure, date or percentage changes the news. Decimal commas, spaces in "
        "thousands and month names are normalised before comparing, so what remains is a real "
        "difference. Fix: correct the number in the translation; ignore the issue when the "
        "figure was deliberately converted (units, currencies)."
    )
    category = CheckCategory.NUMBERS
    default_severity = Severity.ERROR

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        for pair in pairs:
            if not pair.source.strip() or not pair.target.strip():
                continue  # an empty side is the omission check's business
            yield from self.check_pair(pair, ctx)

    def check_pair(self, pair: Pair, ctx: CheckContext) -> list[Issue]:
        src = _drop_asides(pair.source, extract(pair.source, ctx.source_lang))
        tgt = _drop_asides(pair.target, extract(pair.target, ctx.target_lang))
        missing, extra = _match(src, tgt)
        extra = [t for t in extra if not _in_compound(t, pair.target, pair.source)]
        missing = [m for m in missing if not _rendered_otherwise(m, pair.source, pair.target)]
        issues: list[Issue] = []
        loose_used: set[int] = set()
        for m in missing:
            loose = next(
                (
                    j
                    for j, t in enumerate(extra)
                    if j not in loose_used and _loose_equal(m.value, t.value)
                ),
                None,
            )
            if loose is not None:
                loose_used.add(loose)
                t = extra[loose]
                issues.append(
                    self.issue(
                        pair, Side.TARGET, t.start, t.end,
                        f"{_describe(t)} may not say the same as {_describe(m)} in the source",
                        text=t.text, severity=Severity.WARNING, source_span=(m.start, m.end),
                    )
                )  # fmt: skip
                continue
            severity = _severity(m, extra)
            issues.append(
                self.issue(
                    pair, Side.SOURCE, m.start, m.end,
                    f"The source figure {_describe(m)} is missing from the translation",
                    text=m.text, severity=severity,
                )
            )  # fmt: skip
        for j, t in enumerate(extra):
            if j in loose_used:
                continue
            severity = _severity(t, missing)
            issues.append(
                self.issue(
                    pair, Side.TARGET, t.start, t.end,
                    f"The figure {_describe(t)} in the translation is not in the source",
                    text=t.text, severity=severity,
                )
            )  # fmt: skip
        return issues
