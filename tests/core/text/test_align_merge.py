"""align_merge.one_merge against its first form (kept below as the oracle): the paths
with a unit alone are priced only when the merges leave a proof possible; the answer
(beads or None, and the cheapest merge's cost) must be the same for any units."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.text import align
from app.core.text.align_merge import _MARGIN, _merge_floor, one_merge
from app.core.text.align_units import _length_cost, _prefixes, _Unit, _unmatched

Bead = tuple[int, int, int, int]


def reference_one_merge(
    src: Sequence[_Unit], tgt: Sequence[_Unit], model: tuple[float, float],
    beads: dict[tuple[int, int], float], weight: float,
) -> tuple[list[Bead] | None, float]:  # fmt: skip
    """one_merge as first written (every path priced, then the proof)."""
    c, s2 = model
    n, m = len(src), len(tgt)
    src_len, tgt_len = _prefixes(src)[0], _prefixes(tgt)[0]

    def bead(a0: int, a1: int, b0: int, b1: int) -> float:
        length = _length_cost(src_len[a1] - src_len[a0], tgt_len[b1] - tgt_len[b0], c, s2)
        missing = _unmatched(src, a0, a1, tgt, b0, b1) + _unmatched(tgt, b0, b1, src, a0, a1)
        return beads[(a1 - a0, b1 - b0)] + length + weight * missing

    di, dj = (1, 0) if n > m else (0, 1)
    k_max = min(n, m)
    before = [bead(q, q + 1, q, q + 1) for q in range(k_max)]
    after = [bead(q + di, q + di + 1, q + dj, q + dj + 1) for q in range(k_max)]
    merges, alone = [], []
    head, tail = 0.0, sum(after)
    for k in range(k_max + 1):
        if k < k_max:
            tail -= after[k]
            merges.append(head + bead(k, k + 1 + di, k, k + 1 + dj) + tail)
        alone.append(head + bead(k, k + di, k, k + dj) + tail + (after[k] if k < k_max else 0))
        if k < k_max:
            head += before[k]
    best = min(merges)
    k = merges.index(best)
    floor = _merge_floor(tuple(beads.items()))
    others = merges[:k] + merges[k + 1 :] + alone
    if floor <= 0 or best > beads[(1, 1)] * (n + m) / 2 + floor - _MARGIN or (
        others and min(others) < best + _MARGIN
    ):
        return None, best
    path = [(q, q + 1, q, q + 1) for q in range(k)] + [(k, k + 1 + di, k, k + 1 + dj)]
    path += [(q + di, q + di + 1, q + dj, q + dj + 1) for q in range(k + 1, k_max)]
    return path, best


def _side(raw: list[tuple[int, int]]) -> list[_Unit]:
    units, start = [], 0
    for length, number in raw:
        anchors = {str(number): 1} if number >= 0 else {}
        units.append(_Unit(0, start, start + length, anchors, frozenset(anchors)))
        start += length
    return units


_UNIT = st.tuples(st.integers(1, 140), st.integers(-3, 5))  # (length, number or none)


@settings(max_examples=1500, deadline=None)
@given(
    src=st.lists(_UNIT, min_size=1, max_size=7), tgt=st.lists(_UNIT, min_size=1, max_size=7),
    extra=st.tuples(st.integers(0, 6), _UNIT), extra_target=st.booleans(),
    scale=st.sampled_from([0.943, 1.0]),
)  # fmt: skip
def test_one_merge_is_its_first_form(
    src: list[tuple[int, int]], tgt: list[tuple[int, int]], extra: tuple[int, tuple[int, int]],
    extra_target: bool, scale: float,
) -> None:  # fmt: skip
    # the same count a side, then one unit more on one side (split, dropped or added)
    size = min(len(src), len(tgt))
    src, tgt = src[:size], [(max(1, round(x * scale) + d), n) for (x, n), (d, _) in
                            zip(src, tgt, strict=False)]  # fmt: skip
    longer = tgt if extra_target else src
    longer.insert(extra[0] % (size + 1), extra[1])
    s, t = _side(src), _side(tgt)
    model = align.LENGTH_MODEL[("uk", "en")]
    got = one_merge(s, t, model, align.BEAD_COSTS, 5.0)
    assert got == reference_one_merge(s, t, model, align.BEAD_COSTS, 5.0)
