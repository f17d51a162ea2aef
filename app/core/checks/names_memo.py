"""Per-pair name renderings, memoised per glossary: what the name checks share.

A re-check after an edit recomputes one pair, not the article; name-mismatch,
name-inconsistent, name-missing and name-unknown all read the same renderings (which
target word renders which source name) and the source names no word renders.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence

from app.core.checks.base import CheckContext
from app.core.checks.names_abbr import abbreviation_table, abbreviations
from app.core.checks.names_known import proper_nouns
from app.core.checks.names_linking import SlipCache
from app.core.checks.names_match import Rendering, SourceName, source_names
from app.core.checks.names_person import (
    first_names_of_foreigners,
    first_names_of_ukrainians,
    surnames_of_ukrainians,
)
from app.core.checks.names_render import (
    assign_renderings,
    covered,
    expected_form,
    target_words,
)
from app.core.model.document import Pair
from app.core.model.issues import Issue
from app.core.text import morphology

NAME_LANGS = frozenset({"uk", "ru"})

Spans = list[tuple[int, int]]


def source_spans(ctx: CheckContext, pair: Pair) -> Spans:
    """Source spans of glossary terms."""
    if ctx.glossary is None:
        return []
    return [(m.start, m.end) for m in ctx.glossary.source_matches(pair.source)]


def target_spans(ctx: CheckContext, pair: Pair) -> Spans:
    """Target spans of glossary renderings (the source side not looked at)."""
    if ctx.glossary is None:
        return []
    return [(m.start, m.end) for m in ctx.glossary.target_hits(pair.target)]


class NamesMemo:
    """Per-glossary memo of what depends only on a pair's texts (a re-check after an
    edit recomputes one pair, not the article; both name checks share the work)."""

    LIMIT = 16_384

    def __init__(self) -> None:
        self.renderings: dict[tuple[str, str, str], tuple[Rendering, ...]] = {}
        self.unlinked: dict[tuple[str, str, str], tuple[SourceName, ...]] = {}
        self.words: dict[str, tuple[tuple[int, str], ...]] = {}
        # target text -> (start, word, folded word, skeleton) of its name words
        self.entries: dict[str, tuple[tuple[int, str, str, str], ...]] = {}
        # The last article's name-inconsistent inputs and findings (one tuple, so a
        # reader never sees a key with another run's issues): a re-check whose edit
        # leaves every name as it was reuses them instead of regrouping the article.
        self.last_source: tuple[object, tuple[Issue, ...]] = ((), ())
        self.last_target: tuple[object, tuple[Issue, ...]] = ((), ())
        # name-inconsistent's slip search: the article's renderings and each pair's
        # slips, and per pair what it reads (a keystroke re-reads one pair, issue 12)
        self.slips = SlipCache()
        self.keys: dict[tuple[str, str, str], tuple[tuple[str, str], ...]] = {}
        self.approved: dict[str, Spans] = {}
        self.unknown: object = None  # name-unknown's last run (names_unknown._Run)


_NO_GLOSSARY = NamesMemo()
_MEMOS: weakref.WeakKeyDictionary[object, NamesMemo] = weakref.WeakKeyDictionary()


def prepare_names(ctx: CheckContext) -> None:
    """The name checks' one-time loads (Check.prepare): the source language's
    dictionary, the English dictionaries' proper nouns (a tie's evidence, else read on
    the first tie) and the abbreviation table."""
    if ctx.source_lang not in NAME_LANGS:
        return
    if ctx.source_lang in morphology.MORPH_LANGS:
        morphology.analyzer(ctx.source_lang).parse("київ")  # and its lazy parts
    proper_nouns()
    abbreviations()
    abbreviation_table()


def memo_for(ctx: CheckContext) -> NamesMemo:
    if ctx.glossary is None:
        return _NO_GLOSSARY
    memo = _MEMOS.get(ctx.glossary)
    if memo is None:
        memo = _MEMOS.setdefault(ctx.glossary, NamesMemo())
    return memo


def pair_renderings(pair: Pair, ctx: CheckContext) -> list[Rendering]:
    """Renderings of the pair's source names the glossary does not decide."""
    return list(memoised_renderings(memo_for(ctx), pair, ctx))


