"""Checking a review: the one place where checks are run.

Every front end (the CLI commands, the window, the benchmark) opens its input
with `inputs.open_input` and checks the Review here, against a glossary index
passed in as a value (`GlossaryVersion.index`): nothing below reads a glossary
file by itself. A check that raises does not stop the others; its failure is
reported with the check's id.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from app.core.checks.base import Check, CheckContext, prepare_checks
from app.core.model.document import Pair
from app.core.model.errors import VersoError
from app.core.model.issues import Issue, Severity, sort_key
from app.core.review.collections_pause import fewer_collections
from app.core.review.model import Review
from app.core.review.split_pairs import Group, PairPlan, Part

if TYPE_CHECKING:
    from app.core.glossary.matcher import GlossaryIndex
    from app.core.glossary.version import GlossaryVersion
    from app.core.review.split import Share

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckFailure:
    """A check that raised instead of reporting: its id and what went wrong."""

    check: str
    message: str

    def __str__(self) -> str:
        return f"the {self.check} check failed ({self.message}); its issues are missing"

    def to_json(self) -> dict[str, str]:
        return {"check": self.check, "message": self.message}


@dataclass
class CheckResult:
    """What `check` prints: the pairs as checked, the issues and the figures.

    `issues` are the ones the editor has not ignored; `ignored` the others (a
    review file keeps its ignores).
    """

    source_lang: str
    target_lang: str
    pairs: list[Pair]
    issues: list[Issue]
    metrics: dict[str, Any] = field(default_factory=dict)
    failures: list[CheckFailure] = field(default_factory=list)
    ignored: list[Issue] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return by_severity(self.issues)

    def has_errors(self) -> bool:
        return any(i.severity is Severity.ERROR for i in self.issues)

    def to_json(self) -> dict[str, Any]:
        return {
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "pairs": [
                {"index": p.index, "source": p.source, "target": p.target, "paragraph": p.paragraph}
                for p in self.pairs
            ],
            "issues": [i.to_json() for i in self.issues],
            "metrics": self.metrics,
            "ignored": [i.to_json() for i in self.ignored],
            "failures": [f.to_json() for f in self.failures],
        }


@dataclass
class GroupFound:
    """What one group of checks found (split.py sends it from a child): issues per
    check index, and the failures of its checks."""

    issues: dict[int, list[Issue]]
    failures: list[CheckFailure]


class Checker:
    """Runs a set of checks over pairs; re-checks one pair after an edit.

    `jobs` > 1 lets a big first check run its checks in up to that many processes at
    once (split.py: only when it pays and is safe); 1, the default, never forks. The
    issues are the same either way. A split check leaves the children's memos behind,
    so it suits one-shot checks (the CLI), not a window that re-checks as you type.
    """

    def __init__(
        self, ctx: CheckContext, checks: Sequence[Check] | None = None, *, jobs: int = 1
    ) -> None:
        self.ctx = ctx
        self.jobs = jobs
        self.last_processes = 1  # processes the latest check used
        if checks is None:
            # The catalogue (and the text analysis under it) loads on the first check,
            # on a worker thread in the window, not while the window starts.
            from app.core.checks.registry import all_checks

            checks = all_checks()
        self.checks = list(checks)
        self._failures: dict[str, CheckFailure] = {}

    @property
    def failures(self) -> list[CheckFailure]:
        """Checks that raised in the latest run (in catalogue order)."""
        order = {c.id: n for n, c in enumerate(self.checks)}
        return sorted(self._failures.values(), key=lambda f: order.get(f.check, len(order)))

    def prepare(self) -> None:
        """The checks' one-time loads now (Check.prepare): before a split, so that every
        process shares them."""
        prepare_checks(self.checks, self.ctx)

    def _run(self, check: Check, pairs: Sequence[Pair]) -> list[Issue]:
        try:
            found = list(check.run(pairs, self.ctx))
        except VersoError as exc:  # a service it needs (MT) said no: say what it said
            self._failures[check.id] = CheckFailure(check.id, str(exc))
            return []
        except Exception as exc:  # one broken check must not hide the others' findings
            log.info("check %s failed", check.id, exc_info=True)
            self._failures[check.id] = CheckFailure(check.id, f"{type(exc).__name__}: {exc}")
            return []
        return found

    def _run_group(self, pairs: Sequence[Pair], group: Group) -> GroupFound:
        """Run each part's checks on its pairs; their failures move into the result."""
        found: dict[int, list[Issue]] = {}
        for part in group:
            chunk = pairs if part.at is None else [pairs[n] for n in part.at]
            for at in part.checks:
                found.setdefault(at, []).extend(self._run(self.checks[at], chunk))
        ids = {self.checks[at].id for part in group for at in part.checks}
        failures = [self._failures.pop(i) for i in list(self._failures) if i in ids]
        return GroupFound(found, failures)

    def _found(self, pairs: Sequence[Pair]) -> list[list[Issue]]:
        """Each check's issues, in catalogue order: in one process or split."""
        from app.core.review import split

        n = split.processes(self.jobs, pairs)
        if n > 1 and split.BY_PAIRS:
            self.last_processes = 2
            return self._found_by_pairs(pairs)
        groups = split.plan(self.checks, n) if n > 1 else []
        self.last_processes = len(groups) if len(groups) > 1 else 1
        if self.last_processes == 1:
            return [self._run(check, pairs) for check in self.checks]
        # The children's one-time loads before the fork (they inherit them); the parent's
        # group loads its own beside them, off the serial part (Share.parent, or on use).
        prepare_checks([self.checks[at] for group in groups[1:] for at in group], self.ctx)
        found: dict[int, list[Issue]] = {}
        share = self._names_share(pairs, groups)
        run = partial(self._run_group, pairs)
        parts = [(Part(tuple(group)),) for group in groups]
        for part in split.run_split(parts, run, GroupFound, share):
            found.update(part.issues)
            self._failures.update((f.check, f) for f in part.failures)
        return [found[at] for at in range(len(self.checks))]

    def _found_by_pairs(self, pairs: Sequence[Pair]) -> list[list[Issue]]:
        """The pair split (split_pairs.py): the pair-scoped checks on the parent's part of
        the pairs here and on the rest in a child, the article-scoped ones whole."""
        from app.core.review import split
        from app.core.review.split_pairs import merged, pair_plan

        movable = [at for at, c in enumerate(self.checks) if split.family(c) in split.COST]
        names = [at for at, c in enumerate(self.checks) if split.family(c) == "names"]
        plan = pair_plan(self.checks, pairs, movable, names)
        # What both processes run loads before the fork; the parent's own after it.
        prepare_checks([self.checks[at] for part in plan.child for at in part.checks], self.ctx)
        first: list[GroupFound] = []
        run = partial(self._run_group, pairs)
        share = self._pairs_share(pairs, plan, lambda: first.append(run(plan.first)))
        after, child = split.run_split([plan.after, plan.child], run, GroupFound, share)
        ids = [c.id for c in self.checks]
        parts = [(part.issues, part.failures) for part in (*first, child, after)]
        found, failures = merged(parts, ids, plan.order)
        self._failures.update(failures)
        return found

    def _pairs_share(self, pairs: Sequence[Pair], plan: PairPlan, own: Callable[[], None]) -> Share:
        """The child renders its pairs' names first and sends them; the parent runs its
        own part (`own`) meanwhile, then takes them for the article-scoped name checks."""
        from app.core.checks.names_memo import prepare_names, rendered_pairs, take_rendered
        from app.core.review import split

        ctx = self.ctx
        prepare_names(ctx)  # before the fork: what the renderings load, in both processes
        later = [self.checks[at] for part in plan.after for at in part.checks]

        def parent() -> None:
            own()
            prepare_checks(later, ctx)  # the parent's alone: after the fork

        theirs = [pairs[n] for n in plan.mine]

        def take(found: object) -> None:
            if not isinstance(found, list):  # split.py logs it; the checks compute them
                raise TypeError(f"early answer is {type(found).__name__}, not a list")
            take_rendered(ctx, theirs, found)

        return split.Share(child=partial(rendered_pairs, theirs, ctx), parent=parent, take=take)

    def _names_share(self, pairs: Sequence[Pair], groups: Sequence[Sequence[int]]) -> Share | None:
        """The names' renderings of the last pairs computed in the first child, when the
        name checks run in the parent (they are its heaviest part and per pair)."""
        from app.core.checks.names_memo import (
            NAME_LANGS,
            prepare_names,
            rendered_pairs,
            take_rendered,
        )
        from app.core.review import split

        names = any(split.family(self.checks[at]) == "names" for at in groups[0])
        if not names or len(groups) < 2 or self.ctx.source_lang not in NAME_LANGS:
            return None
        cut = len(pairs) - round(len(pairs) * split.NAMES_SHARE)
        ctx = self.ctx
        prepare_names(ctx)  # before the fork: what the renderings load, in both processes
        own = [self.checks[at] for at in groups[0]]

        def parent() -> None:
            prepare_checks(own, ctx)  # after the fork: the child does not need them
            rendered_pairs(pairs[:cut], ctx)

        def take(found: object) -> None:
            if not isinstance(found, list):  # split.py logs it; the group computes them
                raise TypeError(f"early answer is {type(found).__name__}, not a list")
            take_rendered(ctx, pairs[cut:], found)

        return split.Share(
            child=partial(rendered_pairs, pairs[cut:], ctx),
            parent=parent,
            take=take,
        )

    def check(self, pairs: Sequence[Pair]) -> list[Issue]:
        self._failures.clear()
        with fewer_collections():  # the memos a first check fills are not garbage
            issues = [issue for found in self._found(pairs) for issue in found]
        from app.core.checks.names_merge import merge_name_issues  # with the first check

        issues = merge_name_issues(issues)  # one error, one issue
        issues.sort(key=sort_key)
        return issues

    def recheck(
        self, pairs: Sequence[Pair], index: int, previous: Sequence[Issue]
    ) -> list[Issue]:
        """Issues for the whole article after pair `index` changed.

        Pair-scoped checks re-run on that pair only; article-scoped ones re-run
        on all pairs (their findings depend on every pair).
        """
        local = [c for c in self.checks if not c.article_scope]
        global_ = [c for c in self.checks if c.article_scope]
        global_ids = {c.id for c in global_}
        kept = [i for i in previous if i.check not in global_ids and i.pair != index]
        for check in local:
            kept.extend(self._run(check, [pairs[index]]))
        for check in global_:
            self._failures.pop(check.id, None)
            kept.extend(self._run(check, pairs))
        from app.core.checks.names_merge import merge_name_issues

        kept = merge_name_issues(kept)
        kept.sort(key=sort_key)
        return kept


