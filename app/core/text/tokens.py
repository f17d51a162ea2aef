"""Word tokens with their offsets: the unit checks, matching and diffs work on."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

# Letters and digits, with inner apostrophes (п'ять, Обʼєднання, O'Brien) and hyphens
# (Франківськ, Івано-Франківськ) kept inside the word.
WORD_RE = re.compile(r"[^\W_]+(?:['’ʼ\-‐][^\W_]+)*")
APOSTROPHES = "'’ʼ"


@dataclass(frozen=True, slots=True)
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


# The slots' own setters: a frozen dataclass's __init__ sets each field through
# object.__setattr__, which cost more than the regex on a long text.
_set_text: Callable[[Token, str], None] = Token.__dict__["text"].__set__
_set_start: Callable[[Token, int], None] = Token.__dict__["start"].__set__
_set_end: Callable[[Token, int], None] = Token.__dict__["end"].__set__
# WORD_RE without the underscore test: in a text holding no "_", [^\W_] is \w, which the
# regex engine reads a run of in one tight loop (no set test a character).
_PLAIN_WORD_RE = re.compile(r"\w+(?:['’ʼ\-‐]\w+)*")
_findall_any = WORD_RE.findall
_findall_plain = _PLAIN_WORD_RE.findall


def _findall(text: str) -> list[str]:
    """WORD_RE.findall(text): the cheaper pattern where it finds the same words."""
    return _findall_any(text) if "_" in text else _findall_plain(text)


# The checks of one pair tokenize its source and target several times over (glossary,
# names, numbers, untranslated); a re-check tokenizes every unchanged pair again.
@lru_cache(maxsize=8192)
def words(text: str) -> tuple[str, ...]:
    """The texts of `tokenize(text)`'s tokens, without making the tokens: a check that
    reads only the words (is any a number word?) skips most of the cost."""
    return tuple(_findall(text))


@lru_cache(maxsize=8192)
def starts(text: str) -> tuple[int, ...]:
    """Where each of `words(text)` starts (a token's start; its end is the start plus
    the word's length): offsets without Token objects."""
    out: list[int] = []
    append, find = out.append, text.find
    end = 0
    for word in words(text):  # as in _tokens
        start = find(word, end)
        end = start + len(word)
        append(start)
    return tuple(out)


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[Token, ...]:
    # findall gives the words in order; each starts at the first occurrence of it at or
    # after the previous word's end, since no word character lies between two matches
    # (the regex starts a match at the leftmost word character). No match objects.
    out: list[Token] = []
    append = out.append
    new, find = object.__new__, text.find
    end = 0
    for word in _findall(text):
        start = find(word, end)
        end = start + len(word)
        token = new(Token)
        _set_text(token, word)
        _set_start(token, start)
        _set_end(token, end)
        append(token)
    return tuple(out)


def tokens_matching(text: str, pattern: re.Pattern[str]) -> tuple[Token, ...]:
    """The tokens of `text` whose text `pattern` matches (at its start), in order: the
    same as filtering `tokenize(text)`, with no token made for the other words."""
    texts = words(text)
    kept = list(compress(range(len(texts)), map(pattern.match, texts)))
    if not kept:
        return ()
    at = starts(text)
    out: list[Token] = []
    append, new = out.append, object.__new__
    for i in kept:
        word, start = texts[i], at[i]
        token = new(Token)
        _set_text(token, word)
        _set_start(token, start)
        _set_end(token, start + len(word))
        append(token)
    return tuple(out)


def normalize_apostrophes(word: str) -> str:
    """One apostrophe for Ukrainian words, so п’ять and п'ять are the same word."""
    if "’" in word or "ʼ" in word:
        for ch in APOSTROPHES[1:]:
            word = word.replace(ch, "'")
    return word
