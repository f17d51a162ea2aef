"""Numbers, dates and number words in uk/ru/en text, normalised for comparison.

The number check compares what a source sentence and its translation say in
figures: "15,5%" and "15.5%", "$1,5 млрд" and "$1.5 billion", "23 листопада" and
"Nov. 23", "семеро" and "seven" must all come out as the same value.

This module reads the figures written in digits (with their units, multipliers, dates
and times); the runs of number words are app.core.text.number_word_runs, read last on
the text the figures left, and the mention they all make is app.core.text.number_mention.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from app.core.text.number_mention import NumberMention
from app.core.text.number_word_runs import word_mentions
from app.core.text.number_words import MULT_ABBR, word_info

_SP = " \u00a0\u202f\u2009"
_DIGIT_RE = re.compile(r"\d")
# dd.mm.yyyy dates.
_DMY_RE = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?![\d])")
# US dates: mm/dd/yyyy, read in English text only.
_MDY_RE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d])")
# Thousands with spaces (1 000 000), commas (1,000,000), dots (1.000.000), or a plain
# number with an optional decimal part (comma or point).
_NUM_RE = re.compile(
    rf"(?<![\d])(?:\d{{1,3}}(?:[{_SP}]\d{{3}})+(?:[.,]\d+)?(?![\d])"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"
    r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?![\d.])"
    r"|\d+(?:[.,]\d+)?)"
)
_ORD_RE = re.compile(
    r"-?(?:ого|ому|ому|го|му|ий|ій|ої|ою|ем|им|ім|их|их|ти|х|й|а|е|ї|у|я|th|st|nd|rd)(?![^\W\d_])",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(
    rf"[{_SP}]?(?:%|відсот\w*|процент\w*|percent|per cent|pct)", re.IGNORECASE
)
_TIME_RE = re.compile(
    r"(?<![\d.,:])(\d{1,2})(?:(:)(\d{2})|[.:](\d{2})(?=\s?[ap]\.?m\b))?"
    r"(?:\s?([ap])\.?m\.?(?![^\W\d_]))?(?![\d])",
    re.IGNORECASE,
)
# Units that translations convert (metric in uk/ru sources, imperial in US English).
_UNITS = (
    ("kmh", r"kph|км/год|км/ч|км на годину|км в час|кілометр\w* на годину|километр\w* в час|km/h"),
    ("mph", r"mph|miles per hour|миль на годину"),
    ("km", r"км|кілометр\w*|километр\w*|km|kilomet\w*"),
    ("cm", r"см|сантиметр\w*|cm|centimet\w*"),
    ("mm", r"мм|міліметр\w*|миллиметр\w*|mm|millimet\w*"),
    ("m", r"м|метр\w*|m|met(?:er|re)s?"),
    ("kg", r"кг|кілограм\w*|килограмм\w*|kg|kilogram\w*"),
    ("c", r"°\s?C|градус\w* Цельсі\w*|градус\w*|degrees? Celsius|Celsius"),
    ("f", r"°\s?F|degrees? Fahrenheit|Fahrenheit|degrees?"),
    ("ha", r"га|гектар\w*|hectares?|ha"),
    ("l", r"л|літр\w*|литр\w*|lit(?:er|re)s?"),
    ("mi", r"miles?|mi|миль|милі|мил[ія]"),
    ("ft", r"feet|foot|ft|футів|фут\w*"),
    ("in", r"inch(?:es)?|in\.|дюйм\w*"),
    ("lb", r"pounds?|lbs?|фунт\w* ваги"),
    ("yd", r"yards?|yd|ярд\w*"),
    ("ac", r"acres?|акр\w*"),
    ("gal", r"gallons?|галон\w*"),
)
_UNIT_RE = re.compile(
    rf"[{_SP}]?-?(?:" + "|".join(f"(?P<{name}>{rx})" for name, rx in _UNITS) + r")(?![^\W\d_])",
)
_COMPOUND_UNIT = {"кілограмов": "kg", "метров": "m", "кілометров": "km", "сантиметров": "cm",
                  "градусн": "c", "килограммов": "kg"}


def unit_after(text: str, end: int) -> str | None:
    """The unit written right after a figure ending at `end`, if any."""
    m = _UNIT_RE.match(text, end)
    if m and m.lastgroup:
        return m.lastgroup
    m2 = re.match(r"-([^\W\d_]+)", text[end:])
    if m2:
        word = m2.group(1).lower()
        for stem, unit in _COMPOUND_UNIT.items():
            if word.startswith(stem):
                return unit
    return None


_MULT_STEMS = {"тисячн": 3, "тысячн": 3, "мільйонн": 6, "миллионн": 6}
_COMPOUND_MULT = re.compile(r"-(тисячн|тысячн|мільйонн|миллионн)[^\W\d_]*", re.IGNORECASE)
_MULT_RE = re.compile(rf"[{_SP}]?([^\W\d_]+)\.?")

_MONTHS_UK_RU = (
    ("січ", 1), ("лют", 2), ("берез", 3), ("квіт", 4), ("трав", 5), ("черв", 6),
    ("лип", 7), ("серп", 8), ("верес", 9), ("жовт", 10), ("листопад", 11), ("груд", 12),
    ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("ма", 5), ("июн", 6),
    ("июл", 7), ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
)
_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
_WORD_AFTER_RE = re.compile(rf"[{_SP}]([^\W\d_]+)")
_ORD_MONTH_RE = re.compile(rf"-?(?:го|е|ого|th|st|nd|rd)?[{_SP}]([^\W\d_]+)")
_WORD_BEFORE_RE = re.compile(rf"([^\W\d_]+)\.?[{_SP}]$")

_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?")
_COMMA_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")
_COMMA_THOUSAND = re.compile(r"\d{1,3},\d{3}(?:\.\d+)?")


def _to_decimal(raw: str, lang: str) -> Decimal | None:
    s = "".join(ch for ch in raw if ch not in _SP)
    if _DOT_THOUSANDS.fullmatch(s):
        s = s.replace(".", "").replace(",", ".")
    elif _COMMA_THOUSANDS.fullmatch(s) or (lang == "en" and _COMMA_THOUSAND.fullmatch(s)):
        s = s.replace(",", "")
    else:
        s = s.replace(",", ".")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _month_of(word: str) -> int | None:
    w = word.lower()
    if w in _EN_MONTHS:
        return _EN_MONTHS[w]
    for stem, month in _MONTHS_UK_RU:
        if w.startswith(stem):
            if stem == "ма" and not re.fullmatch(r"ма[йяюе]", w):
                continue
            if stem == "март" and w not in ("март", "марта", "марте"):
                continue
            return month
    return None


def _norm(value: Decimal) -> Decimal:
    return value.normalize()


def extract(text: str, lang: str) -> list[NumberMention]:
    """Every figure in `text`, in order of position."""
    return list(_extract_memo(text, lang))


@lru_cache(maxsize=65_536)
def _extract_memo(text: str, lang: str) -> tuple[NumberMention, ...]:
    """Memo of _extract: re-checks see the same texts again, and mentions are immutable."""
    return tuple(_extract(text, lang))


def _extract(text: str, lang: str) -> list[NumberMention]:
    mentions: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
    digit = _DIGIT_RE.search(text)
    if digit is None:
        # Every figure pattern below needs a digit: one scan instead of four passes.
        mentions.extend(word_mentions(text, lang, taken))
        mentions.sort(key=lambda x: x.start)
        return _spread_dates(text, _spread_units(text, mentions))
    # Each figure pattern starts its match with a digit: the passes start at the first one
    # (their look-behinds still see the text before it).
    at = digit.start()
    # dd.mm.yyyy is day-first in every language (an English text keeps a Ukrainian
    # dateline as it is); mm/dd/yyyy is the American slash form.
    # Both date forms hold a separator right before the year's 19 or 20: most texts hold
    # neither, and `in` finds that faster than a pattern pass.
    dated = []
    if ".19" in text or ".20" in text:
        dated = [(m, False) for m in _DMY_RE.finditer(text, at)]
    if lang == "en" and ("/19" in text or "/20" in text):
        dated += [(m, True) for m in _MDY_RE.finditer(text, at)]
    for m, month_first in dated:
        day, month = int(m.group(1)), int(m.group(2))
        if month_first and day <= 12:  # 13/02/2023 can only be day first (British)
            day, month = month, day
        if 1 <= day <= 31 and 1 <= month <= 12:
            mentions.append(NumberMention((month, day), "date", m.start(), m.end(), m.group()))
            mentions.append(
                NumberMention(Decimal(m.group(3)), "number", m.start(3), m.end(3), m.group(3))
            )
            taken.append((m.start(), m.end()))
    for m in _TIME_RE.finditer(text, at) if _may_hold_time(text, lang) else ():
        clock = bool(m.group(2) or m.group(4) or m.group(5))
        if not clock and _dotted_time(text, m, lang):
            # "об 11.15": a time when a preposition of time comes first.
            hour, minute = int(m.group(1)), int(text[m.end() + 1 : m.end() + 3])
            end = m.end() + 3
            if hour <= 24 and minute < 60:
                mentions.append(
                    NumberMention(
                        (0, hour * 60 + minute), "time", m.start(), end, text[m.start() : end]
                    )
                )
                taken.append((m.start(), end))
            continue
        if any(a <= m.start() < b for a, b in taken) or not clock:
            continue
        hour, minute = int(m.group(1)), int(m.group(3) or m.group(4) or 0)
        if m.group(5):
            hour = hour % 12 + (12 if m.group(5).lower() == "p" else 0)
        if hour <= 24 and minute < 60:
            mentions.append(
                NumberMention((0, hour * 60 + minute), "time", m.start(), m.end(), m.group())
            )
            taken.append((m.start(), m.end()))
    for m in _num_matches(text, at):
        if any(a <= m.start() < b for a, b in taken):
            continue
        mention = _digit_mention(text, m, lang)
        if mention is not None:
            if mention.kind in ("number", "ordinal"):
                unit = unit_after(text, mention.end)
                if unit is not None:  # (a mention made here has no unit yet)
                    mention = replace(mention, unit=unit)
            mentions.append(mention)
            taken.append((mention.start, mention.end))
    mentions.extend(word_mentions(text, lang, taken))
    mentions.sort(key=lambda x: x.start)
    return _spread_dates(text, _spread_units(text, mentions))


# What a clock (_TIME_RE's groups 2, 4 or 5) or a dotted time needs somewhere in the
# text: a colon, a digit before an a/p (9 a.m., 9pm), a digit, a dot and two digits (об
# 11.15). A text without any of them gets nothing from the time pass: it is skipped.
_CLOCK_CUE = re.compile(r":|\d\s?[ap]", re.IGNORECASE)
_DOTTED_CUE = re.compile(r"\d\.\d\d")
# The maximal runs of digits: every _NUM_RE match starts a run (its look-behind), and a
# match from a run's start is what a pass over the text finds there (_num_matches).
_DIGIT_RUN = re.compile(r"\d+")


def _num_matches(text: str, at: int) -> list[re.Match[str]]:
    """`_NUM_RE.finditer(text, at)`'s matches, trying the pattern only where a run of
    digits starts (the scan for runs is a few times faster than the pattern's own: its
    look-behind is tried at every position). A match never ends before a digit, so the
    next run found after it starts a maximal run, as the pass would resume there."""
    out: list[re.Match[str]] = []
    end = at
    match, runs = _NUM_RE.match, _DIGIT_RUN.finditer
    for run in runs(text, at):
        start = run.start()
        if start < end:
            continue  # inside the previous match (1 000 000)
        m = match(text, start)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def _may_hold_time(text: str, lang: str) -> bool:
    """Whether the time pass can find a clock or a dotted time in `text` (a superset)."""
    if _CLOCK_CUE.search(text) is not None:
        return True
    return lang in ("uk", "ru") and _DOTTED_CUE.search(text) is not None


_RANGE_GAP = re.compile(r"\s*(?:-|–|—|до|to|and|or|і|та|й|и|або|или)\s*", re.IGNORECASE)


def _spread_dates(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """9-10 лютого / February 9-10: both days are dates of that month."""
    out = list(mentions)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if not _RANGE_GAP.fullmatch(text[a.end : b.start]):
            continue
        for num, date in ((a, b), (b, a)):
            if (
                num.kind in ("number", "ordinal")
                and isinstance(num.value, Decimal)
                and isinstance(date.value, tuple)
                and date.value[0] > 0
                and num.value == num.value.to_integral_value()
                and 1 <= num.value <= 31
            ):
                k = out.index(num)
                out[k] = replace(num, value=(date.value[0], int(num.value)), kind="date")
    return out


def _dotted_time(text: str, m: re.Match[str], lang: str) -> bool:
    return (
        lang in ("uk", "ru")
        and re.match(r"\.\d\d(?!\d)", text[m.end() :]) is not None
        and re.search(r"(?:^|\s)(?:о|об|в|до|з|с)\s$", text[: m.start()], re.IGNORECASE)
        is not None
    )


def _spread_units(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """In "від 2,54 до 5,08 см" / "2 to 4 inches" the first figure has the unit too."""
    out = list(mentions)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if (
            a.unit is None
            and b.unit is not None
            and a.kind in ("number", "word")
            and _RANGE_GAP.fullmatch(text[a.end : b.start])
        ):
            out[i] = replace(a, unit=b.unit)
    return out


def _digit_mention(text: str, m: re.Match[str], lang: str) -> NumberMention | None:
    value = _to_decimal(m.group(), lang)
    if value is None:
        return None
    start, end = m.start(), m.end()
    before = text[max(0, start - 2) : start]
    # Codes and model names: F-16, Су-35, G7, COVID-19.
    if before[-1:].isalpha() or (before[-1:] in "-‐" and before[:1].isalpha()):
        return NumberMention(_norm(value), "code", start, end, m.group(), weak=True)
    # A numbered list item at the start of the segment: "1. ", "2) ".
    if not text[:start].strip() and re.match(r"[.)]\s", text[end : end + 2]):
        return NumberMention(_norm(value), "ordinal", start, end, m.group(), weak=True)
    kind = "number"
    rest = text[end:]
    after = _WORD_AFTER_RE.match(rest) or _ORD_MONTH_RE.match(rest)
    if after and value == value.to_integral_value() and 1 <= value <= 31:
        month = _month_of(after.group(1))
        if month is not None:
            stop = end + after.end()
            return NumberMention((month, int(value)), "date", start, stop, text[start:stop])
    before_word = _WORD_BEFORE_RE.search(text[max(0, start - 12) : start])
    if before_word and value == value.to_integral_value() and 1 <= value <= 31:
        month = _month_of(before_word.group(1))
        if month is not None and before_word.group(1)[:1].isupper():
            s = start - len(before_word.group())
            ordm = re.match(r"(?:st|nd|rd|th)\b", rest)
            e = end + (ordm.end() if ordm else 0)
            return NumberMention((month, int(value)), "date", s, e, text[s:e])
    pm = _PERCENT_RE.match(rest)
    if pm:
        kind, end = "percent", end + pm.end()
    else:
        mm = _MULT_RE.match(rest)
        power = None
        if mm:
            word = mm.group(1).lower()
            power = MULT_ABBR.get(word)
            if power is None and lang in ("uk", "ru"):
                power = word_info(word, lang)[1]
            elif (
                power is None
                and word in ("m", "k")
                and mm.group() == word
                and text[max(0, start - 1) : start] in ("$", "£", "€")
            ):
                power = 6 if word == "m" else 3  # $5m, £125m, $10k
        compound = _COMPOUND_MULT.match(rest)
        if power is not None and mm is not None:
            value = value * (Decimal(10) ** power)
            end += mm.end()
        elif compound:  # 25-тисячний натовп = a 25,000-strong crowd
            value = value * (Decimal(10) ** _MULT_STEMS[compound.group(1).lower()])
            end += compound.end()
        else:
            om = _ORD_RE.match(rest)
            suffix = om.group().lower() if om else ""
            if om and (suffix.startswith("-") or suffix in ("st", "nd", "rd", "th")):
                kind, end = "ordinal", end + om.end()
    return NumberMention(_norm(value), kind, start, end, text[start:end])
