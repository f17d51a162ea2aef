"""spacing-punctuation: exact spans for stray spaces, and unbalanced quotes/brackets."""

from __future__ import annotations

import pytest

from app.core.checks.base import CheckContext
from app.core.checks.spacing import SpacingPunctuationCheck
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity
from tests.conftest import SEEDS

CTX = CheckContext("uk", "en")


def check(target: str, source: str = "Джерело.") -> list[Issue]:
    return list(SpacingPunctuationCheck().run([Pair(0, source, target)], CTX))


def test_space_before_full_stop_span_and_suggestion() -> None:
    target = "According to him, it was productive, Bloomberg reported ."
    issues = check(target)
    assert [(i.text, i.suggestion, i.severity) for i in issues] == [(" .", ".", Severity.WARNING)]
    assert target[issues[0].start : issues[0].end] == " ."


def test_seed_article_reported_dots_are_both_flagged() -> None:
    text = (SEEDS / "geneva-talks.en.txt").read_text(encoding="utf-8")
    issues = check(text)
    stops = [i for i in issues if i.text == " ."]
    assert len(stops) == 2
    assert all(text[i.start - 8 : i.end] == "reported ." for i in stops)


@pytest.mark.parametrize(
    "target",
    [
        "He said ... and left.",
        "It costs .5 dollars.",
        "Nice :) said he.",
        "... and so it began.",
        "The U.S. and the E.U. agreed.",
        "See bbc.co.uk.News for details.",
        "Prices rose 2.5% (from 1.5%) in May.",
        "He said: «Yes». Then “no”.",
        "The Lakers\" official website said \"no\".",
        "\"A quotation that runs on into the next sentence.",
        "It ended there, he said.\"",
    ],
)
def test_clean_text_is_not_flagged(target: str) -> None:
    assert check(target, "«Так» (джерело).") == []


def test_doubled_space_is_info_with_exact_span() -> None:
    target = "The talks  ended."
    issues = check(target)
    assert [(i.start, i.end, i.severity, i.suggestion) for i in issues] == [
        (9, 11, Severity.INFO, " ")
    ]


def test_missing_space_after_full_stop() -> None:
    issues = check("The talks ended.Rubio left.")
    assert [(i.text, i.suggestion) for i in issues] == [(".R", ". R")]


def test_unbalanced_brackets_and_guillemets() -> None:
    assert [i.text for i in check("He (the minister said so.")] == ["("]
    assert [i.text for i in check("He said «yes.", "Він сказав «так».")] == ["«"]


def test_quote_opened_mid_sentence_is_flagged_even_without_source_quotes() -> None:
    target = 'The minister said the "talks were over and left.'
    issues = check(target)
    assert [(i.text, i.start) for i in issues] == [('"', target.index('"'))]


def test_quote_dropped_when_the_source_has_them() -> None:
    assert [i.text for i in check('He called it "fake news.', "Він назвав це «фейком».")] == ['"']
    assert check('He called it "fake news.', "Він назвав це фейком, сказавши") != []


def test_quotation_ended_by_an_attribution_but_never_closed() -> None:
    assert [i.text for i in check('"We are doing great, he said.')] == ['"']
    assert check('"We are doing great," he said.') == []
    assert check("\"I said going into it, I said, I've talked to him.") == []


def test_quote_closed_right_after_a_word_mid_sentence() -> None:
    target = 'He remains in a stable" condition.'
    assert [i.start for i in check(target, "Він у «стабільному» стані.")] == [target.index('"')]


def test_quotation_introduced_after_a_comma() -> None:
    assert check('Trump continued, "You see this happening now.') == []
    assert [i.text for i in check('Facebook, "Google and others hired them.')] == ['"']


def test_same_texts_in_other_pairs_report_their_own_pair() -> None:
    """Findings are memoised per text: each pair still gets its own index."""
    pairs = [Pair(i, "Джерело.", "He said , no .") for i in (3, 7)] + [Pair(9, "Д.", "Fine.")]
    issues = list(SpacingPunctuationCheck().run(pairs, CTX))
    assert [(i.pair, i.text) for i in issues] == [(3, " ,"), (3, " ."), (7, " ,"), (7, " .")]


