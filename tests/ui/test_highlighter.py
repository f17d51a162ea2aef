"""The window takes check labels from the registry and derives every highlight
colour from the palette: readable (WCAG AA) in the light, dark and high-contrast
themes, for every check and severity."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from app.core.checks.base import CheckCategory
from app.core.checks.registry import CHECK_CLASSES, OPTIONAL_CHECK_CLASSES
from app.core.model.issues import Severity
from app.ui.highlighter import (
    CATEGORY_COLOURS,
    UNDERLINE_STYLES,
    Span,
    char_format,
    colour_for,
    label_for,
    text_colour_for,
)
from app.ui.legend import Legend
from app.ui.theme import (
    contrast,
    dark_palette,
    high_contrast_palette,
    light_palette,
    luminance,
    severity_colour,
)

PALETTES = {"light": light_palette, "dark": dark_palette, "high-contrast": high_contrast_palette}
ALL_CHECKS = [cls.id for cls in CHECK_CLASSES + OPTIONAL_CHECK_CLASSES] + ["made-up"]


def test_wcag_arithmetic() -> None:
    assert luminance(QColor("#ffffff")) == pytest.approx(1.0)
    assert luminance(QColor("#000000")) == pytest.approx(0.0)
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


def test_labels_come_from_the_registry() -> None:
    assert set(CATEGORY_COLOURS) == set(CheckCategory)
    for cls in CHECK_CLASSES + OPTIONAL_CHECK_CLASSES:
        assert label_for(cls.id) == cls.label
    assert label_for("made-up") == "made-up"


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_every_format_is_readable_in_every_palette(name: str) -> None:
    palette = PALETTES[name]()
    base = palette.color(QPalette.ColorRole.Base)
    for check in ALL_CHECKS:
        for severity in Severity:
            fmt = char_format(Span(0, 3, check, severity), palette)
            back = fmt.background().color()
            fore = fmt.foreground().color()
            assert contrast(fore, back) >= 4.5, (name, check, severity, fore.name(), back.name())
            # The highlight shows against the page, and its underline against the highlight.
            assert back != base
            assert contrast(fmt.underlineColor(), back) >= 3.0, (name, check, severity)
            assert fmt.underlineStyle() == UNDERLINE_STYLES[severity]
        assert text_colour_for(check, palette) == char_format(
            Span(0, 1, check, Severity.INFO), palette
        ).foreground().color()
    for severity in Severity:  # severity text in the issue list
        assert contrast(severity_colour(severity, palette), base) >= 4.5, (name, severity)


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_spacing_is_clearly_visible(name: str) -> None:
    """A spacing span is mostly a blank: only its background shows, so it must stand
    out from the page (not the old pale grey)."""
    palette = PALETTES[name]()
    base = palette.color(QPalette.ColorRole.Base)
    back = colour_for("spacing-punctuation", palette)
    assert contrast(back, base) >= 1.6, (name, back.name())
    assert back.hsvSaturationF() > 0.2


def test_severity_not_by_colour_alone() -> None:
    assert len(set(UNDERLINE_STYLES.values())) == len(Severity)


def test_legend_shows_registered_labels_first(qtbot: QtBot) -> None:
    legend = Legend()
    qtbot.addWidget(legend)
    legend.set_checks(["made-up", "spacing-punctuation", "glossary-forbidden"])
    assert [label.text() for label in legend.labels] == [
        "Rejected term", "Spacing / punctuation", "made-up",
    ]  # fmt: skip
    sheet = legend.labels[0].styleSheet()
    assert colour_for("glossary-forbidden").name() in sheet
    assert text_colour_for("glossary-forbidden").name() in sheet


@given(
    base=st.tuples(*[st.integers(0, 255)] * 3),
    text=st.tuples(*[st.integers(0, 255)] * 3),
)
@settings(max_examples=60, deadline=None)
def test_any_system_palette_stays_readable(
    base: tuple[int, int, int], text: tuple[int, int, int]
) -> None:
    """Whatever the desktop's palette ("system" theme), every highlight reaches AA."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor(*base))
    palette.setColor(QPalette.ColorRole.Text, QColor(*text))
    for check in ALL_CHECKS:
        for severity in Severity:
            fmt = char_format(Span(0, 1, check, severity), palette)
            assert contrast(fmt.foreground().color(), fmt.background().color()) >= 4.5


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_message_bars_are_readable(qtbot: QtBot, name: str) -> None:
    from app.ui.glossary.proposals import MessageBar

    for tone in ("info", "error"):
        bar = MessageBar(tone=tone)
        qtbot.addWidget(bar)
        bar._paint(PALETTES[name]())
        sheet = bar.styleSheet()
        back, text = (QColor(c) for c in re.findall(r"(?:background|color): (#[0-9a-f]{6})", sheet))
        assert contrast(text, back) >= 4.5, (name, tone, sheet)
