"""`check --batch DIR`: JSON Lines on stdout, a progress bar on stderr, one exit code."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator
from typing import Any, TextIO

from app.cli.inputs import _ids, selected_checks
from app.core.files.atomic import check_writable, write_text_atomic
from app.core.model.errors import InputError
from app.core.review.batch import BatchOptions, default_workers, find_jobs, run_batch
from app.core.review.batch_summary import BatchSummary

_BAR = 24


class Progress:
    """A one-line bar on a terminal; one plain line per article otherwise (logs, CI)."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.stream = total, stream
        self.tty = stream.isatty()
        self.started = time.perf_counter()

    def __call__(self, done: int, result: dict[str, Any]) -> None:
        elapsed = time.perf_counter() - self.started
        head = f"{done}/{self.total}"
        status = "input error" if "error" in result else f"{len(result['issues'])} issues"
        if self.tty:
            filled = _BAR * done // self.total
            bar = "#" * filled + "." * (_BAR - filled)
            end = "\n" if done == self.total else ""
            line = f"\r[{bar}] {head} {elapsed:5.1f}s {result['name']}\x1b[K{end}"
            self.stream.write(line)
        else:
            self.stream.write(f"[{head}] {result['name']}: {status} ({elapsed:.1f}s)\n")
        self.stream.flush()


def run_batch_command(args: argparse.Namespace) -> int:
    if args.inputs:
        raise InputError(None, "give either INPUT files or --batch DIR, not both")
    if args.jobs is not None and args.jobs < 1:
        raise InputError(None, "--jobs takes a number of processes, 1 or more")
    if args.scheduler is not None and args.engine != "dask":
        raise InputError(None, "--scheduler goes with --engine dask")
    selected_checks(args)  # unknown ids stop here, once, not in every job
    include, exclude = _ids(args.checks), _ids(args.exclude)
    glossary = args.glossary
    if glossary is not None and args.scheduler is not None:
        glossary = os.path.abspath(glossary)  # the workers' folder is not ours
    options = BatchOptions(
        glossary=glossary,
        source_lang=args.source_lang,
        target_lang=args.target_lang,
        include=tuple(include) if include is not None else None,
        exclude=tuple(exclude) if exclude is not None else None,
    )
    jobs = find_jobs(args.batch)
    if args.summary is not None:
        check_writable(args.summary)  # before the run, not after an hour of it
    progress = Progress(len(jobs), sys.stderr)
    summary = BatchSummary()
    code = 0
    workers = args.jobs or default_workers()
    results: Iterator[dict[str, Any]]
    if args.engine == "dask":
        from app.core.review.batch_dask import run_batch_dask

        results = run_batch_dask(
            jobs, options, workers=workers, scheduler=args.scheduler, on_done=progress
        )
    else:
        results = run_batch(jobs, options, workers=workers, on_done=progress)
    try:
        for result in results:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")  # one write
            sys.stdout.flush()
            summary.add(result)
            code = max(code, int(result["exit"]))
    except KeyboardInterrupt:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # the pool or the cluster is shut down before we say so
        sys.stderr.write(
            f"\ninterrupted: {len(summary.per_article)} of {len(jobs)} articles checked; "
            "the workers were stopped\n"
        )
        return 130
    sys.stderr.write(summary.format_text())
    if args.summary is not None:
        write_text_atomic(args.summary, summary.dumps())
    return code
