"""Paragraph then sentence alignment (Gale–Church on character lengths, plus anchors).

Paragraphs of a news article and its translation usually correspond 1:1, so
equal paragraph counts are paired in order; when the counts differ the
paragraphs themselves are aligned by length (with merges). Inside each group of
paragraphs the sentences are aligned with Gale–Church beads 1:1, 1:0, 0:1, 2:1,
1:2 and 2:2; a bead never merges sentences of two different paragraphs, so
every Pair's source/target is an exact substring of one paragraph. Numbers
and Latin words inside Cyrillic text (Bloomberg, X, 2025) act as anchors: a
bead that leaves them unmatched costs more.

The dynamic programme is banded around the diagonal and bounded in cells; a
pathological group (thousands of sentences) falls back to a linear
proportional alignment, so a 10 MB paragraph cannot hang the checker.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from app.core.model.document import Pair
from app.core.text.align_dp import (
    ANCHOR_COST,
    MAX_CELLS,
    MIN_BAND,
    PARAGRAPH_ANCHOR_COST,
    Bead,
    _dp_align,
)
from app.core.text.align_units import (
    _length_cost,
    _may_hold_words,
    _pair_missing,
    _Unit,
    _unit,
)
from app.core.text.segment import sentence_spans

# Length model: target chars ≈ C * source chars, variance S2 per source char.
# Measured on /work/shared/data/ntrex-uk-en (1,997 professionally translated
# news sentences, line-aligned): sum(len(en)) / sum(len(uk)) = 0.943 and
# sum((len(en) - c*len(uk))**2) / sum(len(uk)) = 2.92; for ru -> en 0.901 / 3.06.
# (bench/calibrate_align.py recomputes them.) Gale & Church's own default for
# European languages is c = 1, s2 = 6.8; we use it for pairs we did not measure.
LENGTH_MODEL: dict[tuple[str, str], tuple[float, float]] = {
    ("uk", "en"): (0.943, 2.92),
    ("ru", "en"): (0.901, 3.06),
    ("en", "uk"): (1 / 0.943, 2.92 / 0.943),
    ("en", "ru"): (1 / 0.901, 3.06 / 0.901),
}
DEFAULT_MODEL = (1.0, 6.8)

# Bead priors from Gale & Church (1993), table 5, as -log probabilities.
BEAD_COSTS: dict[tuple[int, int], float] = {
    (1, 1): -math.log(0.89),
    (1, 0): -math.log(0.0099 / 2),
    (0, 1): -math.log(0.0099 / 2),
    (2, 1): -math.log(0.089 / 2),
    (1, 2): -math.log(0.089 / 2),
    (2, 2): -math.log(0.011),
}
# Extra beads for paragraphs, whose merges can be wider (a split lead paragraph).
PARAGRAPH_BEADS: dict[tuple[int, int], float] = {
    **BEAD_COSTS,
    (3, 1): -math.log(0.005),
    (1, 3): -math.log(0.005),
}


def _same_paragraph(units: Sequence[_Unit]) -> bool:
    return all(u.para == units[0].para for u in units)


def _sentences(paragraphs: Sequence[str], indices: range, lang: str) -> list[_Unit]:
    units: list[_Unit] = []
    for p in indices:
        text = paragraphs[p]
        units.extend(_unit(text, p, s, e) for s, e in sentence_spans(text, lang))
    return units


def _paragraph_beads(
    source_paragraphs: Sequence[str],
    target_paragraphs: Sequence[str],
    model: tuple[float, float],
) -> list[Bead]:
    n, m = len(source_paragraphs), len(target_paragraphs)
    if n == m:
        return [(i, i + 1, i, i + 1) for i in range(n)]
    src = [_unit(t, i, 0, len(t)) for i, t in enumerate(source_paragraphs)]
    tgt = [_unit(t, i, 0, len(t)) for i, t in enumerate(target_paragraphs)]
    return _dp_align(
        src, tgt, model, PARAGRAPH_BEADS, None, PARAGRAPH_ANCHOR_COST
    )


def _excursion_bounds(beads: dict[tuple[int, int], float]) -> tuple[float, float]:
    """Least extra priors a path pays for leaving the all-1:1 diagonal: (over any
    stretch of units, over a stretch of two units a side).

    Over units k..l a side, a bead (a, b) "uses" (a + b) / 2 diagonal steps, so a bead
    path's priors there are (l - k) * prior(1:1) plus each bead's excess, prior(a, b) -
    prior(1:1) * (a + b) / 2. A path other than the diagonal leaves it in excursions:
    one balanced bead (2:2 over two units; a:a over a) or a stretch off the diagonal,
    which needs a bead with more source units and one with more target units (it starts
    and ends on the diagonal). With every excess >= 0 (true of Gale and Church's
    priors) an excursion pays at least its bound; otherwise none is claimed (0, 0)."""
    diagonal = beads[(1, 1)]
    excess = {(a, b): p - diagonal * (a + b) / 2 for (a, b), p in beads.items()}
    if min(excess.values()) < 0:
        return 0.0, 0.0
    inf = float("inf")
    more_source = min((e for (a, b), e in excess.items() if a > b), default=inf)
    more_target = min((e for (a, b), e in excess.items() if a < b), default=inf)
    whole = min([more_source + more_target]
                + [e for (a, b), e in excess.items() if a == b > 2])  # fmt: skip
    return whole, min(whole, excess.get((2, 2), inf))


# Length and anchor costs are >= 0, so when the 1:1 beads' length and anchor costs sum
# under the first bound over the paragraph, and under the second over every two
# neighbours, every excursion costs more than the stretch of diagonal it replaces: the
# all-1:1 path is cheaper than every other, and the DP would return it. The margin
# keeps a near tie (rounding in the DP's own sums) for the DP.
_DIAGONAL_BOUNDS = tuple(b - 1e-6 for b in _excursion_bounds(BEAD_COSTS))
# The most units a side for which the DP runs rather than the linear fallback: the
# largest n with (n + 1) * min(n + 1, 2 * MIN_BAND + 1) <= MAX_CELLS (n + 1 > 2 * band).
_DIAGONAL_MAX = MAX_CELLS // (2 * MIN_BAND + 1) - 1


def _diagonal(
    src: str, src_spans: Sequence[tuple[int, int]],
    tgt: str, tgt_spans: Sequence[tuple[int, int]],
    model: tuple[float, float], s0: int, t0: int,
) -> tuple[list[_Unit], list[_Unit]] | None:
    """None when the sentence DP of one paragraph a side would pair the sentences in
    order, 1:1 (proved from the costs without the grid; see _DIAGONAL_BOUNDS); else the
    units (paragraphs s0 and t0) for the DP.

    Most paragraphs of a long article hold as many sentences on each side, and their
    1:1 costs sum far under the bounds: a 45 MB text is then aligned in one pass with
    no grid and no unit objects (the anchors of a pair of sentences are compared as
    their numbers when neither can hold a Latin word)."""
    n = len(src_spans)
    if n == 0 or n != len(tgt_spans) or n > _DIAGONAL_MAX:
        return _units(src, src_spans, s0), _units(tgt, tgt_spans, t0)
    c, s2 = model
    whole, two = _DIAGONAL_BOUNDS
    if n == 1:  # most paragraphs: the loops below, unrolled (no neighbours to add)
        (a, b), (x, y) = src_spans[0], tgt_spans[0]
        total = _length_cost(b - a, y - x, c, s2)
        if total <= whole and b - a == y - x and src[a:b] == tgt[x:y]:
            return None  # the same text: every anchor is in the other side's vocabulary
        if total <= whole:
            holds = _may_hold_words(src), _may_hold_words(tgt)
            total += ANCHOR_COST * _pair_missing(src, a, b, holds[0], tgt, x, y, holds[1])
            if total <= whole:
                return None
        return _units(src, src_spans, s0), _units(tgt, tgt_spans, t0)
    total, costs = 0.0, []
    for (a, b), (x, y) in zip(src_spans, tgt_spans, strict=True):
        cost = _length_cost(b - a, y - x, c, s2)
        total += cost
        costs.append(cost)
        if total > whole or (len(costs) > 1 and costs[-2] + cost > two):
            return _units(src, src_spans, s0), _units(tgt, tgt_spans, t0)
    words: tuple[bool, bool] | None = None  # _may_hold_words of each side, when needed
    for k, ((a, b), (x, y)) in enumerate(zip(src_spans, tgt_spans, strict=True)):
        # the same text: every anchor is in the other side's vocabulary
        if b - a != y - x or src[a:b] != tgt[x:y]:
            if words is None:
                words = _may_hold_words(src), _may_hold_words(tgt)
            cost = ANCHOR_COST * _pair_missing(src, a, b, words[0], tgt, x, y, words[1])
            costs[k] += cost
            total += cost
            if total > whole:
                return _units(src, src_spans, s0), _units(tgt, tgt_spans, t0)
    if any(costs[q] + costs[q + 1] > two for q in range(n - 1)):
        return _units(src, src_spans, s0), _units(tgt, tgt_spans, t0)
    return None


def _units(text: str, spans: Sequence[tuple[int, int]], para: int) -> list[_Unit]:
    ascii_text = text.isascii()
    return [_unit(text, para, a, b, ascii_text) for a, b in spans]


def align_article(
    source_paragraphs: Sequence[str],
    target_paragraphs: Sequence[str],
    source_lang: str,
    target_lang: str,
) -> list[Pair]:
    """Aligned pairs covering every sentence of both sides exactly once, in order."""
    model = LENGTH_MODEL.get((source_lang, target_lang), DEFAULT_MODEL)
    pairs: list[Pair] = []
    last_para = 0
    for s0, s1, t0, t1 in _paragraph_beads(source_paragraphs, target_paragraphs, model):
        if s1 - s0 == 1 and t1 - t0 == 1:
            sp, tp = source_paragraphs[s0], target_paragraphs[t0]
            s_spans = sentence_spans(sp, source_lang)
            # the rules are the same for every language: an untranslated paragraph
            # (a number, a name, a URL; or a text checked against itself) splits alike
            t_spans = s_spans if tp == sp else sentence_spans(tp, target_lang)
            units = _diagonal(sp, s_spans, tp, t_spans, model, s0, t0)
            if units is None:
                last_para = s0
                for (a, b), (x, y) in zip(s_spans, t_spans, strict=True):
                    pairs.append(Pair(len(pairs), sp[a:b], tp[x:y], s0))
                continue
            src, tgt = units
            mergeable = None  # one paragraph a side: every merge stays inside it
        else:
            src = _sentences(source_paragraphs, range(s0, s1), source_lang)
            tgt = _sentences(target_paragraphs, range(t0, t1), target_lang)
            mergeable = _same_paragraph if s1 - s0 > 1 or t1 - t0 > 1 else None
        if s1 > s0:
            last_para = s0
        for a0, a1, b0, b1 in _dp_align(src, tgt, model, BEAD_COSTS, mergeable):
            source = _text(source_paragraphs, src[a0:a1])
            target = _text(target_paragraphs, tgt[b0:b1])
            if a1 > a0:
                last_para = src[a0].para
            pairs.append(Pair(len(pairs), source, target, last_para))
    return pairs


def _text(paragraphs: Sequence[str], units: Sequence[_Unit]) -> str:
    if not units:
        return ""
    return paragraphs[units[0].para][units[0].start : units[-1].end]
