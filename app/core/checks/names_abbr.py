"""Abbreviations of organisations rendered as another organisation (issue 11, item 5).

ЗСУ expanded into "Russian Armed Forces", СБУ into "FSB": the reader is told the
opposite army or service. resources/data/names/abbreviations.tsv lists, for each
Ukrainian abbreviation, its accepted English renderings and the other organisations
it is confused with. A pair whose source has the abbreviation and whose target holds
one of those others but none of the accepted renderings is flagged (name-missing, an
error), with the first accepted rendering as the suggestion. An abbreviation simply
left out is not flagged here: translators fold them into pronouns and "the army".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from app.assets import data_lines


@dataclass(frozen=True)
class Abbreviation:
    abbr: str
    accepted: tuple[str, ...]
    others: tuple[str, ...]


@dataclass(frozen=True)
class Swap:
    abbr: Abbreviation
    source_span: tuple[int, int]
    target_span: tuple[int, int]


@lru_cache(maxsize=1)
def abbreviations() -> tuple[Abbreviation, ...]:
    out: list[Abbreviation] = []
    for line in data_lines("names", "abbreviations.tsv"):
        abbr, accepted, others = [*line.split("\t"), "", ""][:3]
        out.append(
            Abbreviation(abbr.strip(), tuple(accepted.split("|")), tuple(others.split("|")))
        )
    return tuple(out)


@lru_cache(maxsize=512)
def _pattern(phrase: str) -> re.Pattern[str]:
    """A rendering as a whole word or phrase; in any case, except an acronym (US, EU,
    U.N.), which must be in capitals: "us" is a pronoun."""
    acronym = phrase.isupper()
    return re.compile(
        rf"(?<![\w.]){re.escape(phrase)}(?![\w])", 0 if acronym else re.IGNORECASE
    )


# The only characters outside ASCII that an ASCII letter matches in re.IGNORECASE
# (İ ı ſ K, found by trying every code point).
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def _lowered(target: str) -> str | None:
    """The target lower-cased for `_hits`' test (None: a character that folds onto an
    ASCII letter is there, so the test cannot be made)."""
    return None if _FOLDS_TO_ASCII.search(target) else target.lower()


def _hits(phrase: str, target: str, lowered: str | None) -> Iterator[re.Match[str]]:
    """`_pattern(phrase).finditer(target)`; when the phrase (ASCII) is nowhere in the
    target, not even in another case, nothing, and no regex is compiled for it."""
    if lowered is None or not phrase.isascii():
        return _pattern(phrase).finditer(target)
    if phrase not in target if phrase.isupper() else phrase.lower() not in lowered:
        return iter(())
    return _pattern(phrase).finditer(target)


_SOURCE_ABBR = re.compile(r"(?<![\w])[А-ЯІЇЄҐ]{2,5}(?![\w])")


@lru_cache(maxsize=1)
def abbreviation_table() -> dict[str, Abbreviation]:
    """The abbreviations by their letters (made once, not per pair)."""
    return {a.abbr: a for a in abbreviations()}


def swaps(source: str, target: str) -> list[Swap]:
    """Abbreviations of `source` rendered in `target` as another organisation."""
    table = abbreviation_table()
    listed = [m for m in _SOURCE_ABBR.finditer(source) if m.group() in table]
    if not listed:
        return []
    in_source = Counter(m.group() for m in listed)
    lowered = _lowered(target)
    out: list[Swap] = []
    seen: set[str] = set()
    for m in listed:
        abbr = table[m.group()]
        if abbr.abbr in seen:
            continue
        seen.add(abbr.abbr)
        # the longest other organisation first: "Russian Armed Forces" before "Russian"
        wrong = [
            (hit.span(), other)
            for other in sorted((o for o in abbr.others if o), key=len, reverse=True)
            for hit in _hits(other, target, lowered)
            if not _named_in_source(other, abbr, table, in_source, target, lowered)
        ]
        if not wrong:
            continue
        # an accepted rendering counts only outside the other names ("central bank" is in
        # "Central Bank of Russia")
        if any(
            not any(s <= h.start() and h.end() <= e for (s, e), _ in wrong)
            for a in abbr.accepted if a for h in _hits(a, target, lowered)
        ):  # fmt: skip
            continue
        out.append(Swap(abbr, m.span(), wrong[0][0]))
    return out


def _named_in_source(
    other: str, abbr: Abbreviation, table: dict[str, Abbreviation], in_source: Counter[str],
    target: str, lowered: str | None,
) -> bool:
    """The other organisation is in the source too (ЄС і США -> EU and US): not a swap,
    unless the target names it more often than the source does (США і РФ -> "Russia
    and the Russian Federation": one of them renders США)."""
    folded = other.casefold()
    for name, count in in_source.items():
        b = table[name]
        if b is abbr or folded not in (x.casefold() for x in b.accepted):
            continue
        if _mentions(b, target, lowered) <= count:
            return True
    return False


def _mentions(abbr: Abbreviation, target: str, lowered: str | None) -> int:
    """How many times the target names the organisation (its renderings, longest first,
    not counted twice inside one another: "Russian Federation" is not also "Russian")."""
    taken: list[tuple[int, int]] = []
    for phrase in sorted((a for a in abbr.accepted if a), key=len, reverse=True):
        for hit in _hits(phrase, target, lowered):
            if not any(s < hit.end() and hit.start() < e for s, e in taken):
                taken.append(hit.span())
    return len(taken)
