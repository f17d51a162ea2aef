"""`check --batch DIR --engine dask` from the command line: the local engine's output byte
for byte, nothing but our progress on stderr, Ctrl+C stopping the cluster, and one-line
errors (no dask, no scheduler) with exit 2."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from tests.conftest import ROOT, SEEDS
from tests.core.review.test_batch_dask import make_folder

distributed = pytest.importorskip("distributed", reason="the 'dask' extra is not installed")

from app.core.review import batch_dask  # noqa: E402

GLOSSARY = str(SEEDS / "glossary.tsv")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A running cluster, as `dask scheduler` + `dask worker` would give (one worker)."""
    with batch_dask.dask_client(workers=1) as client:
        yield str(client.scheduler.address)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return make_folder(tmp_path / "articles")


def run_local(folder: Path, summary: Path, capsys: pytest.CaptureFixture[str]) -> str:
    args = ["check", "--batch", str(folder), "--glossary", GLOSSARY, "--jobs", "1"]
    assert main([*args, "--summary", str(summary)]) == 2  # broken.xlf, alone: exit 2
    return capsys.readouterr().out


def test_dask_engine_prints_what_the_local_one_prints(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    local = run_local(folder, tmp_path / "local.json", capsys)
    proc = subprocess.run(
        [sys.executable, "-m", "app", "check", "--batch", str(folder), "--glossary", GLOSSARY,
         "--engine", "dask", "--workers", "1", "--summary", str(tmp_path / "dask.json")],
        capture_output=True, text=True, cwd=ROOT, check=False, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == local
    assert (tmp_path / "dask.json").read_bytes() == (tmp_path / "local.json").read_bytes()
    progress = [line for line in proc.stderr.splitlines() if line.startswith("[")]
    assert len(progress) == 8 and progress[-1].startswith("[8/8] short")
    summary = proc.stderr.splitlines()[len(progress) :]
    assert summary[0].startswith("8 articles: "), proc.stderr  # nothing of distributed's
    assert all(line.startswith("  ") for line in summary[1:]), proc.stderr
    assert json.loads(local.splitlines()[1])["name"] == "broken.xlf"


def test_a_running_scheduler_gets_the_articles_with_the_tasks(
    scheduler: str, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    local = run_local(folder, tmp_path / "local.json", capsys)
    args = ["check", "--batch", str(folder), "--glossary", GLOSSARY, "--engine", "dask",
            "--scheduler", scheduler, "--summary", str(tmp_path / "remote.json")]  # fmt: skip
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == local
    assert (tmp_path / "remote.json").read_bytes() == (tmp_path / "local.json").read_bytes()
    assert "[8/8] short" in captured.err


def test_ctrl_c_stops_the_run_and_its_cluster(tmp_path: Path) -> None:
    """Ctrl+C in a terminal signals the whole process group: one message, exit 130, no
    traceback from any worker, no process left behind."""
    import psutil

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(60):
        (folder / f"a{i:02}.uk.txt").write_bytes((SEEDS / "geneva-talks.uk.txt").read_bytes())
        (folder / f"a{i:02}.en.txt").write_bytes((SEEDS / "geneva-talks.en.txt").read_bytes())
    with subprocess.Popen(
        [sys.executable, "-m", "app", "check", "--batch", str(folder), "--engine", "dask",
         "--workers", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        start_new_session=True,
    ) as proc:  # fmt: skip
        try:
            assert proc.stderr is not None
            first = proc.stderr.readline()
            assert first.startswith("[1/60]"), first
            children = psutil.Process(proc.pid).children(recursive=True)
            assert children  # the worker (and multiprocessing's helpers)
            os.killpg(proc.pid, signal.SIGINT)
            rest = proc.stderr.read()
            assert proc.wait(timeout=60) == 130
        finally:
            if proc.poll() is None:
                proc.kill()
    assert rest.strip().startswith("interrupted: "), rest
    assert "of 60 articles checked" in rest
    assert "Traceback" not in rest
    _, alive = psutil.wait_procs(children, timeout=10)
    assert alive == []


def test_without_dask_the_command_names_the_extra(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    assert main(["check", "--batch", str(folder), "--engine", "dask"]) == 2
    err = capsys.readouterr().err
    assert 'needs the "dask" extra: pip install "verso[dask]"' in err
    assert len(err.strip().splitlines()) == 1


def test_an_unreachable_scheduler_is_one_line_and_exit_2(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(batch_dask, "CONNECT_TIMEOUT", 1.0)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{s.getsockname()[1]}"
    assert main(["check", "--batch", str(folder), "--engine", "dask", "--scheduler", address]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot reach the Dask scheduler at")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler goes with --engine dask"),
        (["--engine", "dask", "--batch", None], "no article"),
    ],
)
def test_engine_options_misused(
    extra: list[Any], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["check", "--batch", str(tmp_path)] + [str(tmp_path) if a is None else a for a in extra]
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_engine_without_batch(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", str(SEEDS / "geneva-talks.uk.txt"), str(SEEDS / "geneva-talks.en.txt"),
            "--engine", "dask"]  # fmt: skip
    assert main(args) == 2
    assert "go with --batch" in capsys.readouterr().err
