"""name-inconsistent: one name spelled two ways in the same article.

It groups the renderings of one source name (by lemma: Зеленський, Зеленського) over
the article and reports the minority spelling; a second pass finds near-identical
target spellings of one name (Zelensky / Zelenskyy) even when the source side did not
link them. Kept apart from name-mismatch (names.py), which judges each rendering
against the romanisation on its own: this check weighs the article's spellings
against each other (union-find over lemmas, majority, slips).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

from app.core.checks.base import Check, CheckCategory, CheckContext
from app.core.checks.names_known import is_known_proper
from app.core.checks.names_linking import find_slips, same_family, spelling_key
from app.core.checks.names_match import KIND_RANK, Rendering, SourceName
from app.core.checks.names_memo import (
    NamesMemo,
    approved_spans,
    memo_for,
    memoised_renderings,
    prepare_names,
    target_spans,
    unlinked_keys,
)
from app.core.checks.names_render import covered, in_case_of, target_words
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side
from app.core.text.name_forms import likeness, one_slip
from app.core.text.translit import levenshtein, similarity, skeleton

TARGET_ONLY_MIN_LETTERS = 5
TARGET_ONLY_MAX_DISTANCE = 2
FOREIGN_VARIANT_LIKENESS = 75.0
UNION_MIN_LETTERS = 7


@lru_cache(maxsize=65_536)
def _skeleton(word: str) -> str:
    return skeleton(word)


@dataclass(frozen=True)
class _Occurrence:
    pair: int
    rendering: Rendering

    @property
    def spelling(self) -> str:
        return self.rendering.text.casefold()


class _Groups:
    """Union-find over lemma forms: occurrences sharing a lemma are one name."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, keys: Iterable[str]) -> str:
        roots = [self.find(k) for k in keys]
        for other in roots[1:]:
            self.parent[self.find(other)] = self.find(roots[0])
        return self.find(roots[0])


def _union_alike(groups: _Groups, occurrences: list[_Occurrence]) -> None:
    """One name spelled two ways in the source too (Депфорді / Дептфорд): lemmas whose
    romanisations are one slip apart are one name, unless they are a family pair
    (Іванов / Іванова, Олександр / Олександра) or short (Бретт / Брент are two people)."""
    romanised: dict[str, str] = {}
    for occ in occurrences:
        r = occ.rendering
        if len(r.expected) >= UNION_MIN_LETTERS:
            romanised.setdefault(r.expected.casefold(), _keys(r.name)[0])
    buckets: dict[tuple[str, int], list[str]] = {}
    for spelling in sorted(romanised):
        buckets.setdefault((spelling[:1], len(spelling)), []).append(spelling)
    for (first, length), bucket in buckets.items():  # a slip keeps the first letter
        for i, a in enumerate(bucket):
            others = bucket[i + 1 :] + buckets.get((first, length + 1), [])
            for b in others:
                if one_slip(a, b) and not same_family(a, b):
                    groups.union((romanised[a], romanised[b]))


def _loosely_linked(r: Rendering, best: Rendering) -> bool:
    """Two spellings linked to the source only by likeness (Франсуа -> Francis?) are
    one name only when they are alike themselves (Angela/Angella, not Neal/Nell)."""
    if "foreign" not in (r.kind, best.kind):
        return False
    return likeness(r.text, best.text) < FOREIGN_VARIANT_LIKENESS


def _unknown_word(r: Rendering) -> bool:
    """False when an English dictionary knows the spelling as a proper noun (Syria,
    Micronesia), for a name not recognised as Ukrainian: KMU binds Ukrainian names only,
    and the dictionary would prefer Kiev to Kyiv."""
    return r.name.ukrainian or not is_known_proper(r.text)


def _order(
    spelling: str, spellings: Counter[str], samples: dict[str, Rendering]
) -> tuple[int, bool, int, float, float]:
    """Sort key of a spelling, best first: the majority; on a tie, for a name not known
    to be Ukrainian, the one an English dictionary knows as a proper noun
    (names_known.py); then the best kind, then the closest to KMU."""
    r = samples[spelling]
    return (
        -spellings[spelling], _unknown_word(r), KIND_RANK[r.kind],
        -similarity(r.text, r.expected),
        -likeness(r.text, r.expected),  # Trump, not Trrump: skeletons drop doubles
    )  # fmt: skip


def _preferred(spellings: Counter[str], samples: dict[str, Rendering]) -> str:
    """The majority spelling; on a tie the first by _order."""
    top = max(spellings.values())
    if sum(1 for n in spellings.values() if n == top) == 1:
        return max(spellings, key=lambda s: spellings[s])  # a majority: no dictionary
    return min(spellings, key=lambda s: _order(s, spellings, samples))


