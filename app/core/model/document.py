"""The format-neutral text model: documents read from files and the aligned pairs."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """Text read from one file, line endings normalised to "\\n".

    `paragraphs` are the non-empty paragraphs in reading order; everything the
    checks see comes from them, so offsets stay stable whatever the file format.
    """

    text: str
    paragraphs: tuple[str, ...]
    path: str | None = None
    encoding: str = "utf-8"
    format: str = "txt"


@dataclass(frozen=True)
class Pair:
    """One aligned unit: source sentence(s) and the target sentence(s) they became.

    Either side may be empty (a sentence the MT dropped or added). `paragraph` is
    the index of the source paragraph the pair belongs to, so an export can rebuild
    the article's paragraphs.
    """

    index: int
    source: str
    target: str
    paragraph: int = 0
    notes: tuple[str, ...] = field(default=())

    def with_target(self, target: str) -> Pair:
        return Pair(self.index, self.source, target, self.paragraph, self.notes)
