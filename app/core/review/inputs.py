"""The one way into a review: an article pair, a bilingual file or a saved review.

`open_input` is what every CLI command and the window call; `classify_dropped`
tells the window which dropped file is which. Reading, aligning and the checks'
languages are settled here, so all front ends see the same pairs.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core.files.bilingual import BILINGUAL_EXTENSIONS, is_bilingual_path, read_bilingual
from app.core.files.limits import foreign_path_refusal, refuse_irregular
from app.core.files.readers import ensure_checkable, ensure_segments_checkable, read_document
from app.core.glossary.backend import is_url
from app.core.glossary.formats import is_glossary_path
from app.core.model.document import Document
from app.core.model.errors import InputError, VersoError
from app.core.review.collections_pause import fewer_collections
from app.core.review.file import EXTENSION, load_review, read_json
from app.core.review.model import Review
from app.core.text.align import align_article
from app.core.text.language import detect_language

SINGLE_FILE_HELP = (
    "give both the source article and its translation, a .verso review, or a bilingual "
    f"file ({', '.join(sorted(BILINGUAL_EXTENSIONS))})"
)


def is_review_path(path: str | Path) -> bool:
    return Path(path).suffix.lower() == EXTENSION


def opens_alone(path: str | Path) -> bool:
    """A file that is a whole review by itself: a .verso review or a bilingual file."""
    return is_review_path(path) or is_bilingual_path(path)


@dataclass(frozen=True)
class InputSpec:
    """What to open: one file that opens alone, or (source, target); and a glossary."""

    paths: tuple[str, ...]
    glossary: str | None = None


def open_input(
    paths: Sequence[str | Path],
    *,
    glossary: str | Path | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
    use_stored_glossary: bool = True,
) -> Review:
    """A Review of any input; InputError (which file, why, what to do) otherwise.

    `glossary` replaces the one a saved review names; languages given override
    the detected (or recorded) ones. A review's stored glossary path came from
    elsewhere: a network path or a non-regular file there is refused (InputError),
    and `use_stored_glossary=False` drops it (the editor declined it).
    """
    if glossary is not None and os.path.exists(glossary):
        # a FIFO or device is refused before any article is read, and never stored
        refuse_irregular(glossary, os.stat(glossary).st_mode)
    if len(paths) == 1:
        path = paths[0]
        if is_review_path(path):
            review = load_review(path)
            if glossary is None and review.glossary_path is not None:
                _check_stored_glossary(str(path), review, use_stored_glossary)
            review.source_lang = source_lang or review.source_lang
            review.target_lang = target_lang or review.target_lang
        elif is_bilingual_path(path):
            review = open_bilingual(path, source_lang, target_lang)
        else:
            raise InputError(path, SINGLE_FILE_HELP)
    elif len(paths) == 2:
        for one in paths:
            if opens_alone(one):
                raise InputError(one, "opens by itself: give it alone, not beside another file")
        review = open_pair(paths[0], paths[1], source_lang, target_lang)
    else:
        raise InputError(None, f"{len(paths)} files given; {SINGLE_FILE_HELP}")
    if len(paths) == 1:  # an article pair went through ensure_checkable already
        _ensure_pairs_checkable(str(paths[0]), review)
    if glossary is not None:  # a postgresql:// URL is kept as given (backend.py)
        review.glossary_path = str(glossary) if is_url(glossary) else str(Path(glossary).resolve())
    return review


def _check_stored_glossary(path: str, review: Review, use: bool) -> None:
    stored = review.glossary_path
    if not use or stored is None:
        review.glossary_path = None
        return
    why = foreign_path_refusal(stored)
    if why is not None:
        raise InputError(
            stored,
            f"is the glossary the review {path} names, but Verso does not open it: {why}; "
            "pass --glossary FILE (or choose a glossary in the window)",
        )


def stored_glossary(path: str | Path) -> str | None:
    """The glossary path a .verso review names (None: none, or the file is unreadable:
    opening it says why)."""
    if not is_review_path(path):
        return None
    try:
        value = read_json(path).get("glossary")
    except VersoError:
        return None
    return value if isinstance(value, str) and value else None


def _ensure_pairs_checkable(path: str, review: Review) -> None:
    """The paragraph-length and count guard, for reviews and bilingual files too: every
    command (check, report, metrics, export, the window) refuses the same inputs."""
    for texts in (
        [p.source for p in review.original],
        [p.target for p in review.original],
        review.targets,
    ):
        ensure_segments_checkable(path, texts)


def open_pair(
    source_path: str | Path,
    target_path: str | Path,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> Review:
    """Read and align an article and its translation (languages detected when not given).

    With the check's collector thresholds: the pairs, paragraphs and units made here
    live on, and the default ones walk them hundreds of times (a 45 MB pair: 0.7 s of
    collections, 0.2 s with these)."""
    with fewer_collections():
        source = ensure_checkable(read_document(source_path))
        target = ensure_checkable(read_document(target_path))
        review = review_of_documents(source, target, source_lang, target_lang)
    review.source_path = str(Path(source_path).resolve())
    review.target_path = str(Path(target_path).resolve())
    return review


def review_of_documents(
    source: Document,
    target: Document,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> Review:
    """Align two read documents into a review (languages detected when not given)."""
    src_lang = source_lang or detect_language(source.text)
    tgt_lang = target_lang or detect_language(target.text)
    pairs = align_article(source.paragraphs, target.paragraphs, src_lang, tgt_lang)
    if not pairs:
        raise InputError(source.path, "holds no text to review")
    return Review(
        source_lang=src_lang,
        target_lang=tgt_lang,
        original=pairs,
        source_text=source.text,
        target_text=target.text,
        source_path=source.path,
        target_path=target.path,
    )


def open_bilingual(
    path: str | Path, source_lang: str | None = None, target_lang: str | None = None
) -> Review:
    """An XLIFF or TMX file as a review of its units (source, MT target, notes), read with
    the check's collector thresholds (as open_pair)."""
    with fewer_collections():
        doc = read_bilingual(path, source_lang, target_lang)
    src = doc.source_lang or detect_language(" ".join(p.source for p in doc.pairs))
    tgt = doc.target_lang or detect_language(" ".join(p.target for p in doc.pairs))
    resolved = str(Path(path).resolve())
    return Review.from_pairs(doc.pairs, src, tgt, source_path=resolved, target_path=resolved)