def _slip_of(
    spelling: str, spellings: Counter[str], samples: dict[str, Rendering]
) -> str | None:
    """Another spelling of the group, before this one by _order, that this one is a
    typing slip of (one letter added, dropped, changed or two swapped; not an ending)."""
    own = _order(spelling, spellings, samples)
    near = [
        other for other in spellings
        if other != spelling and spellings[other] >= spellings[spelling]
        and other[:1] == spelling[:1] and one_slip(spelling, other)
        and not same_family(spelling, other, spellings)
        and _order(other, spellings, samples) < own
    ]  # fmt: skip
    return min(near, key=lambda o: _order(o, spellings, samples)) if near else None


def _two_people(a: Rendering, b: Rendering) -> bool:
    """A first name beside two different surnames (Андрій Садовий, Андрій Сибіга): two
    people, each free to spell the first name his own way (Andriy, Andrii)."""
    return bool(a.name.surname and b.name.surname) and not set(a.name.surname) & set(
        b.name.surname
    )


def _keys(name: SourceName) -> tuple[str, ...]:
    """Grouping keys of a source name: its folded forms; the people of
    CONVENTIONAL_PEOPLE apart (Vladimir Putin beside Volodymyr Zelensky); a lemma the
    source spells two ways (Фурик / Фурік) is one name."""
    folded = _folded(name.forms)
    keys = (*folded, *(k for k in map(spelling_key, folded) if k not in folded))
    return tuple("=" + k for k in keys) if name.conventional_person else keys


class NameInconsistentCheck(Check):
    id: ClassVar[str] = "name-inconsistent"
    label: ClassVar[str] = "Name inconsistent"
    description: ClassVar[str] = (
        "One name spelled two ways in the same article (Zelensky / Zelenskyy, Kyiv / Kiev), "
        "with or without a glossary."
    )
    help = (
        "A reader must be able to tell that two mentions are one person or place; two "
        "spellings in one article look like two people. Fix: choose one spelling (the "
        "glossary's when it has one) and apply it everywhere with Apply Suggestion to All."
    )
    category: ClassVar[CheckCategory] = CheckCategory.NAMES
    default_severity: ClassVar[Severity] = Severity.WARNING
    article_scope: ClassVar[bool] = True

    def prepare(self, ctx: CheckContext) -> None:
        prepare_names(ctx)

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        memo = memo_for(ctx)
        renderings = tuple((pair.index, memoised_renderings(memo, pair, ctx)) for pair in pairs)
        key, found = memo.last_source
        if key != renderings:
            occurrences = [_Occurrence(index, r) for index, rs in renderings for r in rs]
            found = tuple(self._by_source(occurrences))
            memo.last_source = (renderings, found)
        issues = list(found)
        reported = frozenset((i.pair, i.start) for i in issues)
        issues.extend(self._slips(pairs, renderings, reported, ctx))
        # A first name with its surname was judged per person above (Andriy Sadovyi,
        # Andrii Sybiha): the target-only pass must not take the two for one name.
        reported = frozenset((i.pair, i.start) for i in issues) | frozenset(
            (index, r.start) for index, rs in renderings for r in rs if r.name.surname
        )
        entries = tuple((pair.index, _name_entries(memo, pair, ctx)) for pair in pairs)
        key, found = memo.last_target
        if key != (entries, reported):
            found = tuple(self._by_target(entries, reported))
            memo.last_target = ((entries, reported), found)
        issues.extend(found)
        return issues

    def _slips(
        self, pairs: Sequence[Pair], renderings: Sequence[tuple[int, Sequence[Rendering]]],
        reported: frozenset[tuple[int, int]], ctx: CheckContext,
    ) -> list[Issue]:
        """Unlinked words one slip from a rendering elsewhere (Kier beside Keir)."""
        memo = memo_for(ctx)
        approved = {p.index: approved_spans(memo, p, ctx) for p in pairs} if ctx.glossary else {}
        texts = [(p.index, p.target, unlinked_keys(memo, p, ctx)) for p in pairs if p.target]
        return [
            self.issue(
                s.pair, Side.TARGET, s.start, s.start + len(s.text),
                f'"{s.text}" looks like a misspelling of "{s.suggestion}", used {s.count} '
                "time(s) elsewhere in the article for the same name; use one spelling",
                text=s.text, suggestion=in_case_of(s.suggestion, s.text),
            )
            for s in find_slips(texts, renderings, approved, reported, memo.slips)
        ]

    def _by_source(self, occurrences: list[_Occurrence]) -> list[Issue]:
        groups = _Groups()
        members: dict[str, list[_Occurrence]] = {}
        for occ in occurrences:
            groups.union(_keys(occ.rendering.name))
        _union_alike(groups, occurrences)
        for occ in occurrences:
            root = groups.find(_keys(occ.rendering.name)[0])
            members.setdefault(root, []).append(occ)
        issues: list[Issue] = []
        for group in members.values():
            spellings = Counter(o.spelling for o in group)
            if len(spellings) < 2:
                continue
            samples = {o.spelling: o.rendering for o in group}
            preferred = _preferred(spellings, samples)
            for occ in group:
                if occ.spelling == preferred:
                    continue
                r = occ.rendering
                best = preferred
                if _two_people(r, samples[best]):
                    continue
                if same_family(occ.spelling, best, spellings) or _loosely_linked(r, samples[best]):
                    # not a spelling of the preferred form; maybe a slip of another one
                    # (Koraen beside Korean, both for Кореї, where Korea is preferred)
                    best = _slip_of(occ.spelling, spellings, samples) or ""
                    if not best:
                        continue
                best_text = samples[best].text
                message = (
                    f'"{r.name.text}" is rendered "{r.text}" here but "{best_text}" '
                    f"{spellings[best]} time(s) elsewhere in the article; use one spelling"
                )
                issues.append(
                    self.issue(
                        occ.pair, Side.TARGET, r.start, r.end, message, text=r.text,
                        suggestion=in_case_of(best_text, r.text),
                        source_span=(r.name.start, r.name.end),
                    )
                )
        return issues

    def _by_target(
        self,
        entries: Sequence[tuple[int, tuple[tuple[int, str, str, str], ...]]],
        reported: frozenset[tuple[int, int]],
    ) -> list[Issue]:
        """Near-identical capitalised spellings in the target (Zelensky / Zelenskyy)."""
        # One pass over the article's name words (each pair's part is memoised by its
        # target text), then issues only for skeletons spelled more than one way.
        by_skeleton: dict[str, dict[str, int]] = {}
        first: dict[str, tuple[int, str]] = {}  # folded spelling -> (first position, as written)
        position = 0
        for _, words in entries:
            for _, word, folded, skel in words:
                spellings = by_skeleton.get(skel)
                if spellings is None:
                    by_skeleton[skel] = {folded: 1}
                else:
                    spellings[folded] = spellings.get(folded, 0) + 1
                if folded not in first:
                    first[folded] = (position, word)
                position += 1
        done = {skel for index, words in entries for start, _, _, skel in words
                if (index, start) in reported}  # fmt: skip
        varied = {
            skel for skel, spellings in by_skeleton.items()
            if len(spellings) >= 2 and skel not in done
        }  # fmt: skip
        if not varied:
            return []
        bests = {skel: _majority(by_skeleton[skel], first) for skel in varied}
        issues: list[Issue] = []
        for pair_index, words in entries:
            for start, word, folded, skel in words:
                if skel not in varied or (pair_index, start) in reported:
                    continue
                spellings = by_skeleton[skel]
                best = bests[skel]
                if folded == best or not 0 < levenshtein(folded, best) <= TARGET_ONLY_MAX_DISTANCE:
                    continue
                if len(best) < TARGET_ONLY_MIN_LETTERS:
                    continue
                shown = first[best][1]
                message = (
                    f'"{word}" is spelled "{shown}" {spellings[best]} time(s) elsewhere '
                    "in the article; use one spelling"
                )
                issues.append(
                    self.issue(
                        pair_index, Side.TARGET, start, start + len(word), message, text=word,
                        suggestion=in_case_of(shown, word),
                    )
                )
        return issues


