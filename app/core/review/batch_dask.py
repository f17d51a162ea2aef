"""`check --batch DIR --engine dask`: batch.py's jobs as tasks of a Dask cluster.

Without a scheduler address a LocalCluster runs on this machine: worker processes with
one thread each, bound to 127.0.0.1, no dashboard, distributed's logging silenced so
only our progress bar reaches stderr; it is shut down when the run ends, fails or is
interrupted. With an address (`--scheduler tcp://host:8786`) the run uses the cluster
behind it and leaves it running.

Each article is one task; results come back in job order, so the JSON lines and the
summary are those of the local engine byte for byte. Each worker process keeps the
glossary index it built (batch._index, keyed by path and file state): the glossary is
read once per worker, not once per article, and again only after it was saved.

What workers must see. The glossary (and the team ignore list beside it) is passed as
a path: every worker must read the same file at the same path (a shared folder
mounted alike everywhere). Articles: on the local cluster, by path; with --scheduler
their bytes travel with the task (written to a temporary folder on the worker and
the paths put back in the result), so workers need not see the articles' folder.

dask is an optional extra (`pip install "verso[dask]"`), imported only when this
engine runs: `import app.core...` never needs it.
"""

from __future__ import annotations

import logging
import os
import signal
import tempfile
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.files.atomic import write_bytes_atomic
from app.core.files.limits import BILINGUAL_BYTES, REVIEW_BYTES, read_regular
from app.core.model.errors import InputError, VersoError
from app.core.review.batch import BatchJob, BatchOptions, check_job, default_workers

MISSING = (
    '--engine dask needs the "dask" extra: pip install "verso[dask]" '
    '(or pip install "dask[distributed]" beside Verso)'
)
CONNECT_TIMEOUT = 10.0  # seconds to reach a --scheduler before giving up
# Tasks in flight per worker: enough to keep every worker busy, few enough that a
# folder of 100 000 articles is not held in memory at once when shipped.
_IN_FLIGHT = 8
_LOGGERS = ("distributed", "tornado", "bokeh")

Task = Callable[[BatchJob, BatchOptions], dict[str, Any]]


@dataclass(frozen=True)
class ShippedJob:
    """A job with its files' bytes, for workers that do not see the articles' folder."""

    job: BatchJob
    files: tuple[tuple[str, bytes], ...]


def ship(job: BatchJob) -> ShippedJob | dict[str, Any]:
    """The job with its files read here; the error line when one cannot be read."""
    if job.problem is not None:
        return ShippedJob(job, ())
    files: list[tuple[str, bytes]] = []
    try:
        for path in job.paths:
            data = read_regular(path, max(BILINGUAL_BYTES, REVIEW_BYTES), "an article")
            files.append((Path(path).name, data))
    except InputError as exc:
        return {"name": job.name, "inputs": list(job.paths), "error": str(exc), "exit": 2}
    return ShippedJob(job, tuple(files))


def check_shipped(shipped: ShippedJob, options: BatchOptions) -> dict[str, Any]:
    """check_job on a worker, over copies of the files in a temporary folder; the
    result names the original paths, as the local engine's does."""
    job = shipped.job
    if not shipped.files:
        return check_job(job, options)
    with tempfile.TemporaryDirectory(prefix="verso-batch-") as tmp:
        paths = []
        for name, data in shipped.files:
            path = os.path.join(tmp, name)
            write_bytes_atomic(path, data)  # a private copy, written like every file
            paths.append(path)
        result = check_job(BatchJob(job.name, tuple(paths), job.problem), options)
    result["inputs"] = list(job.paths)
    if "error" in result:
        for copy, original in zip(paths, job.paths, strict=True):
            result["error"] = result["error"].replace(copy, original)
    return result


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise VersoError(MISSING) from None
    return distributed


@contextmanager
def _quiet_logs() -> Iterator[None]:
    """distributed logs to stderr at INFO and WARNING: nothing of it while we run."""
    saved = {name: logging.getLogger(name).level for name in _LOGGERS}
    for name in _LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)


