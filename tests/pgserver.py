"""A real PostgreSQL server for the tests, started by the suite in a temporary folder.

initdb and pg_ctl are looked up on PATH, /usr/local/bin and /usr/lib/postgresql/*/bin
(installed with apt-get when missing and we are root). The server listens on
127.0.0.1 only, on a free port, its socket in the temporary folder; password
authentication (scram) with PGPASSWORD set for the session. initdb refuses root, so
as root it runs as the `postgres` user (or `nobody`). Each test gets its own database.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

USER = "verso"
PASSWORD = "verso-test-secret"


def _find(name: str) -> str | None:
    found = shutil.which(name) or shutil.which(name, path="/usr/local/bin")
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _binaries() -> tuple[str, str] | None:
    initdb, pg_ctl = _find("initdb"), _find("pg_ctl")
    if (initdb is None or pg_ctl is None) and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "install", "-y", "-qq", "postgresql"], env=env,
                       capture_output=True, timeout=600, check=False)  # fmt: skip
        initdb, pg_ctl = _find("initdb"), _find("pg_ctl")
    return None if initdb is None or pg_ctl is None else (initdb, pg_ctl)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """One throwaway cluster: start, stop, restart, and a fresh database per test."""

    def __init__(self, initdb: str, pg_ctl: str) -> None:
        self.pg_ctl = pg_ctl
        self.folder = Path(tempfile.mkdtemp(prefix="verso-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.run_as: list[str] = []
        if os.geteuid() == 0:
            user = "postgres" if _has_user("postgres") else "nobody"
            shutil.chown(self.folder, user)
            self.run_as = ["runuser", "-u", user, "--"]
        pwfile = self.folder / "pw"
        pwfile.write_text(PASSWORD + "\n")
        if self.run_as:
            shutil.chown(pwfile, self.run_as[2])
        self._run(initdb, "-D", str(self.data), "-U", USER, "-A", "scram-sha-256",
                  f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C", "--no-sync")  # fmt: skip
        pwfile.unlink()
        self.start()

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self.run_as, *args], capture_output=True, text=True,
                              timeout=120, check=False)  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {done.stdout}{done.stderr}")

    def start(self) -> None:
        options = (f"-h 127.0.0.1 -p {self.port} -k {self.folder} -F "
                   "-c max_connections=60 -c shared_buffers=16MB")  # fmt: skip
        self._run(self.pg_ctl, "-D", str(self.data), "-o", options,
                  "-l", str(self.folder / "log"), "-w", "start")  # fmt: skip

    def stop(self) -> None:
        self._run(self.pg_ctl, "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), password=PASSWORD, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def remove(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def _has_user(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    found = _binaries()
    if found is None:
        pytest.skip("PostgreSQL's initdb/pg_ctl are not installed and cannot be installed "
                    "here (run .ci/dev as root, or apt-get install postgresql)")  # fmt: skip
    server = PgServer(*found)
    old = os.environ.get("PGPASSWORD")
    os.environ["PGPASSWORD"] = PASSWORD  # as an editor would set it; children inherit it
    try:
        yield server
    finally:
        if old is None:
            os.environ.pop("PGPASSWORD", None)
        else:
            os.environ["PGPASSWORD"] = old
        server.remove()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A URL (no password in it) of an empty database of its own."""
    return pg_server.new_database()
