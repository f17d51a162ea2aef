"""A check raises the collector's thresholds for its length only, and never lowers them."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core.checks.base import Check, CheckContext
from app.core.model.document import Pair
from app.core.model.errors import InputError
from app.core.model.issues import Issue
from app.core.review.checking import Checker
from app.core.review.collections_pause import CHECK_GC, fewer_collections


@pytest.fixture(autouse=True)
def _thresholds() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        yield
    finally:
        gc.set_threshold(*before)


class _Seeing(Check):
    id = "seeing"
    label = "Seeing"
    description = help = "Records the collector's thresholds while it runs."

    def __init__(self) -> None:
        self.seen: list[tuple[int, int, int]] = []

    def run(self, pairs: object, ctx: CheckContext) -> list[Issue]:
        self.seen.append(gc.get_threshold())
        return []


def test_a_check_runs_with_the_raised_thresholds_and_puts_them_back() -> None:
    check = _Seeing()
    checker = Checker(CheckContext("uk", "en", None, {}), [check])
    checker.check([Pair(0, "Київ", "Kyiv")])
    assert check.seen == [CHECK_GC]
    assert gc.get_threshold() == (700, 10, 10)


def test_higher_thresholds_are_kept_and_restored() -> None:
    gc.set_threshold(100_000, 5, 1000)
    with fewer_collections():
        assert gc.get_threshold() == (100_000, 20, 1000)
    assert gc.get_threshold() == (100_000, 5, 1000)


def test_an_error_inside_restores_them() -> None:
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("a check broke")
    assert gc.get_threshold() == (700, 10, 10)


def test_overlapping_checks_on_threads_restore_once_the_last_ends() -> None:
    inside, leave = threading.Event(), threading.Event()

    def other() -> None:
        with fewer_collections():
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=other)
    thread.start()
    assert inside.wait(5)
    with fewer_collections():
        assert gc.get_threshold() == CHECK_GC
    assert gc.get_threshold() == CHECK_GC  # the other check still runs
    leave.set()
    thread.join(5)
    assert gc.get_threshold() == (700, 10, 10)


def test_opening_an_article_pair_reads_and_aligns_with_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """open_pair builds pairs that live on: read and aligned with the raised thresholds,
    the caller's put back afterwards (also when the input is refused)."""
    from app.core.review import inputs

    seen: list[tuple[int, int, int]] = []
    from app.core.text.align import align_article as align

    def spying(*args: Any) -> Any:
        seen.append(gc.get_threshold())
        return align(*args)

    monkeypatch.setattr(inputs, "align_article", spying)
    (tmp_path / "a.uk.txt").write_text("Київ 2025 року.\n\nДругий абзац.", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("Kyiv in 2025.\n\nSecond paragraph.", encoding="utf-8")
    review = inputs.open_input([tmp_path / "a.uk.txt", tmp_path / "a.en.txt"])
    assert [p.target for p in review.original] == ["Kyiv in 2025.", "Second paragraph."]
    assert seen == [CHECK_GC]
    assert gc.get_threshold() == (700, 10, 10)
    (tmp_path / "empty.txt").write_text("   ", encoding="utf-8")
    with pytest.raises(InputError):
        inputs.open_input([tmp_path / "a.uk.txt", tmp_path / "empty.txt"])
    assert gc.get_threshold() == (700, 10, 10)
