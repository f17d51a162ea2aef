"""The split by pairs (split_pairs.py): each process runs the pair-scoped checks on its
part of the pairs, the article-scoped ones run whole; the issues and failures are those
of one process wherever the cut falls, and a child that dies before or after sending
its renderings costs time, never output."""

from __future__ import annotations

import os
import weakref
from collections.abc import Iterable, Sequence

import pytest

from app.core.checks import names_memo
from app.core.checks.base import Check, CheckContext
from app.core.checks.registry import all_checks
from app.core.glossary.backend import read_version
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side
from app.core.review import split, split_pairs
from app.core.review.checking import CheckFailure, GroupFound, checker_for
from tests.core.review.test_split import GLOSSARY, PARENT, Kiev, _ntrex, _seed, forking

pytestmark = forking


@pytest.mark.parametrize("share", [0.1, 0.43, 0.9])
@pytest.mark.usefixtures("may_fork")
def test_the_issues_are_those_of_one_process_wherever_the_cut_falls(
    share: float, monkeypatch: pytest.MonkeyPatch, rendered_here: list[Pair]
) -> None:
    review = _ntrex()
    index = read_version(GLOSSARY).index("uk")
    monkeypatch.setattr(split_pairs, "PAIR_SHARE", share)
    monkeypatch.setattr(names_memo, "_MEMOS", weakref.WeakKeyDictionary())  # cold memos
    checker = checker_for(review, index, jobs=2)
    found = checker.check(review.pairs)
    assert checker.last_processes == 2 and checker.failures == []
    mine, theirs = split_pairs.owners(review.pairs, share)
    # the child's pairs' renderings came from the child, even for the article's checks
    assert rendered_here and {p.index for p in rendered_here} <= set(mine) and theirs
    monkeypatch.setattr(names_memo, "_MEMOS", weakref.WeakKeyDictionary())
    assert found == checker_for(review, index).check(review.pairs) and len(found) >= 10


class Letters(Check):
    """One issue a pair."""

    id = "letters"
    default_severity = Severity.INFO

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        for pair in pairs:
            yield self.issue(pair, Side.TARGET, 0, 1, "first letter")


class FailsFrom(Check):
    """Raises on the first pair at or after `at` (its issues before that are lost too)."""

    id = "fails-from"
    default_severity = Severity.INFO
    at = 0

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        for pair in pairs:
            if pair.index >= self.at:
                raise ValueError(f"pair {pair.index}")
            yield self.issue(pair, Side.SOURCE, 0, 1, "first letter")


