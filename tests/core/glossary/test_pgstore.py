"""The PostgreSQL glossary store against a real server (tests/pgserver.py)."""

from __future__ import annotations

import multiprocessing
import threading
import time
from pathlib import Path

import psycopg
import pytest

from app.core.glossary.backend import GlossaryBackend, open_store
from app.core.glossary.merge import Choice, Conflict
from app.core.glossary.model import Glossary, GlossaryEntry
from app.core.glossary.pglisten import GlossaryListener
from app.core.glossary.pgstore import PgGlossaryStore
from app.core.glossary.store import GlossaryStore


def entry(source: str, target: str, **kw: object) -> GlossaryEntry:
    return GlossaryEntry(source, (target,), **kw)  # type: ignore[arg-type]


def test_both_stores_satisfy_the_interface(tmp_path: Path, pg_url: str) -> None:
    with PgGlossaryStore(pg_url) as pg:
        assert isinstance(pg, GlossaryBackend)
        assert isinstance(open_store(tmp_path / "g.tsv"), GlossaryStore)
        assert isinstance(open_store(str(tmp_path / "g.tsv")), GlossaryBackend)
        opened = open_store(pg_url)
        assert isinstance(opened, PgGlossaryStore)
        opened.close()


def test_entries_keep_every_field_and_their_order(pg_url: str) -> None:
    full = GlossaryEntry("Київ", ("Kyiv", "Kyiv city"), ("Kiev",), "house style", True,
                         (("author", "ann"), ("updated", "2026-11-30")))  # fmt: skip
    with PgGlossaryStore(pg_url, author="ann") as store:
        store.load()
        store.save(Glossary([full, entry("Харків", "Kharkiv")], ["author", "updated"]))
    with PgGlossaryStore(pg_url) as other:
        got = other.load()
    assert got.entries == [full, entry("Харків", "Kharkiv")]
    assert got.extra_columns == ["author", "updated"]


def test_history_records_who_when_old_and_new(pg_url: str) -> None:
    with PgGlossaryStore(pg_url, author="ann") as store:
        store.load()
        store.add(entry("Київ", "Kiev"))
        store.save([entry("Київ", "Kyiv", note="since 2019")])
        store.save([])
    with psycopg.connect(pg_url) as conn:
        rows = conn.execute("SELECT who, action, old->>'targets', new->>'note', at IS NOT NULL "
                            "FROM verso_history ORDER BY id").fetchall()  # fmt: skip
    assert rows == [
        ("ann", "add", None, "", True),
        ("ann", "change", '["Kiev"]', "since 2019", True),
        ("ann", "delete", '["Kyiv"]', None, True),
    ]


def _scenario(a: GlossaryBackend, b: GlossaryBackend) -> list[Conflict]:
    """Two editors read the same glossary; B saves first, then A."""
    start = [entry("A", "a"), entry("B", "b"), entry("C", "c"), entry("E", "e")]
    a.load()
    a.save(start)
    b.load()
    a.load()
    b.save([entry("A", "a-theirs"), entry("C", "c"), entry("D", "d"), entry("E", "e-same")])
    result = a.save([entry("A", "a-mine"), entry("B", "b-mine"), entry("C", "c-mine"),
                     entry("D", "d"), entry("E", "e-same"), entry("F", "f")])  # fmt: skip
    return result.conflicts


def test_conflicts_are_those_of_the_file_store(tmp_path: Path, pg_url: str) -> None:
    file_a, file_b = GlossaryStore(tmp_path / "g.tsv"), GlossaryStore(tmp_path / "g.tsv")
    with PgGlossaryStore(pg_url) as pg_a, PgGlossaryStore(pg_url) as pg_b:
        expected = _scenario(file_a, file_b)
        got = _scenario(pg_a, pg_b)
        assert [c.key for c in expected] == ["a", "b"]  # edited/edited, edited/deleted
        assert sorted(got, key=lambda c: c.key) == sorted(expected, key=lambda c: c.key)
        assert sorted(pg_a.glossary.entries, key=lambda e: e.key) == sorted(
            file_a.glossary.entries, key=lambda e: e.key
        )
        # still a conflict at the next save, until resolved
        assert [c.key for c in pg_a.save(pg_a.glossary).conflicts] == []
        assert pg_a.resolve(got[0], Choice.MINE).conflicts == []
        with PgGlossaryStore(pg_url) as third:
            assert third.load().find("A") == entry("A", "a-mine")


