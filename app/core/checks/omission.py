"""omission: a target segment far shorter than its source predicts, or missing.

Model: r = (ln(target chars / source chars) + ln(target words / source words)) / 2
is roughly normal with a mean that falls slowly with length and a variance
~ s0 + c / source chars (short segments vary more). A pair is flagged when
z = (r - mean) / sd < Z_THRESHOLD. Averaging the character and word ratios
catches more dropped text than characters alone (recall on 50-70% word drops in
ntrex: 87% against 83%, at the same rate of false alarms).

Constants fitted on /work/shared/data/ntrex-uk-en (1,997 professional news
translations; uk.txt or ru.txt against en.txt, aligned by line, sources of 12+
characters): mean = A + B*ln(L) by least squares, then s0 and c by least squares
of the squared residuals against 1/L. With Z_THRESHOLD = -3.75, 5 of 1,991 clean
uk pairs (0.25%) and 4 of 1,994 ru pairs (0.2%) are flagged.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.assets import data_lines
from app.core.checks.base import Check, CheckCategory, CheckContext
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side


@dataclass(frozen=True)
class LengthModel:
    a: float  # mean of ln ratio = a + b * ln(source length)
    b: float
    s0: float  # variance of ln ratio = s0 + c / source length
    c: float

    def z(self, source: str, target: str) -> float:
        """How many standard deviations `target` is longer (+) or shorter (-) than usual."""
        source_len = len(source)
        mean = self.a + self.b * math.log(source_len)
        sd = math.sqrt(max(self.s0 + self.c / source_len, 1e-4))
        chars = math.log(max(len(target), 1) / source_len)
        words = math.log(max(len(target.split()), 1) / max(len(source.split()), 1))
        return ((chars + words) / 2 - mean) / sd


# Fitted on ntrex (see the module docstring); keyed by (source, target) language; the
# coefficients live in resources/data/length-models.tsv.
MODELS: dict[tuple[str, str], LengthModel] = {
    (source, target): LengthModel(*(float(v) for v in values))
    for source, target, *values in (line.split("\t") for line in data_lines("length-models.tsv"))
}
# Other directions: a neutral model (no length change, the wider of the variances).
DEFAULT_MODEL = LengthModel(a=0.0, b=0.0, s0=0.0161, c=2.28)
Z_THRESHOLD = -3.75
# A shorter-than-usual target (z below this) that also lost a word the source
# carries over verbatim (a Latin-script name, a figure) is flagged too.
Z_ANCHOR_THRESHOLD = -2.0
# Below this many source characters a length ratio says nothing useful.
MIN_SOURCE_CHARS = 12


_ANCHOR = re.compile(r"[A-Za-z][A-Za-z'’\-]+|\d+")
# A Roman numeral is no such word: XVII веке becomes "seventeenth-century".
_ROMAN = re.compile(r"[IVXLC]+")


def _lost_anchors(source: str, target: str) -> bool:
    """Words the translation keeps as they are (Facebook, 2019) missing from it."""
    anchors = {
        a.casefold() for a in _ANCHOR.findall(source)
        if (len(a) > 1 or a.isdigit()) and not _ROMAN.fullmatch(a)
    }  # fmt: skip
    digits = "".join(ch for ch in target if ch.isdigit())
    folded = target.casefold()
    return any(
        (a not in digits) if a.isdigit() else (a not in folded) for a in anchors
    )


def _model(ctx: CheckContext) -> LengthModel:
    model = MODELS.get((ctx.source_lang, ctx.target_lang))
    if model is not None:
        return model
    reverse = MODELS.get((ctx.target_lang, ctx.source_lang))
    if reverse is not None:  # en -> uk: the mean flips sign, the spread is alike
        return LengthModel(-reverse.a, -reverse.b, reverse.s0, reverse.c)
    return DEFAULT_MODEL


class OmissionCheck(Check):
    id = "omission"
    label = "Omission"
    description = (
        "A translation far shorter than its source predicts (part of it may be missing), "
        "or no translation at all."
    )
    help = (
        "MT engines sometimes drop a clause or a whole sentence without any sign. A "
        "translation much shorter than the source predicts is worth reading again against the "
        "source. Fix: translate what is missing; ignore the issue when the source is simply "
        "wordy."
    )
    category = CheckCategory.COMPLETENESS
    default_severity = Severity.WARNING

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        model = _model(ctx)
        for pair in pairs:
            issue = self.check_pair(pair, model)
            if issue is not None:
                yield issue

    def check_pair(self, pair: Pair, model: LengthModel) -> Issue | None:
        source = pair.source.strip()
        target = pair.target.strip()
        if not source:
            return None
        if not target:
            start = len(pair.source) - len(pair.source.lstrip())
            return self.issue(
                pair, Side.SOURCE, start, start + len(source), "This sentence has no translation",
                text=source, severity=Severity.ERROR,
            )
        if len(source) < MIN_SOURCE_CHARS:
            return None
        z = model.z(source, target)
        if z >= Z_THRESHOLD and not (z < Z_ANCHOR_THRESHOLD and _lost_anchors(source, target)):
            return None
        start = len(pair.target) - len(pair.target.lstrip())
        expected = round(len(source) * math.exp(model.a + model.b * math.log(len(source))))
        return self.issue(
            pair, Side.TARGET, start, start + len(target),
            f"The translation is much shorter than the source ({len(target)} characters, "
            f"about {expected} expected): part of it may be missing",
            text=target,
        )  # fmt: skip
