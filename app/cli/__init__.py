"""Command-line front end: every action of the window is reachable from here.

`verso` (or `python -m app`) alone opens the window; `verso COMMAND ...` runs the CLI.

Exit codes: 0 fine, 1 errors found (check) or problems found, 2 input unusable.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Any

from app.cli.terminal import escape_controls, escaped_output
from app.core.model.errors import VersoError

# Each subcommand module exposes register(subparsers) and sets func on its parser.
SUBCOMMANDS = (
    "check_cmd",
    "open_cmd",
    "export_cmd",
    "glossary_cmd",
    "translate_cmd",
    "metrics_cmd",
    "report_cmd",
)


def version() -> str:
    """The installed distribution's version; the package's own when run from a checkout."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    import app

    try:
        return dist_version("verso")
    except PackageNotFoundError:
        return app.__version__


class _LazyVersion(argparse._VersionAction):
    """--version that asks importlib.metadata only when given: importing it costs
    every command ~20-80 ms of start-up."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
        values: str | Sequence[Any] | None, option_string: str | None = None,
    ) -> None:
        self.version = f"%(prog)s {version()}"
        super().__call__(parser, namespace, values, option_string)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole CLI; given the command the arguments name, only that command's module
    is imported: the others import what they run (export, reports, glossary store),
    ~0.1 s of a fresh `check`. Nothing a command prints depends on its siblings (its
    usage, help and errors are its own; COMMAND lists no choices)."""
    parser = argparse.ArgumentParser(
        prog="verso",
        description="Verso: review machine translations of news articles.",
    )
    parser.add_argument("--version", action=_LazyVersion)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = f"{command}_cmd"
    for name in (chosen,) if chosen in SUBCOMMANDS else SUBCOMMANDS:
        importlib.import_module(f"app.cli.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list:
        args_list = ["open"]  # no subcommand: the window, empty, offering File > Open
    parser = build_parser(args_list[0])
    with escaped_output():  # argparse quotes the arguments in its usage errors
        args = parser.parse_args(args_list)
    try:
        with escaped_output():  # file content never drives the terminal (issue 16)
            return int(args.func(args))
    except VersoError as exc:
        print(f"error: {escape_controls(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
