"""Checking a folder of articles at once, on every core (`check --batch DIR`).

A folder holds article pairs named NAME.<lang>.<ext> (NAME.uk.txt beside NAME.en.txt;
the English one, or else the one not in uk/ru, is the translation), bilingual files and
saved reviews, each a job of its own (glossary files are passed over). Jobs run
through any `concurrent.futures.Executor` (a process pool by default; a later engine
can pass its own) and come back in folder order, one JSON-able dict each, so the CLI
prints JSON Lines as they arrive.
Each worker reads the glossary once and keeps its index for every later job.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.model.errors import InputError, VersoError

# NAME.<lang>.<ext>: a two- or three-letter language code before the extension.
_LANG_NAME = re.compile(r"^(?P<name>.+)\.(?P<lang>[A-Za-z]{2,3})\.(?P<ext>[^.]+)$")
# Source languages Verso reads; English is the usual translation.
_SOURCE_LANGS = ("uk", "ru")
_TARGET_LANG = "en"


@dataclass(frozen=True)
class BatchJob:
    """One article to check: its name and the paths `open_input` takes (or why not)."""

    name: str
    paths: tuple[str, ...]
    problem: str | None = None


@dataclass(frozen=True)
class BatchOptions:
    """What every job shares: the glossary, the languages and the checks selected."""

    glossary: str | None = None
    source_lang: str | None = None
    target_lang: str | None = None
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] | None = None


def _pick_target(langs: dict[str, Path]) -> str | None:
    """The language code of the translation among two files, or None if unclear."""
    codes = sorted(langs)
    if _TARGET_LANG in codes:
        return _TARGET_LANG
    others = [c for c in codes if c.lower() not in _SOURCE_LANGS]
    return others[0] if len(others) == 1 else None


def find_jobs(folder: str | Path) -> list[BatchJob]:
    """The jobs of a folder (not its subfolders), sorted by name; InputError if none."""
    from app.core.glossary.formats import is_glossary_path
    from app.core.review.inputs import opens_alone

    root = Path(folder)
    if not root.is_dir():
        raise InputError(root, "is not a folder (--batch takes a folder of articles)")
    jobs: list[BatchJob] = []
    groups: dict[str, dict[str, Path]] = {}
    for path in sorted(root.iterdir()):
        if not path.is_file() or path.name.startswith("."):
            continue
        if is_glossary_path(path) and not _LANG_NAME.match(path.name):
            continue  # the team's glossary kept beside the articles
        if opens_alone(path):
            jobs.append(BatchJob(path.name, (str(path),)))
            continue
        match = _LANG_NAME.match(path.name)
        if match is None:
            jobs.append(BatchJob(path.name, (str(path),), "not NAME.<lang>.<ext> nor bilingual"))
            continue
        groups.setdefault(match["name"], {})[match["lang"].lower()] = path
    for name, langs in groups.items():
        target = _pick_target(langs) if len(langs) == 2 else None
        if target is None:
            found = ", ".join(p.name for p in langs.values())
            why = "needs a source and a translation" if len(langs) < 2 else "which is which?"
            jobs.append(BatchJob(name, tuple(str(p) for p in langs.values()), f"{why} ({found})"))
            continue
        (source,) = (p for code, p in langs.items() if code != target)
        jobs.append(BatchJob(name, (str(source), str(langs[target]))))
    jobs.sort(key=lambda job: job.name)
    if not jobs:
        raise InputError(root, "holds no article to check")
    return jobs


# One glossary index per worker process and glossary/language/file state, read on first
# use. The file's mtime and size are part of the key: a long-lived worker (a Dask
# cluster serves many runs) reads a glossary again once it has been saved.
_indexes: dict[tuple[str, str, int, int], Any] = {}
_index_lock = threading.Lock()
_builds = 0


def _index(glossary: str, source_lang: str) -> Any:
    from app.core.glossary.backend import read_version

    global _builds
    try:
        info = os.stat(glossary)
        state = (info.st_mtime_ns, info.st_size)
    except OSError:
        state = (0, 0)  # read_version says what is wrong
    key = (glossary, source_lang, *state)
    with _index_lock:  # a Dask worker may run jobs on several threads
        if key not in _indexes:
            index = read_version(glossary).clean_index(source_lang)
            for old in [k for k in _indexes if k[:2] == key[:2]]:
                del _indexes[old]  # an older state of the file is of no more use
            _indexes[key] = index
            _builds += 1
        return _indexes[key]


def index_builds() -> int:
    """How many glossary indexes this process has built (tests: once per worker)."""
    return _builds


def check_job(job: BatchJob, options: BatchOptions) -> dict[str, Any]:
    """Check one job: `check --format json`'s object plus name, inputs, exit; never raises
    a VersoError (it becomes the line's "error", exit 2)."""
    from app.core.checks.registry import select_checks
    from app.core.review.checking import check_review
    from app.core.review.inputs import open_input

    head: dict[str, Any] = {"name": job.name, "inputs": list(job.paths)}
    if job.problem is not None:
        return {**head, "error": f"{job.paths[0]}: {job.problem}", "exit": 2}
    try:
        review = open_input(
            job.paths,
            glossary=options.glossary,
            source_lang=options.source_lang,
            target_lang=options.target_lang,
        )
        from app.core.review import ignore_list

        review.team_ignores = ignore_list.keys(ignore_list.for_glossary(review.glossary_path))
        index = None
        if review.glossary_path is not None:
            index = _index(review.glossary_path, review.source_lang)
        checks = None
        if options.include is not None or options.exclude is not None:
            include = list(options.include) if options.include is not None else None
            exclude = list(options.exclude) if options.exclude is not None else None
            checks = select_checks(include, exclude)
        result = check_review(review, index, checks)
    except VersoError as exc:
        return {**head, "error": str(exc), "exit": 2}
    code = 1 if result.has_errors() or result.failures else 0
    return {**head, **result.to_json(), "exit": code}


def _warm_up() -> None:
    """Load what every job needs before forking, so workers share it (copy on write)."""
    import app.core.checks.registry  # noqa: F401
    from app.core.text.morphology import lemmas

    for lang in _SOURCE_LANGS:
        lemmas("слово", lang)


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def run_batch(
    jobs: Sequence[BatchJob],
    options: BatchOptions,
    *,
    workers: int | None = None,
    executor: Executor | None = None,
    on_done: Callable[[int, dict[str, Any]], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Each job's result, in job order, as soon as it and those before it are done.

    `executor`: any concurrent.futures.Executor (its owner shuts it down); without one,
    `workers` processes (default: every core; 1 runs in this process, no pool).
    `on_done(count, result)` is called with each result yielded (a progress bar).
    """
    workers = workers or default_workers()
    done = 0
    if executor is None and workers == 1:
        for job in jobs:
            result = check_job(job, options)
            done += 1
            if on_done is not None:
                on_done(done, result)
            yield result
        return
    own = executor is None
    if executor is None:
        _warm_up()
        executor = ProcessPoolExecutor(max_workers=min(workers, max(1, len(jobs))))
    try:
        futures = [executor.submit(check_job, job, options) for job in jobs]
        for future in futures:
            result = future.result()
            done += 1
            if on_done is not None:
                on_done(done, result)
            yield result
    finally:
        if own:
            executor.shutdown(cancel_futures=True)
