"""Target spellings that are one slip away from a name the article renders elsewhere.

name-inconsistent groups the renderings of each source name; a word that renders no
source name in its pair escapes that grouping ("Kier Starmer" where the source says
only Стармер). Such a word, capitalised, one typing slip (a letter added, dropped,
changed, or two swapped) from a spelling that does render a source name elsewhere in
the article, is evidently that name misspelt: the linked spelling is the suggestion.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from app.core.checks.names_match import Rendering
from app.core.checks.names_render import covered, target_words
from app.core.text.name_forms import likeness, one_slip

MIN_LETTERS = 4
LONG_LETTERS = 7  # Brett/Brent, Kieran/Kiernan: shorter names one slip apart are people


@dataclass(frozen=True)
class Slip:
    pair: int
    start: int
    text: str
    suggestion: str
    count: int  # how often the article renders the name as `suggestion`


def _strip(word: str) -> str:
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


_FAMILY_ENDINGS = ("ians", "ian", "ans", "an", "ese", "ish", "ns", "n", "s", "e", "a", "y")


@lru_cache(maxsize=65_536)
def _stems(word: str) -> frozenset[str]:
    """The word and what is left of it without one name-family ending (memoised)."""
    found = {word}
    for ending in _FAMILY_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            found.add(word[: -len(ending)])
    return frozenset(found)


def same_family(a: str, b: str, known: Collection[str] | None = None) -> bool:
    """True for a name and its adjective or plural (Korea/Korean, Ukraine/Ukrainian,
    Koreas/Koreans, Rosenberg/Rosenbergs): other words, not two spellings of one.
    Kora/Korea are not: one ending each way is all that may differ.

    Two words one slip apart that share a stem only through their endings (Koreas /
    Koreans, but also Sessios / Sessions, Koren / Korean) are a family only when each
    is an ending added to a spelling the article has (`known`, case-folded: Korea,
    Korean); without `known` they are taken for one."""
    a, b = a.casefold(), b.casefold()
    if a.startswith(b) or b.startswith(a):
        return True
    if not _stems(a) & _stems(b):
        return False
    if known is None or not one_slip(a, b):
        return True
    return _derived(a, known) and _derived(b, known)


def _derived(word: str, known: Collection[str]) -> bool:
    """The word is a known spelling with a name-family ending added (Koreas: Korea)."""
    return any(stem in known for stem in _stems(word) if stem != word)


def _slip(word: str, other: str, known: Collection[str] | None = None) -> bool:
    """One slip inside the word: not at the start (Justin/Dustin are two people) and
    not an ending added (Korea/Korean, State/States are other words)."""
    # The cheap rapidfuzz distance first: most pairs of words are far apart.
    return (
        word[0] == other[0] and one_slip(word, other) and not same_family(word, other, known)
    )


def same_name(lemma: str, lemmas: Collection[str]) -> bool:
    """True when a source name (folded lemma) is one of `lemmas` spelled otherwise in
    the source: letters Ukrainian spells foreign names with either way (Фурик / Фурік,
    Донггала / Донгґала), or the same word with another ending (Сирія / Сирійський).
    Дедді and Дідді, Ніл and Нелл are other names."""
    if lemma in lemmas:
        return True
    key = spelling_key(lemma)
    return any(_shared_stem(key, spelling_key(other)) for other in lemmas)


_EITHER_WAY = str.maketrans({"и": "і", "ґ": "г", "ї": "і", "ь": None, "'": None, "’": None})


@lru_cache(maxsize=65_536)
def spelling_key(lemma: str) -> str:
    """A folded Cyrillic lemma with и/і, ґ/г, ї/і, the soft sign and apostrophes folded."""
    return lemma.translate(_EITHER_WAY)


def _shared_stem(a: str, b: str) -> bool:
    """Two Cyrillic lemmas alike but for the last letter of the shorter (Сирі-я / Сирі-йський)."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    return shorter >= 5 and a[: shorter - 1] == b[: shorter - 1]


def _may_render(romanised: str, word: str) -> bool:
    """True when `word` may be the rendering of a source name of its own pair that no
    word renders (Neal for Ніл, beside Nell for Нелл elsewhere)."""
    return romanised[:1].casefold() == word[:1].casefold() and likeness(romanised, word) >= 50


def _loose_slip(
    r: Rendering, index: int, buckets: dict[tuple[str, int], list[str]],
    linked: Counter[str], proper: set[str], sources: dict[str, set[str]],
    shown: dict[str, str],
) -> Slip | None:
    """A long word linked to its source name only by likeness, one slip from a spelling
    of that name (spelled otherwise in the source) that is a proper rendering or renders
    this word's own source name better (Kardahsian for Кардаш'ян, beside Kardashian
    for Кардаш"ян)."""
    folded = r.text.casefold()
    lemma = r.name.forms[0].casefold()
    own = likeness(r.text, r.expected)
    near = [
        s for n in (len(folded) - 1, len(folded), len(folded) + 1)
        for s in buckets.get((folded[:1], n), ())
        if s != folded and lemma not in sources[s]
        and linked[s] >= linked[folded] and _slip(folded, s, linked)
        and (s in proper or likeness(s, r.expected) > own)
    ]  # fmt: skip
    if not near:
        return None
    best = max(near, key=lambda s: (linked[s], s))
    return Slip(index, r.start, r.text, shown[best], linked[best])