@pytest.mark.parametrize("where", [0.2, 0.9])  # in the parent's part, in the child's
@pytest.mark.usefixtures("may_fork")
def test_a_check_failing_in_one_part_fails_as_in_one_process(
    where: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(split.COST, "fails-from", 0.1)
    monkeypatch.setitem(split.COST, "letters", 0.1)
    review = _ntrex()
    monkeypatch.setattr(FailsFrom, "at", int(len(review.pairs) * where))
    checks: list[Check] = [Letters(), FailsFrom()]
    parallel = checker_for(review, None, checks, jobs=2)
    found = parallel.check(review.pairs)
    sequential = checker_for(review, None, checks)
    assert parallel.last_processes == 2
    assert found == sequential.check(review.pairs) and len(found) == len(review.pairs)
    assert parallel.failures == sequential.failures == [
        CheckFailure("fails-from", f"ValueError: pair {FailsFrom.at}")
    ]


def _exit_in_child(pairs: object, ctx: object) -> object:
    if os.getpid() != PARENT:
        os._exit(3)
    return []


@pytest.mark.usefixtures("may_fork")
def test_a_child_dying_before_its_renderings_costs_time_not_output(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    review = _seed()
    monkeypatch.setattr(split, "MIN_WORDS", 0)
    index = read_version(GLOSSARY).index("uk")
    expected = checker_for(review, index).check(review.pairs)
    monkeypatch.setattr(names_memo, "_MEMOS", weakref.WeakKeyDictionary())
    monkeypatch.setattr(names_memo, "rendered_pairs", _exit_in_child)
    checker = checker_for(review, index, jobs=2)
    assert checker.check(review.pairs) == expected and checker.last_processes == 2


def test_the_plan_runs_the_article_checks_whole_and_the_rest_on_parts() -> None:
    checks = [*all_checks(), Kiev()]
    pairs = _ntrex(40).pairs
    movable = [at for at, c in enumerate(checks) if split.family(c) in split.COST]
    names = [at for at, c in enumerate(checks) if split.family(c) == "names"]
    plan = split_pairs.pair_plan(checks, pairs, movable, names)
    ids = {c.id: at for at, c in enumerate(checks)}
    (first,), (after,), (child, child_whole) = plan.first, plan.after, plan.child
    assert first.at is not None and child.at == plan.mine and after.at is None
    assert sorted(first.at + plan.mine) == list(range(len(pairs)))
    assert first.checks == child.checks and ids["name-mismatch"] in first.checks
    assert ids["name-inconsistent"] in after.checks and ids["name-unknown"] in after.checks
    assert ids["kiev"] in after.checks  # no declared cost: the parent, every pair
    assert child_whole.checks == (ids["spacing-punctuation"],) and child_whole.at is None
    every = sorted([*first.checks, *after.checks, *child_whole.checks])
    assert every == list(range(len(checks)))


def test_the_parts_share_the_words_of_each_text_once() -> None:
    pairs = [Pair(i, "слово " * (i + 1), "word", i) for i in range(10)]  # 55 words
    assert split_pairs.owners(pairs, 0.5) == ((0, 1, 2, 3, 4, 5), (6, 7, 8, 9))  # 21 | 34
    assert split_pairs.owners(pairs, 0.0)[0] == (0,) and split_pairs.owners(pairs, 1.0)[1] == (9,)
    assert split_pairs.owners(pairs[:1], 0.5) == ((), (0,))
    assert split_pairs.owners([], 0.5) == ((), ())
    # a text met again later goes with its first place, and counts once
    again = [*pairs[:6], Pair(10, pairs[0].source, "word", 10), *pairs[6:]]
    assert split_pairs.owners(again, 0.5) == ((0, 1, 2, 3, 4, 5, 6), (7, 8, 9, 10))


def test_repeated_pair_indices_keep_the_parts_in_pair_order() -> None:
    pairs = [Pair(i % 3, "слово " * (i % 3 + 1), "word", i) for i in range(9)]
    plan = split_pairs.pair_plan([Kiev()], pairs, [0], [])
    assert plan.order is None and plan.first[0].at == tuple(range(len(plan.first[0].at or ())))


def test_a_failure_in_any_part_empties_the_checks_issues() -> None:
    issue = Kiev().issue(Pair(0, "a", "Kiev", 0), Side.TARGET, 0, 4, "use Kyiv")
    first = GroupFound({0: [issue], 1: [issue]}, [CheckFailure("b", "early")])
    second = GroupFound({0: [issue], 1: []}, [CheckFailure("b", "late")])
    parts = [(p.issues, p.failures) for p in (first, second)]
    found, failures = split_pairs.merged(parts, ["a", "b"])
    assert found == [[issue, issue], []]
    assert failures == {"b": CheckFailure("b", "early")}


def test_the_merge_puts_a_split_checks_issues_in_pair_order_and_leaves_the_others() -> None:
    made = Kiev()

    def at(pair: int) -> Issue:
        return made.issue(pair, Side.TARGET, 0, 4, "use Kyiv", text="Kiev")

    order = {0: 0, 1: 1, 2: 2}
    parent = GroupFound({0: [at(0), at(2)], 1: [at(2), at(0)]}, [])  # check 1: article order
    child = GroupFound({0: [at(1)]}, [])
    parts = [(p.issues, p.failures) for p in (parent, child)]
    found, _ = split_pairs.merged(parts, ["a", "b"], order)
    assert found == [[at(0), at(1), at(2)], [at(2), at(0)]]
