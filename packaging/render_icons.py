"""Render resources/icons/verso.svg to the PNG sizes desktops and installers ask for.

Run after editing the SVG: `python packaging/render_icons.py` (offscreen Qt is enough).
The PNGs are committed so that neither the wheel nor the window needs QtSvg at run time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def render(svg: Path, out_dir: Path, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """One verso-SIZE.png per size, transparent background, antialiased."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"error: {svg} is not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"verso-{size}.png"
        if not image.save(str(path)):
            raise SystemExit(f"error: could not write {path}")
        written.append(path)
    return written


if __name__ == "__main__":
    for made in render(ICONS / "verso.svg", ICONS):
        print(made)
