"""The sentence DP against the plain DP it replaced (kept here as the oracle).

`_grid` skips steps that cannot beat a cell's best, cells whose cost plus a floor on
the rest exceeds a known path, and merge checks inside one paragraph (issue 12: a
45 MB two-language article): the beads must be the plain DP's, ties included."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.text import align, align_dp, align_units
from app.core.text.align_dp import Bead
from app.core.text.align_units import _Unit


def _missing_one(s: _Unit, t: _Unit) -> int:
    missing = 0
    if s.anchors:
        missing += sum(n for a, n in s.anchors.items() if a not in t.vocab)
    if t.anchors:
        missing += sum(n for a, n in t.anchors.items() if a not in s.vocab)
    return missing


def _anchor_cost(src: Sequence[_Unit], tgt: Sequence[_Unit], weight: float) -> float:
    def unmatched(units: Sequence[_Unit], other: Sequence[_Unit]) -> int:
        vocab = frozenset().union(*(u.vocab for u in other))
        return sum(n for u in units for a, n in u.anchors.items() if a not in vocab)

    return weight * (unmatched(src, tgt) + unmatched(tgt, src))


def reference_grid(  # the DP before issue 12's second round, verbatim but for names
    src: Sequence[_Unit],
    tgt: Sequence[_Unit],
    model: tuple[float, float],
    beads: dict[tuple[int, int], float],
    mergeable: Callable[[Sequence[_Unit]], bool],
    anchor_weight: float,
    band: int,
) -> list[Bead]:
    n, m = len(src), len(tgt)
    c, s2 = model
    inf = float("inf")
    width = m + 1
    cost: dict[int, float] = {0: 0.0}
    back: dict[int, tuple[int, int]] = {}
    src_len, src_anchored, src_count = align_units._prefixes(src)
    tgt_len, tgt_anchored, tgt_count = align_units._prefixes(tgt)
    steps = [(di, dj, prior) for (di, dj), prior in beads.items()]
    banded = m >= band
    for i in range(n + 1):
        center = i * m / n
        for j in range(max(0, math.floor(center - band)), min(m, math.ceil(center + band)) + 1):
            if i == 0 and j == 0:
                continue
            best, best_step = inf, (0, 0)
            for di, dj, prior in steps:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0 or (banded and not abs(pj - pi * m / n) <= band):
                    continue
                prev = cost.get(pi * width + pj)
                if prev is None:
                    continue
                if (di > 1 and not mergeable(src[pi:i])) or (
                    dj > 1 and not mergeable(tgt[pj:j])
                ):
                    continue
                length = align_units._length_cost(
                    src_len[i] - src_len[pi], tgt_len[j] - tgt_len[pj], c, s2
                )
                if src_anchored[i] == src_anchored[pi] and tgt_anchored[j] == tgt_anchored[pj]:
                    anchors = 0.0
                elif di == 0 or dj == 0:
                    anchors = anchor_weight * (
                        src_count[i] - src_count[pi] + tgt_count[j] - tgt_count[pj]
                    )
                elif di == 1 and dj == 1:
                    anchors = anchor_weight * _missing_one(src[pi], tgt[pj])
                else:
                    anchors = _anchor_cost(src[pi:i], tgt[pj:j], anchor_weight)
                total = prev + prior + length + anchors
                if total < best:
                    best, best_step = total, (di, dj)
            if best < inf:
                cost[i * width + j] = best
                back[i * width + j] = best_step
    if n * width + m not in cost:
        return align_dp._proportional(src, tgt)
    result: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = back[i * width + j]
        result.append((i - di, i, j - dj, j))
        i, j = i - di, j - dj
    result.reverse()
    return result


_ANCHORS = st.dictionaries(st.sampled_from(["1", "2", "25", "X", "Rubio"]), st.integers(1, 2),
                           max_size=3)  # fmt: skip
_VOCAB = st.frozensets(st.sampled_from(["1", "2", "25", "X", "Rubio", "Kyiv"]), max_size=4)
_UNIT = st.tuples(st.integers(0, 2), st.integers(0, 160), _ANCHORS, _VOCAB)


def _units(raw: list[tuple[int, int, dict[str, int], frozenset[str]]]) -> list[_Unit]:
    units, start = [], 0
    for para, length, anchors, vocab in sorted(raw, key=lambda r: r[0]):
        units.append(_Unit(para, start, start + length, anchors, vocab))
        start += length
    return units


@settings(max_examples=400, deadline=None)
@given(
    src=st.lists(_UNIT, min_size=1, max_size=14), tgt=st.lists(_UNIT, min_size=1, max_size=14),
    band=st.sampled_from([1, 2, 3, 5, align_dp.MIN_BAND]), paragraph=st.booleans(),
    lang=st.sampled_from([("uk", "en"), ("xx", "yy")]),
)  # fmt: skip
def test_grid_gives_the_plain_dp_beads(
    src: list[tuple[int, int, dict[str, int], frozenset[str]]],
    tgt: list[tuple[int, int, dict[str, int], frozenset[str]]],
    band: int, paragraph: bool, lang: tuple[str, str],
) -> None:  # fmt: skip
    s, t = _units(src), _units(tgt)
    model = align.LENGTH_MODEL.get(lang, align.DEFAULT_MODEL)
    beads = align.PARAGRAPH_BEADS if paragraph else align.BEAD_COSTS
    want = reference_grid(s, t, model, beads, align._same_paragraph, align_dp.ANCHOR_COST, band)
    got = align_dp._grid(s, t, model, beads, align._same_paragraph, align_dp.ANCHOR_COST, band)
    assert got == want
    one = [_Unit(0, u.start, u.end, u.anchors, u.vocab) for u in s]
    other = [_Unit(0, u.start, u.end, u.anchors, u.vocab) for u in t]
    want = reference_grid(one, other, model, beads, lambda _u: True, align_dp.ANCHOR_COST, band)
    assert align_dp._grid(one, other, model, beads, None, align_dp.ANCHOR_COST, band) == want


_TEXT = st.text(alphabet=st.sampled_from("Kyiv isn't - ’ 2025 Bloomberg é Київ X_7 .,"),
                max_size=40)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(text=_TEXT)
def test_unit_vocabulary_is_the_plain_one(text: str) -> None:
    """The vocabulary of text without Cyrillic skips the Latin-word pass when it can
    add nothing (ASCII, no ' or -): the set is the same."""
    unit = align_units._unit(text, 0, 0, len(text))
    if re.search(r"[\u0400-\u04ff]", text):  # Cyrillic: numbers and Latin words only
        words = re.findall(r"\d+", text) + re.findall(r"[A-Za-z][A-Za-z'’\-]*", text)
        assert unit.vocab == frozenset(words)
    else:
        words = re.findall(r"\d+", text) + re.findall(r"[^\W\d_]+", text)
        words += re.findall(r"[A-Za-z][A-Za-z'’\-]*", text)
        assert unit.vocab == frozenset(words)


_WORDY = st.text(alphabet=st.sampled_from("Київ Kyiv isn't al-Assad ’ 2025 17 X é ."), max_size=50)


@settings(max_examples=300, deadline=None)
@given(src=st.lists(_WORDY, min_size=1, max_size=8), tgt=st.lists(_WORDY, min_size=1, max_size=8))
def test_grid_on_units_read_from_text_gives_the_plain_dp_beads(
    src: list[str], tgt: list[str]
) -> None:
    """Units made by _unit (numbers looked up in the digit runs, words read only when a
    word anchor is looked up) give the plain DP's beads; the plain DP reads `vocab`."""
    def units(texts: list[str]) -> list[_Unit]:
        text = "".join(texts)
        ends = [sum(len(t) for t in texts[: k + 1]) for k in range(len(texts))]
        return [align_units._unit(text, 0, e - len(t), e) for t, e in zip(texts, ends, strict=True)]

    model = align.LENGTH_MODEL[("uk", "en")]
    for beads in (align.BEAD_COSTS, align.PARAGRAPH_BEADS):
        want = reference_grid(units(src), units(tgt), model, beads, lambda _u: True,
                              align_dp.ANCHOR_COST, align_dp.MIN_BAND)  # fmt: skip
        got = align_dp._grid(units(src), units(tgt), model, beads, None, align_dp.ANCHOR_COST,
                             align_dp.MIN_BAND)  # fmt: skip
        assert got == want


@settings(max_examples=400, deadline=None)
@given(src=_WORDY, tgt=_WORDY, src_cut=st.integers(0, 50), tgt_cut=st.integers(0, 50))
def test_pair_missing_is_the_units_count(src: str, tgt: str, src_cut: int, tgt_cut: int) -> None:
    """The diagonal test's anchor count without units (numbers compared as digit runs
    when neither side can hold a Latin word) is _missing_one's, on any part of a text."""
    a, x = min(src_cut, len(src)), min(tgt_cut, len(tgt))
    want = align_units._missing_one(align_units._unit(src, 0, a, len(src)),
                                    align_units._unit(tgt, 0, x, len(tgt)))  # fmt: skip
    got = align_units._pair_missing(src, a, len(src), align_units._may_hold_words(src),
                                    tgt, x, len(tgt), align_units._may_hold_words(tgt))  # fmt: skip
    assert got == want


@settings(max_examples=400, deadline=None)
@given(
    lengths=st.lists(st.tuples(st.integers(10, 120), st.integers(-8, 8)), min_size=1,
                     max_size=7),
    split=st.integers(0, 6), share=st.integers(2, 60), extra_target=st.booleans(),
    numbered=st.booleans(),
)  # fmt: skip
def test_one_merge_proof_gives_the_plain_dp_beads(
    lengths: list[tuple[int, int]], split: int, share: int, extra_target: bool,
    numbered: bool,
) -> None:  # fmt: skip
    """A sentence split in two on one side: where one_merge proves the cheapest path
    of 1:1 beads and one merge, it is the plain DP's; elsewhere the grid runs."""
    src: list[tuple[int, int, dict[str, int], frozenset[str]]] = []
    tgt: list[tuple[int, int, dict[str, int], frozenset[str]]] = []
    for q, (length, noise) in enumerate(lengths):
        anchors = {str(q): 1} if numbered else {}
        src.append((0, length, anchors, frozenset(anchors)))
        tgt.append((0, max(0, round(length * 0.943) + noise), anchors, frozenset(anchors)))
    k = split % len(lengths)
    longer = tgt if extra_target else src
    para, length, anchors, vocab = longer[k]
    cut = length * share // 100
    longer[k : k + 1] = [(para, cut, anchors, vocab), (para, length - cut, {}, frozenset())]
    s, t = _units(src), _units(tgt)
    model = align.LENGTH_MODEL[("uk", "en")]
    band = align_dp.MIN_BAND + 1
    want = reference_grid(s, t, model, align.BEAD_COSTS, lambda _u: True, align_dp.ANCHOR_COST,
                          band)  # fmt: skip
    assert align_dp._dp_align(s, t, model, align.BEAD_COSTS, None) == want


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("0129٣٤۵߁١२३௫๗a Б.,-\u00a0²½Ⅻ"), max_size=40))
def test_digit_runs_are_the_plain_patterns(text: str) -> None:
    """Anchors' digit runs ("\\d\\d*", the faster spelling) are "\\d+"'s, any script."""
    assert align_units._DIGITS.findall(text) == re.findall(r"\d+", text)
    assert align_units._DIGITS.findall(text, 1, 30) == re.compile(r"\d+").findall(text, 1, 30)


