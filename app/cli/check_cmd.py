"""`check INPUT`: report the issues of a translation, as text or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from app.cli.inputs import (
    add_check_selection,
    add_input_arguments,
    glossary_index,
    open_from_args,
    selected_checks,
)
from app.core.model.errors import InputError
from app.core.model.issues import Side
from app.core.review.checking import CheckResult, check_review
from app.core.review.split import free_cores


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "check",
        help="check a translation against its source and the glossary",
        description=(
            "Check a translation: an article and its translation (SOURCE TARGET), a "
            "bilingual file, or a saved review (.verso: its edited text; issues it "
            "ignores are listed apart). With --batch DIR, every article of a folder, on "
            "all cores, as JSON Lines. Exit 0: no error; 1: errors found (or a check "
            "failed); 2: an input could not be used."
        ),
    )
    add_input_arguments(p, optional=True)
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_check_selection(p)
    p.add_argument(
        "--batch", metavar="DIR",
        help="check every article in DIR (NAME.uk.txt + NAME.en.txt pairs, bilingual files, "
        ".verso reviews): one JSON line each, a progress bar on stderr",
    )  # fmt: skip
    p.add_argument(
        "--jobs", "--workers", dest="jobs", type=int, metavar="N",
        help="processes: with --batch, articles checked at once, or local Dask workers "
        "(default: every core); with one INPUT, how many processes a big article's checks "
        "may be split over (default: the cores not busy with other programs; 1: no split)",
    )  # fmt: skip
    p.add_argument(
        "--engine", choices=("local", "dask"), default="local",
        help="--batch on this machine's processes (default) or on a Dask cluster (the "
        "'dask' extra): a local one, or the one at --scheduler",
    )  # fmt: skip
    p.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="with --engine dask: a running Dask scheduler (tcp://host:8786); workers must "
        "read the glossary at the same path, articles travel with the tasks",
    )  # fmt: skip
    p.add_argument(
        "--summary", metavar="FILE",
        help="with --batch: also write the summary (issues per check and per article) as JSON",
    )  # fmt: skip
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.batch is not None:
        from app.cli.batch_output import run_batch_command

        return run_batch_command(args)
    if args.engine != "local" or args.scheduler is not None or args.summary is not None:
        raise InputError(None, "--engine, --scheduler and --summary go with --batch DIR")
    if not args.inputs:
        raise InputError(None, "give the files to check (INPUT), or --batch DIR")
    if args.jobs is not None and args.jobs < 1:
        raise InputError(None, "--jobs takes a number of processes, 1 or more")
    checks = selected_checks(args)
    review = open_from_args(args)
    jobs = free_cores() if args.jobs is None else args.jobs
    result = check_review(review, glossary_index(review, args), checks, jobs=jobs)
    if args.format == "json":
        write_json(result.to_json(), sys.stdout)
    else:
        sys.stdout.write(format_text(result))
    for failure in result.failures:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if result.has_errors() or result.failures else 0


def write_json(data: object, out: TextIO) -> None:
    """json.dump(data, out, ensure_ascii=False, indent=2) and a newline, written in
    ~64k-character pieces: json.dump hands the (escaping) stream ~90k small chunks for
    NTREX, and one json.dumps string would hold the whole output twice over."""
    pieces: list[str] = []
    size = 0
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data):
        pieces.append(chunk)
        size += len(chunk)
        if size >= 65_536:
            out.write("".join(pieces))
            pieces.clear()
            size = 0
    pieces.append("\n")
    out.write("".join(pieces))


def format_text(result: CheckResult, width: int = 30) -> str:
    lines: list[str] = []
    for issue in result.issues:
        pair = result.pairs[issue.pair]
        text = pair.source if issue.side is Side.SOURCE else pair.target
        before = text[max(0, issue.start - width) : issue.start].replace("\n", " ")
        after = text[issue.end : issue.end + width].replace("\n", " ")
        context = f"…{before}[{text[issue.start:issue.end]}]{after}…"
        hint = f" -> {issue.suggestion}" if issue.suggestion else ""
        lines.append(
            f"{issue.severity.value:7} pair {issue.pair:>3} {issue.side.value:6} "
            f"{issue.check}: {issue.message}{hint}  {context}"
        )
    counts = result.counts()
    ignored = f", {len(result.ignored)} ignored" if result.ignored else ""
    lines.append(
        f"{len(result.issues)} issues ({counts['error']} errors, {counts['warning']} warnings, "
        f"{counts['info']} info{ignored}) in {len(result.pairs)} pairs; "
        f"{result.source_lang} -> {result.target_lang}"
    )
    return "\n".join(lines) + "\n"
