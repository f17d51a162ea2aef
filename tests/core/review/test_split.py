"""A big check split over processes (issue 12): the same issues and failures as one
process, a child that dies or garbles its answer costs time and never output, and no
fork where it is unsafe (a second thread) or does not pay (jobs=1, a small article)."""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pytest

from app.core.checks.base import Check, CheckContext
from app.core.checks.registry import all_checks
from app.core.glossary.backend import read_version
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side
from app.core.review import split
from app.core.review.checking import Checker, CheckFailure, GroupFound, checker_for
from app.core.review.inputs import open_input
from app.core.review.model import Review
from tests.conftest import SEEDS, shared_path

GLOSSARY = SEEDS / "glossary.tsv"
PARENT = os.getpid()
one_thread = split.one_thread


def _seed() -> Review:
    return open_input(
        [SEEDS / "geneva-talks.uk.txt", SEEDS / "geneva-talks.en.txt"],
        source_lang="uk", target_lang="en",
    )  # fmt: skip


def _ntrex(count: int = 400) -> Review:
    """NTREX news sentences, read in place (about 7,600 source words for 400)."""
    uk = shared_path("ntrex-uk-en", "uk.txt").read_text(encoding="utf-8").splitlines()
    en = shared_path("ntrex-uk-en", "en.txt").read_text(encoding="utf-8").splitlines()
    pairs = [Pair(i, s, t, i) for i, (s, t) in enumerate(zip(uk[:count], en[:count], strict=True))]
    return Review.from_pairs(pairs, "uk", "en")


# Earlier tests in the session (Dask, Qt) may leave threads behind: the split refuses to
# fork then, so the tests that must fork say the process is single-threaded (the child
# runs checks only, no lock another thread might hold). Python 3.12 warns on such forks.
forking = pytest.mark.filterwarnings("ignore:.*use of fork.*:DeprecationWarning")


@pytest.fixture
def any_size(monkeypatch: pytest.MonkeyPatch, may_fork: None) -> None:
    """Split articles of any size (the seed article is below the threshold)."""
    monkeypatch.setattr(split, "MIN_WORDS", 0)


def _both(review: Review, with_glossary: bool) -> tuple[Checker, list[Issue], list[Issue]]:
    index = read_version(GLOSSARY).index("uk") if with_glossary else None
    parallel = checker_for(review, index, jobs=2)
    found = parallel.check(review.pairs)  # first, while the memos are coldest
    sequential = checker_for(review, index).check(review.pairs)
    return parallel, found, sequential


@forking
@pytest.mark.parametrize("with_glossary", [True, False])
@pytest.mark.usefixtures("may_fork")
def test_ntrex_split_gives_the_sequential_issues(with_glossary: bool) -> None:
    review = _ntrex()
    assert split.big_enough(review.pairs)
    checker, found, sequential = _both(review, with_glossary)
    assert checker.last_processes == 2 and checker.failures == []
    assert found == sequential and len(found) >= 10


@forking
@pytest.mark.parametrize("with_glossary", [True, False])
@pytest.mark.usefixtures("any_size")
def test_seed_article_split_gives_the_sequential_issues(with_glossary: bool) -> None:
    checker, found, sequential = _both(_seed(), with_glossary)
    assert checker.last_processes == 2
    assert found == sequential
    assert any(i.check.startswith("glossary-") for i in found) is with_glossary


class Kiev(Check):
    id = "kiev"
    default_severity = Severity.ERROR

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        for pair in pairs:
            at = pair.target.find("Kiev")
            if at >= 0:
                yield self.issue(pair, Side.TARGET, at, at + 4, "use Kyiv", suggestion="Kyiv")


class Broken(Check):
    id = "broken"

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        raise ZeroDivisionError("division by zero")


class DiesInChild(Check):
    """Leaves abruptly in a forked child (os._exit or SIGKILL); fine in the parent."""

    id = "dies"
    default_severity = Severity.INFO
    how = "exit"

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterator[Issue]:
        if os.getpid() != PARENT:
            if self.how == "exit":
                os._exit(3)
            os.kill(os.getpid(), signal.SIGKILL)
        for pair in pairs:
            yield self.issue(pair, Side.SOURCE, 0, 1, "first letter")


