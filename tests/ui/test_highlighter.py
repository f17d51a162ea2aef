"""The window takes check labels and colours from the registry (one colour a category)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from app.core.checks.base import CheckCategory
from app.core.checks.registry import CHECK_CLASSES, OPTIONAL_CHECK_CLASSES
from app.ui.highlighter import CATEGORY_COLOURS, FALLBACK_COLOUR, colour_for, label_for
from app.ui.legend import Legend


def test_labels_and_colours_come_from_the_registry() -> None:
    assert set(CATEGORY_COLOURS) == set(CheckCategory)
    for cls in CHECK_CLASSES + OPTIONAL_CHECK_CLASSES:
        assert label_for(cls.id) == cls.label
        assert colour_for(cls.id) == QColor(CATEGORY_COLOURS[cls.category])
    assert label_for("made-up") == "made-up"
    assert colour_for("made-up") == QColor(FALLBACK_COLOUR)


def test_legend_shows_registered_labels_first(qtbot: QtBot) -> None:
    legend = Legend()
    qtbot.addWidget(legend)
    legend.set_checks(["made-up", "spacing-punctuation", "glossary-forbidden"])
    assert [label.text() for label in legend.labels] == [
        "Rejected term", "Spacing / punctuation", "made-up",
    ]  # fmt: skip
    assert CATEGORY_COLOURS[CheckCategory.GLOSSARY] in legend.labels[0].styleSheet()
