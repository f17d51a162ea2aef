"""One way into a review: an article pair, a bilingual file or a .verso review, the
same pairs whichever way; dropped files classified; an EDITED translation applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.files.bilingual_write import write_bilingual
from app.core.model.errors import InputError
from app.core.review.file import save_review
from app.core.review.inputs import InputSpec, apply_edited, classify_dropped, open_input
from tests.core.review.review_data import EN, write_pair


def test_the_three_inputs_give_the_same_pairs(tmp_path: Path) -> None:
    source, target = write_pair(tmp_path)
    pair = open_input([source, target], source_lang="uk", target_lang="en")
    xlf = tmp_path / "a.xlf"
    write_bilingual(xlf, pair.pairs, "uk", "en")
    bilingual = open_input([xlf])
    verso = open_input([save_review(pair, tmp_path / "a.verso")])
    for other in (bilingual, verso):
        assert [(p.source, p.target) for p in other.pairs] == [
            (p.source, p.target) for p in pair.pairs
        ]
        assert (other.source_lang, other.target_lang) == ("uk", "en")
    assert bilingual.source_path == bilingual.target_path == str(xlf.resolve())
    assert verso.path == str((tmp_path / "a.verso").resolve())


def test_glossary_given_replaces_the_one_a_review_names(tmp_path: Path) -> None:
    source, target = write_pair(tmp_path)
    mine = tmp_path / "mine.tsv"
    review = open_input([source, target], glossary=mine, source_lang="uk", target_lang="en")
    assert review.glossary_path == str(mine.resolve())
    saved = save_review(review, tmp_path / "r.verso")
    assert open_input([saved]).glossary_path == str(mine.resolve())
    other = tmp_path / "other.tsv"
    assert open_input([saved], glossary=other).glossary_path == str(other.resolve())


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["article.uk.txt"], "give both the source article and its translation"),
        (["a.xlf", "article.uk.txt"], "opens by itself"),
        (["a", "b", "c"], "3 files given"),
    ],
)
def test_wrong_inputs_say_what_to_give(tmp_path: Path, names: list[str], message: str) -> None:
    write_pair(tmp_path)
    with pytest.raises(InputError, match=message):
        open_input([tmp_path / n for n in names])


def test_edited_article_and_edited_bilingual_become_the_targets(tmp_path: Path) -> None:
    source, target = write_pair(tmp_path)
    edited = tmp_path / "edited.txt"
    edited.write_text(EN.replace("Kiev", "Kyiv").replace("Mark Rubio", "Marco Rubio"), "utf-8")
    review = open_input([source, target], source_lang="uk", target_lang="en")
    changed = apply_edited(review, edited)
    assert len(changed) == 2 and all("Kiev" not in t for t in review.targets)
    fresh = open_input([source, target], source_lang="uk", target_lang="en")
    assert [p.target for p in review.original] == [p.target for p in fresh.original], "MT kept"
    xlf = tmp_path / "edited.xlf"
    write_bilingual(xlf, review.pairs, "uk", "en")
    again = open_input([source, target], source_lang="uk", target_lang="en")
    assert apply_edited(again, xlf) == changed and again.targets == review.targets


def test_an_edited_text_that_does_not_align_is_refused(tmp_path: Path) -> None:
    source, target = write_pair(tmp_path)
    review = open_input([source, target], source_lang="uk", target_lang="en")
    edited = tmp_path / "edited.txt"
    edited.write_text("One paragraph only.\n", "utf-8")
    with pytest.raises(InputError, match="does not align"):
        apply_edited(review, edited)
    assert not review.edited_indices(), "nothing was applied"


def test_dropped_files_are_classified(tmp_path: Path) -> None:
    source, target = (str(p) for p in write_pair(tmp_path))
    glossary = str(tmp_path / "g.tsv")
    assert classify_dropped([target, source]) == InputSpec((source, target))
    assert classify_dropped([glossary, source, target]) == InputSpec((source, target), glossary)
    for alone in ("r.verso", "f.xlf", "f.tmx"):
        assert classify_dropped([alone]) == InputSpec((alone,))
    for wrong in ([source], [source, target, "r.verso"], [source, target, glossary, glossary]):
        message = classify_dropped(wrong)
        assert isinstance(message, str) and "two articles" in message
