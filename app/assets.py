"""The files that are not code (icon, desktop entry, starter glossary), wherever Verso runs.

They live in the top-level `resources/` folder of the repository; the build maps that folder
into the package as `app/resources` (pyproject.toml), so an installed Verso reads them through
importlib.resources, a checkout reads `resources/` beside `app/`, and a PyInstaller bundle
carries them as `app/resources` too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.core.model.errors import InputError

if TYPE_CHECKING:
    from importlib.abc import Traversable

STARTER_GLOSSARY = "starter"  # the name `--glossary starter` gives the bundled glossary
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def root() -> Traversable:
    """The resources folder: `app/resources` when installed, `resources/` in a checkout.
    Looked for on disk first: importlib.resources gives the same folder for a package on
    disk and costs every start ~15-25 ms to import; it is asked only for a package that
    is not on disk (a zip)."""
    here = Path(__file__).resolve().parent
    for folder in (here / "resources", here.parent / "resources"):
        if folder.is_dir():
            return folder
    from importlib import resources

    return resources.files("app").joinpath("resources")


def resource(*parts: str) -> Traversable:
    """One resource file by its path inside resources/ (e.g. "icons", "verso.svg")."""
    return root().joinpath(*parts)


def starter_glossary() -> Path:
    """The bundled starter glossary as a real file (the glossary code reads paths)."""
    found = resource("glossary", "starter.tsv")
    if not isinstance(found, Path) or not found.is_file():
        raise InputError(None, "the bundled starter glossary is missing from this installation")
    return found


def glossary_argument(value: str | None) -> str | None:
    """`--glossary starter` names the bundled glossary unless a file of that name exists."""
    if value == STARTER_GLOSSARY and not Path(value).exists():
        return str(starter_glossary())
    return value


def icon_files() -> list[Traversable]:
    """The icon in every rendered size, smallest first, then the SVG."""
    icons = [resource("icons", f"verso-{size}.png") for size in ICON_SIZES]
    return [*icons, resource("icons", "verso.svg")]


def data_lines(*parts: str) -> list[str]:
    """The lines of a data file under resources/data/, without blank and `#` lines."""
    text = resource("data", *parts).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def data_words(*parts: str) -> frozenset[str]:
    """A word list under resources/data/ (any whitespace between words)."""
    return frozenset(word for line in data_lines(*parts) for word in line.split())


def data_table(*parts: str) -> dict[str, tuple[str, ...]]:
    """A `key<TAB>value|value...` table under resources/data/, in file order."""
    table: dict[str, tuple[str, ...]] = {}
    for line in data_lines(*parts):
        key, _, values = line.partition("\t")
        table[key] = tuple(values.split("|")) if values else ()
    return table
