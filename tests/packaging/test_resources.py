"""resources/: the icon in every size, a valid desktop entry and metainfo, the starter glossary."""

from __future__ import annotations

import configparser

from lxml import etree

from app.assets import ICON_SIZES, icon_files, resource
from tests.conftest import ROOT, SEEDS


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


def test_name_tables_and_length_models_are_data_files() -> None:
    """Issue 15: the name tables and length models live in resources/data/, read through
    importlib.resources, and say what the checks rely on."""
    from app.assets import data_table, data_words
    from app.core.checks import names_data, names_foreign, omission

    assert "київ" in names_data.UKRAINIAN_PLACES and "тарас" in names_data.UKRAINIAN_GIVEN_NAMES
    assert names_foreign.FOREIGN_GIVEN["марко"] == ("Marco",)
    assert names_foreign.MULTIWORD_PLACES[("біл", "церк")] == "Bila Tserkva"
    assert omission.MODELS[("uk", "en")].a == 0.2654
    assert data_words("names", "foreign-surnames.txt") == names_foreign.FOREIGN_SURNAMES
    assert data_table("names", "exonyms.tsv")["сша"][0] == "US"
    for path in (ROOT / "resources" / "data").rglob("*.*"):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("#"), f"{path.name} says what it holds in its first line"
