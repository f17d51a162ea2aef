"""resources/: the icon in every size, a valid desktop entry and metainfo, the starter glossary."""

from __future__ import annotations

import configparser

from lxml import etree

from app.assets import ICON_SIZES, icon_files, resource
from tests.conftest import SEEDS


def test_icon_pngs_are_the_sizes_they_say() -> None:
    from PySide6.QtGui import QImage

    for size in ICON_SIZES:
        image = QImage(str(resource("icons", f"verso-{size}.png")))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
    assert all(icon.is_file() for icon in icon_files())


def test_the_desktop_entry_runs_verso_with_its_icon() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(resource("desktop", "org.verso.Verso.desktop").read_text(encoding="utf-8"))
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Exec"].split()[0] == "verso"
    assert entry["Icon"] == "org.verso.Verso" and entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")


def test_the_metainfo_names_the_desktop_entry() -> None:
    tree = etree.fromstring(resource("desktop", "org.verso.Verso.metainfo.xml").read_bytes())
    assert tree.findtext("id") == "org.verso.Verso"
    assert tree.findtext("launchable") == "org.verso.Verso.desktop"
    assert tree.find("provides/binary").text == "verso"  # type: ignore[union-attr]


def test_the_starter_glossary_is_the_sample_glossary() -> None:
    starter = resource("glossary", "starter.tsv").read_bytes()
    assert starter == (SEEDS / "glossary.tsv").read_bytes()


def test_the_window_icon_has_every_size(qapp: object) -> None:
    from app.ui.app import window_icon

    sizes = {(s.width(), s.height()) for s in window_icon().availableSizes()}
    assert sizes == {(size, size) for size in ICON_SIZES}
