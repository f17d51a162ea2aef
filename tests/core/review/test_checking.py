"""Checking a review: one checker built from the review and a glossary index value;
a check that raises is reported by its id and the others still run; ignored issues
are kept apart."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.core.checks.base import Check, CheckContext
from app.core.glossary.version import GlossaryVersion
from app.core.model.document import Pair
from app.core.model.errors import InputError
from app.core.model.issues import Issue, Severity, Side
from app.core.review.checking import check_review, checker_for, review_glossary
from app.core.review.model import Review
from tests.conftest import SEEDS

PAIRS = [Pair(0, "Київ.", "Kiev ."), Pair(1, "Київ погодився.", "Kiev agreed.")]


class Broken(Check):
    id = "broken"

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        raise ZeroDivisionError("division by zero")


class Refused(Check):
    id = "refused"

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        raise InputError(None, "the MT service did not answer")


class Kiev(Check):
    id = "kiev"

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        for pair in pairs:
            at = pair.target.find("Kiev")
            if at >= 0:
                yield Issue(self.id, Severity.ERROR, pair.index, Side.TARGET, at, at + 4,
                            "Kiev", "use Kyiv", "Kyiv")  # fmt: skip


def review() -> Review:
    return Review.from_pairs(PAIRS, "uk", "en")


def test_a_failing_check_is_reported_by_id_and_the_others_run() -> None:
    result = check_review(review(), None, [Broken(), Kiev(), Refused()])
    assert [i.pair for i in result.issues] == [0, 1]
    assert [(f.check, f.message) for f in result.failures] == [
        ("broken", "ZeroDivisionError: division by zero"),
        ("refused", "the MT service did not answer"),
    ]
    assert "the broken check failed" in str(result.failures[0])
    assert result.to_json()["failures"][0] == {
        "check": "broken", "message": "ZeroDivisionError: division by zero",
    }  # fmt: skip


def test_recheck_keeps_reporting_a_failure_and_clears_it_on_a_full_run() -> None:
    checker = checker_for(review(), None, [Broken(), Kiev()])
    issues = checker.check(PAIRS)
    edited = [PAIRS[0].with_target("Kyiv ."), PAIRS[1]]
    assert [i.pair for i in checker.recheck(edited, 0, issues)] == [1]
    assert [f.check for f in checker.failures] == ["broken"]
    checker.checks = [Kiev()]
    checker.check(edited)
    assert checker.failures == []


def test_ignored_issues_are_listed_apart() -> None:
    r = review()
    first = check_review(r, None, [Kiev()]).issues[0]
    r.ignore(first)
    result = check_review(r, None, [Kiev()])
    assert result.ignored == [first] and first not in result.issues
    assert result.metrics["issues_by_severity"]["error"] == 1
    assert result.to_json()["ignored"] == [first.to_json()]


def test_the_glossary_is_read_once_and_indexed_once_per_language() -> None:
    r = review()
    r.glossary_path = str(SEEDS / "glossary.tsv")
    version = review_glossary(r)
    assert isinstance(version, GlossaryVersion)
    assert version.index("uk") is version.index("uk")
    issues = check_review(r, version.index("uk")).issues
    assert [(i.check, i.text) for i in issues if i.check == "glossary-forbidden"] == [
        ("glossary-forbidden", "Kiev"), ("glossary-forbidden", "Kiev"),
    ]  # fmt: skip
    r.glossary_path = None
    assert review_glossary(r) is None
