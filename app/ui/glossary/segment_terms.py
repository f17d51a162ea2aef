"""The glossary terms of the current segment, at the top of the glossary pane: each
with its status in the translation (approved rendering used, a forbidden one used,
or missing), so the editor sees the terms that matter now without searching. A key
(Ctrl+Shift+T) inserts the chosen term's approved rendering at the text cursor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.core.glossary.matcher import GlossaryIndex
from app.core.glossary.model import GlossaryEntry
from app.core.model.document import Pair

TERM_ROLE = Qt.ItemDataRole.UserRole + 2
OK, FORBIDDEN, MISSING = "ok", "forbidden", "missing"


@dataclass(frozen=True)
class SegmentTerm:
    entry: GlossaryEntry
    source_text: str  # as it occurs in the source (an inflected form)
    status: str  # OK, FORBIDDEN or MISSING

    @property
    def rendering(self) -> str:
        return self.entry.targets[0] if self.entry.targets else ""


def terms_of(index: GlossaryIndex, pair: Pair) -> list[SegmentTerm]:
    """The entries whose source term occurs in the pair's source, in source order,
    each once; terms to fix (forbidden, then missing) first."""
    hits = index.target_hits(pair.target)
    found: dict[str, SegmentTerm] = {}
    for match in index.source_matches(pair.source):
        if match.entry.key in found:
            continue
        kinds = {h.kind for h in index.entry_target_matches(match.entry, hits)}
        status = FORBIDDEN if "forbidden" in kinds else OK if "approved" in kinds else MISSING
        found[match.entry.key] = SegmentTerm(match.entry, match.text, status)
    order = {FORBIDDEN: 0, MISSING: 1, OK: 2}
    return sorted(found.values(), key=lambda t: order[t.status])


class SegmentTerms(QWidget):
    """A short list: the current segment's terms and their status."""

    insert_requested = Signal(str)  # a rendering to insert at the cursor

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Glossary terms of the current segment"))
        self.list.setAccessibleDescription(
            self.tr("Each term with its status; Ctrl+Shift+T inserts the selected rendering")
        )
        self.list.setMaximumHeight(self.fontMetrics().height() * 7)
        self.list.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.list)
        self.terms: list[SegmentTerm] = []
        self.show_terms(None, [])

    def show_terms(self, segment: int | None, terms: Sequence[SegmentTerm]) -> None:
        self.terms = list(terms)
        self.list.clear()
        if segment is None:
            self.label.setText(self.tr("Put the cursor in a segment to see its terms."))
            return
        self.label.setText(
            self.tr("Segment {n}: {count} term(s) · Ctrl+Shift+T inserts the selected one").format(
                n=segment + 1, count=len(terms)
            )
        )
        marks = {
            OK: self.tr("✓ used"),
            FORBIDDEN: self.tr("✗ forbidden rendering used"),
            MISSING: self.tr("… not in the translation"),
        }
        for term in terms:
            item = QListWidgetItem(f"{term.source_text} → {term.rendering}   {marks[term.status]}")
            item.setData(TERM_ROLE, term)
            item.setToolTip("\n".join(x for x in (item.text(), term.entry.note) if x))
            self.list.addItem(item)
        if terms:
            self.list.setCurrentRow(0)

    def current_term(self) -> SegmentTerm | None:
        item = self.list.currentItem()
        term = item.data(TERM_ROLE) if item is not None else None
        return term if isinstance(term, SegmentTerm) else None

    def _activated(self, item: QListWidgetItem) -> None:
        term = item.data(TERM_ROLE)
        if isinstance(term, SegmentTerm) and term.rendering:
            self.insert_requested.emit(term.rendering)
