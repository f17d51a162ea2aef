"""Paragraph then sentence alignment. (Initial version; to be completed.)"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.document import Pair


def align_article(
    source_paragraphs: Sequence[str],
    target_paragraphs: Sequence[str],
    source_lang: str,
    target_lang: str,
) -> list[Pair]:
    pairs: list[Pair] = []
    for i in range(max(len(source_paragraphs), len(target_paragraphs))):
        src = source_paragraphs[i] if i < len(source_paragraphs) else ""
        tgt = target_paragraphs[i] if i < len(target_paragraphs) else ""
        pairs.append(Pair(len(pairs), src, tgt, i))
    return pairs
