"""Issue 17 item 5: glossary saves per second through PostgreSQL vs the shared file.

Each "save" adds one entry (store.add: the window's and `glossary add`'s path) to a
glossary that already holds N entries, with 1 writer and with W writer processes at
once (each its own store, as editors on several machines). Without --url a throwaway
server is started like the tests do (tests/pgserver.py; initdb/pg_ctl needed).

    .venv/bin/python -m bench.glossary_store [--sizes 1000,10000] [--writers 4]
        [--saves 100] [--url postgresql://user@host/db]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import tempfile
import time
from pathlib import Path

from app.core.glossary.backend import open_store
from app.core.glossary.model import Glossary, GlossaryEntry


def _entries(n: int, tag: str) -> list[GlossaryEntry]:
    return [GlossaryEntry(f"термін {tag} {i}", (f"term {tag} {i}",), (), "note",
                          extra=(("author", "bench"),)) for i in range(n)]  # fmt: skip


def _writer(location: str, tag: str, saves: int) -> None:
    store = open_store(location, author=tag)
    try:
        store.load()
        for entry in _entries(saves, tag):
            store.add(entry)
    finally:
        store.close()


def _rate(location: str, writers: int, saves: int) -> float:
    """Saves per second (all writers together)."""
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(location, f"w{w}-{time.monotonic_ns()}", saves))
             for w in range(writers)]  # fmt: skip
    started = time.perf_counter()
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    # process start-up (about a second each here) is not a save: timed in _startup
    return writers * saves / max(time.perf_counter() - started - _STARTUP[0], 1e-6)


_STARTUP = [0.0]


def _startup() -> float:
    ctx = multiprocessing.get_context("spawn")
    p = ctx.Process(target=_writer, args=(os.devnull + ".tsv", "none", 0))
    started = time.perf_counter()
    p.start()
    p.join()
    return time.perf_counter() - started


def _seed(location: str, n: int) -> None:
    store = open_store(location)
    try:
        store.load()
        store.save(Glossary(_entries(n, "seed"), ["author"]))
    finally:
        store.close()


def run(url: str, sizes: list[int], writers: int, saves: int, folder: Path) -> None:
    import psycopg

    _STARTUP[0] = _startup()
    print(f"process start-up subtracted: {_STARTUP[0]:.2f} s")
    print(f"{'entries':>8} {'writers':>7} {'file saves/s':>13} {'postgres saves/s':>17}")
    for n in sizes:
        for w in (1, writers):
            path = folder / f"g{n}-{w}.tsv"
            _seed(str(path), n)
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute("DROP TABLE IF EXISTS verso_state, verso_entries, verso_history")
                conn.execute("DROP SEQUENCE IF EXISTS verso_entry_version")
            _seed(url, n)
            file_rate = _rate(str(path), w, saves)
            pg_rate = _rate(url, w, saves)
            print(f"{n:>8} {w:>7} {file_rate:>13.1f} {pg_rate:>17.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--saves", type=int, default=100, help="saves per writer")
    parser.add_argument("--url", help="an existing (empty, throwaway) database")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="verso-bench-") as folder:
        if args.url:
            run(args.url, sizes, args.writers, args.saves, Path(folder))
            return
        from tests.pgserver import PASSWORD, PgServer, _binaries

        found = _binaries()
        if found is None:
            raise SystemExit("initdb/pg_ctl not found: pass --url")
        os.environ["PGPASSWORD"] = PASSWORD
        server = PgServer(*found)
        try:
            run(server.new_database(), sizes, args.writers, args.saves, Path(folder))
        finally:
            server.remove()


if __name__ == "__main__":
    main()
