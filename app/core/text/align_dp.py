"""The sentence-alignment dynamic programme: the banded grid with exact pruning, and the
linear fallback (the units and their costs: align_units.py).

Split from align.py so the article-level logic (paragraph groups, the diagonal
shortcut) reads apart from the search it calls; every function here returns the
same beads as the plain Gale–Church DP kept as the oracle in
tests/core/text/test_align_oracle.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import lru_cache

from app.core.text.align_merge import one_merge
from app.core.text.align_units import (
    _length_cost,
    _missing_one,
    _prefixes,
    _Unit,
    _unmatched,
)

# Cost of each anchor (number, Latin word in Cyrillic text) a bead leaves unmatched.
# 5.0 lets two shared numbers place a dropped paragraph or sentence (tests); on
# NTREX documents re-aligned from scratch (bench/calibrate_align.py) it recovers
# 78.1 % of uk lines exactly against 78.9 % without anchors (the rest differ in
# sentence splitting between the languages, not in alignment errors only).
ANCHOR_COST = 5.0
PARAGRAPH_ANCHOR_COST = 5.0
# Bounds on the banded DP; beyond MAX_CELLS the linear fallback is used.
MIN_BAND = 12
MAX_CELLS = 300_000


Bead = tuple[int, int, int, int]  # src_from, src_to, tgt_from, tgt_to (exclusive ends)


def _dp_align(
    src: Sequence[_Unit],
    tgt: Sequence[_Unit],
    model: tuple[float, float],
    beads: dict[tuple[int, int], float],
    mergeable: Callable[[Sequence[_Unit]], bool] | None,
    anchor_weight: float = ANCHOR_COST,
) -> list[Bead]:
    """Minimum-cost bead sequence (banded DP), or the linear fallback when too big.

    Bead lengths come from prefix sums and a bead between units without anchors skips
    the anchor lookup (it costs 0): the same costs, added in the same order, so the
    same beads, at a fraction of the time (a 45 MB text has 400k paragraphs). Units
    whose counts differ by one get align_merge.one_merge's path when it is proved the
    optimum, without the grid, and its cost as the grid's pruning bound otherwise."""
    n, m = len(src), len(tgt)
    band = max(MIN_BAND, abs(n - m) + MIN_BAND)
    if n == 0 or m == 0 or (n + 1) * min(m + 1, 2 * band + 1) > MAX_CELLS:
        return _proportional(src, tgt)
    if n == 1 and m == 1 and {(1, 1), (1, 0), (0, 1)} <= beads.keys():
        return _one_to_one(src[0], tgt[0], model, beads, anchor_weight)
    limit = None
    if abs(n - m) == 1 and mergeable is None and beads.keys() >= _ONE_MERGE:
        proved, limit = one_merge(src, tgt, model, beads, anchor_weight)
        if proved is not None:
            return proved
    return _grid(src, tgt, model, beads, mergeable, anchor_weight, band, limit)


_ONE_MERGE = frozenset({(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)})


