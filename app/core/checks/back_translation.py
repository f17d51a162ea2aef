"""Back-translation check (optional per review): segments whose meaning may have drifted.

The target is translated back into the source language with the review's MT
provider and scored against the source with sacrebleu's chrF. Absolute scores
vary with the engine and the text, so a segment is flagged only when it falls
far below the article's own median. Not in the default registry: it costs one
MT request per segment, so the review turns it on and passes the provider in
ctx.options["back_translation_provider"].
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from app.core.checks.base import Check, CheckCategory, CheckContext
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side

if TYPE_CHECKING:  # the MT package loads when a provider is given: every check imports this
    from app.core.mt import Provider

PROVIDER_OPTION = "back_translation_provider"
RATIO_OPTION = "back_translation_ratio"  # flag below this share of the median (default 0.6)
MIN_SEGMENTS = 3
MIN_GAP = 10.0  # chrF points below the median, so a uniformly good article flags nothing


class BackTranslationCheck(Check):
    id: ClassVar[str] = "back-translation"
    label: ClassVar[str] = "Back-translation drift"
    description: ClassVar[str] = (
        "On request, with an MT provider: segments whose translation back into the source "
        "language scores far below the article's median (the meaning may have drifted)."
    )
    help = (
        "When the translation, translated back into the source language, is far from the "
        "source, the meaning may have drifted even though every word looks fine. Run it from "
        "Tools when a provider is set up. Fix: read the segment against the source and "
        "rephrase; ignore the issue when the wording is just freer."
    )
    category: ClassVar[CheckCategory] = CheckCategory.MEANING
    default_severity: ClassVar[Severity] = Severity.INFO
    article_scope: ClassVar[bool] = True  # the median needs every pair

    def __init__(self) -> None:
        # Re-checks after each edit re-run article checks: translate each text once.
        self._cache: dict[tuple[str, str, str, str], str] = {}
        from sacrebleu.metrics.chrf import CHRF  # loaded on use: costs start-up time

        self._chrf = CHRF()

    def back_translate(self, provider: Provider, text: str, source: str, target: str) -> str:
        key = (getattr(provider, "name", type(provider).__name__), target, source, text)
        if key not in self._cache:
            self._cache[key] = provider.translate(text, target, source)
        return self._cache[key]

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        provider = ctx.options.get(PROVIDER_OPTION)
        if provider is None:
            return []
        from app.core.mt import Provider

        if not isinstance(provider, Provider):
            return []
        ratio_option = ctx.options.get(RATIO_OPTION, 0.6)
        ratio = float(ratio_option) if isinstance(ratio_option, int | float) else 0.6
        scored: list[tuple[Pair, str, float]] = []
        for pair in pairs:
            if not pair.source.strip() or not pair.target.strip():
                continue  # omissions are the omission check's job
            back = self.back_translate(provider, pair.target, ctx.source_lang, ctx.target_lang)
            score = self._chrf.sentence_score(back, [pair.source]).score
            scored.append((pair, back, score))
        if len(scored) < MIN_SEGMENTS:
            return []
        median = statistics.median(s for _, _, s in scored)
        issues = []
        for pair, back, score in scored:
            if score >= median * ratio or median - score < MIN_GAP:
                continue
            severity = Severity.WARNING if score < median * ratio / 2 else Severity.INFO
            shown = back if len(back) <= 160 else back[:157] + "…"
            start = len(pair.target) - len(pair.target.lstrip())
            end = len(pair.target.rstrip())
            message = (
                f"the back-translation scores chrF {score:.0f} against the source "
                f"(article median {median:.0f}); the meaning may have drifted, read "
                f"this segment again. Back-translation: {shown}"
            )
            issues.append(self.issue(pair, Side.TARGET, start, end, message, severity=severity))
        return issues