def _costs(monkeypatch: pytest.MonkeyPatch, **costs: float) -> None:
    for check_id, cost in costs.items():
        monkeypatch.setitem(split.COST, check_id, cost)


@forking
@pytest.mark.usefixtures("any_size")
def test_a_check_raising_in_the_child_fails_as_in_one_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _costs(monkeypatch, kiev=5.0, broken=0.1)
    assert split.plan([Kiev(), Broken()], 2) == [[0], [1]]  # broken runs in the child
    review = _seed()
    parallel = checker_for(review, None, [Kiev(), Broken()], jobs=2)
    found = parallel.check(review.pairs)
    sequential = checker_for(review, None, [Kiev(), Broken()])
    assert parallel.last_processes == 2
    assert found == sequential.check(review.pairs) and found
    assert parallel.failures == sequential.failures == [
        CheckFailure("broken", "ZeroDivisionError: division by zero")
    ]


@forking
@pytest.mark.parametrize("how", ["exit", "kill"])
@pytest.mark.usefixtures("any_size")
def test_a_child_that_dies_has_its_group_run_in_the_parent(
    how: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    _costs(monkeypatch, kiev=5.0, dies=0.1)
    monkeypatch.setattr(DiesInChild, "how", how)
    review = _seed()
    checks: list[Check] = [Kiev(), DiesInChild()]
    with caplog.at_level(logging.INFO, logger=split.__name__):
        found = checker_for(review, None, checks, jobs=2).check(review.pairs)
    assert found == checker_for(review, None, checks).check(review.pairs)
    assert len([i for i in found if i.check == "dies"]) == len(review.pairs)
    assert "run here" in caplog.text


def _group(group: Sequence[int]) -> GroupFound:
    return GroupFound({at: [] for at in group}, [])


@forking
def test_an_unreadable_or_unexpected_answer_is_run_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def garbled(group: Sequence[int]) -> object:
        return "not a group" if os.getpid() != PARENT else _group(group)

    def unpicklable(group: Sequence[int]) -> GroupFound:
        found = _group(group)
        if os.getpid() != PARENT:
            found.failures.append(lambda: None)  # type: ignore[arg-type]
        return found

    for run in (garbled, unpicklable):
        results = split.run_split([[0], [1, 2]], run, GroupFound)  # type: ignore[arg-type]
        assert results == [_group([0]), _group([1, 2])]


def test_the_plan_keeps_families_whole_and_balances_by_cost() -> None:
    checks = all_checks()
    groups = split.plan(checks, 2)
    assert len(groups) == 2
    ids = [[checks[at].id for at in g] for g in groups]
    assert ids[0] == ["name-mismatch", "name-inconsistent", "name-missing", "name-unknown"]
    assert "glossary-forbidden" in ids[1] and "glossary-missing" in ids[1]
    assert sorted(at for g in groups for at in g) == list(range(len(checks)))
    assert split.plan(checks, 1) == [list(range(len(checks)))]


def test_a_check_without_a_declared_cost_stays_in_the_parent() -> None:
    groups = split.plan([*all_checks(), Kiev()], 2)
    assert len(all_checks()) in groups[0]


def _no_fork() -> int:
    raise AssertionError("must not fork")


@pytest.mark.usefixtures("any_size")
def test_no_split_with_jobs_1_or_a_second_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    review = _seed()
    monkeypatch.setattr(os, "fork", _no_fork)
    monkeypatch.setattr(split, "one_thread", one_thread)  # the real one, not may_fork's
    assert checker_for(review, None, jobs=1).check(review.pairs)
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        checker = checker_for(review, None, jobs=2)
        assert checker.check(review.pairs) and checker.last_processes == 1
    finally:
        stop.set()
        worker.join()


def test_no_split_for_a_small_article_or_one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    review = _seed()
    assert not split.big_enough(review.pairs)
    monkeypatch.setattr(os, "fork", _no_fork)
    checker = checker_for(review, None, jobs=2)
    assert checker.check(review.pairs) and checker.last_processes == 1
    monkeypatch.setattr(split, "MIN_WORDS", 0)
    monkeypatch.setattr(split, "usable_cores", lambda: 1)
    assert split.processes(2, review.pairs) == 1


@pytest.mark.parametrize(("running", "free"), [(1, 2), (2, 1), (5, 1)])
def test_free_cores_leaves_out_the_busy_ones(
    running: int, free: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stat = tmp_path / "stat"
    stat.write_text(f"cpu  1 2 3\nprocs_running {running}\nprocs_blocked 0\n", encoding="ascii")
    monkeypatch.setattr(split, "PROC_STAT", str(stat))
    monkeypatch.setattr(split, "usable_cores", lambda: 2)
    assert split.free_cores() == free
    monkeypatch.setattr(split, "PROC_STAT", str(tmp_path / "absent"))
    assert split.free_cores() == 2


def test_a_thread_threading_did_not_start_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Qt pool worker is invisible to threading.active_count(); /proc lists it."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    tasks = tmp_path / "task"
    (tasks / "100").mkdir(parents=True)
    monkeypatch.setattr(split, "TASKS", str(tasks))
    assert split.one_thread()
    (tasks / "101").mkdir()
    assert not split.one_thread()
    assert split.processes(2, _ntrex().pairs) == 1


@forking
@pytest.mark.usefixtures("any_size")
def test_no_fork_or_no_pipe_runs_the_group_here(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """fork fails with EAGAIN or ENOMEM on a crowded machine: slower, never wrong."""
    review = _seed()
    expected = checker_for(review, None).check(review.pairs)

    def refuse() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    with caplog.at_level(logging.INFO, logger=split.__name__):
        for name in ("fork", "pipe"):
            with monkeypatch.context() as patch:
                patch.setattr(os, name, refuse)
                checker = checker_for(review, None, jobs=2)
                assert checker.check(review.pairs) == expected
                assert checker.last_processes == 2
    assert "no fork" in caplog.text and "no pipe" in caplog.text


@forking
def test_a_child_reaped_elsewhere_is_trusted_when_its_answer_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    waitpid = os.waitpid

    def reaped(pid: int, options: int) -> tuple[int, int]:
        waitpid(pid, options)  # as SIGCHLD ignored would: gone before we ask
        raise ChildProcessError(10, "No child processes")

    monkeypatch.setattr(os, "waitpid", reaped)
    assert split.run_split([[0], [1]], _group, GroupFound) == [_group([0]), _group([1])]


class Loads(Check):
    """Says in each issue where its list was loaded: ahead (prepare) or on first use."""

    id = "loads"
    default_severity = Severity.INFO
    article_scope = True  # one issue per article: it needs every pair (a split by pairs)
    loaded_in: int | None = None
    fail_ahead = False

    def prepare(self, ctx: CheckContext) -> None:
        if self.fail_ahead:
            raise OSError("the list is unreadable")
        type(self).loaded_in = os.getpid()

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        ahead = type(self).loaded_in is not None
        yield self.issue(pairs[0], Side.TARGET, 0, 1, "loaded ahead" if ahead else "loaded now")


def _split_with_loads(monkeypatch: pytest.MonkeyPatch) -> tuple[Checker, list[Issue]]:
    """Kiev in the parent, Loads in the child, a list not loaded yet."""
    _costs(monkeypatch, kiev=5.0, loads=0.1)
    monkeypatch.setattr(Loads, "loaded_in", None)
    review = _seed()
    checker = checker_for(review, None, [Kiev(), Loads()], jobs=2)
    return checker, checker.check(review.pairs)


@forking
@pytest.mark.usefixtures("any_size")
def test_a_split_loads_the_checks_lists_before_it_forks(monkeypatch: pytest.MonkeyPatch) -> None:
    checker, found = _split_with_loads(monkeypatch)
    assert checker.last_processes == 2
    assert Loads.loaded_in == os.getpid()  # here, so the child inherited the list
    assert [i.message for i in found if i.check == "loads"] == ["loaded ahead"]


@forking
@pytest.mark.usefixtures("any_size")
def test_a_list_that_fails_to_load_ahead_is_left_to_its_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(Loads, "fail_ahead", True)
    checker, found = _split_with_loads(monkeypatch)
    assert [i.message for i in found if i.check == "loads"] == ["loaded now"]
    assert checker.failures == [] and any(i.check == "kiev" for i in found)
