"""Segment status: confirm / unconfirm, kept in .verso files, old files still load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.model.errors import InputError
from app.core.review.file import load_review, save_review
from tests.core.review.review_data import make_review


def test_confirm_and_unconfirm_touch_the_review(tmp_path: Path) -> None:
    review = make_review(tmp_path)
    revision = review.revision
    assert review.confirmed == frozenset()
    assert review.confirm(1) is True
    assert review.confirm(1) is False
    assert review.is_confirmed(1) and not review.is_confirmed(0)
    assert review.confirmed == frozenset({1})
    assert review.revision == revision + 1 and review.is_dirty
    assert review.unconfirm(1) is True
    assert review.unconfirm(1) is False
    assert not review.is_confirmed(1)
    with pytest.raises(IndexError):
        review.confirm(len(review))


def test_changing_a_confirmed_target_unconfirms_it(tmp_path: Path) -> None:
    review = make_review(tmp_path)
    review.confirm(0)
    review.set_target(0, review.target(0) + " More.")
    assert not review.is_confirmed(0)


def test_next_unconfirmed_wraps_and_ends(tmp_path: Path) -> None:
    review = make_review(tmp_path)
    count = len(review)
    assert count >= 3
    review.confirm(1)
    assert review.next_unconfirmed(0) == 2
    assert review.next_unconfirmed(count - 1) == 0
    for i in range(count):
        review.confirm(i)
    assert review.next_unconfirmed(0) is None


def test_statuses_survive_save_and_load(tmp_path: Path) -> None:
    review = make_review(tmp_path)
    review.confirm(0)
    review.confirm(2)
    loaded = load_review(save_review(review, tmp_path / "r.verso"))
    assert loaded.confirmed == frozenset({0, 2})


def test_a_file_without_statuses_still_loads(tmp_path: Path) -> None:
    review = make_review(tmp_path)
    path = save_review(review, tmp_path / "old.verso")
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["confirmed"]  # as written before segment status existed
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_review(path).confirmed == frozenset()


@pytest.mark.parametrize("bad", [["1"], [True], [99], "0"])
def test_bad_statuses_are_a_clear_error(tmp_path: Path, bad: object) -> None:
    path = save_review(make_review(tmp_path), tmp_path / "bad.verso")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["confirmed"] = bad
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="confirmed"):
        load_review(path)
