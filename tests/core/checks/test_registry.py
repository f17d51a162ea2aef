"""Checks are registered as classes with what a person needs to know about them;
selection by id; the issue helper fills in the check's id and default severity."""

from __future__ import annotations

import pytest

from app.core.checks.base import CheckCategory
from app.core.checks.registry import (
    CHECK_CLASSES,
    OPTIONAL_CHECK_CLASSES,
    all_checks,
    check_class,
    known_ids,
    select_checks,
)
from app.core.checks.spacing import SpacingPunctuationCheck
from app.core.model.document import Pair
from app.core.model.issues import Severity, Side

ALL = CHECK_CLASSES + OPTIONAL_CHECK_CLASSES


def test_every_check_declares_id_label_description_category_severity() -> None:
    ids = [cls.id for cls in ALL]
    assert len(set(ids)) == len(ids) == 12
    for cls in ALL:
        assert cls.label.strip() and cls.label != cls.id, cls
        assert cls.description.strip().endswith(")") or cls.description.endswith("."), cls
        assert isinstance(cls.category, CheckCategory), cls
        assert isinstance(cls.default_severity, Severity), cls
        assert check_class(cls.id) is cls
    assert known_ids() == ids


def test_the_default_run_is_the_catalogue_without_optional_checks() -> None:
    assert [type(c) for c in all_checks()] == list(CHECK_CLASSES)
    assert "back-translation" not in [c.id for c in all_checks()]


def test_select_includes_excludes_and_keeps_report_order() -> None:
    assert [c.id for c in select_checks(["spacing-punctuation", "glossary-forbidden"])] == [
        "glossary-forbidden", "spacing-punctuation",
    ]  # fmt: skip
    without = [c.id for c in select_checks(exclude=["omission"])]
    assert "omission" not in without and len(without) == len(CHECK_CLASSES) - 1
    assert [c.id for c in select_checks(["back-translation"])] == ["back-translation"]
    assert select_checks(["omission"], ["omission"]) == []


def test_an_unknown_id_is_named_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown check\(s\): kiev, nope; known: glossary"):
        select_checks(["kiev"], ["nope"])


def test_the_issue_helper_fills_id_severity_and_text() -> None:
    check = SpacingPunctuationCheck()
    pair = Pair(3, "Джерело .", "Reported .")
    issue = check.issue(pair, Side.TARGET, 8, 10, "Space before", suggestion=".")
    assert (issue.check, issue.severity, issue.pair, issue.text) == (
        "spacing-punctuation", Severity.WARNING, 3, " .",
    )  # fmt: skip
    source = check.issue(pair, Side.SOURCE, 0, 7, "m", severity=Severity.INFO, source_span=(1, 2))
    assert (source.text, source.severity, source.source_start) == ("Джерело", Severity.INFO, 1)
    assert check.issue(3, Side.TARGET, 0, 2, "m", text="Re").pair == 3
    with pytest.raises(ValueError, match="flagged text"):
        check.issue(3, Side.TARGET, 0, 2, "m")
