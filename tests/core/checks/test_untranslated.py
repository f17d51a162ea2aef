"""untranslated: source-script text left in the translation, with exact spans."""

from __future__ import annotations

from app.core.checks.base import CheckContext
from app.core.checks.untranslated import UntranslatedCheck
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity

CTX = CheckContext("uk", "en")


def check(source: str, target: str, ctx: CheckContext = CTX) -> list[Issue]:
    return list(UntranslatedCheck().run([Pair(0, source, target)], ctx))


def test_target_equal_to_source_is_an_error_spanning_the_text() -> None:
    text = "  Зеленський подякував партнерам.  "
    issues = check("Зеленський подякував партнерам.", text)
    assert len(issues) == 1 and issues[0].severity is Severity.ERROR
    assert text[issues[0].start : issues[0].end] == "Зеленський подякував партнерам."


def test_target_mostly_cyrillic_is_one_error() -> None:
    issues = check("Це речення.", "Це речення залишилося, OK")
    assert [i.severity for i in issues] == [Severity.ERROR]
    assert issues[0].start == 0


def test_cyrillic_clause_span_is_exact() -> None:
    target = "The minister said that «уряд не підтримує цей план» yesterday."
    issues = check("Міністр сказав, що уряд не підтримує цей план.", target)
    expected = [("уряд не підтримує цей план", Severity.ERROR)]
    assert [(i.text, i.severity) for i in issues] == expected
    assert target[issues[0].start : issues[0].end] == issues[0].text


def test_single_word_is_a_warning_and_mixed_script_an_error() -> None:
    issues = check("Київ", "Talks in Kyіv and in місті.")  # "Kyіv" with a Cyrillic і
    assert {(i.text, i.severity) for i in issues} == {
        ("Kyіv", Severity.ERROR),
        ("місті", Severity.WARNING),
    }


def test_clean_translation_and_latin_source_quote_are_not_flagged() -> None:
    assert check("Київ заявив про 5 атак.", "Kyiv reported 5 attacks.") == []
    assert check("Il faut bien le faire.", "Il faut bien le faire.") == []


def test_same_script_languages_are_left_alone() -> None:
    assert check("Добрий день", "Добрый день", CheckContext("uk", "ru")) == []


def test_reverse_direction_flags_latin_left_in_ukrainian() -> None:
    ctx = CheckContext("en", "uk")
    assert [i.text for i in check("The government said so.", "Уряд said so.", ctx)] == [
        "Уряд said so."
    ]
    issues = check("The government said so today.", "Уряд заявив про це, said so, сьогодні.", ctx)
    assert [(i.text, i.severity) for i in issues] == [("said so", Severity.ERROR)]


def test_same_texts_in_other_pairs_report_their_own_pair() -> None:
    """Findings are memoised per text: each pair still gets its own index."""
    pairs = [Pair(i, "Він сказав.", "He said привіт.") for i in (2, 5)]
    pairs.append(Pair(8, "Він сказав.", "He said hello."))
    issues = list(UntranslatedCheck().run(pairs, CTX))
    assert [(i.pair, i.text) for i in issues] == [(2, "привіт"), (5, "привіт")]
