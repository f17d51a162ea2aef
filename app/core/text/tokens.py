"""Word tokens with their offsets: the unit checks, matching and diffs work on."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Letters and digits, with inner apostrophes (п'ять, Обʼєднання, O'Brien) and hyphens
# (Франківськ, Івано-Франківськ) kept inside the word.
WORD_RE = re.compile(r"[^\W_]+(?:['’ʼ\-‐][^\W_]+)*")
APOSTROPHES = "'’ʼ"


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def normalize_apostrophes(word: str) -> str:
    """One apostrophe for Ukrainian words, so п’ять and п'ять are the same word."""
    for ch in APOSTROPHES[1:]:
        word = word.replace(ch, "'")
    return word
