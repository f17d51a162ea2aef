"""One sentence split in two: the paths of 1:1 beads and one merge, as a bound for the
grid's pruning and, when the costs allow, as the grid's answer without the grid.

A paragraph of a long article whose two sides differ by one sentence is aligned by
the grid (align_dp.py) in most articles; its answer is nearly always 1:1 beads and
one 2:1 (or 1:2) bead. `one_merge` prices every such path, and every path with one
1:0 (0:1) bead instead, and proves from the bead priors when the cheapest is the
grid's optimum (see `_merge_floor`): the same beads, without the grid.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from app.core.text.align_units import (
    _length_cost,
    _missing_one,
    _prefixes,
    _Unit,
    _unmatched,
)

Bead = tuple[int, int, int, int]  # src_from, src_to, tgt_from, tgt_to (exclusive ends)
_SENTENCE_STEPS = frozenset({(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2)})
# Costs closer than this count as a tie, left to the grid (its sums round differently).
_MARGIN = 1e-6


@lru_cache(maxsize=8)
def _merge_floor(beads: tuple[tuple[tuple[int, int], float], ...]) -> float:
    """The least extra prior (over prior(1:1) per diagonal step) of a path with one
    more unit on one side that is neither 1:1 beads and one merge nor 1:1 beads and
    one 1:0 (0:1): it holds a 2:2 bead besides its merge or 1:0, or a bead with more
    units on the short side and so two with more on the long side. (0: none claimed.)

    A bead (a, b) pays prior(1:1) * (a + b) / 2 plus its excess; with every excess >= 0
    (Gale and Church's priors) a path's priors are at least the diagonal's plus the
    excess of the beads named. Beads other than the sentence beads: none claimed."""
    priors = dict(beads)
    if set(priors) != _SENTENCE_STEPS:
        return 0.0
    excess = {(a, b): p - priors[(1, 1)] * (a + b) / 2 for (a, b), p in priors.items()}
    if min(excess.values()) < 0:
        return 0.0
    # the least excess of a bead with more units on one side (either side: a floor)
    lopsided = min(excess[(2, 1)], excess[(1, 2)], excess[(1, 0)], excess[(0, 1)])
    return min(lopsided + excess[(2, 2)], 3 * lopsided)


def one_merge(
    src: Sequence[_Unit], tgt: Sequence[_Unit], model: tuple[float, float],
    beads: dict[tuple[int, int], float], weight: float,
) -> tuple[list[Bead] | None, float]:
    """(The grid's beads when proved, else None; the cost of the cheapest path of 1:1
    beads and one merge) for units whose counts differ by one, merges allowed.

    That path is one the grid holds (within one unit of the diagonal), so its cost
    bounds the grid's optimum (its pruning limit). It is the optimum, and the only
    one, when it is cheaper by the margin than every other such path and every path of
    1:1 beads and one 1:0 (0:1), and when its priors and costs stay under the
    diagonal's priors plus _merge_floor, which every other path pays."""
    c, s2 = model
    n, m = len(src), len(tgt)
    src_len, tgt_len = _prefixes(src)[0], _prefixes(tgt)[0]

    def bead(a0: int, a1: int, b0: int, b1: int) -> float:
        length = _length_cost(src_len[a1] - src_len[a0], tgt_len[b1] - tgt_len[b0], c, s2)
        if a1 - a0 == 1 and b1 - b0 == 1:  # the same count, in one call
            missing = _missing_one(src[a0], tgt[b0])
        else:
            missing = _unmatched(src, a0, a1, tgt, b0, b1) + _unmatched(tgt, b0, b1, src, a0, a1)
        return beads[(a1 - a0, b1 - b0)] + length + weight * missing

    di, dj = (1, 0) if n > m else (0, 1)  # the side with the extra unit
    k_max = min(n, m)
    before = [bead(q, q + 1, q, q + 1) for q in range(k_max)]
    after = [bead(q + di, q + di + 1, q + dj, q + dj + 1) for q in range(k_max)]
    merges: list[float] = []
    heads: list[float] = []
    tails: list[float] = []
    head, tail = 0.0, sum(after)
    for k in range(k_max + 1):  # k: the first unit of the merge, or the unit alone
        if k < k_max:
            tail -= after[k]  # rounding: far under the margin
            merges.append(head + bead(k, k + 1 + di, k, k + 1 + dj) + tail)
        heads.append(head)
        tails.append(tail)
        if k < k_max:
            head += before[k]
    best = min(merges)
    k = merges.index(best)
    floor = _merge_floor(tuple(beads.items()))
    others = merges[:k] + merges[k + 1 :]
    if floor <= 0 or best > beads[(1, 1)] * (n + m) / 2 + floor - _MARGIN or (
        others and min(others) < best + _MARGIN
    ):
        return None, best
    # the paths with a unit alone, priced only when the merges leave a proof possible
    for q in range(k_max + 1):
        alone = heads[q] + bead(q, q + di, q, q + dj) + tails[q] + (after[q] if q < k_max else 0)
        if alone < best + _MARGIN:
            return None, best
    path = [(q, q + 1, q, q + 1) for q in range(k)] + [(k, k + 1 + di, k, k + 1 + dj)]
    path += [(q + di, q + di + 1, q + dj, q + dj + 1) for q in range(k + 1, k_max)]
    return path, best
