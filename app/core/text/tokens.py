"""Word tokens with their offsets: the unit checks, matching and diffs work on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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
    """The word tokens of `text` (a new list each call; the tokens are shared)."""
    return list(_tokens(text))


# The checks of one pair tokenize its source and target several times over (glossary,
# names, numbers, untranslated); a re-check tokenizes every unchanged pair again.
@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[Token, ...]:
    # __new__ and __init__ called directly: Token(...) goes through type.__call__,
    # which cost more than the regex on a long text. The same objects (and compact:
    # filling __dict__ by hand would give each token a dict of its own).
    out: list[Token] = []
    append = out.append
    new, init = object.__new__, Token.__init__
    for m in WORD_RE.finditer(text):
        token = new(Token)
        start, end = m.span()
        init(token, m.group(), start, end)
        append(token)
    return tuple(out)


def normalize_apostrophes(word: str) -> str:
    """One apostrophe for Ukrainian words, so п’ять and п'ять are the same word."""
    for ch in APOSTROPHES[1:]:
        word = word.replace(ch, "'")
    return word
