"""The names' renderings shared in a split (split.Share): the first child renders the
last pairs' names before its own group and sends them back early; the parent takes them
into its memo. The issues stay those of one process, whatever share the child renders,
and a child that dies or garbles its early answer costs time, never output."""

from __future__ import annotations

import os
import weakref

import pytest

from app.core.checks import names_memo
from app.core.glossary.backend import read_version
from app.core.model.document import Pair
from app.core.review import split
from app.core.review.checking import GroupFound, checker_for
from tests.core.review.test_split import GLOSSARY, PARENT, _group, _ntrex, forking

pytestmark = forking


@pytest.mark.parametrize("share", [0.0, 0.33, 1.0])
@pytest.mark.usefixtures("may_fork")
def test_the_issues_are_those_of_one_process_whatever_the_child_renders(
    share: float, monkeypatch: pytest.MonkeyPatch, rendered_here: list[Pair]
) -> None:
    review = _ntrex()
    index = read_version(GLOSSARY).index("uk")
    monkeypatch.setattr(split, "NAMES_SHARE", share)
    monkeypatch.setattr(split, "BY_PAIRS", False)  # the names' share of the split by checks
    monkeypatch.setattr(names_memo, "_MEMOS", weakref.WeakKeyDictionary())  # cold memos
    checker = checker_for(review, index, jobs=2)
    found = checker.check(review.pairs)
    assert checker.last_processes == 2 and checker.failures == []
    cut = len(review.pairs) - round(len(review.pairs) * share)
    assert rendered_here and all(p.index < cut for p in rendered_here) if cut else not rendered_here
    monkeypatch.setattr(names_memo, "_MEMOS", weakref.WeakKeyDictionary())
    assert found == checker_for(review, index).check(review.pairs) and len(found) >= 10


def test_renderings_sent_as_data_are_the_ones_computed_here() -> None:
    review = _ntrex(120)
    checker = checker_for(review, read_version(GLOSSARY).index("uk"))
    sent = names_memo.rendered_pairs(review.pairs, checker.ctx)
    assert sent and any(rendered for _, rendered, _ in sent)
    fresh = names_memo.NamesMemo()
    memos: weakref.WeakKeyDictionary[object, names_memo.NamesMemo] = weakref.WeakKeyDictionary()
    memos[checker.ctx.glossary] = fresh
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(names_memo, "_MEMOS", memos)
        names_memo.take_rendered(checker.ctx, review.pairs, sent)
    keys = [(p.source, p.target, "uk") for p in review.pairs]
    assert fresh.renderings == {keys[at]: rendered for at, rendered, _ in sent}
    assert fresh.unlinked == {keys[at]: unlinked for at, _, unlinked in sent}
    assert len(sent) == sum(1 for p in review.pairs if p.source and p.target)


class Unreadable:
    """Pickles, but cannot be read back."""

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return (_refuse, ())


def _refuse() -> None:
    raise ValueError("cannot be read")


def _exit_in_child() -> object:
    os._exit(3)


@pytest.mark.parametrize(
    ("child", "taken"),
    [
        (lambda: ("early", os.getpid()), True),
        (Unreadable, False),
        (lambda: 1 / 0, False),  # raises in the child: nothing sent, its group still runs
        (_exit_in_child, False),  # dies: its group runs here
    ],
)
def test_an_early_answer_is_taken_only_when_it_reads(child: object, taken: bool) -> None:
    took: list[object] = []
    parent: list[int] = []
    share = split.Share(child=child, parent=lambda: parent.append(1), take=took.append)  # type: ignore[arg-type]
    results = split.run_split([[0], [1, 2]], _group, GroupFound, share)
    assert results == [_group([0]), _group([1, 2])] and parent == [1]
    if taken:
        assert len(took) == 1 and took[0] != ("early", os.getpid())
    else:
        assert took == []


def test_an_early_answer_the_parent_cannot_use_costs_time_not_output() -> None:
    def take(found: object) -> None:
        raise TypeError("not renderings")

    share = split.Share(child=lambda: "garbled", parent=lambda: None, take=take)
    results = split.run_split([[0], [1]], _group, GroupFound, share)
    assert results == [_group([0]), _group([1])]


def test_no_share_without_a_child_or_the_names_in_the_parent() -> None:
    review = _ntrex(10)
    checker = checker_for(review, None)
    names = [at for at, c in enumerate(checker.checks) if split.family(c) == "names"]
    others = [at for at in range(len(checker.checks)) if at not in names]
    assert checker._names_share(review.pairs, [names, others]) is not None
    assert checker._names_share(review.pairs, [others, names]) is None
    assert checker._names_share(review.pairs, [names + others]) is None




@pytest.mark.usefixtures("may_fork")
def test_the_parents_own_loads_wait_until_the_child_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Name-unknown's glossary words (a walk over every entry) only the parent needs:
    loaded beside the child, not before the fork where both would wait for it."""
    from app.core.checks.names_unknown import NameUnknownCheck
    from app.core.checks.numbers import NumberMismatchCheck

    events: list[str] = []
    fork = os.fork

    def forking() -> int:
        pid = fork()
        if pid:
            events.append("fork")
        return pid

    def loads(name: str) -> object:
        def prepare(self: object, ctx: object) -> None:
            if os.getpid() == PARENT:
                events.append(name)

        return prepare

    monkeypatch.setattr(os, "fork", forking)
    monkeypatch.setattr(NameUnknownCheck, "prepare", loads("names"))
    monkeypatch.setattr(NumberMismatchCheck, "prepare", loads("numbers"))
    review = _ntrex()
    checker = checker_for(review, read_version(GLOSSARY).index("uk"), jobs=2)
    checker.check(review.pairs)
    assert checker.last_processes == 2
    assert events == ["numbers", "fork", "names"]
