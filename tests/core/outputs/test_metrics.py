"""Post-editing metrics: equal to sacrebleu's own scores, and close to MLQE-PE's HTER."""

from __future__ import annotations

import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sacrebleu.metrics.bleu import BLEU
from sacrebleu.metrics.chrf import CHRF
from sacrebleu.metrics.ter import TER

from app.core.model.errors import InputError
from app.core.outputs.metrics import compute_metrics, segment_metrics, words_changed
from tests.conftest import shared_path

MT = ["Mark Rubio arrived in Kiev on Monday .", "The talks were held .", "He said no ."]
PE = ["Marco Rubio arrived in Kyiv on Monday .", "The talks were held .", "He said nothing ."]


def test_values_equal_sacrebleu_sentence_and_corpus_scores() -> None:
    m = compute_metrics(MT, PE)
    ter = TER(case_sensitive=True)
    for seg, hyp, ref in zip(m.segments, MT, PE, strict=True):
        assert seg.hter == pytest.approx(ter.sentence_score(hyp, [ref]).score / 100)
        assert seg.chrf == pytest.approx(CHRF().sentence_score(hyp, [ref]).score)
        assert seg.bleu == pytest.approx(
            BLEU(effective_order=True).sentence_score(hyp, [ref]).score
        )
    assert m.hter == pytest.approx(ter.corpus_score(MT, [PE]).score / 100)
    assert m.chrf == pytest.approx(CHRF().corpus_score(MT, [PE]).score)
    assert m.bleu == pytest.approx(BLEU().corpus_score(MT, [PE]).score)


def test_per_segment_edits_and_words_changed() -> None:
    m = compute_metrics(MT, PE, seconds=90.0)
    first, same, last = m.segments
    assert first.edits == 2 and first.words_changed == 2 and first.hter == pytest.approx(2 / 8)
    assert same.hter == 0.0 and not same.changed and same.words_changed == 0
    assert last.words_changed == 1 and last.changed
    assert m.segments_changed == 2 and m.words_changed == 3
    assert m.seconds == 90.0
    data = m.to_json()
    assert data["segment_count"] == 3 and data["segments"][1]["changed"] is False


def test_hter_is_case_sensitive() -> None:
    assert segment_metrics(0, "in kyiv today", "in Kyiv today").hter == pytest.approx(1 / 3)


def test_words_changed_counts_insertions_and_deletions() -> None:
    assert words_changed("a b c", "a b c") == 0
    assert words_changed("a b c", "a c") == 1
    assert words_changed("a c", "a b b c") == 2
    assert words_changed("a b", "x y z") == 3


def test_misaligned_input_is_an_input_error() -> None:
    with pytest.raises(InputError, match="2 segments but the edited text has 1"):
        compute_metrics(["a", "b"], ["a"])
    with pytest.raises(InputError, match="no segments"):
        compute_metrics([], [])


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(alphabet="abc XYZ.", min_size=1, max_size=30), min_size=1, max_size=4))
def test_identical_text_has_zero_hter(segments: list[str]) -> None:
    m = compute_metrics(segments, segments)
    nonempty = [s for s in m.segments if s.edited_words]
    assert all(s.hter == 0.0 and s.words_changed == 0 for s in nonempty)
    assert m.words_changed == 0


def test_hter_tracks_the_mlqe_pe_data_set() -> None:
    folder = shared_path("mlqe-pe-ru-en")
    n = 300
    mt = (folder / "test20.mt").read_text(encoding="utf-8").split("\n")[:n]
    pe = (folder / "test20.pe").read_text(encoding="utf-8").split("\n")[:n]
    gold = [float(x) for x in (folder / "test20.hter").read_text().split()[:n]]
    ours = [s.hter for s in compute_metrics(mt, pe).segments]
    # The data set's HTER is case-insensitive (tercom); ours counts case edits.
    assert statistics.correlation(ours, gold) > 0.9
    assert abs(statistics.mean(ours) - statistics.mean(gold)) < 0.05
    assert sum(abs(a - b) < 1e-3 for a, b in zip(ours, gold, strict=True)) > 0.85 * n
