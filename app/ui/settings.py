"""Every QSettings key the window uses, declared once, with typed getters.

Keeping keys in one place (as Picard does) means a renamed key cannot leave a
stale reader behind, and tests can point the store at a temporary file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from app.core.glossary.backend import is_url, safe_location

ORGANIZATION = "Verso"
APPLICATION = "Verso"

KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_SPLITTER = "window/splitter"
KEY_RECENT = "files/recent"
KEY_LAST_DIR = "files/last_dir"
KEY_LAST_GLOSSARY = "files/last_glossary"
KEY_AUTHOR = "glossary/author"  # written into the glossary entries this editor adds
KEY_DEFAULT_GLOSSARY = "glossary/default"  # followed when an input names no glossary
KEY_LANGUAGE = "ui/language"  # "system", "en" or "uk"
KEY_THEME = "ui/theme"  # one of app.ui.theme.THEMES
KEY_AUTOSAVE_SECONDS = "review/autosave_seconds"
KEY_MT_PROVIDER = "mt/provider"  # the provider's key lives in the OS keyring, never here
KEY_MT_URL = "mt/url"

LANGUAGES = ("system", "en", "uk")
THEME_NAMES = ("system", "light", "dark", "high-contrast")
DEFAULT_AUTOSAVE_SECONDS = 2
AUTOSAVE_RANGE = (1, 600)
DEFAULT_MT_PROVIDER = "google"

MAX_RECENT = 8
RECENT_SEPARATOR = "\n"



def _kept(glossary: str) -> str:
    """A glossary as settings keep it: a file's absolute path; a postgresql:// URL
    without its password (the password lives in the environment or the keyring)."""
    return safe_location(glossary) if is_url(glossary) else str(Path(glossary).resolve())

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
            _kept(glossary) if glossary else "",
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
        self.qs.setValue(KEY_LAST_GLOSSARY, safe_location(path) if path else path)

    def glossary_author(self) -> str:
        return str(self.qs.value(KEY_AUTHOR, "") or "")

    def set_glossary_author(self, name: str) -> None:
        self.qs.setValue(KEY_AUTHOR, name.strip())

    def default_glossary(self) -> str:
        return str(self.qs.value(KEY_DEFAULT_GLOSSARY, "") or "")

    def set_default_glossary(self, path: str) -> None:
        path = path.strip()
        self.qs.setValue(KEY_DEFAULT_GLOSSARY, safe_location(path) if path else path)

    def _choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = str(self.qs.value(key, choices[0]) or choices[0])
        return value if value in choices else choices[0]

    def language(self) -> str:
        """"system" (follow the locale), "en" or "uk"."""
        return self._choice(KEY_LANGUAGE, LANGUAGES)

    def set_language(self, language: str) -> None:
        self.qs.setValue(KEY_LANGUAGE, language if language in LANGUAGES else LANGUAGES[0])

    def theme(self) -> str:
        return self._choice(KEY_THEME, THEME_NAMES)

    def set_theme(self, theme: str) -> None:
        self.qs.setValue(KEY_THEME, theme if theme in THEME_NAMES else THEME_NAMES[0])

    def autosave_seconds(self) -> int:
        low, high = AUTOSAVE_RANGE
        try:
            value = int(str(self.qs.value(KEY_AUTOSAVE_SECONDS, DEFAULT_AUTOSAVE_SECONDS)))
        except ValueError:
            return DEFAULT_AUTOSAVE_SECONDS
        return max(low, min(high, value))

    def set_autosave_seconds(self, seconds: int) -> None:
        low, high = AUTOSAVE_RANGE
        self.qs.setValue(KEY_AUTOSAVE_SECONDS, max(low, min(high, int(seconds))))

    def mt_provider(self) -> str:
        return str(self.qs.value(KEY_MT_PROVIDER, DEFAULT_MT_PROVIDER) or DEFAULT_MT_PROVIDER)

    def set_mt_provider(self, name: str) -> None:
        self.qs.setValue(KEY_MT_PROVIDER, name)

    def mt_url(self) -> str:
        return str(self.qs.value(KEY_MT_URL, "") or "")

    def set_mt_url(self, url: str) -> None:
        self.qs.setValue(KEY_MT_URL, url.strip())

    def sync(self) -> None:
        self.qs.sync()
