"""Issue spans -> character formats. Maps results to colours and nothing else
(git-cola style): the spans come from app.core; this module never decides.

Every format sets both its background and its text colour, derived from the
palette it is painted on (app.ui.theme), so a highlight stays readable in the
light, dark and high-contrast themes; severity shows in the underline's style
as well as its colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from app.core.checks.base import Check, CheckCategory
from app.core.model.issues import Severity
from app.ui.check_names import translated_label
from app.ui.theme import (
    CATEGORY_HUES,
    FALLBACK_HUE,
    MARK_CONTRAST,
    SEVERITY_HUES,
    current_palette,
    severity_colour,
    text_on,
    tint,
)

# The hue of each category; the tint depends on the palette it is painted on.
CATEGORY_COLOURS: dict[CheckCategory, str] = CATEGORY_HUES
FALLBACK_COLOUR = FALLBACK_HUE  # an id no registered check has (a stand-in in a test)
SEVERITY_UNDERLINE: dict[Severity, str] = SEVERITY_HUES
UNDERLINE_STYLES: dict[Severity, QTextCharFormat.UnderlineStyle] = {
    Severity.ERROR: QTextCharFormat.UnderlineStyle.WaveUnderline,
    Severity.WARNING: QTextCharFormat.UnderlineStyle.SingleUnderline,
    Severity.INFO: QTextCharFormat.UnderlineStyle.DotLine,
}


def _registered(check: str) -> type[Check] | None:
    # Issues reach the window after a check ran, so the registry is loaded by then;
    # importing it here keeps the check modules out of the window's start-up.
    from app.core.checks.registry import check_class

    return check_class(check)


def hue_name(check: str) -> str:
    """The hue of a check id, through its registered category."""
    cls = _registered(check)
    return CATEGORY_HUES.get(cls.category, FALLBACK_HUE) if cls else FALLBACK_HUE


def _mostly_blank(check: str) -> bool:
    cls = _registered(check)
    return cls is not None and cls.category is CheckCategory.TYPOGRAPHY


def colour_for(check: str, palette: QPalette | None = None) -> QColor:
    """The highlight background of a check on `palette` (the application's by default);
    spacing issues get a strong tint, since a blank shows nothing but its background."""
    pal = palette if palette is not None else current_palette()
    return tint(hue_name(check), pal, strong=_mostly_blank(check))


def text_colour_for(check: str, palette: QPalette | None = None) -> QColor:
    """The text colour to paint over `colour_for(check)`: at least 4.5:1 against it."""
    pal = palette if palette is not None else current_palette()
    return text_on(colour_for(check, pal), pal)


def colour_name(check: str, palette: QPalette | None = None) -> str:
    return colour_for(check, palette).name()


def label_for(check: str) -> str:
    """The registered check's label in the interface language; an unknown id shows
    as itself."""
    cls = _registered(check)
    return translated_label(cls.label) if cls is not None else check


def is_registered(check: str) -> bool:
    return _registered(check) is not None


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    check: str
    severity: Severity


def char_format(span: Span, palette: QPalette | None = None) -> QTextCharFormat:
    pal = palette if palette is not None else current_palette()
    background = colour_for(span.check, pal)
    fmt = QTextCharFormat()
    fmt.setBackground(background)
    fmt.setForeground(text_on(background, pal))
    fmt.setUnderlineStyle(UNDERLINE_STYLES[span.severity])
    fmt.setUnderlineColor(severity_colour(span.severity, pal, background, MARK_CONTRAST))
    return fmt


class SpanHighlighter(QSyntaxHighlighter):
    """Paints the given spans (offsets into the whole document) on every block."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._spans: list[Span] = []
        self.palette: QPalette | None = None  # None: the application's palette

    @property
    def spans(self) -> list[Span]:
        return list(self._spans)

    def set_spans(self, spans: Sequence[Span]) -> None:
        new = sorted(spans, key=lambda s: (s.start, -s.severity.rank))
        if new != self._spans:
            self._spans = new
            self.rehighlight()

    def set_palette(self, palette: QPalette | None) -> None:
        self.palette = palette
        if self._spans:
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        block_start = self.currentBlock().position()
        block_end = block_start + len(text)
        formats: dict[tuple[str, Severity], QTextCharFormat] = {}
        for span in self._spans:
            start = max(span.start, block_start)
            end = min(span.end, block_end)
            if end > start:
                key = (span.check, span.severity)
                if key not in formats:
                    formats[key] = char_format(span, self.palette)
                self.setFormat(start - block_start, end - start, formats[key])
