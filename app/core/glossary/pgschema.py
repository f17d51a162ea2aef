"""The PostgreSQL glossary's tables, created on first use and versioned.

verso_state: one row: schema version, the revision every save bumps (what a window
compares), the extra columns' order and the languages. verso_entries: one row per
entry, keyed like the file store's merge (entry.key), every field of the canonical
TSV kept as it is (alternatives as arrays, extra columns as an ordered JSON list of
[name, value] pairs); `version` comes from one sequence, so a deleted and re-added
entry never reuses a version. verso_history: who changed which entry when, old and
new values.
"""

from __future__ import annotations

import json
from typing import Any

from app.core.glossary.model import GlossaryEntry
from app.core.model.errors import InputError

SCHEMA_VERSION = 1
CHANNEL = "verso_glossary"
LOCK_ID = 0x7665_7273_6F  # "verso": one session creates the tables, the others wait

CREATE = """
CREATE TABLE verso_state (
    id integer PRIMARY KEY CHECK (id = 1),
    schema_version integer NOT NULL,
    revision bigint NOT NULL DEFAULT 0,
    extra_columns jsonb NOT NULL DEFAULT '[]',
    source_lang text,
    target_lang text
);
CREATE SEQUENCE verso_entry_version;
CREATE TABLE verso_entries (
    key text PRIMARY KEY,
    position bigint NOT NULL,
    version bigint NOT NULL,
    source text NOT NULL,
    targets text[] NOT NULL,
    forbidden text[] NOT NULL,
    note text NOT NULL,
    case_sensitive boolean,
    extra jsonb NOT NULL
);
CREATE INDEX verso_entries_position ON verso_entries (position);
CREATE TABLE verso_history (
    id bigserial PRIMARY KEY,
    key text NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    who text NOT NULL,
    action text NOT NULL,
    old jsonb,
    new jsonb,
    why text NOT NULL DEFAULT ''
);
CREATE INDEX verso_history_key ON verso_history (key, at);
INSERT INTO verso_state (id, schema_version) VALUES (1, 1);
"""

COLUMNS = "key, version, source, targets, forbidden, note, case_sensitive, extra"


def ensure_schema(cur: Any, where: str) -> None:
    """Create the tables in an empty database; refuse one a newer Verso made."""
    cur.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_ID,))
    cur.execute("SELECT to_regclass('verso_state') IS NOT NULL")
    if not cur.fetchone()[0]:
        cur.execute(CREATE)
        return
    cur.execute("SELECT schema_version FROM verso_state WHERE id = 1")
    row = cur.fetchone()
    if row is None or row[0] > SCHEMA_VERSION:
        found = row and row[0]
        raise InputError(where, f"the glossary tables are of a newer Verso (schema {found}); "
                         "update Verso")  # fmt: skip


def entry_of(row: Any) -> tuple[str, int, GlossaryEntry]:
    """(key, version, entry) of a row selected with COLUMNS."""
    key, version, source, targets, forbidden, note, case, extra = row
    pairs = tuple((str(k), str(v)) for k, v in extra)
    return key, version, GlossaryEntry(source, tuple(targets), tuple(forbidden), note, case, pairs)


def as_json(entry: GlossaryEntry | None) -> str | None:
    """An entry as the history keeps it (None: absent)."""
    if entry is None:
        return None
    return json.dumps({
        "source": entry.source, "targets": list(entry.targets),
        "forbidden": list(entry.forbidden), "note": entry.note,
        "case": entry.case_sensitive, "extra": [list(p) for p in entry.extra],
    }, ensure_ascii=False)  # fmt: skip


def values(entry: GlossaryEntry) -> tuple[Any, ...]:
    return (
        entry.source, list(entry.targets), list(entry.forbidden), entry.note,
        entry.case_sensitive, json.dumps([list(p) for p in entry.extra], ensure_ascii=False),
    )  # fmt: skip