def _grid(
    src: Sequence[_Unit],
    tgt: Sequence[_Unit],
    model: tuple[float, float],
    beads: dict[tuple[int, int], float],
    mergeable: Callable[[Sequence[_Unit]], bool] | None,
    anchor_weight: float,
    band: int,
    known: float | None = None,
) -> list[Bead]:
    """The banded DP itself: the cheapest bead path through the grid (`known`: the cost
    of a path it holds, for the pruning; else _known_path's).

    `mergeable` None: every merge is allowed (one paragraph a side). A step whose
    `prev + prior` already reaches the cell's best so far is skipped before its
    length and anchor costs (both >= 0, so its total could not be strictly less);
    a cell outside the band is never stored as a predecessor. The same totals, summed
    in the same order, and the same first-of-equals choice as the plain DP."""
    n, m = len(src), len(tgt)
    c, s2 = model
    inf = float("inf")
    width = m + 1  # cell (i, j) is index i * width + j
    cost = [inf] * ((n + 1) * width)  # inf: unreached, or not usable as a predecessor
    cost[0] = 0.0
    back = [(0, 0)] * ((n + 1) * width)
    src_len, src_anchored, src_count = _prefixes(src)
    tgt_len, tgt_anchored, tgt_count = _prefixes(tgt)
    steps = [(di, dj, prior) for (di, dj), prior in beads.items()]
    banded = m >= band  # below, every cell is within `band` of the diagonal
    reached = False
    # A cell is kept as a predecessor only when its cost plus a floor on the priors
    # still to pay (x, y units left) stays within a known complete path's cost.
    # (That path stays within |n - m| of the diagonal: inside the band _dp_align sets.)
    limit = inf
    if band > abs(n - m):
        if known is None:
            known = _known_path(src, tgt, model, beads, anchor_weight)
        limit = known + _PRUNE_MARGIN
    (a1, b1), (a2, b2) = _prior_floor(tuple(beads.items()))

    # Columns of stored cells per row: a cell left of every stored cell of the rows a
    # step can come from, or more than the widest step right of them, has no predecessor.
    max_di = max(di for di, _, _ in steps)
    max_dj = max(dj for _, dj, _ in steps)
    lo, hi = [m + 1] * (n + 1), [-1] * (n + 1)
    lo[0] = hi[0] = 0

    for i in range(n + 1):
        center = i * m / n
        row = i * width
        s_len, s_anch, s_cnt = src_len[i], src_anchored[i], src_count[i]
        if i == 0:
            first, reach = 1, max_dj
        else:
            above = max(0, i - max_di)
            first, reach = min(lo[above:i]), max(hi[above:i]) + max_dj
            if reach < max_dj:
                break  # nothing stored in the rows a step comes from: the rest is unreached
        j = max(first, math.floor(center - band), 0) - 1
        end = min(m, math.ceil(center + band))
        while j < end and j < reach:
            j += 1
            best, best_step = inf, (0, 0)
            for di, dj, prior in steps:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                prev = cost[pi * width + pj]
                if prev + prior >= best:
                    continue  # unreached (inf), or it cannot beat the best so far
                if mergeable is not None and (
                    (di > 1 and not mergeable(src[pi:i])) or (dj > 1 and not mergeable(tgt[pj:j]))
                ):
                    continue
                length = _length_cost(s_len - src_len[pi], tgt_len[j] - tgt_len[pj], c, s2)
                if prev + prior + length >= best:
                    continue  # the anchors (>= 0) cannot bring it under the best
                if s_anch == src_anchored[pi] and tgt_anchored[j] == tgt_anchored[pj]:
                    anchors = 0.0  # units without anchors: weight * 0
                elif di == 0 or dj == 0:  # nothing on the other side: every anchor missing
                    # (charging them keeps an anchor that matches nowhere a constant, so
                    # it never favours a deletion)
                    anchors = anchor_weight * (
                        s_cnt - src_count[pi] + tgt_count[j] - tgt_count[pj]
                    )
                elif di == 1 and dj == 1:
                    anchors = anchor_weight * _missing_one(src[pi], tgt[pj])
                else:
                    anchors = anchor_weight * (
                        _unmatched(src, pi, i, tgt, pj, j) + _unmatched(tgt, pj, j, src, pi, i)
                    )
                total = prev + prior + length + anchors
                if total < best:
                    best, best_step = total, (di, dj)
            if best < inf:
                back[row + j] = best_step
                if i == n and j == m:
                    reached = True
                x, y = n - i, m - j
                if (
                    (not banded or abs(j - center) <= band)
                    and best + (a1 * x + b1 * y) <= limit
                    and best + (a2 * x + b2 * y) <= limit
                ):
                    cost[row + j] = best
                    if j < lo[i]:
                        lo[i] = j
                    hi[i] = j
                    if j + max_dj > reach:
                        reach = j + max_dj
    if not reached:
        return _proportional(src, tgt)
    result: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = back[i * width + j]
        result.append((i - di, i, j - dj, j))
        i, j = i - di, j - dj
    result.reverse()
    return result


# Slack for float rounding in the pruning test: a pruned cell's paths exceed the known
# path by more than this, so no optimum and no tie is lost.
_PRUNE_MARGIN = 1e-6


def _known_path(
    src: Sequence[_Unit], tgt: Sequence[_Unit], model: tuple[float, float],
    beads: dict[tuple[int, int], float], weight: float,
) -> float:
    """The cost of one path the grid holds (1:1 beads, then 1:0 or 0:1 for the rest),
    summed as the grid sums it: an upper bound on the grid's optimum."""
    if not {(1, 1), (1, 0), (0, 1)} <= beads.keys():
        return float("inf")
    c, s2 = model
    total = 0.0
    k = min(len(src), len(tgt))
    for s, t in zip(src[:k], tgt[:k], strict=True):
        anchors = weight * _missing_one(s, t) if s.anchors or t.anchors else 0.0
        total = total + beads[(1, 1)] + _length_cost(s.length, t.length, c, s2) + anchors
    for s in src[k:]:
        total = total + beads[(1, 0)] + _length_cost(s.length, 0, c, s2) + weight * s.anchor_count
    for t in tgt[k:]:
        total = total + beads[(0, 1)] + _length_cost(0, t.length, c, s2) + weight * t.anchor_count
    return total