def test_resolve_against_a_newer_edit_is_a_new_conflict(pg_url: str) -> None:
    with PgGlossaryStore(pg_url) as a, PgGlossaryStore(pg_url) as b:
        a.load()
        a.save([entry("A", "a")])
        b.load()
        b.save([entry("A", "b")])
        (conflict,) = a.save([entry("A", "mine")]).conflicts
        b.save([entry("A", "b2")])
        (newer,) = a.resolve(conflict, Choice.MINE).conflicts
        assert newer.theirs == entry("A", "b2") and newer.mine == entry("A", "mine")


def _add_200(url: str, worker: int) -> None:
    with PgGlossaryStore(url, author=f"w{worker}") as store:
        for i in range(200):
            store.add(entry(f"term {worker}-{i}", f"target {i}"))


def test_eight_processes_adding_200_entries_each_lose_none(pg_url: str) -> None:
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_add_200, args=(pg_url, w)) for w in range(8)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(300)
    assert [p.exitcode for p in procs] == [0] * 8
    with PgGlossaryStore(pg_url) as store:
        got = {e.source for e in store.load()}
    assert got == {f"term {w}-{i}" for w in range(8) for i in range(200)}


def test_a_save_notifies_another_store_within_a_second(pg_url: str) -> None:
    with PgGlossaryStore(pg_url) as writer, PgGlossaryStore(pg_url) as reader:
        writer.load()
        reader.load()
        heard = threading.Event()
        listener = GlossaryListener(pg_url, lambda: heard.set()).start()
        try:
            assert listener.connected.wait(5)
            heard.clear()
            started = time.monotonic()
            writer.add(entry("Київ", "Kyiv"))
            assert heard.wait(1.0)
            assert time.monotonic() - started < 1.0
            assert reader.load().find("Київ") == entry("Київ", "Kyiv")
        finally:
            listener.stop()


def test_the_schema_is_made_once_and_versioned(pg_url: str) -> None:
    stores = [PgGlossaryStore(pg_url) for _ in range(4)]
    threads = [threading.Thread(target=s.load) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in stores:
        s.close()
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT schema_version FROM verso_state").fetchall() == [(1,)]


def test_an_unreachable_server_is_one_line(pg_server: object) -> None:
    from app.core.model.errors import VersoError

    with pytest.raises(VersoError, match="cannot be reached") as info:
        PgGlossaryStore("postgresql://verso@127.0.0.1:1/none").load()
    assert "\n" not in str(info.value)


def test_the_password_comes_from_the_keyring_without_pgpassword(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring

    from app.core.glossary.pgconnect import KEYRING_SERVICE, keyring_user
    from tests.pgserver import PASSWORD

    asked: list[tuple[str, str]] = []

    def get_password(service: str, user: str) -> str:
        asked.append((service, user))
        return PASSWORD

    monkeypatch.delenv("PGPASSWORD")
    monkeypatch.setattr(keyring, "get_password", get_password)
    with PgGlossaryStore(pg_url) as store:
        assert store.load().entries == []
    assert asked == [(KEYRING_SERVICE, keyring_user(pg_url))]
    assert keyring_user(pg_url).startswith("verso@127.0.0.1:")


def test_redact_removes_every_password() -> None:
    from app.core.glossary.backend import safe_location

    assert safe_location("postgresql://ann:p%40ss@db:5432/team?password=x&sslmode=require") == (
        "postgresql://ann@db:5432/team?sslmode=require"
    )
    assert "secret" not in safe_location("postgresql://ann:secret@db:notaport/team")
    assert safe_location("/srv/team.tsv") == "/srv/team.tsv"