def apply_edited(review: Review, edited_path: str | Path) -> list[int]:
    """Take the editor's version of the translation from a file as the review's targets.

    A bilingual file gives its units' targets (same sources, same order); an article
    is aligned with the review's source and must split into the same segments.
    Returns the pairs that changed.
    """
    if is_bilingual_path(edited_path):
        units = read_bilingual(edited_path).pairs
        ensure_segments_checkable(str(edited_path), [p.target for p in units])
        if [p.source for p in units] != [p.source for p in review.original]:
            raise InputError(
                edited_path, "does not hold the same source units, in the same order"
            )
        targets = [p.target for p in units]
    else:
        document = ensure_checkable(read_document(edited_path))
        pairs = align_article(
            review.source_paragraphs(),
            document.paragraphs,
            review.source_lang,
            review.target_lang,
        )
        if [p.source for p in pairs] != [p.source for p in review.original]:
            raise InputError(
                edited_path,
                "does not align with the machine translation segment by segment; keep "
                "the MT's paragraphs (one edited paragraph for each MT paragraph)",
            )
        targets = [p.target for p in pairs]
    return review.set_targets(dict(enumerate(targets)), kind="edit")


def classify_dropped(paths: Sequence[str]) -> InputSpec | str:
    """What to open from dropped files, or a message saying what to drop instead.

    One review or bilingual file opens alone. Otherwise: two articles and at most one
    glossary; the article not in English is the source (with two English, or two
    non-English, files the first dropped is the source).
    """
    if len(paths) == 1 and opens_alone(paths[0]):
        return InputSpec((paths[0],))
    glossaries = [p for p in paths if is_glossary_path(p)]
    articles = [p for p in paths if p not in glossaries]
    if len(articles) != 2 or len(glossaries) > 1 or any(opens_alone(p) for p in articles):
        return (
            "Drop two articles (the source and its translation), and optionally a glossary; "
            "or one review (.verso) or bilingual file."
        )
    langs: list[str] = []
    for path in articles:
        try:
            langs.append(detect_language(read_document(path).text[:4000]))
        except VersoError as exc:
            return str(exc)
    source, target = articles
    if langs[0] == "en" and langs[1] != "en":
        source, target = target, source
    return InputSpec((source, target), glossaries[0] if glossaries else None)
