"""Post-editing metrics with sacrebleu: how much the editor had to change the MT.

HTER is sacrebleu's TER with the MT as hypothesis and the edited text as the
reference, case-sensitive (Kyiv vs kyiv is an edit), given as a fraction like
the HTER of published data sets (0.25 = one edit per four reference words).
chrF and BLEU are on sacrebleu's 0-100 scale. Sentence values come from
sentence_score, article values from corpus_score, so they equal sacrebleu's own.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from app.core.model.errors import InputError

if TYPE_CHECKING:  # sacrebleu loads on first use: it costs start-up time
    from sacrebleu.metrics.bleu import BLEU
    from sacrebleu.metrics.chrf import CHRF
    from sacrebleu.metrics.ter import TER


@dataclass(frozen=True)
class SegmentMetrics:
    index: int
    hter: float
    chrf: float
    bleu: float
    edits: int  # TER edits (insertions, deletions, substitutions, shifts)
    words_changed: int  # MT words replaced or deleted plus words inserted
    mt_words: int
    edited_words: int

    @property
    def changed(self) -> bool:
        return self.edits > 0


@dataclass(frozen=True)
class ArticleMetrics:
    hter: float
    chrf: float
    bleu: float
    edits: int
    words_changed: int
    mt_words: int
    edited_words: int
    segments_changed: int
    segments: tuple[SegmentMetrics, ...] = field(default=())
    seconds: float | None = None  # time spent in the review, when known

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["segments"] = [{**asdict(s), "changed": s.changed} for s in self.segments]
        data["segment_count"] = len(self.segments)
        return data


def _scorers() -> tuple[TER, CHRF, BLEU, BLEU]:
    from sacrebleu.metrics.bleu import BLEU
    from sacrebleu.metrics.chrf import CHRF
    from sacrebleu.metrics.ter import TER

    return (
        TER(case_sensitive=True),
        CHRF(),
        BLEU(effective_order=True, force=True),
        BLEU(force=True),
    )


def words_changed(mt: str, edited: str) -> int:
    """Words the editor touched: replaced or deleted MT words plus inserted ones."""
    a, b = mt.split(), edited.split()
    count = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "replace":
            count += max(i2 - i1, j2 - j1)
        elif tag == "delete":
            count += i2 - i1
        elif tag == "insert":
            count += j2 - j1
    return count


def segment_metrics(index: int, mt: str, edited: str) -> SegmentMetrics:
    ter, chrf, bleu, _ = _scorers()
    return _segment(index, mt, edited, ter, chrf, bleu)


def _segment(index: int, mt: str, edited: str, ter: TER, chrf: CHRF, bleu: BLEU) -> SegmentMetrics:
    t = ter.sentence_score(mt, [edited])
    return SegmentMetrics(
        index=index,
        hter=t.score / 100.0,
        chrf=chrf.sentence_score(mt, [edited]).score,
        bleu=bleu.sentence_score(mt, [edited]).score,
        edits=int(getattr(t, "num_edits", 0)),
        words_changed=words_changed(mt, edited),
        mt_words=len(mt.split()),
        edited_words=len(edited.split()),
    )


def compute_metrics(
    mt: Sequence[str], edited: Sequence[str], seconds: float | None = None
) -> ArticleMetrics:
    """Per-segment and article metrics of aligned MT and edited segments."""
    if len(mt) != len(edited):
        raise InputError(
            None,
            f"the MT has {len(mt)} segments but the edited text has {len(edited)}; "
            "they must be aligned one to one (same number of lines or paragraphs)",
        )
    if not mt:
        raise InputError(None, "there are no segments to measure")
    ter, chrf, bleu_sentence, bleu_corpus = _scorers()
    segments = tuple(
        _segment(i, m, e, ter, chrf, bleu_sentence)
        for i, (m, e) in enumerate(zip(mt, edited, strict=True))
    )
    hyps, refs = list(mt), [list(edited)]
    corpus_ter = ter.corpus_score(hyps, refs)
    return ArticleMetrics(
        hter=corpus_ter.score / 100.0,
        chrf=chrf.corpus_score(hyps, refs).score,
        bleu=bleu_corpus.corpus_score(hyps, refs).score,
        edits=sum(s.edits for s in segments),
        words_changed=sum(s.words_changed for s in segments),
        mt_words=sum(s.mt_words for s in segments),
        edited_words=sum(s.edited_words for s in segments),
        segments_changed=sum(1 for s in segments if s.changed),
        segments=segments,
        seconds=seconds,
    )


def format_text(metrics: ArticleMetrics, per_segment: bool = True) -> str:
    """A plain-text summary for the terminal."""
    lines = []
    if per_segment:
        lines.append(f"{'seg':>4}  {'HTER':>6}  {'chrF':>6}  {'BLEU':>6}  {'words changed':>13}")
        for s in metrics.segments:
            lines.append(
                f"{s.index:>4}  {s.hter:6.3f}  {s.chrf:6.1f}  {s.bleu:6.1f}  {s.words_changed:>13}"
            )
    lines.append(
        f"article: HTER {metrics.hter:.3f}  chrF {metrics.chrf:.1f}  BLEU {metrics.bleu:.1f}  "
        f"{metrics.words_changed} words changed of {metrics.mt_words}; "
        f"{metrics.segments_changed} of {len(metrics.segments)} segments edited"
    )
    if metrics.seconds is not None:
        lines.append(f"time in review: {metrics.seconds / 60:.1f} min")
    return "\n".join(lines) + "\n"
