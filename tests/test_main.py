"""`python -m app`: every command runs with the check's collector thresholds; one-shot
commands skip the final collection walk, the window keeps its normal teardown; output
and exit codes are unchanged."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest

import app.__main__ as app_main
from app.__main__ import light_exit
from tests.conftest import ROOT, SEEDS


def test_only_the_one_shot_commands_leave_lightly() -> None:
    assert light_exit(["check", "a.txt", "b.txt"])
    assert light_exit(["glossary", "list", "g.tsv"])
    assert not light_exit([])  # the window
    assert not light_exit(["open", "a.txt"])


def test_a_light_exit_keeps_the_output_and_the_exit_code() -> None:
    uk, en = SEEDS / "geneva-talks.uk.txt", SEEDS / "geneva-talks.en.txt"
    out = subprocess.run(
        [sys.executable, "-m", "app", "check", str(uk), str(en), "--glossary",
         str(SEEDS / "glossary.tsv")],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert out.returncode == 1 and out.stderr == ""
    assert out.stdout.rstrip().endswith("en")  # the summary line, the last one written
    assert "Kiev" in out.stdout


@pytest.mark.parametrize(
    ("argv", "one_shot"), [(["check", "a.txt", "b.txt"], True), ([], False), (["open"], False)]
)
def test_run_tunes_the_collector_for_every_command_and_freezes_one_shots_only(
    argv: list[str], one_shot: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, object] = {}

    def fake_main(args: list[str]) -> int:
        seen["args"], seen["threshold"] = args, gc.get_threshold()
        return 3

    monkeypatch.setattr(app_main, "main", fake_main)
    monkeypatch.setattr(gc, "freeze", lambda: seen.setdefault("frozen", True))
    before = gc.get_threshold()
    try:
        with pytest.raises(SystemExit) as leaving:
            app_main.run(argv)
    finally:
        gc.set_threshold(*before)
    assert leaving.value.code == 3 and seen["args"] == argv
    assert seen["threshold"] == app_main.APP_GC
    assert seen.get("frozen", False) is one_shot
