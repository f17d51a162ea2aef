"""Issue 16 items 4 and 12: the glossary lock holds between machines and every lock
problem is one clear message.

Other machines are processes presenting another host name (VERSO_LOCK_HOST); a dead
machine is a lock file naming a host and process that do not answer; another user's
lock file is one this process cannot read (chmod 000, or, as root, whom chmod does not
stop, a reader that raises PermissionError).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.files import locking
from app.core.files.locking import HOST_ENV, FileLock
from app.core.glossary.io import load_glossary
from app.core.glossary.model import GlossaryEntry
from app.core.glossary.store import GlossaryStore
from app.core.model.errors import OutputError
from tests.conftest import ROOT

_HOLD = """
import sys, time
from app.core.files.locking import FileLock
with FileLock(sys.argv[1], refresh_every=float(sys.argv[2])):
    print("held", flush=True)
    time.sleep(float(sys.argv[3]))
"""


def _entry(source: str = "Київ", target: str = "Kyiv") -> GlossaryEntry:
    return GlossaryEntry(source, (target,))


def _holder_on(host: str, path: Path, refresh: float, hold: float) -> subprocess.Popen[str]:
    env = dict(os.environ, **{HOST_ENV: host})
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(path), str(refresh), str(hold)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def _stop(proc: subprocess.Popen[str]) -> None:
    proc.kill()
    proc.wait()
    if proc.stdout is not None:
        proc.stdout.close()


def _fake_lock(path: Path, host: str, pid: int, age: float, user: str = "ann") -> Path:
    lock = Path(f"{path}.lock")
    info = {"host": host, "pid": pid, "user": user, "since": "2026-01-01T09:00:00+00:00"}
    lock.write_text(json.dumps(info), encoding="utf-8")
    then = time.time() - age
    os.utime(lock, (then, then))
    return lock


def test_lock_created_exclusively_names_its_holder(tmp_path: Path) -> None:
    target = tmp_path / "team.tsv"
    with FileLock(target, host="pc-7") as lock:
        info = json.loads(Path(f"{target}.lock").read_text(encoding="utf-8"))
        assert info["host"] == "pc-7" and info["pid"] == os.getpid()
        assert info["user"] and info["since"] and lock.owned()
        with pytest.raises(OutputError, match="pc-7"):
            FileLock(target, timeout=0.2, host="pc-8").acquire()
    assert not Path(f"{target}.lock").exists()


def test_a_process_on_another_host_holds_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "team.tsv"
    proc = _holder_on("desk-ann", path, refresh=0.2, hold=30)
    try:
        started = time.monotonic()
        with pytest.raises(OutputError) as err:
            GlossaryStore(path, lock_timeout=0.5).add(_entry())
        assert time.monotonic() - started < 5
    finally:
        _stop(proc)
    message = str(err.value)
    assert "desk-ann" in message and f"process {proc.pid}" in message
    assert "nothing was written" in message and "\n" not in message
    assert not path.exists()


def test_a_live_lock_is_refreshed_and_not_taken_over(tmp_path: Path) -> None:
    """The holder touches its lock more often than the waiter's staleness limit."""
    path = tmp_path / "team.tsv"
    proc = _holder_on("desk-ann", path, refresh=0.1, hold=30)
    try:
        lock = Path(f"{path}.lock")
        first = lock.stat().st_mtime
        waiter = FileLock(path, timeout=1.5, stale_after=0.6, host="desk-bob")
        with pytest.raises(OutputError, match="desk-ann"):
            waiter.acquire()
        assert lock.stat().st_mtime > first
        assert json.loads(lock.read_text(encoding="utf-8"))["host"] == "desk-ann"
    finally:
        _stop(proc)


def test_a_stale_lock_of_a_dead_host_is_taken_over(tmp_path: Path) -> None:
    """Old by the clock and seen untouched for two refresh periods: abandoned."""
    target = tmp_path / "team.tsv"
    _fake_lock(target, "laptop-gone", 4_000_000, age=1.0)
    started = time.monotonic()
    with FileLock(target, timeout=5, stale_after=0.5, refresh_every=0.1, host="desk-bob") as lock:
        assert lock.owned()
    assert 0.15 < time.monotonic() - started < 2


