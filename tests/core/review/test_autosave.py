"""Autosave: written only when needed, found again, restored after SIGKILL, never torn."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.model.document import Pair
from app.core.review.autosave import (
    Autosaver,
    autosave_dir,
    autosave_path,
    find_autosave,
    list_autosaves,
    restore,
)
from app.core.review.file import changed_on_disk, load_review, save_review
from app.core.review.model import Review
from tests.conftest import ROOT
from tests.core.review.review_data import make_review, pair_with, write_pair


@pytest.fixture(autouse=True)
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    state = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    return state


def test_autosave_dir_follows_xdg_and_ignores_a_relative_value(
    state_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert autosave_dir() == state_home / "verso" / "autosave"
    monkeypatch.setenv("XDG_STATE_HOME", "relative/dir")
    assert autosave_dir() == Path.home() / ".local" / "state" / "verso" / "autosave"


def test_writes_only_when_there_are_unsaved_changes(tmp_path: Path) -> None:
    review = make_review(tmp_path)
    saver = Autosaver(review)
    assert not saver.save_if_dirty(), "an untouched review needs no autosave"
    assert not saver.path.exists()
    review.set_target(0, "Edited.")
    assert saver.save_if_dirty()
    assert saver.path.exists()
    assert not saver.save_if_dirty(), "nothing changed since"
    save_review(review, tmp_path / "r.verso")
    assert not saver.save_if_dirty()
    assert not saver.path.exists(), "a saved review leaves no autosave to offer"


def test_find_and_restore_points_back_at_the_review_file(tmp_path: Path) -> None:
    review = make_review(tmp_path)
    save_review(review, tmp_path / "r.verso")
    index = pair_with(review, "Kiev")
    review.set_target(index, review.target(index).replace("Kiev", "Kyiv"))
    saver = Autosaver(review)
    assert saver.save_if_dirty()

    found = find_autosave(review.source_path, review.target_path)
    assert found == saver.path
    restored = restore(found)
    assert restored.pairs == review.pairs and restored.history == review.history
    assert restored.path == str((tmp_path / "r.verso").resolve())
    assert restored.is_dirty, "restored edits are not in the review file yet"
    assert not changed_on_disk(restored)
    # The review file itself still holds the old text.
    assert "Kiev" in load_review(tmp_path / "r.verso").target(index)


def test_find_autosave_for_other_files_or_damaged_autosave_is_none(tmp_path: Path) -> None:
    source, target = write_pair(tmp_path)
    assert find_autosave(source, target) is None
    path = autosave_path(source, target)
    path.parent.mkdir(parents=True)
    path.write_text('{"format": "verso-review", "ver', "utf-8")
    assert find_autosave(source, target) is None
    assert list_autosaves() == []


def test_list_autosaves_offers_every_leftover_review(tmp_path: Path) -> None:
    first = make_review(tmp_path)
    first.set_target(0, "First edit.")
    Autosaver(first).save_now()
    other = Review.from_pairs([Pair(0, "Київ", "Kiev", 0)], "uk", "en")
    other.set_target(0, "Kyiv")
    Autosaver(other).save_now()
    infos = list_autosaves()
    assert len(infos) == 2
    by_source = {i.source_path: i for i in infos}
    assert by_source[first.source_path].edits == 1
    assert by_source[first.source_path].target_path == first.target_path
    assert by_source[None].review_path is None
    assert all(i.saved for i in infos)


def test_reviews_without_paths_get_distinct_autosaves() -> None:
    a = Review.from_pairs([Pair(0, "а", "a", 0)], "uk", "en")
    b = Review.from_pairs([Pair(0, "б", "b", 0)], "uk", "en")
    assert Autosaver(a).path != Autosaver(b).path


def test_failed_write_is_reported_not_raised_and_retried(tmp_path: Path) -> None:
    review = make_review(tmp_path)
    review.set_target(0, "Edited.")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be", "utf-8")
    saver = Autosaver(review, blocker / "x.verso-autosave")
    assert not saver.save_if_dirty()
    assert saver.last_error is not None and "x.verso-autosave" in str(saver.last_error)
    assert saver.pending
    saver.path = tmp_path / "ok.verso-autosave"
    assert saver.save_if_dirty() and saver.last_error is None


def test_discard_removes_the_autosave(tmp_path: Path) -> None:
    review = make_review(tmp_path)
    review.set_target(0, "Edited.")
    saver = Autosaver(review)
    saver.save_now()
    saver.discard()
    assert not saver.path.exists()
    assert find_autosave(review.source_path, review.target_path) is None
    saver.discard()  # twice is fine


def _child_env(state_home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["XDG_STATE_HOME"] = str(state_home)
    env["PYTHONPATH"] = str(ROOT)
    return env


EDITING_CHILD = """
import sys, time
from app.core.review.autosave import Autosaver
from app.core.review.inputs import open_input
review = open_input([sys.argv[1], sys.argv[2]], source_lang="uk", target_lang="en")
saver = Autosaver(review)
last_save, n = time.monotonic(), 0
while True:
    n += 1
    review.set_target(0, f"edit {n}")
    if time.monotonic() - last_save >= 0.2:   # the window's timer (every ~2 s in real use)
        if saver.save_if_dirty():
            print(f"saved {n}", flush=True)
        last_save = time.monotonic()
    time.sleep(0.005)
