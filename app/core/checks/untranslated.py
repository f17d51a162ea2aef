"""untranslated: target text still in the source language or script.

An MT engine that gives up leaves the source text in place: a whole segment, a
clause, or one word. In a Latin-script translation of a Cyrillic source every
Cyrillic word is suspect, so runs of them are reported with their exact span.
A single stray word is a warning (it may be a deliberately quoted title); a run
of two or more words, or a segment that is mostly in the source script, is an
error. Words that mix both scripts ("Kyіv" with a Cyrillic і) are errors too:
they look right and defeat search and spell-checking.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from app.core.checks.base import Check, CheckCategory, CheckContext
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side
from app.core.text.tokens import tokenize

CYRILLIC_LANGS = frozenset({"uk", "ru", "be", "bg", "sr", "mk", "kk"})
_CYR = re.compile(r"[\u0400-\u04ff\u0500-\u052f]")
_LAT = re.compile(r"[A-Za-z\u00c0-\u024f]")
# What may sit between two words of one untranslated run.
_RUN_GAP = re.compile(r"[\s,;:«»\"'“”„()\-–—]*")


def _script(word: str) -> str:
    cyr = bool(_CYR.search(word))
    lat = bool(_LAT.search(word))
    if cyr and lat:
        return "mixed"
    return "cyr" if cyr else "lat" if lat else "other"


class UntranslatedCheck(Check):
    id = "untranslated"
    label = "Untranslated"
    description = (
        "Text left in the source language or script: a whole segment, a run of words, or "
        "a word mixing Cyrillic and Latin letters."
    )
    help = (
        "Words left in Cyrillic, or words mixing Cyrillic and Latin letters that look alike, "
        "cannot be read by the audience and break search. Fix: translate or transliterate the "
        "text. Ignore the issue for quoted titles that must stay in the original."
    )
    category = CheckCategory.LANGUAGE
    default_severity = Severity.ERROR

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        src_cyr = ctx.source_lang in CYRILLIC_LANGS
        tgt_cyr = ctx.target_lang in CYRILLIC_LANGS
        if src_cyr == tgt_cyr:
            return  # same script on both sides: nothing this check can see
        foreign = "cyr" if src_cyr else "lat"
        for pair in pairs:
            if pair.target.strip() and pair.source.strip():
                yield from self.check_pair(pair, foreign)

    def check_pair(self, pair: Pair, foreign: str) -> list[Issue]:
        issues = _text_issues(pair.source, pair.target, foreign)
        return [replace(i, pair=pair.index) for i in issues]


@lru_cache(maxsize=65_536)
def _text_issues(source: str, text: str, foreign: str) -> tuple[Issue, ...]:
    """The issues of one pair's texts (pair index 0): memoised, as re-checks and
    repeated checks see the same texts again."""
    return tuple(_find(Pair(0, source, text), foreign))


def _find(pair: Pair, foreign: str) -> list[Issue]:
    text = pair.target
    if (_CYR if foreign == "cyr" else _LAT).search(text) is None:
        # No letter of the source's script: no word is foreign or mixed (both need
        # one), so nothing below can report (most translations).
        return []
    tokens = [t for t in tokenize(text) if any(ch.isalpha() for ch in t.text)]
    scripts = [_script(t.text) for t in tokens]
    letters_foreign = sum(
        len(t.text) for t, s in zip(tokens, scripts, strict=True) if s == foreign
    )
    letters_all = sum(len(t.text) for t in tokens)
    same = " ".join(pair.source.split()) == " ".join(text.split())
    if letters_foreign and (same or letters_foreign * 2 > letters_all):
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        why = "is the source text" if same else "is still in the source language"
        message = f"This translation {why}: translate it"
        return [_CHECK.issue(pair, Side.TARGET, start, end, message)]
    issues: list[Issue] = []
    i = 0
    while i < len(tokens):
        if scripts[i] == "mixed":
            t = tokens[i]
            mixed = f'"{t.text}" mixes Cyrillic and Latin letters'
            issues.append(_CHECK.issue(pair, Side.TARGET, t.start, t.end, mixed))
            i += 1
            continue
        if scripts[i] != foreign:
            i += 1
            continue
        j = i
        while (
            j + 1 < len(tokens)
            and scripts[j + 1] == foreign
            and _RUN_GAP.fullmatch(text[tokens[j].end : tokens[j + 1].start])
        ):
            j += 1
        start, end = tokens[i].start, tokens[j].end
        words = j - i + 1
        severity = Severity.ERROR if words >= 2 else Severity.WARNING
        issues.append(
            _CHECK.issue(
                pair, Side.TARGET, start, end, f'"{text[start:end]}" is left untranslated',
                severity=severity,
            )
        )
        i = j + 1
    return issues


_CHECK = UntranslatedCheck()  # builds the issues of the memoised module functions