def test_a_quotation_the_source_also_leaves_open_runs_on() -> None:
    from app.core.checks.base import CheckContext as Ctx
    from app.core.checks.spacing import SpacingPunctuationCheck as C
    from app.core.model.document import Pair as P

    runs_on = P(0, 'Міс Девіс створила листівки, "щоб люди знали, що є до кого звернутися.',
                'Ms Davis created the cards, "to let people know there is someone to talk to.')
    assert not list(C().run([runs_on], Ctx("uk", "en")))
    misplaced = P(1, 'Міс Девіс створила листівки, щоб люди знали, "що є до кого звернутися.',
                  'Ms Davis "created the cards, to let people know there is someone to talk to.')
    assert list(C().run([misplaced], Ctx("uk", "en")))


def _article(*pairs: tuple[str, str]) -> list[Issue]:
    return list(
        SpacingPunctuationCheck().run([Pair(i, s, t) for i, (s, t) in enumerate(pairs)], CTX)
    )


def test_a_quote_the_next_sentence_closes_is_one_quotation_over_two_sentences() -> None:
    first = (
        'Вест продовжував: "Ви хочете побачити? Я одягну бейсболку. Хочете, щоб світ рухався?',
        'West went on: "You wanna see?" saying that he would "put my cape on. You want more?',
    )
    second = ("Тоді спробуйте любов\".", 'Try love."')
    assert SpacingPunctuationCheck.article_scope
    assert _article(first, second) == []
    # The same sentence alone, or followed by one that closes nothing, is flagged.
    assert [i.pair for i in _article(first)] == [0]
    assert [i.pair for i in _article(first, ("Далі.", "Then."))] == [0]
    # Nor does a close in the next sentence excuse a quote the source does not have.
    unquoted = ("Реклама дещо божевільна.", 'The advert is "a little mad.')
    assert [i.pair for i in _article(unquoted, second)] == [0]


@pytest.mark.parametrize("between", [1, 2, 3])
def test_a_quotation_may_run_on_over_several_sentences(between: int) -> None:
    """Opened in one sentence, closed in a later one, the sentences between quoting
    nothing: one quotation (news style), whatever its length up to four sentences."""
    first = ('Він сказав: "Ми прийдемо".', 'He said: "We will come. We always do.')
    assert [i.pair for i in _article(first)] == [0]
    middle = [("Ми завжди приходимо.", "Nobody can stop us.")] * between
    last = ('Ніхто нас не зупинить".', 'Nothing will stop us."')
    assert _article(first, *middle, last) == []
    # A quoting sentence between them breaks the run: the first quote is left open.
    quoted = ('Він додав: "Так".', 'He added: "Yes."')
    assert [i.pair for i in _article(first, quoted, last)][:1] == [0]
    # Too far: five sentences later is no longer the same quotation.
    far = [("Ми завжди приходимо.", "Nobody can stop us.")] * 5
    assert [i.pair for i in _article(first, *far, last)][:1] == [0]


@pytest.mark.parametrize(
    ("source", "target", "flagged"),
    [
        # The source leaves its said: «... open too, elsewhere in the sentence: a
        # quotation that runs on, wherever each language puts its verb of saying.
        ("Як повідомив у неділю голова міської ради Джон Голдсміт, заявив: «Ми прийдемо.",
         'He said: "We will come, whatever happens, and we will not back down, ever.', False),
        ("Як повідомив у неділю голова міської ради Джон Голдсміт, заявив: «Ми прийдемо.",
         'The chairman said, "we will come, whatever happens, and we will not back down.',
         False),
        # The source closes its quotation: the translation's open one is not excused.
        ("Він сказав: «Ми прийдемо, хоч би що сталося».",
         'He said: "We will come, whatever happens.', True),
        # The translation's quote is not introduced as speech: still flagged.
        ("Він сказав: «Ми прийдемо, хоч би що сталося, і ми не відступимо.",
         'He said we will come, whatever happens, and "we will not back down.', True),
    ],
)  # fmt: skip
def test_a_quote_introduced_as_speech_and_left_open_like_the_source(
    source: str, target: str, flagged: bool
) -> None:
    assert bool(_article((source, target))) is flagged