def checker_for(
    review: Review,
    glossary: GlossaryIndex | None = None,
    checks: Sequence[Check] | None = None,
    options: Mapping[str, object] | None = None,
    *,
    jobs: int = 1,
) -> Checker:
    """The checker of a review: its languages, the glossary index given, the checks
    (default: the catalogue), their options (an MT provider for back-translation) and
    the processes a big check may use (Checker's `jobs`)."""
    ctx = CheckContext(review.source_lang, review.target_lang, glossary, dict(options or {}))
    return Checker(ctx, checks, jobs=jobs)


def by_severity(issues: Iterable[Issue]) -> dict[str, int]:
    counts = {s.value: 0 for s in Severity}
    for issue in issues:
        counts[issue.severity.value] += 1
    return counts


def article_metrics(pairs: Sequence[Pair], issues: Sequence[Issue]) -> dict[str, Any]:
    counts = by_severity(issues)
    by_check: dict[str, int] = {}
    for issue in issues:
        by_check[issue.check] = by_check.get(issue.check, 0) + 1
    return {
        "pairs": len(pairs),
        "source_words": sum(len(p.source.split()) for p in pairs),
        "target_words": sum(len(p.target.split()) for p in pairs),
        "issues_by_severity": counts,
        "issues_by_check": by_check,
    }


