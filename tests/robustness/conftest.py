"""Helpers for the robustness suite: run the CLI boxed in, and a socket that records connects."""

from __future__ import annotations

import resource
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 2 * 1024 * 1024 * 1024  # RLIMIT_AS for every CLI run: 2 GB
TIME_LIMIT = 10.0  # seconds: the bound for any bad input


@dataclass(frozen=True)
class CliRun:
    code: int
    stdout: str
    stderr: str


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_cli(args: Sequence[str], timeout: float = TIME_LIMIT) -> CliRun:
    """`python -m app ARGS` in a subprocess with a time and address-space limit."""
    proc = subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        capture_output=True,
        timeout=timeout,
        preexec_fn=_limit_memory,
        check=False,
    )
    return CliRun(
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )


def assert_refused(run: CliRun, path: Path, *words: str) -> str:
    """Exit 2 with exactly one line naming the file (and `words`), never a traceback."""
    assert "Traceback" not in run.stderr, run.stderr
    assert run.code == 2, (run.code, run.stdout[-500:], run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert str(path) in lines[0], lines[0]
    for word in words:
        assert word.lower() in lines[0].lower(), lines[0]
    return lines[0]


def assert_read(run: CliRun) -> None:
    """The input was used: exit 0 or 1 (issues found), no traceback, no error line."""
    assert "Traceback" not in run.stderr, run.stderr
    assert run.code in (0, 1), (run.code, run.stderr)


@dataclass
class Listener:
    """A TCP server on 127.0.0.1 that records every connection attempt."""

    port: int
    connects: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.1)
    rec = Listener(server.getsockname()[1])
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, addr = server.accept()
            except (TimeoutError, OSError):
                continue
            rec.connects.append(f"{addr[0]}:{addr[1]}")
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield rec
    finally:
        stop.set()
        thread.join(2)
        server.close()


def run_cli_measured(args: Sequence[str], timeout: float = TIME_LIMIT) -> tuple[CliRun, int]:
    """run_cli, plus the child's peak resident memory in MB (from wait4's rusage).

    The child is killed at `timeout`; its run then has code -9 (the caller's assertion
    on the time bound fails with the command in the message)."""
    import os
    import tempfile
    import time

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "app", *args],
            cwd=ROOT, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
            preexec_fn=_limit_memory,
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen quiet
        out.seek(0)
        err.seek(0)
        run = CliRun(
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )
    return run, usage.ru_maxrss // 1024
