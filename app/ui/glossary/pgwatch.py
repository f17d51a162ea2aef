"""The window's ear on a glossary database: core's listener thread, heard on the UI thread.

GlossaryListener (app/core/glossary/pglisten.py) calls back on its own thread; these
signals are emitted there and, the receivers living on the UI thread, Qt queues them,
so GlossarySync reloads and the status bar changes on the UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.core.glossary.pglisten import GlossaryListener


class DatabaseWatch(QObject):
    """Tells when another editor saved (`changed`) and when the server left or came back."""

    changed = Signal()
    connection = Signal(bool, str)  # up, and why not

    def __init__(self, parent: QObject, url: str) -> None:
        super().__init__(parent)
        self.listener = GlossaryListener(url, self.changed.emit, self.connection.emit)
        self.listener.start()

    def stop(self) -> None:
        self.listener.stop()
