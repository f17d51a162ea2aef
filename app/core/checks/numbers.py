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

from app.core.checks.base import Check, CheckCategory, CheckContext
from app.core.checks.numbers_match import drop_asides, loose_equal, match, word_units
from app.core.checks.numbers_rules import in_compound, rendered_otherwise
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side
from app.core.text.numbers import NumberMention, extract


def _severity(m: NumberMention, other_side: list[NumberMention]) -> Severity:
    """Digits or words, a figure changed into another is an error (п'ятеро vs six, три vs
    four). A number word with no figure left over on the other side is only information:
    idioms and compounds (a decade, one or two, сім'я) carry or lose number words freely."""
    if m.kind != "word" or other_side:
        return Severity.ERROR
    return Severity.INFO


def _mentions(text: str, lang: str) -> list[NumberMention]:
    """The figures of one side, number words with their units, asides folded."""
    return drop_asides(text, word_units(text, extract(text, lang)))


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
        src = _mentions(pair.source, ctx.source_lang)
        tgt = _mentions(pair.target, ctx.target_lang)
        missing, extra = match(src, tgt)
        extra = [t for t in extra if not in_compound(t, pair.target, pair.source)]
        missing = [m for m in missing if not rendered_otherwise(m, pair.source, pair.target)]
        issues: list[Issue] = []
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
                issues.append(
                    self.issue(
                        pair, Side.TARGET, now.start, now.end,
                        f"The translation says {_describe(now)} where the source says "
                        f"{_describe(was)}",
                        text=now.text, severity=Severity.ERROR, source_span=(was.start, was.end),
                    )
                )  # fmt: skip
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
