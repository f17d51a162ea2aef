"""Every QSettings key the window uses, declared once, with typed getters.

Keeping keys in one place (as Picard does) means a renamed key cannot leave a
stale reader behind, and tests can point the store at a temporary file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Verso"
APPLICATION = "Verso"

KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_SPLITTER = "window/splitter"
KEY_RECENT = "files/recent"
KEY_LAST_DIR = "files/last_dir"
KEY_LAST_GLOSSARY = "files/last_glossary"
KEY_AUTHOR = "glossary/author"  # written into the glossary entries this editor adds

MAX_RECENT = 8
RECENT_SEPARATOR = "\n"


class Settings:
    """Typed access to the window's persistent settings."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qs = settings if settings is not None else QSettings(ORGANIZATION, APPLICATION)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def geometry(self) -> QByteArray | None:
        return self._bytes(KEY_GEOMETRY)

    def set_geometry(self, data: QByteArray) -> None:
        self.qs.setValue(KEY_GEOMETRY, data)

    def window_state(self) -> QByteArray | None:
        return self._bytes(KEY_STATE)

    def set_window_state(self, data: QByteArray) -> None:
        self.qs.setValue(KEY_STATE, data)

    def splitter(self) -> QByteArray | None:
        return self._bytes(KEY_SPLITTER)

    def set_splitter(self, data: QByteArray) -> None:
        self.qs.setValue(KEY_SPLITTER, data)

    def recent(self) -> list[tuple[str, str, str]]:
        """Recent (source, target, glossary) triples, newest first; glossary may be ""."""
        raw = self.qs.value(KEY_RECENT, "")
        items: list[tuple[str, str, str]] = []
        for line in str(raw or "").split(RECENT_SEPARATOR):
            parts = line.split("\t")
            if len(parts) == 3 and parts[0] and parts[1]:
                items.append((parts[0], parts[1], parts[2]))
        return items

    def add_recent(self, source: str, target: str, glossary: str | None) -> None:
        """Remember absolute paths: Verso may be started from another folder next time."""
        entry = (
            str(Path(source).resolve()),
            str(Path(target).resolve()),
            str(Path(glossary).resolve()) if glossary else "",
        )
        items = [entry] + [i for i in self.recent() if i != entry]
        text = RECENT_SEPARATOR.join("\t".join(i) for i in items[:MAX_RECENT])
        self.qs.setValue(KEY_RECENT, text)

    def last_dir(self) -> str:
        return str(self.qs.value(KEY_LAST_DIR, "") or "")

    def set_last_dir(self, path: str) -> None:
        self.qs.setValue(KEY_LAST_DIR, path)

    def last_glossary(self) -> str:
        return str(self.qs.value(KEY_LAST_GLOSSARY, "") or "")

    def set_last_glossary(self, path: str) -> None:
        self.qs.setValue(KEY_LAST_GLOSSARY, path)

    def glossary_author(self) -> str:
        return str(self.qs.value(KEY_AUTHOR, "") or "")

    def sync(self) -> None:
        self.qs.sync()
