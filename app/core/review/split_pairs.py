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
from typing import TYPE_CHECKING

from app.core.checks.base import Check
from app.core.model.document import Pair

if TYPE_CHECKING:
    from app.core.model.issues import Issue
    from app.core.review.checking import CheckFailure, GroupFound

# The parent's share of the source words for the pair-scoped checks: it also runs
# name-inconsistent and name-unknown over the article (with the child's renderings,
# ~15 % of a one-process check on 50k words x 100k entries), the child spacing only.
# 50,000 words x 100k entries, each part in a fresh fork, 2026-12-01 (loaded machine):
# at a half the parent 1.39-2.28 s CPU, the child 1.13-1.64 s.
PAIR_SHARE = 0.43


@dataclass(frozen=True)
class Part:
    """Checks (indices into the checker's list) to run on pairs[start:end]."""

    checks: tuple[int, ...]
    start: int = 0
    end: int | None = None


Group = tuple[Part, ...]


@dataclass(frozen=True)
class PairPlan:
    """The parent runs `first`, takes the child's renderings, then runs `after`; the
    child runs `child`. `cut`: the first pair of the child's part."""

    first: Group
    after: Group
    child: Group
    cut: int


def cut_at(pairs: Sequence[Pair], share: float) -> int:
    """The first pair after `share` of the source words (at least one pair each side
    when there are two)."""
    words = [len(p.source.split()) for p in pairs]
    need = sum(words) * share
    seen = 0
    for at, count in enumerate(words):
        if seen + count > need:
            return min(max(at, 1), len(pairs) - 1) if len(pairs) > 1 else at
        seen += count
    return max(len(pairs) - 1, 0)


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
    cut = cut_at(pairs, PAIR_SHARE)
    return PairPlan(
        first=(Part(local, 0, cut),),
        after=(Part(rest),),
        child=(Part(local, cut), Part(child_article)),
        cut=cut,
    )


def merged(
    parts: Sequence[GroupFound], ids: Sequence[str]
) -> tuple[list[list[Issue]], dict[str, CheckFailure]]:
    """Each check's issues (`ids`: the checks' ids; the parts in pair order) and
    failures, as one process gives them: a check that failed in any part has no issues,
    and the earliest part's message."""
    found: list[list[Issue]] = [[] for _ in ids]
    failures: dict[str, CheckFailure] = {}
    for part in parts:
        for at, issues in part.issues.items():
            found[at].extend(issues)
        for failure in part.failures:
            failures.setdefault(failure.check, failure)
    return [[] if ids[at] in failures else f for at, f in enumerate(found)], failures
