"""`check --batch DIR`: JSON Lines on stdout, a progress bar on stderr, one exit code."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any, TextIO

from app.cli.inputs import _ids, selected_checks
from app.core.model.errors import InputError
from app.core.review.batch import BatchOptions, default_workers, find_jobs, run_batch

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
    selected_checks(args)  # unknown ids stop here, once, not in every job
    include, exclude = _ids(args.checks), _ids(args.exclude)
    options = BatchOptions(
        glossary=args.glossary,
        source_lang=args.source_lang,
        target_lang=args.target_lang,
        include=tuple(include) if include is not None else None,
        exclude=tuple(exclude) if exclude is not None else None,
    )
    jobs = find_jobs(args.batch)
    progress = Progress(len(jobs), sys.stderr)
    code = 0
    workers = args.jobs or default_workers()
    for result in run_batch(jobs, options, workers=workers, on_done=progress):
        json.dump(result, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        sys.stdout.flush()
        code = max(code, int(result["exit"]))
    return code
