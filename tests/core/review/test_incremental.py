"""A re-check after a one-pair edit (what the window runs on each keystroke) reuses the
article-level work of the name checks, and gives exactly what a full check of the
edited article gives from scratch (issue 12 item 6)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.glossary.backend import read_version
from app.core.glossary.version import GlossaryVersion
from app.core.model.document import Pair
from app.core.review.checking import Checker, checker_for
from app.core.review.inputs import open_input
from app.core.review.model import Review
from tests.conftest import SEEDS, shared_path

GLOSSARY = SEEDS / "glossary.tsv"
# Words an editor types: names (some one slip from the article's), other words.
WORDS = [
    "Kyiv", "Kiev", "Rubio", "Rubbio", "Zelensky", "Zelenskyy", "Witkoff", "Witkof",
    "Geneva", "Genewa", "Trump", "talks", "the", "Marko", "Ukrainian", "23", "",
]  # fmt: skip
_REVIEW = open_input(
    [SEEDS / "geneva-talks.uk.txt", SEEDS / "geneva-talks.en.txt"],
    source_lang="uk", target_lang="en",
)  # fmt: skip


def _news() -> Review:
    """60 NTREX news sentences, rich in names the seed glossary does not know."""
    uk = shared_path("ntrex-uk-en", "uk.txt").read_text(encoding="utf-8").splitlines()
    en = shared_path("ntrex-uk-en", "en.txt").read_text(encoding="utf-8").splitlines()
    pairs = [Pair(i, s, t, i) for i, (s, t) in enumerate(zip(uk[:60], en[:60], strict=True))]
    return Review.from_pairs(pairs, "uk", "en")


def _fresh_checker(review: Review) -> Checker:
    """A checker with its own glossary index: its name memos start empty."""
    version: GlossaryVersion = read_version(str(GLOSSARY))
    return checker_for(review, version.index("uk"))


def _slipped(word: str, at: int) -> str:
    """The word with one letter doubled (Rubbio), a typing slip."""
    k = 1 + at % max(1, len(word) - 1)
    return word[:k] + word[k - 1 :]


def _edit(pairs: list[Pair], target: str, op: int, word: str, at: int) -> str:
    words = target.split(" ")
    names = [k for k, w in enumerate(words) if w[:1].isupper()]
    if op == 0:  # type a word
        words.insert(at % (len(words) + 1), word)
    elif op == 1:  # delete one
        del words[at % len(words)]
    elif op == 2 and names:  # misspell a name
        k = names[at % len(names)]
        words[k] = _slipped(words[k], at)
    elif op == 3 and names:  # put another name in its place
        words[names[at % len(names)]] = word or "Kyiv"
    else:  # clear the segment, or paste another pair's text
        return "" if op == 4 else pairs[at % len(pairs)].target
    return " ".join(words)


_EDITS = st.lists(
    st.tuples(
        st.integers(0, 10_000), st.integers(0, 5), st.sampled_from(WORDS),
        st.integers(0, 10_000),
    ),
    min_size=1, max_size=6,
)  # fmt: skip


def _recheck_equals_full(review: Review, edits: list[tuple[int, int, str, int]]) -> None:
    checker = _fresh_checker(review)
    original = review.pairs
    pairs: list[Pair] = list(original)
    issues = checker.check(pairs)
    for where, op, word, at in edits:
        index = where % len(pairs)
        pairs[index] = pairs[index].with_target(_edit(original, pairs[index].target, op, word, at))
        issues = checker.recheck(pairs, index, issues)
        full = _fresh_checker(review).check(pairs)
        assert [i.to_json() for i in issues] == [i.to_json() for i in full]


@settings(max_examples=25, deadline=None)
@given(edits=_EDITS)
def test_recheck_after_random_edits_equals_a_full_check_from_scratch(
    edits: list[tuple[int, int, str, int]],
) -> None:
    _recheck_equals_full(_REVIEW, edits)


@settings(max_examples=25, deadline=None)
@given(edits=_EDITS)
def test_recheck_of_news_with_unknown_names_equals_a_full_check(
    edits: list[tuple[int, int, str, int]],
) -> None:
    _recheck_equals_full(_news(), edits)


def test_a_recheck_that_changes_no_name_reuses_every_other_pairs_slips(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """name-inconsistent's slip search reads only the edited pair when the article's
    renderings are unchanged (a keystroke in a 10,000-word article, issue 12)."""
    from app.core.checks import names_linking
    from app.core.checks.names_memo import memo_for

    checker = _fresh_checker(_REVIEW)
    pairs = _REVIEW.pairs
    issues = checker.check(pairs)
    read: list[int] = []
    real = names_linking._pair_slips

    def counting(article: Any, index: int, *rest: Any) -> list[names_linking.Slip]:
        read.append(index)
        return real(article, index, *rest)

    monkeypatch.setattr(names_linking, "_pair_slips", counting)
    pairs[1] = pairs[1].with_target(pairs[1].target + " today")
    checker.recheck(pairs, 1, issues)
    assert read == [1]
    assert memo_for(checker.ctx).slips.article is not None


def test_a_slip_goes_when_the_spelling_it_resembles_is_edited_away() -> None:
    """Kier is flagged beside Keir; once the editor removes every Keir, a re-check must
    not keep the slip that the old renderings implied."""
    pairs = [
        Pair(0, "Кір Стармер прибув до Лондона.", "Keir Starmer arrived in London.", 0),
        Pair(1, "Кір Стармер сказав це.", "Keir Starmer said it.", 1),
        Pair(2, "Стармер погодився.", "Kier Starmer agreed.", 2),
    ]
    review = Review.from_pairs(pairs, "uk", "en")
    checker = _fresh_checker(review)
    current = review.pairs
    issues = checker.recheck(current, 0, checker.check(current))
    assert [(i.check, i.pair) for i in issues if i.check == "name-inconsistent"] == [
        ("name-inconsistent", 2)
    ]
    for index in (0, 1):
        current[index] = current[index].with_target(current[index].target.replace("Keir", "Sir"))
        issues = checker.recheck(current, index, issues)
        full = _fresh_checker(review).check(current)
        assert [i.to_json() for i in issues] == [i.to_json() for i in full]
    assert not [i for i in issues if i.check == "name-inconsistent"]
