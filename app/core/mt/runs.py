"""Segment-by-segment MT runs: progress after each segment, cancellable between them."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Protocol

from app.core.model.document import Pair
from app.core.mt.errors import MTCancelled
from app.core.text.segment import split_sentences


class Provider(Protocol):
    """What a run needs of a provider (app.core.mt.Provider; no import: no circle)."""

    def translate(self, text: str, source: str, target: str) -> str: ...


ResultCallback = Callable[[int, str], None]


def translate_segments(
    items: Sequence[str] | Sequence[Pair],
    provider: Provider,
    source: str,
    target: str,
    on_result: ResultCallback | None = None,
    cancel: threading.Event | None = None,
) -> list[str]:
    """Translate segment by segment, reporting each result as it arrives.

    `items` are texts or Pairs (their source is translated). on_result(index,
    translation) is called after each segment, so a window can fill its column
    and progress bar; when `cancel` is set the run stops before the next
    segment and MTCancelled is raised. Empty segments are passed through.
    """
    texts = [i.source if isinstance(i, Pair) else i for i in items]
    results: list[str] = []
    for index, text in enumerate(texts):
        if cancel is not None and cancel.is_set():
            raise MTCancelled(f"translation cancelled after {index} of {len(texts)} segments")
        translated = provider.translate(text, source, target) if text.strip() else text
        results.append(translated)
        if on_result is not None:
            on_result(index, translated)
    return results


def translate_paragraphs(
    paragraphs: Sequence[str],
    provider: Provider,
    source: str,
    target: str,
    on_progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> list[str]:
    """Translate an article sentence by sentence, keeping its paragraphs.

    on_progress(done, total) counts sentences.
    """
    segments: list[tuple[int, str]] = []
    for p_index, paragraph in enumerate(paragraphs):
        for sentence in split_sentences(paragraph, source) or [paragraph]:
            segments.append((p_index, sentence))
    total = len(segments)

    def report(index: int, _text: str) -> None:
        if on_progress is not None:
            on_progress(index + 1, total)

    translated = translate_segments(
        [s for _, s in segments], provider, source, target, on_result=report, cancel=cancel
    )
    out: list[list[str]] = [[] for _ in paragraphs]
    for (p_index, _), text in zip(segments, translated, strict=True):
        out[p_index].append(text.strip())
    return [" ".join(t for t in parts if t) for parts in out]
