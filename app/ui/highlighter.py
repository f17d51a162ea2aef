"""Issue spans -> character formats. Maps results to colours and nothing else
(git-cola style): the spans come from app.core; this module never decides."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from app.core.model.issues import Severity

# Light tints keep black text readable; one colour per check family.
CHECK_COLOURS: dict[str, str] = {
    "glossary-forbidden": "#ffb3b3",
    "glossary-missing": "#ffd59e",
    "name-mismatch": "#f7b3ff",
    "name-inconsistent": "#d9c2ff",
    "name-unknown": "#d6ecff",
    "number-mismatch": "#b3e5ff",
    "untranslated": "#fff3a0",
    "omission": "#c8f0c0",
    "spacing-punctuation": "#e0e0e0",
}
FALLBACK_COLOUR = "#ffe0cc"
CHECK_LABELS: dict[str, str] = {
    "glossary-forbidden": "Rejected term",
    "glossary-missing": "Glossary term missing",
    "name-mismatch": "Name romanisation",
    "name-inconsistent": "Name inconsistent",
    "name-unknown": "Name not in glossary",
    "number-mismatch": "Number mismatch",
    "untranslated": "Untranslated",
    "omission": "Omission",
    "spacing-punctuation": "Spacing / punctuation",
}
SEVERITY_UNDERLINE: dict[Severity, str] = {
    Severity.ERROR: "#c00000",
    Severity.WARNING: "#c07000",
    Severity.INFO: "#2060c0",
}


def colour_for(check: str) -> QColor:
    return QColor(CHECK_COLOURS.get(check, FALLBACK_COLOUR))


def label_for(check: str) -> str:
    return CHECK_LABELS.get(check, check)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    check: str
    severity: Severity


def char_format(span: Span) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(colour_for(span.check))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(QColor(SEVERITY_UNDERLINE[span.severity]))
    return fmt


class SpanHighlighter(QSyntaxHighlighter):
    """Paints the given spans (offsets into the whole document) on every block."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._spans: list[Span] = []

    @property
    def spans(self) -> list[Span]:
        return list(self._spans)

    def set_spans(self, spans: Sequence[Span]) -> None:
        new = sorted(spans, key=lambda s: (s.start, -s.severity.rank))
        if new != self._spans:
            self._spans = new
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        block_start = self.currentBlock().position()
        block_end = block_start + len(text)
        for span in self._spans:
            start = max(span.start, block_start)
            end = min(span.end, block_end)
            if end > start:
                self.setFormat(start - block_start, end - start, char_format(span))
