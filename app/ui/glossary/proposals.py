"""From the editor's corrections to proposed glossary entries, shown without a modal.

After an edit or an applied fix settles (debounced: a half-typed name proposes
nothing), each changed pair's MT target is compared with its edited target by
app.core.review.corrections.propose_entries. Proposals wait in an info bar above the grid:
"Add to glossary: Марко Рубіо → Marco Rubio (rejects Mark Rubio)" [Add…] [Dismiss].
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.glossary.model import Glossary
from app.ui.controller import ReviewController
from app.ui.theme import current_palette, mix, text_on, tint

if TYPE_CHECKING:  # corrections (and difflib) load with the first edit that settles
    from app.core.review.corrections import ProposedEntry

PROPOSE_DELAY_MS = 600


class MessageBar(QFrame):
    """A one-line message with a few buttons, above the grid; hidden when empty."""

    def __init__(self, parent: QWidget | None = None, tone: str = "info") -> None:
        super().__init__(parent)
        self._hue = {"info": "#2060c0", "error": "#c00000"}[tone]
        self.setObjectName("messageBar")
        self._paint()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        self.setVisible(False)

    def _paint(self, palette: QPalette | None = None) -> None:
        """Tint, border and text from the application's palette: readable in every theme.
        (Not this widget's palette: the style sheet changes it, which would repaint
        again.)"""
        pal = palette if palette is not None else current_palette()
        back = tint(self._hue, pal)
        border = mix(QColor(self._hue), back, 0.5)
        text = text_on(back, pal)
        sheet = (
            f"QFrame#messageBar {{ background: {back.name()}; border: 1px solid "
            f"{border.name()}; border-radius: 3px; }} "
            f"QFrame#messageBar > QLabel {{ color: {text.name()}; }}"
        )
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._paint()

    def show_message(self, text: str, buttons: Sequence[tuple[str, Callable[[], object]]]) -> None:
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for label, callback in buttons:
            button = QPushButton(label)
            button.clicked.connect(lambda _c=False, cb=callback: cb())
            self._layout.addWidget(button)
            self.buttons.append(button)
        self.label.setText(text)
        self.setVisible(True)

    def clear(self) -> None:
        self.label.clear()
        self.setVisible(False)

    def button(self, label: str) -> QPushButton:
        for button in self.buttons:
            if button.text().replace("&", "") == label:
                return button
        raise KeyError(label)


def describe(proposal: ProposedEntry) -> str:
    text = QCoreApplication.translate("Proposals", "Add to glossary: {source} → {target}").format(
        source=proposal.source, target=proposal.target
    )
    if proposal.forbidden:
        text += QCoreApplication.translate("Proposals", " (rejects {forms})").format(
            forms=" | ".join(proposal.forbidden)
        )
    return text


def known(proposal: ProposedEntry, glossary: Glossary | None) -> bool:
    """The glossary already has this source with this rendering (and its rejections)."""
    entry = glossary.find(proposal.source) if glossary is not None else None
    return (
        entry is not None
        and proposal.target in entry.targets
        and set(proposal.forbidden) <= set(entry.forbidden)
    )


class Proposals(QObject):
    """Proposals per edited pair, newest correction state only, minus dismissed ones."""

    changed = Signal()

    def __init__(
        self,
        controller: ReviewController,
        glossary: Callable[[], Glossary | None],
        author: Callable[[], str],
    ) -> None:
        super().__init__(controller)
        self.controller = controller
        self.glossary = glossary
        self.author = author
        self.by_pair: dict[int, list[ProposedEntry]] = {}
        self.dismissed: set[tuple[str, str, tuple[str, ...]]] = set()
        self._waiting: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PROPOSE_DELAY_MS)
        self._timer.timeout.connect(self.update)
        controller.targets_written.connect(self._on_written)
        controller.loaded.connect(self.reset)

    def reset(self) -> None:
        self.by_pair.clear()
        self._waiting.clear()
        self.changed.emit()

    def _on_written(self, indices: list[int], _kind: str) -> None:
        # Every kind, undo included: a proposal follows the pair's current correction.
        self._waiting.update(indices)
        self._timer.start()

    def update(self) -> None:
        """Propose from every pair that changed since the last call."""
        from app.core.review.corrections import propose_entries

        review = self.controller.review
        if review is None:
            return
        glossary = self.glossary()
        today = date.today().isoformat()
        for i in sorted(self._waiting):
            if not 0 <= i < len(review):
                continue
            found = propose_entries(
                review.original[i].source, review.original_target(i), review.target(i),
                review.source_lang, glossary, self.author(), today,
            )  # fmt: skip
            self.by_pair[i] = found
        self._waiting.clear()
        self.changed.emit()

    def pending(self) -> list[ProposedEntry]:
        """Open proposals in article order, each once; known and dismissed ones left out."""
        glossary = self.glossary()
        out: list[ProposedEntry] = []
        seen: set[tuple[str, str, tuple[str, ...]]] = set()
        for i in sorted(self.by_pair):
            for p in self.by_pair[i]:
                key = (p.source, p.target, p.forbidden)
                if key in seen or key in self.dismissed or known(p, glossary):
                    continue
                seen.add(key)
                out.append(p)
        return out

    def dismiss(self, proposal: ProposedEntry) -> None:
        self.dismissed.add((proposal.source, proposal.target, proposal.forbidden))
        self.changed.emit()


def default_author(stored: object) -> str:
    """The editor's name: the one kept in settings, else the login name."""
    if isinstance(stored, str) and stored.strip():
        return stored.strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""
