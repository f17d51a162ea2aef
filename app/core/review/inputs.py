"""Which dropped file is the source, the translation, the glossary."""

from __future__ import annotations

from collections.abc import Sequence

from app.core.files.readers import read_document
from app.core.glossary.formats import is_glossary_path
from app.core.model.errors import VersoError
from app.core.text.language import detect_language


def classify_dropped(paths: Sequence[str]) -> tuple[str, str, str | None] | str:
    """(source, target, glossary) or a message saying what to drop instead.

    The article not in English is the source; with two English (or two
    non-English) files the first dropped is the source.
    """
    glossaries = [p for p in paths if is_glossary_path(p)]
    articles = [p for p in paths if p not in glossaries]
    if len(articles) != 2 or len(glossaries) > 1:
        return "Drop two articles (the source and its translation), and optionally a glossary."
    langs: list[str] = []
    for path in articles:
        try:
            langs.append(detect_language(read_document(path).text[:4000]))
        except VersoError as exc:
            return str(exc)
    source, target = articles
    if langs[0] == "en" and langs[1] != "en":
        source, target = target, source
    return source, target, glossaries[0] if glossaries else None
