"""The team glossary in PostgreSQL: per-entry merge under row locks, history, NOTIFY.

A save sends only the entries this editor changed since the version it read, each
with the version it was based on. In one transaction those rows are locked (SELECT
... FOR UPDATE, in key order so two saves never deadlock); an entry nobody else
touched since the base takes this editor's value; an entry someone changed to the
same content is left as theirs; one changed differently comes back as the very
Conflict the file store returns (merge.py), theirs kept (or mine if they deleted it).
A new key another session inserted meanwhile restarts the transaction. Every change
is recorded in verso_history, the revision is bumped and NOTIFY tells open windows
(pglisten.py). Nothing here is lost when the server goes away: the save raises
OutputError and the caller keeps its copy to save again.
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from app.core.glossary.merge import Choice, Conflict, by_key, same_content
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.glossary.pgconnect import ServerUnavailable, connect, describe, redact
from app.core.glossary.pgschema import (
    CHANNEL,
    COLUMNS,
    as_json,
    ensure_schema,
    entry_of,
    values,
)
from app.core.glossary.rows import Problem
from app.core.glossary.rows_write import normal_entry
from app.core.glossary.store import SaveResult, upsert_many
from app.core.glossary.version import GlossaryVersion
from app.core.model.errors import OutputError

T = TypeVar("T")
RETRIES = 20
Row = tuple[int, GlossaryEntry]  # (version, entry) as the database holds it now


class _Race(Exception):
    """Another session inserted a key this transaction meant to insert: start again."""


def default_author() -> str:
    try:
        return os.environ.get("VERSO_AUTHOR") or os.environ.get("USER") or getpass.getuser()
    except Exception:  # no user name at all (some containers)
        return ""


class PgGlossaryStore:
    """One glossary database and what this editor last read from it (see backend.py)."""

    def __init__(self, url: str, *, author: str | None = None) -> None:
        self._url = url  # may hold a password: kept in memory only, never written
        self.url = redact(url)
        self.author = author if author is not None else default_author()
        self.base: list[GlossaryEntry] = []
        self.pending: dict[str, GlossaryEntry | None] = {}
        self.problems: list[Problem] = []
        self.glossary = Glossary(path=self.url)
        self.version: GlossaryVersion | None = None
        self.revision = -1
        self._versions: dict[str, int] = {}  # key -> version of the entry in self.base
        self._rows: dict[str, Row] = {}  # every entry as last read, in order
        self._conn: Any = None
        self._schema_ok = False

    @property
    def location(self) -> str:
        return self.url

    # -- connection ------------------------------------------------------------------
    def _connection(self) -> Any:
        if self._conn is None or self._conn.closed or self._conn.broken:
            self.close()
            self._conn = connect(self._url, autocommit=True)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> PgGlossaryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _transact(self, work: Callable[[Any], T]) -> T:
        """Run `work(cursor)` in one transaction; retried after a race or a deadlock."""
        import psycopg
        from psycopg import errors

        for attempt in range(RETRIES):
            conn = self._connection()
            try:
                with conn.transaction(), conn.cursor() as cur:
                    if not self._schema_ok:
                        ensure_schema(cur, self.url)
                    result = work(cur)
                self._schema_ok = True
                return result
            except (_Race, errors.SerializationFailure, errors.DeadlockDetected):
                if attempt == RETRIES - 1:
                    raise OutputError(self.url, "too many concurrent saves; try again") from None
            except psycopg.OperationalError as exc:
                self.close()
                raise ServerUnavailable(self.url, describe(exc)) from None
            except psycopg.Error as exc:
                raise OutputError(self.url, describe(exc)) from None
        raise AssertionError("unreachable")

    # -- reading ---------------------------------------------------------------------
    def _read_all(self, cur: Any) -> tuple[Glossary, dict[str, int]]:
        cur.execute("SELECT revision, extra_columns, source_lang, target_lang "
                    "FROM verso_state WHERE id = 1")  # fmt: skip
        revision, columns, source_lang, target_lang = cur.fetchone()
        # Only rows whose version changed since the last read are fetched whole: decoding
        # every row costs more than the round trip, and a save usually changes a few.
        cur.execute("SELECT key, version FROM verso_entries ORDER BY position")
        listed = cur.fetchall()
        cached = self._rows
        need = [k for k, v in listed if (c := cached.get(k)) is None or c[0] != v]
        if need:
            cur.execute(f"SELECT {COLUMNS} FROM verso_entries WHERE key = ANY(%s)", (need,))
            for key, version, entry in map(entry_of, cur.fetchall()):
                cached[key] = (version, entry)
        self._rows = {k: cached[k] for k, _ in listed if k in cached}
        entries = [e for _, e in self._rows.values()]
        versions = {k: v for k, (v, _) in self._rows.items()}
        self.revision = revision
        glossary = Glossary(entries, list(columns), self.url, source_lang, target_lang)
        return glossary, versions

    def _take(self, glossary: Glossary, versions: dict[str, int]) -> Glossary:
        """What was just read becomes the base, except entries still in conflict."""
        old = self._versions
        self.base = [e for e in glossary.entries if e.key not in self.pending]
        self.base += [e for e in self.pending.values() if e is not None]
        self._versions = {k: v for k, v in versions.items() if k not in self.pending}
        self._versions.update({k: old[k] for k in self.pending if k in old})
        self.glossary, self.problems = glossary, []
        marker = f"{self.url}#{self.revision}".encode()
        self.version = GlossaryVersion(
            Path(f"{self.url}.tsv"), marker, None, use_cache=False,
            _glossary=Glossary(list(glossary.entries), list(glossary.extra_columns),
                               self.url, glossary.source_lang, glossary.target_lang),
        )  # fmt: skip
        return glossary

    def load(self) -> Glossary:
        """Read every entry (an empty database is an empty glossary)."""
        glossary, versions = self._transact(self._read_all)
        self.pending = {}
        return self._take(glossary, versions)

    def current_revision(self) -> int:
        """The revision in the database now (cheap: one row)."""
        def work(cur: Any) -> int:
            cur.execute("SELECT revision FROM verso_state WHERE id = 1")
            return int(cur.fetchone()[0])

        return self._transact(work)

    # -- writing ---------------------------------------------------------------------
    def _lock(self, cur: Any, keys: Sequence[str]) -> dict[str, Row]:
        cur.execute(f"SELECT {COLUMNS} FROM verso_entries WHERE key = ANY(%s) "
                    "ORDER BY key FOR UPDATE", (sorted(keys),))  # fmt: skip
        return {key: (version, entry) for key, version, entry in map(entry_of, cur.fetchall())}

    def _put(self, cur: Any, key: str, old: Row | None, new: GlossaryEntry | None) -> None:
        """Write one entry (None: delete it) and record the change."""
        if old is not None and new == old[1]:
            return
        if new is None:
            if old is None:
                return
            cur.execute("DELETE FROM verso_entries WHERE key = %s", (key,))
            action = "delete"
        elif old is None:
            cur.execute(
                "INSERT INTO verso_entries (key, position, version, source, targets, forbidden,"
                " note, case_sensitive, extra) VALUES (%s, nextval('verso_entry_version'),"
                " nextval('verso_entry_version'), %s, %s, %s, %s, %s, %s)"
                " ON CONFLICT (key) DO NOTHING", (key, *values(new)),
            )  # fmt: skip
            if cur.rowcount != 1:
                raise _Race
            action = "add"
        else:
            cur.execute(
                "UPDATE verso_entries SET version = nextval('verso_entry_version'), source = %s,"
                " targets = %s, forbidden = %s, note = %s, case_sensitive = %s, extra = %s"
                " WHERE key = %s", (*values(new), key),
            )  # fmt: skip
            action = "change"
        cur.execute(
            "INSERT INTO verso_history (key, who, action, old, new) VALUES (%s, %s, %s, %s, %s)",
            (key, self.author, action, as_json(old[1] if old else None), as_json(new)),
        )

    def _finish(
        self, cur: Any, columns: Sequence[str], langs: tuple[str | None, str | None] | None = None
    ) -> tuple[Glossary, dict[str, int]]:
        """Bump the revision, add new extra columns, NOTIFY at commit; read the result."""
        if langs is not None and any(langs):
            cur.execute("UPDATE verso_state SET source_lang = coalesce(%s, source_lang), "
                        "target_lang = coalesce(%s, target_lang) WHERE id = 1", langs)  # fmt: skip
        cur.execute("SELECT extra_columns FROM verso_state WHERE id = 1 FOR UPDATE")
        known = list(cur.fetchone()[0])
        known += [c for c in dict.fromkeys(columns) if c not in known]
        cur.execute("UPDATE verso_state SET revision = revision + 1, extra_columns = %s "
                    "WHERE id = 1 RETURNING revision", (json.dumps(known),))  # fmt: skip
        cur.execute("SELECT pg_notify(%s, %s)", (CHANNEL, str(cur.fetchone()[0])))
        return self._read_all(cur)

    def save(self, mine: Glossary | Sequence[GlossaryEntry], force: bool = False) -> SaveResult:
        """Merge this editor's copy into the database, entry by entry (force: unused,
        a database is never unreadable the way a file can be)."""
        entries = mine.entries if isinstance(mine, Glossary) else mine
        mine_map = by_key(normal_entry(e) for e in entries)
        columns = list(mine.extra_columns) if isinstance(mine, Glossary) else []
        base = by_key(self.base)
        keys = list(mine_map) + [k for k in base if k not in mine_map]
        changed = [k for k in keys if base.get(k) != mine_map.get(k)]
        langs = (mine.source_lang, mine.target_lang) if isinstance(mine, Glossary) else None

        def work(cur: Any) -> tuple[list[Conflict], Glossary, dict[str, int]]:
            rows = self._lock(cur, changed)
            conflicts: list[Conflict] = []
            for key in changed:  # the editor's order: new entries are placed in it
                be, me, now = base.get(key), mine_map.get(key), rows.get(key)
                te = None if now is None else now[1]
                untouched = (None if now is None else now[0]) == self._versions.get(key)
                if untouched or te == be:
                    self._put(cur, key, now, me)
                elif not same_content(me, te):
                    conflicts.append(Conflict(key, be, me, te))
                    if te is None:  # they deleted what I edited: keep mine until resolved
                        self._put(cur, key, None, me)
            return (conflicts, *self._finish(cur, columns, langs))

        conflicts, glossary, versions = self._transact(work)
        self.pending = {c.key: c.base for c in conflicts}
        return SaveResult(self._take(glossary, versions), conflicts, [])

    def add(self, entry: GlossaryEntry, force: bool = False) -> SaveResult:
        return self.add_many([entry], force)

    def add_many(self, entries: Sequence[GlossaryEntry], force: bool = False) -> SaveResult:
        """Add entries, each folded into the one with its source (store.upsert)."""
        new = [normal_entry(e) for e in entries]
        keys = list(dict.fromkeys(e.key for e in new))
        columns = [n for e in new for n, _ in e.extra]

        def work(cur: Any) -> tuple[Glossary, dict[str, int]]:
            rows = self._lock(cur, keys)
            merged = by_key(upsert_many([rows[k][1] for k in keys if k in rows], new))
            for key in keys:
                self._put(cur, key, rows.get(key), merged[key])
            return self._finish(cur, columns)

        return SaveResult(self._take(*self._transact(work)), [], [])

    def resolve(
        self, conflict: Conflict, choice: Choice | GlossaryEntry | None, force: bool = False
    ) -> SaveResult:
        """Write the chosen version of a conflict; a newer edit meanwhile is a new conflict."""
        chosen = conflict.chosen(choice)
        if chosen is not None:
            chosen = normal_entry(chosen)

        def work(cur: Any) -> tuple[Conflict | None, Glossary, dict[str, int]]:
            now = self._lock(cur, [conflict.key]).get(conflict.key)
            if (None if now is None else now[1]) != conflict.theirs:
                newer = Conflict(conflict.key, conflict.theirs, chosen,
                                 None if now is None else now[1])  # fmt: skip
                return (newer, *self._read_all(cur))
            self._put(cur, conflict.key, now, chosen)
            return (None, *self._finish(cur, []))

        newer, glossary, versions = self._transact(work)
        if newer is not None:
            self.glossary = glossary
            return SaveResult(glossary, [newer], [])
        self.pending.pop(conflict.key, None)
        return SaveResult(self._take(glossary, versions), [], [])
