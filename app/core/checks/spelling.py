"""spelling (optional): words of the English target that no hunspell dictionary knows.

Xbench, Verifika and memoQ offer the same. MT rarely misspells, but post-editors
do, and a typo in a published article is cheap to catch. Hunspell dictionaries
(Debian's hunspell-en-us / hunspell-en-gb, installed by .ci/dev) are read with
spylls, pure Python: a look-up costs ~40 µs, loading ~1 s, so the dictionaries are
loaded once per process and only when the check runs. Not in the default run:
the review asks for it by id (`--checks spelling`).

Known without the dictionary: glossary renderings, words with digits or capitals
only (abbreviations), URLs and e-mail addresses, and the article's own names: a
capitalised word whose romanisation is in the source of its pair, that the source
holds in Latin letters, or that recurs in the target of the article. A word is
accepted when either English dictionary knows it, so US and UK spellings both pass.
Without a dictionary the check says so once (one info issue) and flags nothing.
"""

from __future__ import annotations

import gc
import re
import time
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from rapidfuzz import fuzz

from app.core.checks import hunspell
from app.core.checks.base import Check, CheckCategory, CheckContext
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side
from app.core.text.translit import kmu2010

DICT_DIRS_ENV = hunspell.DICT_DIRS_ENV
_DICT_DIRS = hunspell.DEFAULT_DIRS
SUGGEST_BUDGET = 2.0  # seconds of suggestions per run: spylls' suggest takes ~0.4 s a word
MIN_LENGTH = 3  # shorter words are initials, units, interjections
MIN_NAME_LENGTH = 7  # shorter capitalised words are too often names one letter from a word
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december".split()
)

_MASK = re.compile(
    r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|uk|ua|io|info)\b"
)
_WORD = re.compile(r"[^\W_](?:[\w’']*[^\W_])?")
_CYRILLIC = re.compile(r"[а-яіїєґё]", re.IGNORECASE)
_SOURCE_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_SIMILAR = 75  # rapidfuzz ratio of a target name to a romanised source word


def _dict_dirs() -> list[Path]:
    return hunspell.search_dirs(_DICT_DIRS)


@lru_cache(maxsize=4)
def _load(dirs: tuple[Path, ...]) -> tuple[Any, ...]:
    """The English hunspell dictionaries found in `dirs` (none when spylls is absent)."""
    try:
        from spylls.hunspell import Dictionary  # loaded on use: ~1 s per dictionary
    except ImportError:
        return ()
    found: list[Any] = []
    for name in hunspell.ENGLISH:
        for folder in dirs:
            base = folder / name
            if base.with_suffix(".dic").is_file() and base.with_suffix(".aff").is_file():
                try:
                    with warnings.catch_warnings():
                        # spylls leaves the .aff/.dic files to the garbage collector
                        warnings.simplefilter("ignore", ResourceWarning)
                        found.append(Dictionary.from_files(str(base)))
                        gc.collect()
                except Exception:  # a broken dictionary is as good as none
                    continue
                break
    return tuple(found)


def dictionaries() -> tuple[Any, ...]:
    """The English hunspell dictionaries available on this machine, loaded once."""
    return _load(tuple(_dict_dirs()))


class _Speller:
    """Look-ups and suggestions over several dictionaries, memoised per word."""

    def __init__(self, dicts: tuple[Any, ...]) -> None:
        self._dicts = dicts
        self._known: dict[str, bool] = {}
        self._spent = 0.0

    def known(self, word: str) -> bool:
        if word not in self._known:
            self._known[word] = any(d.lookup(word) for d in self._dicts)
        return self._known[word]

    def near(self, word: str) -> str | None:
        """A known word one keyboard slip away (letters swapped, dropped, doubled or
        replaced), or None: unknown words with no such neighbour are names or rare
        words, which the dictionary cannot judge."""
        for candidate in _edits(word):
            if candidate != word and self.known(candidate):
                return candidate
        return None

    def suggest(self, word: str) -> str | None:
        """The first dictionary's best suggestion, within the run's time budget."""
        if self._spent > SUGGEST_BUDGET:
            return None
        started = time.monotonic()
        try:
            for d in self._dicts:
                for suggestion in d.suggest(word):
                    return str(suggestion)
            return None
        finally:
            self._spent += time.monotonic() - started


def _edits(word: str) -> Iterable[str]:
    """The words one edit from `word`, the usual slips first."""
    for i in range(len(word) - 1):
        yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]
    for i in range(len(word) + 1):
        for c in _LETTERS:
            yield word[:i] + c + word[i:]
    for i in range(len(word)):
        for c in _LETTERS:
            yield word[:i] + c + word[i + 1 :]


def _calendar_slip(word: str) -> str | None:
    """The day or month `word` is one slip from (Sunnday, Septeber): capitalised like
    a name, but never one, so short forms are judged too."""
    if len(word) < 5:
        return None
    low = word.lower()
    return next((c.capitalize() for c in _edits(low) if c in _CALENDAR), None)


