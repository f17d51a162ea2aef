"""Alignment: paragraphs then sentences; survives split and merged sentences; exact substrings."""

from __future__ import annotations

import math
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.text.align import align_article
from app.core.text.segment import split_sentences
from tests.conftest import shared_path

SRC = (
    "Делегації США та України провели переговори в Женеві 23 листопада. "
    "Держсекретар Марко Рубіо назвав цей день найпродуктивнішим. "
    "Проте попереду ще багато викликів, наголосив він. "
    "Деталі угоди сторони не розкрили."
)


def _pairs(src: list[str], tgt: list[str]) -> list[tuple[str, str]]:
    return [(p.source, p.target) for p in align_article(src, tgt, "uk", "en")]


def test_one_to_one() -> None:
    tgt = (
        "The U.S. and Ukrainian delegations held talks in Geneva on November 23. "
        "Secretary of State Marco Rubio called it the most productive day. "
        "But many challenges remain ahead, he stressed. "
        "The sides did not disclose details of the deal."
    )
    pairs = _pairs([SRC], [tgt])
    assert len(pairs) == 4
    assert pairs[1] == (
        "Держсекретар Марко Рубіо назвав цей день найпродуктивнішим.",
        "Secretary of State Marco Rubio called it the most productive day.",
    )


def test_survives_a_split_and_a_merged_sentence() -> None:
    # Source sentence 1 became two target sentences (1:2); source 3 and 4 became one (2:1).
    tgt = (
        "The U.S. and Ukrainian delegations held talks. They met in Geneva on November 23. "
        "Secretary of State Marco Rubio called it the most productive day. "
        "But many challenges remain ahead, he stressed, and the sides did not disclose "
        "details of the deal."
    )
    pairs = _pairs([SRC], [tgt])
    assert pairs == [
        (
            "Делегації США та України провели переговори в Женеві 23 листопада.",
            "The U.S. and Ukrainian delegations held talks. They met in Geneva on November 23.",
        ),
        (
            "Держсекретар Марко Рубіо назвав цей день найпродуктивнішим.",
            "Secretary of State Marco Rubio called it the most productive day.",
        ),
        (
            "Проте попереду ще багато викликів, наголосив він. Деталі угоди сторони не розкрили.",
            "But many challenges remain ahead, he stressed, and the sides did not disclose "
            "details of the deal.",
        ),
    ]


def test_dropped_sentence_does_not_shift_the_rest_of_the_article() -> None:
    # Length alone cannot say which sentence the MT dropped (Gale–Church merges it
    # into a neighbour); the next paragraph must still start in sync.
    tgt = (
        "The U.S. and Ukrainian delegations held talks in Geneva on November 23. "
        "But many challenges remain ahead, he stressed. "
        "The sides did not disclose details of the deal."
    )
    pairs = _pairs([SRC, "Контекст"], [tgt, "Context"])
    assert pairs[0][1].endswith("November 23.")
    assert pairs[-2][0].endswith("Деталі угоди сторони не розкрили.")
    assert pairs[-1] == ("Контекст", "Context")


def test_paragraph_counts_differ_merged_paragraphs() -> None:
    src = ["Заголовок статті", "Перше речення абзацу про Київ.", "Друге речення про Львів 2025."]
    tgt = [
        "Article headline",
        "First sentence of the paragraph about Kyiv. Second about Lviv 2025.",
    ]
    pairs = align_article(src, tgt, "uk", "en")
    assert [(p.source, p.target, p.paragraph) for p in pairs] == [
        ("Заголовок статті", "Article headline", 0),
        ("Перше речення абзацу про Київ.", "First sentence of the paragraph about Kyiv.", 1),
        ("Друге речення про Львів 2025.", "Second about Lviv 2025.", 2),
    ]
    assert [p.index for p in pairs] == [0, 1, 2]


def test_missing_paragraph_found_by_length_and_numbers() -> None:
    src = ["Короткий.", "Другий абзац довший і має число 42 та назву Bloomberg.", "Третій 7."]
    tgt = ["Short.", "Third paragraph 7."]
    pairs = align_article(src, tgt, "uk", "en")
    assert ("Другий абзац довший і має число 42 та назву Bloomberg.", "") in [
        (p.source, p.target) for p in pairs
    ]