@lru_cache(maxsize=8)
def _prior_floor(
    beads: tuple[tuple[tuple[int, int], float], ...],
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Two pairs (a, b) with a * di + b * dj <= prior for every bead (di, dj): then any
    bead path over x source and y target units pays priors >= a * x + b * y (a lower
    bound that only grows along a path, so pruning by it keeps the DP exact). One pair
    charges extra source units, the other extra target units; (0, 0) when the priors
    do not allow it."""
    priors = dict(beads)
    diagonal = priors.get((1, 1), 0.0)

    def feasible(a: float, b: float) -> bool:
        return all(a * di + b * dj <= prior for (di, dj), prior in beads)

    def pair(extra_source: bool) -> tuple[float, float]:
        over = [
            (prior - diagonal * (di if extra_source else dj)) / abs(di - dj)
            for (di, dj), prior in beads
            if (di > dj if extra_source else dj > di)
        ]
        k = max(0.0, min(over)) if over else 0.0
        shy = 1 - 1e-9  # a hair under the bound, so float rounding cannot break it
        a, b = (diagonal * shy + k * shy, -k * shy)
        if not extra_source:
            a, b = b, a
        if feasible(a, b):
            return a, b
        return (0.0, 0.0)

    return pair(True), pair(False)


def _one_to_one(
    s: _Unit, t: _Unit, model: tuple[float, float], beads: dict[tuple[int, int], float],
    weight: float,
) -> list[Bead]:
    """The grid of one unit a side (most paragraphs of a long text) without the grid:
    1:1, or 0:1 then 1:0, or 1:0 then 0:1, the same sums in the same order, the first
    of equals in the order of `beads` as the grid takes it."""
    c, s2 = model
    s_count, t_count = s.anchor_count, t.anchor_count
    only_t = 0.0 + beads[(0, 1)] + _length_cost(0, t.length, c, s2) + weight * t_count
    only_s = 0.0 + beads[(1, 0)] + _length_cost(s.length, 0, c, s2) + weight * s_count
    options = {
        (1, 1): 0.0 + beads[(1, 1)] + _length_cost(s.length, t.length, c, s2)
        + weight * _missing_one(s, t),
        (1, 0): only_t + beads[(1, 0)] + _length_cost(s.length, 0, c, s2) + weight * s_count,
        (0, 1): only_s + beads[(0, 1)] + _length_cost(0, t.length, c, s2) + weight * t_count,
    }  # fmt: skip
    best, step = float("inf"), (1, 1)
    for key in beads:
        if key in options and options[key] < best:
            best, step = options[key], key
    if step == (1, 1):
        return [(0, 1, 0, 1)]
    if step == (1, 0):  # the target alone (0:1), then the source alone (1:0)
        return [(0, 0, 0, 1), (0, 1, 1, 1)]
    return [(0, 1, 0, 0), (1, 1, 0, 1)]


def _proportional(src: Sequence[_Unit], tgt: Sequence[_Unit]) -> list[Bead]:
    """Linear-time fallback: each target unit joins the source unit at its relative position."""
    n, m = len(src), len(tgt)
    if n == 0:
        return [(0, 0, j, j + 1) for j in range(m)]
    if m == 0:
        return [(i, i + 1, 0, 0) for i in range(n)]
    src_total = sum(u.length for u in src) or 1
    tgt_total = sum(u.length for u in tgt) or 1
    owner: list[int] = []
    s_index, s_cum = 0, src[0].length
    t_cum = 0
    for u in tgt:
        mid = (t_cum + u.length / 2) / tgt_total * src_total
        while s_index < n - 1 and s_cum < mid:
            s_index += 1
            s_cum += src[s_index].length
        owner.append(s_index)
        t_cum += u.length
    beads: list[Bead] = []
    j = 0
    for i in range(n):
        j0 = j
        first = True
        while j < m and owner[j] == i:
            # A bead never spans two target paragraphs: start a 0:k bead at a new one.
            if j > j0 and tgt[j].para != tgt[j - 1].para:
                beads.append((i, i + 1, j0, j) if first else (i + 1, i + 1, j0, j))
                first, j0 = False, j
            j += 1
        beads.append((i, i + 1, j0, j) if first else (i + 1, i + 1, j0, j))
    return beads
