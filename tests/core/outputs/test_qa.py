"""The one QA report builder: fixed, ignored and open issues and the entries this
review added to the glossary, for a review where the editor fixed two issues,
ignored one and added one entry (the seed article)."""

from __future__ import annotations

from pathlib import Path

from app.core.glossary.model import GlossaryEntry
from app.core.glossary.version import load_index
from app.core.model.issues import Issue
from app.core.outputs.qa import build_report
from app.core.review.checking import checker_for
from app.core.review.file import load_review, save_review
from app.core.review.fixes import applied
from app.core.review.inputs import open_input
from app.core.review.model import Review
from tests.conftest import SEEDS

SEED = [SEEDS / "geneva-talks.uk.txt", SEEDS / "geneva-talks.en.txt"]
GLOSSARY = SEEDS / "glossary.tsv"
ADDED = GlossaryEntry("Женева", ("Geneva",), ("Genf",), "city")


def _one(issues: list[Issue], text: str, nth: int = 0) -> Issue:
    return [i for i in issues if i.text == text][nth]


def reviewed() -> tuple[Review, list[Issue]]:
    """The seed reviewed: Mark Rubio and the first " ." fixed, the first Kiev ignored."""
    review = open_input(SEED, glossary=GLOSSARY, source_lang="uk", target_lang="en")
    checker = checker_for(review, load_index(GLOSSARY, "uk"))
    mt_issues = checker.check(review.pairs)
    for issue in (_one(mt_issues, "Mark Rubio"), _one(mt_issues, " .")):
        fixed = applied(review.target(issue.pair), issue)
        assert fixed is not None
        review.set_target(issue.pair, fixed, "apply")
    review.ignore(_one(mt_issues, "Kiev"))
    review.record_glossary_entry(ADDED)
    return review, mt_issues


def test_two_fixed_one_ignored_one_added() -> None:
    review, mt_issues = reviewed()
    report = build_report(review, checker_for(review, load_index(GLOSSARY, "uk")))
    counts = report.status_counts()
    assert counts == {"open": len(mt_issues) - 3, "fixed": 2, "ignored": 1}
    fixed = sorted(s.issue.text for s in report.issues if s.status == "fixed")
    assert fixed == [" .", "Mark Rubio"]
    assert [s.issue.pair for s in report.issues if s.status == "ignored"] == [7]
    assert list(report.glossary_added) == [ADDED]
    assert report.edited is not None and "Marco Rubio" in report.edited[0]
    assert report.metrics is not None and report.metrics.segments_changed == 2


def test_the_report_of_the_saved_review_is_the_same(tmp_path: Path) -> None:
    review, _ = reviewed()
    loaded = load_review(save_review(review, tmp_path / "r.verso"))
    assert loaded.glossary_added == [ADDED]
    index = load_index(GLOSSARY, "uk")
    before = build_report(review, checker_for(review, index))
    after = build_report(loaded, checker_for(loaded, index))
    assert after.status_counts() == before.status_counts()
    assert [(s.issue, s.status) for s in after.issues] == [
        (s.issue, s.status) for s in before.issues
    ]


def test_an_untouched_review_has_only_open_issues_and_adds_nothing() -> None:
    review = open_input(SEED, glossary=GLOSSARY, source_lang="uk", target_lang="en")
    report = build_report(review, checker_for(review, load_index(GLOSSARY, "uk")))
    assert report.status_counts()["fixed"] == report.status_counts()["ignored"] == 0
    assert report.status_counts()["open"] == len(report.issues) > 0
    assert list(report.glossary_added) == []


def test_a_fix_that_removes_one_of_two_equal_issues_counts_one() -> None:
    review = open_input(SEED, glossary=GLOSSARY, source_lang="uk", target_lang="en")
    checker = checker_for(review, load_index(GLOSSARY, "uk"))
    spaces = [i for i in checker.check(review.pairs) if i.text == " ."]
    last = spaces[-1]
    fixed = applied(review.target(last.pair), last)
    assert fixed is not None
    review.set_target(last.pair, fixed, "apply")
    statuses = {(s.issue.pair, s.status) for s in build_report(review, checker).issues
                if s.issue.text == " ."}  # fmt: skip
    assert statuses == {(spaces[0].pair, "open"), (last.pair, "fixed")}