def test_seed_article_aligns_one_to_one() -> None:
    from app.core.files.readers import read_document
    from tests.conftest import SEEDS

    src_path, tgt_path = SEEDS / "geneva-talks.uk.txt", SEEDS / "geneva-talks.en.txt"
    if not src_path.exists():
        return
    src, tgt = read_document(src_path), read_document(tgt_path)
    pairs = align_article(src.paragraphs, tgt.paragraphs, "uk", "en")
    rubio = next(p for p in pairs if "Марко Рубіо" in p.source)
    assert "Mark Rubio" in rubio.target
    kyiv = next(p for p in pairs if "Вашингтон і Київ" in p.source)
    assert "Washington and Kiev" in kyiv.target
    assert all(p.source and p.target for p in pairs)


def test_ntrex_documents_align_almost_all_one_to_one() -> None:
    uk = shared_path("ntrex-uk-en", "uk.txt").read_text(encoding="utf-8").splitlines()[:300]
    en = shared_path("ntrex-uk-en", "en.txt").read_text(encoding="utf-8").splitlines()[:300]
    # Whole documents as one paragraph each side: the aligner must recover the lines.
    pairs = align_article([" ".join(uk)], [" ".join(en)], "uk", "en")
    gold = set(zip(uk, en, strict=True))
    right = sum((p.source, p.target) in gold for p in pairs)
    # 79 % of the 300 lines come back exactly (the rest differ in sentence splits
    # between the languages, so a line is only part of a pair).
    assert right >= 0.75 * len(uk)


def test_huge_paragraph_falls_back_to_linear_alignment() -> None:
    src = ["Речення номер один. " * 20_000]
    tgt = ["Sentence number one. " * 19_000]
    started = time.monotonic()
    pairs = align_article(src, tgt, "uk", "en")
    assert time.monotonic() - started < 10
    assert sum(len(split_sentences(p.target, "en")) for p in pairs) == 19_000


_WORDS = st.sampled_from(["Київ", "США", "Рубіо", "день", "42", "Kyiv", "talks", "the", "2025"])
_SENT = st.builds(
    lambda ws, end: " ".join(ws).capitalize() + end,
    st.lists(_WORDS, min_size=1, max_size=8),
    st.sampled_from([".", "!", "?", "…"]),
)
_PARA = st.lists(_SENT, min_size=1, max_size=5).map(" ".join)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@settings(max_examples=150, deadline=None)
@given(
    src=st.lists(_PARA, min_size=0, max_size=5), tgt=st.lists(_PARA, min_size=0, max_size=5)
)
def test_every_sentence_lands_in_exactly_one_pair_in_order(src: list[str], tgt: list[str]) -> None:
    pairs = align_article(src, tgt, "uk", "en")
    assert [p.index for p in pairs] == list(range(len(pairs)))
    assert _squash("".join(p.source for p in pairs)) == _squash("".join(src))
    assert _squash("".join(p.target for p in pairs)) == _squash("".join(tgt))
    # Each side is an exact substring of one paragraph, and source paragraphs never go back.
    for p in pairs:
        assert not p.source or any(p.source in para for para in src)
        assert not p.target or any(p.target in para for para in tgt)
        assert p.source or p.target
    paragraphs = [p.paragraph for p in pairs if p.source]
    assert paragraphs == sorted(paragraphs)
    for p in pairs:
        if p.source:
            assert p.source in src[p.paragraph]
    src_sentences = [s for para in src for s in split_sentences(para, "uk")]
    got = [s for p in pairs for s in split_sentences(p.source, "uk")]
    assert got == src_sentences


_SENTENCE = st.text(
    alphabet=st.sampled_from("Київ столиця 2025 Bloomberg X 17 Rubio . "), min_size=0, max_size=60
)


