"""Paragraph and sentence segmentation. (Initial version; to be completed.)"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZА-ЯІЇЄҐ\"«„])")


def split_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def split_sentences(paragraph: str, lang: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(paragraph) if s.strip()]
