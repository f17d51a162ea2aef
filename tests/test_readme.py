"""The README's commands are the CLI's: every `python -m app` line it shows runs, in
order, in a fresh folder beside the seeds, as a real process (the window offscreen,
the MT server a local LibreTranslate stand-in), and every subcommand is shown."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from app.cli import build_parser
from tests.conftest import ROOT
from tests.core.fake_libretranslate import serve

README = ROOT / "README.md"


def readme_commands() -> list[list[str]]:
    """Every `python -m app ...` line of the README's shell blocks, as argument lists."""
    text = README.read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            if line.startswith("python -m app"):
                commands.append(shlex.split(line, comments=True)[3:])
    return commands


def test_the_readme_shows_every_command() -> None:
    shown = {args[0] for args in readme_commands() if args}
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert shown == set(sub.choices)  # type: ignore[arg-type]


def test_every_readme_command_runs(tmp_path: Path) -> None:
    # A copy, not a link: the review keeps the glossary's real path, and a glossary
    # outside the review's folder is asked about before the window opens it.
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    commands = readme_commands()
    assert len(commands) >= 15
    with serve() as server:
        for args in commands:
            args = [server.url if a.startswith("http://localhost") else a for a in args]
            if args[0] == "open":
                args.append("--quit-after-check")
            run = subprocess.run(
                [sys.executable, "-m", "app", *args], cwd=tmp_path, env=env,
                capture_output=True, text=True, timeout=120, check=False,
            )  # fmt: skip
            shown = " ".join(args)
            assert run.returncode in (0, 1), f"{shown}: exit {run.returncode}\n{run.stderr}"
            assert "Traceback" not in run.stderr, shown
            if args[0] == "check" and "--exclude" not in args and "--checks" not in args:
                assert run.returncode == 1, f"{shown}: the sample has errors"
    for made in ("geneva.verso", "geneva.xlf", "geneva.docx", "report.html", "report.csv",
                 "team.tsv", "team.tbx", "mt.en.txt"):  # fmt: skip
        assert (tmp_path / made).stat().st_size > 0, made
    team = (tmp_path / "team.tsv").read_text(encoding="utf-8")
    assert "Женева\tGeneva\tcity\tGenf\tolena" in team
