"""A review in progress (the name DESIGN.md uses): the model and its file, in one import."""

from __future__ import annotations

from app.core.review import EDIT_KINDS, HistoryEntry, Review, utc_now
from app.core.review_io import EXTENSION, changed_on_disk, load_review, save_review

__all__ = [
    "EDIT_KINDS",
    "EXTENSION",
    "HistoryEntry",
    "Review",
    "changed_on_disk",
    "load_review",
    "save_review",
    "utc_now",
]