def result_of(review: Review, checker: Checker, issues: Sequence[Issue]) -> CheckResult:
    """The CheckResult of issues found on the review's current pairs."""
    visible = review.visible(issues)
    shown = set(map(id, visible))
    ignored = [i for i in issues if id(i) not in shown]
    pairs = review.pairs
    return CheckResult(
        review.source_lang,
        review.target_lang,
        pairs,
        visible,
        article_metrics(pairs, visible),
        checker.failures,
        ignored,
    )


def check_review(
    review: Review,
    glossary: GlossaryIndex | None = None,
    checks: Sequence[Check] | None = None,
    *,
    jobs: int = 1,
) -> CheckResult:
    """Check the review's current targets (edits included) with the given index; `jobs`
    > 1 lets a big article use that many processes (Checker)."""
    checker = checker_for(review, glossary, checks, jobs=jobs)
    return result_of(review, checker, checker.check(review.pairs))


def review_glossary(review: Review, *, strict: bool = True) -> GlossaryVersion | None:
    """The glossary file the review names, read once (None when it names none).

    strict: a glossary with errors raises GlossaryError (the CLI); otherwise its
    readable entries are used (the window shows the problems beside the article).
    """
    if review.glossary_path is None:
        return None
    from app.core.glossary.backend import read_version

    version = read_version(review.glossary_path)  # a file, or a postgresql:// URL
    if strict:
        version.clean_index(review.source_lang)
    return version


def index_for(review: Review, version: GlossaryVersion | None) -> GlossaryIndex | None:
    return None if version is None else version.index(review.source_lang)
