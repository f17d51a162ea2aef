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
from typing import Protocol, runtime_checkable

from app.core.glossary.merge import Choice, Conflict
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.glossary.rows import Problem
from app.core.glossary.store import GlossaryStore, SaveResult
from app.core.glossary.version import GlossaryVersion

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
    return GlossaryStore(location)
