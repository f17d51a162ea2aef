"""number-mismatch: figures that differ between a source sentence and its translation.

Both sides are reduced to multisets of normalised values (app.core.text.numbers), so
the check does not care how a figure is written: "три" = "3" = "three",
"$1,5 млрд" = "$1.5 billion", "23 листопада" = "Nov. 23". A figure without an
exact partner is an error; one with only a loose partner (a rounded value, a
date's day written alone, "90-х" for "1990s") is a warning. One error gives one
issue: a source figure changed into another in the translation is reported on the
target figure, with the source figure's span alongside (source_start/source_end).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import lru_cache

from app.core.checks.base import Check, CheckCategory, CheckContext
from app.core.checks.numbers_match import drop_asides, loose_equal, match, word_units
from app.core.checks.numbers_rules import (
    in_compound,
    rendered_otherwise,
    roman_ordinals,
    with_halves,
)
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side
from app.core.text.number_mention import NumberMention
from app.core.text.number_phrases import with_phrases
from app.core.text.number_words import MULT_ABBR, ORDINAL_VALUES, WORD_VALUES, ordinal_word
from app.core.text.numbers import extract


def _severity(m: NumberMention, other_side: list[NumberMention]) -> Severity:
    """Digits or words, a figure changed into another is an error (п'ятеро vs six, три vs
    four). A number word with no figure left over on the other side is only information:
    idioms and compounds (a decade, one or two, сім'я) carry or lose number words freely."""
    if m.kind != "word" or other_side:
        return Severity.ERROR
    return Severity.INFO


def _ordinals(left: list[NumberMention], lang: str) -> list[NumberMention]:
    """The unmatched ordinals of one side: 5th, 4-й, and the (weak) ordinal words."""
    return [
        m for m in left
        if (m.kind == "ordinal" and not m.weak) or m.kind == "roman"
        or (m.kind == "word" and ordinal_word(m.text.split()[-1].split("-")[-1], lang) is not None)
    ]  # fmt: skip


_EN_CARDINALS = {v: w for w, v in WORD_VALUES["en"].items()}
_EN_ORDINALS = {v: w for w, v in ORDINAL_VALUES["en"].items()}


def _english_word(was: NumberMention, now: NumberMention) -> str | None:
    """The source figure as the English number word the target wrote in its place
    (six -> five, fifth -> fourth, four billion -> three billion), capitalised alike;
    None for anything else."""
    word, *scale = now.text.split(" ")
    if now.kind != "word" or not word.isalpha() or not isinstance(was.value, Decimal):
        return None
    power = sum(MULT_ABBR.get(w.lower(), 99) for w in scale)  # 99: not a multiplier
    if power >= 99:
        return None
    value = was.value / Decimal(10) ** power
    if value != value.to_integral_value():
        return None
    low = word.lower()
    table = _EN_ORDINALS if low in ORDINAL_VALUES["en"] else _EN_CARDINALS
    if low not in ORDINAL_VALUES["en"] and low not in WORD_VALUES["en"]:
        return None
    fix = table.get(int(value))
    if fix is None:
        return None
    return " ".join([fix.capitalize() if word[:1].isupper() else fix, *scale])


def _mentions(text: str, lang: str) -> list[NumberMention]:
    """The figures of one side, number words with their units, asides folded."""
    return list(_mentions_memo(text, lang))


@lru_cache(maxsize=65_536)
def _mentions_memo(text: str, lang: str) -> tuple[NumberMention, ...]:
    """Memo of _read: an article repeats texts (a sixth of the 50k benchmark's), a
    re-check sees every unchanged one again, and mentions are immutable."""
    return tuple(_read(text, lang))


def _read(text: str, lang: str) -> list[NumberMention]:
    found = extract(text, lang)
    if lang in ("uk", "ru"):
        taken = [(m.start, m.end) for m in found]
        roman = [
            r for r in roman_ordinals(text) if not any(a < r.end and r.start < b for a, b in taken)
        ]
        found = sorted(found + roman, key=lambda m: m.start)
    found = with_phrases(text, lang, with_halves(text, found))
    return drop_asides(text, word_units(text, found))


def _describe(m: NumberMention) -> str:
    return f'"{m.text}"'


def _pair_up(
    missing: list[NumberMention], extra: list[NumberMention]
) -> list[tuple[NumberMention | None, NumberMention | None]]:
    """Each source figure with the target figure written in its place, in order: the
    first figure missing with the first one extra, and so on; the rest stay alone."""
    n = min(len(missing), len(extra))
    pairs: list[tuple[NumberMention | None, NumberMention | None]] = list(
        zip(missing[:n], extra[:n], strict=True)
    )
    pairs += [(m, None) for m in missing[n:]]
    pairs += [(None, t) for t in extra[n:]]
    return pairs


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
        src = _mentions_memo(pair.source, ctx.source_lang)
        tgt = _mentions_memo(pair.target, ctx.target_lang)
        if not src and not tgt:
            return []  # most pairs: no figure on either side, nothing below to find
        return self._compare(pair, ctx, list(src), list(tgt))

    def _compare(
        self, pair: Pair, ctx: CheckContext, src: list[NumberMention], tgt: list[NumberMention]
    ) -> list[Issue]:
        left_src, left_tgt = match(src, tgt)
        source, target = pair.source, pair.target
        extra = [t for t in left_tgt if not t.weak and not in_compound(t, target, source)]
        missing = [m for m in left_src if not m.weak and not rendered_otherwise(m, source, target)]
        issues: list[Issue] = []
        # An ordinal changed into another (четвертий -> fifth, 4-й -> 5th) is one error; an
        # ordinal word with no ordinal left on the other side passes (перший -> "initial").
        ordinals = (_ordinals(left_src, ctx.source_lang), _ordinals(left_tgt, ctx.target_lang))
        for old, new in zip(*ordinals, strict=False):
            issues.append(self._changed(pair, old, new))
            missing = [m for m in missing if m is not old]
            extra = [t for t in extra if t is not new]
        loose_used: set[int] = set()
        unpaired: list[NumberMention] = []
        for m in missing:
            loose = next(
                (
                    j
                    for j, t in enumerate(extra)
                    if j not in loose_used and loose_equal(m.value, t.value)
                ),
                None,
            )
            if loose is None:
                unpaired.append(m)
                continue
            loose_used.add(loose)
            near = extra[loose]
            issues.append(
                self.issue(
                    pair, Side.TARGET, near.start, near.end,
                    f"{_describe(near)} may not say the same as {_describe(m)} in the source",
                    text=near.text, severity=Severity.WARNING, source_span=(m.start, m.end),
                )
            )  # fmt: skip
        left = [t for j, t in enumerate(extra) if j not in loose_used]
        for was, now in _pair_up(unpaired, left):
            if was is not None and now is not None:
                issues.append(self._changed(pair, was, now))
            elif was is not None:
                issues.append(
                    self.issue(
                        pair, Side.SOURCE, was.start, was.end,
                        f"The source figure {_describe(was)} is missing from the translation",
                        text=was.text, severity=_severity(was, extra),
                    )
                )  # fmt: skip
            elif now is not None:
                issues.append(
                    self.issue(
                        pair, Side.TARGET, now.start, now.end,
                        f"The figure {_describe(now)} in the translation is not in the source",
                        text=now.text, severity=_severity(now, missing),
                    )
                )  # fmt: skip
        return issues

    def _changed(self, pair: Pair, was: NumberMention, now: NumberMention) -> Issue:
        """One issue for a source figure written as another: on the target figure, with
        the source figure's span alongside."""
        return self.issue(
            pair, Side.TARGET, now.start, now.end,
            f"The translation says {_describe(now)} where the source says {_describe(was)}",
            text=now.text, severity=Severity.ERROR, source_span=(was.start, was.end),
            suggestion=_english_word(was, now),
        )  # fmt: skip
