"""`check --batch --engine dask` on a real LocalCluster of two worker processes: the same
JSON lines and summary as the local engine, the glossary indexed once per worker, a
dying worker or an interruption stopping the run with the cluster shut down."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core.model.errors import InputError, VersoError
from app.core.review import batch
from app.core.review.batch import BatchJob, BatchOptions, check_job, find_jobs, run_batch
from app.core.review.batch_summary import BatchSummary
from tests.conftest import SEEDS

distributed = pytest.importorskip("distributed", reason="the 'dask' extra is not installed")

from app.core.review.batch_dask import (  # noqa: E402
    check_shipped,
    dask_client,
    run_batch_dask,
    run_on_client,
    ship,
)

GLOSSARY = str(SEEDS / "glossary.tsv")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """One two-worker cluster for the module: starting one costs seconds."""
    with dask_client(workers=2) as c:
        yield c


def make_folder(root: Path) -> Path:
    """Several articles (uk and ru), a file that cannot be read as what it claims, and a
    source without its translation."""
    root.mkdir()
    shutil.copy(SEEDS / "geneva-talks.uk.txt", root / "geneva.uk.txt")
    shutil.copy(SEEDS / "geneva-talks.en.txt", root / "geneva.en.txt")
    for i in range(4):
        (root / f"kyiv{i}.uk.txt").write_text(
            f"Марко Рубіо прибув до Києва {i + 1} грудня.\n", encoding="utf-8"
        )
        (root / f"kyiv{i}.en.txt").write_text(
            f"Mark Rubio arrived in Kiev on December {i + 1}.\n", encoding="utf-8"
        )
    (root / "short.ru.txt").write_text("Премьер-министр прибыл в Киев.\n", encoding="utf-8")
    (root / "short.en.txt").write_text("The premier arrived in Kiev.\n", encoding="utf-8")
    (root / "broken.xlf").write_bytes(b"<xliff version='1.2'><file><body><trans-unit")
    (root / "alone.uk.txt").write_text("Текст без перекладу.\n", encoding="utf-8")
    return root


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return make_folder(tmp_path / "articles")


def lines(results: Iterator[dict[str, Any]]) -> tuple[str, str]:
    """The JSON lines and the summary as the CLI writes them."""
    summary = BatchSummary()
    out = []
    for result in results:
        out.append(json.dumps(result, ensure_ascii=False) + "\n")
        summary.add(result)
    return "".join(out), summary.dumps()


def test_same_lines_and_summary_as_the_local_engine(client: Any, folder: Path) -> None:
    jobs = find_jobs(folder)
    options = BatchOptions(glossary=GLOSSARY)
    local = lines(run_batch(jobs, options, workers=1))
    seen: list[int] = []
    dask = lines(run_on_client(client, jobs, options, on_done=lambda n, r: seen.append(n)))
    assert dask == local
    assert seen == list(range(1, len(jobs) + 1))
    results = [json.loads(line) for line in local[0].splitlines()]
    assert [r["name"] for r in results][:3] == ["alone", "broken.xlf", "geneva"]
    assert results[1]["exit"] == 2 and "broken.xlf" in results[1]["error"]
    summary = json.loads(local[1])
    assert summary["articles"] == len(jobs) == 8
    assert summary["input_errors"] == 2
    assert summary["per_check"]["glossary-forbidden"]["error"] >= 9  # Kiev, Mark Rubio x4


def test_shipped_articles_give_the_same_lines(client: Any, folder: Path) -> None:
    """With --scheduler the articles travel with the task: same results, same paths."""
    jobs = find_jobs(folder)
    options = BatchOptions(glossary=GLOSSARY)
    shipped = lines(run_on_client(client, jobs, options, ship_articles=True))
    assert shipped == lines(run_batch(jobs, options, workers=1))


def test_a_shipped_job_names_the_original_files(folder: Path) -> None:
    job = next(j for j in find_jobs(folder) if j.name == "broken.xlf")
    payload = ship(job)
    assert not isinstance(payload, dict)
    result = check_shipped(payload, BatchOptions())
    assert result == check_job(job, BatchOptions())
    assert result["inputs"] == [str(folder / "broken.xlf")]
    (folder / "gone.xlf").write_bytes(b"")
    gone = BatchJob("gone.xlf", (str(folder / "gone.xlf"),))
    (folder / "gone.xlf").unlink()
    assert isinstance(ship(gone), dict) and ship(gone)["exit"] == 2  # type: ignore[index]


def _builds() -> int:
    return batch.index_builds()


def test_the_glossary_is_indexed_once_per_worker(client: Any, tmp_path: Path) -> None:
    glossary = tmp_path / "team.tsv"
    shutil.copy(GLOSSARY, glossary)
    folder = make_folder(tmp_path / "articles")
    jobs = [j for j in find_jobs(folder) if j.problem is None and j.name.startswith("kyiv")]
    before = client.run(_builds)
    results = list(run_on_client(client, jobs * 3, BatchOptions(glossary=str(glossary))))
    assert len(results) == 12 and all(r["exit"] == 1 for r in results)
    after = client.run(_builds)
    built = {worker: after[worker] - before.get(worker, 0) for worker in after}
    assert len(built) == 2
    assert all(n <= 1 for n in built.values()), built  # uk articles: one index per worker
    assert sum(built.values()) >= 1
    # A saved glossary is read again (file state in the key), once more per worker.
    glossary.write_text(glossary.read_text(encoding="utf-8") + "Тест\tTest\n", encoding="utf-8")
    os.utime(glossary, ns=(1, 1))
    list(run_on_client(client, jobs * 3, BatchOptions(glossary=str(glossary))))
    again = client.run(_builds)
    assert all(again[w] - after[w] <= 1 for w in again)
    assert sum(again[w] - after[w] for w in again) >= 1


def _die(job: BatchJob, options: BatchOptions) -> dict[str, Any]:
    """A task whose worker dies on one article (a crash, the OOM killer)."""
    if job.name == "geneva":
        os._exit(3)
    return check_job(job, options)


def _children() -> set[int]:
    import psutil

    return {p.pid for p in psutil.Process().children(recursive=True)}


def _wait_gone(pids: set[int]) -> set[int]:
    import psutil

    alive = [psutil.Process(p) for p in pids if psutil.pid_exists(p)]
    _, still = psutil.wait_procs(alive, timeout=10)
    return {p.pid for p in still}


def test_a_dying_worker_stops_the_run_and_the_cluster(folder: Path) -> None:
    """A worker that dies on every try: a one-line VersoError naming the article, and
    the cluster's processes are gone afterwards."""
    import dask

    before = _children()
    seen: list[str] = []
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        run = run_batch_dask(
            find_jobs(folder), BatchOptions(), workers=1, task=_die,
            on_done=lambda n, r: seen.append(r["name"]),
        )  # fmt: skip
        # geneva kills its worker; a finished result not yet gathered from that worker
        # (broken.xlf, on a loaded machine) is rescheduled and counts as a death too
        with pytest.raises(VersoError, match=r"worker died while checking (geneva|broken\.xlf)"):
            list(run)
    assert seen in (["alone", "broken.xlf"], ["alone"])
    assert _wait_gone(_children() - before) == set()


