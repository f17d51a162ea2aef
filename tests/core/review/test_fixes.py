"""Apply-suggestion and apply-to-all as plain functions."""

from __future__ import annotations

from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side
from app.core.review.fixes import applied, apply_all, replace_spans
from app.core.review.model import Review


def kiev(pair: int, start: int, check: str = "glossary-forbidden") -> Issue:
    return Issue(check, Severity.ERROR, pair, Side.TARGET, start, start + 4, "Kiev", "m", "Kyiv")


def review() -> Review:
    pairs = [
        Pair(0, "у Києві, Київ", "in Kiev, Kiev"),
        Pair(1, "Київ", "Kiev said"),
        Pair(2, "Рубіо", "Rubio"),
    ]
    return Review.from_pairs(pairs, "uk", "en")


def test_applied_replaces_the_span_and_rejects_stale_spans() -> None:
    assert applied("in Kiev, Kiev", kiev(0, 3)) == "in Kyiv, Kiev"
    assert applied("in Kyiv, Kiev", kiev(0, 3)) is None  # text changed since the check
    no_fix = Issue("x", Severity.INFO, 0, Side.TARGET, 3, 7, "Kiev", "m", None)
    assert applied("in Kiev", no_fix) is None


def test_apply_all_covers_every_pair_and_skips_ignored_and_other_checks() -> None:
    r = review()
    issues = [kiev(0, 3), kiev(0, 9), kiev(1, 0), kiev(1, 0, check="other")]
    assert apply_all(r, issues, issues[0]) == {0: "in Kyiv, Kyiv", 1: "Kyiv said"}
    r.ignore(issues[2])
    assert apply_all(r, issues, issues[0]) == {0: "in Kyiv, Kyiv"}


def test_replace_spans_skips_overlaps() -> None:
    a = Issue("c", Severity.ERROR, 0, Side.TARGET, 0, 4, "Kiev", "m", "Kyiv")
    b = Issue("c", Severity.ERROR, 0, Side.TARGET, 2, 6, "ev K", "m", "X")
    # Right to left: b is replaced; a overlaps it and is left for the next check.
    assert replace_spans("Kiev Kiev", [a, b]) == "KiXiev"
    assert replace_spans("Kiev", []) == "Kiev"
