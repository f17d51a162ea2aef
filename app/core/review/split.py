"""One big check over two (or N) cores: the checks in groups, each group in a process.

pofilter uses one core; a first check of a long article is flat Python (tokenising,
regexes, morphology memos) that no single trick makes much faster, so the second core
is the lever left. The parent forks after the input, the glossary index and the
dictionaries are loaded (the children share them copy-on-write); a child runs one
group of checks over every pair and sends its issues and failures back through a pipe
(pickled), while the parent runs the heaviest group. The caller merges the issues in
catalogue order, so the output is the one a sequential run gives. The heaviest group can
hand a per-pair part of its work to the first child (Share: the names' renderings of a
third of the pairs), which does it first and sends it back early, as data the parent
would otherwise compute itself. Checker splits by pairs rather than by checks
(split_pairs.py, BY_PAIRS): a group there is parts of the pairs, and the child's early
answer is its pairs' renderings, which the article-scoped name checks read.

Only when it pays and is safe (`processes`): the caller allows it (jobs > 1; the
default of every Checker is 1), the platform forks, more than one core is usable, the
process runs exactly one thread (the window checks on a thread pool and must never
fork; batch workers must not nest) and the article is big enough to pay for the fork.
A child that dies, is killed or sends something unreadable costs time, not output: the
parent runs its group itself. `check` asks for the cores free at that moment
(`free_cores`): beside other busy programs a split is slower than one process.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import signal
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, NoReturn, TypeVar

from app.core.checks.base import Check
from app.core.model.document import Pair

log = logging.getLogger(__name__)

# Checks that share memos stay in one process: the name checks read one per-pair
# analysis (names_memo), the glossary checks one matcher.
FAMILY: dict[str, str] = {
    "name-mismatch": "names",
    "name-inconsistent": "names",
    "name-missing": "names",
    "name-unknown": "names",
    "glossary-forbidden": "glossary",
    "glossary-missing": "glossary",
}
# CPU seconds of each family run alone in a fresh process (its memos cold) on the
# 1,997 NTREX pairs with the starter glossary (bench/split_costs.py, 2026-12-01 after the
# paradigm tables, loaded machine): the names alone 1.87 s, the rest 1.56 s together.
# The names run in the parent, and the first child renders a share of their pairs
# (NAMES_SHARE) before its own group. Only the checks named here may run in a child:
# any other (back-translation holds an MT session, a new check is unmeasured) runs in
# the parent.
COST: dict[str, float] = {
    "names": 1.87,
    "number-mismatch": 1.03,
    "glossary": 0.45,
    "spacing-punctuation": 0.04,
    "untranslated": 0.02,
    "omission": 0.02,
}
# Below this many source words the fork (of a 120-300 MB process: 10 ms, its
# copy-on-write faults, the pickled issues) and the memo warm-up both processes pay
# eat what the second core saves. First check, NTREX + starter, the longer of the two
# processes' CPU (a quiet machine's wall) against one process, medians of 5
# (2026-12-01): 1,000 words 75 vs 74 ms; 2,000: 120 vs 134; 3,000: 182 vs 199; 5,000:
# 282 vs 350; 38,000: 1.9 vs 2.65 s. The CPU of both together is 40-60 % more.
MIN_WORDS = 4000
# The share of the pairs whose name renderings the first child computes before its own
# group (Share: the renderings are most of the names' cost, and per pair), when the
# names run in the parent. 50,000 words x 100k entries (2026-12-01, loaded machine, CPU
# medians of 6): parent 1.94 s (names) / child 1.39 s before; with a third shared and
# the parent's loads after the fork, 1.76 / 1.73 s. NTREX + starter: balanced too
# (1.31 / 1.36 s), no gain there (1.39 s before): what the child renders cold costs it
# about what the parent saves.
NAMES_SHARE = 0.33
# Split by pairs (split_pairs.py: two processes, each meets about half of the article's
# words) rather than by checks (plan: both processes meet every word); the plan by
# checks and the names' share stay for comparison (bench/split_anatomy.py).
BY_PAIRS = True
PROC_STAT = "/proc/stat"  # Linux: procs_running, the threads runnable right now
TASKS = "/proc/self/task"  # Linux: one folder per thread of this process


def family(check: Check) -> str:
    return FAMILY.get(check.id, check.id)


def usable_cores() -> int:
    """Cores this process may run on (its affinity mask where the platform has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def free_cores() -> int:
    """Usable cores not busy right now: a split whose second process waits for a core
    another program holds is slower than no split (NTREX-sized, 50k words: 3.3 s in one
    process, 4.8 s split beside one busy process on 2 cores). Linux counts the runnable
    threads in /proc/stat (this process one of them); elsewhere every usable core."""
    cores = usable_cores()
    try:
        with open(PROC_STAT, encoding="ascii") as stat:
            running = next(
                (int(line.split()[1]) for line in stat if line.startswith("procs_running ")), 1
            )
    except (OSError, ValueError, IndexError):
        return cores
    return max(1, min(cores, cores - (running - 1)))


def big_enough(pairs: Sequence[Pair], words: int | None = None) -> bool:
    """True once the pairs' source words reach `words` (MIN_WORDS); stops counting there."""
    need = MIN_WORDS if words is None else words
    seen = 0
    for pair in pairs:
        seen += len(pair.source.split())
        if seen >= need:
            return True
    return need <= 0


def one_thread() -> bool:
    """True when this process runs a single thread: fork copies only the calling thread,
    so a lock another thread holds would stay locked in the child. threading does not
    see threads it did not start (a QThreadPool worker: active_count() is 1 there);
    Linux lists every thread in /proc/self/task."""
    if threading.active_count() != 1:
        return False
    try:
        return len(os.listdir(TASKS)) == 1
    except OSError:
        return True  # no /proc: threading's count is all there is


def processes(jobs: int, pairs: Sequence[Pair]) -> int:
    """How many processes a check of `pairs` may use: 1 unless it pays and is safe."""
    if jobs <= 1 or not hasattr(os, "fork") or not one_thread():
        return 1
    n = min(jobs, usable_cores())
    return n if n > 1 and big_enough(pairs) else 1


def plan(checks: Sequence[Check], n: int) -> list[list[int]]:
    """Indices of `checks` in at most `n` groups, families whole, balanced by COST
    (largest first, each to the lightest group); group 0 is the parent's: the heaviest,
    plus every check without a declared cost. Catalogue order inside each group."""
    families: dict[str, list[int]] = {}
    for at, check in enumerate(checks):
        families.setdefault(family(check), []).append(at)
    parent = [at for name, ats in families.items() if name not in COST for at in ats]
    known = sorted((name for name in families if name in COST), key=lambda f: -COST[f])
    groups: list[list[int]] = [[] for _ in range(max(1, n))]
    loads = [0.0] * len(groups)
    for name in known:
        lightest = min(range(len(groups)), key=lambda g: (loads[g], g))
        groups[lightest].extend(families[name])
        loads[lightest] += COST[name]
    heaviest = max(range(len(groups)), key=lambda g: (loads[g], -g))
    groups.insert(0, groups.pop(heaviest))
    groups[0].extend(parent)
    return [sorted(g) for g in groups if g]


T = TypeVar("T")
G = TypeVar("G")  # what a group is to the caller: check indices, or parts of the pairs too
HEADER = 8  # bytes of a frame's length: the child sends pickles framed, the early one first
PIPE_SIZE = 1 << 20  # Linux's default maximum: an early answer this big never waits for a reader


@dataclass(frozen=True)
class Share:
    """Work of the parent's group done partly by the first child before its own group
    and sent back early as data (the names' renderings of a part of the pairs): `child`
    runs there first, `parent` runs here meanwhile, then `take` gets what the child
    sent. What the child sends must be what the parent would compute itself: if it
    sends nothing usable, `take` is not called and the parent's group computes it."""

    child: Callable[[], object]
    parent: Callable[[], object]
    take: Callable[[object], None]


class _Child(Generic[G, T]):
    """A forked child running one group; `result` reads what it sent (None if nothing
    usable came back, or if no child could be started: no pipe, no fork)."""

    def __init__(
        self,
        group: G,
        run_group: Callable[[G], T],
        kind: type[T],
        first: Callable[[], object] | None = None,
    ) -> None:
        self.group = group
        self.kind = kind
        self.pid = 0
        self.read: int | None = None
        self.early_due = first is not None  # a frame from `first` comes before the result
        try:
            read, write = os.pipe()
        except OSError as exc:
            log.info("check group %s: no pipe (%s); run here", self.group, exc)
            return
        try:  # the early answer must not wait for the parent to read it
            import fcntl

            fcntl.fcntl(write, getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_SIZE)
        except (ImportError, OSError):
            pass  # not Linux, or a lower limit: the child may wait, the answer is the same
        try:
            pid = os.fork()
        except OSError as exc:  # EAGAIN, ENOMEM: too many processes, too little memory
            os.close(read)
            os.close(write)
            log.info("check group %s: no fork (%s); run here", self.group, exc)
            return
        if pid == 0:  # the child: never returns
            os.close(read)
            _child_main(write, self.group, run_group, first)
        os.close(write)
        self.pid = pid
        self.read = read

    def _frame(self) -> bytes | None:
        """The next framed pickle, None if the pipe ends first (the child died)."""
        head = self._exactly(HEADER)
        return None if head is None else self._exactly(int.from_bytes(head, "big"))

    def _exactly(self, size: int) -> bytes | None:
        chunks: list[bytes] = []
        while size > 0 and self.read is not None:
            chunk = os.read(self.read, min(size, 1 << 20))
            if not chunk:
                return None
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks) if size == 0 else None

    def early(self) -> object | None:
        """What the child's `first` returned (None if it failed or the child died)."""
        if self.read is None or not self.early_due:
            return None
        self.early_due = False
        data = self._frame()
        if data is None:
            self.close()  # result() reaps the child and says so
            return None
        try:
            found: object = pickle.loads(data)
        except Exception:
            log.info("check group %s: unreadable early answer", self.group, exc_info=True)
            return None
        return found

    def result(self) -> T | None:
        if self.read is None:
            if self.pid:
                self.kill()
            return None
        try:
            if self.early_due:
                self.early()
            data = self._frame()
        finally:
            self.close()
        try:
            _, status = os.waitpid(self.pid, 0)
            code = os.waitstatus_to_exitcode(status)
        except ChildProcessError:  # reaped already (SIGCHLD ignored): trust the answer
            code = 0
        self.pid = 0
        if code != 0:
            log.info("check group %s: its process ended with %s; run here", self.group, code)
            return None
        if data is None:
            log.info("check group %s: its answer was cut short; run here", self.group)
            return None
        try:
            found = pickle.loads(data)
        except Exception:  # a truncated or garbled pickle: run the group here
            log.info("check group %s: unreadable answer; run here", self.group, exc_info=True)
            return None
        if not isinstance(found, self.kind):
            log.info("check group %s: unexpected answer; run here", self.group)
            return None
        return found

    def close(self) -> None:
        if self.read is not None:
            os.close(self.read)
            self.read = None

    def kill(self) -> None:
        """End a child whose answer is no longer wanted (the parent is leaving)."""
        self.close()
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self.pid = 0


