"""Find and replace over the target segments of a review: plain text or a regular
expression, whole words, match case. Pure functions; the window's dialog and any
script share them, and Replace All returns every changed target at once (one undo
step in the window)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.core.model.errors import VersoError


class PatternError(VersoError):
    """The regular expression does not compile: says why."""


@dataclass(frozen=True)
class Query:
    text: str
    regex: bool = False
    whole_word: bool = False
    match_case: bool = False

    def compile(self) -> re.Pattern[str] | None:
        """The compiled pattern; None for an empty query; PatternError if invalid."""
        if not self.text:
            return None
        body = self.text if self.regex else re.escape(self.text)
        if self.whole_word:
            body = rf"(?<!\w)(?:{body})(?!\w)"
        flags = 0 if self.match_case else re.IGNORECASE
        try:
            return re.compile(body, flags)
        except re.error as exc:
            raise PatternError(f"Invalid regular expression: {exc}") from None


@dataclass(frozen=True)
class Match:
    pair: int
    start: int
    end: int


def find_all(targets: Sequence[str], query: Query) -> list[Match]:
    """Every non-empty match, segment by segment, left to right."""
    pattern = query.compile()
    if pattern is None:
        return []
    return [
        Match(i, m.start(), m.end())
        for i, text in enumerate(targets)
        for m in pattern.finditer(text)
        if m.end() > m.start()
    ]


def replace_in(text: str, query: Query, replacement: str) -> str:
    """`text` with every match replaced (a regex replacement may use \\1 or \\g<name>)."""
    pattern = query.compile()
    if pattern is None:
        return text
    if query.regex:
        try:
            return pattern.sub(lambda m: m.group(0) and m.expand(replacement), text)
        except (re.error, IndexError) as exc:
            raise PatternError(f"Invalid replacement: {exc}") from None
    return pattern.sub(lambda m: replacement if m.group(0) else "", text)


def replace_all(targets: Sequence[str], query: Query, replacement: str) -> dict[int, str]:
    """The new text of every segment that changes."""
    out: dict[int, str] = {}
    for i, text in enumerate(targets):
        new = replace_in(text, query, replacement)
        if new != text:
            out[i] = new
    return out