@settings(max_examples=300, deadline=None)
@given(source=_SENTENCE, target=_SENTENCE, paragraph=st.booleans())
def test_one_unit_a_side_takes_the_beads_the_grid_takes(
    source: str, target: str, paragraph: bool
) -> None:
    """The shortcut for one unit a side (most paragraphs of a long text) gives the
    grid's beads: same costs, same order, the same choice between equals."""
    from app.core.text import align, align_dp, align_units

    beads = align.PARAGRAPH_BEADS if paragraph else align.BEAD_COSTS
    s = align_units._unit(source, 0, 0, len(source))
    t = align_units._unit(target, 0, 0, len(target))
    model = align.LENGTH_MODEL[("uk", "en")]
    grid = align_dp._grid([s], [t], model, beads, align._same_paragraph, align_dp.ANCHOR_COST,
                       align_dp.MIN_BAND)  # fmt: skip
    assert align_dp._one_to_one(s, t, model, beads, align_dp.ANCHOR_COST) == grid


_LIKE = st.sampled_from(
    [
        "Київ столиця України.", "Kyiv is the capital.", "У 2025 році Bloomberg писав.",
        "In 2025 Bloomberg wrote.", "Так.", "Yes.", "Рубіо прибув 17 листопада до Женеви.",
        "Rubio arrived in Geneva on 17 November.", "X", "Переговори тривали довго, до ночі.",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    src=st.lists(st.lists(_LIKE, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=4),
    tgt=st.lists(st.lists(_LIKE, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=4),
    same=st.booleans(),
)
def test_diagonal_shortcut_gives_the_dp_pairs(src: list[str], tgt: list[str], same: bool) -> None:
    """A paragraph whose 1:1 sentence costs sum under the floor skips the grid (issue 12:
    a 45 MB text in one pass): the pairs are the DP's, with the shortcut on or off."""
    from app.core.text import align

    if same:
        tgt = list(src)
    fast = align_article(src, tgt, "uk", "en")
    saved = align._DIAGONAL_BOUNDS
    align._DIAGONAL_BOUNDS = (-1.0, -1.0)  # every paragraph through the DP
    try:
        slow = align_article(src, tgt, "uk", "en")
    finally:
        align._DIAGONAL_BOUNDS = saved
    assert fast == slow


def test_excursion_bounds_of_gale_church_priors() -> None:
    from app.core.text import align

    whole, two = align._excursion_bounds(align.BEAD_COSTS)
    diagonal = -math.log(0.89)
    assert whole == pytest.approx(2 * (-math.log(0.0445) - 1.5 * diagonal))  # 2:1 and 1:2
    assert two == pytest.approx(-math.log(0.011) - 2 * diagonal)  # one 2:2 bead
    assert 5.8 < whole < 5.9 and 4.2 < two < 4.3
    assert align._excursion_bounds({(1, 1): 1.0, (1, 0): 0.1, (0, 1): 2.0}) == (0.0, 0.0)
    assert align._excursion_bounds({(1, 1): 0.0, (2, 1): 1.0, (1, 2): 2.0}) == (3.0, 3.0)


_SIDE = st.tuples(st.integers(1, 120), st.integers(-12, 12), st.sampled_from(["", " 7", " 25"]),
                  st.sampled_from(["=", "=", "=", "=", "", " 31"]))  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(sentences=st.lists(_SIDE, min_size=1, max_size=7))
def test_diagonal_proof_holds_where_the_grid_would_pay_more(
    sentences: list[tuple[int, int, str, str]],
) -> None:
    """Where _diagonal proves the 1:1 path (sums under the excursion bounds, not just
    under one bead's excess), the grid returns exactly that path."""
    from app.core.text import align, align_dp, align_units
    from app.core.text.segment import sentence_spans

    src = " ".join(f"Ж{'ж' * n}{a}." for n, _, a, _ in sentences)
    tgt = " ".join(f"W{'w' * max(0, round(n * 0.943) + d)}{a if b == '=' else b}."
                   for n, d, a, b in sentences)  # fmt: skip
    s_spans, t_spans = sentence_spans(src, "uk"), sentence_spans(tgt, "en")
    model = align.LENGTH_MODEL[("uk", "en")]
    units = align._diagonal(src, s_spans, tgt, t_spans, model, 0, 0)
    s_units = [align_units._unit(src, 0, a, b) for a, b in s_spans]
    t_units = [align_units._unit(tgt, 0, a, b) for a, b in t_spans]
    beads = align_dp._dp_align(s_units, t_units, model, align.BEAD_COSTS, None)
    if units is None:
        assert beads == [(k, k + 1, k, k + 1) for k in range(len(sentences))]