def test_a_live_holder_with_a_clock_minutes_behind_keeps_its_lock(tmp_path: Path) -> None:
    """Its touches set mtimes two minutes in the past; they still change, so the waiter,
    whose limit is one second, does not take the lock."""
    path = tmp_path / "team.tsv"
    skewed = "import os, time\n_u = os.utime\n" \
        "os.utime = lambda p, *a, **k: _u(p, (time.time() - 120,) * 2)\n" + _HOLD
    env = dict(os.environ, **{HOST_ENV: "desk-slow-clock"})
    proc = subprocess.Popen([sys.executable, "-c", skewed, str(path), "0.1", "30"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        time.sleep(0.3)  # a touch or two: the lock now looks two minutes old
        waiter = FileLock(path, timeout=1.5, stale_after=1.0, refresh_every=0.2, host="desk-bob")
        with pytest.raises(OutputError, match="desk-slow-clock"):
            waiter.acquire()
    finally:
        _stop(proc)


@pytest.fixture
def quick_locks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Staleness in a second rather than a minute (the rules are the same)."""
    monkeypatch.setattr(locking, "STALE_AFTER", 1.0)
    monkeypatch.setattr(locking, "REFRESH_EVERY", 0.1)


def test_a_dead_hosts_lock_is_taken_over_by_a_save(tmp_path: Path, quick_locks: None) -> None:
    path = tmp_path / "team.tsv"
    _fake_lock(path, "laptop-gone", 4_000_000, age=3600)
    started = time.monotonic()
    GlossaryStore(path, lock_timeout=5).add(_entry())
    assert time.monotonic() - started < 2
    assert len(load_glossary(path)) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["team.tsv"]


def test_a_fresh_lock_of_another_host_is_respected(tmp_path: Path) -> None:
    """A pid that does not exist here may live on the other machine: wait, then say who."""
    path = tmp_path / "team.tsv"
    lock = _fake_lock(path, "laptop-far", 4_000_000, age=1, user="ann")
    with pytest.raises(OutputError, match=r"ann on laptop-far \(process 4000000\)"):
        GlossaryStore(path, lock_timeout=0.3).add(_entry())
    assert lock.exists() and not path.exists()


def test_a_dead_process_on_this_host_is_taken_over_at_once(tmp_path: Path) -> None:
    path = tmp_path / "team.tsv"
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    _fake_lock(path, locking.host_name(), int(proc.stdout), age=0)
    GlossaryStore(path, lock_timeout=0.5).add(_entry())
    assert len(load_glossary(path)) == 1


def test_a_folder_named_like_the_lock_is_one_message(tmp_path: Path) -> None:
    path = tmp_path / "team.tsv"
    Path(f"{path}.lock").mkdir()
    started = time.monotonic()
    with pytest.raises(OutputError, match="is a folder, not a lock file") as err:
        GlossaryStore(path, lock_timeout=5).add(_entry())
    assert time.monotonic() - started < 1 and "\n" not in str(err.value)


def _unreadable(lock: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the lock file another user's: chmod 000 stops anyone but root."""
    lock.chmod(0o000)
    if os.getuid() == 0:
        real = locking._read_holder

        def refuse(path: Path) -> locking.Holder | None:
            holder = real(path)
            if holder is not None and holder.host == "desk-ann":
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(locking, "_read_holder", refuse)


def test_another_users_lock_file_waits_then_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "team.tsv"
    lock = _fake_lock(path, "desk-ann", 1, age=1)
    _unreadable(lock, monkeypatch)
    with pytest.raises(OutputError, match="another user") as err:
        GlossaryStore(path, lock_timeout=0.3).add(_entry())
    assert "\n" not in str(err.value) and not path.exists()


def test_another_users_stale_lock_file_is_taken_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quick_locks: None
) -> None:
    path = tmp_path / "team.tsv"
    lock = _fake_lock(path, "desk-ann", 1, age=3600)
    _unreadable(lock, monkeypatch)
    GlossaryStore(path, lock_timeout=2).add(_entry())
    assert len(load_glossary(path)) == 1 and not lock.exists()


def test_no_permission_to_create_the_lock_is_one_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    real_open = os.open

    def refuse(path: str, flags: int, *args: int) -> int:
        if str(path).endswith(".lock"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr("app.core.files.locking.os.open", refuse)  # chmod 0555 does not stop root
    with pytest.raises(OutputError, match="no permission") as err:
        GlossaryStore(share / "team.tsv", lock_timeout=1).add(_entry())
    assert "\n" not in str(err.value)


def test_cli_add_with_a_lock_folder_exits_2_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "team.tsv"
    Path(f"{path}.lock").mkdir()
    out = subprocess.run(
        [sys.executable, "-m", "app", "glossary", "add", str(path), "Київ", "Kyiv"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert out.returncode == 2
    assert "is a folder, not a lock file" in out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_a_lock_taken_over_meanwhile_is_not_removed_by_the_old_holder(tmp_path: Path) -> None:
    target = tmp_path / "team.tsv"
    mine = FileLock(target, host="pc-1")
    mine.acquire()
    lock = Path(f"{target}.lock")
    lock.unlink()  # someone judged it stale and took it over
    theirs = FileLock(target, host="pc-2")
    theirs.acquire()
    mine.release()
    assert json.loads(lock.read_text(encoding="utf-8"))["host"] == "pc-2"
    theirs.release()
    assert not lock.exists()
