"""The review model and its .verso file: edits, history, ignores, paragraphs, load errors."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.glossary.version import load_index
from app.core.model.document import Pair
from app.core.model.errors import InputError
from app.core.model.issues import Issue, Severity, Side
from app.core.review.checking import checker_for
from app.core.review.file import (
    VERSION,
    changed_on_disk,
    load_review,
    remove_stale_temps,
    save_review,
)
from app.core.review.inputs import open_input
from app.core.review.model import Review
from tests.conftest import SEEDS
from tests.core.review.review_data import EN, UK, make_review, pair_with, write_pair

ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def _issue(pair: int, text: str, start: int, check: str = "glossary-forbidden") -> Issue:
    return Issue(
        check, Severity.ERROR, pair, Side.TARGET, start, start + len(text), text, "rejected"
    )


def _target_issue(review: Review, text: str, nth: int = 0) -> Issue:
    index = pair_with(review, text)
    target = review.target(index)
    start = -1
    for _ in range(nth + 1):
        start = target.index(text, start + 1)
    return _issue(index, text, start)


def test_from_files_embeds_texts_and_keeps_every_target_character(tmp_path: Path) -> None:
    review = make_review(tmp_path)
    assert review.source_lang == "uk" and review.target_lang == "en"
    assert review.source_text == UK and review.target_text == EN
    assert review.source_path == str((tmp_path / "article.uk.txt").resolve())
    assert Path(review.target_path or "").is_absolute()
    # No edits: the corrected article is the MT, paragraph by paragraph.
    expected = [" ".join(p.split()) for p in EN.split("\n\n")]
    assert [" ".join(p.split()) for p in review.corrected_paragraphs()] == expected
    assert not review.is_dirty and review.edited_indices() == []


def test_seed_article_opens_when_both_seed_files_exist() -> None:
    source, target = SEEDS / "geneva-talks.uk.txt", SEEDS / "geneva-talks.en.txt"
    review = open_input([source, target], source_lang="uk", target_lang="en")
    text = " ".join(review.corrected_paragraphs())
    assert "Mark Rubio" in text and "Kiev" in text


def test_seed_ignores_survive_save_and_load_with_the_glossary(tmp_path: Path) -> None:
    source, target = SEEDS / "geneva-talks.uk.txt", SEEDS / "geneva-talks.en.txt"
    glossary = SEEDS / "glossary.tsv"
    review = open_input([source, target], glossary=glossary, source_lang="uk", target_lang="en")
    issues = checker_for(review, load_index(glossary, "uk")).check(review.pairs)
    kiev = [i for i in issues if i.text == "Kiev"]
    assert len(kiev) >= 2, "the seed article has Kiev more than once"
    review.ignore(kiev[0])
    loaded = load_review(save_review(review, tmp_path / "seed.verso"))
    assert loaded.glossary_path == str(glossary.resolve())
    visible = loaded.visible(checker_for(loaded, load_index(glossary, "uk")).check(loaded.pairs))
    assert len(visible) == len(issues) - 1
    assert kiev[0] not in visible and all(i in visible for i in kiev[1:])


def test_missing_source_file_is_an_input_error(tmp_path: Path) -> None:
    _, target = write_pair(tmp_path)
    with pytest.raises(InputError, match=r"nope\.txt"):
        open_input([tmp_path / "nope.txt", target], source_lang="uk", target_lang="en")


def test_set_target_records_history_and_marks_dirty(tmp_path: Path) -> None:
    review = make_review(tmp_path)
    index = pair_with(review, "Kiev")
    old = review.target(index)
    new = old.replace("Kiev", "Kyiv")
    assert review.set_target(index, new, kind="apply")
    assert review.pairs[index].target == new
    assert review.original_target(index) == old, "the MT is kept"
    assert review.is_dirty and review.edited_indices() == [index]
    entry = review.history[-1]
    assert (entry.pair, entry.old, entry.new, entry.kind) == (index, old, new, "apply")
    assert ISO_UTC.match(entry.time)
    assert review.updated == entry.time
    # Same text again: nothing recorded.
    assert not review.set_target(index, new)
    assert len(review.history) == 1


def test_set_target_rejects_unknown_kind_and_index(tmp_path: Path) -> None:
    review = make_review(tmp_path)
    with pytest.raises(ValueError, match="apply-all"):
        review.set_target(0, "x", kind="typo")
    with pytest.raises(IndexError):
        review.set_target(len(review), "x")
    assert review.history == [] and not review.is_dirty


def test_set_targets_applies_to_all_and_skips_unchanged() -> None:
    pairs = [Pair(0, "Київ", "Kiev", 0), Pair(1, "Київ", "Kiev", 1), Pair(2, "а", "Kyiv", 2)]
    review = Review.from_pairs(pairs, "uk", "en")
    changed = review.set_targets({0: "Kyiv", 1: "Kyiv", 2: "Kyiv"})
    assert changed == [0, 1]
    assert [h.kind for h in review.history] == ["apply-all", "apply-all"]


def test_corrected_paragraphs_join_pairs_and_skip_empty_targets() -> None:
    pairs = [
        Pair(0, "Перше речення.", "First sentence.", 0),
        Pair(1, "Друге речення.", "Second sentence.", 0),
        Pair(2, "Пропущене.", "", 1),
        Pair(3, "Третій абзац.", "Third paragraph.", 2),
    ]
    review = Review.from_pairs(pairs, "uk", "en")
    review.set_target(1, "  Second, edited.  ")
    assert review.corrected_paragraphs() == [
        "First sentence. Second, edited.",
        "Third paragraph.",
    ]
    assert review.original_paragraphs()[0] == "First sentence. Second sentence."


def test_save_and_load_round_trip_without_the_original_files(tmp_path: Path) -> None:
    review = make_review(tmp_path)
    index = pair_with(review, "Mark Rubio")
    review.set_target(index, review.target(index).replace("Mark", "Marco"))
    issue = _target_issue(review, "Kiev")
    review.ignore(issue)
    review.add_time(42.5)
    saved = save_review(review, tmp_path / "a.verso")
    assert not review.is_dirty and review.path == str(saved)
    (tmp_path / "article.uk.txt").unlink()
    (tmp_path / "article.en.txt").unlink()

    loaded = load_review(saved)
    assert loaded.pairs == review.pairs
    assert loaded.original == review.original
    assert loaded.history == review.history
    assert loaded.ignored == review.ignored and loaded.is_ignored(issue)
    assert loaded.seconds_spent == 42.5
    assert (loaded.created, loaded.updated) == (review.created, review.updated)
    assert (loaded.source_text, loaded.target_text) == (UK, EN)
    assert loaded.path == str(saved) and not loaded.is_dirty
    assert json.loads(saved.read_text("utf-8"))["version"] == VERSION


def test_save_without_a_path_needs_one(tmp_path: Path) -> None:
    review = make_review(tmp_path)
    with pytest.raises(ValueError):
        save_review(review)
    save_review(review, tmp_path / "r.verso")
    review.set_target(0, "Changed.")
    save_review(review)  # to where it was saved
    assert load_review(tmp_path / "r.verso").target(0) == "Changed."


def test_ignore_hides_only_that_issue_and_survives_edits_elsewhere(tmp_path: Path) -> None:
    pairs = [
        Pair(0, "Київ і Київ.", "Kiev and Kiev.", 0),
        Pair(1, "Деталі", "Details", 1),
        Pair(2, "Київ і Київ.", "Kiev and Kiev.", 2),
    ]
    review = Review.from_pairs(pairs, "uk", "en")
    first, second = _issue(0, "Kiev", 0), _issue(0, "Kiev", 9)
    repeated = _issue(2, "Kiev", 0)
    review.ignore(first)
    assert review.visible([first, second, repeated]) == [second, repeated]
    # Another check flagging the same text is a different issue.
    assert not review.is_ignored(_issue(0, "Kiev", 0, check="name-inconsistent"))
    # Edits elsewhere and a re-check (new Issue objects) keep the ignore.
    review.set_target(1, "More details here")
    assert review.is_ignored(_issue(0, "Kiev", 0))
    review.unignore(first)
    assert review.visible([first, second]) == [first, second]


def test_ignore_survives_an_edit_after_the_flagged_text(tmp_path: Path) -> None:
    review = make_review(tmp_path)
    issue = _target_issue(review, "Kiev")
    review.ignore(issue)
    index = issue.pair
    review.set_target(index, review.target(index) + " More text.")
    assert review.is_ignored(_issue(index, "Kiev", issue.start))


def test_issue_for_an_unknown_pair_is_not_ignored(tmp_path: Path) -> None:
    review = make_review(tmp_path)
    assert not review.is_ignored(_issue(99, "Kiev", 0))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"Just an article.\n", "not a Verso review"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not a Verso review"),
        (b'{"format": "verso-review", "version": 1, "pairs": [', "damaged"),
        (b'{"hello": 1}', "not a Verso review"),
        (b'{"format": "verso-review", "version": 99}', "newer Verso"),
        (b'{"format": "verso-review"}', "version is missing"),
        (b'{"format": "verso-review", "version": 1}', "damaged: file: 'source' is missing"),
    ],
)
def test_unusable_files_are_input_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.verso"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        load_review(path)
    assert str(path) in str(info.value)


def test_wrong_field_types_are_reported_as_damage(tmp_path: Path) -> None:
    review = make_review(tmp_path)
    path = save_review(review, tmp_path / "r.verso")
    data = json.loads(path.read_text("utf-8"))
    data["pairs"][0]["target"] = 5
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(InputError, match="pair 0: 'target' has the wrong type"):
        load_review(path)
    data["pairs"][0]["target"] = "ok"
    data["history"] = [{"time": "t", "pair": 7, "old": "", "new": "", "kind": "edit"}]
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(InputError, match="pair 7 does not exist"):
        load_review(path)


def test_truncated_review_file_is_damaged_not_a_traceback(tmp_path: Path) -> None:
    path = save_review(make_review(tmp_path), tmp_path / "r.verso")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="damaged"):
        load_review(path)


texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sources=st.lists(texts, min_size=1, max_size=5), edits=st.lists(texts, max_size=5))
def test_any_texts_round_trip(tmp_path: Path, sources: list[str], edits: list[str]) -> None:
    pairs = [Pair(i, s, s[::-1], i // 2) for i, s in enumerate(sources)]
    review = Review.from_pairs(pairs, "uk", "en")
    for n, text in enumerate(edits):
        review.set_target(n % len(pairs), text)
    loaded = load_review(save_review(review, tmp_path / "h.verso"))
    assert loaded.pairs == review.pairs and loaded.history == review.history
    assert loaded.corrected_paragraphs() == review.corrected_paragraphs()


def test_lone_surrogate_is_saved_escaped_and_restored(tmp_path: Path) -> None:
    review = Review.from_pairs([Pair(0, "а", "b", 0)], "uk", "en")
    review.set_target(0, "bad \ud800 char")
    loaded = load_review(save_review(review, tmp_path / "s.verso"))
    assert loaded.target(0) == "bad \ud800 char"


def test_changed_on_disk_notices_another_writer(tmp_path: Path) -> None:
    review = make_review(tmp_path)
    assert not changed_on_disk(review), "never saved: nothing to compare"
    path = save_review(review, tmp_path / "r.verso")
    assert not changed_on_disk(review)
    other = load_review(path)
    assert not changed_on_disk(other)
    other.set_target(0, "Someone else's edit, longer than before.")
    save_review(other)
    assert changed_on_disk(review)
    save_review(review)  # the editor chose to overwrite
    assert not changed_on_disk(review)
    path.unlink()
    assert changed_on_disk(review)


def test_stale_temp_files_of_killed_saves_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "r.verso"
    stale, fresh = tmp_path / ".r.verso.abc123.tmp", tmp_path / ".r.verso.def456.tmp"
    unrelated = tmp_path / ".other.verso.abc.tmp"
    for f in (stale, fresh, unrelated):
        f.write_bytes(b"half")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    os.utime(unrelated, (old, old))
    save_review(Review.from_pairs([Pair(0, "а", "a", 0)], "uk", "en"), path)
    assert not stale.exists()
    assert fresh.exists(), "a save in progress elsewhere is left alone"
    assert unrelated.exists()
    assert remove_stale_temps(path, older_than=0) == 1
