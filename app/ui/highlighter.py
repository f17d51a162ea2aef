"""Issue spans -> character formats. Maps results to colours and nothing else
(git-cola style): the spans come from app.core; this module never decides."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from app.core.checks.base import Check, CheckCategory
from app.core.model.issues import Severity

# One tint per category of check (labels and categories come from the check registry).
CATEGORY_COLOURS: dict[CheckCategory, str] = {
    CheckCategory.GLOSSARY: "#ffb3b3",
    CheckCategory.NAMES: "#f7b3ff",
    CheckCategory.NUMBERS: "#b3e5ff",
    CheckCategory.LANGUAGE: "#fff3a0",
    CheckCategory.COMPLETENESS: "#c8f0c0",
    CheckCategory.TYPOGRAPHY: "#e0e0e0",
    CheckCategory.MEANING: "#ffe0cc",
}
FALLBACK_COLOUR = "#ffe0cc"  # an id no registered check has (a stand-in in a test)
SEVERITY_UNDERLINE: dict[Severity, str] = {
    Severity.ERROR: "#c00000",
    Severity.WARNING: "#c07000",
    Severity.INFO: "#2060c0",
}


def _registered(check: str) -> type[Check] | None:
    # Issues reach the window after a check ran, so the registry is loaded by then;
    # importing it here keeps the check modules out of the window's start-up.
    from app.core.checks.registry import check_class

    return check_class(check)


def colour_name(check: str) -> str:
    """The tint of a check id, through its registered category."""
    cls = _registered(check)
    return CATEGORY_COLOURS.get(cls.category, FALLBACK_COLOUR) if cls else FALLBACK_COLOUR


def colour_for(check: str) -> QColor:
    return QColor(colour_name(check))


def label_for(check: str) -> str:
    """The registered check's label; an unknown id shows as itself."""
    cls = _registered(check)
    return cls.label if cls is not None else check


def is_registered(check: str) -> bool:
    return _registered(check) is not None


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