"""


def test_sigkill_mid_review_then_restore_loses_only_the_last_moments(
    tmp_path: Path, state_home: Path
) -> None:
    source, target = write_pair(tmp_path)
    child = subprocess.Popen(
        [sys.executable, "-c", EDITING_CHILD, str(source), str(target)],
        stdout=subprocess.PIPE,
        text=True,
        env=_child_env(state_home),
        cwd=ROOT,
    )
    assert child.stdout is not None
    lines: list[str] = []
    try:
        while len(lines) < 4:
            line = child.stdout.readline()
            assert line, "the child stopped before autosaving"
            lines.append(line)
        killed_at = time.monotonic()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        lines.extend(child.stdout.read().splitlines())
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    last_saved = int(lines[-1].split()[1])
    found = find_autosave(source, target)
    assert found is not None, "the autosave is found again after the crash"
    restored = restore(found)
    edit_number = int(restored.target(0).split()[1])
    assert edit_number >= last_saved
    assert len(restored.history) == edit_number, "every edit's history came back"
    assert time.monotonic() - killed_at < 10


SAVING_CHILD = """
import sys
from app.core.review.autosave import Autosaver
from app.core.model.document import Pair
from app.core.review.file import save_review
from app.core.review.model import Review
path = sys.argv[1]
pairs = [Pair(i, f"джерело {i}", f"source {i}", i) for i in range(40)]
review = Review.from_pairs(pairs, "uk", "en")
saver = Autosaver(review, path + "-autosave")
print("ready", flush=True)
n = 0
while True:
    n += 1
    review.set_target(n % 40, f"version {n} " + "x" * (n % 500))
    save_review(review, path)
    saver.save_now()
    print(n, flush=True)
"""


def test_kill_during_saves_always_leaves_a_loadable_file(
    tmp_path: Path, state_home: Path
) -> None:
    kills = int(os.environ.get("VERSO_KILL_LOOPS", "100"))  # issue 7: 100 kills, ~12 s
    path = tmp_path / "loop.verso"
    save_review(Review.from_pairs([Pair(0, "а", "a", 0)], "uk", "en"), path)
    rng = random.Random(7)
    versions = set()
    for _ in range(kills):
        child = subprocess.Popen(
            [sys.executable, "-c", SAVING_CHILD, str(path)],
            stdout=subprocess.PIPE,
            text=True,
            env=_child_env(state_home),
            cwd=ROOT,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        # Kill after a random number of finished saves (whatever the machine's speed),
        # then at a random moment inside the next one.
        for _ in range(rng.randint(0, 12)):
            child.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.01))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
        review = load_review(path)  # never torn: raises if it were
        versions.add(tuple(review.targets))
        autosave = Path(str(path) + "-autosave")
        if autosave.exists():
            restore(autosave)
    assert len(versions) > 5, "the kills landed at different points of the save loop"