def test_an_interrupted_run_shuts_its_cluster_down(folder: Path) -> None:
    before = _children()

    def interrupt(n: int, result: dict[str, Any]) -> None:
        if n == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        list(run_batch_dask(find_jobs(folder), BatchOptions(), workers=2, on_done=interrupt))
    assert _wait_gone(_children() - before) == set()


def test_an_unreachable_scheduler_is_one_line_in_time() -> None:
    import socket
    import time

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.monotonic()
    with pytest.raises(InputError, match="cannot reach the Dask scheduler") as caught:
        list(run_batch_dask([BatchJob("a", ("a",))], BatchOptions(),
                            scheduler=f"tcp://127.0.0.1:{port}", timeout=1.0))  # fmt: skip
    assert time.monotonic() - started < 8
    assert "\n" not in str(caught.value)


def test_without_dask_the_engine_says_which_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(VersoError, match=r'needs the "dask" extra: pip install'):
        list(run_batch_dask([BatchJob("a", ("a",))], BatchOptions()))


def test_importing_the_engine_does_not_import_dask() -> None:
    import subprocess

    code = (
        "import sys, app.cli.check_cmd, app.cli.batch_output, app.core.review.batch_dask; "
        "print('distributed' in sys.modules, 'dask' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).parents[3]).stdout  # fmt: skip
    assert out.split() == ["False", "False"]