def _words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of the words to spell: URLs and addresses masked, possessive
    's dropped, the first part of a hyphenated compound only, no inner apostrophes."""
    masked = _MASK.sub(lambda m: " " * len(m.group()), text)
    out: list[tuple[int, int, str]] = []
    for m in _WORD.finditer(masked):
        word, start = m.group().replace("’", "'"), m.start()
        if word.lower().endswith("'s"):
            word = word[:-2]
        if not word or masked[start - 1 : start] == "-" or "'" in word:
            continue  # part of a compound (18-year-olds, Byeong-seug), d'Or, O'Neill
        out.append((start, start + len(word), word))
    return out


def _exempt(word: str) -> bool:
    """Words a dictionary cannot judge: short, digits, abbreviations, foreign letters."""
    return (
        len(word) < MIN_LENGTH
        or any(c.isdigit() for c in word)
        or sum(c.isupper() for c in word) > 1  # USA, McDonald, iPhone-like forms
        or not word.isascii()
    )


def _romanised_source(source: str) -> list[str]:
    """The source's words, lower-cased: Cyrillic ones romanised (KMU 2010)."""
    words = [w.lower() for w in _SOURCE_WORD.findall(source)]
    return [kmu2010(w) if _CYRILLIC.search(w) else w for w in words]


def _in_source(word: str, source_words: list[str]) -> bool:
    low = word.lower()
    return any(
        low == s or (len(s) >= 3 and fuzz.ratio(low, s[: len(low) + 3]) >= _SIMILAR)
        for s in source_words
    )


class SpellingCheck(Check):
    id: ClassVar[str] = "spelling"
    label: ClassVar[str] = "Spelling"
    description: ClassVar[str] = (
        "On request: words of the translation that no English hunspell dictionary knows "
        "(glossary renderings, names from the source, abbreviations and numbers excepted)."
    )
    help = (
        "A misspelt word in a published article is cheap to catch and embarrassing to miss. "
        "The translation is checked against the US and UK English hunspell dictionaries; "
        "glossary renderings, names found in the source or repeated in the article, "
        "abbreviations, numbers and web addresses count as known. Fix: accept the suggestion "
        "or correct the word; ignore the issue for a rare word the dictionary lacks."
    )
    category: ClassVar[CheckCategory] = CheckCategory.LANGUAGE
    default_severity: ClassVar[Severity] = Severity.INFO
    article_scope: ClassVar[bool] = True  # a name that recurs in the article is known

    def prepare(self, ctx: CheckContext) -> None:
        if ctx.target_lang.lower().startswith("en"):
            dictionaries()  # ~1 s a dictionary with spylls: better at start-up

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        if not pairs or not ctx.target_lang.lower().startswith("en"):
            return
        dicts = dictionaries()
        if not dicts:
            yield self.issue(
                pairs[0],
                Side.TARGET,
                0,
                0,
                "Spelling is not checked: no English hunspell dictionary is installed "
                "(install hunspell-en-us or hunspell-en-gb, and spylls)",
                text="",
            )
            return
        speller = _Speller(dicts)
        glossary_words = self._glossary_words(ctx)
        tokens = {p.index: _words(p.target) for p in pairs}
        counts = Counter(w for ws in tokens.values() for _, _, w in ws)
        for pair in pairs:
            source_words: list[str] | None = None
            for start, end, word in tokens[pair.index]:
                if _exempt(word) or word.lower() in glossary_words:
                    continue
                if speller.known(word) or (word[:1].isupper() and speller.known(word.lower())):
                    continue
                capital = word[:1].isupper()
                fix = _calendar_slip(word) if capital else None  # Sudnay, although capitalised
                if fix is None:
                    if counts[word] > 1 or (capital and len(word) < MIN_NAME_LENGTH):
                        continue  # a slip is rarely made twice; short names are too near words
                    near = speller.near(word.lower())
                    if near is None:  # a rare word or a name, not a slip of the keyboard
                        continue
                    if source_words is None:
                        source_words = _romanised_source(pair.source)
                    if word.lower() in source_words or (
                        capital and _in_source(word, source_words)
                    ):
                        continue  # copied from the source (a foreign quote) or a romanised name
                    fix = speller.suggest(word) or (near.capitalize() if capital else near)
                yield self.issue(
                    pair,
                    Side.TARGET,
                    start,
                    end,
                    f'"{word}" is not in the English dictionary',
                    suggestion=fix,
                )

    @staticmethod
    def _glossary_words(ctx: CheckContext) -> frozenset[str]:
        if ctx.glossary is None:
            return frozenset()
        return frozenset(
            w.lower()
            for entry in ctx.glossary.glossary.entries
            for target in entry.targets
            for _, _, w in _words(target)
        )