def _send(write: int, found: object) -> None:
    """One frame: the pickle's length, then the pickle."""
    body = pickle.dumps(found, pickle.HIGHEST_PROTOCOL)
    data = memoryview(len(body).to_bytes(HEADER, "big") + body)
    while data:
        data = data[os.write(write, data) :]


def _child_main(
    write: int,
    group: G,
    run_group: Callable[[G], object],
    first: Callable[[], object] | None = None,
) -> NoReturn:
    """Run `first` (if any) and send what it returns at once, then run the group and send
    its result; leave with os._exit: no atexit handler, no flush of buffers inherited
    from the parent, no return into the parent's code."""
    code = 1
    try:
        if first is not None:
            try:
                early = first()
            except Exception:  # the parent computes it itself
                early = None
            _send(write, early)
        _send(write, run_group(group))
        code = 0
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def run_split(
    groups: Sequence[G],
    run_group: Callable[[G], T],
    kind: type[T],
    share: Share | None = None,
) -> list[T]:
    """Each group's result, in the order given: groups[1:] in forked children while this
    process runs groups[0] (the first child doing `share`'s part of it first); a child
    that gives nothing usable has its group run here."""
    children: list[_Child[G, T]] = []
    # The objects loaded so far leave the collector's view until the children are
    # reaped: a full collection in a child (or in the parent while a child lives) would
    # write to every object and so copy the whole shared heap page by page, 70-600 ms
    # on NTREX with a 100k glossary (10-25 ms frozen).
    gc.freeze()
    try:
        for at, group in enumerate(groups[1:]):
            first = share.child if share is not None and at == 0 else None
            children.append(_Child(group, run_group, kind, first))
        if share is not None:
            share.parent()
            early = children[0].early() if children else None
            if early is not None:
                try:
                    share.take(early)
                except Exception:  # not what was expected: the group computes it here
                    log.info("check group %s: unusable early answer", groups[1], exc_info=True)
        results = [run_group(groups[0])]
        for child in children:
            found = child.result()
            results.append(run_group(child.group) if found is None else found)
        return results
    finally:
        for child in children:
            child.kill()
        gc.unfreeze()