def memoised_renderings(memo: NamesMemo, pair: Pair, ctx: CheckContext) -> tuple[Rendering, ...]:
    if ctx.source_lang not in NAME_LANGS or not pair.source or not pair.target:
        return ()
    key = (pair.source, pair.target, ctx.source_lang)
    found = memo.renderings.get(key)
    if found is None:
        if len(memo.renderings) >= NamesMemo.LIMIT:
            memo.renderings.clear()
            memo.unlinked.clear()
            memo.keys.clear()
        rendered, memo.unlinked[key] = _pair_renderings(pair, ctx)
        found = memo.renderings[key] = tuple(rendered)
    return found


# What a pair's renderings are, as data another process can compute and send back
# (split.py): the pair's place in the pairs both processes hold (its texts, the memo
# key, need not travel), the renderings and the source names left unlinked.
Rendered = tuple[int, tuple[Rendering, ...], tuple[SourceName, ...]]


def rendered_pairs(pairs: Sequence[Pair], ctx: CheckContext) -> list[Rendered]:
    """The renderings of `pairs` (memoised here too), to be pickled for another process
    that checks names: the most expensive part of every name check, and one pair's
    renderings depend on that pair's texts, the language and the glossary only."""
    memo = memo_for(ctx)
    found: list[Rendered] = []
    for at, pair in enumerate(pairs):
        rendered = memoised_renderings(memo, pair, ctx)
        unlinked = memo.unlinked.get((pair.source, pair.target, ctx.source_lang))
        if unlinked is not None:  # None: not a name language, an empty side
            found.append((at, rendered, unlinked))
    return found


def take_rendered(ctx: CheckContext, pairs: Sequence[Pair], found: Sequence[Rendered]) -> None:
    """Put renderings another process computed (`rendered_pairs` of the same `pairs`)
    into this process's memo, as if computed here; none once they would overflow it
    (then the name checks compute what they need, as without them)."""
    memo = memo_for(ctx)
    if len(memo.renderings) + len(found) >= NamesMemo.LIMIT:
        return
    for at, rendered, unlinked in found:
        pair = pairs[at]
        key = (pair.source, pair.target, ctx.source_lang)
        if key not in memo.renderings:
            memo.renderings[key] = rendered
            memo.unlinked[key] = unlinked


def pair_unlinked(
    pair: Pair, ctx: CheckContext, memo: NamesMemo | None = None
) -> tuple[SourceName, ...]:
    """The pair's source names (outside the glossary) that no target word renders
    (`memo`: the context's, when the caller holds it already)."""
    if memo is None:
        memo = memo_for(ctx)
    memoised_renderings(memo, pair, ctx)
    return memo.unlinked.get((pair.source, pair.target, ctx.source_lang), ())


def unlinked_keys(memo: NamesMemo, pair: Pair, ctx: CheckContext) -> tuple[tuple[str, str], ...]:
    """(romanised lemma, folded lemma) of the pair's source names no target word renders
    (memoised with the renderings)."""
    key = (pair.source, pair.target, ctx.source_lang)
    found = memo.keys.get(key)
    if found is None:
        found = tuple(
            (expected_form(n.forms[0], ctx.source_lang), n.forms[0].casefold())
            for n in pair_unlinked(pair, ctx, memo)
        )
        memo.keys[key] = found
    return found


def approved_spans(memo: NamesMemo, pair: Pair, ctx: CheckContext) -> Spans:
    """Target spans of the glossary's renderings in the pair (memoised per target)."""
    if ctx.glossary is None:
        return []
    found = memo.approved.get(pair.target)
    if found is None:
        if len(memo.approved) >= NamesMemo.LIMIT:
            memo.approved.clear()
        found = memo.approved[pair.target] = target_spans(ctx, pair)
    return found


def _pair_renderings(
    pair: Pair, ctx: CheckContext
) -> tuple[list[Rendering], tuple[SourceName, ...]]:
    in_source = source_spans(ctx, pair)
    names = [
        n
        for n in source_names(pair.source, ctx.source_lang)
        if not in_source or not covered(n.start, n.end, in_source)
    ]
    if not names:
        return [], ()  # what the passes below give for no names
    in_target = target_spans(ctx, pair)
    words = [
        w
        for w in target_words(pair.target)
        if not in_target or not covered(w.start, w.end, in_target)
    ]
    rendered = assign_renderings(names, words, ctx.source_lang)
    rendered = surnames_of_ukrainians(rendered, ctx.source_lang)  # Vladyslav Kabaev
    rendered = first_names_of_ukrainians(rendered, names, pair.source, ctx.source_lang)
    rendered = first_names_of_foreigners(rendered, names, pair.source, ctx.source_lang)
    linked = {(r.name.start, r.name.end) for r in rendered}
    return rendered, tuple(n for n in names if (n.start, n.end) not in linked)


