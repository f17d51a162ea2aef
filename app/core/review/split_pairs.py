"""The pair split: two processes, each running every pair-scoped check on its part of
the pairs (split.py forks and carries the answers).

A first check's cost is mostly per word met for the first time (lemmas, glossary source
matches, tokens, name candidates), and every check needs the same words analysed. Split
by checks, both processes meet every word and pay that warm-up twice (50k words x 100k
entries: ~1 s each); split by pairs, each meets about half of them. The article-scoped
checks need every pair: name-inconsistent and name-unknown run in the parent after the
child has sent the names' renderings of its pairs (split.Share: the part of their work
that is per pair), the other article-scoped checks the child may run (spacing) run there
on every pair, and any check split.COST does not list stays in the parent, on every pair.

The issues are those of one process: a pair-scoped check's issues on a pair depend on
that pair alone (what a re-check after an edit relies on too), so its issues on the
parent's pairs followed by the child's are its issues on all of them, in the same order.
A check that fails in either part fails as in one process (no issues; the message of the
part with the earlier pairs, where one process would have stopped first).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from app.core.checks.base import Check
from app.core.model.document import Pair

if TYPE_CHECKING:
    from app.core.model.issues import Issue


class _Failure(Protocol):
    """checking.CheckFailure as the merge sees it (checking imports this module)."""

    @property
    def check(self) -> str: ...


F = TypeVar("F", bound=_Failure)

# The parent's share of the source text (each distinct pair text once) for the
# pair-scoped checks: it also runs name-inconsistent and name-unknown over the article
# (with the child's renderings, ~15 % of a one-process check on 50k words x 100k
# entries), the child spacing only. Forced splits, CPU of each process, 2026-12-01
# (loaded machine, 4 interleaved rounds): at 0.45 the parent was the longer on 50k x
# 100k 4 times of 4, at 0.40 the child 3 of 4 (longer chain medians 1.67 / 1.70 s;
# NTREX + starter 1.21 / 1.19 s): between the two.
PAIR_SHARE = 0.42


@dataclass(frozen=True)
class Part:
    """Checks (indices into the checker's list) to run on the pairs at these places
    (None: every pair)."""

    checks: tuple[int, ...]
    at: tuple[int, ...] | None = None


Group = tuple[Part, ...]


@dataclass(frozen=True)
class PairPlan:
    """The parent runs `first`, takes the child's renderings of the pairs at `mine`,
    then runs `after`; the child runs `child`. `order`: each pair index's place, to put
    a check's issues from both parts back in pair order (None: the parts are in order)."""

    first: Group
    after: Group
    child: Group
    mine: tuple[int, ...]
    order: dict[int, int] | None


def owners(pairs: Sequence[Pair], share: float) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The places of the parent's pairs and of the child's: the parent's are the first
    pairs up to `share` of the source text (characters, a word count's proxy that costs
    nothing before the fork), counting each pair text once, and every
    later pair with a text it had (its memos answer for it); at least one each when
    there are two pairs. A repeated text checked in both would cost both processes."""
    texts: dict[tuple[str, str], int] = {}  # text -> its first place
    size: list[int] = []
    for at, pair in enumerate(pairs):
        first = texts.setdefault((pair.source, pair.target), at)
        size.append(len(pair.source) if first == at else 0)  # characters: no split
    need = sum(size) * share
    cut, seen = len(pairs), 0
    for at, count in enumerate(size):
        if seen + count > need:
            cut = at
            break
        seen += count
    if len(pairs) > 1:
        cut = min(max(cut, 1), len(pairs) - 1)
    parent: list[int] = []
    child: list[int] = []
    for at, pair in enumerate(pairs):
        (parent if texts[(pair.source, pair.target)] < cut else child).append(at)
    return tuple(parent), tuple(child)


def pair_plan(
    checks: Sequence[Check], pairs: Sequence[Pair], movable: Iterable[int], names: Iterable[int]
) -> PairPlan:
    """`movable`: indices of the checks that may run in a child (split.COST); `names`:
    those of the name checks (their article-scoped ones read the child's renderings)."""
    can_move, name_checks = set(movable), set(names)
    whole = {at for at, check in enumerate(checks) if check.article_scope}
    local = tuple(at for at in range(len(checks)) if at in can_move - whole)
    child_article = tuple(
        at for at in range(len(checks)) if at in can_move & whole and at not in name_checks
    )
    rest = tuple(at for at in range(len(checks)) if at not in local and at not in child_article)
    order = {pair.index: at for at, pair in enumerate(pairs)}
    parent, child = owners(pairs, PAIR_SHARE)
    if len(order) != len(pairs):  # indices repeat: the issues could not be put in order
        cut = len(parent)
        parent, child = tuple(range(cut)), tuple(range(cut, len(pairs)))
    return PairPlan(
        first=(Part(local, parent),),
        after=(Part(rest),),
        child=(Part(local, child), Part(child_article)),
        mine=child,
        order=order if len(order) == len(pairs) else None,
    )


def merged(
    parts: Sequence[tuple[dict[int, list[Issue]], Sequence[F]]],
    ids: Sequence[str],
    order: dict[int, int] | None = None,
) -> tuple[list[list[Issue]], dict[str, F]]:
    """Each check's issues (`ids`: the checks' ids) in pair order (`order`: each pair
    index's place; None: the parts are in pair order) and its failures, from each part's
    (issues by check index, failures), as one process gives them: a check that failed in
    any part has no issues, and the message of the part with the earliest pairs."""
    found: list[list[Issue]] = [[] for _ in ids]
    runs = [0 for _ in ids]
    failures: dict[str, F] = {}
    for by_check, failed in parts:
        for at, issues in by_check.items():
            found[at].extend(issues)
            runs[at] += 1
        for failure in failed:
            failures.setdefault(failure.check, failure)
    if order is not None:  # stable: a pair's issues keep their order (one part made them)
        found = [
            sorted(f, key=lambda i: order.get(i.pair, -1)) if runs[at] > 1 else f
            for at, f in enumerate(found)
        ]  # a check run once (on every pair) keeps its own order
    return [[] if ids[at] in failures else f for at, f in enumerate(found)], failures