@contextmanager
def dask_client(
    scheduler: str | None = None, workers: int | None = None, timeout: float | None = None
) -> Iterator[Any]:
    """A distributed.Client: on `scheduler`, or on a LocalCluster of `workers` processes
    (default: every core) that is closed, with its processes, on the way out."""
    distributed = _distributed()
    if timeout is None:
        timeout = CONNECT_TIMEOUT
    with _quiet_logs():
        if scheduler is not None:
            try:
                client = distributed.Client(scheduler, timeout=timeout, set_as_default=False)
            except (OSError, TimeoutError, ValueError) as exc:
                why = " ".join(str(exc).split()) or type(exc).__name__
                raise InputError(
                    None, f"cannot reach the Dask scheduler at {scheduler} ({why})"
                ) from None
            try:
                yield client
            finally:
                client.close()
            return
        with _workers_ignore_ctrl_c():
            cluster = _local_cluster(distributed, workers or default_workers())
        try:
            client = distributed.Client(cluster, timeout=timeout, set_as_default=False)
            try:
                yield client
            finally:
                client.close()
        finally:
            cluster.close()


@contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Ctrl+C in a terminal reaches every process of the group: the workers started
    meanwhile inherit SIGINT ignored (an ignored signal survives exec), so only this
    process sees it and shuts the cluster down, without a traceback from each worker.
    A Ctrl+C while the cluster starts (a few seconds) is ignored with them."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _local_cluster(distributed: Any, workers: int) -> Any:
    """Worker processes of one thread each on this machine, reachable from it only."""
    return distributed.LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        scheduler_port=0,
        dashboard_address=None,
        worker_dashboard_address=None,
        # The scheduler serves its HTTP routes (health, metrics) even without a
        # dashboard, on 8787 by default: a busy port there warns and fails. Any free
        # port, on the loopback only.
        scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
        silence_logs=logging.CRITICAL,
    )


def _result(future: Any, job: BatchJob, distributed: Any) -> dict[str, Any]:
    """The task's result, or a VersoError saying which article the cluster failed on."""
    try:
        result: dict[str, Any] = future.result()
    except distributed.KilledWorker:
        raise VersoError(
            f"a Dask worker died while checking {job.name} (retried on others, each died); "
            "the run stopped"
        ) from None
    except (distributed.client.FutureCancelledError, OSError) as exc:
        raise VersoError(
            f"lost the Dask cluster while checking {job.name} ({type(exc).__name__}); "
            "the run stopped"
        ) from None
    return result


def run_on_client(
    client: Any,
    jobs: Sequence[BatchJob],
    options: BatchOptions,
    *,
    ship_articles: bool = False,
    on_done: Callable[[int, dict[str, Any]], None] | None = None,
    task: Task = check_job,
) -> Iterator[dict[str, Any]]:
    """Each job's result in job order, as batch.run_batch yields them, computed as tasks
    on `client`'s cluster (its owner closes it). Unfinished tasks are cancelled when
    the caller stops early (Ctrl+C, an error)."""
    distributed = _distributed()
    run = uuid.uuid4().hex[:12]
    window = max(1, _IN_FLIGHT * max(1, len(client.scheduler_info().get("workers", {}))))
    pending: deque[tuple[BatchJob, Any]] = deque()
    todo = iter(enumerate(jobs))

    def submit() -> None:
        for i, job in todo:
            key = f"verso-check-{run}-{i}"
            if ship_articles:
                shipped = ship(job)
                item = (
                    shipped
                    if isinstance(shipped, dict)
                    else client.submit(check_shipped, shipped, options, key=key, pure=False)
                )
            else:
                item = client.submit(task, job, options, key=key, pure=False)
            pending.append((job, item))
            if len(pending) >= window:
                return

    done = 0
    try:
        submit()
        while pending:
            job, item = pending.popleft()
            result = item if isinstance(item, dict) else _result(item, job, distributed)
            submit()
            done += 1
            if on_done is not None:
                on_done(done, result)
            yield result
    finally:
        futures = [item for _, item in pending if not isinstance(item, dict)]
        if futures:
            client.cancel(futures)


def run_batch_dask(
    jobs: Sequence[BatchJob],
    options: BatchOptions,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    timeout: float | None = None,
    on_done: Callable[[int, dict[str, Any]], None] | None = None,
    task: Task = check_job,
) -> Iterator[dict[str, Any]]:
    """run_batch on Dask: a LocalCluster of `workers` processes, or the cluster at
    `scheduler` (articles shipped with their tasks there)."""
    if workers is None:
        workers = default_workers()
    if scheduler is None:
        workers = min(workers, max(1, len(jobs)))
    with dask_client(scheduler, workers, timeout) as client, _quiet_logs():
        yield from run_on_client(
            client, jobs, options,
            ship_articles=scheduler is not None, on_done=on_done, task=task,
        )  # fmt: skip
