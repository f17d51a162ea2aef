"""Small Ukrainian/English article pair for review, autosave and export tests."""

from __future__ import annotations

from pathlib import Path

from app.core.review.inputs import open_input
from app.core.review.model import Review

UK = (
    "Держсекретар США Марко Рубіо заявив про продуктивні переговори в Женеві. "
    "Про це повідомляє Bloomberg.\n\n"
    "Деталі\n\n"
    "Президент Володимир Зеленський подякував Трампу. Київ підтримує мирний план.\n"
)
EN = (
    "U.S. Secretary of State Mark Rubio announced productive talks in Geneva. "
    "Bloomberg reported this.\n\n"
    "Details\n\n"
    "President Vladimir Zelensky thanked Trump. Kiev supports the peace plan.\n"
)


def write_pair(folder: Path) -> tuple[Path, Path]:
    source = folder / "article.uk.txt"
    target = folder / "article.en.txt"
    source.write_text(UK, encoding="utf-8")
    target.write_text(EN, encoding="utf-8")
    return source, target


def make_review(folder: Path) -> Review:
    source, target = write_pair(folder)
    return open_input([source, target], source_lang="uk", target_lang="en")


def pair_with(review: Review, needle: str) -> int:
    """Index of the first pair whose target holds `needle` (alignment may split sentences)."""
    for pair in review.pairs:
        if needle in pair.target:
            return pair.index
    raise AssertionError(f"{needle!r} is in no pair")
