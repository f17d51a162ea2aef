"""Themes (system, light, dark, high contrast) and colours derived from a palette.

Highlights used to set a pale background and leave the text colour to the
palette: on a dark desktop that gave light text on pale pink. Every colour the
window paints is now derived here from the palette it is painted on, and
nudged until it meets WCAG AA (4.5:1 for text, 3:1 for marks), so a test can
measure every check's format in every palette.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from app.core.checks.base import CheckCategory
from app.core.model.issues import Severity
from app.ui.settings import THEME_NAMES

THEMES = THEME_NAMES
TEXT_CONTRAST = 4.5  # WCAG AA, normal text
MARK_CONTRAST = 3.0  # WCAG AA, non-text (underlines, ticks)

# One hue per category of check; the tint on a given palette is derived from it.
CATEGORY_HUES: dict[CheckCategory, str] = {
    CheckCategory.GLOSSARY: "#e03030",
    CheckCategory.NAMES: "#c040e0",
    CheckCategory.NUMBERS: "#2090e0",
    CheckCategory.LANGUAGE: "#e0c000",
    CheckCategory.COMPLETENESS: "#30b030",
    CheckCategory.TYPOGRAPHY: "#ff7a00",  # spacing: a strong orange, never a grey
    CheckCategory.MEANING: "#e08040",
}
FALLBACK_HUE = "#e08040"
SEVERITY_HUES: dict[Severity, str] = {
    Severity.ERROR: "#c00000",
    Severity.WARNING: "#b06000",
    Severity.INFO: "#2060c0",
}
SEVERITY_SYMBOLS: dict[Severity, str] = {  # severity never by colour alone
    Severity.ERROR: "✖",
    Severity.WARNING: "▲",
    Severity.INFO: "ℹ",
}


# -- WCAG arithmetic -------------------------------------------------------------------------


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG 2.x relative luminance of an opaque colour."""
    return (
        0.2126 * _channel(colour.redF())
        + 0.7152 * _channel(colour.greenF())
        + 0.0722 * _channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: QColor, b: QColor, share_of_a: float) -> QColor:
    t = max(0.0, min(1.0, share_of_a))
    return QColor.fromRgbF(
        a.redF() * t + b.redF() * (1 - t),
        a.greenF() * t + b.greenF() * (1 - t),
        a.blueF() * t + b.blueF() * (1 - t),
    )


def is_dark(palette: QPalette) -> bool:
    return luminance(palette.color(QPalette.ColorRole.Base)) < 0.2


def readable_on(background: QColor, preferred: QColor, minimum: float = TEXT_CONTRAST) -> QColor:
    """`preferred` if it reaches `minimum` against `background`, else the nearest
    colour towards black or white (whichever contrasts more) that does."""
    if contrast(preferred, background) >= minimum:
        return QColor(preferred)
    black, white = QColor("#000000"), QColor("#ffffff")
    extreme = black if contrast(black, background) >= contrast(white, background) else white
    for step in range(1, 21):
        candidate = mix(extreme, preferred, step / 20)
        if contrast(candidate, background) >= minimum:
            return candidate
    return extreme


# -- colours on a palette --------------------------------------------------------------------


def tint(hue: str, palette: QPalette, strong: bool = False) -> QColor:
    """A category's highlight background on `palette`: the hue blended into the base.
    `strong` for spans that are mostly blank (a space before a full stop), where
    the background is all there is to see."""
    base = palette.color(QPalette.ColorRole.Base)
    share = 0.45 if is_dark(palette) else 0.32
    if luminance(base) < 0.01:
        share = 0.55  # high contrast: stronger tints
    if strong:
        share = min(0.85, share + 0.3)
    return mix(QColor(hue), base, share)


def text_on(background: QColor, palette: QPalette) -> QColor:
    """The palette's text colour, or a stronger one, readable on `background`."""
    return readable_on(background, palette.color(QPalette.ColorRole.Text))


def severity_colour(severity: Severity, palette: QPalette, background: QColor | None = None,
                    minimum: float = TEXT_CONTRAST) -> QColor:  # fmt: skip
    """Severity colour readable on `background` (the palette's base by default)."""
    back = background if background is not None else palette.color(QPalette.ColorRole.Base)
    hue = QColor(SEVERITY_HUES[severity])
    if is_dark(palette):
        hue = mix(QColor("#ffffff"), hue, 0.45)
    return readable_on(back, hue, minimum)


def current_palette() -> QPalette:
    return QGuiApplication.palette()


# -- palettes --------------------------------------------------------------------------------


def _palette(window: str, base: str, text: str, alt: str, button: str, highlight: str,
             highlighted_text: str, link: str, disabled: str) -> QPalette:  # fmt: skip
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for r, c in (
        (role.Window, window), (role.WindowText, text), (role.Base, base),
        (role.AlternateBase, alt), (role.Text, text), (role.Button, button),
        (role.ButtonText, text), (role.ToolTipBase, base), (role.ToolTipText, text),
        (role.PlaceholderText, disabled), (role.Highlight, highlight),
        (role.HighlightedText, highlighted_text), (role.Link, link), (role.BrightText, "#ff4040"),
    ):  # fmt: skip
        p.setColor(r, QColor(c))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor(disabled))
    return p


def light_palette() -> QPalette:
    return _palette("#efefef", "#ffffff", "#111111", "#f5f5f5", "#e6e6e6", "#2a6fc9",
                    "#ffffff", "#1a56a8", "#6e6e6e")  # fmt: skip


def dark_palette() -> QPalette:
    return _palette("#2b2b2b", "#1e1e1e", "#e8e8e8", "#262626", "#353535", "#3d7fd6",
                    "#ffffff", "#8ab4f8", "#9a9a9a")  # fmt: skip


def high_contrast_palette() -> QPalette:
    return _palette("#000000", "#000000", "#ffffff", "#101010", "#000000", "#ffff00",
                    "#000000", "#00ffff", "#c0c0c0")  # fmt: skip


def palette_for(theme: str) -> QPalette | None:
    """The palette of a theme; None for "system" (the desktop's own)."""
    return {
        "light": light_palette,
        "dark": dark_palette,
        "high-contrast": high_contrast_palette,
    }.get(theme, lambda: None)()


_system: dict[str, object] = {}


def apply_theme(theme: str, app: QApplication | None = None) -> None:
    """Set the application palette (and Fusion, which honours it) for `theme`."""
    instance = app if app is not None else QCoreApplication.instance()
    if not isinstance(instance, QApplication):
        return
    palette = palette_for(theme)
    if palette is None and "palette" not in _system:
        return  # nothing changed yet: the desktop's own style and palette are in place
    if "palette" not in _system:  # the desktop's, kept before the first theme replaces them
        _system["palette"] = QPalette(instance.palette())
        _system["style"] = instance.style().name()
    if palette is None:
        style = str(_system["style"])
        if instance.style().name() != style:
            instance.setStyle(QStyleFactory.create(style))
        saved = _system["palette"]
        assert isinstance(saved, QPalette)
        instance.setPalette(saved)
        return
    if instance.style().name().lower() != "fusion":
        instance.setStyle(QStyleFactory.create("Fusion"))
    instance.setPalette(palette)