def _majority(spellings: dict[str, int], first: dict[str, tuple[int, str]]) -> str:
    """The most frequent spelling; on a tie the one the article used first."""
    return min(spellings, key=lambda s: (-spellings[s], first[s][0]))


@lru_cache(maxsize=65_536)
def _folded(forms: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f.casefold() for f in forms)


def _name_entries(
    memo: NamesMemo, pair: Pair, ctx: CheckContext
) -> tuple[tuple[int, str, str, str], ...]:
    """_name_words with each word's casefolded form and skeleton, memoised per target."""
    found = memo.entries.get(pair.target)
    if found is None:
        if len(memo.entries) >= NamesMemo.LIMIT:
            memo.entries.clear()
        found = memo.entries[pair.target] = tuple(
            (start, word, word.casefold(), _skeleton(word))
            for start, word in _name_words(pair, ctx)
        )
    return found


def _name_words(pair: Pair, ctx: CheckContext) -> tuple[tuple[int, str], ...]:
    """(start, word) of the target's capitalised words the glossary does not cover."""
    memo = memo_for(ctx).words
    found = memo.get(pair.target)
    if found is not None:
        return found
    approved = target_spans(ctx, pair)
    words: list[tuple[int, str]] = []
    for token in target_words(pair.target):
        word = token.text
        for suffix in ("'s", "’s"):
            if word.endswith(suffix):
                word = word[: -len(suffix)]
        if len(word) < TARGET_ONLY_MIN_LETTERS or word.isupper():
            continue
        if covered(token.start, token.start + len(word), approved):
            continue
        words.append((token.start, word))
    if len(memo) >= NamesMemo.LIMIT:
        memo.clear()
    memo[pair.target] = found = tuple(words)
    return found
