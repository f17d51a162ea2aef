"""The parser built for one command prints what the whole parser prints for it."""

from __future__ import annotations

import contextlib
import io

import pytest

from app.cli import SUBCOMMANDS, build_parser


def _printed(command: str | None, argv: list[str]) -> tuple[str, int]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            build_parser(command).parse_args(argv)
        except SystemExit as exc:
            return out.getvalue() + err.getvalue(), int(exc.code or 0)
    return out.getvalue() + err.getvalue(), 0


@pytest.mark.parametrize("command", [name.removesuffix("_cmd") for name in SUBCOMMANDS])
@pytest.mark.parametrize("tail", [["--help"], ["--no-such-option"], [], ["a", "b", "c"]])
def test_one_command_parser_prints_the_same(command: str, tail: list[str]) -> None:
    argv = [command, *tail]
    assert _printed(command, argv) == _printed(None, argv)


def test_an_unknown_command_gets_the_whole_parser() -> None:
    text, code = _printed("chek", ["chek"])
    assert code == 2 and "invalid choice: 'chek'" in text and "'check'" in text
