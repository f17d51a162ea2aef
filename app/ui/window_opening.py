"""Opening articles in the window: File > Open, Open Recent, dropped files, and
what the status bar and the error dialog say while an input opens or fails.

The window keeps its one-line `open_*` methods (the public face tests and the
command line use); the bookkeeping behind them lives here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMenu, QStatusBar

from app.core.glossary.backend import is_url
from app.core.review.inputs import InputSpec, classify_dropped
from app.ui.context import WindowContext
from app.ui.dialogs import ask_pair
from app.ui.file_ops import FileOps


class WindowOpening(QObject):
    """Remembers what is being opened so a pair joins Open Recent only once it opened,
    and a failure names the file at fault."""

    def __init__(
        self,
        ctx: WindowContext,
        files: FileOps,
        recent_menu: QMenu,
        empty_hint: QLabel,
        status_bar: QStatusBar,
    ) -> None:
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.files = files
        self.recent_menu = recent_menu
        self.empty_hint = empty_hint
        self.status_bar = status_bar
        self.opening: InputSpec | None = None  # what is being opened (for Open Recent)
        self._idle_hint = ""

    def open_input(self, spec: InputSpec) -> None:
        """Open any input; an article pair goes into Open Recent once it opened."""
        self.opening = spec
        self.files.open_input(spec)
        if len(spec.paths) == 2:
            self.ctx.settings.set_last_dir(str(Path(spec.paths[0]).resolve().parent))

    def open_dialog(self) -> None:
        settings = self.ctx.settings
        chosen = ask_pair(self.ctx.parent, settings.last_dir(), settings.last_glossary())
        if chosen is not None:
            source, target, glossary = chosen
            self.open_input(InputSpec((source, target), glossary))

    def open_dropped(self, paths: Sequence[str]) -> None:
        result = classify_dropped(paths)
        if isinstance(result, str):
            self.ctx.ask.error(self.tr("Open"), result)
            return
        self.open_input(result)

    def remember_opened(self) -> None:
        """The input opened: an article pair joins Open Recent (failed ones never do)."""
        spec, self.opening = self.opening, None
        if spec is None or len(spec.paths) != 2 or self.ctx.controller.review is None:
            return
        source, target = spec.paths
        self.ctx.settings.add_recent(source, target, spec.glossary)
        if spec.glossary:
            self.ctx.settings.set_last_glossary(str(Path(spec.glossary).resolve()))
        self.rebuild_recent()

    def rebuild_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = self.ctx.settings.recent()
        names = [(Path(s).name, Path(t).name) for s, t, _g in recent]
        for (source, target, glossary), pair in zip(recent, names, strict=True):
            label = f"{pair[0]}  +  {pair[1]}"
            if names.count(pair) > 1:  # the same article twice: say what differs
                label += f"  ({Path(glossary).name if glossary else self.tr('no glossary')}"
                label += f", {Path(target).parent.name})"
            elif glossary:
                label += f"  ({Path(glossary).name})"
            action = menu.addAction(label)
            action.setToolTip(f"{source}\n{target}\n{glossary}")
            action.triggered.connect(
                lambda _c=False, s=source, t=target, g=glossary: self.open_input(
                    InputSpec((s, t), g or None)
                )
            )
        menu.setEnabled(not menu.isEmpty())

    def on_loading(self) -> None:
        """An article is opening: say so at once (the window's progress bar follows
        after a delay, so short work does not flicker)."""
        self._idle_hint = self._idle_hint or self.empty_hint.text()
        self.empty_hint.setText(self.tr("Loading the article and glossary, then checking…"))
        self.status_bar.showMessage(self.tr("Loading and checking…"))

    def on_failed(self, message: str) -> None:
        self.status_bar.clearMessage()
        if self._idle_hint:
            self.empty_hint.setText(self._idle_hint)
        spec, self.opening = self.opening, None
        title = "Verso"
        if spec is not None and len(spec.paths) == 2:
            title = self._which_file(spec, message) or title
            if spec.glossary and self.ctx.glossary.location is None:
                # The article failed, the glossary given with it still opens.
                g = spec.glossary
                self.ctx.glossary.set_path(g if is_url(g) else str(Path(g).resolve()))
        # The message is the CLI's, word for word; the title says which file is at fault.
        self.ctx.ask.error(title, message)

    def _which_file(self, spec: InputSpec, message: str) -> str | None:
        """"The source article cannot be used" or the translation's, from the message."""
        source, target = (str(p) for p in spec.paths)
        for path, title in (
            (source, self.tr("The source article cannot be used")),
            (target, self.tr("The translation cannot be used")),
        ):
            if any(message.startswith(form) for form in {path, str(Path(path).resolve())}):
                return title
        return None