@dataclass
class _Article:
    """What the article's linked renderings say, shared by every pair's slip search."""

    linked: Counter[str]
    shown: dict[str, str]
    sources: dict[str, set[str]]
    starts: set[tuple[int, int]]
    proper: set[str]  # spellings that romanise their source name properly
    loose: dict[tuple[int, int], Rendering]  # long words linked only by likeness
    by_length: dict[tuple[str, int], list[str]]
    near_of: dict[str, list[str]]  # the same word recurs across the article


class SlipCache:
    """The last article's renderings and each pair's slips under them: a re-check whose
    edit leaves every rendering as it was searches the edited pair only (issue 12: a
    keystroke in a 10,000-word article must not re-read every target)."""

    LIMIT = 16_384

    def __init__(self) -> None:
        self.key: object = None
        self.article: _Article | None = None
        self.pairs: dict[object, list[Slip]] = {}


def _article(renderings: Sequence[tuple[int, Sequence[Rendering]]]) -> _Article:
    linked: Counter[str] = Counter()
    shown: dict[str, str] = {}
    sources: dict[str, set[str]] = defaultdict(set)
    starts: set[tuple[int, int]] = set()
    proper: set[str] = set()
    loose: dict[tuple[int, int], Rendering] = {}
    for index, rs in renderings:
        for r in rs:
            starts.add((index, r.start))
            if len(r.text) >= MIN_LETTERS and not r.text.isupper():
                folded = r.text.casefold()
                linked[folded] += 1
                shown.setdefault(folded, r.text)
                sources[folded].add(r.name.forms[0].casefold())
                if r.kind in ("kmu", "conventional"):
                    proper.add(folded)
                elif len(r.text) >= LONG_LETTERS:
                    loose[(index, r.start)] = r
    # Buckets by first letter and length: a slip keeps the first letter and changes the
    # length by one at most, so an article with thousands of names stays linear-ish.
    by_length: dict[tuple[str, int], list[str]] = {}
    for spelling in linked:
        by_length.setdefault((spelling[:1], len(spelling)), []).append(spelling)
    return _Article(linked, shown, sources, starts, proper, loose, by_length, {})


def find_slips(
    texts: Sequence[tuple[int, str, tuple[tuple[str, str], ...]]],
    renderings: Sequence[tuple[int, Sequence[Rendering]]],
    approved: dict[int, list[tuple[int, int]]],
    reported: frozenset[tuple[int, int]],
    cache: SlipCache | None = None,
) -> list[Slip]:
    """Unlinked capitalised words one slip from a linked rendering (see module doc).

    `texts` are (pair index, target, (romanised, lemma) of the source names no word
    renders there): a word that may render one of those is taken for a slip only when
    that name is the one the linked spelling renders (Kaavnaugh for Кавано beside
    Kavanaugh), not another (Neal for Ніл beside Nell for Нелл).
    `approved` holds the glossary's target spans per pair. With a `cache`, a pair
    whose inputs and the article's renderings are unchanged reuses its slips.
    """
    key = tuple(renderings)
    if cache is not None and cache.article is not None and cache.key == key:
        article = cache.article
    else:
        article = _article(renderings)
        if cache is not None:
            cache.key, cache.article = key, article
            cache.pairs.clear()
    if not article.linked:
        return []
    here: dict[int, set[int]] = {}
    for index, start in reported:
        here.setdefault(index, set()).add(start)
    slips: list[Slip] = []
    for index, text, unlinked in texts:
        spans = approved.get(index, [])
        mine = frozenset(here.get(index, ()))
        if cache is None:
            slips.extend(_pair_slips(article, index, text, unlinked, spans, mine))
            continue
        pair_key = (index, text, unlinked, tuple(spans), mine)
        found = cache.pairs.get(pair_key)
        if found is None:
            if len(cache.pairs) >= SlipCache.LIMIT:
                cache.pairs.clear()
            found = cache.pairs[pair_key] = _pair_slips(
                article, index, text, unlinked, spans, mine
            )
        slips.extend(found)
    return slips


def _pair_slips(
    article: _Article, index: int, text: str, unlinked: tuple[tuple[str, str], ...],
    spans: Sequence[tuple[int, int]], reported: frozenset[int],
) -> list[Slip]:
    """The slips of one pair's target (`reported`: starts already flagged there)."""
    linked, by_length, sources = article.linked, article.by_length, article.sources
    slips: list[Slip] = []
    for token in target_words(text):
        word = _strip(token.text)
        key = (index, token.start)
        if key in article.loose and token.start not in reported:
            slip = _loose_slip(article.loose[key], index, by_length, linked, article.proper,
                               sources, article.shown)  # fmt: skip
            if slip is not None:
                slips.append(slip)
            continue
        if (len(word) < MIN_LETTERS or word.isupper() or key in article.starts
                or token.start in reported):  # fmt: skip
            continue
        folded = word.casefold()
        if folded in linked or covered(token.start, token.start + len(word), spans):
            continue
        near = article.near_of.get(folded)
        if near is None:
            near = article.near_of[folded] = [
                s for n in (len(folded) - 1, len(folded), len(folded) + 1)
                for s in by_length.get((folded[:1], n), ()) if _slip(folded, s, linked)
            ]  # fmt: skip
        if not near:
            continue
        best = max(near, key=lambda s: (linked[s], s))
        if any(
            _may_render(romanised, word) and not same_name(lemma, sources[best])
            for romanised, lemma in unlinked
        ):
            continue
        slips.append(Slip(index, token.start, word, article.shown[best], linked[best]))
    return slips
