"""What the window and the CLI need of a team glossary, whatever holds it.

Two stores satisfy `GlossaryBackend`: GlossaryStore (a shared file: lock, three-way
merge, atomic rename; store.py) and PgGlossaryStore (a PostgreSQL database: per-entry
merge under row locks, history, LISTEN/NOTIFY; pgstore.py). `open_store` picks one
from what the editor typed: a path, or a `postgresql://` URL. Checks never see a
store: they index the GlossaryVersion it holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from app.core.glossary.merge import Choice, Conflict
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.glossary.rows import Problem
from app.core.glossary.version import GlossaryVersion

if TYPE_CHECKING:  # the file store (lock, merge) only when a store is opened
    from app.core.glossary.store import SaveResult

URL_SCHEMES = ("postgresql://", "postgres://")


def is_url(location: str | Path | None) -> bool:
    """Does `location` name a database (a `postgresql://` URL) rather than a file?"""
    return isinstance(location, str) and location.strip().lower().startswith(URL_SCHEMES)


@runtime_checkable
class GlossaryBackend(Protocol):
    """A team glossary: load it, merge this editor's copy in, add, resolve conflicts."""

    glossary: Glossary
    problems: list[Problem]
    version: GlossaryVersion | None
    pending: dict[str, GlossaryEntry | None]

    @property
    def location(self) -> str:
        """What to show the editor (a path, or the URL without its password)."""
        ...

    def load(self) -> Glossary: ...

    def save(self, mine: Glossary | Sequence[GlossaryEntry], force: bool = False) -> SaveResult:
        ...

    def add(self, entry: GlossaryEntry, force: bool = False) -> SaveResult: ...

    def add_many(self, entries: Sequence[GlossaryEntry], force: bool = False) -> SaveResult:
        ...

    def resolve(
        self, conflict: Conflict, choice: Choice | GlossaryEntry | None, force: bool = False
    ) -> SaveResult: ...

    def close(self) -> None:
        """Let go of any connection (a file store holds none)."""
        ...




def open_store(location: str | Path, *, author: str | None = None) -> GlossaryBackend:
    """The store `location` names: a `postgresql://` URL or a glossary file path.

    author: who the history records for a database's changes (default: the OS user).
    """
    if is_url(location):
        from app.core.glossary.pgstore import PgGlossaryStore  # psycopg only when asked

        return PgGlossaryStore(str(location), author=author)
    from app.core.glossary.store import GlossaryStore

    return GlossaryStore(location)


def safe_location(location: str | Path) -> str:
    """What may be written to a file (settings, recent files, a review): a path as it
    is, a URL without its password."""
    if is_url(location):
        from app.core.glossary.pgconnect import redact, redact_loosely
        from app.core.model.errors import InputError

        try:
            return redact(str(location))
        except InputError:  # too broken to parse: still never keep what may be a password
            return redact_loosely(str(location))
    return str(location)


def read_version(location: str | Path) -> GlossaryVersion:
    """The glossary at `location` as checks use it: a file read once, or a database's
    entries as they are now (InputError, one line, when it cannot be reached)."""
    if not is_url(location):
        return GlossaryVersion.read(location)
    store = open_store(location)
    try:
        store.load()
    finally:
        store.close()
    assert store.version is not None
    return store.version


def read_glossary(location: str | Path) -> Glossary:
    """Every entry at `location` (file: GlossaryError when broken, as load_glossary)."""
    if not is_url(location):
        from app.core.glossary.io import load_glossary

        return load_glossary(location)
    store = open_store(location)
    try:
        return store.load()
    finally:
        store.close()


def write_glossary(glossary: Glossary, location: str | Path) -> int:
    """Write `glossary` to a file (replaced) or into a database (each entry added or
    replaced by the one with its source; other entries stay). Returns the entry count."""
    if not is_url(location):
        from app.core.glossary.io import save_glossary

        save_glossary(glossary, location)
        return len(glossary)
    store = open_store(location)
    try:
        store.load()
        mine = {e.key: e for e in store.glossary.entries}
        mine.update({e.key: e for e in glossary.entries})
        result = store.save(Glossary(list(mine.values()), list(glossary.extra_columns),
                                     None, glossary.source_lang, glossary.target_lang))
        return len(result.glossary)
    finally:
        store.close()
