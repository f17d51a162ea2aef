"""Where a split first check spends its time (issue 12 item 2): the serial part before the
fork, each process's CPU (the parent's names, the child's share of their renderings and
its own group), the parent's wait for the child's early renderings and its answer.

The split is forced (two processes, whatever the load: free_cores() would refuse on a busy
machine), each trial in a forked copy of this process so every trial meets the article
for the first time; trials alternate with a one-process check. CPU figures stay
comparable on a loaded machine; the split's wall is only meaningful with two idle cores.

    .venv/bin/python -m bench.split_anatomy GLOSSARY FOLDER [--runs 3]

FOLDER holds src.txt and tgt.txt (bench/benchmark.py writes such folders).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from app.core.glossary.version import load_index
from app.core.model.document import Pair
from app.core.review import split
from app.core.review.checking import Checker, checker_for
from app.core.review.inputs import open_input
from app.core.text.morphology import lemmas

_LOG = Path(tempfile.gettempdir()) / f"verso-split-anatomy-{os.getpid()}.jsonl"


def _note(phase: str, cpu: float, wall: float) -> None:
    with _LOG.open("a", encoding="utf-8") as log:
        log.write(json.dumps({"pid": os.getpid(), "phase": phase, "cpu": cpu, "wall": wall}))
        log.write("\n")


_OWN = [False]  # the pair split's own part runs (its group is inside share-parent)


def _timed(phase: str, run: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any) -> Any:
        cpu, wall = time.process_time(), time.perf_counter()
        inside, _OWN[0] = _OWN[0], _OWN[0] or phase == "share-parent"
        try:
            found = run(*args)
        finally:
            _OWN[0] = inside
        if not inside:
            _note(phase, time.process_time() - cpu, time.perf_counter() - wall)
        return found

    return timed


def _instrument() -> None:
    """Every phase of a split writes its CPU and wall to the log, with its process id."""
    share = getattr(Checker, "_names_share", None)
    if share is None:  # a branch without the names' share: time the rest
        Checker._run_group = _timed("group", Checker._run_group)  # type: ignore[method-assign]
        split._Child.__init__ = _timed("start-child", split._Child.__init__)  # type: ignore[method-assign]
        split._Child.result = _timed("answer-wait", split._Child.result)  # type: ignore[method-assign]
        return

    def timed_share(self: Checker, pairs: Sequence[Pair], groups: Any) -> split.Share | None:
        _note("fork", 0.0, time.perf_counter())  # the serial part inside check ends here
        found = share(self, pairs, groups)
        if found is None:
            return None
        return split.Share(
            _timed("share-child", found.child),
            _timed("share-parent", found.parent),
            _timed("take", found.take),
        )

    pairs_share: Callable[..., split.Share] | None = getattr(Checker, "_pairs_share", None)

    def timed_pairs(self: Checker, pairs: Sequence[Pair], plan: Any, own: Any) -> split.Share:
        _note("fork", 0.0, time.perf_counter())
        assert pairs_share is not None
        found = pairs_share(self, pairs, plan, own)
        return split.Share(
            _timed("share-child", found.child),
            _timed("share-parent", found.parent),
            _timed("take", found.take),
        )

    if pairs_share is not None and getattr(split, "BY_PAIRS", False):  # the pair split
        Checker._pairs_share = timed_pairs  # type: ignore[method-assign]
    Checker._names_share = timed_share  # type: ignore[method-assign]
    Checker._run_group = _timed("group", Checker._run_group)  # type: ignore[method-assign]
    split._Child.early = _timed("early-wait", split._Child.early)  # type: ignore[method-assign]
    split._Child.__init__ = _timed("start-child", split._Child.__init__)  # type: ignore[method-assign]
    split._Child.result = _timed("answer-wait", split._Child.result)  # type: ignore[method-assign]


def _trial(checker: Checker, pairs: Sequence[Pair], jobs: int) -> dict[str, float]:
    """One first check in a forked copy of this process: its figures."""
    _LOG.unlink(missing_ok=True)
    read, write = os.pipe()
    gc.freeze()
    pid = os.fork()
    gc.unfreeze()
    if pid == 0:
        try:
            checker.jobs = jobs
            start, cpu = time.perf_counter(), time.process_time()
            checker.check(pairs)
            found = {"wall": time.perf_counter() - start, "cpu": time.process_time() - cpu}
            found["start"] = start
            os.write(write, json.dumps(found).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as answer:
        result: dict[str, float] = json.loads(answer.read())
    os.waitpid(pid, 0)
    lines = _LOG.read_text(encoding="utf-8").splitlines() if _LOG.exists() else []
    phases = [json.loads(line) for line in lines]
    _LOG.unlink(missing_ok=True)
    parent = next((p["pid"] for p in phases if p["phase"] == "start-child"), None)
    start = result.pop("start")
    for p in phases:
        if p["phase"] == "fork":
            result["serial_in_check"] = p["wall"] - start  # the monotonic clock: one per machine
    for p in phases:
        mine = p["pid"] == parent
        if p["phase"] in ("share-parent", "take", "group", "early-wait") and mine:
            result["parent_cpu"] = result.get("parent_cpu", 0.0) + p["cpu"]
        elif p["phase"] in ("share-child", "group") and not mine:
            result["child_cpu"] = result.get("child_cpu", 0.0) + p["cpu"]
        if p["phase"] in ("early-wait", "answer-wait", "start-child") and mine:
            result[p["phase"]] = p["wall"]
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("glossary", type=Path)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    lemmas("Києві", "uk")
    with tempfile.TemporaryDirectory() as cache:
        load_index(args.glossary, "uk", use_cache=True, folder=Path(cache))  # write the cache
        start = time.perf_counter()
        index = load_index(args.glossary, "uk", use_cache=True, folder=Path(cache))
        load = time.perf_counter() - start
    start = time.perf_counter()
    review = open_input(
        [args.folder / "src.txt", args.folder / "tgt.txt"], source_lang="uk", target_lang="en"
    )
    read = time.perf_counter() - start
    print(f"serial: index load {load:.3f} s, input {read:.3f} s")
    split.one_thread = lambda: True  # as the tests force it: this process has one thread
    split.usable_cores = lambda: 2
    _instrument()
    checker = checker_for(review, index)
    rows: dict[str, list[dict[str, float]]] = {"split": [], "one process": []}
    for _ in range(args.runs):
        rows["split"].append(_trial(checker, review.pairs, 2))
        rows["one process"].append(_trial(checker, review.pairs, 1))
    for name, found in rows.items():
        keys = sorted({k for row in found for k in row})
        line = ", ".join(
            f"{k} {statistics.median(r.get(k, 0.0) for r in found) * 1000:.0f} ms" for k in keys
        )
        print(f"{name} (median of {len(found)}): {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
