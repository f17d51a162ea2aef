"""Figures written as words that are not number words: "a mile", "half an inch",
"a quarter", "three-quarters", "a dozen", "an hour and a half", "the 80s", "the
eighties"; півтора мільйона, півгодини, чверть, три чверті, полчаса.

English writes a rounded conversion with the article ("about a mile" for 1,6 км, "half
an inch" for 1,27 см), a share as a fraction ("a quarter" for 25 %), a time span in
the larger unit ("half an hour" for 30 хвилин) and a temperature as a decade
("highs in the 80s" for 27 °C). Each phrase becomes a weak figure: it may satisfy a
figure on the other side, with its unit (app.core.checks.numbers_match checks the
conversion: a mile is 1.609 km, within the rounding the phrase implies), or through
`also` (25 % for a quarter, 30 minutes for half an hour), but it is never reported
missing or extra. A decade in digits ("80s") stays as strong as the figure it is.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from app.core.text.number_mention import NumberMention
from app.core.text.number_words import MULT_ABBR
from app.core.text.numbers import unit_after

# A time word, and its length in the next smaller unit a translation may use instead.
_EN_TIME = {
    "hour": Decimal(60), "minute": Decimal(60), "day": Decimal(24), "week": Decimal(7),
    "month": Decimal(30), "year": Decimal(12), "decade": Decimal(10), "century": Decimal(100),
    "fortnight": Decimal(14),
}  # fmt: skip
# Words that count: a dozen = 12; after "half a" also the multipliers (half a million).
_EN_SCALE = {"dozen": 12, "hundred": 100, **{w: 10**p for w, p in MULT_ABBR.items()
                                             if w.isascii() and len(w) > 3}}  # fmt: skip
_FRACTIONS = {
    "half": Decimal("0.5"),
    "quarter": Decimal("0.25"),
    "third": Decimal(1) / 3,
}
# One fraction: a share of a whole, in percent as well (a quarter = 25 %).
_PERCENTS = {
    "0.5000": (Decimal(50),), "0.2500": (Decimal(25),), "0.7500": (Decimal(75),),
    "0.3333": (Decimal(33), Decimal("33.3")), "0.6667": (Decimal(66), Decimal(67), Decimal("66.7")),
}  # fmt: skip


def _percents(value: Decimal) -> tuple[Decimal, ...]:
    return _PERCENTS.get(str(value.quantize(Decimal("0.0001"))), ())


_TIME_WORDS = "|".join(_EN_TIME)
_SCALE_WORDS = "|".join(_EN_SCALE)
# "half an hour", "half a mile", "half a dozen", "half a million"
_HALF_A = re.compile(r"\bhalf[ -]an?[ -]([^\W\d_]+)", re.IGNORECASE)
# "an hour and a half", "a mile and a half"
_A_AND_HALF = re.compile(r"\b(?:an?|one)[ -]([^\W\d_]+)[ -]and[ -]a[ -]half\b", re.IGNORECASE)
# "a quarter (of an hour)", "three-quarters", "a third", "two-thirds", "one-half"
_FRACTION = re.compile(
    r"\b(a|one|two|three)[ -](half|quarters?|thirds?)\b(?:[ -]of[ -]an?[ -]([^\W\d_]+))?",
    re.IGNORECASE,
)
# "half the voters", "half of all"
_HALF_OF = re.compile(r"\bhalf[ -](?:of[ -])?(?:the|its|their|all|our|his|her)\b", re.IGNORECASE)
# "a mile", "an hour", "a dozen": the article as the figure one.
# The words "a"/"an" may count: units, time words, a dozen (a cheap filter first).
_COUNTED = (
    r"(?:miles?|inch|foot|yards?|pounds?|acres?|gallons?|kilomet\w*|met(?:er|re)s?|"
    r"centimet\w*|millimet\w*|kilo\w*|lit(?:er|re)s?|hectares?|degrees?|hour|minute|day|"
    r"week|month|year|decade|century|fortnight|dozen)\b"
)
_A_UNIT = re.compile(rf"\b(an?)(?=[ -]({_COUNTED}))", re.IGNORECASE)
_EN_CUE = re.compile(rf"half|quarter|third|dozen|0s\b|ties\b|\ban?[ -]{_COUNTED}", re.IGNORECASE)
_SLAVIC_CUE = re.compile(r"пів|пол|чверт|четверт|дюжин|0-", re.IGNORECASE)
# The cues as the lower-cased text holds them, without \b and re.IGNORECASE: a quick
# scan that finds most texts free of them. Exact only for a text without the characters
# re.IGNORECASE takes for a letter of the cues that lower() does not turn into it
# (İ ı ſ and old Cyrillic letter forms: found by trying every code point).
_UNFOLDED = re.compile("[\u0130\u0131\u017f\u1c80-\u1c85]")
_EN_PIECES = re.compile(
    "half|quarter|third|dozen|0s|ties|an?[ -](?:mile|inch|foot|yard|pound|acre|gallon|"
    "kilomet|met|centimet|millimet|kilo|lit|hectare|degree|hour|minute|day|week|month|"
    "year|decade|century|fortnight|dozen)"
)
_SLAVIC_PIECES = re.compile("пів|пол|чверт|четверт|дюжин|0-")
_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3}

_DECADE_WORDS = {
    w: 10 * i
    for i, w in enumerate(
        "tens twenties thirties forties fifties sixties seventies eighties nineties".split(), 1
    )
}
_DECADE = re.compile(
    r"\b(?:(early|mid|late|low|lower|high|upper)[ -])?"
    r"(?:'?(\d)0s\b|(" + "|".join(list(_DECADE_WORDS)[1:]) + r")\b)",
    re.IGNORECASE,
)

# uk/ru: півтора мільйона, півтори години, півгодини, полчаса, чверть, три чверті,
# половина, дюжина.
_ONE_AND_HALF = re.compile(r"(?<![^\W\d_])(?:півтор[аиу]|полтор[аы])(?![^\W\d_])", re.IGNORECASE)
# Not "пів" + "дн": півдні, півдня is the South.
_HALF_PREFIX = re.compile(
    r"(?<![^\W\d_])(?:пів[ -]?(годин|хвилин|доб|тиж|місяц|рок|століт|мільйон|тисяч|мільярд)"
    r"|пол[ -]?(час|минут|сут|дн|недел|месяц|год|столет|миллион|тысяч|миллиард))[^\W\d_]*",
    re.IGNORECASE,
)
# чверть, четверть; not the ordinals четвертий, четвертый, четверті.
_QUARTER_UK = re.compile(
    r"(?<![^\W\d_])(?:(три)\s+)?(?:чверт[ьію]|четверт(?:ь|и|ью))(?![^\W\d_])"
    r"(?:\s+(годин|час)[^\W\d_]*)?",
    re.IGNORECASE,
)
_HALF_UK = re.compile(r"(?<![^\W\d_])(?<!з )(?<!с )половин[^\W\d_]*", re.IGNORECASE)
_DOZEN_UK = re.compile(r"(?<![^\W\d_])дюжин[^\W\d_]*", re.IGNORECASE)
_UK_TIME = {
    "годин": Decimal(60), "час": Decimal(60), "хвилин": Decimal(60), "минут": Decimal(60),
    "доб": Decimal(24), "сут": Decimal(24), "дн": Decimal(24), "тиж": Decimal(7),
    "недел": Decimal(7), "місяц": Decimal(30), "месяц": Decimal(30), "рок": Decimal(12),
    "год": Decimal(12), "століт": Decimal(100), "столет": Decimal(100),
}  # fmt: skip
_UK_SCALE = {"мільйон": 6, "миллион": 6, "тисяч": 3, "тысяч": 3, "мільярд": 9, "миллиард": 9}
# A decade in uk/ru: 80-х, 90-ті, 70-е (роки), read as 1980s or 2080s alike.
_DECADE_UK = re.compile(r"(?<![\d.,])(\d)0-(?:х|ті|тих|е|ые|ых)(?![^\W\d_])", re.IGNORECASE)


def _phrase(
    value: Decimal, start: int, end: int, text: str, unit: str | None = None,
    also: tuple[Decimal, ...] = (), kind: str = "phrase", weak: bool = True,
) -> NumberMention:  # fmt: skip
    others = tuple(NumberMention(v, kind, start, end, text[start:end], weak=True) for v in also)
    return NumberMention(value, kind, start, end, text[start:end], weak, unit, others)


def _en_unit(
    word: str, text: str, at: int, scales: bool = True
) -> tuple[Decimal, str | None, tuple[Decimal, ...]]:
    """What "a WORD" counts: (figure, unit, the same in a smaller unit); figure 0 when
    WORD is no unit: "a mile" = (1, mi), "an hour" = (1, None, 60), "a dozen" = (12,)."""
    low = word.lower().rstrip("s")
    if low in _EN_SCALE and (scales or low == "dozen"):
        return Decimal(_EN_SCALE[low]), None, ()
    if low in _EN_TIME:
        return Decimal(1), None, (_EN_TIME[low],)
    unit = unit_after(text, at)
    if unit is None or len(low) < 3:
        return Decimal(0), None, ()  # no unit, or a bare abbreviation: "a m", "an l"
    return Decimal(1), unit, ()


def _english(text: str) -> list[NumberMention]:
    out: list[NumberMention] = []
    for m in _HALF_A.finditer(text):
        value, unit, also = _en_unit(m.group(1), text, m.start(1) - 1)
        if value:
            half = value / 2
            out.append(_phrase(half, m.start(), m.end(), text, unit, tuple(a / 2 for a in also)))
    for m in _A_AND_HALF.finditer(text):
        value, unit, also = _en_unit(m.group(1), text, m.start(1) - 1)
        if value == 1:
            out.append(
                _phrase(Decimal("1.5"), m.start(), m.end(), text, unit,
                        tuple(a * 3 / 2 for a in also))
            )  # fmt: skip
    for m in _FRACTION.finditer(text):
        count = _COUNT[m.group(1).lower()]
        part = _FRACTIONS[m.group(2).lower().rstrip("s")]
        value = part * count
        if value >= 1 or (count > 1 and not m.group(2).lower().endswith("s")):
            continue  # "two half", "three thirds": not a fraction
        unit = None
        also = _percents(value)
        if m.group(3):  # three-quarters of a mile, a quarter of an hour
            _, unit, smaller = _en_unit(m.group(3), text, m.start(3) - 1)
            also = tuple(s * value for s in smaller) if smaller else () if unit else also
        else:  # a half-inch, a quarter mile
            nxt = re.match(r"[ -]([^\W\d_]+)", text[m.end(2) :])
            if nxt:
                unit = _en_unit(nxt.group(1), text, m.end(2), scales=False)[1]
                also = () if unit else also
        bare = not m.group(3) and unit is None and not text[m.end(2) :].startswith(" of")
        if part != Decimal("0.5") and count == 1 and bare:
            continue  # "a third term", "a quarter" alone: an ordinal, a district
        out.append(_phrase(value, m.start(), m.end(), text, unit, also))
    for m in _HALF_OF.finditer(text):
        out.append(_phrase(Decimal("0.5"), m.start(), m.start() + 4, text, None, (Decimal(50),)))
    for m in _A_UNIT.finditer(text):
        value, unit, also = _en_unit(m.group(2), text, m.end(1), scales=False)
        if value:
            end = m.end(1) + 1 + len(m.group(2))
            out.append(_phrase(value, m.start(), end, text, unit, also))
    for m in _DECADE.finditer(text):
        digit, word = m.group(2), m.group(3)
        tens = Decimal(int(digit) * 10) if digit else Decimal(_DECADE_WORDS[word.lower()])
        years = tuple(c + tens for c in (Decimal(1900), Decimal(2000)) if c + tens <= 2030)
        out.append(_phrase(tens, m.start(), m.end(), text, None, years, "decade", weak=not digit))
    return out


def _slavic(text: str) -> list[NumberMention]:
    out: list[NumberMention] = []
    # Each pass runs only where the lower-cased text holds what every match of it holds
    # (the passes cost a scan each, and "пол" lets most texts with a cue in: політика);
    # exact as _has_cue's quick scan is, so not for a text with an unfolded letter.
    low = text.lower() if _UNFOLDED.search(text) is None else None
    for m in _ONE_AND_HALF.finditer(text) if _may(low, "півтор", "полтор") else ():
        end, value = m.end(), Decimal("1.5")
        also: tuple[Decimal, ...] = ()
        nxt = re.match(r"\s+([^\W\d_]+)", text[end:])
        if nxt:
            word = nxt.group(1).lower()
            scale = next((p for s, p in _UK_SCALE.items() if word.startswith(s)), None)
            time = next((t for s, t in _UK_TIME.items() if word.startswith(s)), None)
            if scale is not None:
                value, end = value * 10**scale, end + nxt.end()
            elif time is not None:
                also = (time * 3 / 2,)
        out.append(_phrase(value, m.start(), end, text, unit_after(text, end), also))
    for m in _HALF_PREFIX.finditer(text):
        stem = (m.group(1) or m.group(2)).lower()
        if stem in _UK_SCALE:
            out.append(_phrase(Decimal(10) ** _UK_SCALE[stem] / 2, m.start(), m.end(), text))
        elif stem in _UK_TIME:
            out.append(_phrase(Decimal("0.5"), m.start(), m.end(), text, None,
                               (_UK_TIME[stem] / 2,)))  # fmt: skip
    for m in _QUARTER_UK.finditer(text) if _may(low, "чверт", "четверт") else ():
        value = Decimal("0.75") if m.group(1) else Decimal("0.25")
        also = (Decimal(15) * (3 if m.group(1) else 1),) if m.group(2) else _percents(value)
        out.append(_phrase(value, m.start(), m.end(), text, None, also))
    for m in _HALF_UK.finditer(text) if _may(low, "половин") else ():
        out.append(_phrase(Decimal("0.5"), m.start(), m.end(), text, None, (Decimal(50),)))
    for m in _DOZEN_UK.finditer(text) if _may(low, "дюжин") else ():
        out.append(_phrase(Decimal(12), m.start(), m.end(), text))
    for m in _DECADE_UK.finditer(text) if _may(low, "0-") else ():
        tens = Decimal(int(m.group(1)) * 10)
        years = tuple(c + tens for c in (Decimal(1900), Decimal(2000)) if c + tens <= 2030)
        out.append(_phrase(tens, m.start(), m.end(), text, None, years, "decade", weak=False))
    return out


def _may(low: str | None, *pieces: str) -> bool:
    """Whether the lower-cased text (None: not known) may hold a match needing a piece."""
    return low is None or any(piece in low for piece in pieces)


@lru_cache(maxsize=65_536)
def _phrases(text: str, lang: str) -> tuple[NumberMention, ...]:
    """The phrases of a text, memoised like the figures (re-checks see the same texts)."""
    if lang == "en":
        return tuple(_english(text)) if _has_cue(text, lang) else ()
    if lang in ("uk", "ru"):
        return tuple(_slavic(text)) if _has_cue(text, lang) else ()
    return ()


# The pieces patterns' literal alternatives, tested with `in` (a fast substring search,
# where the patterns try every alternative at every position): the same answers.
_EN_LITERALS = ("half", "quarter", "third", "dozen", "0s", "ties")
_EN_A_UNIT = re.compile(_EN_PIECES.pattern.split("|ties|", 1)[1])
_SLAVIC_LITERALS = tuple(_SLAVIC_PIECES.pattern.split("|"))


def _has_pieces(low: str, lang: str) -> bool:
    """`(_EN_PIECES if lang == "en" else _SLAVIC_PIECES).search(low) is not None`."""
    if lang == "en":
        for piece in _EN_LITERALS:  # a loop: no generator a text
            if piece in low:
                return True
        return _EN_A_UNIT.search(low) is not None
    for piece in _SLAVIC_LITERALS:  # noqa: SIM110
        if piece in low:
            return True
    return False


def _has_cue(text: str, lang: str) -> bool:
    """Whether the cue pattern of `lang` (en, or uk/ru) finds something in `text`."""
    if _UNFOLDED.search(text) is None and not _has_pieces(text.lower(), lang):
        return False
    return (_EN_CUE if lang == "en" else _SLAVIC_CUE).search(text) is not None


def with_phrases(text: str, lang: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """`mentions` with the figures written as phrases added; a phrase replaces the
    figures inside it ("three" in "three-quarters", "million" in "half a million"),
    and the first phrase found over a stretch of text wins."""
    found = _phrases(text, lang)
    if not found:
        return mentions
    kept: list[NumberMention] = []
    for p in found:
        inside = any(
            m.start <= p.start and p.end <= m.end and m.end - m.start > p.end - p.start
            for m in mentions
        )  # "one and a half" is read already: its "a half" is no second figure
        if not inside and not any(p.start < k.end and k.start < p.end for k in kept):
            kept.append(p)
    rest = [m for m in mentions if not any(m.start < p.end and p.start < m.end for p in kept)]
    return sorted(rest + kept, key=lambda m: m.start)