_VOCAB_TEXT = st.text(alphabet=st.sampled_from("abAB'’-_ Жж1٣²éß.\u00a0"), max_size=30)


@settings(max_examples=1500, deadline=None)
@given(text=_VOCAB_TEXT, words=_VOCAB_TEXT, cut=st.tuples(st.integers(0, 5), st.integers(0, 5)))
def test_a_word_anchor_is_known_as_the_vocabulary_knows_it(
    text: str, words: str, cut: tuple[int, int]
) -> None:
    """_is_token (occurrences only) == membership in the whole vocabulary, for every
    word anchor a Cyrillic text can hold, inside any span of the text."""
    start, end = cut[0], max(cut[0], len(text) - cut[1])
    vocab = align_units._word_vocab(text[start:end], frozenset())
    candidates = re.findall(r"[A-Za-z][A-Za-z'’\-]*", words + " " + text)
    for word in candidates:
        assert align_units._is_token(text, start, end, word) == (word in vocab), word


def test_word_anchors_at_token_edges() -> None:
    for text, word, known in [
        ("a'b-", "a'b", False),  # the Latin token runs on over "-"; "a'b" is no letter run
        ("x a'b y", "a'b", True),
        ("-'ab", "ab", True),  # ' and - before a token's first letter are not in it
        ("c-ab", "ab", True),  # a letter run of its own ("c-ab" is the Latin token)
        ("c-ab", "c-ab", True),
        ("Жab", "ab", True),  # no letter run, but the Latin token
        ("ab_", "ab", True),
        ("ab1", "ab", True),
        ("éab", "ab", True),
    ]:
        vocab = align_units._word_vocab(text, frozenset())
        assert (word in vocab) is known, (text, word)
        assert align_units._is_token(text, 0, len(text), word) is known, (text, word)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab Z1 2.'-’"), max_size=40), cut=st.integers(0, 9))
def test_an_ascii_paragraph_gives_the_same_units(text: str, cut: int) -> None:
    """_unit told the paragraph is ASCII (no Cyrillic search) == _unit looking."""
    text = text.encode("ascii", "ignore").decode()
    end = max(cut, len(text) - cut)
    told, looked = align_units._unit(text, 3, cut, end, True), align_units._unit(text, 3, cut, end)
    assert (told.anchors, told.nums, told.length, told.para) == (
        looked.anchors, looked.nums, looked.length, looked.para)  # fmt: skip
    for word in re.findall(r"[A-Za-z][A-Za-z'’\-]*", "ab Z b' a-b"):
        assert align_units._knows_word(told, word) == align_units._knows_word(looked, word)
